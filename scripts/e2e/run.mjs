#!/usr/bin/env node
// npm run test:e2e — the package in the real n8n application:
//  1. installs n8n (cached in .cache/n8n-e2e/n8n-<version>) and builds its sqlite3 for Node 24;
//  2. builds and packs this package (npm pack) and installs the tarball as a community package;
//  3. starts the vendor sandbox (and "another host" on 127.0.0.2 that must receive nothing), imports credentials
//     pointing at it (also the fault tour's: wrong passwords, base URLs under the sandbox's fault hooks), every
//     workflow of examples/ and the e2e's own workflows (scripts/e2e/workflows/);
//  4. runs each example with `n8n execute --id <id> --rawOutput`, and checks its output and what the sandbox received;
//  5. starts `n8n start` once: checks that every node and credential of package.json's "n8n" section is served to
//     the editor with its full description, tests each credential through n8n, and calls the webhook example's
//     production URL, and publishes a workflow per trigger event and the SML Trigger example, each of which must run once
//     with exactly the record the sandbox made appear (scripts/e2e/trigger-checks.mjs).
//  6. runs `npm start -- --fresh` in a throwaway user folder, twice (scripts/e2e/start-check.mjs): the editor answers,
//     the nodes, credentials and examples are there, an example runs through the REST API, Ctrl-C leaves no process.
//  The server part also publishes our tool variants on an MCP Server Trigger and calls them with the MCP SDK's client
//  (scripts/e2e/mcp-checks.mjs).
// Options: --skip-build (reuse dist/), --keep (keep the n8n user folder), --only=<workflow file> (skips 6),
//   --only=agents (the AI Agent and MCP checks), --only=mcp, --skip-start (skips 6), --skip-packages (skips 7).
//  7. (after 6) installs each single-vendor package (packages/) alone in a fresh n8n user folder and runs a workflow of
//     its vendor and its trigger (scripts/e2e/vendor-packages.mjs; alone: `node scripts/e2e/vendor-packages.mjs`);
//     skipped with --only.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { CACHE_DIR, N8N_VERSION, ROOT } from './config.mjs';
import { EXAMPLE_CHECKS } from './examples.mjs';
import { ensureN8n } from './install-n8n.mjs';
import {
	credentialsFor,
	faultCredentialsFor,
	N8nRest,
	parseRun,
	runCli,
	startOtherOrigin,
	startServer,
} from './n8n.mjs';
import { buildPackAndInstall } from './package.mjs';
import { compareTypes } from './types.mjs';
import { SERVER_CHECKS } from './server-checks.mjs';
import { checkNpmStart } from './start-check.mjs';
import { runTriggerChecks } from './trigger-checks.mjs';
import { runAgentChecks } from './agent-checks.mjs';
import { runLocatorChecks } from './locator-checks.mjs';
import { runVendorPackageChecks } from './vendor-packages.mjs';
import { runMcpChecks } from './mcp-checks.mjs';

const require = createRequire(import.meta.url);
const { startSandbox, demo } = require('../../sandbox/index.js');

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const only = (args.find((a) => a.startsWith('--only=')) || '').slice('--only='.length);
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;

function log(msg) {
	console.log(`[e2e ${elapsed()}] ${msg}`);
}

/** Collects named checks; never throws. */
class Checks {
	constructor(scope) {
		this.scope = scope;
		this.results = [];
	}

	ok(cond, name, detail = '') {
		this.results.push({ scope: this.scope, name, ok: Boolean(cond), detail });
		return Boolean(cond);
	}

	equal(actual, expected, name) {
		const a = JSON.stringify(actual);
		const e = JSON.stringify(expected);
		return this.ok(
			a === e,
			name,
			a === e ? '' : `expected ${e?.slice(0, 300)}, got ${a?.slice(0, 300)}`,
		);
	}

	run(name, fn) {
		try {
			fn();
		} catch (e) {
			this.ok(false, name, `threw: ${e.stack || e.message}`);
		}
	}
}

/**
 * GET (POST for /reset) a sandbox path and return its JSON answer.
 * @param {{ url: string }} sb
 * @param {string} p
 * @returns {Promise<any>}
 */
async function sandboxJson(sb, p) {
	const r = await fetch(`${sb.url}${p}`, { method: p.endsWith('/reset') ? 'POST' : 'GET' });
	return r.json();
}

/** The package node types and credential types an example needs. */
function needs(workflow, pkgName) {
	const nodeTypes = [
		...new Set(workflow.nodes.map((n) => n.type).filter((t) => t.startsWith(`${pkgName}.`))),
	];
	const credTypes = [...new Set(workflow.nodes.flatMap((n) => Object.keys(n.credentials || {})))];
	return { nodeTypes, credTypes };
}

function describeExit(res) {
	return res.signal ? `signal ${res.signal}` : `exit code ${res.code}`;
}

async function main() {
	log(`n8n ${N8N_VERSION}, Node ${process.version}`);
	ensureN8n();

	const runsDir = path.join(CACHE_DIR, 'runs');
	fs.rmSync(runsDir, { recursive: true, force: true });
	const userFolder = path.join(runsDir, `run-${Date.now()}`);
	fs.mkdirSync(userFolder, { recursive: true });
	const { pkg, tarball } = buildPackAndInstall(userFolder, { skipBuild: flag('skip-build'), log });
	log(
		`packed ${tarball}: ${pkg.nodes.length} nodes (${pkg.nodes.map((n) => n.description.name).join(', ')}), ${pkg.credentials.length} credentials`,
	);
	log(`installed as a community package in ${path.relative(ROOT, userFolder)}/.n8n/nodes`);

	const sb = await startSandbox({ port: 0, quiet: true });
	// The host the fault tour's redirect points to: it must receive nothing.
	const other = await startOtherOrigin();
	log(`sandbox on ${sb.url}, "another host" on ${other.url}`);
	const all = [];
	const notes = new Set();
	const crashes = [];
	let server;
	try {
		// ---- credentials and workflows ----
		// creds: the working ones, each tested through n8n below; faultCreds: the fault tour's (wrong passwords,
		// base URLs under the sandbox's fault hooks), whose credential test is expected to fail.
		const creds = credentialsFor(sb, pkg);
		const faultCreds = faultCredentialsFor(sb, other.origin);
		const allCreds = [...creds, ...faultCreds];
		const credFile = path.join(userFolder, 'credentials.json');
		fs.writeFileSync(credFile, JSON.stringify(allCreds, null, 2));
		const imp = await runCli(userFolder, ['import:credentials', `--input=${credFile}`]);
		if (imp.code !== 0)
			throw new Error(
				`import:credentials failed (${describeExit(imp)}):\n${imp.stdout}\n${imp.stderr}`,
			);
		log(
			`imported ${allCreds.length} credentials (${creds.map((c) => c.type).join(', ')}; ${faultCreds.length} for the fault tour) in ${imp.seconds.toFixed(1)} s`,
		);
		// DESIGN: passwords and tokens never appear in outputs: those of every imported credential, the wrong ones too.
		const credentialSecrets = allCreds.flatMap((c) =>
			Object.entries(c.data)
				.filter(([k, v]) => /password|token/i.test(k) && typeof v === 'string' && v.length >= 4)
				.map(([, v]) => v),
		);

		// The user-facing examples, then the e2e's own workflows (scripts/e2e/workflows: more operations).
		const sources = [path.join(ROOT, 'examples'), path.join(ROOT, 'scripts', 'e2e', 'workflows')];
		const dirOf = {};
		for (const dir of sources)
			for (const f of fs
				.readdirSync(dir)
				.filter((x) => x.endsWith('.json'))
				.sort())
				dirOf[f] = dir;
		const files = Object.keys(dirOf).filter((f) => !only || f === only);
		const runnable = [];
		const wfDir = path.join(userFolder, 'workflows');
		fs.mkdirSync(wfDir);
		for (const file of files) {
			const wf = JSON.parse(fs.readFileSync(path.join(dirOf[file], file), 'utf8'));
			const t = new Checks(`example ${file}`);
			t.ok(
				wf.id && wf.versionId && wf.active === false,
				'the workflow has an id, a versionId and "active": false',
			);
			all.push(...t.results);
			const { nodeTypes, credTypes } = needs(wf, pkg.name);
			const missingNodes = nodeTypes.filter((nt) => !pkg.nodes.some((n) => n.type === nt));
			const missingCreds = credTypes.filter(
				(ct) => !pkg.credentials.some((c) => c.name === ct) && !allCreds.some((c) => c.type === ct),
			);
			if (missingNodes.length || missingCreds.length) {
				const why = `needs ${[...missingNodes, ...missingCreds].join(', ')}, not in package.json's "n8n" section`;
				all.push({
					scope: `example ${file}`,
					name: 'its nodes and credentials are in the package',
					ok: false,
					detail: why,
				});
				continue;
			}
			fs.copyFileSync(path.join(dirOf[file], file), path.join(wfDir, file));
			runnable.push({ file, wf });
		}
		if (runnable.length) {
			const impWf = await runCli(userFolder, ['import:workflow', '--separate', `--input=${wfDir}`]);
			if (impWf.code !== 0)
				throw new Error(
					`import:workflow failed (${describeExit(impWf)}):\n${impWf.stdout}\n${impWf.stderr}`,
				);
			log(`imported ${runnable.length} workflows in ${impWf.seconds.toFixed(1)} s`);
		}

		// ---- run each example with the CLI ----
		for (const { file, wf } of runnable) {
			const t = new Checks(`example ${file}`);
			const check = EXAMPLE_CHECKS[file];
			if (!check) {
				t.ok(false, 'has checks in scripts/e2e/examples.mjs');
				all.push(...t.results);
				continue;
			}
			if (check.trigger) continue; // a polling trigger runs only when published: trigger-checks.mjs, below
			await sandboxJson(sb, '/__sandbox/reset');
			other.requests.length = 0;
			const initialStore = await sandboxJson(sb, '/__sandbox/store');
			const res = await runCli(userFolder, ['execute', `--id=${wf.id}`, '--rawOutput']);
			const run = parseRun(res.stdout);
			const requests = await sandboxJson(sb, '/__sandbox/requests');
			const store = await sandboxJson(sb, '/__sandbox/store');
			const status = run?.status;
			log(
				`${file}: n8n execute ${describeExit(res)} in ${res.seconds.toFixed(1)} s, run status ${status}, ${requests.length} sandbox requests`,
			);
			if (res.signal || (res.code !== 0 && status === 'success')) {
				crashes.push({
					file,
					exit: describeExit(res),
					status,
					stderrTail: res.stderr.slice(-1500),
				});
			}
			t.ok(
				run,
				'n8n execute printed the run as JSON',
				run ? '' : `${describeExit(res)}\n${res.stdout.slice(-2000)}\n${res.stderr.slice(-2000)}`,
			);
			const err = run?.data?.resultData?.error;
			t.ok(
				status === 'success' && run?.finished === true && !err,
				`the run succeeded (${check.summary})`,
				err ? `${err.message} ${err.description || ''}` : `status ${status}`,
			);
			t.ok(res.code === 0 && !res.signal, 'n8n execute exited with code 0', `${describeExit(res)}`);
			if (run)
				t.run('example checks', () =>
					check.verify(t, { run, requests, store, initialStore, sandbox: sb, otherOrigin: other }),
				);
			if (run) {
				// DESIGN: passwords and tokens never appear in outputs.
				const secrets = [
					...new Set([
						demo.sml.password,
						demo.casabaca.password,
						demo.wolkvox.token,
						demo.wolkvox.externalToken,
						...credentialSecrets,
						...requests
							.map((r) => r.response && r.response.token)
							.filter((x) => typeof x === 'string'),
					]),
				];
				const data = JSON.stringify(run.data?.resultData?.runData ?? {});
				t.ok(
					secrets.every((x) => !data.includes(x)),
					"no password or token in the run's data",
					secrets
						.filter((x) => data.includes(x))
						.map((x) => `${x.slice(0, 4)}...`)
						.join(', '),
				);
			}
			for (const rerun of check.reruns || []) {
				await fetch(`${sb.url}/__sandbox/requests`, { method: 'DELETE' });
				if (rerun.before) await fetch(`${sb.url}${rerun.before}`, { method: 'POST' });
				const again = await runCli(userFolder, ['execute', `--id=${wf.id}`, '--rawOutput']);
				const run2 = parseRun(again.stdout);
				const requests2 = await sandboxJson(sb, '/__sandbox/requests');
				const store2 = await sandboxJson(sb, '/__sandbox/store');
				log(
					`${file} (${rerun.name}): n8n execute ${describeExit(again)} in ${again.seconds.toFixed(1)} s, run status ${run2?.status}`,
				);
				if (again.signal)
					crashes.push({
						file,
						exit: describeExit(again),
						status: run2?.status,
						stderrTail: again.stderr.slice(-1500),
					});
				t.ok(
					run2?.status === 'success' && again.code === 0,
					`run ${rerun.name}: succeeded`,
					`${describeExit(again)} ${JSON.stringify(run2?.data?.resultData?.error?.message ?? '')}`,
				);
				if (run2 && check.verifyRerun)
					t.run('rerun checks', () =>
						check.verifyRerun(t, { run: run2, requests: requests2, store: store2, initialStore }),
					);
			}
			all.push(...t.results);
			if (t.results.some((r) => !r.ok)) {
				fs.writeFileSync(path.join(userFolder, `${file}.stdout.txt`), res.stdout);
				fs.writeFileSync(path.join(userFolder, `${file}.stderr.txt`), res.stderr);
				fs.writeFileSync(
					path.join(userFolder, `${file}.requests.json`),
					JSON.stringify(requests, null, 2),
				);
			}
		}
		for (const file of Object.keys(EXAMPLE_CHECKS)) {
			if (!only && !files.includes(file))
				all.push({
					scope: 'examples',
					name: `${file} exists in examples/`,
					ok: false,
					detail: 'checked in examples.mjs but missing',
				});
		}

		// ---- our nodes as tools of n8n's AI Agent (a loopback OpenAI mock): scripts/e2e/agent-checks.mjs ----
		all.push(
			...(await runAgentChecks({
				Checks,
				userFolder,
				pkg,
				sandbox: sb,
				sandboxJson: (p) => sandboxJson(sb, p),
				secrets: [
					demo.sml.password,
					demo.casabaca.password,
					demo.wolkvox.token,
					demo.wolkvox.externalToken,
					...credentialSecrets,
				],
				only,
				log,
			})),
		);

		// ---- the server: types served to the editor, credential tests, webhooks ----
		log('starting n8n start');
		server = await startServer(userFolder);
		log(`n8n server ready on ${server.url}`);
		const rest = new N8nRest(server.url);
		await rest.ownerLogin();
		const t = new Checks('n8n server');
		const nodesRes = await rest.request('GET', '/types/nodes.json');
		const credsRes = await rest.request('GET', '/types/credentials.json');
		t.ok(
			nodesRes.status === 200 && Array.isArray(nodesRes.json),
			"GET /types/nodes.json (the editor's node list)",
			`HTTP ${nodesRes.status}`,
		);
		t.ok(
			credsRes.status === 200 && Array.isArray(credsRes.json),
			'GET /types/credentials.json',
			`HTTP ${credsRes.status}`,
		);
		if (Array.isArray(nodesRes.json) && Array.isArray(credsRes.json)) {
			const cmp = compareTypes(pkg, nodesRes.json, credsRes.json);
			for (const c of cmp.checks) t.ok(c.ok, c.name, c.detail);
			cmp.notes.forEach((n) => notes.add(n));
			for (const node of pkg.nodes) {
				const served = nodesRes.json.find((n) => n.name === node.type);
				const icon = served?.iconUrl?.light || served?.iconUrl;
				if (typeof icon === 'string') {
					const r = await fetch(`${server.url}/${icon}`, { headers: { cookie: rest.cookie } });
					t.ok(
						r.status === 200 && /svg/.test(r.headers.get('content-type') || ''),
						`node ${node.type}: icon ${icon} is served`,
						`HTTP ${r.status}`,
					);
				}
			}
		}
		for (const c of creds) {
			const stored = await rest.request('GET', `/rest/credentials/${c.id}?includeData=true`);
			const test = await rest.request('POST', '/rest/credentials/test', {
				credentials: { id: c.id, name: c.name, type: c.type, data: stored.json?.data?.data ?? {} },
			});
			t.ok(
				test.json?.data?.status === 'OK',
				`credential ${c.type}: n8n's credential test passes against the sandbox`,
				JSON.stringify(test.json ?? test.text).slice(0, 300),
			);
		}
		all.push(...t.results);
		for (const sc of SERVER_CHECKS) {
			if (!runnable.some((r) => r.file === sc.file)) continue;
			const st = new Checks(`server ${sc.file}`);
			await sandboxJson(sb, '/__sandbox/reset');
			other.requests.length = 0;
			try {
				await sc.run(st, {
					rest,
					server,
					sandbox: sb,
					sandboxJson: (p) => sandboxJson(sb, p),
					otherOrigin: other,
					faultCreds,
				});
			} catch (e) {
				st.ok(false, sc.name, `threw: ${e.stack}`);
			}
			all.push(...st.results);
		}
		all.push(
			...(await runLocatorChecks({
				Checks,
				rest,
				sandbox: sb,
				sandboxJson: (p) => sandboxJson(sb, p),
				pkg,
				log,
			})),
		);
		// ---- our tool variants on n8n's MCP Server Trigger, for any MCP client: scripts/e2e/mcp-checks.mjs ----
		all.push(
			...(await runMcpChecks({
				Checks,
				rest,
				server,
				sandbox: sb,
				sandboxJson: (p) => sandboxJson(sb, p),
				pkg,
				secrets: [
					demo.sml.password,
					demo.casabaca.password,
					demo.wolkvox.token,
					demo.wolkvox.externalToken,
					...credentialSecrets,
				],
				only,
				log,
			})),
		);
		all.push(
			...(await runTriggerChecks({
				Checks,
				rest,
				sandbox: sb,
				secrets: [
					demo.sml.password,
					demo.casabaca.password,
					demo.wolkvox.token,
					demo.wolkvox.externalToken,
					...credentialSecrets,
				],
				only,
				log,
			})),
		);
	} catch (e) {
		all.push({ scope: 'e2e', name: 'the run completed', ok: false, detail: e.stack || e.message });
	} finally {
		if (server) {
			const exit = await server.stop();
			log(
				`n8n server stopped (${exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`})`,
			);
			if (exit.signal === 'SIGSEGV' || exit.code === 139)
				crashes.push({
					file: 'n8n start',
					exit: JSON.stringify(exit),
					stderrTail: server.logs().slice(-1500),
				});
			if (process.env.N8N_E2E_SERVER_LOG)
				fs.writeFileSync(process.env.N8N_E2E_SERVER_LOG, server.logs());
		}
		await sb.close();
		await other.close();
	}

	// ---- npm start: comes up in a throwaway user folder, lists the nodes, credentials and examples, runs one, stops ----
	if (!only && !flag('skip-start')) {
		const t = new Checks('npm start');
		try {
			await checkNpmStart(t, { pkg, log });
		} catch (e) {
			t.ok(false, 'the npm start check completed', e.stack);
		}
		all.push(...t.results);
	}

	// ---- each single-vendor package alone in a fresh n8n: scripts/e2e/vendor-packages.mjs ----
	if (!only && !flag('skip-packages')) all.push(...(await runVendorPackageChecks({ Checks, log })));

	// ---- report ----
	const scopes = [...new Set(all.map((r) => r.scope))];
	all.sort((a, b) => scopes.indexOf(a.scope) - scopes.indexOf(b.scope));
	let scope = '';
	for (const r of all) {
		if (r.scope !== scope) {
			scope = r.scope;
			console.log(`\n${scope}`);
		}
		console.log(
			`  ${r.ok ? '✓' : '✗'} ${r.name}${r.ok || !r.detail ? '' : `\n      ${String(r.detail).split('\n').join('\n      ')}`}`,
		);
	}
	if (notes.size)
		console.log(`\nn8n behaviour noted:\n${[...notes].map((n) => `  - ${n}`).join('\n')}`);
	if (crashes.length) {
		console.log('\nn8n processes that crashed:');
		for (const c of crashes)
			console.log(
				`  - ${c.file}: ${c.exit}, run status ${c.status}\n${c.stderrTail
					.split('\n')
					.map((l) => `      ${l}`)
					.join('\n')}`,
			);
	}
	const failed = all.filter((r) => !r.ok);
	console.log(
		`\n${all.length - failed.length} passed, ${failed.length} failed; n8n ${N8N_VERSION}; ${elapsed()}`,
	);
	if (!flag('keep') && failed.length === 0) fs.rmSync(userFolder, { recursive: true, force: true });
	else console.log(`n8n user folder kept: ${userFolder}`);
	process.exit(failed.length ? 1 : 0);
}

main().catch((e) => {
	console.error(e.stack || e);
	process.exit(1);
});
