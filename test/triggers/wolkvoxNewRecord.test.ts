/** wolkvox CRM Trigger, New Record, through n8n-core's poll path with real static data and a controlled clock. */
import type { INodeParameters } from 'n8n-workflow';

import { PollHarness } from '../harness/runPoll';
import {
	found,
	WOLKVOX_OPERATION,
	wolkvoxCredentials,
	wolkvoxHeaders,
	wolkvoxServer,
} from './vendors';

const PATH = '/server/API/v2/custom/queryDates.php';
const asked = (from: string, to: string, module = 'contacts') => ({
	method: 'POST',
	path: PATH,
	headers: wolkvoxHeaders,
	body: { operation: WOLKVOX_OPERATION, module, date: true, from, to },
});
const record = (id: string, name = `Contacto ${id}`) => ({
	wolkvox_id: id,
	namecontact: name,
	emailcontact: `${id}@example.com`,
});
const newRecordTrigger = (options: INodeParameters = {}) =>
	new PollHarness({
		node: 'wolkvoxCrmTrigger',
		parameters: { event: 'newRecord', module: 'contacts', options },
		credentials: wolkvoxCredentials,
	});

// Only Date is faked: n8n-core and nock keep their real timers.
const at = (iso: string) => jest.setSystemTime(new Date(iso));
beforeEach(() =>
	jest.useFakeTimers({
		doNotFake: [
			'hrtime',
			'nextTick',
			'performance',
			'queueMicrotask',
			'setImmediate',
			'clearImmediate',
			'setInterval',
			'clearInterval',
			'setTimeout',
			'clearTimeout',
		],
	}),
);
afterEach(() => jest.useRealTimers());

describe('wolkvox CRM Trigger: New Record', () => {
	test('one request per poll, from the minute before the last poll to now; a record asked for twice comes out once', async () => {
		const wolkvox = wolkvoxServer();
		const trigger = newRecordTrigger();

		at('2025-03-10T15:30:20Z');
		wolkvox.on('POST', PATH, [200, found([record('a1')])]);
		expect(await trigger.poll({ activation: true })).toEqual({ emitted: null });
		expect(trigger.nodeStaticData.position).toMatchObject({
			position: { lastMinute: Date.parse('2025-03-10T15:30:00Z'), ids: ['a1'] },
		});

		at('2025-03-10T15:31:05Z');
		wolkvox.on('POST', PATH, [200, found([record('a1'), record('b2')])]);
		expect(await trigger.poll()).toEqual({ emitted: [record('b2')] });

		at('2025-03-10T15:31:40Z');
		wolkvox.on('POST', PATH, [200, found([record('b2'), record('c3'), record('d4')])]);
		expect(await trigger.poll()).toEqual({ emitted: [record('c3'), record('d4')] });

		// Nothing new: still exactly one request (one call of the quota), and null.
		at('2025-03-10T15:32:10Z');
		wolkvox.on('POST', PATH, [200, found([])]);
		expect(await trigger.poll()).toEqual({ emitted: null });

		expect(wolkvox.requests).toEqual([
			asked('2025-03-10 15:29', '2025-03-10 15:30'),
			asked('2025-03-10 15:29', '2025-03-10 15:31'),
			asked('2025-03-10 15:30', '2025-03-10 15:31'),
			asked('2025-03-10 15:30', '2025-03-10 15:32'),
		]);
	});

	test('"nothing found" without data is an empty answer, not an error', async () => {
		const wolkvox = wolkvoxServer();
		const trigger = newRecordTrigger();
		at('2025-03-10T15:30:20Z');
		wolkvox.on('POST', PATH, [
			200,
			{ code: 200, error: 'null', msg: '0 records were are found', data: null },
		]);
		expect(await trigger.poll({ activation: true })).toEqual({ emitted: null });
		at('2025-03-10T15:31:20Z');
		wolkvox.on('POST', PATH, [200, { code: 200, error: 'null', msg: '0 records were are found' }]);
		expect(await trigger.poll()).toEqual({ emitted: null });
	});

	test('a failing poll (token limit reached) keeps the range: the next poll asks from where the last good one ended', async () => {
		const wolkvox = wolkvoxServer();
		const trigger = newRecordTrigger();
		at('2025-03-10T15:30:20Z');
		wolkvox.on('POST', PATH, [200, found([])]);
		await trigger.poll({ activation: true });

		at('2025-03-10T15:45:00Z');
		wolkvox.on('POST', PATH, [
			200,
			{ code: 403, error: 'FORBIDDEN', msg: 'TOKEN LIMIT EXCEEDED', data: null },
		]);
		const failed = await trigger.poll();
		expect(failed.error?.message).toBe(
			'wolkvox CRM: code 403 FORBIDDEN: TOKEN LIMIT EXCEEDED (HTTP 200)',
		);
		expect(failed.error?.description).toMatch(/kept its position/);

		at('2025-03-10T16:02:30Z');
		wolkvox.on('POST', PATH, [200, found([record('e5')])]);
		expect(await trigger.poll()).toEqual({ emitted: [record('e5')] });
		expect(
			wolkvox.requests.map((request) => [
				(request.body as { from: string }).from,
				(request.body as { to: string }).to,
			]),
		).toEqual([
			['2025-03-10 15:29', '2025-03-10 15:30'],
			['2025-03-10 15:29', '2025-03-10 15:45'],
			['2025-03-10 15:29', '2025-03-10 16:02'],
		]);
	});

	test("the range is written in the CRM's time zone (option), else in the workflow's", async () => {
		const wolkvox = wolkvoxServer();
		at('2025-03-10T15:30:20Z');
		wolkvox.on('POST', PATH, [200, found([])]).on('POST', PATH, [200, found([])]);
		await newRecordTrigger({ timezone: 'America/Bogota' }).poll({ activation: true });
		await new PollHarness({
			node: 'wolkvoxCrmTrigger',
			parameters: { event: 'newRecord', module: 'contacts' },
			credentials: wolkvoxCredentials,
			timezone: 'Europe/Madrid',
		}).poll({ activation: true });
		expect(wolkvox.requests).toEqual([
			asked('2025-03-10 10:29', '2025-03-10 10:30'),
			asked('2025-03-10 16:29', '2025-03-10 16:30'),
		]);

		const { error } = await newRecordTrigger({ timezone: 'Bogota' }).poll();
		expect(error?.message).toBe(
			'Invalid parameter: "Options › CRM Time Zone" (timezone) must be an IANA time zone such as America/Bogota',
		);
	});

	test('an answer holding fewer records than its "Total records" is asked for again in two halves', async () => {
		const wolkvox = wolkvoxServer();
		const trigger = newRecordTrigger();
		at('2025-03-10T15:29:10Z');
		wolkvox.on('POST', PATH, [200, found([])]);
		await trigger.poll({ activation: true });
		at('2025-03-10T15:35:50Z');
		wolkvox
			.on('POST', PATH, [200, found([record('r1'), record('r2')], 4)])
			.on('POST', PATH, [200, found([record('r1'), record('r2')])])
			.on('POST', PATH, [200, found([record('r2'), record('r3'), record('r4')])]);
		expect((await trigger.poll()).emitted).toEqual([
			record('r1'),
			record('r2'),
			record('r3'),
			record('r4'),
		]);
		expect(wolkvox.requests.slice(1)).toEqual([
			asked('2025-03-10 15:28', '2025-03-10 15:35'),
			asked('2025-03-10 15:28', '2025-03-10 15:31'),
			asked('2025-03-10 15:31', '2025-03-10 15:35'),
		]);
	});

	test('Fetch Test Event returns the latest record of the last 24 hours and moves nothing', async () => {
		const wolkvox = wolkvoxServer();
		const trigger = newRecordTrigger();
		at('2025-03-10T15:30:20Z');
		wolkvox.on('POST', PATH, [200, found([record('x1'), record('x2')])]);
		expect(await trigger.fetchTestEvent()).toEqual({ emitted: [record('x2')], error: undefined });
		expect(wolkvox.requests).toEqual([asked('2025-03-09 15:30', '2025-03-10 15:30')]);
		expect(trigger.nodeStaticData).toEqual({});
	});

	test('memory stays bounded: after 10,000 records it keeps the ids of the last answer only, at most 1,000', async () => {
		const wolkvox = wolkvoxServer();
		const trigger = newRecordTrigger();
		at('2025-03-10T15:30:20Z');
		wolkvox.on('POST', PATH, [200, found([])]);
		await trigger.poll({ activation: true });
		const batch = (from: number) => Array.from({ length: 5000 }, (_, i) => record(`r${from + i}`));
		at('2025-03-10T15:40:00Z');
		wolkvox.on('POST', PATH, [200, found(batch(0))]);
		expect((await trigger.poll()).emitted).toHaveLength(5000);
		at('2025-03-10T15:50:00Z');
		wolkvox.on('POST', PATH, [200, found([...batch(4000).slice(0, 1000), ...batch(5000)])]);
		const { emitted } = await trigger.poll();
		expect(emitted).toHaveLength(5000);
		expect(emitted?.[0]).toEqual(record('r5000'));
		const stored = trigger.nodeStaticData.position as { position: { ids: string[] } };
		expect(stored.position.ids).toEqual(Array.from({ length: 1000 }, (_, i) => `r${9000 + i}`));
		expect(JSON.stringify(trigger.nodeStaticData).length).toBeLessThan(10_000);
	});
});
