import { runNode } from '../harness/runNode';
import { TOKEN, answer, credentials, wolkvoxServer } from './wolkvox';

const INSERT = '/server/API/v2/custom/insert.php';

const insert = (name = 'Ana') => ({
	resource: 'record',
	operation: 'insert',
	module: 'contacts',
	fieldPairs: { field: [{ name: 'namecontact', value: name }] },
});

describe("wolkvox answers whose code is not 200 are failures, with the vendor's words", () => {
	test.each([
		[
			200,
			{ code: 403, error: 'FORBIDDEN', msg: 'TOKEN LIMIT EXCEEDED', data: null },
			'wolkvox CRM: code 403 FORBIDDEN: TOKEN LIMIT EXCEEDED (HTTP 200)',
		],
		[
			200,
			{ code: '400', error: 'BAD REQUEST', msg: 'SOME PARAMETERS ARE REQUIRED' },
			'wolkvox CRM: code 400 BAD REQUEST: SOME PARAMETERS ARE REQUIRED (HTTP 200)',
		],
		[
			200,
			{ code: 404, error: 'null', msg: 'Record not found' },
			'wolkvox CRM: code 404: Record not found (HTTP 200)',
		],
		[
			403,
			{ code: 403, error: 'FORBIDDEN', msg: 'PLEASE VALIDATE TOKEN' },
			'wolkvox CRM: code 403 FORBIDDEN: PLEASE VALIDATE TOKEN',
		],
		[
			400,
			{ code: 400, error: 'BAD REQUEST', msg: 'THE API YOU WANT TO CONSULT DOES NOT EXIST' },
			'wolkvox CRM: code 400 BAD REQUEST: THE API YOU WANT TO CONSULT DOES NOT EXIST',
		],
		[500, '<html><body>Internal Server Error</body></html>', 'wolkvox CRM: HTTP 500'],
		[502, 'Bad gateway', 'wolkvox CRM: HTTP 502: Bad gateway'],
	])('HTTP %i %j', async (status, body, message) => {
		wolkvoxServer().on('POST', INSERT, [status, body]);
		const result = await runNode({ node: 'wolkvoxCrm', parameters: insert(), credentials });
		expect(result.error?.message).toBe(message);
		expect(result.error?.httpCode).toBe(String(status));
		expect(JSON.stringify(result.run.data.resultData)).not.toContain(TOKEN);
	});

	test('a JSON answer labelled as text/html (PHP) is still read, also for its code', async () => {
		wolkvoxServer()
			.on('POST', INSERT, [
				200,
				JSON.stringify(answer({ wolkvox_id: '64cb' })),
				{ 'Content-Type': 'text/html; charset=UTF-8' },
			])
			.on('POST', INSERT, [
				200,
				JSON.stringify({ code: 401, error: 'UNAUTHORIZED', msg: 'PLEASE ENTER THE WOLKVOX-TOKEN' }),
				{ 'Content-Type': 'text/html' },
			]);
		const ok = await runNode({ node: 'wolkvoxCrm', parameters: insert(), credentials });
		expect(ok.json).toEqual([{ wolkvox_id: '64cb' }]);
		const failed = await runNode({ node: 'wolkvoxCrm', parameters: insert(), credentials });
		expect(failed.error?.message).toBe(
			'wolkvox CRM: code 401 UNAUTHORIZED: PLEASE ENTER THE WOLKVOX-TOKEN (HTTP 200)',
		);
	});

	test("HTTP 401 is final for a fixed token: sent once, with the vendor's words", async () => {
		const refused: [number, unknown] = [
			401,
			{ code: 401, error: 'UNAUTHORIZED', msg: 'PLEASE ENTER THE WOLKVOX-TOKEN' },
		];
		const vendor = wolkvoxServer().on('POST', INSERT, refused);
		const result = await runNode({ node: 'wolkvoxCrm', parameters: insert(), credentials });
		expect(vendor.requests).toHaveLength(1);
		expect(result.error?.message).toBe(
			'wolkvox CRM: code 401 UNAUTHORIZED: PLEASE ENTER THE WOLKVOX-TOKEN',
		);
	});

	test('Continue On Fail: the failing item yields {error}, the others go on, each paired with its input', async () => {
		const vendor = wolkvoxServer()
			.on('POST', INSERT, [200, answer({ wolkvox_id: 'a' })])
			.on('POST', INSERT, [
				200,
				{ code: 400, error: 'BAD REQUEST', msg: 'SOME PARAMETERS ARE REQUIRED' },
			])
			.on('POST', INSERT, [200, answer({ wolkvox_id: 'c' })]);
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters: insert('={{ $json.name }}'),
			items: [{ json: { name: 'A' } }, { json: { name: 'B' } }, { json: { name: 'C' } }],
			credentials,
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(vendor.requests).toHaveLength(3);
		expect(result.items).toEqual([
			{ json: { wolkvox_id: 'a' }, pairedItem: { item: 0 } },
			{
				json: {
					error: 'wolkvox CRM: code 400 BAD REQUEST: SOME PARAMETERS ARE REQUIRED (HTTP 200)',
				},
				pairedItem: { item: 1 },
			},
			{ json: { wolkvox_id: 'c' }, pairedItem: { item: 2 } },
		]);
	});
});

describe('validation happens before anything is sent', () => {
	test('an invalid item stops the run before the first request, naming the item and the field', async () => {
		const vendor = wolkvoxServer();
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters: { ...insert(), module: '={{ $json.module }}' },
			items: [{ json: { module: 'contacts' } }, { json: { module: '' } }],
			credentials,
		});
		expect(vendor.requests).toEqual([]);
		expect(result.error?.message).toBe('Invalid input in item 1: "Module" (module) is required');
		expect(result.error?.context?.itemIndex).toBe(1);
		expect(result.error?.description).toMatch(/Nothing was sent/);
	});
});
