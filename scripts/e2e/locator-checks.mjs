// Resource locators' "From List" in the running n8n server (n8n start): the e2e calls the REST endpoint the editor
// calls when a locator's list opens, is searched or scrolled (POST /rest/dynamic-node-parameters/resource-locator-results),
// with the e2e's credentials pointing at the sandbox, and compares the answer with the sandbox's records
// (GET /__sandbox/store). SML's searchLeads (a page, the `search` filter, the next page through paginationToken) and
// Casabaca's searchAppraisals (the whole list, filtered by the node).
import { CREDENTIAL_IDS } from './n8n.mjs';

/** SML's page size of the lead list (nodes/Sml/methods/listSearch.ts SEARCH_PAGE_SIZE). */
const SML_PAGE_SIZE = 50;

/** How nodes/Sml/methods/listSearch.ts names a lead: "#984 · Cliente de Ejemplo · Seat Ibiza (new)". */
function leadLabel(lead) {
	const parts = [`#${lead.id}`, lead.client?.name, lead.vehicle?.brand_model].filter(
		(p) => p !== undefined && p !== null && p !== '',
	);
	return `${parts.join(' · ')}${lead.status ? ` (${lead.status})` : ''}`;
}

/** How nodes/SugarCrmCasabaca/methods/listSearch.ts names an appraisal: "#1 · PCY-7933 · TOYOTA · FORTUNER 2.7 · 2019". */
function appraisalLabel(a) {
	return [
		`#${a.id}`,
		...['placa', 'marca', 'modelo', 'anio']
			.map((k) => a[k])
			.filter((p) => p !== undefined && p !== null && p !== ''),
	].join(' · ');
}

const credential = (type) => ({
	[type]: { id: CREDENTIAL_IDS[type][0], name: CREDENTIAL_IDS[type][1] },
});

/**
 * Runs the checks; resolves the Checks' results. sandboxJson(path) reads the sandbox's hooks.
 * @param {{ Checks: any, rest: any, sandbox: { url: string }, sandboxJson: (p: string) => Promise<any>, pkg: { name: string }, log: (m: string) => void }} ctx
 */
export async function runLocatorChecks({ Checks, rest, sandbox, sandboxJson, pkg, log }) {
	const t = new Checks('n8n server: resource locator lists (From List)');
	const post = (p) =>
		fetch(`${sandbox.url}${p}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{}',
		});
	/** One call of the editor's endpoint; resolves n8n's answer ({ results, paginationToken }) or { error }. */
	const list = async (
		node,
		credType,
		methodName,
		path,
		currentNodeParameters,
		filter,
		paginationToken,
	) => {
		const body = {
			path,
			methodName,
			nodeTypeAndVersion: { name: `${pkg.name}.${node}`, version: 2 },
			currentNodeParameters,
			credentials: credential(credType),
		};
		if (filter !== undefined) body.filter = filter;
		if (paginationToken !== undefined) body.paginationToken = paginationToken;
		const r = await rest.request(
			'POST',
			'/rest/dynamic-node-parameters/resource-locator-results',
			body,
		);
		return r.status === 200 && r.json?.data
			? r.json.data
			: { error: `HTTP ${r.status} ${r.text.slice(0, 400)}` };
	};
	const names = (answer) => (answer.results || []).map((x) => ({ name: x.name, value: x.value }));
	const detail = (answer) => JSON.stringify(answer).slice(0, 400);
	try {
		// ---- SML Lead ID: searchLeads ----
		await post('/__sandbox/reset');
		await fetch(`${sandbox.url}/__sandbox/requests`, { method: 'DELETE' });
		const smlParams = {
			resource: 'lead',
			operation: 'get',
			leadId: { __rl: true, mode: 'list', value: '' },
			simplify: true,
		};
		const smlList = (filter, token) =>
			list('sml', 'smlApi', 'searchLeads', 'parameters.leadId', smlParams, filter, token);
		const leads = (await sandboxJson('/__sandbox/store')).sml.leads
			.slice()
			.sort((a, b) => b.id - a.id);
		const expect = (xs) => xs.map((l) => ({ name: leadLabel(l), value: String(l.id) }));

		const first = await smlList();
		t.ok(
			!first.error && Array.isArray(first.results),
			'SML searchLeads: n8n answers the list of leads',
			detail(first),
		);
		t.equal(
			names(first),
			expect(leads.slice(0, SML_PAGE_SIZE)),
			`SML searchLeads: the sandbox's ${leads.length} leads, newest first, named "#id · client · vehicle (status)"`,
		);
		t.equal(
			first.paginationToken,
			leads.length > SML_PAGE_SIZE ? '2' : undefined,
			`SML searchLeads: ${leads.length > SML_PAGE_SIZE ? 'a next-page token' : 'no next-page token (one page)'}`,
		);

		// A filter: a client's e-mail (the sandbox's `search` matches any field), and a term nothing matches.
		const target = leads.find((l) => l.client?.email);
		const term = target?.client?.email ?? 'no-lead-has-this';
		const wanted = leads.filter((l) =>
			JSON.stringify(l).toLowerCase().includes(term.toLowerCase()),
		);
		const filtered = await smlList(term);
		t.ok(
			wanted.length > 0 && wanted.length < leads.length,
			`SML searchLeads: the filter "${term}" picks some of the sandbox's leads`,
			`${wanted.length} of ${leads.length}`,
		);
		t.equal(
			names(filtered),
			expect(wanted),
			`SML searchLeads with the filter "${term}": the matching leads only`,
		);
		const none = await smlList('zz-no-lead-matches-this-zz');
		t.ok(
			!none.error &&
				Array.isArray(none.results) &&
				none.results.length === 0 &&
				!none.paginationToken,
			'SML searchLeads with a filter nothing matches: an empty list, no next page',
			detail(none),
		);
		// Answered ones only: after the reset, the credential's stored token is refused once (401), then renewed.
		const leadGets = (await sandboxJson('/__sandbox/requests?vendor=sml')).filter(
			(x) => x.method === 'GET' && x.path === '/api/lead/',
		);
		const answered = leadGets.filter((x) => x.status === 200).map((x) => x.query ?? {});
		t.ok(
			answered.length === 3 &&
				answered.every((q) => String(q.page_size) === String(SML_PAGE_SIZE)) &&
				answered.some((q) => q.search === term),
			`SML searchLeads: one answered GET /api/lead/ per list call, page_size=${SML_PAGE_SIZE}, the filter sent as SML's search`,
			JSON.stringify(leadGets.map((x) => ({ status: x.status, query: x.query }))).slice(0, 500),
		);

		// The next page: the sandbox has 14 leads, under one page of 50; make more appear so that there are two.
		const more = SML_PAGE_SIZE + 5 - leads.length;
		let made = 0;
		for (let i = 0; i < more; i++)
			if ((await post('/__sandbox/appear/sml/lead')).status === 201) made++;
		t.equal(
			made,
			more,
			`the sandbox made ${more} more leads appear (${SML_PAGE_SIZE + 5} in all: two pages)`,
		);
		const all = (await sandboxJson('/__sandbox/store')).sml.leads
			.slice()
			.sort((a, b) => b.id - a.id);
		const page1 = await smlList();
		t.equal(
			page1.paginationToken,
			'2',
			`SML searchLeads, ${all.length} leads: the first page gives the next-page token "2"`,
		);
		t.equal(
			names(page1),
			expect(all.slice(0, SML_PAGE_SIZE)),
			`SML searchLeads, ${all.length} leads: the first page is the newest ${SML_PAGE_SIZE}`,
		);
		const page2 = await smlList(undefined, page1.paginationToken ?? '2');
		t.equal(
			names(page2),
			expect(all.slice(SML_PAGE_SIZE)),
			`SML searchLeads with paginationToken "2": the other ${all.length - SML_PAGE_SIZE} leads`,
		);
		t.ok(
			!page2.error && !page2.paginationToken,
			'SML searchLeads, last page: no next-page token',
			detail(page2),
		);

		// ---- Casabaca Appraisal ID: searchAppraisals ----
		await post('/__sandbox/reset');
		const appraisals = (await sandboxJson('/__sandbox/store')).casabaca.appraisals;
		const casParams = {
			resource: 'appraisal',
			operation: 'get',
			id: { __rl: true, mode: 'list', value: '' },
		};
		const casList = (filter) =>
			list(
				'sugarCrmCasabaca',
				'sugarCrmCasabacaApi',
				'searchAppraisals',
				'parameters.id',
				casParams,
				filter,
			);
		const expectA = (xs) => xs.map((a) => ({ name: appraisalLabel(a), value: String(a.id) }));
		const allA = await casList();
		t.ok(
			!allA.error && Array.isArray(allA.results),
			'Casabaca searchAppraisals: n8n answers the list of appraisals',
			detail(allA),
		);
		t.equal(
			names(allA),
			expectA(appraisals),
			`Casabaca searchAppraisals: the sandbox's ${appraisals.length} appraisals, named "#id · placa · marca · modelo · anio"`,
		);
		const one = appraisals[appraisals.length - 1];
		const aTerm = String(one?.modelo ?? '')
			.split(' ')[0]
			.toLowerCase();
		const aWanted = appraisals.filter((a) => appraisalLabel(a).toLowerCase().includes(aTerm));
		const aFiltered = await casList(aTerm);
		t.ok(
			aTerm && aWanted.length > 0 && aWanted.length < appraisals.length,
			`Casabaca searchAppraisals: the filter "${aTerm}" picks some of the sandbox's appraisals`,
			`${aWanted.length} of ${appraisals.length}`,
		);
		t.equal(
			names(aFiltered),
			expectA(aWanted),
			`Casabaca searchAppraisals with the filter "${aTerm}": the matching appraisals only`,
		);
		log(
			`resource locator lists: SML ${first.results?.length ?? 0} + ${page2.results?.length ?? 0} leads, Casabaca ${allA.results?.length ?? 0} appraisals`,
		);
	} catch (e) {
		t.ok(false, 'the resource locator checks completed', e.stack || e.message);
	} finally {
		await post('/__sandbox/reset');
	}
	return t.results;
}
