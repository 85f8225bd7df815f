// What the vendor sandbox saw, per call marker and per vendor: records stored (GET /__sandbox/store), creating POSTs
// it accepted (GET /__sandbox/requests), logins, and requests refused for a revoked token. The request log is the
// sandbox's only memory of logins: its entries are counted, nothing is added to the sandbox for this test.
import { markerOf, WOLKVOX_MODULE } from './lead-workflow.mjs';

export const VENDORS = ['sml', 'wolkvox', 'casabaca'];

/** How each vendor's creating POST, login and token refusal look in the request log. */
const LOG = {
	sml: {
		create: (r) => r.method === 'POST' && r.path === '/api/lead/',
		marker: (r) => markerOf.smlLead(r.body),
		accepted: (r) => r.status === 201,
		login: (r) => r.method === 'POST' && r.path === '/api/auth/login/',
		tokenRefused: (r) => r.status === 401,
	},
	wolkvox: {
		create: (r) =>
			r.method === 'POST' &&
			r.path === '/server/API/v2/custom/insert.php' &&
			r.body?.module === WOLKVOX_MODULE,
		marker: (r) => r.body?.fields?.marker,
		accepted: (r) => r.status === 200 && r.response?.code === 200,
		// wolkvox has no login: a fixed token, with a daily quota of uses.
		login: () => false,
		tokenRefused: (r) => r.response?.code === 401 || r.response?.code === 403,
	},
	casabaca: {
		create: (r) => r.method === 'POST' && r.path === '/api/landing_ticket',
		marker: (r) => markerOf.email(r.body?.email ?? r.body?.datosSugarCRM?.email),
		accepted: (r) => r.status === 200 && Boolean(r.response?.data?.ticket_id),
		login: (r) => r.method === 'POST' && r.path === '/api/login',
		tokenRefused: (r) => r.status === 500 && r.response?.message === 'Unauthenticated.',
	},
};

/**
 * The sandbox's request log and store, as its /__sandbox endpoints give them.
 * @param {string} sandboxUrl
 * @returns {Promise<{ requests: import('../../sandbox/index.js').SandboxRequest[], store: any }>}
 */
export async function readSandbox(sandboxUrl) {
	/** @type {(p: string) => Promise<any>} */
	const get = async (p) => (await fetch(`${sandboxUrl}${p}`)).json();
	return { requests: await get('/__sandbox/requests'), store: await get('/__sandbox/store') };
}

/** marker -> count, for the records of one vendor in the store. */
function storedRecords(store) {
	const count = (list, of) => {
		const m = new Map();
		for (const x of list) {
			const k = of(x);
			if (k) m.set(k, (m.get(k) || 0) + 1);
		}
		return m;
	};
	return {
		sml: count(store.sml.leads, markerOf.smlLead),
		wolkvox: count(store.wolkvox.modules[WOLKVOX_MODULE] || [], markerOf.wolkvoxRecord),
		casabaca: count(store.casabaca.tickets, markerOf.casabacaTicket),
	};
}

/**
 * Per vendor: records (marker -> stored count), posts (marker -> accepted creating POSTs), sent (marker -> creating POSTs
 * sent, refused ones included), logins (log entries), refused (requests refused for their token), requests (all).
 * sinceSeq: only log entries after that sequence number (the store has no such filter: markers are unique per run).
 */
export function tally({ requests, store }, { sinceSeq = 0 } = {}) {
	const stored = storedRecords(store);
	const out = {};
	for (const v of VENDORS) {
		const log = requests.filter((r) => r.vendor === v && r.seq > sinceSeq);
		const posts = new Map();
		const sent = new Map();
		for (const r of log.filter(LOG[v].create)) {
			const m = LOG[v].marker(r);
			if (!m) continue;
			sent.set(m, (sent.get(m) || 0) + 1);
			if (LOG[v].accepted(r)) posts.set(m, (posts.get(m) || 0) + 1);
		}
		out[v] = {
			records: stored[v],
			posts,
			sent,
			logins: log.filter(LOG[v].login),
			refused: log.filter((r) => !LOG[v].login(r) && LOG[v].tokenRefused(r)),
			requests: log.length,
		};
	}
	return out;
}

/** For a list of markers: how many have exactly one record, none, or more than one, at one vendor. */
export function classify(counts, markers) {
	const r = { one: 0, none: [], many: [] };
	for (const m of markers) {
		const n = counts.get(m) || 0;
		if (n === 1) r.one++;
		else if (n === 0) r.none.push(m);
		else r.many.push(`${m} (${n})`);
	}
	return r;
}

/**
 * key -> count, by the e-mail each vendor keys its people on: SML leads by the client's e-mail, wolkvox contacts
 * (module `contacts`) by `emailcontact`; keyOf(e-mail, lower case) names the test's records (undefined: not one).
 * For the duplicates phase, which writes through Create or Update with e-mails of its own, outside `markerOf`, so
 * that the other phases' tallies do not count its records.
 */
export function storedByEmail(store, keyOf) {
	const count = (list, emailOf) => {
		const m = new Map();
		for (const x of list) {
			const k = keyOf(String(emailOf(x) ?? '').toLowerCase());
			if (k) m.set(k, (m.get(k) || 0) + 1);
		}
		return m;
	};
	return {
		smlLeads: count(store.sml.leads, (l) => l.client?.email),
		wolkvoxContacts: count(store.wolkvox.modules.contacts || [], (c) => c.emailcontact),
	};
}
