/**
 * Several requests in flight (Options > Concurrency), against real servers on 127.0.0.1 that
 * answer after a delay and count how many requests they hold at once: the limit, the order of the
 * outputs, one shared login, and what happens when an item fails.
 */
import type http from 'node:http';

import { newCredentialsHelper, runNode } from '../harness/runNode';
import type { ReceivedRequest } from '../harness/loopback';
import { closeAllServers, json, startServer } from '../harness/loopback';
import { casabaca, lines, sml, withoutLogin, wolkvox } from './vendors';

afterEach(closeAllServers);

const items = (count: number) =>
	Array.from({ length: count }, (_, i) => ({ json: { lead: 100 + i } }));
const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/** A server that answers every request after `delay` ms, and records the most it held at once. */
async function slowServer(
	answer: (request: ReceivedRequest, res: http.ServerResponse) => void,
	{ delay = 30, maxRequests = 100 }: { delay?: number; maxRequests?: number } = {},
) {
	let inFlight = 0;
	const stats = { maxInFlight: 0 };
	const server = await startServer(
		async (request, res) => {
			inFlight++;
			stats.maxInFlight = Math.max(stats.maxInFlight, inFlight);
			await sleep(delay);
			inFlight--;
			answer(request, res);
		},
		{ maxRequests },
	);
	return { server, stats };
}

/** SML's login, then click-to-call answering with the lead it was given. */
const smlAnswer =
	(tokenOk: (token: string | undefined) => boolean = () => true) =>
	(request: ReceivedRequest, res: http.ServerResponse) => {
		if (request.path === sml.login!.path)
			return json(res, 200, { token: `token-${Date.now()}-${Math.random()}` });
		if (!tokenOk(request.headers.authorization))
			return json(res, 401, { detail: 'Invalid token.' });
		const { lead } = JSON.parse(request.body) as { lead: number };
		if (lead === 103 && request.headers['x-fail'] !== undefined) return json(res, 400, {});
		return json(res, 200, { id: lead * 10, lead });
	};

const clickToCall = (extra: object = {}) => ({
	resource: 'lead',
	operation: 'clickToCall',
	leadId: '={{ $json.lead }}',
	...extra,
});

describe('SML: up to Concurrency requests at once', () => {
	test('default 16: 40 items are sent 16 at a time after one login; outputs in input order, paired', async () => {
		// Answers are held long enough for 16 requests to meet at the server even on a busy machine.
		const { server, stats } = await slowServer(smlAnswer(), { delay: 250 });
		const helper = newCredentialsHelper(sml.credentials(server.url));
		const result = await runNode({
			node: 'sml',
			parameters: clickToCall(),
			items: items(40),
			credentialsHelper: helper,
		});
		expect(result.error).toBeUndefined();
		expect(stats.maxInFlight).toBe(16);
		expect(helper.logins.smlApi).toBe(1);
		expect(lines(server.requests).filter((line) => line.startsWith('POST'))).toEqual([
			`POST ${sml.login!.path}`,
		]);
		expect(withoutLogin(sml, server.requests)).toHaveLength(40);
		expect(result.items).toEqual(
			items(40).map(({ json: { lead } }, i) => ({
				json: { id: lead * 10, lead },
				pairedItem: { item: i },
			})),
		);
	});

	test('Concurrency 1 sends one request at a time', async () => {
		const { server, stats } = await slowServer(smlAnswer(), { delay: 5 });
		const result = await runNode({
			node: 'sml',
			parameters: clickToCall({ options: { concurrency: 1 } }),
			items: items(6),
			credentials: sml.credentials(server.url),
		});
		expect(result.error).toBeUndefined();
		expect(stats.maxInFlight).toBe(1);
		expect(result.json.map((output) => output.lead)).toEqual([100, 101, 102, 103, 104, 105]);
	});

	test('Concurrency above 50 or below 1 is a validation error, and nothing is sent', async () => {
		const { server } = await slowServer(smlAnswer());
		for (const concurrency of [0, 51, 2.5]) {
			const result = await runNode({
				node: 'sml',
				parameters: clickToCall({ options: { concurrency } }),
				items: items(2),
				credentials: sml.credentials(server.url),
			});
			expect(result.error?.message).toBe(
				'Invalid input in item 0: "Options › Concurrency" (concurrency) must be a whole number from 1 to 50',
			);
		}
		expect(server.requests).toEqual([]);
	});

	test('a token rejected with 10 requests in flight costs one login that all of them share', async () => {
		let valid = '';
		const { server } = await slowServer((request, res) => {
			if (request.path === sml.login!.path) {
				valid = `fresh-${server.requests.length}`;
				return json(res, 200, { token: valid });
			}
			return smlAnswer((auth) => auth === `Token ${valid}`)(request, res);
		});
		const helper = newCredentialsHelper(sml.credentials(server.url, { sessionToken: 'expired' }));
		const result = await runNode({
			node: 'sml',
			parameters: clickToCall(),
			items: items(10),
			credentialsHelper: helper,
		});
		expect(result.error).toBeUndefined();
		expect(helper.logins.smlApi).toBe(1);
		const calls = withoutLogin(sml, server.requests);
		expect(calls.filter((call) => call.headers.authorization === 'Token expired')).toHaveLength(10);
		expect(calls.filter((call) => call.headers.authorization === `Token ${valid}`)).toHaveLength(
			10,
		);
		expect(result.json.map((output) => output.lead)).toEqual(
			items(10).map(({ json }) => json.lead),
		);
		expect(helper.stored.smlApi.sessionToken).toBe(valid);
	});

	test('an item that fails without Continue On Fail: no new item starts; the error names the later items already sent', async () => {
		// Item 3's answer waits until items 4-6 have arrived, and theirs wait until item 3 has failed: all
		// four lanes are then busy when it fails, so exactly items 4-6 are the ones sent after it.
		const held: Array<() => void> = [];
		let failed = false;
		const server = await startServer(
			(request, res) => {
				if (request.path === sml.login!.path) return json(res, 200, { token: 'tok' });
				const { lead } = JSON.parse(request.body) as { lead: number };
				const answer = () => json(res, 200, { id: lead * 10, lead });
				if (lead < 103) return answer();
				if (lead === 103) {
					held.unshift(() => {
						json(res, 400, { lead: ['Lead 103 is closed.'] });
						failed = true;
					});
				} else {
					held.push(() => setTimeout(answer, 50));
				}
				if (held.length === 4 && !failed) held.splice(0).forEach((release) => release());
			},
			{ maxRequests: 30 },
		);
		const result = await runNode({
			node: 'sml',
			parameters: clickToCall({ options: { concurrency: 4 } }),
			items: items(20),
			credentials: sml.credentials(server.url),
		});
		expect(result.error?.message).toBe(
			'SML: the server rejected the data (HTTP 400): lead: Lead 103 is closed.',
		);
		expect(result.error?.context?.itemIndex).toBe(3);
		const sentLeads = withoutLogin(sml, server.requests).map(
			(request) => (JSON.parse(request.body) as { lead: number }).lead,
		);
		expect(sentLeads.sort()).toEqual([100, 101, 102, 103, 104, 105, 106]);
		expect(result.error?.description).toBe(
			'Items 4-6 had already been sent when it failed (several requests run at once): check them in SML before running the node again.',
		);
	});

	test('with Continue On Fail every item runs, the failing one yields its error in its place', async () => {
		const { server } = await slowServer((request, res) => {
			if (request.path === sml.login!.path) return json(res, 200, { token: 'tok' });
			const { lead } = JSON.parse(request.body) as { lead: number };
			if (lead === 103) return json(res, 400, { lead: ['Lead 103 is closed.'] });
			return json(res, 200, { id: lead * 10, lead });
		});
		const result = await runNode({
			node: 'sml',
			parameters: clickToCall(),
			items: items(8),
			credentials: sml.credentials(server.url),
			continueOnFail: true,
		});
		expect(
			result.items.map((item) => [item.pairedItem, item.json.lead ?? item.json.error]),
		).toEqual([
			[{ item: 0 }, 100],
			[{ item: 1 }, 101],
			[{ item: 2 }, 102],
			[{ item: 3 }, 'SML: the server rejected the data (HTTP 400): lead: Lead 103 is closed.'],
			[{ item: 4 }, 104],
			[{ item: 5 }, 105],
			[{ item: 6 }, 106],
			[{ item: 7 }, 107],
		]);
	});
});

describe('wolkvox: at most 2 requests at once per token', () => {
	const insert = (extra: object = {}) => ({ ...wolkvox.write.parameters, ...extra });

	test('by default 2 in flight, never more', async () => {
		const { server, stats } = await slowServer(
			(_request, res) => json(res, 200, wolkvox.write.answer),
			{ delay: 100 },
		);
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters: insert(),
			items: items(8),
			credentials: wolkvox.credentials(server.url),
		});
		expect(result.error).toBeUndefined();
		expect(stats.maxInFlight).toBe(2);
		expect(result.json).toHaveLength(8);
	});

	test('Concurrency 3 is refused (the vendor answers an error beyond 2)', async () => {
		const { server } = await slowServer((_request, res) => json(res, 200, wolkvox.write.answer));
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters: insert({ options: { concurrency: 3 } }),
			items: items(3),
			credentials: wolkvox.credentials(server.url),
		});
		expect(result.error?.message).toBe(
			'Invalid input in item 0: "Options › Concurrency" (concurrency) must be a whole number from 1 to 2',
		);
		expect(server.requests).toEqual([]);
	});
});

describe('wolkvox bulk operations: one batch at a time unless Concurrency says 2', () => {
	const insertMany = (options: object) => ({
		resource: 'record',
		operation: 'insertMany',
		module: 'contacts',
		fieldPairs: { field: [{ name: 'namecontact', value: '={{ $json.lead }}' }] },
		options: { batchSize: 2, ...options },
	});
	const answerBatch = (request: ReceivedRequest, res: http.ServerResponse) => {
		const { fields } = JSON.parse(request.body) as { fields: Array<{ namecontact: string }> };
		if (fields.some((field) => String(field.namecontact) === '104'))
			return json(res, 200, { code: 400, error: 'BAD', msg: 'record 104 refused' });
		return json(res, 200, {
			code: 200,
			error: 'null',
			msg: 'ok',
			data: fields.map((field) => ({ wolkvox_id: `w${field.namecontact}` })),
		});
	};

	test('by default one batch in flight; with Concurrency 2, two, and the outputs stay in input order', async () => {
		for (const [concurrency, expected] of [
			[undefined, 1],
			[2, 2],
		] as const) {
			const { server, stats } = await slowServer(
				(request, res) => {
					const { fields } = JSON.parse(request.body) as { fields: Array<{ namecontact: string }> };
					json(res, 200, {
						code: 200,
						error: 'null',
						msg: 'ok',
						data: fields.map((field) => ({ wolkvox_id: `w${field.namecontact}` })),
					});
				},
				{ delay: 100 },
			);
			const result = await runNode({
				node: 'wolkvoxCrm',
				parameters: insertMany(concurrency ? { concurrency } : {}),
				items: items(8),
				credentials: wolkvox.credentials(server.url),
			});
			expect(result.error).toBeUndefined();
			expect(stats.maxInFlight).toBe(expected);
			expect(server.requests).toHaveLength(4);
			expect(result.items.map((item) => [item.pairedItem, item.json.wolkvox_id])).toEqual(
				items(8).map(({ json }, i) => [{ item: i }, `w${json.lead}`]),
			);
		}
	});

	test('with two batches in flight, a failure says what became of every batch', async () => {
		// Batch 3 (items 4-5, lead 104) fails only once batch 4 has arrived, and batch 4 is answered later:
		// batch 4 is in flight when batch 3 fails, and batch 5 never starts.
		let release: (() => void) | undefined;
		const server = await startServer((request, res) => {
			const { fields } = JSON.parse(request.body) as { fields: Array<{ namecontact: unknown }> };
			const names = fields.map((field) => String(field.namecontact));
			if (names.includes('104')) {
				release = () => json(res, 200, { code: 400, error: 'BAD', msg: 'record 104 refused' });
				return;
			}
			const answer = () => answerBatch(request, res);
			if (names.includes('106')) {
				release?.();
				setTimeout(answer, 50);
				return;
			}
			answer();
		});
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters: insertMany({ concurrency: 2 }),
			items: items(10),
			credentials: wolkvox.credentials(server.url),
		});
		expect(result.error?.message).toBe(
			'wolkvox CRM: code 400 BAD: record 104 refused (HTTP 200) (batch 3 of 5: items 4-5)',
		);
		expect(server.requests).toHaveLength(4);
		expect(result.error?.description).toBe(
			'BAD. Batches 1, 2, 4 were saved; batch 5 was not sent.',
		);
	});
});

describe('Casabaca, which keeps only the newest token: two executions at once do not log each other out forever', () => {
	test('both runs succeed with few logins', async () => {
		let newest = '';
		let logins = 0;
		const { server } = await slowServer(
			(request, res) => {
				if (request.path === casabaca.login!.path) {
					logins++;
					newest = `token-${logins}`;
					return json(res, 200, { status_code: 200, token: newest });
				}
				if (request.headers.authorization !== `Bearer ${newest}`)
					return json(res, 500, { message: 'Unauthenticated.' });
				return json(res, 200, { data: { id: 6 } });
			},
			{ delay: 10, maxRequests: 200 },
		);
		// One credential store, as n8n's database is shared by both executions.
		const helper = newCredentialsHelper(casabaca.credentials(server.url));
		const run = async () =>
			await runNode({
				node: 'sugarCrmCasabaca',
				parameters: casabaca.write.parameters,
				items: items(15),
				credentialsHelper: helper,
			});
		const [first, second] = await Promise.all([run(), run()]);
		expect(first.error).toBeUndefined();
		expect(second.error).toBeUndefined();
		expect(first.json).toHaveLength(15);
		expect(second.json).toHaveLength(15);
		expect(logins).toBeLessThanOrEqual(3);
	});
});

describe('SML Return All: large pages, or the whole list at once', () => {
	const leads = Array.from({ length: 2500 }, (_, i) => ({ id: i + 1 }));
	const list = (request: ReceivedRequest, res: http.ServerResponse) => {
		if (request.path === sml.login!.path) return json(res, 200, { token: 'tok' });
		const query = new URL(request.path, 'http://x').searchParams;
		if (query.get('page_size') === 'all')
			return json(res, 200, { count: leads.length, next: null, previous: null, results: leads });
		const size = Number(query.get('page_size'));
		const page = Number(query.get('page'));
		const results = leads.slice((page - 1) * size, page * size);
		return json(res, 200, {
			count: leads.length,
			next: page * size < leads.length ? `http://x/?page=${page + 1}` : null,
			previous: null,
			results,
		});
	};

	test('Return All asks for pages of 1000', async () => {
		const { server } = await slowServer(list, { delay: 0 });
		const result = await runNode({
			node: 'sml',
			parameters: { resource: 'lead', operation: 'getAll', returnAll: true },
			credentials: sml.credentials(server.url),
		});
		expect(result.json).toEqual(leads);
		expect(lines(withoutLogin(sml, server.requests))).toEqual(
			[1, 2, 3].map((page) => `GET /api/lead/?page=${page}&page_size=1000`),
		);
	});

	test('All in One Request asks for page_size=all once', async () => {
		const { server } = await slowServer(list, { delay: 0 });
		const result = await runNode({
			node: 'sml',
			parameters: {
				resource: 'lead',
				operation: 'getAll',
				returnAll: true,
				options: { allAtOnce: true },
			},
			credentials: sml.credentials(server.url),
		});
		expect(result.json).toEqual(leads);
		expect(lines(withoutLogin(sml, server.requests))).toEqual([
			'GET /api/lead/?page=1&page_size=all',
		]);
	});
});

describe('SML Return All reads the page after next while the next one travels', () => {
	test('at most two pages in flight, every page asked once, the records in order', async () => {
		const leads = Array.from({ length: 5000 }, (_, i) => ({ id: i + 1 }));
		const { server, stats } = await slowServer(
			(request, res) => {
				if (request.path === sml.login!.path) return json(res, 200, { token: 'tok' });
				const query = new URL(request.path, 'http://x').searchParams;
				const page = Number(query.get('page'));
				const results = leads.slice((page - 1) * 1000, page * 1000);
				json(res, 200, {
					count: leads.length,
					next: page < 5 ? `http://x/?page=${page + 1}` : null,
					previous: null,
					results,
				});
			},
			{ delay: 50 },
		);
		const result = await runNode({
			node: 'sml',
			parameters: { resource: 'lead', operation: 'getAll', returnAll: true },
			credentials: sml.credentials(server.url),
		});
		expect(result.json).toEqual(leads);
		expect(stats.maxInFlight).toBe(2);
		expect(lines(withoutLogin(sml, server.requests)).sort()).toEqual(
			[1, 2, 3, 4, 5].map((page) => `GET /api/lead/?page=${page}&page_size=1000`),
		);
	});
});
