import type { IDataObject } from 'n8n-workflow';
import { runNode } from '../harness/runNode';
import { OPERATION, answer, credentials, jsonHeaders, wolkvoxServer } from './wolkvox';

const CUSTOM = '/server/API/v2/custom';

const items = (count: number, json: (i: number) => IDataObject) =>
	Array.from({ length: count }, (_, i) => ({ json: json(i) }));

describe('Record > Update (custom/update.php)', () => {
	test('the record ID goes in the Wolkvox-id header and in the body; attachments only when given', async () => {
		const vendor = wolkvoxServer().on('POST', `${CUSTOM}/update.php`, [
			200,
			answer({ wolkvox_id: '64cb' }, 'Succesfully edit record'),
		]);
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters: {
				resource: 'record',
				operation: 'update',
				module: 'contacts',
				recordId: '64cb',
				fieldPairs: { field: [{ name: 'namecontact', value: 'Jane Doe' }] },
			},
			credentials,
		});
		expect(result.error).toBeUndefined();
		expect(vendor.requests).toEqual([
			{
				method: 'POST',
				path: `${CUSTOM}/update.php`,
				headers: { ...jsonHeaders, 'wolkvox-id': '64cb' },
				body: {
					operation: OPERATION,
					module: 'contacts',
					'wolkvox-id': '64cb',
					fields: { namecontact: 'Jane Doe' },
				},
			},
		]);
		expect(result.json).toEqual([{ wolkvox_id: '64cb' }]);
	});

	test('attachments from a binary field are added as base64', async () => {
		const vendor = wolkvoxServer().on('POST', `${CUSTOM}/update.php`, [
			200,
			answer({ wolkvox_id: '64cb' }, 'Succesfully edit record'),
		]);
		await runNode({
			node: 'wolkvoxCrm',
			parameters: {
				resource: 'record',
				operation: 'update',
				module: 'Nomina',
				recordId: '64cb',
				fieldsInput: 'json',
				fieldsJson:
					'{"Salario por dia": {"type": "currency", "value": "50000", "symbol": "COP", "convert": 50000}}',
				binaryProperties: 'contract',
			},
			items: [
				{
					json: {},
					binary: {
						contract: {
							data: Buffer.from('%PDF-1.4').toString('base64'),
							mimeType: 'application/pdf',
						},
					},
				},
			],
			credentials,
		});
		expect(vendor.requests[0].body).toEqual({
			operation: OPERATION,
			module: 'Nomina',
			'wolkvox-id': '64cb',
			fields: {
				'Salario por dia': { type: 'currency', value: '50000', symbol: 'COP', convert: 50000 },
			},
			attachments: [Buffer.from('%PDF-1.4').toString('base64')],
		});
	});
});

describe('Record > Update Many (custom/updateMany.php, PUT)', () => {
	test('each record carries its ID; batches by module', async () => {
		const path = `${CUSTOM}/updateMany.php`;
		const vendor = wolkvoxServer()
			.on('PUT', path, [200, answer(undefined, 'Succesfully edit records')])
			.on('PUT', path, [200, answer(undefined, 'Succesfully edit records')]);
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters: {
				resource: 'record',
				operation: 'updateMany',
				module: 'contacts',
				recordId: '={{ $json.id }}',
				fieldPairs: { field: [{ name: 'telephonecontact', value: '={{ $json.phone }}' }] },
				options: { batchSize: 2 },
			},
			items: items(3, (i) => ({ id: `64c${i}`, phone: `30000000${i}` })),
			credentials,
		});
		expect(result.error).toBeUndefined();
		expect(vendor.requests).toEqual([
			{
				method: 'PUT',
				path,
				headers: jsonHeaders,
				body: {
					operation: OPERATION,
					module: 'contacts',
					fields: [
						{ 'wolkvox-id': '64c0', telephonecontact: '300000000' },
						{ 'wolkvox-id': '64c1', telephonecontact: '300000001' },
					],
				},
			},
			{
				method: 'PUT',
				path,
				headers: jsonHeaders,
				body: {
					operation: OPERATION,
					module: 'contacts',
					fields: [{ 'wolkvox-id': '64c2', telephonecontact: '300000002' }],
				},
			},
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
	});

	test('the key of the record ID can be wolkvox_id', async () => {
		const vendor = wolkvoxServer().on('PUT', `${CUSTOM}/updateMany.php`, [
			200,
			answer(undefined, 'ok'),
		]);
		await runNode({
			node: 'wolkvoxCrm',
			parameters: {
				resource: 'record',
				operation: 'updateMany',
				module: 'contacts',
				recordId: '64c0',
				fieldPairs: { field: [{ name: 'namecontact', value: 'Jane' }] },
				options: { idKey: 'wolkvox_id' },
			},
			credentials,
		});
		expect(vendor.requests[0].body).toEqual({
			operation: OPERATION,
			module: 'contacts',
			fields: [{ wolkvox_id: '64c0', namecontact: 'Jane' }],
		});
	});
});
