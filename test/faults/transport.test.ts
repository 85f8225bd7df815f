/**
 * The transport under faults, for the three nodes, against real HTTP servers on 127.0.0.1
 * (127.0.0.2 plays "another host"): redirects, refused and broken connections, timeouts, answers
 * that are not data, 429s, refused logins. Every server counts what it got.
 */
import { runNode } from '../harness/runNode';
import type { LoopbackServer } from '../harness/loopback';
import {
	closeAllServers,
	closedPort,
	everythingSent,
	json,
	startServer,
	text,
} from '../harness/loopback';
import type { VendorCase } from './vendors';
import { answerLogin, casabaca, lines, sml, vendors, withoutLogin, wolkvox } from './vendors';

afterEach(closeAllServers);

const run = (vendor: VendorCase, server: { url: string }, parameters: object, extra: object = {}) =>
	runNode({
		node: vendor.node,
		parameters: parameters as never,
		credentials: vendor.credentials(server.url),
		...extra,
	});

/** Nothing secret in what the run produced (outputs, errors, their descriptions). */
function expectNoSecret(vendor: VendorCase, value: unknown) {
	const dumped = JSON.stringify(value, (_key, entry: unknown) =>
		entry instanceof Error
			? { message: entry.message, description: (entry as { description?: unknown }).description }
			: entry,
	);
	for (const secret of vendor.secrets) expect(dumped).not.toContain(secret);
}

describe.each(vendors)('$label: redirects never take a credential to another host', (vendor) => {
	let other: LoopbackServer;
	beforeEach(async () => {
		other = await startServer((_request, res) => json(res, 200, { id: 'from-the-other-host' }), {
			host: '127.0.0.2',
		});
	});

	test.each([302, 307])(
		'HTTP %i to 127.0.0.2 is refused, naming the host; the other host gets nothing',
		async (status) => {
			const server = await startServer((request, res) => {
				if (answerLogin(vendor, request, res)) return;
				res.writeHead(status, { location: `${other.url}${vendor.read.path}` }).end();
			});
			const result = await run(vendor, server, vendor.read.parameters);
			const [path] = vendor.read.path.split('?');
			expect(result.error?.message).toBe(
				`${vendor.vendor}: GET ${path}: the server redirected the request (HTTP ${status}) to another host, http://${other.host}:${other.port}; ` +
					'it was not followed, so no credential was sent there. If the vendor has moved, put its new address in the credential.',
			);
			expect(result.json).toEqual([]);
			expect(other.requests).toEqual([]);
			expect(lines(withoutLogin(vendor, server.requests))).toEqual([`GET ${vendor.read.path}`]);
		},
	);

	test('a same-origin 307 on a write is followed once, with the same method, body and credential', async () => {
		const server = await startServer((request, res) => {
			if (answerLogin(vendor, request, res)) return;
			if (request.path === vendor.write.path) {
				res.writeHead(307, { location: `/moved${vendor.write.path}` }).end();
				return;
			}
			json(res, 200, vendor.write.answer);
		});
		const result = await run(vendor, server, vendor.write.parameters);
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([vendor.write.output]);
		const [first, second] = withoutLogin(vendor, server.requests);
		expect(lines([first, second])).toEqual([
			`${vendor.write.method} ${vendor.write.path}`,
			`${vendor.write.method} /moved${vendor.write.path}`,
		]);
		expect(second.body).toBe(first.body);
		expect(second.headers.authorization ?? second.headers['wolkvox-token']).toBe(
			first.headers.authorization ?? first.headers['wolkvox-token'],
		);
		expect(other.requests).toEqual([]);
	});

	test('a same-origin 302 on a write is not turned into a GET', async () => {
		const server = await startServer((request, res) => {
			if (answerLogin(vendor, request, res)) return;
			res.writeHead(302, { location: '/elsewhere' }).end();
		});
		const result = await run(vendor, server, vendor.write.parameters);
		expect(result.error?.message).toBe(
			`${vendor.vendor}: ${vendor.write.method} ${vendor.write.path}: the server redirected the ${vendor.write.method} (HTTP 302) to /elsewhere, ` +
				'which would turn it into a GET and drop its data; it was not followed.',
		);
		expect(lines(withoutLogin(vendor, server.requests))).toEqual([
			`${vendor.write.method} ${vendor.write.path}`,
		]);
	});
});

describe.each([sml, casabaca])('$label: the login is never redirected off its origin', (vendor) => {
	test('a 307 on the login to another host: the password stays home, the error names the host', async () => {
		const other = await startServer((_request, res) => json(res, 200, { token: 'stolen' }), {
			host: '127.0.0.2',
		});
		const server = await startServer((_request, res) => {
			res.writeHead(307, { location: `${other.url}${vendor.login!.path}` }).end();
		});
		const result = await run(vendor, server, vendor.read.parameters);
		expect(result.error?.message).toBe(
			`${vendor.vendor} login failed (POST ${vendor.login!.path}): the server redirected the request (HTTP 307) to another host, ` +
				`http://${other.host}:${other.port}; it was not followed, so no credential was sent there. If the vendor has moved, put its new address in the credential.`,
		);
		expect(other.requests).toEqual([]);
		expect(lines(server.requests)).toEqual([`POST ${vendor.login!.path}`]);
		expectNoSecret(vendor, result.run.data.resultData);
	});

	test('http to https on the same host is refused with a hint, and nothing is re-posted', async () => {
		const server = await startServer((_request, res) => {
			res.writeHead(301, { location: `https://127.0.0.1:1${vendor.login!.path}` }).end();
		});
		const result = await run(vendor, server, vendor.read.parameters);
		expect(result.error?.message).toContain(
			"The server wants https: use https:// in the credential's Base URL.",
		);
		expect(server.requests).toHaveLength(1);
	});
});

describe.each(vendors)('$label: network failures in words', (vendor) => {
	const [readPath] = vendor.read.path.split('?');
	const stored = (url: string) =>
		vendor.credentials(url, vendor.login ? { sessionToken: 'stored-token' } : {});

	test('connection refused: the request did not reach the server', async () => {
		const url = await closedPort();
		const result = await runNode({
			node: vendor.node,
			parameters: vendor.read.parameters,
			credentials: stored(url),
		});
		expect(result.error?.message).toBe(
			`${vendor.vendor}: GET ${readPath}: the server refused the connection (nothing answers at that address and port). The request did not reach the server.`,
		);
	});

	test('DNS failure names the host', async () => {
		const result = await runNode({
			node: vendor.node,
			parameters: vendor.read.parameters,
			credentials: stored('http://no-such-vendor.invalid'),
		});
		expect(result.error?.message).toBe(
			`${vendor.vendor}: GET ${readPath}: the server's name no-such-vendor.invalid could not be found (DNS lookup failed). The request did not reach the server.`,
		);
	});

	test('reset before the answer, on a write: may have been processed, and it is not sent again', async () => {
		const server = await startServer((request, res, socket) => {
			if (answerLogin(vendor, request, res)) return;
			socket.destroy();
		});
		const result = await run(vendor, server, vendor.write.parameters);
		expect(result.error?.message).toBe(
			`${vendor.vendor}: ${vendor.write.method} ${vendor.write.path}: the server closed the connection before answering. ` +
				`The server may have processed the request: check in ${vendor.vendor} before running it again.`,
		);
		expect(lines(withoutLogin(vendor, server.requests))).toEqual([
			`${vendor.write.method} ${vendor.write.path}`,
		]);
	});

	test('reset in the middle of the answer', async () => {
		const server = await startServer((request, res, socket) => {
			if (answerLogin(vendor, request, res)) return;
			res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
			res.write('{"data": {"id": ');
			setTimeout(() => socket.destroy(), 20);
		});
		const result = await run(vendor, server, vendor.write.parameters);
		expect(result.error?.message).toBe(
			`${vendor.vendor}: ${vendor.write.method} ${vendor.write.path}: the connection broke while the answer was arriving. ` +
				`The server may have processed the request: check in ${vendor.vendor} before running it again.`,
		);
		expect(withoutLogin(vendor, server.requests)).toHaveLength(1);
	});

	test('a server that never answers meets Options > Timeout, which the error names', async () => {
		const server = await startServer((request, res) => {
			answerLogin(vendor, request, res);
			// Otherwise: silence, until the test closes the server.
		});
		const result = await run(vendor, server, {
			...vendor.write.parameters,
			options: { timeout: 300 },
		});
		expect(result.error?.message).toBe(
			`${vendor.vendor}: ${vendor.write.method} ${vendor.write.path}: no answer within 0.3 s, the node's Timeout option. ` +
				`The server may have processed the request: check in ${vendor.vendor} before running it again.`,
		);
		expect(withoutLogin(vendor, server.requests)).toHaveLength(1);
	});

	test('a Timeout below 1 is a validation error, and nothing is sent', async () => {
		const server = await startServer((_request, res) => json(res, 200, {}));
		const result = await run(vendor, server, {
			...vendor.read.parameters,
			options: { timeout: 0 },
		});
		expect(result.error?.message).toBe(
			'Invalid input in item 0: "Options › Timeout" (timeout) must be a whole number of milliseconds, at least 1',
		);
		expect(server.requests).toEqual([]);
	});
});

describe.each(vendors)('$label: a 2xx answer that is not data fails the item', (vendor) => {
	const [readPath] = vendor.read.path.split('?');
	const answering = async (write: (res: import('node:http').ServerResponse) => void) =>
		await startServer((request, res) => {
			if (answerLogin(vendor, request, res)) return;
			write(res);
		});

	test('malformed JSON', async () => {
		const server = await answering((res) => text(res, 200, '{"id": 98', 'application/json'));
		const result = await run(vendor, server, vendor.read.parameters);
		expect(result.error?.message).toBe(
			`${vendor.vendor}: GET ${readPath}: the answer was not valid JSON, where JSON was expected: "{"id": 98"`,
		);
		expect(result.json).toEqual([]);
	});

	test('an HTML page', async () => {
		const server = await answering((res) =>
			text(res, 200, '<!DOCTYPE html>\n<html><body>Maintenance</body></html>', 'text/html'),
		);
		const result = await run(vendor, server, vendor.read.parameters);
		expect(result.error?.message).toBe(
			`${vendor.vendor}: GET ${readPath}: the answer was an HTML or XML page, where JSON was expected: "<!DOCTYPE html> <html><body>Maintenance</body></html>"`,
		);
	});

	test('an empty body where data is expected', async () => {
		const server = await answering((res) => res.writeHead(200).end());
		const result = await run(vendor, server, vendor.read.parameters);
		expect(result.error?.message).toBe(
			`${vendor.vendor}: GET ${readPath}: the answer was empty, where data was expected`,
		);
	});

	test('a good answer still is the output (the tests above can fail)', async () => {
		const server = await answering((res) => json(res, 200, vendor.read.answer));
		const result = await run(vendor, server, vendor.read.parameters);
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([vendor.read.output]);
	});

	test('an answer that echoes the secrets shows *** instead', async () => {
		const server = await answering((res) =>
			text(res, 200, `debug: ${vendor.secrets.join(' ')} stored-token`),
		);
		const result = await run(vendor, server, vendor.read.parameters);
		expect(result.error?.message).toMatch(
			/not valid JSON, where JSON was expected: "debug: \*\*\* /,
		);
		expectNoSecret(vendor, result.run.data.resultData);
	});

	test("HTTP 429 gives the vendor's words and the Retry-After delay", async () => {
		const server = await answering((res) =>
			json(
				res,
				429,
				{ error: 'slow down', msg: 'slow down', detail: 'slow down', message: 'slow down' },
				{ 'retry-after': '30' },
			),
		);
		const result = await run(vendor, server, vendor.read.parameters);
		expect(result.error?.message).toContain('slow down');
		expect(result.error?.message).toMatch(
			/The server asks to wait 30 s before trying again \(Retry-After\)$/,
		);
		expect(withoutLogin(vendor, server.requests)).toHaveLength(1);
	});
});

describe('answers documented as empty stay successes', () => {
	test('SML Task > Delete: 204 without a body', async () => {
		const server = await startServer((request, res) => {
			if (answerLogin(sml, request, res)) return;
			res.writeHead(204).end();
		});
		const result = await run(sml, server, { resource: 'task', operation: 'delete', taskId: '7' });
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([{ id: 7, deleted: true }]);
		expect(lines(withoutLogin(sml, server.requests))).toEqual(['DELETE /api/task/7/']);
	});

	test('SML Session > Log Out: HTTP 200 without a body', async () => {
		const server = await startServer((request, res) => {
			if (answerLogin(sml, request, res)) return;
			res.writeHead(200).end();
		});
		const result = await run(sml, server, { resource: 'session', operation: 'logOut' });
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([{ loggedOut: true }]);
	});
});

describe.each([sml, casabaca])('$label: a refused login is tried once per execution', (vendor) => {
	const refuse = (res: import('node:http').ServerResponse) =>
		vendor === sml
			? json(res, 400, { non_field_errors: ['Unable to log in with provided credentials.'] })
			: json(res, 500, { message: 'Password incorrecto' });
	const words =
		vendor === sml ? 'Unable to log in with provided credentials.' : 'Password incorrecto';

	test('20 items with Continue On Fail: one login, 20 errors with the same words, no password anywhere', async () => {
		const server = await startServer((_request, res) => refuse(res), { maxRequests: 25 });
		const items = Array.from({ length: 20 }, () => ({ json: {} }));
		const result = await run(vendor, server, vendor.read.parameters, {
			items,
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(lines(server.requests)).toEqual([`POST ${vendor.login!.path}`]);
		expect(result.items).toEqual(
			items.map((_item, index) => ({
				json: { error: `${vendor.vendor} login failed: ${words}` },
				pairedItem: { item: index },
			})),
		);
		expectNoSecret(vendor, result.run.data.resultData);
	});

	test('a later execution tries again (the user may have fixed the credential)', async () => {
		const server = await startServer((_request, res) => refuse(res));
		await run(vendor, server, vendor.read.parameters);
		await run(vendor, server, vendor.read.parameters);
		expect(lines(server.requests)).toEqual([
			`POST ${vendor.login!.path}`,
			`POST ${vendor.login!.path}`,
		]);
	});

	test("the node's own login operation obeys the same rule", async () => {
		const server = await startServer((_request, res) => refuse(res));
		const parameters =
			vendor === sml
				? { resource: 'session', operation: 'logIn' }
				: { resource: 'session', operation: 'createToken' };
		const items = Array.from({ length: 5 }, () => ({ json: {} }));
		const result = await run(vendor, server, parameters, { items, continueOnFail: true });
		expect(server.requests).toHaveLength(1);
		expect(result.json).toEqual(
			items.map(() => ({ error: `${vendor.vendor} login failed: ${words}` })),
		);
	});
});

describe('wolkvox batches whose outcome is unknown', () => {
	test('Insert Many: batch 2 of 3 is cut off; its outcome is unknown, batch 3 is never sent', async () => {
		let posts = 0;
		const server = await startServer((_request, res, socket) => {
			posts++;
			if (posts === 2) {
				socket.destroy();
				return;
			}
			json(res, 200, {
				code: 200,
				error: 'null',
				msg: 'ok',
				data: [{ wolkvox_id: 'a' }, { wolkvox_id: 'b' }],
			});
		});
		const result = await run(
			wolkvox,
			server,
			{
				resource: 'record',
				operation: 'insertMany',
				module: 'contacts',
				fieldPairs: { field: [{ name: 'namecontact', value: '={{ $json.name }}' }] },
				options: { batchSize: 2 },
			},
			{ items: Array.from({ length: 6 }, (_, i) => ({ json: { name: `Contact ${i}` } })) },
		);
		expect(server.requests).toHaveLength(2);
		expect(result.error?.message).toBe(
			'wolkvox CRM: POST /server/API/v2/custom/insertMany.php: the server closed the connection before answering. ' +
				'The server may have processed the request: check in wolkvox CRM before running it again. ' +
				'(batch 2 of 3: items 2-3; outcome unknown: it may have been saved)',
		);
		expect(result.error?.description).toBe(
			'Batch 1 was sent before this one; the outcome of batch 2 is unknown: it may have been saved, check before sending it again; the batch after it was not sent.',
		);
	});
});

describe('no secret reaches another host, whatever the answers', () => {
	test.each(vendors)('$label: everything 127.0.0.2 ever received is empty', async (vendor) => {
		const other = await startServer((_request, res) => json(res, 200, {}), { host: '127.0.0.2' });
		const server = await startServer((request, res) => {
			if (answerLogin(vendor, request, res)) return;
			res.writeHead(308, { location: `${other.url}/x` }).end();
		});
		await run(vendor, server, vendor.write.parameters);
		await run(vendor, server, vendor.read.parameters);
		expect(everythingSent(other.requests)).toBe('');
	});
});

describe.each([sml, casabaca])('$label: network failures during the login', (vendor) => {
	test('connection refused at the login: named as the login, not retried per item', async () => {
		const url = await closedPort();
		const result = await runNode({
			node: vendor.node,
			parameters: vendor.read.parameters,
			credentials: vendor.credentials(url),
		});
		expect(result.error?.message).toBe(
			`${vendor.vendor} login could not be completed (POST ${vendor.login!.path}): the server refused the connection (nothing answers at that address and port).`,
		);
	});

	test('a login that is cut off is named as the login', async () => {
		const server = await startServer((_request, _res, socket) => {
			socket.destroy();
		});
		const result = await run(vendor, server, vendor.read.parameters);
		expect(result.error?.message).toBe(
			`${vendor.vendor} login could not be completed (POST ${vendor.login!.path}): the server closed the connection before answering.`,
		);
		expect(lines(server.requests)).toEqual([`POST ${vendor.login!.path}`]);
	});
});
