// Helpers to drive the real n8n application (installed by install-n8n.mjs): environment, CLI commands,
// the server, its REST API (owner account, cookie), and the community-package install.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { N8N_BIN, NODE24, NODE24_BIN_DIR } from './config.mjs';

export const OWNER = {
	email: 'owner@e2e.example',
	firstName: 'E2E',
	lastName: 'Owner',
	password: 'E2e-Passw0rd!',
};
export const ENCRYPTION_KEY = 'n8n-nodes-casabaca-wolkvox-sml-e2e-key';

/** A free TCP port on 127.0.0.1. */
export function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.once('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = /** @type {import('node:net').AddressInfo} */ (srv.address());
			srv.close(() => resolve(port));
		});
	});
}

/**
 * The environment every n8n process of a run gets (one throwaway user folder per run).
 * @param {string} userFolder
 * @param {{ port?: number, brokerPort?: number }} [opts]
 */
export function n8nEnv(userFolder, { port, brokerPort } = {}) {
	const env = { ...process.env };
	// npm exports its config to scripts (npm_config_*); none of it is for n8n.
	for (const k of Object.keys(env)) if (k.startsWith('npm_')) delete env[k];
	return {
		...env,
		PATH: `${NODE24_BIN_DIR}${path.delimiter}${process.env.PATH}`,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_RUNNERS_ENABLED: 'false',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_DISABLED_MODULES: 'mcp-registry',
		// Community nodes as AI Agent tools (usableAsTool). n8n 2.41.1 no longer reads it (tool use is always allowed),
		// older 1.x versions need it: scripts/e2e/agent-checks.mjs.
		N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE: 'true',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		// Not below info: the CLI prints its results (execute --rawOutput too) through the logger at level info.
		N8N_LOG_LEVEL: process.env.N8N_E2E_LOG_LEVEL || 'info',
		// The task broker listens even with runners disabled: give each process its own port.
		...(brokerPort ? { N8N_RUNNERS_BROKER_PORT: String(brokerPort) } : {}),
		...(port ? { N8N_PORT: String(port), N8N_WEBHOOK_URL: `http://127.0.0.1:${port}/` } : {}),
		GENERIC_TIMEZONE: 'UTC',
		TZ: 'UTC',
	};
}

/**
 * Runs an n8n CLI command. Resolves { code, signal, stdout, stderr, seconds }; never rejects on exit status.
 */
export async function runCli(userFolder, args, { timeoutMs = 180000 } = {}) {
	const brokerPort = await freePort();
	return await new Promise((resolve) => {
		const started = Date.now();
		const child = spawn(NODE24, [N8N_BIN, ...args], {
			env: n8nEnv(userFolder, { brokerPort }),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolve({ code, signal, stdout, stderr, seconds: (Date.now() - started) / 1000 });
		});
	});
}

/** `n8n execute --rawOutput` prints log lines, then the run as JSON: returns the parsed run or null. */
export function parseRun(stdout) {
	const start = stdout.search(/^\{/m);
	if (start < 0) return null;
	try {
		return JSON.parse(stdout.slice(start));
	} catch {
		// Some versions print more after the JSON: take the first balanced object.
		let depth = 0;
		let inString = false;
		for (let i = start; i < stdout.length; i++) {
			const ch = stdout[i];
			if (inString) {
				if (ch === '\\') i++;
				else if (ch === '"') inString = false;
			} else if (ch === '"') inString = true;
			else if (ch === '{') depth++;
			else if (ch === '}' && --depth === 0) {
				try {
					return JSON.parse(stdout.slice(start, i + 1));
				} catch {
					return null;
				}
			}
		}
		return null;
	}
}

/** Output items (json) of a node in a parsed run: runIndex 0, output 0 by default. */
export function nodeOutput(run, nodeName, { runIndex = 0, output = 0 } = {}) {
	const r = run?.data?.resultData?.runData?.[nodeName]?.[runIndex];
	if (!r) return undefined;
	return (r.data?.main?.[output] || []).map((i) => i.json);
}

export function nodeRun(run, nodeName, runIndex = 0) {
	return run?.data?.resultData?.runData?.[nodeName]?.[runIndex];
}

/**
 * Installs the packed package as n8n's own installer does (community-packages.service.js, downloadPackage):
 * extract into <user>/.n8n/nodes/node_modules/<name>, drop dev/peer/optional dependencies from its
 * package.json, `npm install` its dependencies, and record it in <user>/.n8n/nodes/package.json.
 */
export function installCommunityPackage(userFolder, tarball, name, version) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const pkgDir = path.join(nodesDir, 'node_modules', ...name.split('/'));
	fs.rmSync(pkgDir, { recursive: true, force: true });
	fs.mkdirSync(pkgDir, { recursive: true });
	const tar = spawnSync('tar', ['-xzf', tarball, '-C', pkgDir, '--strip-components=1'], {
		stdio: 'inherit',
	});
	if (tar.status !== 0) throw new Error(`tar failed for ${tarball}`);
	const pjPath = path.join(pkgDir, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...pj } = JSON.parse(
		fs.readFileSync(pjPath, 'utf8'),
	);
	void devDependencies;
	void peerDependencies;
	void optionalDependencies;
	fs.writeFileSync(pjPath, JSON.stringify(pj, null, 2));
	if (pj.dependencies && Object.keys(pj.dependencies).length) {
		const npm = spawnSync(
			'npm',
			[
				'install',
				'--audit=false',
				'--fund=false',
				'--bin-links=false',
				'--install-strategy=shallow',
				'--ignore-scripts=true',
				'--package-lock=false',
			],
			{
				cwd: pkgDir,
				stdio: 'inherit',
				env: { ...process.env, PATH: `${NODE24_BIN_DIR}${path.delimiter}${process.env.PATH}` },
			},
		);
		if (npm.status !== 0) throw new Error('npm install of the package dependencies failed');
	}
	const ledger = path.join(nodesDir, 'package.json');
	const current = fs.existsSync(ledger)
		? JSON.parse(fs.readFileSync(ledger, 'utf8'))
		: { name: 'installed-nodes', private: true, dependencies: {} };
	current.dependencies = { ...(current.dependencies || {}), [name]: version };
	fs.writeFileSync(ledger, JSON.stringify(current, null, 2));
	return pkgDir;
}

/**
 * Ends a process started with `detached: true` and everything in its process group (n8n's task runner, tsc's
 * children): SIGTERM to the group, SIGKILL to what is left after graceMs. Resolves the leader's { code, signal }.
 */
export function stopProcessGroup(child, { graceMs = 20000 } = {}) {
	const groupAlive = () => {
		try {
			process.kill(-child.pid, 0);
			return true;
		} catch {
			return false;
		}
	};
	const signalGroup = (sig) => {
		try {
			process.kill(-child.pid, sig);
		} catch {
			/* the group is gone */
		}
	};
	return new Promise((resolve) => {
		const leaderExit =
			child.exitCode !== null || child.signalCode !== null
				? Promise.resolve({ code: child.exitCode, signal: child.signalCode })
				: new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })));
		signalGroup('SIGTERM');
		const deadline = Date.now() + graceMs;
		const poll = setInterval(async () => {
			// The leader may exit before its children: wait for the whole group, not only for it.
			if (!groupAlive() || Date.now() > deadline) {
				clearInterval(poll);
				signalGroup('SIGKILL');
				resolve(await leaderExit);
			}
		}, 100);
	});
}

/**
 * Starts `n8n start` and waits until /healthz/readiness answers. Resolves { url, port, stop(), logs(), child }.
 * port: a fixed port (default: a free one). detached: n8n leads its own process group, which stop() ends whole, so
 * that its task runner cannot outlive it; onSpawn(child): called at once, so a caller can stop n8n while it boots
 * (npm start on Ctrl-C).
 * @param {string} userFolder
 * @param {{
 *   readyTimeoutMs?: number,
 *   extraEnv?: Record<string, string>,
 *   port?: number,
 *   detached?: boolean,
 *   onSpawn?: (child: import('node:child_process').ChildProcess) => void,
 * }} [opts]
 */
export async function startServer(
	userFolder,
	{ readyTimeoutMs = 120000, extraEnv = {}, port: fixedPort, detached = false, onSpawn } = {},
) {
	const port = fixedPort || (await freePort());
	const brokerPort = await freePort();
	const child = spawn(NODE24, [N8N_BIN, 'start'], {
		env: { ...n8nEnv(userFolder, { port, brokerPort }), ...extraEnv },
		stdio: ['ignore', 'pipe', 'pipe'],
		detached,
	});
	onSpawn?.(child);
	let out = '';
	child.stdout.on('data', (d) => (out += d));
	child.stderr.on('data', (d) => (out += d));
	let exited = null;
	child.on('exit', (code, signal) => (exited = { code, signal }));
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + readyTimeoutMs;
	for (;;) {
		if (exited)
			throw new Error(`n8n start exited early (${JSON.stringify(exited)}):\n${out.slice(-3000)}`);
		try {
			const r = await fetch(`${url}/healthz/readiness`);
			if (r.status === 200) break;
		} catch {
			/* not yet */
		}
		if (Date.now() > deadline) {
			if (detached) await stopProcessGroup(child, { graceMs: 0 });
			else child.kill('SIGKILL');
			throw new Error(
				`n8n start did not become ready in ${readyTimeoutMs / 1000} s:\n${out.slice(-3000)}`,
			);
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	return {
		url,
		port,
		child,
		logs: () => out,
		exitStatus: () => exited,
		stop: () =>
			new Promise((resolve) => {
				if (detached) return resolve(stopProcessGroup(child));
				if (exited) return resolve(exited);
				const killTimer = setTimeout(() => child.kill('SIGKILL'), 20000);
				child.once('exit', (code, signal) => {
					clearTimeout(killTimer);
					resolve({ code, signal });
				});
				child.kill('SIGTERM');
			}),
	};
}

/** A tiny REST client for n8n's internal API (/rest), holding the n8n-auth cookie. */
export class N8nRest {
	constructor(baseUrl) {
		this.baseUrl = baseUrl;
		this.cookie = '';
	}

	async request(method, urlPath, body) {
		const r = await fetch(`${this.baseUrl}${urlPath}`, {
			method,
			headers: {
				'content-type': 'application/json',
				...(this.cookie ? { cookie: this.cookie } : {}),
				'browser-id': 'n8n-e2e',
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = r.headers.getSetCookie ? r.headers.getSetCookie() : [];
		for (const c of setCookie) {
			const m = /^(n8n-auth=[^;]+)/.exec(c);
			if (m) this.cookie = m[1];
		}
		const text = await r.text();
		let json;
		try {
			json = JSON.parse(text);
		} catch {
			json = undefined;
		}
		return { status: r.status, json, text, headers: r.headers };
	}

	/** Sets up the owner account (first start) or logs in with it. */
	async ownerLogin(owner = OWNER) {
		const setup = await this.request('POST', '/rest/owner/setup', owner);
		if (setup.status === 200) return setup.json.data;
		const login = await this.request('POST', '/rest/login', {
			emailOrLdapLoginId: owner.email,
			password: owner.password,
		});
		if (login.status !== 200)
			throw new Error(
				`n8n owner setup (${setup.status}: ${setup.text.slice(0, 200)}) and login (${login.status}: ${login.text.slice(0, 200)}) failed`,
			);
		return login.json.data;
	}
}

/** Ids and names the example workflows use for their credentials. */
export const CREDENTIAL_IDS = {
	smlApi: ['sandboxSmlApi', 'SML sandbox'],
	sugarCrmCasabacaApi: ['sandboxCasabacaApi', 'SugarCRM Casabaca sandbox'],
	wolkvoxCrmApi: ['sandboxWolkvoxApi', 'wolkvox CRM sandbox'],
};

/** A file for `n8n import:credentials`: the sandbox's values for every credential type the package has. */
export function credentialsFor(sb, pkg) {
	return pkg.credentials
		.filter((c) => sb.credentials[c.name] && CREDENTIAL_IDS[c.name])
		.map((c) => ({
			id: CREDENTIAL_IDS[c.name][0],
			name: CREDENTIAL_IDS[c.name][1],
			type: c.name,
			data: sb.credentials[c.name],
		}));
}

/** Passwords the sandbox refuses (any but the demo ones): the fault tour's credentials. */
export const WRONG_PASSWORDS = {
	smlApi: 'sml-wrong-password-e2e',
	sugarCrmCasabacaApi: 'casabaca-wrong-password-e2e',
};

/** Ids and names of the fault tour's credentials (scripts/e2e/workflows/faults-tour.json). */
export const FAULT_CREDENTIAL_IDS = {
	smlWrongPassword: ['faultSmlWrongPassword', 'SML sandbox, wrong password'],
	casabacaWrongPassword: [
		'faultCasabacaWrongPassword',
		'SugarCRM Casabaca sandbox, wrong password',
	],
	wolkvoxRedirect: ['faultWolkvoxRedirect', 'wolkvox CRM sandbox, redirected to another host'],
	wolkvoxHtml: ['faultWolkvoxHtml', 'wolkvox CRM sandbox, answering an HTML page'],
};

/**
 * The fault tour's credentials: the sandbox's values with a wrong password, or with a base URL under one of the
 * sandbox's fault hooks (sandbox/README.md): a redirect to `otherOrigin` (host:port of a server that must receive
 * nothing), and an HTML page. Kept apart from credentialsFor's: n8n's credential test is expected to fail for them.
 */
export function faultCredentialsFor(sb, otherOrigin) {
	const c = sb.credentials;
	const entry = (key, type, data) => ({
		id: FAULT_CREDENTIAL_IDS[key][0],
		name: FAULT_CREDENTIAL_IDS[key][1],
		type,
		data,
	});
	return [
		entry('smlWrongPassword', 'smlApi', { ...c.smlApi, password: WRONG_PASSWORDS.smlApi }),
		entry('casabacaWrongPassword', 'sugarCrmCasabacaApi', {
			...c.sugarCrmCasabacaApi,
			password: WRONG_PASSWORDS.sugarCrmCasabacaApi,
		}),
		entry('wolkvoxRedirect', 'wolkvoxCrmApi', {
			...c.wolkvoxCrmApi,
			customHost: `${sb.url}/__sandbox/redirect/${otherOrigin}/wolkvox`,
		}),
		entry('wolkvoxHtml', 'wolkvoxCrmApi', {
			...c.wolkvoxCrmApi,
			customHost: `${sb.url}/__sandbox/html/wolkvox`,
		}),
	];
}

/**
 * "Another host" for the redirect fault: a server on 127.0.0.2 (another origin than the sandbox's 127.0.0.1) that
 * answers 200 {} to anything and records what it got, so a check can prove it received nothing.
 * Resolves { origin: 'host:port', url, requests, close() }.
 */
export function startOtherOrigin(host = '127.0.0.2') {
	const requests = [];
	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (d) => (body += d));
		req.on('end', () => {
			requests.push({ method: req.method, url: req.url, headers: req.headers, body });
			res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
		});
	});
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, host, () => {
			const origin = `${host}:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}`;
			resolve({
				origin,
				url: `http://${origin}`,
				requests,
				close: () =>
					new Promise((done) => {
						server.closeAllConnections();
						server.close(() => done());
					}),
			});
		});
	});
}
