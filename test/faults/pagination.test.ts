/**
 * SML's paged lists against a real HTTP server that pages like Django REST framework: a page size
 * capped below the one asked for (`max_page_size`), and servers that never stop paging.
 */
import type { INodeParameters } from 'n8n-workflow';

import type { ReceivedRequest } from '../harness/loopback';
import { closeAllServers, json, startServer } from '../harness/loopback';
import { runNode } from '../harness/runNode';
import { LOGIN_PATH, PASSWORD, TOKEN, credentials } from '../sml/sml';

const LEADS = Array.from({ length: 5 }, (_, i) => ({ id: i + 1, brand_model: `Model ${i + 1}` }));

interface ListServer {
	/** Largest page the server sends, whatever `page_size` asks (DRF's `max_page_size`). */
	maxPageSize?: number;
	/** Answers page 1 whatever `page` says, and always points to a next page. */
	ignorePage?: boolean;
	/** Keeps inventing records and pointing to a next page past `count`. */
	endless?: boolean;
	/** Answers the whole list as a plain array (no paging envelope). */
	plainArray?: boolean;
	/** Sends an empty page that still points to a next page from this page on. */
	emptyFrom?: number;
}

/**
 * A DRF-like `GET /api/lead/` behind SML's login. `next` names another host on purpose: the node
 * must only take it as "there is more" and keep asking this server with its own page numbers.
 */
async function smlListServer(behaviour: ListServer = {}) {
	const {
		maxPageSize = 100,
		ignorePage = false,
		endless = false,
		plainArray = false,
		emptyFrom,
	} = behaviour;
	return await startServer((request, res) => {
		const url = new URL(request.path, 'http://127.0.0.1');
		if (request.method === 'POST' && url.pathname === LOGIN_PATH) {
			json(res, 200, { username: 'adam.mora@intelligenia.com', password: PASSWORD, token: TOKEN });
			return;
		}
		if (
			request.method !== 'GET' ||
			url.pathname !== '/api/lead/' ||
			request.headers.authorization !== `Token ${TOKEN}`
		) {
			json(res, 404, { detail: 'Not found.' });
			return;
		}
		if (plainArray) {
			json(res, 200, LEADS);
			return;
		}
		const asked = Number(url.searchParams.get('page_size') ?? 10);
		const size = Math.min(asked, maxPageSize);
		const page = ignorePage ? 1 : Number(url.searchParams.get('page') ?? 1);
		const start = (page - 1) * size;
		const results =
			emptyFrom !== undefined && page >= emptyFrom
				? []
				: endless
					? Array.from({ length: size }, (_, i) => ({
							id: start + i + 1,
							brand_model: `Model ${start + i + 1}`,
						}))
					: LEADS.slice(start, start + size);
		if (!endless && !ignorePage && emptyFrom === undefined && page > 1 && results.length === 0) {
			json(res, 404, { detail: 'Invalid page.' });
			return;
		}
		const more = endless || ignorePage || emptyFrom !== undefined || start + size < LEADS.length;
		json(res, 200, {
			count: LEADS.length,
			next: more ? `http://other-host.invalid/api/lead/?page=${page + 1}&page_size=${asked}` : null,
			previous:
				page > 1 ? `http://other-host.invalid/api/lead/?page=${page - 1}&page_size=${asked}` : null,
			results,
		});
	});
}

const list = (parameters: INodeParameters = {}) => ({
	resource: 'lead',
	operation: 'getAll',
	...parameters,
});

async function run(server: { url: string }, parameters: INodeParameters) {
	return await runNode({
		node: 'sml',
		parameters,
		credentials: { smlApi: { ...credentials.smlApi, baseUrl: server.url } },
	});
}

/** Method and path with query of every request after the single login, which must come first. */
function afterLogin(requests: ReceivedRequest[]): string[] {
	expect(requests[0]).toMatchObject({ method: 'POST', path: LOGIN_PATH });
	expect(requests.filter((request) => request.path === LOGIN_PATH)).toHaveLength(1);
	return requests.slice(1).map((request) => `${request.method} ${request.path}`);
}

afterEach(async () => {
	await closeAllServers();
});

describe('SML lists whose server caps the page size', () => {
	test('Return All reads every record although each page holds 2 of the 100 asked for', async () => {
		const server = await smlListServer({ maxPageSize: 2 });
		const result = await run(server, list({ returnAll: true }));
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual(LEADS);
		expect(afterLogin(server.requests)).toEqual([
			'GET /api/lead/?page=1&page_size=1000',
			'GET /api/lead/?page=2&page_size=1000',
			'GET /api/lead/?page=3&page_size=1000',
		]);
	});

	test('Limit 4 reads the 2 pages it needs and no more', async () => {
		const server = await smlListServer({ maxPageSize: 2 });
		const result = await run(server, list({ returnAll: false, limit: 4 }));
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual(LEADS.slice(0, 4));
		expect(afterLogin(server.requests)).toEqual([
			'GET /api/lead/?page=1&page_size=4',
			'GET /api/lead/?page=2&page_size=4',
		]);
	});

	test('a Limit as large as the list reads all 3 pages, though one asked-for page would have held it', async () => {
		const server = await smlListServer({ maxPageSize: 2 });
		const result = await run(server, list({ returnAll: false, limit: 5 }));
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual(LEADS);
		expect(afterLogin(server.requests)).toEqual([
			'GET /api/lead/?page=1&page_size=5',
			'GET /api/lead/?page=2&page_size=5',
			'GET /api/lead/?page=3&page_size=5',
		]);
	});

	test('Start Page and Page Size are sent as asked and the walk goes on from there', async () => {
		const server = await smlListServer({ maxPageSize: 2 });
		const result = await run(server, list({ returnAll: true, options: { page: 2, page_size: 3 } }));
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual(LEADS.slice(2));
		expect(afterLogin(server.requests)).toEqual([
			'GET /api/lead/?page=2&page_size=3',
			'GET /api/lead/?page=3&page_size=3',
		]);
	});

	test('a list answered as a plain array is one whole page, cut to the limit', async () => {
		const server = await smlListServer({ plainArray: true });
		const all = await run(server, list({ returnAll: true }));
		expect(all.error).toBeUndefined();
		expect(all.json).toEqual(LEADS);
		const limited = await run(server, list({ returnAll: false, limit: 3 }));
		expect(limited.error).toBeUndefined();
		expect(limited.json).toEqual(LEADS.slice(0, 3));
		expect(
			server.requests
				.filter((request) => request.path !== LOGIN_PATH)
				.map((request) => request.path),
		).toEqual(['/api/lead/?page=1&page_size=1000', '/api/lead/?page=1&page_size=3']);
	});
});

describe('SML lists that never end are not read forever', () => {
	test('a server that ignores `page` fails on its first repeated page', async () => {
		const server = await smlListServer({ maxPageSize: 2, ignorePage: true });
		const result = await run(server, list({ returnAll: true }));
		expect(result.error?.message).toBe(
			'SML: GET /api/lead/ stopped: page 2 repeated the records of page 1',
		);
		expect(result.error?.description).toMatch(/ignore the "page" parameter/);
		expect(result.error?.context?.itemIndex).toBe(0);
		expect(result.json).toEqual([]);
		expect(afterLogin(server.requests)).toEqual([
			'GET /api/lead/?page=1&page_size=1000',
			'GET /api/lead/?page=2&page_size=1000',
		]);
	});

	test('with Limit too, a repeated page is an error rather than duplicates', async () => {
		const server = await smlListServer({ maxPageSize: 2, ignorePage: true });
		const result = await run(server, list({ returnAll: false, limit: 4 }));
		expect(result.error?.message).toBe(
			'SML: GET /api/lead/ stopped: page 2 repeated the records of page 1',
		);
		expect(afterLogin(server.requests)).toEqual([
			'GET /api/lead/?page=1&page_size=4',
			'GET /api/lead/?page=2&page_size=4',
		]);
	});

	test('a server whose `next` never ends fails once the records read reach its count', async () => {
		const server = await smlListServer({ maxPageSize: 2, endless: true });
		const result = await run(server, list({ returnAll: true }));
		expect(result.error?.message).toBe(
			'SML: GET /api/lead/ stopped: the server kept pointing to more pages past the 5 records its count announced (6 read by page 3)',
		);
		expect(result.json).toEqual([]);
		expect(afterLogin(server.requests)).toEqual([
			'GET /api/lead/?page=1&page_size=1000',
			'GET /api/lead/?page=2&page_size=1000',
			'GET /api/lead/?page=3&page_size=1000',
		]);
	});

	test('an empty page that still points to a next page is an error, not the end of the list', async () => {
		const server = await smlListServer({ maxPageSize: 2, emptyFrom: 2 });
		const result = await run(server, list({ returnAll: true }));
		expect(result.error?.message).toBe(
			'SML: GET /api/lead/ stopped: page 2 was empty but still pointed to a next page',
		);
		expect(afterLogin(server.requests)).toEqual([
			'GET /api/lead/?page=1&page_size=1000',
			'GET /api/lead/?page=2&page_size=1000',
		]);
	});

	test("with Continue On Fail the walk error becomes the item's {error}", async () => {
		const server = await smlListServer({ maxPageSize: 2, ignorePage: true });
		const result = await runNode({
			node: 'sml',
			parameters: list({ returnAll: true }),
			continueOnFail: true,
			credentials: { smlApi: { ...credentials.smlApi, baseUrl: server.url } },
		});
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([
			{ error: 'SML: GET /api/lead/ stopped: page 2 repeated the records of page 1' },
		]);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(afterLogin(server.requests)).toHaveLength(2);
	});
});

describe('SML page options below 1 are rejected before anything is sent', () => {
	const cases: Array<[string, INodeParameters, string]> = [
		['Page Size 0', { page_size: 0 }, '"Options › Page Size" (page_size) must be at least 1'],
		['Start Page 0', { page: 0 }, '"Options › Start Page" (page) must be at least 1'],
		[
			'Page Size -5 from an expression',
			{ page_size: '={{ -5 }}' },
			'"Options › Page Size" (page_size) must be at least 1',
		],
		[
			'both',
			{ page_size: 0, page: 0 },
			'"Options › Page Size" (page_size) must be at least 1; "Options › Start Page" (page) must be at least 1',
		],
	];

	test.each(cases)('%s', async (_name, options, problem) => {
		const server = await smlListServer();
		const result = await run(server, list({ returnAll: true, options }));
		expect(result.error?.message).toBe(`Invalid input in item 0: ${problem}`);
		expect(result.error?.description).toMatch(/Nothing was sent/);
		expect(server.requests).toEqual([]);
	});
});
