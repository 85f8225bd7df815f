// Raw HTTP from the bench process: the floor under any n8n node (no engine, no credentials, no item objects).
// node:http with a keep-alive agent, a fixed number of requests in flight, each answer read and parsed as a node
// would.
import http from 'node:http';

/**
 * Sends one request and resolves { status, body (parsed JSON) }.
 * @param {http.Agent} agent
 * @param {string} url
 * @param {{ method?: string, headers?: Record<string, string>, body?: unknown }} [options]
 */
function send(agent, url, { method = 'GET', headers = {}, body } = {}) {
	return new Promise((resolve, reject) => {
		const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
		const req = http.request(
			url,
			{
				method,
				agent,
				headers: {
					accept: 'application/json',
					...(payload
						? { 'content-type': 'application/json', 'content-length': payload.length }
						: {}),
					...headers,
				},
			},
			(res) => {
				const chunks = [];
				res.on('data', (d) => chunks.push(d));
				res.on('end', () => {
					try {
						resolve({
							status: res.statusCode,
							body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
						});
					} catch (e) {
						reject(e);
					}
				});
				res.on('error', reject);
			},
		);
		req.on('error', reject);
		req.end(payload);
	});
}

/**
 * `count` requests, `inFlight` at a time; request(i) gives { url, method, headers, body }.
 * Resolves { seconds, requests, failures }.
 */
export async function rawRun(count, inFlight, request) {
	const agent = new http.Agent({ keepAlive: true, maxSockets: inFlight });
	let next = 0;
	let failures = 0;
	const started = process.hrtime.bigint();
	const worker = async () => {
		while (next < count) {
			const i = next++;
			const { url, ...opts } = request(i);
			const r = await send(agent, url, opts);
			if (
				r.status >= 300 ||
				(r.body && typeof r.body === 'object' && 'code' in r.body && r.body.code !== 200)
			)
				failures++;
		}
	};
	await Promise.all(Array.from({ length: Math.min(inFlight, count) }, worker));
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	agent.destroy();
	return { seconds, requests: count, failures };
}

/** One GET of a whole list (`page_size=all`), parsed: the floor under Return All. Resolves { seconds, records }. */
export async function rawGetAll(url, headers) {
	const agent = new http.Agent({ keepAlive: true });
	const started = process.hrtime.bigint();
	const r = await send(agent, url, { headers });
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	agent.destroy();
	if (r.status !== 200) throw new Error(`raw GET ${url}: HTTP ${r.status}`);
	return { seconds, records: Array.isArray(r.body?.results) ? r.body.results.length : 0 };
}

/**
 * Create or Update without n8n: per item a lookup GET, then a POST or a PATCH depending on what it found (`write(i,
 * lookupAnswer)` gives the second request), `inFlight` items at a time. Resolves { seconds, requests, failures }.
 */
export async function rawLookupThenWrite(count, inFlight, lookup, write) {
	const agent = new http.Agent({ keepAlive: true, maxSockets: inFlight });
	let next = 0;
	let failures = 0;
	let requests = 0;
	const started = process.hrtime.bigint();
	const worker = async () => {
		while (next < count) {
			const i = next++;
			const { url, ...opts } = lookup(i);
			const found = await send(agent, url, opts);
			requests++;
			if (found.status !== 200) {
				failures++;
				continue;
			}
			const second = write(i, found.body);
			const r = await send(agent, second.url, second);
			requests++;
			if (r.status >= 300) failures++;
		}
	};
	await Promise.all(Array.from({ length: Math.min(inFlight, count) }, worker));
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	agent.destroy();
	return { seconds, requests, failures };
}
