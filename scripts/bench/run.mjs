#!/usr/bin/env node
// npm run bench — issue 10's benchmark: our nodes against n8n's HTTP Request node and raw HTTP, in the real pinned
// n8n (the e2e's install: .cache/n8n-e2e), against a loopback mock vendor with a set latency (mock.mjs).
//  1. installs n8n if needed, packs the package (this checkout, built first; or --package-dir=<checkout>) and
//     installs it as a community package in a throwaway user folder under .cache/bench/runs/;
//  2. starts the mock, imports generated workflows and credentials (one fresh credential per measured node, so each
//     logs in as a first run would);
//  3. runs each workflow with `n8n execute --id`, reads each measured node's executionTime from the printed run (n8n
//     start-up excluded), and what the mock counted for it (requests, max in flight, logins);
//  4. prints one table (absolute times and ratios to the HTTP Request node of the same run, with issue 10's goal per
//     line) and writes it as JSON to .cache/bench/last.json.
// A benchmark, not a test: nothing is asserted on time. It exits 1 only when something broke (a run failed, outputs
// missing or not what was asked for).
// Options:
//   --small                 200 creates, 200 creates-or-updates, 5,000 leads, 1,000 wolkvox records, latencies 0 and
//                           20 ms (.ci/run's proof)
//   --only=create,upsert,getAll,wolkvox   some cases only (upsert: SML Lead > Create or Update, half the items
//                           matching an existing lead)
//   --latency=0,50          mock latencies in ms (create and getAll run at each; wolkvox at the highest)
//   --creates=N --upserts=N --leads=N --records=N   other sizes
//   --wolkvox-batch=N       Insert Many batch size (default 50, the node's own default Batch Size)
//   --package-dir=<dir>     pack another checkout (already built: npm install && npm run build there)
//   --label=<text>          what to call the package in the table's header and the JSON (e.g. a commit)
//   --separate              every measured node in its own `n8n execute` (default: one per latency, Return All
//                           over more than 20,000 leads alone)
//   --skip-build            this checkout: reuse dist/
//   --json=<file>           where to write the JSON (default .cache/bench/last.json)
//   --keep                  keep the n8n user folder
//   --print=<file>          print the table of a JSON the bench wrote, and nothing else
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { N8N_VERSION, ROOT } from '../e2e/config.mjs';
import { ensureN8n } from '../e2e/install-n8n.mjs';
import { installCommunityPackage, nodeOutput, nodeRun, runCli } from '../e2e/n8n.mjs';
import { buildPackAndInstall, sh } from '../e2e/package.mjs';
import { executeWorkflow, rssGrowthMb } from './execute.mjs';
import {
	SML_LEAD_PATH,
	STATIC_SML_TOKEN,
	WOLKVOX_INSERT_MANY_PATH,
	WOLKVOX_TOKEN,
	startMock,
} from './mock.mjs';
import { rawGetAll, rawLookupThenWrite, rawRun } from './raw.mjs';
import { ISSUE_SIZES, judge, printReport } from './report.mjs';
import { itemEmail } from './mock-upsert.mjs';
import * as wf from './workflows.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name) => {
	const a = args.find((x) => x.startsWith(`--${name}=`));
	return a === undefined ? undefined : a.slice(name.length + 3);
};
const CASES = ['create', 'upsert', 'getAll', 'wolkvox'];
const small = flag('small');
const sizes = {
	creates: Number(option('creates') ?? (small ? 200 : ISSUE_SIZES.creates)),
	upserts: Number(option('upserts') ?? (small ? 200 : ISSUE_SIZES.upserts)),
	leads: Number(option('leads') ?? (small ? 5000 : ISSUE_SIZES.leads)),
	wolkvox: Number(option('records') ?? (small ? 1000 : ISSUE_SIZES.wolkvox)),
};
const latencies = (option('latency') ?? (small ? '0,20' : '0,50')).split(',').map(Number);
const only = (option('only') ?? CASES.join(',')).split(',');
const wolkvoxBatch = Number(option('wolkvox-batch') ?? 50);
const packageDir = path.resolve(option('package-dir') ?? ROOT);
const jsonFile = path.resolve(option('json') ?? path.join(ROOT, '.cache', 'bench', 'last.json'));
const RAW_IN_FLIGHT = 10;
const WOLKVOX_RAW_IN_FLIGHT = 2;

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const log = (msg) => console.log(`[bench ${elapsed()}] ${msg}`);

function checkOptions() {
	const bad = only.filter((c) => !CASES.includes(c));
	if (bad.length)
		throw new Error(`--only: unknown case ${bad.join(', ')} (cases: ${CASES.join(', ')})`);
	if (!latencies.length || latencies.some((l) => !Number.isInteger(l) || l < 0))
		throw new Error('--latency: a comma-separated list of whole milliseconds');
	for (const [k, v] of Object.entries({ ...sizes, wolkvoxBatch }))
		if (!Number.isInteger(v) || v < 1) throw new Error(`${k}: a whole number of at least 1`);
	if (!fs.existsSync(path.join(packageDir, 'package.json')))
		throw new Error(`--package-dir: no package.json in ${packageDir}`);
}

/** What the package is: its version, and the git commit it was built from when it is a checkout. */
function describePackage() {
	const pj = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
	let commit = null;
	let dirty = null;
	try {
		commit = execFileSync('git', ['-C', packageDir, 'rev-parse', '--short', 'HEAD'], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
		}).trim();
		// Read-only (no optional locks: git status would otherwise refresh the index): the lead may be mid-change; the
		// table says whether the tree had uncommitted changes.
		dirty =
			execFileSync(
				'git',
				[
					'--no-optional-locks',
					'-C',
					packageDir,
					'status',
					'--porcelain',
					'--',
					'nodes',
					'credentials',
				],
				{ encoding: 'utf8' },
			).trim() !== '';
	} catch {
		/* not a checkout (e.g. a git archive) */
	}
	return {
		name: pj.name,
		version: pj.version,
		dir: packageDir,
		label:
			option('label') ??
			(commit ? `${commit}${dirty ? ' + uncommitted changes' : ''}` : packageDir),
		commit,
		dirty,
	};
}

/** Packs `packageDir` and installs it in the user folder as n8n's own installer would (the e2e's recipe). */
function packAndInstall(userFolder, pkg) {
	if (packageDir === ROOT) {
		buildPackAndInstall(userFolder, { skipBuild: flag('skip-build'), log });
		return;
	}
	if (!fs.existsSync(path.join(packageDir, 'dist')))
		throw new Error(`${packageDir} has no dist/: run npm install && npm run build there first`);
	const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-bench-pack-'));
	try {
		const tarball = sh('npm', ['pack', '--silent', '--pack-destination', packDir], {
			cwd: packageDir,
		})
			.trim()
			.split('\n')
			.pop();
		installCommunityPackage(userFolder, path.join(packDir, tarball), pkg.name, pkg.version);
	} finally {
		fs.rmSync(packDir, { recursive: true, force: true });
	}
}

/** The Options > Concurrency default an SML Lead operation declares (issue 10), or undefined while it has none. */
function declaredConcurrency(operation = 'create') {
	try {
		const req = createRequire(path.join(packageDir, 'package.json'));
		const mod = req(path.join(packageDir, 'dist', 'nodes', 'Sml', 'Sml.node.js'));
		const Node = Object.values(mod).find((v) => typeof v === 'function');
		const props = new Node().description.properties;
		const shows = (p, key, value) =>
			!p.displayOptions?.show?.[key] || p.displayOptions.show[key].includes(value);
		const holder = props.find(
			(p) =>
				p.options?.some?.((o) => o.name === 'concurrency') &&
				shows(p, 'resource', 'lead') &&
				shows(p, 'operation', operation),
		);
		const prop = holder
			? holder.options.find((o) => o.name === 'concurrency')
			: props.find(
					(p) =>
						p.name === 'concurrency' &&
						shows(p, 'resource', 'lead') &&
						shows(p, 'operation', operation),
				);
		return typeof prop?.default === 'number' ? prop.default : undefined;
	} catch {
		return undefined;
	}
}

/**
 * @typedef {object} Member one line of the table
 * @property {string} case
 * @property {string} work
 * @property {number} latencyMs
 * @property {string} runner
 * @property {number} items
 * @property {string} tag its base URL at the mock
 * @property {string} nodeName
 * @property {string} [credential]
 * @property {string} [credentialId]
 */
/** @typedef {{ kind: 'n8n', id: string, name: string, members: Member[], warmups: Member[] }} N8nStep */
/** @typedef {{ kind: 'raw', member: Member, run: () => Promise<{ seconds: number, failures?: number }> }} RawStep */
/** @typedef {N8nStep | RawStep} Step */

/**
 * What to run, in order: steps { kind: 'n8n', id, name, members } (one `n8n execute` of a workflow holding the
 * members' nodes) or { kind: 'raw', member, run }. A member is one line of the table:
 * { case, work, latencyMs, runner, items, tag (its base URL at the mock), nodeName, credential, credentialId }.
 * Grouping: the per-item nodes of one latency share a process (n8n runs one node at a time, and every `n8n execute`
 * costs about 10 s of start-up on these machines: `--small` has to stay well under 2 minutes). Return All over many
 * leads gets a process per node: the process's memory high-water mark is then the node's, and n8n prints the whole
 * run as one JSON text (about 3 KB a lead), which for several 100,000-lead nodes would pass V8's 512 MB string limit.
 * `--separate`: every node in its own process.
 */
function plan(mock) {
	/** @type {Step[]} */
	const steps = [];
	const separate = flag('separate');
	const getAllAlone = separate || sizes.leads > 20_000;
	/** @type {(fields: Omit<Member, 'nodeName'>) => Member} */
	const member = (fields) => ({
		...fields,
		nodeName: `${fields.runner}: ${fields.case}, ${fields.latencyMs} ms`,
	});
	const smlAuth = { authorization: `Token ${STATIC_SML_TOKEN}` };
	/** @type {(id: string, members: Member[]) => N8nStep} */
	const n8nStep = (id, members) => ({
		kind: 'n8n',
		id,
		name: `bench: ${members.map((m) => m.nodeName).join('; ')}`,
		members,
		warmups: wf.warmupsFor(members),
	});
	if (only.includes('getAll') && getAllAlone) {
		steps.push(
			n8nStep('benchTrivial', [
				member({
					case: 'baseline',
					work: 'memory baseline',
					latencyMs: 0,
					runner: 'trivial workflow',
					items: 1,
					tag: 'baseline',
				}),
			]),
		);
	}
	for (const l of latencies) {
		/** @type {Member[]} */
		const shared = [];
		/** @type {Member[]} */
		const alone = [];
		/** @type {RawStep[]} */
		const raws = [];
		if (only.includes('create')) {
			const n = sizes.creates;
			const work = `${n} SML Lead > Create`;
			shared.push(
				member({
					case: 'create',
					work,
					latencyMs: l,
					runner: 'SML node',
					items: n,
					tag: `createSml${l}`,
					credential: 'smlApi',
					credentialId: `benchCreateSml${l}`,
				}),
			);
			shared.push(
				member({
					case: 'create',
					work,
					latencyMs: l,
					runner: 'HTTP Request node',
					items: n,
					tag: `createHttp${l}`,
				}),
			);
			const raw = member({
				case: 'create',
				work,
				latencyMs: l,
				runner: `raw HTTP (${RAW_IN_FLIGHT} in flight)`,
				items: n,
				tag: `createRaw${l}`,
			});
			raws.push({
				kind: 'raw',
				member: raw,
				run: () =>
					rawRun(n, RAW_IN_FLIGHT, () => ({
						url: `${mock.base(raw.tag)}${SML_LEAD_PATH}`,
						method: 'POST',
						headers: smlAuth,
						body: wf.AVERAGE_LEAD_BODY,
					})),
			});
		}
		if (only.includes('upsert')) {
			const n = sizes.upserts;
			const work = `${n} SML Lead > Create or Update (${Math.ceil(n / 2)} match a lead)`;
			shared.push(
				member({
					case: 'upsert',
					work,
					latencyMs: l,
					runner: 'SML node',
					items: n,
					tag: `upsertSml${l}`,
					credential: 'smlApi',
					credentialId: `benchUpsertSml${l}`,
				}),
			);
			shared.push(
				member({
					case: 'upsert',
					work,
					latencyMs: l,
					runner: 'HTTP Request node (GET, then POST or PATCH)',
					items: n,
					tag: `upsertHttp${l}`,
				}),
			);
			const raw = member({
				case: 'upsert',
				work,
				latencyMs: l,
				runner: `raw HTTP (${RAW_IN_FLIGHT} in flight: GET, then POST or PATCH)`,
				items: n,
				tag: `upsertRaw${l}`,
			});
			const url = `${mock.base(raw.tag)}${SML_LEAD_PATH}`;
			const body = (i) => ({
				...wf.AVERAGE_LEAD_BODY,
				client: { ...wf.AVERAGE_LEAD_BODY.client, email: itemEmail(i) },
			});
			raws.push({
				kind: 'raw',
				member: raw,
				run: () =>
					rawLookupThenWrite(
						n,
						RAW_IN_FLIGHT,
						(i) => ({
							url: `${url}?client__email__icontains=${encodeURIComponent(itemEmail(i))}`,
							headers: smlAuth,
						}),
						(i, page) => {
							const found = page.results.find(
								(x) => String(x.client?.email ?? '').toLowerCase() === itemEmail(i),
							);
							return found
								? { url: `${url}${found.id}/`, method: 'PATCH', headers: smlAuth, body: body(i) }
								: { url, method: 'POST', headers: smlAuth, body: body(i) };
						},
					),
			});
		}
		if (only.includes('getAll')) {
			const n = sizes.leads;
			const work = `SML Lead > Get Many, Return All, ${n.toLocaleString('en')} leads`;
			const members = [
				member({
					case: 'getAll',
					work,
					latencyMs: l,
					runner: 'SML node',
					items: n,
					tag: `getAllSml${l}`,
					credential: 'smlApi',
					credentialId: `benchGetAllSml${l}`,
				}),
				member({
					case: 'getAll',
					work,
					latencyMs: l,
					runner: 'HTTP Request node (page_size=all)',
					items: n,
					tag: `getAllHttp${l}`,
				}),
			];
			(getAllAlone ? alone : shared).push(...members);
			const raw = member({
				case: 'getAll',
				work,
				latencyMs: l,
				runner: 'raw HTTP (page_size=all)',
				items: n,
				tag: `getAllRaw${l}`,
			});
			raws.push({
				kind: 'raw',
				member: raw,
				run: () => rawGetAll(`${mock.base(raw.tag)}${SML_LEAD_PATH}?page_size=all`, smlAuth),
			});
		}
		if (only.includes('wolkvox') && l === Math.max(...latencies)) {
			const n = sizes.wolkvox;
			const work = `${n.toLocaleString('en')} wolkvox Record > Insert Many (batch ${wolkvoxBatch})`;
			shared.push(
				member({
					case: 'wolkvox',
					work,
					latencyMs: l,
					runner: 'wolkvox CRM node',
					items: n,
					tag: `wolkvoxNode${l}`,
					credential: 'wolkvoxCrmApi',
					credentialId: `benchWolkvox${l}`,
				}),
			);
			const raw = member({
				case: 'wolkvox',
				work,
				latencyMs: l,
				runner: `raw HTTP (${WOLKVOX_RAW_IN_FLIGHT} in flight)`,
				items: n,
				tag: `wolkvoxRaw${l}`,
			});
			const batches = Math.ceil(n / wolkvoxBatch);
			const record = (i) => ({ namecontact: `Contact ${i}`, idcontact: `ID-${i}` });
			raws.push({
				kind: 'raw',
				member: raw,
				run: () =>
					rawRun(batches, WOLKVOX_RAW_IN_FLIGHT, (b) => ({
						url: `${mock.base(raw.tag)}${WOLKVOX_INSERT_MANY_PATH}`,
						method: 'POST',
						headers: { 'wolkvox-token': WOLKVOX_TOKEN },
						body: {
							operation: wf.WOLKVOX_OPERATION,
							module: 'contacts',
							fields: Array.from({ length: Math.min(wolkvoxBatch, n - b * wolkvoxBatch) }, (_, k) =>
								record(b * wolkvoxBatch + k),
							),
						},
					})),
			});
		}
		if (separate) alone.unshift(...shared.splice(0));
		if (shared.length) steps.push(n8nStep(`benchL${l}`, shared));
		for (const m of alone)
			steps.push(n8nStep(`bench${m.tag[0].toUpperCase()}${m.tag.slice(1)}`, [m]));
		steps.push(...raws);
	}
	return steps;
}

/** Whether the measured node's output is what was asked for: '' when it is, else what is wrong. */
function outputProblem(r, out) {
	if (!Array.isArray(out)) return 'no output for the measured node';
	const errors = out.filter((j) => j && j.error !== undefined).length;
	if (errors)
		return `${errors} items failed, e.g. ${JSON.stringify(out.find((j) => j.error !== undefined)).slice(0, 300)}`;
	if (r.case === 'create' && (out.length !== r.items || !out.every((j) => j.id !== undefined)))
		return `${out.length} outputs for ${r.items} creates, or some without an id`;
	if (r.case === 'upsert') {
		if (out.length !== r.items || !out.every((j) => j.id !== undefined))
			return `${out.length} outputs for ${r.items} items, or some without an id`;
		// Ours says what it did: the even-numbered items match an existing lead (mock-upsert.mjs).
		const matching = Math.ceil(r.items / 2);
		const created = out.filter((j) => j.action === 'created').length;
		const updated = out.filter((j) => j.action === 'updated' || j.action === 'unchanged').length;
		if (r.runner === 'SML node' && (created !== r.items - matching || updated !== matching))
			return `${created} created and ${updated} updated, where ${r.items - matching} and ${matching} were expected`;
	}
	if (r.case === 'getAll') {
		// The HTTP Request node gives the DRF page as one item; our node gives one item per lead.
		const records =
			out.length === 1 && Array.isArray(out[0].results) ? out[0].results.length : out.length;
		if (records !== r.items) return `${records} leads read of ${r.items}`;
		const ids =
			out.length === 1 && Array.isArray(out[0].results)
				? out[0].results.map((x) => x.id)
				: out.map((x) => x.id);
		if (new Set(ids).size !== r.items) return 'leads repeated or without id';
	}
	if (
		r.case === 'wolkvox' &&
		(out.length !== r.items || !out.every((j) => typeof j.wolkvox_id === 'string'))
	)
		return `${out.length} outputs for ${r.items} records, or some without a wolkvox_id`;
	if (r.case === 'baseline' && out.length !== 1)
		return 'the trivial workflow did not output its item';
	return '';
}

const describeExit = (res) => (res.signal ? `signal ${res.signal}` : `exit code ${res.code}`);

async function main() {
	if (option('print')) {
		// Only the table again, from a JSON the bench wrote (ratios and goals judged anew).
		const report = JSON.parse(fs.readFileSync(path.resolve(option('print')), 'utf8'));
		judge(report);
		printReport(report);
		return;
	}
	checkOptions();
	// Other work on the machine moves the times: the load average at both ends is printed with the table.
	const loadAtStart = os.loadavg()[0];
	const pkg = describePackage();
	log(
		`n8n ${N8N_VERSION}, Node ${process.version}; package ${pkg.name}@${pkg.version} (${pkg.label})`,
	);
	log(
		`sizes: ${sizes.creates} creates, ${sizes.upserts} creates-or-updates, ${sizes.leads} leads, ${sizes.wolkvox} wolkvox records; latencies ${latencies.join(', ')} ms; cases ${only.join(', ')}`,
	);
	ensureN8n();
	const runsDir = path.join(ROOT, '.cache', 'bench', 'runs');
	fs.mkdirSync(runsDir, { recursive: true });
	const userFolder = fs.mkdtempSync(path.join(runsDir, 'run-'));
	packAndInstall(userFolder, pkg);
	const concurrency = declaredConcurrency();
	const upsertConcurrency = declaredConcurrency('createOrUpdate');
	log(
		`installed in ${path.relative(ROOT, userFolder)}; SML Lead > Create declares ${concurrency === undefined ? 'no Options > Concurrency' : `Options > Concurrency default ${concurrency}`}`,
	);

	const mock = await startMock({
		leads: only.includes('getAll') ? sizes.leads : 0,
		upserts: only.includes('upsert') ? sizes.upserts : 0,
	});
	const rows = [];
	const notes = [];
	let broken = 0;
	try {
		const steps = plan(mock);
		const n8nSteps = steps.filter((st) => st.kind === 'n8n');
		const credentialFile = path.join(userFolder, 'bench-credentials.json');
		fs.writeFileSync(
			credentialFile,
			JSON.stringify(
				wf.benchCredentials(
					n8nSteps.flatMap((st) => [...st.warmups, ...st.members]),
					mock,
				),
				null,
				2,
			),
		);
		const workflowDir = path.join(userFolder, 'bench-workflows');
		fs.mkdirSync(workflowDir);
		for (const st of n8nSteps)
			fs.writeFileSync(
				path.join(workflowDir, `${st.id}.json`),
				JSON.stringify(
					wf.groupWorkflow(st.id, st.name, [...st.warmups, ...st.members], mock, { wolkvoxBatch }),
					null,
					2,
				),
			);
		for (const [what, cliArgs] of [
			['credentials', ['import:credentials', `--input=${credentialFile}`]],
			['workflows', ['import:workflow', '--separate', `--input=${workflowDir}`]],
		]) {
			const imp = await runCli(userFolder, cliArgs);
			if (imp.code !== 0)
				throw new Error(
					`n8n import of the ${what} failed (${describeExit(imp)}):\n${imp.stdout.slice(-2000)}\n${imp.stderr.slice(-2000)}`,
				);
			log(`imported the ${what} in ${imp.seconds.toFixed(1)} s`);
		}

		let baselineHwmKb = null;
		// Key-order-free JSON, to compare the bodies two runners sent.
		const canonical = (v) =>
			Array.isArray(v)
				? `[${v.map(canonical).join(',')}]`
				: v && typeof v === 'object'
					? `{${Object.keys(v)
							.sort()
							.map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
							.join(',')}}`
					: JSON.stringify(v);
		const createBodies = new Map();
		const finishRow = (m, row) => {
			const stats = mock.stats(m.tag);
			Object.assign(row, {
				requests: stats.requests,
				maxInFlight: stats.maxInFlight,
				logins: m.credential === 'smlApi' ? stats.logins : null,
				refused: stats.refused,
			});
			if (stats.inFlight)
				notes.push(
					`${m.work} @ ${m.latencyMs} ms, ${m.runner}: ${stats.inFlight} requests still in flight at the mock when the run ended`,
				);
			if ((m.case === 'create' || m.case === 'upsert') && stats.firstBody)
				createBodies.set(
					`${m.case} ${m.latencyMs} ${m.runner.startsWith('HTTP Request') ? 'HTTP' : m.runner}`,
					// Which item's POST came first differs between runners: its e-mail is left out.
					canonical(
						m.case === 'upsert'
							? { ...stats.firstBody, client: { ...stats.firstBody.client, email: '<item>' } }
							: stats.firstBody,
					),
				);
			if (stats.refused)
				notes.push(
					`${m.work} @ ${m.latencyMs} ms, ${m.runner}: the mock refused ${stats.refused} requests for their token`,
				);
			row.itemsPerSecond = row.nodeSeconds ? m.items / row.nodeSeconds : null;
			row.failed = Boolean(row.problem);
			if (row.failed) broken++;
			log(
				`${m.work} @ ${m.latencyMs} ms, ${m.runner}: ${row.failed ? `FAILED: ${row.problem.split('\n')[0]}` : `${row.nodeSeconds.toFixed(2)} s`}` +
					`, ${stats.requests} requests, max ${stats.maxInFlight} in flight${row.logins !== null ? `, ${row.logins} logins` : ''}`,
			);
			if (row.failed && row.problem.includes('\n'))
				console.log(
					row.problem
						.split('\n')
						.map((l) => `    ${l}`)
						.join('\n'),
				);
			if (m.case !== 'baseline') rows.push(row);
		};
		const newRow = (m) => ({
			case: m.case,
			work: m.work,
			latencyMs: m.latencyMs,
			runner: m.runner,
			items: m.items,
			nodeSeconds: null,
			executeSeconds: null,
			requests: null,
			maxInFlight: null,
			logins: null,
			memInNodeMb: null,
			hwmGrowthMb: null,
			failed: false,
			problem: '',
		});
		for (const st of steps) {
			if (st.kind === 'raw') {
				const m = st.member;
				mock.setLatency(m.tag, m.latencyMs);
				const row = newRow(m);
				try {
					const res = await st.run();
					row.nodeSeconds = res.seconds;
					if (res.failures) row.problem = `${res.failures} requests failed`;
				} catch (e) {
					row.problem = `raw HTTP failed: ${e.message}`;
				}
				finishRow(m, row);
				continue;
			}
			for (const m of st.members) mock.setLatency(m.tag, m.latencyMs);
			const res = await executeWorkflow(userFolder, st.id, { keepOutput: flag('keep') });
			const runError = res.run?.data?.resultData?.error;
			log(
				`n8n execute ${st.id}: ${describeExit(res)} in ${res.seconds.toFixed(1)} s, run status ${res.run?.status}, ${(res.outputBytes / 1e6).toFixed(1)} MB printed, VmHWM ${(res.hwmKb / 1024).toFixed(0)} MB`,
			);
			if (res.run && (res.signal || res.code !== 0))
				notes.push(
					`n8n execute ${st.id} ended with ${describeExit(res)} after printing a run with status ${res.run.status}`,
				);
			for (const m of st.members) {
				const row = newRow(m);
				row.executeSeconds = res.seconds;
				row.outputMb = res.outputBytes / 1e6;
				const node = nodeRun(res.run, m.nodeName);
				if (!res.run)
					row.problem = `n8n execute printed no run (${describeExit(res)}):\n${res.stdoutTail}\n${res.stderrTail}`;
				else if (res.run.status !== 'success' || runError)
					row.problem = `the run did not succeed (status ${res.run.status}): ${runError?.message ?? ''} ${runError?.description ?? ''}`;
				else if (!node) row.problem = 'the measured node did not run';
				else row.problem = outputProblem(m, nodeOutput(res.run, m.nodeName));
				// A member measured as two nodes (the HTTP Request node's lookup, then its write): both nodes' times.
				const lookup = wf.lookupName(m) ? nodeRun(res.run, wf.lookupName(m)) : null;
				if (wf.lookupName(m) && !lookup && !row.problem)
					row.problem = 'the lookup node did not run';
				if (node) {
					const first = lookup ?? node;
					row.nodeSeconds = (node.executionTime + (lookup?.executionTime ?? 0)) / 1000;
					row.startTime = first.startTime;
					row.memInNodeMb = rssGrowthMb(
						res.samples,
						first.startTime,
						node.startTime + node.executionTime,
					);
				}
				if (m.case === 'baseline') baselineHwmKb = res.hwmKb;
				else if (baselineHwmKb !== null && st.members.length === 1)
					row.hwmGrowthMb = (res.hwmKb - baselineHwmKb) / 1024;
				finishRow(m, row);
			}
		}
		for (const c of ['create', 'upsert'])
			for (const l of latencies) {
				const ours = createBodies.get(`${c} ${l} SML node`);
				const http = createBodies.get(`${c} ${l} HTTP`);
				if (ours && http && ours !== http)
					notes.push(
						`${c} @ ${l} ms: the SML node and the HTTP Request node did not send the same body in their first POST:\n    ${ours}\n    ${http}`,
					);
			}
	} finally {
		await mock.close();
	}

	const report = {
		n8nVersion: N8N_VERSION,
		node: process.version,
		cpus: os.cpus().length,
		loadAverage: { start: loadAtStart, end: os.loadavg()[0] },
		date: new Date().toISOString(),
		package: pkg,
		concurrencyDefault: concurrency ?? null,
		upsertConcurrencyDefault: upsertConcurrency ?? null,
		options: { small, sizes, latencies, only, wolkvoxBatch },
		rows,
		notes,
		seconds: (Date.now() - started) / 1000,
	};
	judge(report);
	printReport(report);
	fs.mkdirSync(path.dirname(jsonFile), { recursive: true });
	fs.writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
	console.log(
		`\n${rows.length} lines, ${broken} broken; written to ${path.relative(process.cwd(), jsonFile) || jsonFile}; ${elapsed()}`,
	);
	if (!flag('keep') && !broken) fs.rmSync(userFolder, { recursive: true, force: true });
	else console.log(`n8n user folder kept: ${userFolder}`);
	process.exit(broken ? 1 : 0);
}

main().catch((e) => {
	console.error(`[bench ${elapsed()}] ${e.stack || e.message}`);
	process.exit(1);
});
