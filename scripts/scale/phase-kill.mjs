// Phase 2: a worker dies. More webhook calls; as soon as the victim worker has executions running, its whole process
// group gets SIGKILL (a machine or container lost, nothing can finish). What n8n then does with the victim's
// executions is n8n's behaviour, reported and not judged: Bull finds their jobs stalled once their lock expires, and n8n
// (maxStalledCount 0) fails them instead of running them again. What the nodes control is judged: an execution that
// succeeded created exactly one record per vendor, and no call created a record twice.
import { callBody, newMarker, phaseMarkers } from './lead-workflow.mjs';
import { executionsOf, lastExecutionId, markersOfExecutions } from './n8n-database.mjs';
import { countBy } from './phase-revoke.mjs';
import { killWorker } from './queue-mode.mjs';
import { readSandbox, tally, VENDORS } from './sandbox-tally.mjs';
import { callWebhook } from './webhook-load.mjs';

const FINAL = (status) => !['new', 'running', 'waiting'].includes(status);

export async function runKillPhase(
	ctx,
	{ calls, inFlight, victim, survivor, waitFinalMs = 60000 },
) {
	const { sb, db, workflowId, webhookUrl, runTag, check, log } = ctx;
	// The log of phase 1 is read: empty it, so that this phase's requests fit in the sandbox's log (2,000 entries).
	await fetch(`${sb.url}/__sandbox/requests`, { method: 'DELETE' });
	const afterId = await lastExecutionId(db);
	const bodies = Array.from({ length: calls }, (_, i) => callBody(newMarker(runTag, 'b', i), i));
	const markers = bodies.map((b) => b.marker);
	const victimBefore = new Set(victim.started());
	const survivorBefore = new Set(survivor.started());
	let sent = 0;
	/** @type {{ at: number, running: string[], afterCalls: number, markersOf?: Map<string, string[]> } | null} */
	let kill = null;
	log(
		`phase 2: ${calls} more calls; ${victim.name} gets SIGKILL once it runs executions of this phase`,
	);
	const started = Date.now();
	// The killer: polls the victim's log while the calls go out. It strikes in the steady state: the victim has
	// already finished executions of this phase (so its others are at different nodes of the workflow) and runs at
	// least two. Whatever it holds then is lost with it: running ones and jobs taken from the queue but not yet begun.
	let loading = true;
	const killer = (async () => {
		while (loading && !kill) {
			const running = victim.running().filter((id) => !victimBefore.has(id));
			const finished = victim.finished().filter((id) => !victimBefore.has(id));
			if (finished.length >= 3 && running.length >= 2) {
				kill = { at: Date.now(), running, afterCalls: sent };
				await killWorker(victim);
				// n8n replaces the stored data of an execution it gives up on with the error alone: which call each
				// execution carries is read now, while the webhook's input is still stored with it.
				kill.markersOf = await markersOfExecutions(
					db,
					(await executionsOf(db, workflowId, afterId)).map((e) => e.id),
					phaseMarkers('b'),
				);
				log(
					`  SIGKILL to ${victim.name} (process group ${victim.child.pid}) with ${sent} calls sent; it was running executions ${running.join(', ')}`,
				);
			}
			await new Promise((r) => setTimeout(r, 5));
		}
	})();
	const results = await callWebhook(webhookUrl, bodies, {
		inFlight,
		beforeCall: (i) => void (sent = i + 1),
	});
	loading = false;
	await killer;
	const callsSeconds = (Date.now() - started) / 1000;
	if (
		!check(
			kill,
			`${victim.name} was killed while it ran executions of this phase`,
			`it never finished three and ran two at once; its log: ${victim.logs().slice(-1500)}`,
		)
	)
		return { calls };

	// n8n settles the victim's executions on its own time (lock expiry, stalled check): wait until every execution
	// of this phase has a final status, or give up after waitFinalMs and report what is left.
	let execs;
	const deadline = Date.now() + waitFinalMs;
	for (;;) {
		execs = await executionsOf(db, workflowId, afterId);
		if (execs.every((e) => FINAL(e.status)) || Date.now() > deadline) break;
		await new Promise((r) => setTimeout(r, 500));
	}
	const settledSeconds = (Date.now() - started) / 1000;
	const snapshot = await readSandbox(sb.url);
	const t = tally(snapshot);
	check(
		snapshot.requests.length < 2000,
		`the sandbox's request log holds every request of the phase (${snapshot.requests.length})`,
		'the log was truncated: use fewer --kill-calls',
	);
	const markersOf = await markersOfExecutions(
		db,
		execs.map((e) => e.id),
		phaseMarkers('b'),
	);
	// Executions whose stored data named their call at the kill and no longer does: n8n overwrote it.
	const inputLost = [];
	for (const [id, ms] of kill.markersOf) {
		if (markersOf.get(id)?.length || !ms.length) continue;
		inputLost.push(id);
		markersOf.set(id, ms);
	}
	const execById = new Map(execs.map((e) => [e.id, e]));
	const onVictim = new Set(victim.started().filter((id) => !victimBefore.has(id)));
	const victimFinished = new Set(victim.finished());
	const onSurvivor = new Set(survivor.started().filter((id) => !survivorBefore.has(id)));
	// Where an execution ran, from the workers' logs: 'victim' (finished there before the kill), 'survivor', 'killed'
	// (the victim logged it as started, never as finished), or 'unlogged' (no worker logged it: the victim had taken
	// the job from the queue, up to its concurrency, but died before it logged the start).
	const whereRan = (id) =>
		victimFinished.has(id)
			? 'victim'
			: onSurvivor.has(id)
				? 'survivor'
				: onVictim.has(id)
					? 'killed'
					: 'unlogged';

	// Per call: its executions, their statuses, the worker(s), the HTTP answer, and the records at each vendor.
	const perCall = markers.map((m, i) => {
		const ids = [...markersOf].filter(([, ms]) => ms.includes(m)).map(([id]) => id);
		const records = Object.fromEntries(VENDORS.map((v) => [v, t[v].records.get(m) || 0]));
		const posts = Object.fromEntries(VENDORS.map((v) => [v, t[v].posts.get(m) || 0]));
		return {
			marker: m,
			http: results[i].status,
			answer: results[i].answer,
			ids,
			statuses: ids.map((id) => execById.get(id)?.status),
			workers: ids.map(whereRan),
			records,
			posts,
		};
	});
	const total = (c) => VENDORS.reduce((n, v) => n + c.records[v], 0);
	const complete = (c) => VENDORS.every((v) => c.records[v] === 1);
	const duplicated = perCall.filter((c) => VENDORS.some((v) => c.records[v] > 1 || c.posts[v] > 1));
	const rerun = perCall.filter((c) => c.ids.length > 1);
	const succeeded = perCall.filter((c) => c.ids.length === 1 && c.statuses[0] === 'success');
	const killed = perCall.filter((c) => c.workers.some((w) => w === 'killed' || w === 'unlogged'));
	const unmapped = perCall.filter((c) => c.ids.length === 0);

	// ---- judged: what the nodes control ----
	check(
		succeeded.every(complete),
		`every call whose one execution succeeded (${succeeded.length}) has exactly one record per vendor`,
		succeeded
			.filter((c) => !complete(c))
			.slice(0, 5)
			.map((c) => JSON.stringify(c))
			.join('\n'),
	);
	const ourDuplicates = duplicated.filter((c) => c.ids.length <= 1);
	check(
		ourDuplicates.length === 0,
		'no call that ran once created a record twice at any vendor',
		ourDuplicates
			.slice(0, 5)
			.map((c) => JSON.stringify(c))
			.join('\n'),
	);
	const survivorCalls = perCall.filter(
		(c) => c.workers.length === 1 && ['survivor', 'victim'].includes(c.workers[0]),
	);
	check(
		survivorCalls.every((c) => c.statuses[0] === 'success' && c.http === 200),
		`every execution that a worker finished succeeded and answered HTTP 200 (${survivorCalls.length}, the victim's before the kill included)`,
		survivorCalls
			.filter((c) => c.statuses[0] !== 'success' || c.http !== 200)
			.slice(0, 5)
			.map((c) => JSON.stringify(c))
			.join('\n'),
	);
	check(
		killed.length > 0,
		`the victim held executions of this phase when it died (${killed.length})`,
	);
	check(
		unmapped.length === 0,
		"every call of this phase is found in an execution's data",
		unmapped.map((c) => c.marker).join(', '),
	);

	// ---- reported: what n8n did with the victim's executions ----
	return {
		calls,
		kill,
		callsSeconds,
		settledSeconds,
		statuses: countBy(execs, (e) => e.status),
		unsettled: execs.filter((e) => !FINAL(e.status)).map((e) => e.id),
		perCall,
		killed: killed.map((c) => ({ ...c, complete: complete(c), none: total(c) === 0 })),
		inputLost,
		rerun,
		duplicated,
		httpStatuses: countBy(results, (r) => r.status),
		t,
	};
}
