// The printed result of npm run test:scale: the figures of both phases, what n8n did when a worker died, then every
// check. The figures come from the sandbox (records, logins), n8n's database (executions) and the workers' logs.
import { VENDORS } from './sandbox-tally.mjs';

const ms = (v) => (Number.isFinite(v) ? `${Math.round(v)} ms` : 'n/a');
const sum = (m) => [...m.values()].reduce((a, b) => a + b, 0);

function printPhase1(p, s) {
	const rate = p.calls / p.seconds;
	console.log(
		`\nPhase 1: ${p.calls} webhook calls, ${s.IN_FLIGHT} in flight, SML and Casabaca tokens revoked halfway (${p.seconds.toFixed(1)} s, ${rate.toFixed(1)} calls/s)`,
	);
	console.log(
		`  calls answered HTTP 200     ${p.results.filter((r) => r.status === 200).length} / ${p.calls}`,
	);
	console.log(
		`  executions                  ${JSON.stringify(p.statuses)}; per worker ${JSON.stringify(p.perWorker)}`,
	);
	for (const v of VENDORS) {
		const t = p.t[v];
		const dup = [...t.records.values()].filter((n) => n > 1).length;
		console.log(
			`  ${v.padEnd(9)} records ${String(sum(t.records)).padStart(4)}  duplicates ${dup}  creating POSTs accepted ${sum(t.posts)} of ${sum(t.sent)} sent  requests ${t.requests}`,
		);
	}
	const login = (v) =>
		`${p.t[v].logins.length} (${p[v].before} at the start, ${p[v].after} after the revoke; ${p[v].refusedAfter} request(s) refused for the revoked token, each sent again with a new one)`;
	console.log(`  logins                      SML ${login('sml')}`);
	console.log(`                              Casabaca ${login('casabaca')}`);
	console.log(
		`                              wolkvox 0 (a fixed token); bound per vendor: ${p.loginBound} = ${s.WORKERS} workers x 2 token losses`,
	);
	console.log(
		`  token writes seen in n8n's database (the credential's row rewritten by preAuthentication, polled every 50 ms, a lower bound): SML ${p.writes.smlApi}, Casabaca ${p.writes.sugarCrmCasabacaApi}, wolkvox ${p.writes.wolkvoxCrmApi}`,
	);
	console.log(`  execution time (worker)     p50 ${ms(p.p.exec50)}  p95 ${ms(p.p.exec95)}`);
	console.log(`  wait in the queue           p50 ${ms(p.p.queue50)}  p95 ${ms(p.p.queue95)}`);
	console.log(`  webhook round trip          p50 ${ms(p.p.http50)}  p95 ${ms(p.p.http95)}`);
	for (const n of p.nodes)
		console.log(`    node ${n.node.padEnd(18)}   p50 ${ms(n.p50)}  p95 ${ms(n.p95)}`);
}

function printPhase2(p, s) {
	console.log(`\nPhase 2: ${p.calls} more calls, one worker killed (SIGKILL to its process group)`);
	if (!p.kill) return console.log('  the worker was not killed: see the checks');
	console.log(
		`  killed after ${p.kill.afterCalls} calls were sent, while it ran executions ${p.kill.running.join(', ')}`,
	);
	console.log(
		`  calls answered in ${p.callsSeconds.toFixed(1)} s, all executions settled after ${p.settledSeconds.toFixed(1)} s (Bull lock ${s.BULL_TIMINGS.lockDurationMs / 1000} s, stalled check every ${s.BULL_TIMINGS.stalledIntervalMs / 1000} s)`,
	);
	console.log(`  HTTP answers                ${JSON.stringify(p.httpStatuses)}`);
	console.log(
		`  executions                  ${JSON.stringify(p.statuses)}${p.unsettled.length ? `; still unsettled: ${p.unsettled.join(', ')}` : ''}`,
	);
	for (const v of VENDORS) {
		const t = p.t[v];
		console.log(
			`  ${v.padEnd(9)} records ${String(sum(t.records)).padStart(4)}  duplicates ${[...t.records.values()].filter((n) => n > 1).length}`,
		);
	}
	console.log(
		`  what n8n did with the ${p.killed.length} executions the killed worker held (it had logged ${p.kill.running.length} of them as started):`,
	);
	for (const c of p.killed) {
		const answer = typeof c.answer === 'string' ? c.answer : JSON.stringify(c.answer);
		const state = c.complete
			? 'all three records exist'
			: c.none
				? 'no record anywhere'
				: `partial: ${VENDORS.filter((v) => c.records[v]).join(', ') || 'none'} created, ${VENDORS.filter((v) => !c.records[v]).join(', ')} not`;
		console.log(
			`    execution ${c.ids.join(', ')} (${c.workers.join(', ')}): status ${c.statuses.join(', ')}, HTTP ${c.http} ${String(answer).slice(0, 120)}; ${state}`,
		);
	}
	console.log(
		`  run again by n8n (a call with more than one execution): ${p.rerun.length}; calls with a record created twice: ${p.duplicated.length}`,
	);
	// The victim's executions by the status n8n gave them and by what they had done at the vendors.
	const byStatus = {};
	for (const c of p.killed) {
		const what = c.complete
			? 'all three records created'
			: c.none
				? 'nothing created'
				: 'stopped part-way';
		const k = `${c.statuses.join('/')} (HTTP ${c.http})`;
		byStatus[k] = byStatus[k] || {};
		byStatus[k][what] = (byStatus[k][what] || 0) + 1;
	}
	console.log(
		`  => n8n ran none of them again (it sets Bull's maxStalledCount to 0); once their lock expired it settled them as:`,
	);
	for (const [k, whats] of Object.entries(byStatus))
		console.log(
			`       ${k}: ${Object.entries(whats)
				.map(([w, n]) => `${n} ${w}`)
				.join(', ')}`,
		);
	console.log(
		'     A call answered HTTP 500 whose records exist (the worker died after the last vendor call, before it reported the execution finished) is duplicated if its sender ' +
			'retries; one that stopped part-way is duplicated at the vendors it reached; one that created nothing is lost unless its sender retries.',
	);
	if (p.inputLost.length)
		console.log(
			`  n8n replaced the stored data of ${p.inputLost.length} of them with the error alone: the execution no longer shows which call (input) it carried.`,
		);
}

export function printReport({ phase1, phase2, env, checks, settings, elapsed, load }) {
	if (env)
		console.log(
			`\nn8n queue mode: 1 main + ${settings.WORKERS} workers (concurrency ${settings.CONCURRENCY}), PostgreSQL ${env.postgres.version}, Redis ${env.redis.version}`,
		);
	// Times depend on the machine: all processes (n8n x 3, PostgreSQL, Redis, sandbox, this script) share its cores.
	console.log(
		`machine: ${load.cpus} CPU cores, load average ${load.before.toFixed(1)} at the start, ${load.after.toFixed(1)} at the end`,
	);
	if (phase1?.t) printPhase1(phase1, settings);
	if (phase2?.calls) printPhase2(phase2, settings);
	console.log('\nChecks');
	for (const c of checks)
		console.log(
			`  ${c.ok ? '✓' : '✗'} ${c.name}${c.ok || !c.detail ? '' : `\n      ${String(c.detail).split('\n').join('\n      ')}`}`,
		);
	const failed = checks.filter((c) => !c.ok).length;
	console.log(`\n${checks.length - failed} passed, ${failed} failed; ${elapsed}`);
}
