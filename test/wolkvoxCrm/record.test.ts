import type { IDataObject } from 'n8n-workflow';
import { runNode } from '../harness/runNode';
import { OPERATION, answer, credentials, jsonHeaders, wolkvoxServer } from './wolkvox';

const CUSTOM = '/server/API/v2/custom';

const items = (count: number, json: (i: number) => IDataObject) =>
	Array.from({ length: count }, (_, i) => ({ json: json(i) }));

/** The typed-fields example of the insert many / update many pages. */
const typedFields = {
	Category: 'Arepas',
	Product: 'Arepas should have butter',
	Price: 5500,
	Address: { type: 'address', value: '145a Street #12-60' },
	'Favorite Products': {
		type: 'table',
		value: [{ Clothing: 'T-Shirts' }, { Meat: 'Fish' }, { 'Other options': 'Solid Gold' }],
	},
};

describe('Record > Insert (custom/insert.php)', () => {
	test('name / value pairs become the fields object', async () => {
		const vendor = wolkvoxServer().on('POST', `${CUSTOM}/insert.php`, [
			200,
			answer({ wolkvox_id: '64cb' }),
		]);
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters: {
				resource: 'record',
				operation: 'insert',
				module: 'contacts',
				fieldPairs: {
					field: [
						{ name: 'namecontact', value: 'Ana Ruiz' },
						{ name: 'telephonecontact', value: '3001234567' },
						{ name: 'Tipo de cliente', value: 'Nuevo' },
					],
				},
			},
			credentials,
		});
		expect(result.error).toBeUndefined();
		expect(vendor.requests).toEqual([
			{
				method: 'POST',
				path: `${CUSTOM}/insert.php`,
				headers: jsonHeaders,
				body: {
					operation: OPERATION,
					module: 'contacts',
					fields: {
						namecontact: 'Ana Ruiz',
						telephonecontact: '3001234567',
						'Tipo de cliente': 'Nuevo',
					},
				},
			},
		]);
		expect(result.items).toEqual([{ json: { wolkvox_id: '64cb' }, pairedItem: { item: 0 } }]);
	});

	test('JSON fields carry typed values (address, table) as documented', async () => {
		const vendor = wolkvoxServer().on('POST', `${CUSTOM}/insert.php`, [
			200,
			answer({ wolkvox_id: '64cc' }),
		]);
		await runNode({
			node: 'wolkvoxCrm',
			parameters: {
				resource: 'record',
				operation: 'insert',
				module: 'Ventas',
				fieldsInput: 'json',
				fieldsJson: JSON.stringify(typedFields),
			},
			credentials,
		});
		expect(vendor.requests[0].body).toEqual({
			operation: OPERATION,
			module: 'Ventas',
			fields: typedFields,
		});
	});

	test('at least one field is needed; invalid JSON is named', async () => {
		const none = await runNode({
			node: 'wolkvoxCrm',
			parameters: { resource: 'record', operation: 'insert', module: 'contacts' },
			credentials,
		});
		expect(none.error?.message).toBe(
			'Invalid input in item 0: "Fields" (fields) needs at least one field',
		);
		const bad = await runNode({
			node: 'wolkvoxCrm',
			parameters: {
				resource: 'record',
				operation: 'insert',
				module: 'contacts',
				fieldsInput: 'json',
				fieldsJson: '{"a": ',
			},
			credentials,
		});
		expect(bad.error?.message).toBe(
			'Invalid input in item 0: "Fields (JSON)" (fields) must be valid JSON',
		);
	});
});

describe('Record > Insert Many (custom/insertMany.php): all items, in batches', () => {
	const parameters = {
		resource: 'record',
		operation: 'insertMany',
		module: 'contacts',
		fieldPairs: {
			field: [
				{ name: 'namecontact', value: '={{ $json.name }}' },
				{ name: 'idcontact', value: '={{ $json.id }}' },
			],
		},
		options: { batchSize: 10 },
	};
	const contacts = items(25, (i) => ({ name: `Contact ${i}`, id: `ID-${i}` }));
	const record = (i: number) => ({ namecontact: `Contact ${i}`, idcontact: `ID-${i}` });
	const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

	test('25 items with batch size 10: 3 requests of 10, 10 and 5 records, every output paired with its input', async () => {
		const path = `${CUSTOM}/insertMany.php`;
		const vendor = wolkvoxServer();
		for (const [from, to] of [
			[0, 10],
			[10, 20],
			[20, 25],
		]) {
			vendor.on('POST', path, [
				200,
				answer(
					range(from, to).map((i) => ({ wolkvox_id: `id-${i}` })),
					`${to - from} records inserted`,
				),
			]);
		}
		const result = await runNode({ node: 'wolkvoxCrm', parameters, items: contacts, credentials });
		expect(result.error).toBeUndefined();
		expect(vendor.requests).toEqual(
			[
				[0, 10],
				[10, 20],
				[20, 25],
			].map(([from, to]) => ({
				method: 'POST',
				path,
				headers: jsonHeaders,
				body: { operation: OPERATION, module: 'contacts', fields: range(from, to).map(record) },
			})),
		);
		expect(result.items).toEqual(
			range(0, 25).map((i) => ({ json: { wolkvox_id: `id-${i}` }, pairedItem: { item: i } })),
		);
	});

	test('an answer that is not one entry per record is given to every item of its batch', async () => {
		const vendor = wolkvoxServer().on('POST', `${CUSTOM}/insertMany.php`, [
			200,
			answer(undefined, '3 records inserted'),
		]);
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters,
			items: contacts.slice(0, 3),
			credentials,
		});
		expect(vendor.requests).toHaveLength(1);
		expect(result.items).toEqual(
			range(0, 3).map((i) => ({
				json: answer(undefined, '3 records inserted'),
				pairedItem: { item: i },
			})),
		);
	});

	test('items of different modules never share a request; outputs keep the input order', async () => {
		const vendor = wolkvoxServer()
			.on('POST', `${CUSTOM}/insertMany.php`, [
				200,
				answer([{ wolkvox_id: 'c0' }, { wolkvox_id: 'c2' }]),
			])
			.on('POST', `${CUSTOM}/insertMany.php`, [200, answer([{ wolkvox_id: 'l1' }])]);
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters: { ...parameters, module: '={{ $json.module }}' },
			items: [
				{ json: { module: 'contacts', name: 'A', id: '0' } },
				{ json: { module: 'leads', name: 'B', id: '1' } },
				{ json: { module: 'contacts', name: 'C', id: '2' } },
			],
			credentials,
		});
		expect(vendor.requests.map((r) => r.body)).toEqual([
			{
				operation: OPERATION,
				module: 'contacts',
				fields: [
					{ namecontact: 'A', idcontact: '0' },
					{ namecontact: 'C', idcontact: '2' },
				],
			},
			{ operation: OPERATION, module: 'leads', fields: [{ namecontact: 'B', idcontact: '1' }] },
		]);
		expect(result.items.map((item) => [item.json.wolkvox_id, item.pairedItem])).toEqual([
			['c0', { item: 0 }],
			['l1', { item: 1 }],
			['c2', { item: 2 }],
		]);
	});

	test('a failed batch stops the run, naming its items; later batches are not sent', async () => {
		const path = `${CUSTOM}/insertMany.php`;
		const vendor = wolkvoxServer()
			.on('POST', path, [200, answer(range(0, 10).map((i) => ({ wolkvox_id: `id-${i}` })))])
			.on('POST', path, [
				200,
				{ code: 400, error: 'BAD REQUEST', msg: 'SOME PARAMETERS ARE REQUIRED' },
			]);
		const result = await runNode({ node: 'wolkvoxCrm', parameters, items: contacts, credentials });
		expect(vendor.requests).toHaveLength(2);
		expect(result.error?.message).toBe(
			'wolkvox CRM: code 400 BAD REQUEST: SOME PARAMETERS ARE REQUIRED (HTTP 200) (batch 2 of 3: items 10-19)',
		);
		expect(result.error?.description).toBe(
			'BAD REQUEST. Batch 1 was sent before this one; the batch after it was not sent.',
		);
	});

	test('with Continue On Fail a failed batch marks exactly its own items; the other batches go on', async () => {
		const path = `${CUSTOM}/insertMany.php`;
		const vendor = wolkvoxServer()
			.on('POST', path, [200, answer(range(0, 10).map((i) => ({ wolkvox_id: `id-${i}` })))])
			.on('POST', path, [200, { code: '403', error: 'FORBIDDEN', msg: 'TOKEN LIMIT EXCEEDED' }])
			.on('POST', path, [200, answer(range(20, 25).map((i) => ({ wolkvox_id: `id-${i}` })))]);
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters,
			items: contacts,
			credentials,
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(vendor.requests).toHaveLength(3);
		const error =
			'wolkvox CRM: code 403 FORBIDDEN: TOKEN LIMIT EXCEEDED (HTTP 200) (batch 2 of 3: items 10-19)';
		expect(result.items).toEqual(
			range(0, 25).map((i) => ({
				json: i >= 10 && i < 20 ? { error } : { wolkvox_id: `id-${i}` },
				pairedItem: { item: i },
			})),
		);
	});

	test('with Continue On Fail an invalid item keeps its place and is left out of the batches', async () => {
		const vendor = wolkvoxServer().on('POST', `${CUSTOM}/insertMany.php`, [
			200,
			answer([{ wolkvox_id: 'a' }, { wolkvox_id: 'c' }]),
		]);
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters: { ...parameters, module: '={{ $json.module }}' },
			items: [
				{ json: { module: 'contacts', name: 'A', id: '0' } },
				{ json: { module: '' } },
				{ json: { module: 'contacts', name: 'C', id: '2' } },
			],
			credentials,
			continueOnFail: true,
		});
		expect(vendor.requests[0].body).toEqual({
			operation: OPERATION,
			module: 'contacts',
			fields: [
				{ namecontact: 'A', idcontact: '0' },
				{ namecontact: 'C', idcontact: '2' },
			],
		});
		expect(result.items).toEqual([
			{ json: { wolkvox_id: 'a' }, pairedItem: { item: 0 } },
			{
				json: { error: 'Invalid input in item 1: "Module" (module) is required' },
				pairedItem: { item: 1 },
			},
			{ json: { wolkvox_id: 'c' }, pairedItem: { item: 2 } },
		]);
	});

	test('without a batch size, 50 records go per request', async () => {
		const path = `${CUSTOM}/insertMany.php`;
		const vendor = wolkvoxServer()
			.on('POST', path, [200, answer(undefined, 'ok')])
			.on('POST', path, [200, answer(undefined, 'ok')]);
		await runNode({
			node: 'wolkvoxCrm',
			parameters: { ...parameters, options: {} },
			items: items(60, (i) => ({ name: `C${i}`, id: `${i}` })),
			credentials,
		});
		expect(vendor.requests.map((r) => (r.body as { fields: unknown[] }).fields.length)).toEqual([
			50, 10,
		]);
	});
});

describe('Record > Delete (custom/delete.php)', () => {
	test("one ID: the page's example, multiple false and the ID as text", async () => {
		const vendor = wolkvoxServer().on('POST', `${CUSTOM}/delete.php`, [
			200,
			{ code: 200, error: null, msg: 'Succesfully delete record' },
		]);
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters: {
				resource: 'record',
				operation: 'delete',
				module: 'contacts',
				recordIds: '6074xxx0801374xxxxx781025xxx7d3',
			},
			credentials,
		});
		expect(vendor.requests).toEqual([
			{
				method: 'POST',
				path: `${CUSTOM}/delete.php`,
				headers: jsonHeaders,
				body: {
					operation: OPERATION,
					module: 'contacts',
					multiple: false,
					'wolkvox-id': '6074xxx0801374xxxxx781025xxx7d3',
				},
			},
		]);
		expect(result.json).toEqual([{ code: 200, error: null, msg: 'Succesfully delete record' }]);
	});

	test('several IDs (text or list): multiple true and the list', async () => {
		const vendor = wolkvoxServer()
			.on('POST', `${CUSTOM}/delete.php`, [200, { code: 200, error: null, msg: 'ok' }])
			.on('POST', `${CUSTOM}/delete.php`, [200, { code: 200, error: null, msg: 'ok' }]);
		for (const recordIds of ['64cb, 64cc,64cd', '={{ ["64cb", "64cc", "64cd"] }}']) {
			await runNode({
				node: 'wolkvoxCrm',
				parameters: { resource: 'record', operation: 'delete', module: 'contacts', recordIds },
				credentials,
			});
		}
		expect(vendor.requests.map((r) => r.body)).toEqual(
			Array(2).fill({
				operation: OPERATION,
				module: 'contacts',
				multiple: true,
				'wolkvox-id': ['64cb', '64cc', '64cd'],
			}),
		);
	});
});
