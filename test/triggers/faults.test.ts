/**
 * A trigger's poll when the wire fails, against a real HTTP server on 127.0.0.1: the words say what
 * happened. A poll only reads (wolkvox's queries are POSTs), so nothing may have been processed, and
 * a trigger has no Timeout option: its limit is named as the time limit of one request.
 */
import * as engineOptions from '../../nodes/common/execution/engineOptions';
import { closeAllServers, startServer } from '../harness/loopback';
import { PollHarness } from '../harness/runPoll';
import { WOLKVOX_OPERATION, WOLKVOX_TOKEN } from './vendors';

afterEach(async () => {
	jest.restoreAllMocks();
	await closeAllServers();
});

const PATH = '/server/API/v2/cases/queryCases.php';

const newCaseTrigger = (url: string) =>
	new PollHarness({
		node: 'wolkvoxCrmTrigger',
		parameters: { event: 'newCase', caseStatus: 'open' },
		credentials: {
			wolkvoxCrmApi: {
				server: 'custom',
				customHost: url,
				operation: WOLKVOX_OPERATION,
				token: WOLKVOX_TOKEN,
			},
		},
	});

describe('wolkvox CRM Trigger: a poll cut off or unanswered', () => {
	test('a reset: the query is named, without "the server may have processed the request"', async () => {
		const server = await startServer((_request, _res, socket) => {
			socket.destroy();
		});
		const result = await newCaseTrigger(server.url).poll();
		expect(result.error?.message).toBe(
			`wolkvox CRM: POST ${PATH}: the server closed the connection before answering.`,
		);
		expect(server.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			`POST ${PATH}`,
		]);
	});

	test('no answer: the time limit of one request, not a Timeout option the trigger does not have', async () => {
		// The trigger's limit (60 s) made short for the test; the server never answers.
		jest.replaceProperty(
			engineOptions as unknown as { DEFAULT_TIMEOUT_MS: number },
			'DEFAULT_TIMEOUT_MS',
			300,
		);
		const server = await startServer(() => {});
		const result = await newCaseTrigger(server.url).poll();
		expect(result.error?.message).toBe(
			`wolkvox CRM: POST ${PATH}: no answer within 0.3 s, the time limit of one request.`,
		);
	});
});
