// The polling triggers in the real n8n (`n8n start`): a polling trigger only runs in an active workflow. Each
// trigger event gets a workflow of its own (scripts/e2e/triggers/), created and published through the REST API; once
// its activation poll has run, the sandbox makes one record appear (sandbox/appear.js), and the workflow must run
// exactly once, with exactly that record, and not again at the polls that follow. Then the example that uses the SML
// Trigger (examples.mjs, `trigger`) is published and checked the same way with its own checks.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXAMPLE_CHECKS } from './examples.mjs';
import { appear, EVENTS } from './trigger-events.mjs';
import {
	executionsOf,
	publish,
	runOf,
	runsAfterAppearing,
	sandboxJson,
	unpublish,
	waitFor,
} from './trigger-runs.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** The credentials' secrets and every session token the sandbox issued (logins answer `token`). */
const withTokens = async (sb, secrets) => [
	...secrets,
	...(await sandboxJson(sb, '/__sandbox/requests'))
		.map((r) => r.response?.token)
		.filter((x) => typeof x === 'string'),
];

/** Secrets that must never appear in an execution's data. */
const leaks = (run, secrets) =>
	secrets
		.filter((s) => JSON.stringify(run?.data?.resultData?.runData ?? {}).includes(s))
		.map((s) => `${s.slice(0, 4)}...`);

/**
 * An EVENTS entry once its workflow is created: the workflow's id, its trigger node's name, and the record its
 * appear() made.
 * @typedef {(typeof EVENTS)[number] & { id: string, trigger: string, made?: any }} PublishedEvent
 */

async function checkTriggerEvents(t, { rest, sb, secrets, log }) {
	await sandboxJson(sb, '/__sandbox/reset', 'POST');
	const initial = await sandboxJson(sb, '/__sandbox/store');
	/** @type {PublishedEvent[]} */
	const events = [];
	try {
		for (const event of EVENTS) {
			const wf = JSON.parse(fs.readFileSync(path.join(HERE, 'triggers', event.file), 'utf8'));
			const created = await rest.request('POST', '/rest/workflows', {
				name: wf.name,
				nodes: wf.nodes,
				connections: wf.connections,
				settings: wf.settings,
			});
			const id = created.json?.data?.id;
			t.ok(
				created.status === 200 && id,
				`${event.file}: the workflow is created through the REST API`,
				`HTTP ${created.status} ${created.text.slice(0, 300)}`,
			);
			if (!id) continue;
			events.push({ ...event, id, trigger: wf.nodes[0].name });
			await publish(rest, sb, id, event.polled);
		}
		for (const e of events)
			t.equal(
				await executionsOf(rest, e.id),
				[],
				`${e.file}: publishing ran the activation poll, which emitted nothing (no execution)`,
			);
		for (const e of events) e.made = await e.appear(sb, initial);
		log(
			`trigger checks: ${events.length} workflows published, one record each made to appear; waiting for their runs`,
		);
		// The workflows poll side by side: wait for all of them at once.
		const runsOf = await Promise.all(
			events.map((e) => runsAfterAppearing(rest, sb, e.id, e.polled)),
		);
		for (const [i, e] of events.entries()) {
			const runs = runsOf[i];
			t.equal(
				runs.map((x) => [x.mode, x.status]),
				[['trigger', 'success']],
				`${e.file}: the workflow ran exactly once, successfully, over the next polls`,
			);
			const run = runs[0] && (await runOf(rest, runs[0].id));
			const items = (run?.data?.resultData?.runData?.[e.trigger]?.[0]?.data?.main?.[0] || []).map(
				(i) => i.json,
			);
			t.equal(
				e.actual(items),
				e.expected(e.made),
				`${e.file}: its trigger emitted exactly the record that appeared`,
			);
			t.equal(
				leaks(run, await withTokens(sb, secrets)),
				[],
				`${e.file}: no password or token in the run's data`,
			);
		}
		const all = await sandboxJson(sb, '/__sandbox/requests');
		// wolkvox counts every call against the token's daily quota: one request per poll. The scheduled polls fire
		// 15 s apart (the activation poll, first, at any time before the next one): two requests of one poll would
		// come milliseconds apart.
		for (const e of events.filter((x) => x.vendor === 'wolkvox')) {
			const at = all.filter(e.polled).map((r) => Date.parse(r.at));
			const gaps = at.slice(2).map((time, i) => time - at[i + 1]);
			t.ok(
				at.length >= 3 && gaps.every((gap) => gap >= 5000),
				`${e.file}: one wolkvox request per poll (${at.length} polls; the scheduled ones at least 5 s apart)`,
				JSON.stringify(gaps),
			);
		}
	} finally {
		for (const e of events) await unpublish(t, rest, e.id, e.file);
		// n8n stops the triggers after it answers (as it starts them): wait until no poll came for a whole poll interval,
		// so that the next check starts with no trigger of these workflows left running.
		const polled = (r) => events.some((e) => e.polled(r));
		await waitFor(
			'the unpublished triggers to stop polling',
			async () => {
				const last = (await sandboxJson(sb, '/__sandbox/requests')).filter(polled).pop();
				return !last || Date.now() - Date.parse(last.at) > 16000;
			},
			60000,
		);
	}
}

/**
 * The example polls every 5 minutes, as a user would set it: the check sets its trigger's Poll Times to every 15 s
 * (as the e2e's own trigger workflows) before publishing it. Returns the trigger node.
 */
async function pollEvery15s(rest, id) {
	const wf = (await rest.request('GET', `/rest/workflows/${id}`)).json?.data;
	const trigger = wf?.nodes?.find((n) => /Trigger$/i.test(n.type));
	if (!trigger) throw new Error(`${id} has no trigger node`);
	trigger.parameters.pollTimes = JSON.parse(
		fs.readFileSync(path.join(HERE, 'triggers', 'sml-new-lead.json'), 'utf8'),
	).nodes[0].parameters.pollTimes;
	const r = await rest.request('PATCH', `/rest/workflows/${id}`, {
		nodes: wf.nodes,
		connections: wf.connections,
		versionId: wf.versionId,
	});
	if (r.status !== 200)
		throw new Error(
			`updating the Poll Times of ${id} failed: HTTP ${r.status} ${r.text.slice(0, 300)}`,
		);
	return trigger;
}

async function checkTriggerExample(t, file, { rest, sb, secrets, log }) {
	const check = EXAMPLE_CHECKS[file];
	const id = JSON.parse(fs.readFileSync(path.join(HERE, '..', '..', 'examples', file), 'utf8')).id;
	const trigger = await pollEvery15s(rest, id);
	await sandboxJson(sb, '/__sandbox/reset', 'POST');
	const initialStore = await sandboxJson(sb, '/__sandbox/store');
	// The example's polls: the e2e's own trigger workflows (just unpublished) ask with concessionaire__in.
	const polled = (r) =>
		r.vendor === 'sml' &&
		r.method === 'GET' &&
		r.path === '/api/lead/' &&
		!r.query.concessionaire__in;
	try {
		await publish(rest, sb, id, polled);
		t.equal(
			await executionsOf(rest, id),
			[],
			'publishing ran the activation poll, which emitted nothing (no execution)',
		);
		const made = await appear(sb, check.trigger.appear);
		log(`trigger checks: ${file} published, ${check.trigger.appear} made; waiting for its run`);
		const runs = await runsAfterAppearing(rest, sb, id, polled);
		t.equal(
			runs.map((x) => [x.mode, x.status]),
			[['trigger', 'success']],
			`the workflow ran exactly once, successfully (${check.summary})`,
		);
		const run = runs[0] && (await runOf(rest, runs[0].id));
		if (run) {
			const requests = await sandboxJson(sb, '/__sandbox/requests');
			const store = await sandboxJson(sb, '/__sandbox/store');
			t.run('example checks', () =>
				check.verify(t, { run, requests, store, initialStore, made, trigger }),
			);
			t.equal(
				leaks(run, await withTokens(sb, secrets)),
				[],
				"no password or token in the run's data",
			);
		}
	} finally {
		await unpublish(t, rest, id, file);
	}
}

/**
 * A scope of the trigger checks: its --only name, and what runs it.
 * @typedef {[string, (t: any, ctx: any) => Promise<void>]} TriggerScope
 */

/**
 * Runs in run.mjs while `n8n start` is up. Returns the results (run.mjs's Checks). only: run.mjs's --only (the
 * trigger events run with --only=triggers, an example with its own file name).
 */
export async function runTriggerChecks({
	Checks,
	rest,
	sandbox,
	secrets,
	only = '',
	log = () => {},
}) {
	const results = [];
	/** @type {TriggerScope[]} */
	const scopes = [
		['triggers', (t, ctx) => checkTriggerEvents(t, ctx)],
		...Object.entries(EXAMPLE_CHECKS)
			.filter(([, check]) => check.trigger)
			.map(
				([file]) =>
					/** @type {TriggerScope} */ ([file, (t, ctx) => checkTriggerExample(t, file, ctx)]),
			),
	];
	for (const [scope, run] of scopes) {
		if (only && only !== scope) continue;
		const t = new Checks(
			scope === 'triggers'
				? 'polling triggers in n8n start'
				: `example ${scope} (published, in n8n start)`,
		);
		try {
			await run(t, { rest, sb: sandbox, secrets, log });
		} catch (e) {
			t.ok(false, 'the trigger checks completed', e.stack || e.message);
		}
		results.push(...t.results);
	}
	return results;
}
