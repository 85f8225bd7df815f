/**
 * A login that could not be completed is not a refused login: a proxy's 502 page, a captive
 * portal's HTML 200, a reset or a timeout fail the items that needed the token, the next item
 * tries again, and while the server stays down the attempts stay within the documented bound
 * (two in a row, then one per 10 s per credential). Only the vendor's documented refusal is
 * remembered for the rest of the execution. Against real HTTP servers on 127.0.0.1.
 */
import type http from 'node:http';

import { RETRY_WINDOW_MS } from '../../nodes/common/wire/loginGate';
import { newCredentialsHelper, runNode } from '../harness/runNode';
import type { ReceivedRequest } from '../harness/loopback';
import { closeAllServers, json, startServer, text } from '../harness/loopback';
import type { VendorCase } from './vendors';
import { answerLogin, casabaca, lines, sml } from './vendors';

afterEach(async () => {
	jest.restoreAllMocks();
	await closeAllServers();
});

const NOT_COMPLETED =
	'The credential was not refused: the server, or something between it and n8n, did not complete the login. The next item that needs a token tries again.';
const HELD =
	'No new login was tried for this item: the last two attempts failed, and while the login keeps failing it is tried at most once every 10 seconds.';

/** A proxy's error page: long enough that only its first words may reach a message. */
const PROXY_PAGE = `<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center>${'<!-- padding -->'.repeat(40)}<p>the end of the page</p></body></html>`;
const PROXY_WORDS =
	'<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</cente…';
const PORTAL_PAGE =
	'<!DOCTYPE html><html><head><title>Wi-Fi login</title></head><body><form action="/portal">Accept the terms to continue</form></body></html>';
const PORTAL_WORDS =
	'<!DOCTYPE html><html><head><title>Wi-Fi login</title></head><body><form action="/portal">Accept the terms to continue</f…';

const ownLogin = (vendor: VendorCase) =>
	vendor === sml
		? { resource: 'session', operation: 'logIn' }
		: { resource: 'session', operation: 'createToken' };

const refuse = (vendor: VendorCase, res: http.ServerResponse) =>
	vendor === sml
		? json(res, 400, { non_field_errors: ['Unable to log in with provided credentials.'] })
		: json(res, 500, { message: 'Password incorrecto' });

const isLogin = (vendor: VendorCase, request: ReceivedRequest) =>
	request.path === vendor.login!.path;

/** Everything the run produced, errors with their descriptions, as one text. */
const dumped = (value: unknown) =>
	JSON.stringify(value, (_key, entry: unknown) =>
		entry instanceof Error
			? { message: entry.message, description: (entry as { description?: unknown }).description }
			: entry,
	);

describe.each([sml, casabaca])('$label: a login that could not be completed', (vendor) => {
	const loginPath = vendor.login!.path;
	const notCompleted = (what: string) =>
		`${vendor.vendor} login could not be completed (POST ${loginPath}): ${what}.`;

	const run = (url: string, extra: object = {}, parameters: object = vendor.read.parameters) =>
		runNode({
			node: vendor.node,
			parameters: parameters as never,
			credentials: vendor.credentials(url),
			...extra,
		});

	test('HTTP 502 with a proxy page: the first words of it, never the page, never the password', async () => {
		const server = await startServer((_request, res) => text(res, 502, PROXY_PAGE, 'text/html'));
		const result = await run(server.url);
		expect(result.error?.message).toBe(
			notCompleted(
				`the server answered HTTP 502 with an HTML page, not a login answer: "${PROXY_WORDS}"`,
			),
		);
		expect(result.error?.description).toBe(NOT_COMPLETED);
		expect(lines(server.requests)).toEqual([`POST ${loginPath}`]);
		const everything = dumped(result.run.data.resultData);
		expect(everything).not.toContain('the end of the page');
		for (const secret of vendor.secrets) expect(everything).not.toContain(secret);
	});

	test('HTTP 200 with a captive portal page is no login answer', async () => {
		const server = await startServer((_request, res) => text(res, 200, PORTAL_PAGE, 'text/html'));
		const result = await run(server.url);
		expect(result.error?.message).toBe(
			notCompleted(
				`the server answered HTTP 200 with an HTML page, not a login answer: "${PORTAL_WORDS}"`,
			),
		);
		expect(result.error?.description).toBe(NOT_COMPLETED);
	});

	test('a reset during the login', async () => {
		const server = await startServer((_request, _res, socket) => {
			socket.destroy();
		});
		const result = await run(server.url);
		expect(result.error?.message).toBe(
			notCompleted('the server closed the connection before answering'),
		);
		expect(result.error?.description).toBe(NOT_COMPLETED);
	});

	test(`${vendor === sml ? 'Log In' : 'Create Token'} honours Options > Timeout; a login that times out is tried once more, then held`, async () => {
		// The server never answers the login: only the node's 300 ms limit ends it.
		const server = await startServer(() => {});
		const items = Array.from({ length: 3 }, () => ({ json: {} }));
		const result = await run(
			server.url,
			{ items, continueOnFail: true },
			{ ...ownLogin(vendor), options: { timeout: 300 } },
		);
		expect(lines(server.requests)).toEqual([`POST ${loginPath}`, `POST ${loginPath}`]);
		expect(result.items).toEqual(
			items.map((_item, index) => ({
				json: { error: notCompleted("no answer within 0.3 s, the node's Timeout option") },
				pairedItem: { item: index },
			})),
		);
	});

	test('a server that recovers after one bad answer: the next item logs in and the later items succeed', async () => {
		let logins = 0;
		const server = await startServer((request, res) => {
			if (isLogin(vendor, request) && ++logins === 1) {
				text(res, 502, PROXY_PAGE, 'text/html');
				return;
			}
			if (answerLogin(vendor, request, res)) return;
			json(res, 200, vendor.read.answer);
		});
		const items = Array.from({ length: 4 }, () => ({ json: {} }));
		const result = await run(
			server.url,
			{ items, continueOnFail: true },
			{ ...vendor.read.parameters, options: { concurrency: 1 } },
		);
		expect(lines(server.requests)).toEqual([
			`POST ${loginPath}`,
			`POST ${loginPath}`,
			...items.slice(1).map(() => `GET ${vendor.read.path}`),
		]);
		expect(result.json).toEqual([
			{
				error: notCompleted(
					`the server answered HTTP 502 with an HTML page, not a login answer: "${PROXY_WORDS}"`,
				),
			},
			{ ...(vendor.read.output as object) },
			{ ...(vendor.read.output as object) },
			{ ...(vendor.read.output as object) },
		]);
	});

	test('a server that stays down: two attempts, then none within 10 s, then one', async () => {
		const server = await startServer((_request, res) => text(res, 503, PROXY_PAGE, 'text/html'), {
			maxRequests: 10,
		});
		const items = Array.from({ length: 30 }, () => ({ json: {} }));
		const parameters = { ...vendor.read.parameters, options: { concurrency: 1 } };
		const first = await run(server.url, { items, continueOnFail: true }, parameters);
		const message = notCompleted(
			`the server answered HTTP 503 with an HTML page, not a login answer: "${PROXY_WORDS}"`,
		);
		expect(lines(server.requests)).toEqual([`POST ${loginPath}`, `POST ${loginPath}`]);
		expect(first.json).toEqual(items.map(() => ({ error: message })));

		// Another execution within the window: the same failure at once, nothing sent.
		const second = await run(server.url);
		expect(second.error?.message).toBe(message);
		expect(second.error?.description).toBe(HELD);
		expect(server.requests).toHaveLength(2);

		// Once the window has passed since the last failure, one new attempt.
		const now = Date.now();
		jest.spyOn(Date, 'now').mockImplementation(() => now + RETRY_WINDOW_MS + 1_000);
		const third = await run(server.url, { items, continueOnFail: true }, parameters);
		expect(lines(server.requests)).toEqual([
			`POST ${loginPath}`,
			`POST ${loginPath}`,
			`POST ${loginPath}`,
		]);
		expect(third.json).toEqual(items.map(() => ({ error: message })));
	});

	test('a wrong password: one attempt per execution, also one item at a time', async () => {
		const server = await startServer((_request, res) => refuse(vendor, res));
		const items = Array.from({ length: 5 }, () => ({ json: {} }));
		const parameters = { ...vendor.read.parameters, options: { concurrency: 1 } };
		await run(server.url, { items, continueOnFail: true }, parameters);
		await run(server.url, { items, continueOnFail: true }, parameters);
		expect(lines(server.requests)).toEqual([`POST ${loginPath}`, `POST ${loginPath}`]);
	});
});

describe('what each vendor answers for a refused login, and what is only a failing server', () => {
	const cases: Array<[VendorCase, number, object, boolean]> = [
		[sml, 400, { non_field_errors: ['Unable to log in with provided credentials.'] }, true],
		[sml, 401, { detail: 'Invalid token.' }, true],
		[sml, 500, { detail: 'Internal error' }, false],
		[sml, 429, { detail: 'Request was throttled.' }, false],
		[casabaca, 500, { message: 'Password incorrecto' }, true],
		[casabaca, 422, { message: 'The email field is required.' }, true],
		[casabaca, 200, { status_code: '401', message: 'Usuario no autorizado' }, true],
		[casabaca, 500, { message: 'Server Error' }, false],
		[casabaca, 503, { message: 'Service Unavailable' }, false],
		[casabaca, 500, {}, false],
	];

	test.each(cases)('%s: HTTP %i %j is a refusal: %s', async (vendor, status, body, refusal) => {
		const server = await startServer((_request, res) => json(res, status, body));
		const items = Array.from({ length: 3 }, () => ({ json: {} }));
		const result = await runNode({
			node: vendor.node,
			parameters: { ...vendor.read.parameters, options: { concurrency: 1 } },
			credentials: vendor.credentials(server.url),
			items,
			continueOnFail: true,
		});
		// A refusal is tried once in the execution; a failing server once more.
		expect(server.requests).toHaveLength(refusal ? 1 : 2);
		const message = (result.json[0] as { error: string }).error;
		expect(message.startsWith(`${vendor.vendor} login ${refusal ? 'failed:' : 'could not'}`)).toBe(
			true,
		);
	});
});

test("SML: a refusal with DRF's field errors (a blank password) says which field", async () => {
	const server = await startServer((_request, res) =>
		json(res, 400, { password: ['Este campo no puede estar en blanco.'] }),
	);
	const result = await runNode({
		node: sml.node,
		parameters: sml.read.parameters,
		credentials: sml.credentials(server.url, { password: '' }),
	});
	expect(result.error?.message).toBe(
		'SML login failed: password: Este campo no puede estar en blanco.',
	);
});

describe.each([sml, casabaca])('$label: executions of one process share a login', (vendor) => {
	/** Answers the login after a pause, so that every execution needs it while it is in progress. */
	const slowLogin = async () =>
		await startServer(
			async (request, res) => {
				if (isLogin(vendor, request)) {
					await new Promise((resolve) => setTimeout(resolve, 200));
					answerLogin(vendor, request, res);
					return;
				}
				json(res, 200, vendor.read.answer);
			},
			{ maxRequests: 30 },
		);

	test('a cold start: 6 executions at once, each with its own copy of the credential, log in once', async () => {
		const server = await slowLogin();
		const results = await Promise.all(
			Array.from(
				{ length: 6 },
				async () =>
					await runNode({
						node: vendor.node,
						parameters: vendor.read.parameters,
						credentials: vendor.credentials(server.url),
					}),
			),
		);
		for (const result of results) {
			expect(result.error).toBeUndefined();
			expect(result.json).toEqual([vendor.read.output]);
		}
		expect(server.requests.filter((request) => isLogin(vendor, request))).toHaveLength(1);
		expect(server.requests).toHaveLength(7);
	});

	test('a revoked token: 6 executions at once renew it with one login', async () => {
		const { token } = vendor.login!.answer as { token: string };
		const server = await startServer(
			async (request, res) => {
				if (isLogin(vendor, request)) {
					await new Promise((resolve) => setTimeout(resolve, 200));
					answerLogin(vendor, request, res);
					return;
				}
				if (!String(request.headers.authorization).endsWith(token)) {
					if (vendor === sml) json(res, 401, { detail: 'Invalid token.' });
					else json(res, 500, { message: 'Unauthenticated.' });
					return;
				}
				json(res, 200, vendor.read.answer);
			},
			{ maxRequests: 30 },
		);
		const credentialsHelper = newCredentialsHelper(
			vendor.credentials(server.url, { sessionToken: 'revoked-token' }),
		);
		const results = await Promise.all(
			Array.from(
				{ length: 6 },
				async () =>
					await runNode({
						node: vendor.node,
						parameters: vendor.read.parameters,
						credentialsHelper,
					}),
			),
		);
		for (const result of results) expect(result.json).toEqual([vendor.read.output]);
		expect(server.requests.filter((request) => isLogin(vendor, request))).toHaveLength(1);
	});

	test("a login's token is handed on until n8n has stored it, not after", async () => {
		// The request after the login is slow: the first execution's token is not "in the store" of the
		// second one (each has its own here), as in n8n between the login and its database write.
		const server = await startServer(
			async (request, res) => {
				if (answerLogin(vendor, request, res)) return;
				await new Promise((resolve) => setTimeout(resolve, 300));
				json(res, 200, vendor.read.answer);
			},
			{ maxRequests: 30 },
		);
		const execution = async () =>
			await runNode({
				node: vendor.node,
				parameters: vendor.read.parameters,
				credentials: vendor.credentials(server.url),
			});
		const first = execution();
		// The second starts once the first has logged in, while its request is still on its way.
		while (!server.requests.some((request) => !isLogin(vendor, request)))
			await new Promise((resolve) => setTimeout(resolve, 5));
		const second = execution();
		for (const result of await Promise.all([first, second]))
			expect(result.json).toEqual([vendor.read.output]);
		expect(server.requests.filter((request) => isLogin(vendor, request))).toHaveLength(1);

		// Both have it stored now: a later execution with an empty store logs in again.
		await execution();
		expect(server.requests.filter((request) => isLogin(vendor, request))).toHaveLength(2);
	});

	test('a changed credential is another login: another password is never given an earlier token', async () => {
		const server = await slowLogin();
		const [first, second] = await Promise.all([
			runNode({
				node: vendor.node,
				parameters: vendor.read.parameters,
				credentials: vendor.credentials(server.url),
			}),
			runNode({
				node: vendor.node,
				parameters: vendor.read.parameters,
				credentials: vendor.credentials(server.url, { password: 'another-password' }),
			}),
		]);
		expect(first.error).toBeUndefined();
		expect(second.error).toBeUndefined();
		const logins = server.requests.filter((request) => isLogin(vendor, request));
		const [password] = vendor.secrets;
		expect(
			logins.map((request) => (JSON.parse(request.body) as { password: string }).password).sort(),
		).toEqual([password, 'another-password'].sort());
	});
});
