// Phase "triggers": the package's polling triggers in queue mode. The main process polls (n8n runs every trigger and
// poller of a queue-mode installation on its main), the workers run the executions it queues. The four trigger
// workflows of scripts/restart/triggers.mjs poll every few seconds; records appear in three rounds (one of each, then
// two of each at once, then one of each), and each must be emitted exactly once, in an execution a worker ran.
import { publish, unpublish, waitFor } from '../e2e/trigger-runs.mjs';
import { countOf, emitted, TRIGGERS, triggerWorkflow } from '../restart/triggers.mjs';

const POLL_SECONDS = 5;

/** The polls of each trigger after `since` (ms), from the sandbox's request log (it runs in this process). */
const pollsAfter = (sb, t, since) =>
	sb.requests.filter((r) => t.polled(r) && Date.parse(r.at) > since).length;

export async function runTriggersPhase(ctx) {
	const { sb, rest, credIds, workers, check, log } = ctx;
	log(
		`phase triggers: ${TRIGGERS.length} polling triggers on the main, every ${POLL_SECONDS} s; records appear in three rounds`,
	);
	const workflows = [];
	const made = new Map(TRIGGERS.map((t) => [t.name, []]));
	// unpublish() reports through t.ok: a workflow that cannot be unpublished is a failed check, not a throw.
	const t = { ok: (ok, name, detail) => check(ok, name, detail) };
	try {
		for (const trigger of TRIGGERS) {
			const body = triggerWorkflow(trigger, {
				credentialIds: credIds,
				pollSeconds: POLL_SECONDS,
				tag: 'Queue-mode trigger: ',
			});
			const r = await rest.request('POST', '/rest/workflows', body);
			if (r.status !== 200)
				throw new Error(`creating ${trigger.file}: HTTP ${r.status} ${r.text.slice(0, 300)}`);
			workflows.push({ id: r.json.data.id, trigger });
			await publish(rest, sb, r.json.data.id, trigger.polled);
		}
		const started = Date.now();
		for (const perTrigger of [1, 2, 1]) {
			const since = Date.now();
			for (const trigger of TRIGGERS)
				for (let i = 0; i < perTrigger; i++)
					made.get(trigger.name).push(trigger.madeKey(await trigger.appear(sb)));
			// The next round once every trigger polled after this one's records appeared.
			await waitFor(
				'a poll of every trigger after the round',
				async () => TRIGGERS.every((tr) => pollsAfter(sb, tr, since) >= 1),
				60000,
			);
		}
		// Every record out, then two more polls of each trigger: a record emitted twice would be out by then.
		await waitFor(
			'every record emitted',
			async () => {
				for (const wf of workflows) {
					const { items } = await emitted(rest, wf.id, wf.trigger);
					if (countOf(made.get(wf.trigger.name), items).missing.length) return false;
				}
				return true;
			},
			90000,
			// Not in time: the count below names what is missing.
		).catch(() => {});
		const since = Date.now();
		await waitFor(
			'two more polls of every trigger',
			async () => TRIGGERS.every((tr) => pollsAfter(sb, tr, since) >= 2),
			60000,
		);
		await new Promise((r) => setTimeout(r, 2000));
		const ranOnWorker = new Set(workers.flatMap((w) => w.started()));
		const rows = [];
		for (const wf of workflows) {
			const { executions, items } = await emitted(rest, wf.id, wf.trigger);
			rows.push({
				trigger: wf.trigger.name,
				executions,
				...countOf(made.get(wf.trigger.name), items),
				elsewhere: executions.filter((e) => !ranOnWorker.has(e.id)).map((e) => e.id),
			});
		}
		for (const row of rows) {
			log(
				`  ${row.trigger}: made ${row.made}, executions ${row.executions.length} (${row.executions.map((e) => e.status).join(', ')}), items emitted ${row.emitted}, duplicates ${row.duplicates.length}, missing ${row.missing.length}`,
			);
			check(
				row.emitted === row.made && !row.duplicates.length && !row.missing.length,
				`triggers in queue mode, ${row.trigger}: ${row.made} records made, ${row.emitted} items emitted in ${row.executions.length} executions, ${row.duplicates.length} duplicates, ${row.missing.length} missing`,
				JSON.stringify(row),
			);
			check(
				row.executions.every((e) => e.status === 'success') && row.elsewhere.length === 0,
				`triggers in queue mode, ${row.trigger}: every execution succeeded on a worker`,
				JSON.stringify(row.executions),
			);
		}
		return { seconds: (Date.now() - started) / 1000, rows };
	} finally {
		for (const wf of workflows) await unpublish(t, rest, wf.id, wf.trigger.name);
	}
}
