/** wolkvox CRM Trigger, New Case, through n8n-core's poll path with real static data across polls. */
import { PollHarness } from '../harness/runPoll';
import {
	found,
	WOLKVOX_OPERATION,
	wolkvoxCredentials,
	wolkvoxHeaders,
	wolkvoxServer,
} from './vendors';

const PATH = '/server/API/v2/cases/queryCases.php';
const asked = {
	method: 'POST',
	path: PATH,
	headers: wolkvoxHeaders,
	body: { operation: WOLKVOX_OPERATION, field: 'status', value: 'open' },
};
const kase = (n: number) => ({
	wolkvox_id: `case${n}`,
	idCase: String(n),
	idPrefijo: `CAS-${String(n).padStart(4, '0')}`,
	status: 'open',
});
const newCaseTrigger = () =>
	new PollHarness({
		node: 'wolkvoxCrmTrigger',
		parameters: { event: 'newCase', caseStatus: 'open' },
		credentials: wolkvoxCredentials,
	});

describe('wolkvox CRM Trigger: New Case', () => {
	test('one request per poll for the cases in the new-case status; a case number above the highest seen is new', async () => {
		const wolkvox = wolkvoxServer().on('POST', PATH, [200, found([kase(7), kase(3)])]);
		const trigger = newCaseTrigger();
		expect(await trigger.poll({ activation: true })).toEqual({ emitted: null });
		expect(trigger.nodeStaticData.position).toEqual({
			version: 1,
			// Stored as a list: a NUL character is refused by PostgreSQL's jsonb.
			configuration: '["newCase","open"]',
			position: { lastId: 7 },
		});

		wolkvox.on('POST', PATH, [200, found([kase(10), kase(7), kase(9), kase(3)])]);
		expect(await trigger.poll()).toEqual({ emitted: [kase(9), kase(10)] });
		// Case 9 left the status: not a reason to emit anything again.
		wolkvox.on('POST', PATH, [200, found([kase(10), kase(7)])]);
		expect(await trigger.poll()).toEqual({ emitted: null });
		expect(wolkvox.requests).toEqual([asked, asked, asked]);
	});

	test('a position saved by an earlier version (its configuration joined by NUL) is carried on, not started over', async () => {
		const wolkvox = wolkvoxServer().on('POST', PATH, [200, found([kase(10), kase(7), kase(9)])]);
		const trigger = newCaseTrigger();
		trigger.nodeStaticData.position = {
			version: 1,
			configuration: 'newCase\u0000open',
			position: { lastId: 7 },
		};
		expect(await trigger.poll()).toEqual({ emitted: [kase(9), kase(10)] });
		expect(trigger.nodeStaticData.position).toEqual({
			version: 1,
			configuration: '["newCase","open"]',
			position: { lastId: 10 },
		});
		expect(wolkvox.requests).toEqual([asked]);
	});

	test('a failing poll keeps the case number; Fetch Test Event returns the newest case without moving it', async () => {
		const wolkvox = wolkvoxServer().on('POST', PATH, [200, found([kase(1)])]);
		const trigger = newCaseTrigger();
		await trigger.poll({ activation: true });
		wolkvox.on('POST', PATH, [502, 'Bad Gateway']);
		const failed = await trigger.poll();
		expect(failed.error?.message).toBe('wolkvox CRM: HTTP 502: Bad Gateway');
		expect(trigger.nodeStaticData.position).toMatchObject({ position: { lastId: 1 } });

		wolkvox.on('POST', PATH, [200, found([kase(1), kase(2)])]);
		expect((await trigger.fetchTestEvent()).emitted).toEqual([kase(2)]);
		wolkvox.on('POST', PATH, [200, found([kase(1), kase(2)])]);
		expect((await trigger.poll()).emitted).toEqual([kase(2)]);
	});

	test('a case without a whole-number idCase fails the poll with a clear error', async () => {
		wolkvoxServer().on('POST', PATH, [200, found([{ wolkvox_id: 'x', idCase: 'CAS-1' }])]);
		const { error } = await newCaseTrigger().poll();
		expect(error?.message).toBe('A case came without a whole-number idCase ("CAS-1")');
	});

	test('the new-case status is required', async () => {
		const trigger = new PollHarness({
			node: 'wolkvoxCrmTrigger',
			parameters: { event: 'newCase' },
			credentials: wolkvoxCredentials,
		});
		expect((await trigger.poll()).error?.message).toBe(
			'Invalid parameter: "Status of New Cases" (caseStatus) is required',
		);
	});
});
