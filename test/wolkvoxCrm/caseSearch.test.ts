import { runNode } from '../harness/runNode';
import { OPERATION, TOKEN, answer, credentials, jsonHeaders, wolkvoxServer } from './wolkvox';

describe('Case > Search (cases/queryCases.php)', () => {
	test('sends field and value; each case found becomes an item', async () => {
		const cases = [
			{ wolkvox_id: '64cb1a', idCase: '12', status: 'abierto' },
			{ wolkvox_id: '64cb1b', idCase: '13', status: 'abierto' },
		];
		const vendor = wolkvoxServer().on('POST', '/server/API/v2/cases/queryCases.php', [
			200,
			{ code: 200, error: null, msg: '2 records were are found', 'Total records': 2, data: cases },
		]);
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters: { resource: 'case', operation: 'search', field: 'status', value: 'abierto' },
			credentials,
		});
		expect(vendor.requests).toEqual([
			{
				method: 'POST',
				path: '/server/API/v2/cases/queryCases.php',
				headers: jsonHeaders,
				body: { operation: OPERATION, field: 'status', value: 'abierto' },
			},
		]);
		expect(result.items).toEqual(cases.map((json) => ({ json, pairedItem: { item: 0 } })));
	});

	test('the filter field is one of the documented ones', async () => {
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters: { resource: 'case', operation: 'search', field: '={{ "colour" }}', value: 'x' },
			credentials,
		});
		expect(result.error?.message).toMatch(
			/^Invalid input in item 0: "Field" \(field\) must be one of: case expired, idCase, /,
		);
	});
});

describe('Case > Get Notes History (cases/listHistoryNote.php, External token)', () => {
	const EXTERNAL = 'X9-external-company-token';
	const PATH = '/server/API/v2/cases/listHistoryNote.php';
	const withExternal = { wolkvoxCrmApi: { ...credentials.wolkvoxCrmApi, externalToken: EXTERNAL } };

	test("sends field, value and limit with the credential's External token in Wolkvox-Token; each note becomes an item", async () => {
		const notes = [
			{ idCase: '12', note: 'Cliente llamó', date: '2024-05-06 10:00:00' },
			{ idCase: '13', note: 'Se envió cotización', date: '2024-05-07 11:30:00' },
		];
		const vendor = wolkvoxServer().on('POST', PATH, [
			200,
			answer(notes, '2 records were are found'),
		]);
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters: {
				resource: 'case',
				operation: 'getNotesHistory',
				field: 'type case',
				value: 'Request',
				options: { noteLimit: 2 },
			},
			credentials: withExternal,
		});
		expect(result.error).toBeUndefined();
		expect(vendor.requests).toEqual([
			{
				method: 'POST',
				path: PATH,
				headers: { ...jsonHeaders, 'wolkvox-token': EXTERNAL },
				body: { operation: OPERATION, field: 'type case', value: 'Request', limit: 2 },
			},
		]);
		expect(result.json).toEqual(notes);
	});

	test('the other operations keep the Internal token', async () => {
		const vendor = wolkvoxServer().on('POST', '/server/API/v2/cases/queryCases.php', [
			200,
			answer([]),
		]);
		await runNode({
			node: 'wolkvoxCrm',
			parameters: { resource: 'case', operation: 'search', field: 'status', value: 'abierto' },
			credentials: withExternal,
		});
		expect(vendor.requests[0].headers).toEqual(jsonHeaders);
	});

	test('without an External token in the credential, it says so and sends nothing', async () => {
		const vendor = wolkvoxServer();
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters: {
				resource: 'case',
				operation: 'getNotesHistory',
				field: 'type case',
				value: 'Request',
			},
			credentials,
		});
		expect(result.error?.message).toBe('The wolkvox CRM credential has no External Token');
		expect(vendor.requests).toEqual([]);
		expect(JSON.stringify(result.error)).not.toContain(TOKEN);
	});
});
