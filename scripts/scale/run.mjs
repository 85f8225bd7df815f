#!/usr/bin/env node
// npm run test:scale — the package in n8n's queue mode: one `n8n start` main, two `n8n worker` processes, PostgreSQL
// and Redis, all sharing one credential per vendor, called through a webhook workflow by many clients at once.
//  1. PostgreSQL and Redis from Debian's packages (apt-get when missing), started on free ports on 127.0.0.1 with
//     throwaway data (debian-services.mjs); the pinned n8n from the e2e's cache (scripts/e2e/install-n8n.mjs), the
//     package built, packed and installed as the e2e does, the vendor sandbox in this process;
//  2. the main and the workers in queue mode (queue-mode.mjs), the sandbox credentials and the webhook workflow
//     (lead-workflow.mjs) created and published through n8n's REST API;
//  3. phase 1 (phase-revoke.mjs): 200 calls, 20 in flight, tokens revoked halfway: one record per call per vendor,
//     every execution succeeds, logins bounded;
//  4. phase 2 (phase-kill.mjs): a worker gets SIGKILL mid-run: n8n's handling of its executions is reported, the
//     nodes' part (no duplicates, successes complete) is judged;
//  5. prints the figures; everything it started is stopped, also on failure and Ctrl-C.
// Options: --skip-build (reuse dist/), --keep (keep the run folder, logs included), --calls=<n> (200),
//   --in-flight=<n> (20), --kill-calls=<n> (60).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { CACHE_DIR, N8N_VERSION, ROOT } from '../e2e/config.mjs';
import { ensureN8n } from '../e2e/install-n8n.mjs';
import { credentialsFor, N8nRest, startServer, stopProcessGroup } from '../e2e/n8n.mjs';
import { buildPackAndInstall } from '../e2e/package.mjs';
import { ensureServerPackages, startPostgres, startRedis } from './debian-services.mjs';
import { leadWorkflow, WEBHOOK_PATH } from './lead-workflow.mjs';
import { connect, webhookRegistered } from './n8n-database.mjs';
import { runDuplicatesPhase } from './phase-duplicates.mjs';
import { runKillPhase } from './phase-kill.mjs';
import { runRevokePhase } from './phase-revoke.mjs';
import { runTriggersPhase } from './phase-triggers.mjs';
import { BULL_TIMINGS, copyInstalledPackage, queueModeEnv, startWorker } from './queue-mode.mjs';
import { printReport } from './report.mjs';

const require = createRequire(import.meta.url);
const { startSandbox } = require('../../sandbox/index.js');

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const num = (name, dflt) =>
	Number((args.find((a) => a.startsWith(`--${name}=`)) || '').split('=')[1] || dflt);
const CALLS = num('calls', 200);
const IN_FLIGHT = num('in-flight', 20);
const KILL_CALLS = num('kill-calls', 60);
// Two workers of 10 executions each: every call in flight can run at once, none waits in the queue for a slot.
const WORKERS = 2;
const CONCURRENCY = 10;

const started = Date.now();
const loadBefore = os.loadavg()[0];
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const log = (msg) => console.log(`[scale ${elapsed()}] ${msg}`);

// Everything started here, for the stop: process groups (PostgreSQL, Redis, n8n main and workers), the sandbox, the
// database client, temporary folders.
const groups = new Set();
const folders = new Set();
let sandbox;
let db;
let stopping;

async function stopAll() {
	if (stopping) return stopping;
	stopping = (async () => {
		await db?.end().catch(() => {});
		// n8n first (it still talks to PostgreSQL and Redis while it shuts down), then the servers.
		const n8n = [...groups].filter((g) => g.kind === 'n8n');
		await Promise.all(n8n.map((g) => stopProcessGroup(g.child, { graceMs: 15000 })));
		await Promise.all(
			[...groups]
				.filter((g) => g.kind !== 'n8n')
				.map((g) => stopProcessGroup(g.child, { graceMs: 15000 })),
		);
		groups.clear();
		await sandbox?.close();
	})();
	return stopping;
}

function track(kind) {
	return (child) => groups.add({ kind, child });
}

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
	process.on(sig, () => {
		if (stopping) process.exit(1);
		log(`${sig}: stopping n8n, PostgreSQL, Redis and the sandbox...`);
		stopAll().then(() => {
			for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
			process.exit(130);
		});
	});
}
// The last resort (an uncaught exception, a second Ctrl-C): no process group outlives this process.
process.on('exit', () => {
	for (const { child } of groups) {
		try {
			process.kill(-child.pid, 'SIGKILL');
		} catch {
			/* gone */
		}
	}
});

/** Named checks; a failed one fails the run, nothing throws. */
const checks = [];
function check(ok, name, detail = '') {
	checks.push({ ok: Boolean(ok), name, detail });
	return Boolean(ok);
}

async function setUp(runDir) {
	ensureN8n();
	const installed = ensureServerPackages(log);
	const folderOf = (name) => path.join(runDir, name);
	const { pkg, tarball } = buildPackAndInstall(folderOf('main'), {
		skipBuild: flag('skip-build'),
		log,
	});
	for (let n = 1; n <= WORKERS; n++)
		copyInstalledPackage(folderOf('main'), folderOf(`worker-${n}`));
	log(`packed ${tarball}, installed into the main's and each worker's user folder`);
	// The servers' data: one temporary folder, removed at the end whatever happens (readable by PostgreSQL's user).
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-scale-'));
	folders.add(dataDir);
	fs.chmodSync(dataDir, 0o755);
	const [postgres, redis] = await Promise.all([
		startPostgres({ dir: path.join(dataDir, 'postgres'), onSpawn: track('postgres') }),
		startRedis({ dir: path.join(dataDir, 'redis'), onSpawn: track('redis') }),
	]);
	log(
		`PostgreSQL ${postgres.version} on 127.0.0.1:${postgres.port}, Redis ${redis.version} on 127.0.0.1:${redis.port}${installed.length ? ` (installed: ${installed.join(', ')})` : ''}`,
	);
	sandbox = await startSandbox({ port: 0, quiet: true });

	const env = queueModeEnv({ postgres, redis });
	// All three at once, as a deployment starts its containers: n8n runs its migrations under a PostgreSQL advisory
	// lock and seeds its instance keys with insert-or-ignore, so the processes may race for them.
	const [server, ...workers] = await Promise.all([
		startServer(folderOf('main'), {
			extraEnv: env,
			detached: true,
			onSpawn: track('n8n'),
			readyTimeoutMs: 240000,
		}),
		...Array.from({ length: WORKERS }, (_, k) =>
			startWorker(folderOf(`worker-${k + 1}`), {
				name: `worker-${k + 1}`,
				concurrency: CONCURRENCY,
				env,
				onSpawn: track('n8n'),
				readyTimeoutMs: 240000,
			}),
		),
	]);
	log(
		`n8n ${N8N_VERSION} main (queue mode) ready on ${server.url}, ${WORKERS} workers ready (concurrency ${CONCURRENCY} each)`,
	);

	// The credentials and the workflow, as a user creates them in the editor: through the REST API.
	const rest = new N8nRest(server.url);
	await rest.ownerLogin();
	const credIds = {};
	for (const c of credentialsFor(sandbox, pkg)) {
		const r = await rest.request('POST', '/rest/credentials', {
			name: c.name,
			type: c.type,
			data: c.data,
		});
		if (r.status !== 200)
			throw new Error(
				`creating the ${c.type} credential: HTTP ${r.status} ${r.text.slice(0, 300)}`,
			);
		credIds[c.type] = r.json.data.id;
	}
	const created = await rest.request('POST', '/rest/workflows', leadWorkflow(credIds));
	if (created.status !== 200)
		throw new Error(`creating the workflow: HTTP ${created.status} ${created.text.slice(0, 500)}`);
	const workflowId = created.json.data.id;
	const act = await rest.request('POST', `/rest/workflows/${workflowId}/activate`, {
		versionId: created.json.data.versionId,
	});
	if (act.status !== 200)
		throw new Error(`publishing the workflow: HTTP ${act.status} ${act.text.slice(0, 500)}`);
	db = await connect(postgres);
	for (const deadline = Date.now() + 20000; !(await webhookRegistered(db, WEBHOOK_PATH));) {
		if (Date.now() > deadline)
			throw new Error(`the webhook ${WEBHOOK_PATH} was not registered 20 s after publishing`);
		await new Promise((r) => setTimeout(r, 200));
	}
	log(`workflow ${workflowId} published: POST ${server.url}/webhook/${WEBHOOK_PATH}`);
	return {
		postgres,
		redis,
		server,
		workers,
		rest,
		credIds,
		workflowId,
		webhookUrl: `${server.url}/webhook/${WEBHOOK_PATH}`,
	};
}

async function main() {
	log(
		`n8n ${N8N_VERSION} in queue mode: ${WORKERS} workers x ${CONCURRENCY}; ${CALLS} calls (${IN_FLIGHT} in flight), then ${KILL_CALLS} with a worker killed`,
	);
	const runsDir = path.join(CACHE_DIR, 'scale');
	// Run folders are kept after a failure (logs): those of runs that ended over an hour ago go now (none runs that long).
	for (const old of fs.existsSync(runsDir) ? fs.readdirSync(runsDir) : []) {
		if (Date.now() - fs.statSync(path.join(runsDir, old)).mtimeMs > 3600_000)
			fs.rmSync(path.join(runsDir, old), { recursive: true, force: true });
	}
	const runDir = path.join(runsDir, `run-${Date.now()}`);
	fs.mkdirSync(runDir, { recursive: true });
	let env;
	let phase1;
	let phase2;
	try {
		env = await setUp(runDir);
		const ctx = {
			...env,
			sb: sandbox,
			db,
			check: (ok, name, detail) => check(ok, name, detail),
			log,
			runTag: Date.now().toString(16).slice(-6),
		};
		phase1 = await runRevokePhase(ctx, { calls: CALLS, inFlight: IN_FLIGHT });
		await runDuplicatesPhase(ctx, { emails: 50, inFlight: IN_FLIGHT });
		phase2 = await runKillPhase(ctx, {
			calls: KILL_CALLS,
			inFlight: IN_FLIGHT,
			victim: env.workers[1],
			survivor: env.workers[0],
		});
		// The polling triggers: polls on the main, executions on the worker(s) left.
		await runTriggersPhase(ctx);
	} catch (e) {
		check(false, 'the run completed', e.stack || e.message);
	}
	const logsDir = path.join(runDir, 'logs');
	if (env) {
		fs.mkdirSync(logsDir, { recursive: true });
		fs.writeFileSync(path.join(logsDir, 'main.log'), env.server.logs());
		for (const w of env.workers) fs.writeFileSync(path.join(logsDir, `${w.name}.log`), w.logs());
		fs.writeFileSync(path.join(logsDir, 'postgres.log'), env.postgres.logs());
	}
	log('stopping n8n, PostgreSQL, Redis and the sandbox');
	await stopAll();
	printReport({
		phase1,
		phase2,
		env,
		checks,
		settings: { CALLS, IN_FLIGHT, KILL_CALLS, WORKERS, CONCURRENCY, BULL_TIMINGS },
		elapsed: elapsed(),
		load: { cpus: os.cpus().length, before: loadBefore, after: os.loadavg()[0] },
	});
	const failed = checks.filter((c) => !c.ok);
	for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
	if (!flag('keep') && failed.length === 0) fs.rmSync(runDir, { recursive: true, force: true });
	else
		console.log(
			`run folder kept (n8n user folders, logs of the main, workers and PostgreSQL): ${path.relative(ROOT, runDir)}`,
		);
	process.exit(failed.length ? 1 : 0);
}

main().catch(async (e) => {
	console.error(e.stack || e);
	await stopAll();
	process.exit(1);
});
