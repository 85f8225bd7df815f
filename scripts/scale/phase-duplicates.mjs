// Phase "duplicates" (issue 21): the same 50 e-mails sent twice at once, 100 webhook calls with at most 20 in flight,
// into a workflow that uses SML Lead > Create or Update (matched on the e-mail) and wolkvox Record > Create or Update
// (contacts, matched on emailcontact). The two calls of an e-mail are sent one right after the other, so they run at the
// same moment on the two workers: nothing in n8n or the vendors' APIs gives a lock across executions, and both may find
// nothing and create. The phase measures how many duplicate leads and contacts remain rather than asserting none; it
// asserts only what must hold whatever the timing: every call answered, every e-mail stored once or twice at each
// vendor (never lost, never three times), so at most 50 duplicates.
import { executionsOf, lastExecutionId, webhookRegistered } from './n8n-database.mjs';
import { classify, readSandbox, storedByEmail } from './sandbox-tally.mjs';
import { callWebhook } from './webhook-load.mjs';
import { countBy } from './phase-revoke.mjs';

export const DUPLICATES_WEBHOOK_PATH = 'scale-duplicates';
// Its own e-mails, not `scale-...` ones (lead-workflow.mjs's markerOf): the other phases' tallies leave them out.
const twice = (runTag, k) => `twice-${runTag}-${k}`;
const keyOfEmail = (email) => /^(twice-[0-9a-f]+-\d+)@example\.com$/.exec(email)?.[1];
/** The body of the calls for e-mail number k (valid e-mail, numeric phone). */
const bodyOf = (runTag, k) => ({
	marker: twice(runTag, k),
	email: `${twice(runTag, k)}@example.com`,
	phone: `08${String(k).padStart(8, '0')}`,
	name: `Twice ${k}`,
});
const PKG = 'n8n-nodes-casabaca-wolkvox-sml';
const body = (field) => `={{ $('Webhook').item.json.body.${field} }}`;

/** Webhook → SML Lead > Create or Update → wolkvox Record > Create or Update (contacts) → the answer. */
export function duplicatesWorkflow(credentialIds) {
	const cred = (type, name) => ({ [type]: { id: credentialIds[type], name } });
	const node = (id, name, type, position, parameters, extra = {}) => ({
		id: `d0b1e000-0000-4000-8000-00000000000${id}`,
		name,
		type,
		typeVersion: 2,
		position,
		parameters,
		...extra,
	});
	const nodes = [
		{
			...node(1, 'Webhook', 'n8n-nodes-base.webhook', [0, 0], {
				httpMethod: 'POST',
				path: DUPLICATES_WEBHOOK_PATH,
				responseMode: 'lastNode',
				responseData: 'firstEntryJson',
				options: {},
			}),
			webhookId: 'd0b1e000-0000-4000-8000-0000000000ff',
		},
		node(
			2,
			'SML Create or Update',
			`${PKG}.sml`,
			[220, 0],
			{
				resource: 'lead',
				operation: 'createOrUpdate',
				source: '3',
				brand_model: 'Toyota Corolla 1.8 Hybrid',
				client: { name: body('name'), email: body('email'), phone: body('phone') },
				matchOn: 'email',
				whenFound: 'update',
				whenSeveral: 'newest',
			},
			{ credentials: cred('smlApi', 'SML sandbox') },
		),
		node(
			3,
			'wolkvox Create or Update',
			`${PKG}.wolkvoxCrm`,
			[440, 0],
			{
				resource: 'record',
				operation: 'createOrUpdate',
				module: 'contacts',
				matchField: 'emailcontact',
				fieldsInput: 'pairs',
				fieldPairs: {
					field: [
						{ name: 'namecontact', value: body('name') },
						{ name: 'telephonecontact', value: body('phone') },
						{ name: 'emailcontact', value: body('email') },
					],
				},
				whenFound: 'update',
				whenSeveral: 'newest',
			},
			{ credentials: cred('wolkvoxCrmApi', 'wolkvox CRM sandbox') },
		),
		{
			...node(4, 'Answer', 'n8n-nodes-base.set', [660, 0], {
				mode: 'manual',
				assignments: {
					assignments: [
						['marker', body('marker')],
						['smlLeadId', "={{ String($('SML Create or Update').item.json.id) }}"],
						['smlAction', "={{ $('SML Create or Update').item.json.action }}"],
						['wolkvoxId', "={{ $('wolkvox Create or Update').item.json.wolkvox_id }}"],
						['wolkvoxAction', "={{ $('wolkvox Create or Update').item.json.action }}"],
					].map(([name, value], i) => ({
						id: `d0b1e000-0000-4000-8000-1000000000${i}0`,
						name,
						value,
						type: 'string',
					})),
				},
				options: {},
			}),
			typeVersion: 3.4,
		},
	];
	const chain = nodes.map((n) => n.name);
	return {
		name: 'Queue-mode scale test: the same e-mails twice at once → Create or Update',
		nodes,
		connections: Object.fromEntries(
			chain
				.slice(0, -1)
				.map((from, i) => [from, { main: [[{ node: chain[i + 1], type: 'main', index: 0 }]] }]),
		),
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

async function publish({ rest, db, credIds, server, log }) {
	const created = await rest.request('POST', '/rest/workflows', duplicatesWorkflow(credIds));
	if (created.status !== 200)
		throw new Error(`creating the workflow: HTTP ${created.status} ${created.text.slice(0, 500)}`);
	const { id, versionId } = created.json.data;
	const act = await rest.request('POST', `/rest/workflows/${id}/activate`, { versionId });
	if (act.status !== 200)
		throw new Error(`publishing the workflow: HTTP ${act.status} ${act.text.slice(0, 500)}`);
	for (
		const deadline = Date.now() + 20000;
		!(await webhookRegistered(db, DUPLICATES_WEBHOOK_PATH));
	) {
		if (Date.now() > deadline)
			throw new Error(
				`the webhook ${DUPLICATES_WEBHOOK_PATH} was not registered 20 s after publishing`,
			);
		await new Promise((r) => setTimeout(r, 200));
	}
	log(`  workflow ${id} published: POST ${server.url}/webhook/${DUPLICATES_WEBHOOK_PATH}`);
	return id;
}

/** Runs the phase; returns its figures (also given in the checks' names, which the report prints). */
export async function runDuplicatesPhase(ctx, { emails = 50, inFlight = 20 } = {}) {
	const { sb, db, runTag, check, log } = ctx;
	log(
		`phase duplicates: ${emails} e-mails, each sent twice at once (${2 * emails} calls, at most ${inFlight} in flight), into Create or Update at SML and wolkvox`,
	);
	const workflowId = await publish(ctx);
	const afterId = await lastExecutionId(db);
	const distinct = Array.from({ length: emails }, (_, k) => bodyOf(runTag, k));
	const markers = distinct.map((b) => b.marker);
	// e0, e0, e1, e1...: the two calls of an e-mail leave together and run side by side.
	const bodies = distinct.flatMap((b) => [b, b]);
	const started = Date.now();
	const results = await callWebhook(
		`${ctx.server.url}/webhook/${DUPLICATES_WEBHOOK_PATH}`,
		bodies,
		{
			inFlight,
			beforeCall: null,
		},
	);
	const seconds = (Date.now() - started) / 1000;
	const { store } = await readSandbox(sb.url);
	const stored = storedByEmail(store, keyOfEmail);
	const sml = classify(stored.smlLeads, markers);
	const wolkvox = classify(stored.wolkvoxContacts, markers);
	const execs = await executionsOf(db, workflowId, afterId);
	const answered = results.filter((r) => r.status === 200 && r.answer?.marker === r.marker);
	const actions = (key) => countBy(answered, (r) => r.answer[key] || 'none');
	const figures = {
		emails,
		calls: bodies.length,
		seconds,
		smlDuplicates: sml.many.length,
		wolkvoxDuplicates: wolkvox.many.length,
		smlActions: actions('smlAction'),
		wolkvoxActions: actions('wolkvoxAction'),
		statuses: countBy(execs, (e) => e.status),
	};
	log(
		`phase duplicates: ${bodies.length} calls answered in ${seconds.toFixed(1)} s; e-mails left with two records: SML ${sml.many.length} of ${emails} leads, wolkvox ${wolkvox.many.length} of ${emails} contacts`,
	);
	log(
		`  actions: SML ${JSON.stringify(figures.smlActions)}, wolkvox ${JSON.stringify(figures.wolkvoxActions)}; executions ${JSON.stringify(figures.statuses)}`,
	);

	check(
		answered.length === bodies.length,
		`duplicates: all ${bodies.length} webhook calls answered HTTP 200 with their own marker`,
		results
			.filter((r) => !answered.includes(r))
			.slice(0, 5)
			.map((r) => `call ${r.i}: ${r.status} ${r.error || JSON.stringify(r.answer).slice(0, 300)}`)
			.join('\n'),
	);
	check(
		execs.length === bodies.length && figures.statuses.success === bodies.length,
		`duplicates: n8n stored ${bodies.length} executions, all with status success`,
		JSON.stringify(figures.statuses),
	);
	for (const { vendor, what, c } of [
		{ vendor: 'SML', what: 'leads', c: sml },
		{ vendor: 'wolkvox', what: 'contacts', c: wolkvox },
	]) {
		// Measured, not asserted to be zero: the figure is the README's. Asserted: nothing lost, never three.
		const tooMany = c.many.filter((m) => !m.endsWith('(2)'));
		check(
			c.none.length === 0 && tooMany.length === 0 && c.many.length <= emails,
			`duplicates: ${vendor} holds every e-mail once or twice: ${c.one} once, ${c.many.length} twice (duplicate ${what} left by simultaneous calls: ${c.many.length} of ${emails})`,
			`missing ${c.none.slice(0, 3)}; more than twice ${tooMany.slice(0, 3)}`,
		);
	}
	const created = (a) => a.created || 0;
	check(
		created(figures.smlActions) === emails + sml.many.length &&
			created(figures.wolkvoxActions) === emails + wolkvox.many.length,
		`duplicates: the outputs agree with the stores (SML ${created(figures.smlActions)} created, wolkvox ${created(figures.wolkvoxActions)} created, for ${emails} e-mails)`,
		JSON.stringify({ sml: figures.smlActions, wolkvox: figures.wolkvoxActions }),
	);
	const off = await ctx.rest.request('POST', `/rest/workflows/${workflowId}/deactivate`, {});
	if (off.status !== 200) log(`  unpublishing the duplicates workflow: HTTP ${off.status}`);
	return figures;
}
