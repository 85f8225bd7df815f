// Each single-vendor package (scripts/packages/vendors.mjs, assembled in packages/<name>/ by `npm run build`) alone in
// a fresh n8n user folder, as n8n Cloud would install it: its tarball (npm pack) installed as the only community
// package, then
//  - a workflow of that vendor alone (nodes of scripts/e2e/workflows/operations-tour.json), moved to the package the
//    way the README says (the package prefix of the node types replaced), run with `n8n execute`;
//  - `n8n start`: n8n lists exactly that vendor's node, its AI tool variant and its trigger, and of our credentials
//    only the vendor's, whose test passes;
//  - the vendor's first trigger event (trigger-events.mjs), published: it runs once with the record that appeared.
// Run by scripts/e2e/run.mjs after its other steps, or alone: `node scripts/e2e/vendor-packages.mjs [--skip-build]`.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMBINED, VENDOR_PACKAGES } from '../packages/vendors.mjs';
import { CACHE_DIR, ROOT } from './config.mjs';
import { ensureN8n } from './install-n8n.mjs';
import {
	CREDENTIAL_IDS,
	installCommunityPackage,
	N8nRest,
	parseRun,
	runCli,
	startServer,
} from './n8n.mjs';
import { sh } from './package.mjs';
import { EVENTS } from './trigger-events.mjs';
import {
	executionsOf,
	publish,
	runOf,
	runsAfterAppearing,
	sandboxJson,
	unpublish,
} from './trigger-runs.mjs';

const require = createRequire(import.meta.url);
const HERE = path.dirname(fileURLToPath(import.meta.url));

/** Per vendor: its node and credential names, and the nodes of the operations tour its workflow runs. */
const VENDORS = {
	sml: { node: 'sml', credential: 'smlApi', tour: ['SML create lead', 'SML history'] },
	wolkvox: {
		node: 'wolkvoxCrm',
		credential: 'wolkvoxCrmApi',
		tour: ['wolkvox insert record', 'wolkvox delete record', 'wolkvox token usage'],
	},
	casabaca: {
		node: 'sugarCrmCasabaca',
		credential: 'sugarCrmCasabacaApi',
		tour: ['Casabaca advisors', 'Casabaca landing page'],
	},
};
const OUR_CREDENTIALS = Object.values(VENDORS).map((v) => v.credential);

/** The README's way of moving a workflow to a single-vendor package: replace the package prefix of node types. */
const moveTo = (workflow, name) =>
	JSON.parse(JSON.stringify(workflow).replaceAll(`"${COMBINED}.`, `"${name}.`));

/**
 * A workflow of one vendor alone: the operations tour's nodes named in VENDORS, each after the node it reads with
 * $('...'), else after Start.
 */
function vendorWorkflow(vendor, name) {
	const tour = JSON.parse(
		fs.readFileSync(path.join(HERE, 'workflows', 'operations-tour.json'), 'utf8'),
	);
	const names = VENDORS[vendor].tour;
	const nodes = tour.nodes.filter((n) => n.name === 'Start' || names.includes(n.name));
	const connections = {};
	for (const node of nodes.filter((n) => n.name !== 'Start')) {
		const reads = /\$\('([^']+)'\)/.exec(JSON.stringify(node.parameters))?.[1];
		const after = reads && names.includes(reads) ? reads : 'Start';
		(connections[after] ??= { main: [[]] }).main[0].push({
			node: node.name,
			type: 'main',
			index: 0,
		});
	}
	return moveTo(
		{
			id: `e2eVendorPackage${vendor}`,
			versionId: `e2e-vendor-package-${vendor}`,
			name: `e2e: ${vendor} alone`,
			active: false,
			settings: tour.settings,
			nodes,
			connections,
		},
		name,
	);
}

/** The types of a package, read from its own package.json and built files. */
function typesOf(dir) {
	const pj = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
	const load = (file) => Object.values(require(path.join(dir, file)))[0];
	return {
		nodes: pj.n8n.nodes.map((f) => `${pj.name}.${new (load(f))().description.name}`),
		credentials: pj.n8n.credentials.map((f) => new (load(f))().name),
		version: pj.version,
	};
}

async function checkPackage(t, vp, sb, log) {
	const vendor = VENDORS[vp.vendor];
	const dir = path.join(ROOT, 'packages', vp.name);
	const userFolder = path.join(CACHE_DIR, 'runs', `package-${vp.name}-${Date.now()}`);
	fs.mkdirSync(userFolder, { recursive: true });
	const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-vendor-pack-'));
	const types = typesOf(dir);
	try {
		const tarball = path.join(
			packDir,
			sh('npm', ['pack', '--silent', '--pack-destination', packDir], { cwd: dir })
				.trim()
				.split('\n')
				.pop(),
		);
		installCommunityPackage(userFolder, tarball, vp.name, types.version);
	} finally {
		fs.rmSync(packDir, { recursive: true, force: true });
	}
	const installed = fs.readdirSync(path.join(userFolder, '.n8n', 'nodes', 'node_modules'));
	t.equal(installed, [vp.name], `${vp.name} is the only community package installed`);

	// ---- the vendor's workflow with n8n execute ----
	const [credId, credName] = CREDENTIAL_IDS[vendor.credential];
	const credFile = path.join(userFolder, 'credentials.json');
	const credential = {
		id: credId,
		name: credName,
		type: vendor.credential,
		data: sb.credentials[vendor.credential],
	};
	fs.writeFileSync(credFile, JSON.stringify([credential]));
	const imp = await runCli(userFolder, ['import:credentials', `--input=${credFile}`]);
	t.ok(imp.code === 0, 'n8n imports its credential', imp.stderr.slice(-500));
	const wf = vendorWorkflow(vp.vendor, vp.name);
	const wfFile = path.join(userFolder, 'workflow.json');
	fs.writeFileSync(wfFile, JSON.stringify(wf));
	const impWf = await runCli(userFolder, ['import:workflow', `--input=${wfFile}`]);
	t.ok(
		impWf.code === 0,
		'n8n imports the workflow moved to this package',
		impWf.stderr.slice(-500),
	);
	await sandboxJson(sb, '/__sandbox/reset', 'POST');
	const res = await runCli(userFolder, ['execute', `--id=${wf.id}`, '--rawOutput']);
	const run = parseRun(res.stdout);
	const runData = run?.data?.resultData?.runData ?? {};
	log(`${vp.name}: n8n execute exit ${res.code ?? res.signal}, run status ${run?.status}`);
	t.ok(
		run?.status === 'success' && !run?.data?.resultData?.error,
		`n8n execute runs ${VENDORS[vp.vendor].tour.join(', ')} successfully`,
		run
			? JSON.stringify(run.data?.resultData?.error?.message ?? run.status)
			: `${res.stdout.slice(-1500)}\n${res.stderr.slice(-1500)}`,
	);
	t.equal(
		vendor.tour.filter((n) => !(runData[n]?.[0]?.data?.main?.[0]?.length > 0)),
		[],
		'every node of the workflow gave output items',
	);
	const requests = await sandboxJson(sb, '/__sandbox/requests');
	t.ok(
		requests.length > 0 && requests.every((r) => r.vendor === vp.vendor),
		`the sandbox received requests for ${vp.vendor} only (${requests.length})`,
		JSON.stringify([...new Set(requests.map((r) => r.vendor))]),
	);

	// ---- n8n start: what n8n lists, the credential test, the trigger ----
	const server = await startServer(userFolder);
	try {
		const rest = new N8nRest(server.url);
		await rest.ownerLogin();
		const served = (await rest.request('GET', '/types/nodes.json')).json ?? [];
		const ours = served
			.map((n) => n.name)
			.filter((n) =>
				[COMBINED, ...VENDOR_PACKAGES.map((p) => p.name)].some((p) => n.startsWith(`${p}.`)),
			)
			.sort();
		const main = `${vp.name}.${vendor.node}`;
		t.equal(
			ours,
			[main, `${main}Tool`, `${main}Trigger`].sort(),
			"n8n lists exactly the vendor's node, its AI tool variant and its trigger",
		);
		t.equal(types.nodes.sort(), [main, `${main}Trigger`].sort(), "the package's n8n section");
		const creds = (await rest.request('GET', '/types/credentials.json')).json ?? [];
		t.equal(
			creds.map((c) => c.name).filter((n) => OUR_CREDENTIALS.includes(n)),
			[vendor.credential],
			"of the three credentials, n8n lists only the vendor's",
		);
		const stored = await rest.request('GET', `/rest/credentials/${credId}?includeData=true`);
		const test = await rest.request('POST', '/rest/credentials/test', {
			credentials: {
				id: credId,
				name: credName,
				type: vendor.credential,
				data: stored.json?.data?.data ?? {},
			},
		});
		t.ok(
			test.json?.data?.status === 'OK',
			"n8n's credential test passes",
			JSON.stringify(test.json ?? test.text).slice(0, 300),
		);
		await checkTrigger(t, { rest, sb, vp, log });
	} finally {
		await server.stop();
	}
	if (t.results.every((r) => r.ok)) fs.rmSync(userFolder, { recursive: true, force: true });
	else log(`${vp.name}: n8n user folder kept: ${userFolder}`);
}

/** The vendor's first trigger event, moved to the package, published: one run with the record that appeared. */
async function checkTrigger(t, { rest, sb, vp, log }) {
	const event = EVENTS.find((e) => e.vendor === vp.vendor);
	const wf = moveTo(
		JSON.parse(fs.readFileSync(path.join(HERE, 'triggers', event.file), 'utf8')),
		vp.name,
	);
	await sandboxJson(sb, '/__sandbox/reset', 'POST');
	const initial = await sandboxJson(sb, '/__sandbox/store');
	const created = await rest.request('POST', '/rest/workflows', {
		name: wf.name,
		nodes: wf.nodes,
		connections: wf.connections,
		settings: wf.settings,
	});
	const id = created.json?.data?.id;
	if (!t.ok(id, `${event.file}: created`, created.text.slice(0, 300))) return;
	try {
		await publish(rest, sb, id, event.polled);
		t.equal(await executionsOf(rest, id), [], `${event.file}: the activation poll emitted nothing`);
		const made = await event.appear(sb, initial);
		log(`${vp.name}: ${event.file} published, a record made to appear; waiting for its run`);
		const runs = await runsAfterAppearing(rest, sb, id, event.polled);
		t.equal(
			runs.map((x) => [x.mode, x.status]),
			[['trigger', 'success']],
			`${event.file}: the workflow ran exactly once, successfully`,
		);
		const run = runs[0] && (await runOf(rest, runs[0].id));
		const items = (
			run?.data?.resultData?.runData?.[wf.nodes[0].name]?.[0]?.data?.main?.[0] || []
		).map((i) => i.json);
		t.equal(
			event.actual(items),
			event.expected(made),
			`${event.file}: the trigger emitted the record that appeared`,
		);
	} finally {
		await unpublish(t, rest, id, event.file);
	}
}

/**
 * Runs the checks of every single-vendor package; returns the results (scripts/e2e/run.mjs's Checks).
 * @param {{ Checks: any, log: (msg: string) => void }} opts
 */
export async function runVendorPackageChecks({ Checks, log }) {
	const { startSandbox } = require('../../sandbox/index.js');
	const sb = await startSandbox({ port: 0, quiet: true });
	const results = [];
	try {
		for (const vp of VENDOR_PACKAGES) {
			const t = new Checks(`package ${vp.name}, alone in n8n`);
			try {
				await checkPackage(t, vp, sb, log);
			} catch (e) {
				t.ok(false, 'the check completed', e.stack || e.message);
			}
			results.push(...t.results);
		}
	} finally {
		await sb.close();
	}
	return results;
}

/** Alone: build unless --skip-build, run the checks, print them, exit 1 on a failure. */
async function main() {
	const started = Date.now();
	const log = (msg) =>
		console.log(`[vendor packages ${((Date.now() - started) / 1000).toFixed(0)} s] ${msg}`);
	ensureN8n();
	if (!process.argv.includes('--skip-build')) sh('npm', ['run', 'build', '--silent']);
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
			return this.ok(a === e, name, a === e ? '' : `expected ${e}, got ${a}`);
		}
	}
	const results = await runVendorPackageChecks({ Checks, log });
	for (const r of results)
		console.log(`${r.ok ? '✓' : '✗'} ${r.scope}: ${r.name}${r.ok ? '' : `\n    ${r.detail}`}`);
	const failed = results.filter((r) => !r.ok).length;
	console.log(`${results.length - failed} passed, ${failed} failed`);
	process.exit(failed ? 1 : 0);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
