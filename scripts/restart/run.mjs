#!/usr/bin/env node
// npm run test:triggers-restart — the polling triggers in the real n8n (`n8n start`, SQLite) when its process is lost.
// The pinned n8n (scripts/e2e/install-n8n.mjs) with the package built, packed and installed as the e2e does; two
// installations side by side (instance.mjs), each with its own vendor sandbox behind a door that can hold requests
// (hold.mjs) and four trigger workflows (SML New Lead, wolkvox New Record and New Case, Casabaca New Appraisal:
// triggers.mjs) polling every few seconds, each followed by an HTTP Request node:
//  - "plain": n8n's defaults (each trigger's position in the workflow's static data);
//  - "durable": started with the defaults too, then restarted with n8n's durable scheduler and durable poll cursors
//    (DURABLE_ENV) while records appear: the position saved in the static data must carry over;
// then in each, with new records every time (scenarios.mjs): SIGTERM between two polls; SIGKILL while every trigger's
// poll is held at the door; SIGKILL while every trigger's execution is held at its HTTP Request node. Per scenario:
// records made, executions (by status), items emitted, duplicates, missing.
// Judged: no record emitted twice anywhere; none missing, except the records of a killed execution, which n8n 2.41.1
// loses in both modes (its crash recovery keeps the execution, marked crashed, without the trigger's items, and runs it
// no more): that is asserted too, so that a change of n8n's behaviour shows up here.
// Options: --skip-build (reuse dist/), --keep (keep the run folder and n8n's logs), --poll-seconds=<n> (5),
//   --only=plain|durable.
// Every real-n8n run holds the lock: flock /tmp/n8n-real.lock npm run test:triggers-restart
import fs from 'node:fs';
import path from 'node:path';
import { CACHE_DIR, N8N_VERSION, ROOT } from '../e2e/config.mjs';
import { ensureN8n } from '../e2e/install-n8n.mjs';
import { buildPackAndInstall } from '../e2e/package.mjs';
import { copyInstalledPackage } from '../scale/queue-mode.mjs';
import { Instance } from './instance.mjs';
import { firstRecords, killMidExecution, killMidPoll, restartBetweenPolls } from './scenarios.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const opt = (name, dflt) =>
	(args.find((a) => a.startsWith(`--${name}=`)) || '').split('=')[1] || dflt;
const POLL_SECONDS = Number(opt('poll-seconds', 5));
const ONLY = opt('only', '');

/** n8n's durable scheduler for poll triggers, with the poll cursor committed with the execution (n8n 2.36+). */
export const DURABLE_ENV = {
	N8N_SCHEDULER_ENABLED: 'true',
	N8N_SCHEDULER_POLL_TRIGGERS_ENABLED: 'true',
	N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'true',
	N8N_POLLER_DURABLE_CURSORS_ENABLED: 'true',
};

const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(0);
const log = (msg) => console.log(`[restart ${seconds()} s] ${msg}`);

/** Named checks; a failed one fails the run. */
const checks = [];
function check(ok, name, detail = '') {
	checks.push({ ok: Boolean(ok), name, detail });
	return Boolean(ok);
}

async function plain(inst, pkg) {
	await inst.setUp(pkg);
	return [
		await firstRecords(inst),
		await restartBetweenPolls(inst, {}),
		await killMidPoll(inst, {}),
		await killMidExecution(inst, {}),
	];
}

async function durable(inst, pkg) {
	await inst.setUp(pkg);
	const results = [await firstRecords(inst)];
	results.push(
		await restartBetweenPolls(inst, DURABLE_ENV, 'switched on while records appeared'),
		await restartBetweenPolls(inst, DURABLE_ENV),
		await killMidPoll(inst, DURABLE_ENV),
		await killMidExecution(inst, DURABLE_ENV),
	);
	return results;
}

function judge(results) {
	for (const r of results) {
		check(
			r.duplicates.length === 0,
			`${r.scenario}: no record emitted twice (${r.emitted} items for ${r.made} records in ${r.executions} executions)`,
			r.duplicates.join(', '),
		);
		if (/kill mid-execution/.test(r.scenario))
			check(
				r.missing.length === r.made && r.statuses.crashed === r.made,
				`${r.scenario}: n8n marked the ${r.made} killed executions crashed, kept none of their items and ran none again (${r.missing.length} records lost)`,
				JSON.stringify(r.perTrigger),
			);
		else check(r.missing.length === 0, `${r.scenario}: no record missing`, r.missing.join(', '));
	}
}

function report(results) {
	console.log(
		`\nn8n ${N8N_VERSION}, polls every ${POLL_SECONDS} s, ${results[0]?.perTrigger.length ?? 0} triggers (one record each per scenario)`,
	);
	console.log(
		'scenario                                      made  executions  emitted  duplicates  missing  statuses',
	);
	for (const r of results)
		console.log(
			`${r.scenario.padEnd(44)} ${String(r.made).padStart(5)}  ${String(r.executions).padStart(10)}  ${String(r.emitted).padStart(7)}  ${String(r.duplicates.length).padStart(10)}  ${String(r.missing.length).padStart(7)}  ${JSON.stringify(r.statuses)}`,
		);
	console.log('');
	for (const c of checks)
		console.log(
			`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}${c.ok || !c.detail ? '' : `\n     ${c.detail}`}`,
		);
	const passed = checks.filter((c) => c.ok).length;
	console.log(`\n${passed} of ${checks.length} checks passed in ${seconds()} s`);
}

async function main() {
	log(
		`n8n ${N8N_VERSION}: polling triggers across SIGTERM and SIGKILL, polls every ${POLL_SECONDS} s`,
	);
	ensureN8n();
	const runsDir = path.join(CACHE_DIR, 'restart');
	for (const old of fs.existsSync(runsDir) ? fs.readdirSync(runsDir) : [])
		if (Date.now() - fs.statSync(path.join(runsDir, old)).mtimeMs > 3600_000)
			fs.rmSync(path.join(runsDir, old), { recursive: true, force: true });
	const runDir = path.join(runsDir, `run-${Date.now()}`);
	const folder = (name) => path.join(runDir, name);
	fs.mkdirSync(folder('plain'), { recursive: true });
	const { pkg } = buildPackAndInstall(folder('plain'), { skipBuild: flag('skip-build'), log });
	copyInstalledPackage(folder('plain'), folder('durable'));
	const modes = [
		['plain', plain],
		['durable', durable],
	].filter(([name]) => !ONLY || ONLY === name);
	const instances = modes.map(
		([name]) =>
			new Instance(String(name), folder(String(name)), { pollSeconds: POLL_SECONDS, log }),
	);
	const results = [];
	// Side by side: most of a scenario is waiting for polls and for n8n to start.
	await Promise.all(
		modes.map(async ([name, run], i) => {
			try {
				results.push(...(await /** @type {Function} */ (run)(instances[i], pkg)));
			} catch (e) {
				check(false, `${name}: the scenarios completed`, e.stack || e.message);
			} finally {
				await instances[i].close();
				fs.writeFileSync(folder(`${name}.log`), instances[i].logs);
			}
		}),
	);
	// plain first, then durable; each mode's scenarios in the order they ran.
	results.sort((a, b) => (a.mode === b.mode ? 0 : a.mode === 'plain' ? -1 : 1));
	judge(results);
	report(results);
	const failed = checks.filter((c) => !c.ok);
	if (!flag('keep') && failed.length === 0) fs.rmSync(runDir, { recursive: true, force: true });
	else console.log(`run folder kept (n8n's user folders and logs): ${path.relative(ROOT, runDir)}`);
	process.exit(failed.length ? 1 : 0);
}

main().catch((e) => {
	console.error(e.stack || e);
	process.exit(1);
});
