/**
 * The triggers under n8n's durable scheduler with durable cursors: each poll gets a copy of the
 * position committed so far, and n8n commits what the poll left in it with the execution, once the
 * poll has returned. After an outage the missed slots of several Poll Times entries all start from
 * the same committed position (scripts/restart measured it in n8n 2.41.1): one of them emits.
 */
import { guardOptions } from '../../nodes/triggers/pollGuard';
import { PollHarness } from '../harness/runPoll';
import {
	appraisal,
	CASABACA_TOKEN,
	casabacaAuth,
	casabacaCredentials,
	casabacaServer,
} from './vendors';

const PATH = '/api/getAvaluos';
const appraisals = (...ids: number[]) => [200, { data: ids.map(appraisal) }] as [number, unknown];
const asked = { method: 'GET', path: PATH, headers: casabacaAuth(CASABACA_TOKEN), body: undefined };
const committed = (lastId: number) => ({
	position: { version: 1, configuration: 'newAppraisal', position: { lastId } },
});
const trigger = (credentialsHelper?: PollHarness['credentialsHelper']) =>
	new PollHarness({
		node: 'sugarCrmCasabacaTrigger',
		parameters: { event: 'newAppraisal' },
		credentials: casabacaCredentials,
		credentialsHelper,
	});

describe('durable cursors: one reading per committed position', () => {
	test('the static data n8n migrates is the position the trigger wrote; the cursor it commits is the next one', async () => {
		casabacaServer().on('GET', PATH, appraisals(1, 2, 3));
		const t = trigger();
		const polled = await t.pollFrom(committed(1));
		expect(polled.emitted).toEqual([appraisal(2), appraisal(3)]);
		expect(polled.cursor).toEqual(committed(3));
	});

	test('a second poll from the same position, before n8n committed the first one, emits nothing and asks nothing', async () => {
		const casabaca = casabacaServer().on('GET', PATH, appraisals(1, 2));
		const t = trigger();
		expect((await t.pollFrom(committed(1))).emitted).toEqual([appraisal(2)]);
		const again = await t.pollFrom(committed(1));
		expect(again).toEqual({ emitted: null, cursor: committed(1) });
		// Once n8n committed the position, the next poll reads from it as usual.
		casabaca.on('GET', PATH, appraisals(1, 2, 3));
		expect((await t.pollFrom(committed(2))).emitted).toEqual([appraisal(3)]);
		expect(casabaca.requests.filter((r) => r.path === PATH)).toEqual([asked, asked]);
	});

	test('polls of the same trigger started together run one after the other: the records once', async () => {
		const casabaca = casabacaServer().on('GET', PATH, appraisals(1, 2));
		const t = trigger();
		const polls = await Promise.all([1, 2, 3].map(async () => await t.pollFrom(committed(1))));
		expect(polls.map((p) => p.emitted)).toEqual([[appraisal(2)], null, null]);
		expect(casabaca.requests.filter((r) => r.path === PATH)).toEqual([asked]);
	});

	test('a position whose execution n8n never stored is read again once it is no longer recent: nothing lost', async () => {
		jest.replaceProperty(guardOptions, 'staleMs', 0);
		casabacaServer().on('GET', PATH, appraisals(1, 2)).on('GET', PATH, appraisals(1, 2));
		const t = trigger();
		expect((await t.pollFrom(committed(1))).emitted).toEqual([appraisal(2)]);
		expect((await t.pollFrom(committed(1))).emitted).toEqual([appraisal(2)]);
	});

	test('another trigger (another workflow) polling from an equal position is not held back', async () => {
		casabacaServer().on('GET', PATH, appraisals(1, 2)).on('GET', PATH, appraisals(1, 2));
		const first = trigger();
		expect((await first.pollFrom(committed(1))).emitted).toEqual([appraisal(2)]);
		// The same credential (its stored token): one login for both.
		expect((await trigger(first.credentialsHelper).pollFrom(committed(1))).emitted).toEqual([
			appraisal(2),
		]);
	});
});
