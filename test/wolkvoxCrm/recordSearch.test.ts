import { runNode } from '../harness/runNode';
import { OPERATION, TOKEN, answer, credentials, jsonHeaders, wolkvoxServer } from './wolkvox';

const CUSTOM = '/server/API/v2/custom';

describe('Record > Search by Date Range (custom/queryDates.php)', () => {
	test("the page's example: date true, from and to as Y-m-d H:i, limit as text; one item per record", async () => {
		const records = [
			{ wolkvox_id: '64cb', namecontact: 'Ana' },
			{ wolkvox_id: '64cc', namecontact: 'Luis' },
		];
		const vendor = wolkvoxServer().on('POST', `${CUSTOM}/queryDates.php`, [
			200,
			{
				code: 200,
				error: null,
				msg: '2 records were are found',
				'Total records': 2,
				data: records,
			},
		]);
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters: {
				resource: 'record',
				operation: 'searchByDate',
				module: 'contacts',
				from: '2023-09-01T00:00:00',
				to: '2023-09-30 00:00',
				options: { recordLimit: 2 },
			},
			credentials,
		});
		expect(vendor.requests).toEqual([
			{
				method: 'POST',
				path: `${CUSTOM}/queryDates.php`,
				headers: jsonHeaders,
				body: {
					operation: OPERATION,
					module: 'contacts',
					date: true,
					from: '2023-09-01 00:00',
					to: '2023-09-30 00:00',
					limit: '2',
				},
			},
		]);
		expect(result.json).toEqual(records);
	});

	test('the range must not end before it starts', async () => {
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters: {
				resource: 'record',
				operation: 'searchByDate',
				module: 'contacts',
				from: '2023-09-30 00:00',
				to: '2023-09-01 00:00',
			},
			credentials,
		});
		expect(result.error?.message).toBe(
			'Invalid input in item 0: "To" (to) must not be before From',
		);
	});
});

describe('Record > Search by Field (custom/query.php)', () => {
	test('module, field and value', async () => {
		const vendor = wolkvoxServer().on('POST', `${CUSTOM}/query.php`, [
			200,
			answer([{ wolkvox_id: '64cb', Categoria: 'Arepas' }], '1 records were are found'),
		]);
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters: {
				resource: 'record',
				operation: 'search',
				module: 'Ventas',
				field: 'Categoria',
				value: 'Arepas',
			},
			credentials,
		});
		expect(vendor.requests).toEqual([
			{
				method: 'POST',
				path: `${CUSTOM}/query.php`,
				headers: jsonHeaders,
				body: { operation: OPERATION, module: 'Ventas', field: 'Categoria', value: 'Arepas' },
			},
		]);
		expect(result.json).toEqual([{ wolkvox_id: '64cb', Categoria: 'Arepas' }]);
		expect(JSON.stringify(result.json)).not.toContain(TOKEN);
	});
});
