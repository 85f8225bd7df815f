// PostgreSQL and Redis for the queue-mode test, from Debian's packages: installed with apt-get when missing, then
// started as throwaway servers on 127.0.0.1 (free ports, data in a temporary folder), never the system services.
// Both run in their own process group, so that stopProcessGroup (scripts/e2e/n8n.mjs) ends them whole.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../e2e/n8n.mjs';

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function which(cmd) {
	const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
	return r.status === 0 ? r.stdout.trim() : '';
}

/** The bin folder of the newest PostgreSQL server Debian installed (/usr/lib/postgresql/<major>/bin), or ''. */
export function postgresBinDir() {
	const base = '/usr/lib/postgresql';
	if (!fs.existsSync(base)) return '';
	const majors = fs
		.readdirSync(base)
		.filter(
			(v) =>
				fs.existsSync(path.join(base, v, 'bin', 'postgres')) &&
				fs.existsSync(path.join(base, v, 'bin', 'initdb')),
		)
		.sort((a, b) => Number(b) - Number(a));
	return majors.length ? path.join(base, majors[0], 'bin') : '';
}

/**
 * Installs the Debian packages postgresql and redis-server when their servers are missing. CI runs as root; otherwise
 * sudo -n (no password prompt in a script). While apt-get runs, a policy-rc.d that forbids service starts keeps the
 * packages' own scripts from starting the system-wide servers on ports 5432 and 6379: this test starts its own.
 */
export function ensureServerPackages(log) {
	const missing = [];
	if (!postgresBinDir()) missing.push('postgresql');
	if (!which('redis-server')) missing.push('redis-server');
	if (!missing.length) return [];
	let prefix = [];
	if (!isRoot()) {
		if (!which('sudo'))
			throw new Error(
				`${missing.join(' and ')} missing, and this is not root and has no sudo: install them with apt-get install ${missing.join(' ')}`,
			);
		prefix = ['sudo', '-n'];
	}
	log(`installing ${missing.join(', ')} from Debian's packages (apt-get)...`);
	const policy = '/usr/sbin/policy-rc.d';
	const script = [
		'set -u',
		// Only our own policy-rc.d is removed afterwards; an existing one is left as it was.
		`own=0; if [ ! -e ${policy} ]; then printf '#!/bin/sh\\nexit 101\\n' > ${policy} && chmod 755 ${policy} && own=1; fi`,
		`install() { DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends ${missing.join(' ')}; }`,
		// The package lists of a fresh machine may be empty or stale: update them once if the install fails.
		'install || { apt-get update -q && install; }',
		'rc=$?',
		`[ "$own" = 1 ] && rm -f ${policy}`,
		'exit $rc',
	].join('\n');
	/** @type {[string, string[]]} */
	const [cmd, cmdArgs] = prefix.length
		? [prefix[0], [...prefix.slice(1), 'sh', '-c', script]]
		: ['sh', ['-c', script]];
	const r = spawnSync(cmd, cmdArgs, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	if (r.status !== 0)
		throw new Error(
			`apt-get install ${missing.join(' ')} failed (exit ${r.status}):\n${`${r.stdout}${r.stderr}`.split('\n').slice(-30).join('\n')}`,
		);
	if (!postgresBinDir() || !which('redis-server'))
		throw new Error(`apt-get installed ${missing.join(' ')}, but the servers are still not found`);
	return missing;
}

/**
 * Resolves when a TCP connection to host:port succeeds (and, with `send`, its first answer matches `expect`), or rejects.
 * @param {number} port
 * @param {{ timeoutMs?: number, exited: () => unknown, send?: string, expect?: RegExp, what: string }} options
 */
async function waitForPort(port, { timeoutMs = 30000, exited, send, expect, what }) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (exited()) throw new Error(`${what} exited before it accepted connections`);
		const ok = await new Promise((resolve) => {
			const s = net.connect(port, '127.0.0.1');
			let answer = '';
			s.setTimeout(1000, () => (s.destroy(), resolve(false)));
			s.once('error', () => resolve(false));
			s.once('connect', () => {
				if (!send) return (s.end(), resolve(true));
				s.write(send);
			});
			s.on('data', (d) => {
				answer += d;
				if (expect.test(answer)) (s.end(), resolve(true));
			});
		});
		if (ok) return;
		if (Date.now() > deadline)
			throw new Error(
				`${what} did not accept connections on 127.0.0.1:${port} within ${timeoutMs / 1000} s`,
			);
		await new Promise((r) => setTimeout(r, 200));
	}
}

/** Spawns a server in its own process group; its output is kept for error messages. */
function spawnServer(cmd, args, opts = {}) {
	const child = spawn(cmd, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], ...opts });
	let out = '';
	child.stdout.on('data', (d) => (out += d));
	child.stderr.on('data', (d) => (out += d));
	let exited = null;
	child.on('exit', (code, signal) => (exited = { code, signal }));
	return { child, logs: () => out, exited: () => exited };
}

/**
 * A throwaway PostgreSQL: initdb into a temporary folder, `postgres` on 127.0.0.1:<free port> (its socket in that
 * folder, not /var/run/postgresql), trust authentication for the user `postgres`, and a database `n8n`. PostgreSQL
 * refuses to run as root: as root, initdb and the server run as the Debian package's `postgres` user (runuser), which
 * must be able to reach `dir` (the folder is created, and given to that user, here).
 * Resolves { port, user, database, child, logs(), dir }.
 * @param {{ dir?: string, onSpawn?: (child: import('node:child_process').ChildProcess) => void }} [options]
 */
export async function startPostgres({
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-scale-pg-')),
	onSpawn,
} = {}) {
	const bin = postgresBinDir();
	if (!bin) throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql');
	fs.mkdirSync(dir, { recursive: true });
	/** @type {(cmd: string, args: string[]) => [string, string[]]} */
	const asServerUser = (cmd, args) =>
		isRoot() ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
	if (isRoot()) {
		try {
			execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
		} catch {
			throw new Error(
				"running as root, but there is no 'postgres' user for the server (Debian's postgresql package creates it)",
			);
		}
		execFileSync('chown', ['postgres:', dir]);
	}
	const data = path.join(dir, 'data');
	// --no-sync: a throwaway cluster need not survive a power cut; it saves seconds on slow disks.
	const init = spawnSync(
		...asServerUser(path.join(bin, 'initdb'), [
			'-D',
			data,
			'-U',
			'postgres',
			'--auth=trust',
			'-E',
			'UTF8',
			'--no-sync',
		]),
		{ encoding: 'utf8' },
	);
	if (init.status !== 0)
		throw new Error(`initdb failed (exit ${init.status}):\n${init.stdout}${init.stderr}`);
	const port = await freePort();
	const server = spawnServer(
		...asServerUser(path.join(bin, 'postgres'), [
			'-D',
			data,
			'-p',
			String(port),
			'-k',
			dir,
			'-c',
			'listen_addresses=127.0.0.1',
			'-c',
			'max_connections=200',
		]),
	);
	onSpawn?.(server.child);
	await waitForPort(port, { exited: server.exited, what: 'PostgreSQL', timeoutMs: 30000 }).catch(
		(e) => {
			throw new Error(`${e.message}\n${server.logs().slice(-2000)}`);
		},
	);
	// The port answers a little before the server takes queries: createdb retries for a few seconds.
	const createdb = path.join(bin, 'createdb');
	for (let i = 0; ; i++) {
		const r = spawnSync(
			createdb,
			['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'n8n'],
			{ encoding: 'utf8' },
		);
		if (r.status === 0) break;
		if (i >= 50) throw new Error(`createdb n8n failed: ${r.stderr}\n${server.logs().slice(-2000)}`);
		await new Promise((res) => setTimeout(res, 200));
	}
	return {
		port,
		user: 'postgres',
		database: 'n8n',
		child: server.child,
		logs: server.logs,
		dir,
		version: path.basename(path.dirname(bin)),
	};
}

/**
 * A throwaway Redis on 127.0.0.1:<free port>, nothing saved to disk. Resolves { port, child, logs(), dir }.
 * @param {{ dir?: string, onSpawn?: (child: import('node:child_process').ChildProcess) => void }} [options]
 */
export async function startRedis({
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-scale-redis-')),
	onSpawn,
} = {}) {
	fs.mkdirSync(dir, { recursive: true });
	const port = await freePort();
	const server = spawnServer(which('redis-server'), [
		'--bind',
		'127.0.0.1',
		'--port',
		String(port),
		'--dir',
		dir,
		'--save',
		'',
		'--appendonly',
		'no',
		'--daemonize',
		'no',
	]);
	onSpawn?.(server.child);
	await waitForPort(port, {
		exited: server.exited,
		what: 'Redis',
		send: 'PING\r\n',
		expect: /\+PONG/,
	}).catch((e) => {
		throw new Error(`${e.message}\n${server.logs().slice(-2000)}`);
	});
	const version =
		(spawnSync(which('redis-server'), ['--version'], { encoding: 'utf8' }).stdout.match(
			/v=(\S+)/,
		) || [])[1] || '?';
	return { port, child: server.child, logs: server.logs, dir, version };
}
