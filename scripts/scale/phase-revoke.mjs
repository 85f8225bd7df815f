// Phase 1: the load, with the SML and Casabaca tokens revoked halfway. `calls` webhook calls, at most `inFlight` at
// once, through one main and its workers; when call number calls/2 is about to be sent, POST /__sandbox/revoke-tokens:
// the executions in flight then hold a refused token. Asserts, per call, exactly one record at each vendor and one
// successful execution, and logins bounded by how often a token had to be (re)obtained, not by the number of calls.
import { callBody, newMarker, phaseMarkers } from './lead-workflow.mjs';
import {
	credentialRows,
	executionsOf,
	lastExecutionId,
	markersOfExecutions,
	nodeTimesOfExecutions,
} from './n8n-database.mjs';
import { classify, readSandbox, tally, VENDORS } from './sandbox-tally.mjs';
import { callWebhook, percentile } from './webhook-load.mjs';

/**
 * Watches the credentials' rows while the load runs: every distinct stored (encrypted) value is one write of a token by
 * n8n's preAuthentication (n8n encrypts with a random IV, so even the same token is a new value). A poll every 50 ms
 * can miss two writes in a row: the count is a lower bound.
 */
function watchCredentialWrites(db, ids) {
	const seen = new Map(ids.map((id) => [id, new Set()]));
	let stop = false;
	const done = (async () => {
		while (!stop) {
			for (const [id, row] of await credentialRows(db, ids)) seen.get(id)?.add(row.data);
			await new Promise((r) => setTimeout(r, 50));
		}
	})();
	return async () => {
		stop = true;
		await done;
		// The first value seen is the one stored before the load (no token yet): not a write of the load.
		return new Map([...seen].map(([id, values]) => [id, Math.max(0, values.size - 1)]));
	};
}

export async function runRevokePhase(ctx, { calls, inFlight }) {
	const { sb, db, workflowId, webhookUrl, credIds, runTag, check, log, workers } = ctx;
	const afterId = await lastExecutionId(db);
	const bodies = Array.from({ length: calls }, (_, i) => callBody(newMarker(runTag, 'a', i), i));
	const markers = bodies.map((b) => b.marker);
	const revokeAt = Math.floor(calls / 2);
	const finishedBefore = new Map(workers.map((w) => [w.name, new Set(w.finished())]));
	const stopWatching = watchCredentialWrites(db, Object.values(credIds));
	let revokeSeq = null;
	const started = Date.now();
	log(
		`phase 1: ${calls} webhook calls, at most ${inFlight} in flight; the SML and Casabaca tokens are revoked before call ${revokeAt}`,
	);
	const results = await callWebhook(webhookUrl, bodies, {
		inFlight,
		beforeCall: async (i) => {
			if (i !== revokeAt) return;
			// The sandbox runs in this process: its log's last sequence number is read synchronously, just before the revoke.
			revokeSeq = sb.requests.at(-1)?.seq ?? 0;
			const r = await fetch(`${sb.url}/__sandbox/revoke-tokens`, { method: 'POST' });
			log(`  revoked the SML and Casabaca tokens (HTTP ${r.status}) with ${i} calls sent`);
		},
	});
	const seconds = (Date.now() - started) / 1000;
	const writesById = await stopWatching();
	const writes = Object.fromEntries(
		Object.entries(credIds).map(([type, id]) => [type, writesById.get(id)]),
	);
	const snapshot = await readSandbox(sb.url);
	const t = tally(snapshot);
	const execs = await executionsOf(db, workflowId, afterId);
	const markersOf = await markersOfExecutions(
		db,
		execs.map((e) => e.id),
		phaseMarkers('a'),
	);
	log(`phase 1: ${calls} calls answered in ${seconds.toFixed(1)} s`);
	// The sandbox keeps its last 2,000 requests: the counts below need all of this phase's.
	check(
		snapshot.requests.length < 2000,
		`the sandbox's request log holds every request of the phase (${snapshot.requests.length})`,
		'the log was truncated: use fewer --calls',
	);

	// ---- the calls and the executions ----
	const ok = results.filter((r) => r.status === 200 && r.answer?.marker === r.marker);
	check(
		ok.length === calls,
		`all ${calls} webhook calls answered HTTP 200 with their own marker`,
		results
			.filter((r) => !ok.includes(r))
			.slice(0, 5)
			.map((r) => `call ${r.i}: ${r.status} ${r.error || JSON.stringify(r.answer).slice(0, 300)}`)
			.join('\n'),
	);
	check(
		new Set(ok.map((r) => r.answer.executionId)).size === ok.length,
		'each answer names a different execution',
	);
	const statuses = countBy(execs, (e) => e.status);
	check(
		execs.length === calls && statuses.success === calls,
		`n8n stored ${calls} executions, all with status success`,
		`${execs.length} executions: ${JSON.stringify(statuses)}`,
	);
	const perMarker = new Map();
	for (const [id, ms] of markersOf)
		for (const m of ms) perMarker.set(m, [...(perMarker.get(m) || []), id]);
	const notOne = markers.filter((m) => (perMarker.get(m) || []).length !== 1);
	check(
		notOne.length === 0,
		"each call ran as exactly one execution (its marker is in one execution's data)",
		notOne
			.slice(0, 5)
			.map((m) => `${m}: executions ${JSON.stringify(perMarker.get(m) || [])}`)
			.join('\n'),
	);

	// ---- the vendors ----
	for (const v of VENDORS) {
		const stored = classify(t[v].records, markers);
		const posted = classify(t[v].posts, markers);
		check(
			stored.one === calls && posted.one === calls,
			`${v}: exactly one record per call (${calls} stored, ${calls} accepted POSTs; none missing, no duplicate)`,
			`stored: ${stored.none.length} missing ${stored.none.slice(0, 3)}, ${stored.many.length} duplicated ${stored.many.slice(0, 3)}; accepted POSTs: ${posted.none.length} missing, ${posted.many.length} duplicated ${posted.many.slice(0, 3)}`,
		);
	}
	// Logins: n8n keeps the token in the credential (preAuthentication stores it in the database), and every
	// execution reads the credential when its node starts. A login is needed only while no valid token is stored: at
	// the very start, and right after the revoke. The executions of one worker process share one login in progress,
	// are handed its token until n8n has stored it (nodes/common/wire/loginGate.ts), and look in the store before logging
	// in: at most one login per worker per token loss, however many calls are in flight (measured: 3 per vendor).
	const loginBound = workers.length * 2;
	const figures = { calls, seconds, results, execs, statuses, t, writes, revokeSeq, loginBound };
	for (const v of ['sml', 'casabaca']) {
		const before = t[v].logins.filter((r) => r.seq <= revokeSeq).length;
		const after = t[v].logins.length - before;
		const refusedAfter = t[v].refused.filter((r) => r.seq > revokeSeq).length;
		figures[v] = { before, after, refusedAfter };
		check(
			revokeSeq !== null && refusedAfter > 0,
			`${v}: the revoke hit executions in flight (${refusedAfter} requests refused for their token)`,
		);
		check(
			before >= 1 && after >= 1,
			`${v}: logged in at the start (${before}) and again after the revoke (${after})`,
		);
		check(
			t[v].logins.length <= loginBound,
			`${v}: ${t[v].logins.length} logins for ${calls} calls, within the bound ${loginBound} (${workers.length} workers x 2 token losses)`,
		);
		check(
			t[v].logins.every((r) => r.status === 200),
			`${v}: every login succeeded`,
		);
	}
	check(
		t.wolkvox.logins.length === 0 && t.wolkvox.refused.length === 0,
		'wolkvox: no login (a fixed token) and no request refused',
	);

	// Which worker ran what (their logs): both must have taken part.
	figures.perWorker = Object.fromEntries(
		workers.map((w) => [
			w.name,
			w.finished().filter((id) => !finishedBefore.get(w.name).has(id)).length,
		]),
	);
	check(
		Object.values(figures.perWorker).every((n) => n > 0),
		`every worker ran executions (${JSON.stringify(figures.perWorker)})`,
	);
	figures.p = {
		exec50: percentile(
			execs.map((e) => e.ms),
			50,
		),
		exec95: percentile(
			execs.map((e) => e.ms),
			95,
		),
		queue50: percentile(
			execs.map((e) => e.startedAt - e.createdAt),
			50,
		),
		queue95: percentile(
			execs.map((e) => e.startedAt - e.createdAt),
			95,
		),
		http50: percentile(
			results.map((r) => r.ms),
			50,
		),
		http95: percentile(
			results.map((r) => r.ms),
			95,
		),
	};
	// Where an execution's time goes: each node's own executionTime, as n8n records it in the execution data.
	figures.nodes = [
		...(await nodeTimesOfExecutions(
			db,
			execs.map((e) => e.id),
		)),
	].map(([node, times]) => ({ node, p50: percentile(times, 50), p95: percentile(times, 95) }));
	return figures;
}

export function countBy(list, key) {
	const out = {};
	for (const x of list) out[key(x)] = (out[key(x)] || 0) + 1;
	return out;
}
