#!/usr/bin/env node
// npm start — the package's nodes in a running n8n, in one command (issue 12):
//  1. installs the pinned n8n on first use (the e2e's install: .cache/n8n-e2e, about 4 minutes once);
//  2. starts the vendor sandbox (sandbox/index.js) and `tsc --watch` (tsconfig.build.json), which compiles into a
//     package folder in the n8n user folder: <user folder>/.n8n/nodes/node_modules/<this package>, holding a link
//     to package.json, the compiled dist/ and its icons;
//  3. starts n8n on 127.0.0.1 with N8N_DEV_RELOAD=true: n8n loads that folder as the installed community package
//     (so the node types are the published ones, which the examples use) and reloads it whenever tsc writes to it;
//  4. on the first start: creates the owner account, the three sandbox credentials, and imports every workflow of
//     examples/ with its credentials wired (on later starts: only what is missing, and the credentials follow the
//     sandbox if its port changed);
//  5. prints the editor URL and the login, then runs until Ctrl-C (or SIGTERM / SIGHUP), which stops n8n, tsc and
//     the sandbox, each n8n and tsc with its whole process group.
// Why not the repo's dist/ (n8n's N8N_CUSTOM_EXTENSIONS, or a link to the repo): a custom extensions folder names
// the nodes CUSTOM.<name>, which the examples do not use; and n8n's reload watches a linked package's whole folder,
// which for the repo would be node_modules/ and .cache/ (n8n's own database among them: a reload on every write).
// A separate output folder also leaves dist/ to `npm run build`, the e2e and the bench.
// Options:
//   --fresh                start over: empty the user folder first (only one npm start made, or an empty one)
//   --user-folder=<dir>    n8n's user folder (default .cache/start); the e2e passes a throwaway one
//   --port=<n>             the editor's port (default 5678; 0: any free port)
//   --sandbox-port=<n>     the vendor sandbox's port (default 5680; 0: any free port)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { N8N_VERSION, ROOT } from './e2e/config.mjs';
import { ensureN8n } from './e2e/install-n8n.mjs';
import {
	CREDENTIAL_IDS,
	credentialsFor,
	N8nRest,
	startServer,
	stopProcessGroup,
} from './e2e/n8n.mjs';

const require = createRequire(import.meta.url);
const { startSandbox } = require('../sandbox/index.js');

const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
// A local, throwaway instance on 127.0.0.1: the login is printed, not secret.
export const DEV_OWNER = {
	email: 'dev@example.com',
	firstName: 'Node',
	lastName: 'Developer',
	password: 'Dev-Passw0rd!',
};
// What npm start wrote into the user folder: --fresh empties only a folder that has it (or an empty one).
const STATE_FILE = 'npm-start.json';
const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const started = Date.now();
// Set once a stop began (a signal): then an error of a start step interrupted by it is not a failure to report.
let stopping = null;
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
// A folder as the developer knows it: relative to the repo when inside it.
const shown = (dir) => (dir.startsWith(`${ROOT}${path.sep}`) ? path.relative(ROOT, dir) : dir);

function log(msg) {
	console.log(`[start] ${msg}`);
}

function parseArgs(argv) {
	const opts = {
		fresh: false,
		userFolder: path.join(ROOT, '.cache', 'start'),
		port: 5678,
		sandboxPort: 5680,
	};
	for (const a of argv) {
		const [name, value] = a.includes('=')
			? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
			: [a, undefined];
		if (name === '--fresh' && value === undefined) opts.fresh = true;
		else if (name === '--user-folder' && value) opts.userFolder = path.resolve(value);
		else if (
			(name === '--port' || name === '--sandbox-port') &&
			/^\d+$/.test(value ?? '') &&
			Number(value) < 65536
		)
			opts[name === '--port' ? 'port' : 'sandboxPort'] = Number(value);
		else {
			console.error(
				`npm start: unknown option ${a}\nUsage: npm start [-- --fresh] [--user-folder=<dir>] [--port=<n>] [--sandbox-port=<n>]`,
			);
			process.exit(2);
		}
	}
	return opts;
}

/** Whether 127.0.0.1:port is free: checked before anything starts, so a clash is reported at once and clearly. */
function portFree(port) {
	return new Promise((resolve) => {
		const srv = net.createServer();
		srv.once('error', () => resolve(false));
		srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
	});
}

function readState(userFolder) {
	try {
		return JSON.parse(fs.readFileSync(path.join(userFolder, STATE_FILE), 'utf8'));
	} catch {
		return null;
	}
}

function writeState(userFolder, state) {
	fs.writeFileSync(path.join(userFolder, STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
}

/** --fresh: empties the user folder, unless it holds something npm start did not make (a mistyped --user-folder). */
function emptyUserFolder(userFolder) {
	if (!fs.existsSync(userFolder)) return;
	const entries = fs.readdirSync(userFolder);
	if (entries.length && !entries.includes(STATE_FILE)) {
		throw new Error(
			`--fresh: ${userFolder} was not made by npm start (no ${STATE_FILE} in it): not emptying it`,
		);
	}
	fs.rmSync(userFolder, { recursive: true, force: true });
}

/**
 * The files `gulp build:icons` copies next to the compiled code (icons; the *.node.json codex files, read by n8n
 * for categories): copied here into the package folder's dist/, after every compile, when they changed.
 */
function copyAssets(distDir) {
	let copied = 0;
	/** @type {[string, RegExp][]} */
	const assets = [
		['nodes', /\.(png|svg)$|\.node\.json$/],
		['credentials', /\.(png|svg)$/],
	];
	for (const [dir, re] of assets) {
		for (const rel of fs.readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })) {
			if (!re.test(rel)) continue;
			const from = path.join(ROOT, dir, rel);
			const to = path.join(distDir, dir, rel);
			const data = fs.readFileSync(from);
			if (fs.existsSync(to) && data.equals(fs.readFileSync(to))) continue;
			fs.mkdirSync(path.dirname(to), { recursive: true });
			fs.writeFileSync(to, data);
			copied++;
		}
	}
	return copied;
}

/** The package folder n8n loads: package.json linked (so the "n8n" section is always the repo's), dist/ from tsc. */
function preparePackageFolder(userFolder) {
	const pkgDir = path.join(userFolder, '.n8n', 'nodes', 'node_modules', ...PKG.name.split('/'));
	fs.mkdirSync(pkgDir, { recursive: true });
	const link = path.join(pkgDir, 'package.json');
	fs.rmSync(link, { force: true });
	fs.symlinkSync(path.join(ROOT, 'package.json'), link);
	return { pkgDir, distDir: path.join(pkgDir, 'dist') };
}

// tsc's colour codes (ESC [ ... m), taken out of the lines it prints. ESC comes from its character code: a control
// character written into a regular expression literal is what ESLint's no-control-regex reports.
const ANSI_COLOR = new RegExp(`${String.fromCharCode(0x1b)}\\[[0-9;]*m`, 'g');

// tsc's record of its last compile (--incremental): a warm start re-emits only what changed since then.
const buildInfoOf = (userFolder) => path.join(userFolder, 'tsc-watch.tsbuildinfo');

/**
 * Whether the last start's output is newer than every file it is made from: then tsc's first compile writes nothing
 * into the package folder, and n8n can boot beside it (a warm start a few seconds sooner). Otherwise n8n waits for
 * the compile: a file half-written while n8n loads it would leave the package out until the next restart.
 */
function outputUpToDate(userFolder, distDir) {
	const buildInfo = buildInfoOf(userFolder);
	if (!fs.existsSync(buildInfo) || !fs.existsSync(distDir)) return false;
	const built = fs.statSync(buildInfo).mtimeMs;
	const sources = [
		'tsconfig.json',
		'tsconfig.build.json',
		...['nodes', 'credentials'].flatMap((dir) =>
			fs.readdirSync(path.join(ROOT, dir), { recursive: true }).map((f) => path.join(dir, f)),
		),
	];
	return sources.every((f) => fs.statSync(path.join(ROOT, f)).mtimeMs < built);
}

/**
 * Starts `tsc --watch` in its own process group; resolves once its first compile is written. onCompiled runs after
 * each compile (icons); tsc's later output is shown with a [tsc] prefix.
 */
function startTsc(userFolder, distDir, { onCompiled, onSpawn }) {
	// The record lives beside the output: without the output (deleted by hand) it would make tsc skip writing it, so
	// both go together.
	const buildInfo = buildInfoOf(userFolder);
	if (!fs.existsSync(distDir)) fs.rmSync(buildInfo, { force: true });
	const child = spawn(
		process.execPath,
		[
			TSC,
			'-p',
			'tsconfig.build.json',
			'--watch',
			'--preserveWatchOutput',
			'--outDir',
			distDir,
			'--incremental',
			'--tsBuildInfoFile',
			buildInfo,
		],
		{ cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
	);
	onSpawn(child);
	let first = true;
	let firstErrors = [];
	return new Promise((resolve, reject) => {
		let buf = '';
		const onData = (d) => {
			buf += d;
			let nl;
			while ((nl = buf.indexOf('\n')) >= 0) {
				const line = buf.slice(0, nl).replace(ANSI_COLOR, '').trimEnd();
				buf = buf.slice(nl + 1);
				if (!line) continue;
				const done = /Found (\d+) errors?\. Watching for file changes/.exec(line);
				if (first) {
					if (!done && !/Starting compilation in watch mode/.test(line)) firstErrors.push(line);
					if (done) {
						first = false;
						onCompiled();
						if (firstErrors.length) console.log(firstErrors.map((l) => `[tsc] ${l}`).join('\n'));
						firstErrors = [];
						resolve({ child, errors: Number(done[1]) });
					}
				} else {
					console.log(`[tsc] ${line}`);
					if (done) onCompiled();
				}
			}
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		child.once('exit', (code, signal) => {
			if (first)
				reject(
					new Error(
						`tsc --watch exited before its first compile (${signal || `exit code ${code}`}):\n${firstErrors.join('\n')}`,
					),
				);
		});
	});
}

/**
 * The three sandbox credentials: created when missing (found by name and type, so a restart does not duplicate
 * them), updated when the sandbox moved to another port. Returns { type: { id, name } }.
 */
async function ensureCredentials(rest, sb, previousSandboxUrl) {
	const served = await rest.request('GET', '/types/credentials.json');
	if (served.status !== 200 || !Array.isArray(served.json))
		throw new Error(`GET /types/credentials.json: HTTP ${served.status}`);
	const wanted = credentialsFor(sb, { credentials: served.json });
	const list = await rest.request('GET', '/rest/credentials');
	const existing = list.json?.data || [];
	const ids = {};
	for (const c of wanted) {
		const found = existing.find((e) => e.type === c.type && e.name === c.name);
		if (!found) {
			const r = await rest.request('POST', '/rest/credentials', {
				name: c.name,
				type: c.type,
				data: c.data,
			});
			if (r.status !== 200)
				throw new Error(
					`creating the credential ${c.name}: HTTP ${r.status} ${r.text.slice(0, 300)}`,
				);
			ids[c.type] = { id: r.json.data.id, name: c.name };
			log(`credential "${c.name}" created`);
			continue;
		}
		ids[c.type] = { id: found.id, name: c.name };
		if (previousSandboxUrl !== sb.url) {
			const r = await rest.request('PATCH', `/rest/credentials/${found.id}`, {
				name: c.name,
				type: c.type,
				data: c.data,
			});
			if (r.status !== 200)
				throw new Error(
					`updating the credential ${c.name}: HTTP ${r.status} ${r.text.slice(0, 300)}`,
				);
			log(`credential "${c.name}" now points at ${sb.url}`);
		}
	}
	return ids;
}

/**
 * Every workflow of examples/ whose id n8n does not have yet (archived ones count as there: a workflow the developer
 * deleted is not brought back), with its credential references pointing at ensureCredentials' credentials.
 */
async function importExamples(rest, credentialIds) {
	const dir = path.join(ROOT, 'examples');
	const imported = [];
	for (const file of fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()) {
		const wf = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
		const nodes = wf.nodes.map((n) =>
			n.credentials
				? {
						...n,
						credentials: Object.fromEntries(
							Object.entries(n.credentials).map(([type, ref]) => [
								type,
								credentialIds[type] || ref,
							]),
						),
					}
				: n,
		);
		const body = {
			id: wf.id,
			name: wf.name,
			nodes,
			connections: wf.connections,
			settings: wf.settings,
			pinData: wf.pinData ?? {},
		};
		const r = await rest.request('POST', '/rest/workflows', body);
		if (r.status === 200) imported.push(wf.name);
		else if (!(r.status === 400 && /exists already/.test(r.text)))
			throw new Error(`importing ${file}: HTTP ${r.status} ${r.text.slice(0, 300)}`);
	}
	return imported;
}

async function main() {
	const opts = parseArgs(process.argv.slice(2));
	const { userFolder } = opts;
	// Everything this process starts, for the stop: process groups (n8n, tsc) and the in-process sandbox.
	const groups = new Set();
	let sb;
	let server;
	const stop = (why, code = 0) => {
		if (stopping) return stopping;
		if (why) log(`${why}: stopping n8n, tsc and the sandbox...`);
		stopping = (async () => {
			await Promise.all([...groups].map((child) => stopProcessGroup(child, { graceMs: 20000 })));
			groups.clear();
			if (sb) await sb.close();
			log('stopped');
			process.exit(code);
		})();
		return stopping;
	};
	for (const [sig, why] of [
		['SIGINT', 'Ctrl-C'],
		['SIGTERM', 'SIGTERM'],
		['SIGHUP', 'the terminal closed'],
	]) {
		// A second Ctrl-C does not wait: the 'exit' handler below kills what is left.
		process.on(sig, () => (stopping ? (log('stopping now'), process.exit(1)) : stop(why)));
	}
	// npm runs this under `sh -c`: if npm is killed, the shell may die without passing the signal on. A parent that
	// went away is a stop too.
	const parent = process.ppid;
	setInterval(() => process.ppid !== parent && stop('the parent process ended'), 1000).unref();
	// The last resort (an exception): no process group outlives this process.
	process.on('exit', () => {
		for (const child of groups) {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				/* gone */
			}
		}
	});
	const track = (child) => {
		groups.add(child);
		child.once('exit', (code, signal) => {
			if (!stopping)
				stop(
					`${child === server?.child ? 'n8n' : 'a child process'} exited unexpectedly (${signal || `exit code ${code}`})`,
					1,
				);
		});
	};

	for (const [port, what, option] of [
		[opts.port, 'the editor', '--port'],
		[opts.sandboxPort, 'the sandbox', '--sandbox-port'],
	]) {
		if (port && !(await portFree(port)))
			throw new Error(
				`port ${port} (${what}) is in use: is another npm start (or npm run sandbox) running? Stop it, or use npm start -- ${option}=<another port>`,
			);
	}
	if (opts.fresh) {
		emptyUserFolder(userFolder);
		log(`--fresh: starting over in ${shown(userFolder)}`);
	}
	fs.mkdirSync(userFolder, { recursive: true });
	const state = readState(userFolder) || { createdAt: new Date().toISOString() };
	const firstStart = !state.ownerCreated;
	writeState(userFolder, state);

	ensureN8n();
	const { distDir } = preparePackageFolder(userFolder);
	sb = await startSandbox({ port: opts.sandboxPort, quiet: false });
	const upToDate = outputUpToDate(userFolder, distDir);
	log(
		`sandbox on ${sb.url}; compiling the nodes (tsc --watch)${upToDate ? ', and starting n8n beside it (nothing changed since the last start)' : ''}...`,
	);
	const compiled = startTsc(userFolder, distDir, {
		onSpawn: (child) => track(child),
		onCompiled: () => copyAssets(distDir),
	});
	compiled.catch(() => {}); // awaited below; not an unhandled rejection while n8n boots
	const reportCompile = ({ errors }) =>
		log(`compiled in ${seconds()} s${errors ? `, with ${errors} TypeScript errors (above)` : ''}`);
	if (!upToDate) reportCompile(await compiled);
	log(
		`starting n8n ${N8N_VERSION} on 127.0.0.1${firstStart ? ' (first start: n8n creates its database, about 20 s)' : ''}...`,
	);
	const n8nLog = fs.createWriteStream(path.join(userFolder, 'n8n.log'));
	let echo = false;
	server = await startServer(userFolder, {
		port: opts.port,
		detached: true,
		readyTimeoutMs: 300000,
		extraEnv: { N8N_DEV_RELOAD: 'true' },
		onSpawn: (child) => {
			server = { child };
			track(child);
			// All of n8n's output goes to n8n.log; after the banner it is shown too (hot reloads, errors).
			for (const s of [child.stdout, child.stderr]) {
				s.on('data', (d) => {
					n8nLog.write(d);
					if (echo) process.stdout.write(String(d).replace(/^(?=.)/gm, '[n8n] '));
				});
			}
		},
	});

	// Up to date, tsc writes nothing: its (slower, CPU-shared) first check need not hold the banner back.
	if (upToDate) compiled.then(reportCompile, () => {});
	const rest = new N8nRest(server.url);
	let ready = true;
	try {
		await rest.ownerLogin(DEV_OWNER);
		state.ownerCreated = true;
		const credentialIds = await ensureCredentials(rest, sb, state.sandboxUrl);
		state.sandboxUrl = sb.url;
		const imported = await importExamples(rest, credentialIds);
		if (imported.length)
			log(`imported ${imported.length} example workflows: ${imported.join('; ')}`);
		writeState(userFolder, state);
	} catch (e) {
		// The editor works without them: say what failed and keep it running (a changed password, say).
		ready = false;
		log(`setting up the owner, credentials and examples failed: ${e.message}`);
		log('the editor runs anyway; npm start -- --fresh starts over with an empty user folder');
	}
	const lines = [
		'',
		`  n8n ${N8N_VERSION} with ${PKG.name} is running (ready in ${seconds()} s)`,
		'',
		`  Editor     ${server.url}`,
		`  Log in     ${DEV_OWNER.email} / ${DEV_OWNER.password}`,
		`  Sandbox    ${sb.url} (what it received: ${sb.url}/__sandbox/requests)`,
		...(ready
			? [
					`  Ready      the examples of examples/ under Overview, with the credentials ${Object.values(
						CREDENTIAL_IDS,
					)
						.map(([, name]) => `"${name}"`)
						.join(', ')}`,
				]
			: []),
		`  Folder     ${shown(userFolder)} (kept between starts; npm start -- --fresh starts over; n8n's log: n8n.log)`,
		'',
		'  Edit nodes/ or credentials/: tsc recompiles, n8n reloads the nodes; reload the editor page to see the change.',
		'  Ctrl-C stops n8n, tsc and the sandbox.',
		'',
	];
	console.log(lines.join('\n'));
	echo = true;
}

main().catch(async (e) => {
	if (stopping) return stopping;
	console.error(`[start] ${e.message}`);
	// The 'exit' handler ends the process groups started so far.
	process.exit(1);
});
