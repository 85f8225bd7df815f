// The bench's loopback vendor: just enough SML and wolkvox to measure throughput, nothing the nodes' tests need.
// Not the e2e sandbox on purpose: the sandbox validates and stores every record (its own CPU would be measured
// with the node's, since it answers inside the node's execution time), and it has no latency knob. Here every
// answer is prepared in advance or cheap to build, then delayed by `latencyMs` with setTimeout, as a far server
// would be.
//
// Several measured nodes can share one `n8n execute` (n8n runs one node at a time): each gets its own base URL,
// <mock>/bench/<tag>, and the mock keeps a latency and counts per tag: requests by kind, the maximum number of
// requests in flight (a request is in flight from its arrival until its answer is written or its socket closes),
// logins, and requests refused for a bad token.
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { upsertLeads } from './mock-upsert.mjs';

export const SML_LOGIN_PATH = '/api/auth/login/';
export const SML_LEAD_PATH = '/api/lead/';
export const WOLKVOX_INSERT_MANY_PATH = '/server/API/v2/custom/insertMany.php';
/** A token the mock accepts without a login: the HTTP Request node and the raw client send it as they are given. */
export const STATIC_SML_TOKEN = 'bench-static-sml-token-0123456789';
export const WOLKVOX_TOKEN = 'bench-wolkvox-token-0123456789';
export const SML_USER = { username: 'bench@example.com', password: 'bench-Passw0rd' };
/** DRF PageNumberPagination defaults as the sandbox models SML: a page_size above the max is cut to the max. */
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

const STATUSES = ['new', 'tracing', 'commitment', 'won', 'lost'];
const BRANDS = [
	'Toyota Corolla',
	'Chevrolet Sail',
	'Kia Rio',
	'Hyundai Tucson',
	'Mazda CX-5',
	'Renault Duster',
];

/** An SML lead as GET /api/lead/ lists it (the kit's lead-984 shape, trimmed): about 1 KB of JSON. */
export function syntheticLead(id) {
	const day = String(1 + (id % 28)).padStart(2, '0');
	return {
		id,
		concessionaire: 1 + (id % 4),
		client: {
			id: 500000 + id,
			name: `Cliente Sintético ${id}`,
			phone: String(600000000 + (id % 99999999)),
			email: `cliente${id}@example.com`,
			province: 638,
			location: 58323,
			address: `Av. de los Shyris N${id % 1000}-${id % 97}`,
		},
		vehicle: {
			id: 700000 + id,
			brand_model: BRANDS[id % BRANDS.length],
			price: String(10000 + (id % 30000)),
			km: String((id * 37) % 250000),
			year: 2005 + (id % 20),
			gas: 1 + (id % 3),
			gas_data: { id: 1 + (id % 3), name: ['Gasolina', 'Diésel', 'Híbrido'][id % 3] },
			sold: false,
		},
		request: { id: 900000 + id, task: [] },
		note: [
			{
				id: 300000 + id,
				content: 'Nota de prueba generada para el benchmark',
				modified: `2024-05-${day}T10:00:00+02:00`,
			},
		],
		tags: [{ id: 1 + (id % 5), content: 'Etiqueta de ejemplo' }],
		end_date: null,
		user: 2,
		result: null,
		created: `2024-05-${day}T11:21:49.758867+02:00`,
		status: STATUSES[id % STATUSES.length],
		score: String(1 + (id % 5)),
		finish_date: null,
		pending_tasks: id % 2 === 0,
		first_task_date: `2024-05-${day}T11:21:49.758867+02:00`,
		origin: { id: 2, name: 'coches.net', icon: 'http://localhost:8000/media/temp_fMtH9Qu.png' },
		cur_user_can_assign: true,
		source: 1,
		source_data: {
			id: 1,
			channel: 1,
			channel_data: { id: 1, slug: 'phone', name: 'Teléfono' },
			data: '666666666',
			origin: 2,
		},
	};
}

function emptyStats() {
	// firstBody: the first create's body, so the bench can show that both nodes sent the same lead.
	return {
		requests: 0,
		byKind: {},
		logins: 0,
		refused: 0,
		inFlight: 0,
		maxInFlight: 0,
		bytesOut: 0,
		firstBody: undefined,
	};
}

/**
 * Starts the mock on 127.0.0.1 (a free port). `leads`: how many records GET /api/lead/ lists. `upserts`: the most items
 * a Create or Update run sends (mock-upsert.mjs: leads exist for half of them).
 * Resolves { url, base(tag), setLatency(tag, ms), stats(tag), setLeads(n), close() }.
 */
export async function startMock({ leads = 0, upserts = 0 } = {}) {
	const tags = new Map();
	const tagOf = (tag) => {
		if (!tags.has(tag)) tags.set(tag, { latencyMs: 0, stats: emptyStats() });
		return tags.get(tag);
	};
	const tokens = new Set([STATIC_SML_TOKEN]);
	let nextLeadId = 1_000_000;
	// Each listed lead is serialized once: a page is then a join of ready strings, so the mock's own CPU stays out of
	// the node's execution time as far as possible (it runs in this process, on the same two cores as n8n).
	let leadJson = [];
	let allBody = null;
	const setLeads = (n) => {
		leadJson = Array.from({ length: n }, (_, i) => JSON.stringify(syntheticLead(i + 1)));
		// Built now, not on the first `page_size=all`: that request would otherwise pay for it inside a measured run.
		allBody = Buffer.from(
			`{"count":${n},"next":null,"previous":null,"results":[${leadJson.join(',')}]}`,
		);
	};
	setLeads(leads);
	const createdTemplate = syntheticLead(0);
	const upsert = upsertLeads(upserts, syntheticLead);

	const page = (url, prefix) => {
		const q = url.searchParams;
		const rawSize = q.get('page_size');
		const count = leadJson.length;
		if (rawSize === 'all') return [200, allBody];
		const size =
			/^\d+$/.test(rawSize ?? '') && Number(rawSize) > 0
				? Math.min(Number(rawSize), MAX_PAGE_SIZE)
				: DEFAULT_PAGE_SIZE;
		const rawPage = q.get('page');
		const pageNo =
			rawPage === null || rawPage === '' ? 1 : /^\d+$/.test(rawPage) ? Number(rawPage) : 0;
		const pages = Math.max(1, Math.ceil(count / size));
		if (pageNo < 1 || pageNo > pages) return [404, { detail: 'Página inválida.' }];
		// DRF's links: the same query with another page (page 1 without `page`).
		const link = (p) => {
			if (p < 1 || p > pages) return null;
			const params = new URLSearchParams(q);
			if (p === 1) params.delete('page');
			else params.set('page', String(p));
			return `${base}${prefix}${url.pathname}?${params}`;
		};
		const body = `{"count":${count},"next":${JSON.stringify(link(pageNo + 1))},"previous":${JSON.stringify(link(pageNo - 1))},"results":[${leadJson.slice((pageNo - 1) * size, pageNo * size).join(',')}]}`;
		return [200, Buffer.from(body)];
	};

	const smlAuthorized = (req) => {
		const m = /^(Token|Bearer|JWT) (.+)$/.exec(req.headers.authorization || '');
		return Boolean(m && tokens.has(m[2]));
	};

	/** Returns [status, body (object or Buffer), kind]. */
	const route = (req, url, raw, prefix, s) => {
		const p = url.pathname;
		if (req.method === 'POST' && p === SML_LOGIN_PATH) {
			s.logins++;
			let body;
			try {
				body = JSON.parse(raw || '{}');
			} catch {
				return [400, { non_field_errors: ['JSON parse error'] }, 'login'];
			}
			if (body.username !== SML_USER.username || body.password !== SML_USER.password) {
				return [
					400,
					{ non_field_errors: ['No puede iniciar sesión con las credenciales proporcionadas.'] },
					'login',
				];
			}
			const token = randomBytes(20).toString('hex');
			tokens.add(token);
			return [200, { username: body.username, token }, 'login'];
		}
		if (/^\/api\/lead\/(\d+\/)?$/.test(p) && !smlAuthorized(req))
			return [401, { detail: 'Token inválido.' }, 'refused'];
		const upserted = upsert.route(req, url, raw, prefix);
		if (upserted) return upserted;
		if (p === SML_LEAD_PATH) {
			if (req.method === 'POST') {
				let body;
				try {
					body = JSON.parse(raw || '{}');
				} catch {
					return [400, { non_field_errors: ['JSON parse error'] }, 'lead create'];
				}
				if (!body.vehicle?.brand_model || body.source === undefined)
					return [400, { vehicle: ['Este campo es requerido.'] }, 'lead create'];
				s.firstBody ??= body;
				const id = nextLeadId++;
				const lead = {
					...createdTemplate,
					...body,
					id,
					client: body.client ? { id, ...body.client } : null,
					vehicle: { ...createdTemplate.vehicle, ...body.vehicle, id },
				};
				// A Create or Update run must find what it created (its tag's leads only).
				upsert.remember(prefix, lead);
				return [201, lead, 'lead create'];
			}
			if (req.method === 'GET') {
				const [status, body] = page(url, prefix);
				return [status, body, 'lead list'];
			}
		}
		if (req.method === 'POST' && p === WOLKVOX_INSERT_MANY_PATH) {
			if (req.headers['wolkvox-token'] !== WOLKVOX_TOKEN)
				return [200, { code: 401, error: 'Invalid token', msg: null, data: null }, 'refused'];
			let body;
			try {
				body = JSON.parse(raw || '{}');
			} catch {
				return [200, { code: 400, error: 'invalid JSON', msg: null, data: null }, 'insertMany'];
			}
			const fields = Array.isArray(body.fields) ? body.fields : [];
			return [
				200,
				{
					code: 200,
					error: 'null',
					msg: 'ok',
					data: fields.map(() => ({ wolkvox_id: randomBytes(12).toString('hex') })),
				},
				'insertMany',
			];
		}
		return [404, { detail: 'No encontrado.' }, 'unknown'];
	};

	const server = http.createServer((req, res) => {
		// /bench/<tag>/rest: the tag picks the latency and the counters; `url` is then the vendor's own path.
		const m = /^\/bench\/([A-Za-z0-9_-]+)(\/.*)?$/.exec(req.url);
		const prefix = m ? `/bench/${m[1]}` : '';
		const tag = tagOf(m ? m[1] : '');
		const s = tag.stats;
		const latencyMs = tag.latencyMs;
		s.requests++;
		s.inFlight++;
		if (s.inFlight > s.maxInFlight) s.maxInFlight = s.inFlight;
		let done = false;
		const finish = () => {
			if (!done) {
				done = true;
				s.inFlight--;
			}
		};
		res.on('finish', finish);
		res.on('close', finish);
		const chunks = [];
		req.on('data', (d) => chunks.push(d));
		req.on('end', () => {
			const url = new URL(m ? m[2] || '/' : req.url, base);
			const [status, body, kind] = route(
				req,
				url,
				Buffer.concat(chunks).toString('utf8'),
				prefix,
				s,
			);
			s.byKind[kind] = (s.byKind[kind] || 0) + 1;
			if (kind === 'refused') s.refused++;
			const payload = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
			s.bytesOut += payload.length;
			const answer = () =>
				res
					.writeHead(status, {
						'content-type': 'application/json',
						'content-length': payload.length,
					})
					.end(payload);
			if (latencyMs > 0) setTimeout(answer, latencyMs);
			else answer();
		});
	});
	// n8n's agents keep connections alive: long enough that a run never reconnects on account of the server.
	server.keepAliveTimeout = 60_000;
	server.headersTimeout = 65_000;
	await /** @type {Promise<void>} */ (
		new Promise((resolve, reject) => {
			server.once('error', reject);
			server.listen(0, '127.0.0.1', resolve);
		})
	);
	// Listening on a TCP port: the address is an AddressInfo (a string only for a pipe or a Unix socket).
	const base = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}`;
	return {
		url: base,
		/** The base URL a measured node is given. */
		base: (tag) => `${base}/bench/${tag}`,
		/** Sets a tag's latency and starts its counts afresh. */
		setLatency(tag, ms) {
			tags.set(tag, { latencyMs: ms, stats: emptyStats() });
		},
		stats: (tag) => {
			const s = tagOf(tag).stats;
			return { ...s, byKind: { ...s.byKind } };
		},
		setLeads,
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
