/**
 * wolkvox Record > Create or Update against real HTTP servers on 127.0.0.1: a lookup that fails (an
 * HTML page, a reset, a timeout...) never leads to an insert, and items of one value never overlap.
 */
import type http from 'node:http';
import type { IDataObject } from 'n8n-workflow';
import type { ReceivedRequest } from '../harness/loopback';
import { closeAllServers, json, startServer, text, toPath } from '../harness/loopback';
import { runNode } from '../harness/runNode';
import { answer } from '../wolkvoxCrm/wolkvox';
import { QUERY, INSERT, UPDATE, found, parameters, contact } from '../wolkvoxCrm/createOrUpdate';

afterEach(closeAllServers);

/** A credential pointed at a loopback server. */
const loopbackCredentials = (url: string) => ({
	wolkvoxCrmApi: {
		server: 'custom',
		customHost: url,
		operation: 'tenant1',
		token: 'WOLKVOX-LOOPBACK-TOKEN',
		externalToken: '',
	},
});

const runAgainst = async (
	url: string,
	items: Array<{ json: IDataObject }>,
	extra: IDataObject = {},
) =>
	await runNode({
		node: 'wolkvoxCrm',
		parameters: parameters(extra),
		items,
		credentials: loopbackCredentials(url),
	});

describe('Record > Create or Update: never create on doubt (real servers on 127.0.0.1)', () => {
	/** A server whose query.php misbehaves as `fault` says; insert.php would answer, and is counted. */
	const faulty = async (
		fault: (res: http.ServerResponse, socket: import('node:net').Socket) => void,
	) =>
		await startServer((request, res, socket) => {
			if (request.path.startsWith(QUERY)) return fault(res, socket);
			json(res, 200, answer({ wolkvox_id: 'should-not-exist' }));
		});

	const NO_CREATE =
		'The lookup failed, so no record was created: a record is never created while the lookup is in doubt. Nothing was created or updated for this item.';

	test.each([
		[
			'HTTP 500',
			(res: http.ServerResponse) =>
				json(res, 500, { code: 500, error: 'INTERNAL', msg: 'DB DOWN' }),
			`wolkvox CRM: code 500 INTERNAL: DB DOWN`,
		],
		[
			'HTTP 503 with an HTML page',
			(res: http.ServerResponse) => text(res, 503, '<html><body>Down</body></html>', 'text/html'),
			'wolkvox CRM: HTTP 503',
		],
		[
			'an HTML page in HTTP 200',
			(res: http.ServerResponse) =>
				text(res, 200, '<!DOCTYPE html><html><body>Maintenance</body></html>', 'text/html'),
			`wolkvox CRM: POST ${QUERY}: the answer was an HTML or XML page, where JSON was expected: "<!DOCTYPE html><html><body>Maintenance</body></html>"`,
		],
		[
			'malformed JSON',
			(res: http.ServerResponse) => text(res, 200, '{"code": 200, "data": [', 'application/json'),
			`wolkvox CRM: POST ${QUERY}: the answer was not valid JSON, where JSON was expected: "{"code": 200, "data": ["`,
		],
		[
			'a reset before the answer',
			(_res: http.ServerResponse, socket: import('node:net').Socket) => socket.destroy(),
			`wolkvox CRM: POST ${QUERY}: the server closed the connection before answering. The server may have processed the request: check in wolkvox CRM before running it again.`,
		],
	])('%s: the item fails, zero inserts', async (_label, fault, message) => {
		const server = await faulty(fault);
		const result = await runAgainst(server.url, [contact('ana@x.com')]);
		expect(result.error?.message).toBe(message);
		expect(result.error?.description).toContain(NO_CREATE);
		expect(toPath(server.requests, INSERT)).toHaveLength(0);
		expect(toPath(server.requests, QUERY)).toHaveLength(1);
	});

	test('a lookup that never answers meets Options > Timeout: the item fails, zero inserts', async () => {
		const server = await faulty(() => {
			// Silence, until the test closes the server.
		});
		const result = await runAgainst(server.url, [contact('ana@x.com')], {
			options: { timeout: 300 },
		});
		expect(result.error?.message).toBe(
			`wolkvox CRM: POST ${QUERY}: no answer within 0.3 s, the node's Timeout option. The server may have processed the request: check in wolkvox CRM before running it again.`,
		);
		expect(result.error?.description).toContain(NO_CREATE);
		expect(toPath(server.requests, INSERT)).toHaveLength(0);
	});

	test('the same server answering properly does insert (the tests above can fail)', async () => {
		const server = await faulty((res) => json(res, 200, found([])));
		const result = await runAgainst(server.url, [contact('ana@x.com')]);
		expect(result.error).toBeUndefined();
		expect(toPath(server.requests, INSERT)).toHaveLength(1);
		expect(JSON.parse(toPath(server.requests, INSERT)[0].body)).toEqual({
			operation: 'tenant1',
			module: 'contacts',
			fields: { namecontact: 'Ana Ruiz', emailcontact: 'ana@x.com' },
		});
	});
});

describe('Record > Create or Update: items of one value never overlap, other values run at once (real server)', () => {
	test('Concurrency 2, 10 items over 4 e-mails: 2 requests in flight, never 2 of one e-mail, 4 inserts', async () => {
		const stored: IDataObject[] = [];
		const inFlight = new Map<string, number>();
		const stats = { max: 0, maxOfOneValue: 0, now: 0 };
		const keyOf = (request: ReceivedRequest) => {
			const body = JSON.parse(request.body) as { value?: string; fields?: IDataObject };
			return String(body.value ?? body.fields?.emailcontact)
				.trim()
				.toLowerCase();
		};
		const server = await startServer(
			async (request, res) => {
				const key = keyOf(request);
				inFlight.set(key, (inFlight.get(key) ?? 0) + 1);
				stats.now++;
				stats.max = Math.max(stats.max, stats.now);
				stats.maxOfOneValue = Math.max(stats.maxOfOneValue, inFlight.get(key)!);
				await new Promise((resolve) => setTimeout(resolve, 15));
				inFlight.set(key, inFlight.get(key)! - 1);
				stats.now--;
				const body = JSON.parse(request.body) as { value?: string; fields?: IDataObject };
				if (request.path.startsWith(QUERY)) {
					return json(
						res,
						200,
						found(
							stored.filter((record) => String(record.emailcontact).trim().toLowerCase() === key),
						),
					);
				}
				if (request.path.startsWith(INSERT)) {
					const record = { wolkvox_id: `64cb${stored.length}`, ...body.fields };
					stored.push(record);
					return json(res, 200, answer({ wolkvox_id: record.wolkvox_id }));
				}
				return json(res, 200, answer({ wolkvox_id: request.headers['wolkvox-id'] }));
			},
			{ maxRequests: 40 },
		);
		const emails = [
			'a@x.com',
			'a@x.com',
			'b@x.com',
			'A@x.com',
			'c@x.com',
			'b@x.com',
			'd@x.com',
			'c@x.com',
			'a@x.com',
			'd@x.com',
		];
		const result = await runAgainst(
			server.url,
			emails.map((email) => contact(email)),
			{ options: { concurrency: 2 } },
		);
		expect(result.error).toBeUndefined();
		expect(toPath(server.requests, INSERT)).toHaveLength(4);
		expect(toPath(server.requests, UPDATE)).toHaveLength(6);
		expect(stats.max).toBe(2);
		expect(stats.maxOfOneValue).toBe(1);
		expect(result.json.map((output) => output.action)).toEqual([
			'created',
			'updated',
			'created',
			'updated',
			'created',
			'updated',
			'created',
			'updated',
			'updated',
			'updated',
		]);
	});
});
