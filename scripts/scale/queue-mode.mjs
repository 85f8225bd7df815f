// n8n in queue mode: the environment that makes `n8n start` a main process and `n8n worker` a worker (PostgreSQL as
// the database, Redis for the Bull queue, one encryption key for all), and the worker process itself. The main is
// started with the e2e's startServer; a worker has no HTTP readiness check, so it is watched through its log.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { N8N_BIN, NODE24 } from '../e2e/config.mjs';
import { freePort, n8nEnv } from '../e2e/n8n.mjs';

/**
 * Bull's lock on a job a worker runs lasts QUEUE_WORKER_LOCK_DURATION and is renewed every QUEUE_WORKER_LOCK_RENEW_TIME;
 * a live worker checks for jobs whose lock expired every QUEUE_WORKER_STALLED_INTERVAL. n8n's defaults (60 s, 10 s,
 * 30 s) would make a killed worker's jobs wait up to 90 s before anything happens to them; these shorter values keep
 * the SIGKILL phase within seconds and change nothing else (n8n sets maxStalledCount 0 whatever they are).
 */
export const BULL_TIMINGS = { lockDurationMs: 10000, lockRenewMs: 2500, stalledIntervalMs: 5000 };

/** What every n8n process of the test shares: queue mode, the database, Redis, the Bull timings. */
export function queueModeEnv({ postgres, redis }) {
	return {
		EXECUTIONS_MODE: 'queue',
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: '',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		QUEUE_WORKER_LOCK_DURATION: String(BULL_TIMINGS.lockDurationMs),
		QUEUE_WORKER_LOCK_RENEW_TIME: String(BULL_TIMINGS.lockRenewMs),
		QUEUE_WORKER_STALLED_INTERVAL: String(BULL_TIMINGS.stalledIntervalMs),
		// A stop at the end should not wait the default 30 s for executions that will never finish.
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
	};
}

/**
 * `n8n worker --concurrency=<n>` in its own process group (a SIGKILL to the group is a machine or container dying:
 * nothing of the worker survives to finish its jobs). Resolves once it logs "n8n worker is now ready", with
 * { name, child, logs(), running(), started(), finished(), exitStatus() }: the execution ids it logged as started and
 * finished ("Worker started execution <id>", "Worker finished execution <id>"), so a caller can kill it mid-run.
 */
export async function startWorker(
	userFolder,
	{ name, concurrency, env, readyTimeoutMs = 120000, onSpawn },
) {
	const brokerPort = await freePort();
	const child = spawn(NODE24, [N8N_BIN, 'worker', `--concurrency=${concurrency}`], {
		env: { ...n8nEnv(userFolder, { brokerPort }), ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	onSpawn?.(child);
	let out = '';
	const started = new Set();
	const finished = new Set();
	let partial = '';
	const onData = (d) => {
		out += d;
		partial += d;
		const lines = partial.split('\n');
		partial = lines.pop();
		for (const line of lines) {
			const s = /Worker started execution (\d+)/.exec(line);
			if (s) started.add(s[1]);
			const f = /Worker finished execution (\d+)/.exec(line);
			if (f) finished.add(f[1]);
		}
	};
	child.stdout.on('data', onData);
	child.stderr.on('data', onData);
	let exited = null;
	child.on('exit', (code, signal) => (exited = { code, signal }));
	const deadline = Date.now() + readyTimeoutMs;
	while (!/n8n worker is now ready/.test(out)) {
		if (exited)
			throw new Error(
				`n8n worker ${name} exited early (${JSON.stringify(exited)}):\n${out.slice(-3000)}`,
			);
		if (Date.now() > deadline)
			throw new Error(
				`n8n worker ${name} was not ready within ${readyTimeoutMs / 1000} s:\n${out.slice(-3000)}`,
			);
		await new Promise((r) => setTimeout(r, 200));
	}
	return {
		name,
		child,
		logs: () => out,
		started: () => [...started],
		finished: () => [...finished],
		running: () => [...started].filter((id) => !finished.has(id)),
		exitStatus: () => exited,
	};
}

/** SIGKILL to a worker's whole process group; resolves when its leader is gone. */
export async function killWorker(worker) {
	const gone = worker.exitStatus()
		? Promise.resolve()
		: new Promise((r) => worker.child.once('exit', r));
	try {
		process.kill(-worker.child.pid, 'SIGKILL');
	} catch {
		/* already gone */
	}
	await gone;
}

/** A user folder per n8n process, as each container of a real deployment has its own: the package copied into it. */
export function copyInstalledPackage(fromUserFolder, toUserFolder) {
	fs.mkdirSync(path.join(toUserFolder, '.n8n'), { recursive: true });
	fs.cpSync(path.join(fromUserFolder, '.n8n', 'nodes'), path.join(toUserFolder, '.n8n', 'nodes'), {
		recursive: true,
	});
}
