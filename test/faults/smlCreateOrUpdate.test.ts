/**
 * SML Lead > Create or Update never creates on doubt: a lookup that fails (5xx, an HTML page, broken
 * JSON, a reset, a timeout, a page walk that breaks mid-way, an answer that is not a list) fails the
 * item, and the server counts zero creates and zero updates. Against real HTTP servers on 127.0.0.1,
 * so the answers are what n8n's HTTP stack makes of them; the within-run rule is counted there too.
 */
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { LoopbackServer } from '../harness/loopback';
import { closeAllServers, json, startServer, text } from '../harness/loopback';
import { runNode } from '../harness/runNode';
import lead984 from '../sml/fixtures/lead-984.json';
import { LOGIN_PATH, PASSWORD, TOKEN, credentials } from '../sml/sml';

type Lookup = (page: number, res: ServerResponse, socket: Socket, url: URL) => void;

const leadOf = (id: number, email: string): IDataObject => ({
	...lead984,
	id,
	client: { id: 50 + id, name: 'Ana Ruiz', phone: null, email },
});

/** SML behind its login: the lead list answered by `lookup`; creates and updates counted and echoed. */
async function smlServer(lookup: Lookup, maxRequests = 20) {
	const writes: string[] = [];
	const server = await startServer(
		(request, res, socket) => {
			const url = new URL(request.path, 'http://127.0.0.1');
			if (request.method === 'POST' && url.pathname === LOGIN_PATH) {
				json(res, 200, {
					username: 'adam.mora@intelligenia.com',
					password: PASSWORD,
					token: TOKEN,
				});
				return;
			}
			if (request.headers.authorization !== `Token ${TOKEN}`) {
				json(res, 401, { detail: 'Las credenciales de autenticación no se proveyeron.' });
				return;
			}
			if (request.method === 'GET' && url.pathname === '/api/lead/') {
				lookup(Number(url.searchParams.get('page')), res, socket, url);
				return;
			}
			writes.push(`${request.method} ${url.pathname}`);
			const body = JSON.parse(request.body) as IDataObject;
			json(res, request.method === 'POST' ? 201 : 200, {
				...leadOf(990, String((body.client as IDataObject).email)),
			});
		},
		{ maxRequests },
	);
	return { server, writes };
}

async function run(
	server: LoopbackServer,
	parameters: INodeParameters = {},
	items?: INodeExecutionData[],
) {
	return await runNode({
		node: 'sml',
		typeVersion: 2,
		parameters: {
			resource: 'lead',
			operation: 'createOrUpdate',
			source: 1,
			brand_model: 'Golf',
			client: { name: 'Ana Ruiz', email: 'ana@x.com' },
			...parameters,
		},
		credentials: { smlApi: { ...credentials.smlApi, baseUrl: server.url } },
		items,
	});
}

const HTML_LOGIN =
	'<!DOCTYPE html><html><head><title>Iniciar sesión | SML</title></head><body><form></form></body></html>';

const onePage =
	(answer: (res: ServerResponse, socket: Socket) => void): Lookup =>
	(_page, res, socket) =>
		answer(res, socket);

/** Page 1 says a page 2 follows; page 2 misbehaves. */
const brokenAt2 =
	(answer: (res: ServerResponse, socket: Socket) => void): Lookup =>
	(page, res, socket, url) => {
		if (page !== 1) return answer(res, socket);
		json(res, 200, {
			count: 2,
			next: `${url.origin}/api/lead/?page=2`,
			previous: null,
			results: [leadOf(11, 'diana@x.com')],
		});
	};

const DOUBTS: Array<{ name: string; lookup: Lookup; timeout?: number; words?: string }> = [
	{ name: 'HTTP 500', lookup: onePage((res) => json(res, 500, { detail: 'Error interno' })) },
	{
		name: "a proxy's 502 HTML page",
		lookup: onePage((res) =>
			text(res, 502, '<html><title>502 Bad Gateway</title></html>', 'text/html'),
		),
	},
	{
		name: 'an HTML page with 200',
		lookup: onePage((res) => text(res, 200, HTML_LOGIN, 'text/html')),
	},
	{
		name: 'malformed JSON',
		lookup: onePage((res) => text(res, 200, '{"count": 1, "results": [', 'application/json')),
	},
	{ name: 'an empty 200', lookup: onePage((res) => text(res, 200, '', 'application/json')) },
	{
		name: 'null',
		lookup: onePage((res) => json(res, 200, null)),
		words: 'but the answer was not a list of leads (it was null)',
	},
	{
		name: 'an object that is no list',
		lookup: onePage((res) => json(res, 200, { detail: 'ok' })),
		words:
			'but the answer was not a list of leads (it was an object without an id, with fields detail)',
	},
	{ name: 'a reset connection', lookup: onePage((_res, socket) => socket.destroy()) },
	{ name: 'no answer within the timeout', lookup: onePage(() => {}), timeout: 300 },
	{
		name: 'page 2 answering HTTP 500',
		lookup: brokenAt2((res) => json(res, 500, { detail: 'Error interno' })),
	},
	{ name: 'page 2 reset', lookup: brokenAt2((_res, socket) => socket.destroy()) },
	{
		name: 'page 2 repeating page 1 (a server that ignores page)',
		lookup: brokenAt2((res) =>
			json(res, 200, {
				count: 2,
				next: null,
				previous: null,
				results: [leadOf(11, 'diana@x.com')],
			}),
		),
		words: 'page 2 repeated the records of page 1',
	},
	{
		name: 'page 2 empty while page 1 announced it',
		lookup: brokenAt2((res) =>
			json(res, 200, { count: 2, next: null, previous: null, results: [] }),
		),
	},
];

describe('SML Lead > Create or Update: a lookup in doubt creates nothing', () => {
	afterEach(closeAllServers);

	test.each(DOUBTS)(
		'the lookup meets $name: the item fails, zero writes',
		async ({ lookup, timeout }) => {
			const { server, writes } = await smlServer(lookup);
			const result = await run(server, timeout ? { options: { timeout } } : {});
			expect(result.error?.message).toMatch(/^SML: /);
			expect(result.json).toEqual([]);
			expect(writes).toEqual([]);
		},
	);

	test('control: a complete empty list, and the lead is created once', async () => {
		const { server, writes } = await smlServer(
			onePage((res) => json(res, 200, { count: 0, next: null, previous: null, results: [] })),
		);
		const result = await run(server);
		expect(result.error).toBeUndefined();
		expect(writes).toEqual(['POST /api/lead/']);
		expect(result.json[0]).toMatchObject({ id: 990, action: 'created', matchedBy: null });
	});

	test('control: page 2 holds the match, and it is updated, not created', async () => {
		const { server, writes } = await smlServer(
			brokenAt2((res) =>
				json(res, 200, {
					count: 2,
					next: null,
					previous: null,
					results: [leadOf(12, 'ana@x.com')],
				}),
			),
		);
		const result = await run(server);
		expect(result.error).toBeUndefined();
		expect(writes).toEqual(['PATCH /api/lead/12/']);
	});
});

describe('SML Lead > Create or Update: one run, Concurrency 16, counted at a real server', () => {
	afterEach(closeAllServers);

	test('20 items over 8 e-mails (items 3 and 7 alike): 8 creates, 12 updates', async () => {
		const leads: IDataObject[] = [];
		const creates: string[] = [];
		const server = await startServer(
			(request, res) => {
				const url = new URL(request.path, 'http://127.0.0.1');
				if (request.method === 'POST' && url.pathname === LOGIN_PATH) {
					json(res, 200, { username: 'a', password: PASSWORD, token: TOKEN });
				} else if (request.method === 'GET') {
					const term = (url.searchParams.get('client__email__icontains') ?? '').toLowerCase();
					const results = leads.filter((lead) =>
						String((lead.client as IDataObject).email).includes(term),
					);
					// A short wait, so lookups of different e-mails overlap as they do in production.
					setTimeout(() => json(res, 200, { count: results.length, next: null, results }), 10);
				} else if (request.method === 'POST') {
					const email = String(
						((JSON.parse(request.body) as IDataObject).client as IDataObject).email,
					);
					creates.push(email);
					const lead = leadOf(100 + leads.length, email.toLowerCase());
					leads.push(lead);
					json(res, 201, lead);
				} else {
					json(
						res,
						200,
						leads.find((lead) => url.pathname === `/api/lead/${String(lead.id)}/`),
					);
				}
			},
			{ maxRequests: 60 },
		);
		const emails = Array.from({ length: 20 }, (_unused, index) => `c${index % 8}@x.com`);
		emails[7] = 'c3@x.com';
		emails[15] = 'C7@X.com';
		const result = await run(
			server,
			{ client: { name: 'Ana', email: '={{ $json.email }}' }, options: { concurrency: 16 } },
			emails.map((email) => ({ json: { email } })),
		);
		expect(result.error).toBeUndefined();
		expect(creates.map((email) => email.toLowerCase()).sort()).toEqual(
			['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'].map((name) => `${name}@x.com`),
		);
		const actions = result.json.map((item) => item.action);
		expect(actions.filter((action) => action === 'created')).toHaveLength(8);
		expect(actions.filter((action) => action === 'updated')).toHaveLength(12);
		expect([actions[3], actions[7]]).toEqual(['created', 'updated']);
	});
});
