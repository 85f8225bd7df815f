// The e2e's check of `npm start` (scripts/start.mjs), run as a developer runs it: `npm start -- --fresh` in a
// throwaway user folder (any free ports, so a developer's own npm start and .cache/start are left alone). It checks
// what the banner promises (the editor answers, the printed login works, the nodes and credentials are listed, the
// examples are there with their credentials, one example runs through the REST API as the editor's Execute button
// runs it), then stops it as Ctrl-C does and checks that no process is left; twice, the second start on the same
// folder (work survives a restart, nothing imported twice).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './config.mjs';
import { CREDENTIAL_IDS, N8nRest } from './n8n.mjs';

// The example run through the REST API: the one started by a manual trigger only, so it needs no webhook call.
const RUN_EXAMPLE = 'wolkvox-case-to-casabaca-prospect.json';

/** pid -> { ppid, cmd } of every process. */
function processTable() {
	const out = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' });
	return new Map(
		out
			.trim()
			.split('\n')
			.map((l) => l.trim().match(/^(\d+)\s+(\d+)\s+(.*)$/))
			.filter(Boolean)
			.map(([, pid, ppid, cmd]) => [Number(pid), { ppid: Number(ppid), cmd }]),
	);
}

/** The processes under pid (its children, theirs...), as [pid, cmd]. */
function descendants(pid) {
	const table = processTable();
	const found = [];
	const walk = (p) => {
		for (const [child, { ppid, cmd }] of table) {
			if (ppid !== p) continue;
			found.push([child, cmd]);
			walk(child);
		}
	};
	walk(pid);
	return found;
}

/** Processes whose command line or environment names the folder (n8n has N8N_USER_FOLDER, tsc its --outDir). */
function processesNaming(folder) {
	const hits = [];
	for (const [pid, { cmd }] of processTable()) {
		if (pid === process.pid) continue;
		let env = '';
		try {
			env = fs.readFileSync(`/proc/${pid}/environ`, 'latin1');
		} catch {
			/* gone, or not ours to read */
		}
		if (cmd.includes(folder) || env.includes(`=${folder}`))
			hits.push(`${pid} ${cmd.slice(0, 150)}`);
	}
	return hits;
}

/** `npm start -- ...args` in its own process group, as a terminal runs a command; resolves once the banner is printed. */
function npmStart(args, timeoutMs = 300000) {
	const child = spawn('npm', ['start', '--', ...args], {
		cwd: ROOT,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let out = '';
	child.stdout.on('data', (d) => (out += d));
	child.stderr.on('data', (d) => (out += d));
	const started = Date.now();
	return new Promise((resolve) => {
		const timer = setInterval(() => {
			const editor = /^\s*Editor\s+(http:\/\/\S+)/m.exec(out);
			const login = /^\s*Log in\s+(\S+) \/ (\S+)/m.exec(out);
			const sandbox = /^\s*Sandbox\s+(http:\/\/\S+)/m.exec(out);
			const exited = child.exitCode !== null || child.signalCode !== null;
			if (
				(editor && login && sandbox && /Ctrl-C stops/.test(out)) ||
				exited ||
				Date.now() - started > timeoutMs
			) {
				clearInterval(timer);
				resolve({
					child,
					output: () => out,
					seconds: (Date.now() - started) / 1000,
					editor: editor?.[1],
					sandbox: sandbox?.[1],
					owner: login && { email: login[1], password: login[2] },
				});
			}
		}, 200);
	});
}

/** Ctrl-C: SIGINT to the whole foreground process group (npm, its shell, node scripts/start.mjs); then waits until
 * npm and every process of tree (what ran under it) are gone, or the timeout. */
async function ctrlC(child, tree, timeoutMs = 60000) {
	try {
		process.kill(-child.pid, 'SIGINT');
	} catch {
		/* already gone */
	}
	const alive = () => {
		const table = processTable();
		return tree.some(([pid, cmd]) => table.get(pid)?.cmd === cmd);
	};
	const deadline = Date.now() + timeoutMs;
	while ((child.exitCode === null && child.signalCode === null) || alive()) {
		if (Date.now() > deadline) return false;
		await new Promise((r) => setTimeout(r, 200));
	}
	return true;
}

async function checkOneStart(t, { pkg, userFolder, examples, fresh, log }) {
	const which = fresh ? 'first start (--fresh)' : 'second start (same folder)';
	const run = await npmStart([
		...(fresh ? ['--fresh'] : []),
		`--user-folder=${userFolder}`,
		'--port=0',
		'--sandbox-port=0',
	]);
	log(`npm start, ${which}: banner after ${run.seconds.toFixed(1)} s`);
	const tree = descendants(run.child.pid);
	try {
		if (
			!t.ok(
				run.editor && run.owner && run.sandbox,
				`${which}: npm start prints the editor URL, the login and the sandbox URL`,
				run.output().slice(-3000),
			)
		)
			return;
		const page = await fetch(run.editor);
		t.ok(
			page.status === 200 && /text\/html/.test(page.headers.get('content-type') || ''),
			`${which}: the editor answers at ${run.editor}`,
			`HTTP ${page.status}`,
		);
		const rest = new N8nRest(run.editor);
		const login = await rest.request('POST', '/rest/login', {
			emailOrLdapLoginId: run.owner.email,
			password: run.owner.password,
		});
		if (
			!t.ok(
				login.status === 200,
				`${which}: the printed login works`,
				`HTTP ${login.status} ${login.text.slice(0, 200)}`,
			)
		)
			return;

		const nodes = await rest.request('GET', '/types/nodes.json');
		const served = new Set((nodes.json || []).map((n) => n.name));
		t.equal(
			pkg.nodes.map((n) => n.type).filter((type) => !served.has(type)),
			[],
			`${which}: /types/nodes.json lists the package's ${pkg.nodes.length} nodes`,
		);
		const credTypes = await rest.request('GET', '/types/credentials.json');
		const servedCreds = new Set((credTypes.json || []).map((c) => c.name));
		t.equal(
			pkg.credentials.map((c) => c.name).filter((name) => !servedCreds.has(name)),
			[],
			`${which}: /types/credentials.json lists the package's ${pkg.credentials.length} credential types`,
		);

		const creds = (await rest.request('GET', '/rest/credentials')).json?.data || [];
		const wanted = Object.entries(CREDENTIAL_IDS).map(([type, [, name]]) => `${type}: ${name}`);
		t.equal(
			creds.map((c) => `${c.type}: ${c.name}`).sort(),
			wanted.sort(),
			`${which}: the three sandbox credentials exist, once each`,
		);
		const wfs = (await rest.request('GET', '/rest/workflows')).json?.data || [];
		t.equal(
			wfs.map((w) => w.id).sort(),
			examples.map((e) => e.wf.id).sort(),
			`${which}: every example of examples/ is a workflow, once`,
		);
		for (const { wf } of examples) {
			const stored = (await rest.request('GET', `/rest/workflows/${wf.id}`)).json?.data;
			const refs = (stored?.nodes || []).flatMap((n) => Object.entries(n.credentials || {}));
			t.ok(
				stored &&
					refs.length > 0 &&
					refs.every(([type, ref]) => creds.some((c) => c.id === ref.id && c.type === type)),
				`${which}: ${wf.id}: its nodes use the sandbox credentials`,
				JSON.stringify(refs),
			);
		}

		// The editor's Execute button: POST /rest/workflows/:id/run from the manual trigger, then the execution.
		const { wf } = examples.find((e) => e.file === RUN_EXAMPLE);
		const trigger = wf.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger');
		const before = /** @type {any[]} */ (
			await (await fetch(`${run.sandbox}/__sandbox/requests`)).json()
		);
		const started = await rest.request('POST', `/rest/workflows/${wf.id}/run`, {
			triggerToStartFrom: { name: trigger.name },
		});
		const executionId = started.json?.data?.executionId;
		let execution;
		for (
			const deadline = Date.now() + 60000;
			executionId && Date.now() < deadline;
			await new Promise((r) => setTimeout(r, 250))
		) {
			execution = (await rest.request('GET', `/rest/executions/${executionId}`)).json?.data;
			if (execution && !['new', 'running', 'waiting'].includes(execution.status)) break;
		}
		t.ok(
			execution?.status === 'success' && execution.finished === true,
			`${which}: ${RUN_EXAMPLE} run from the REST API (POST /rest/workflows/${wf.id}/run) succeeds`,
			`${started.status} ${started.text.slice(0, 200)}; execution ${JSON.stringify(execution && { status: execution.status, finished: execution.finished })}`,
		);
		const after = /** @type {any[]} */ (
			await (await fetch(`${run.sandbox}/__sandbox/requests`)).json()
		);
		const calls = after.slice(before.length);
		t.ok(
			['wolkvox', 'casabaca'].every((v) => calls.some((r) => r.vendor === v && r.status < 300)),
			`${which}: the run called the sandbox's wolkvox and Casabaca`,
			JSON.stringify(calls.map((r) => [r.vendor, r.method, r.path, r.status])),
		);
		if (!fresh) {
			const execs = await rest.request(
				'GET',
				`/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: wf.id }))}`,
			);
			const list = execs.json?.data?.results || [];
			t.ok(
				list.length >= 2,
				`${which}: the first start's execution is still listed (the user folder persists)`,
				JSON.stringify(execs.json ?? execs.text).slice(0, 300),
			);
		}
	} finally {
		const stopped = await ctrlC(run.child, tree);
		t.ok(
			stopped && /\[start\] stopped/.test(run.output()),
			`${which}: Ctrl-C stops it ("[start] stopped")`,
			run.output().slice(-1500),
		);
		const left = tree
			.filter(([pid, cmd]) => processTable().get(pid)?.cmd === cmd)
			.map(([pid, cmd]) => `${pid} ${cmd.slice(0, 150)}`);
		t.equal(
			[...left, ...processesNaming(userFolder)],
			[],
			`${which}: no process is left (of the ${tree.length} that ran under npm: the script, n8n, its task runner, tsc --watch)`,
		);
	}
}

/**
 * Two starts of `npm start` in one throwaway user folder; the results go into t (run.mjs's Checks).
 * @param {any} t
 * @param {{ pkg: ReturnType<typeof import('./types.mjs').packageTypes>, log?: (msg: string) => void }} opts
 */
export async function checkNpmStart(t, { pkg, log = () => {} }) {
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-npm-start-'));
	const dir = path.join(ROOT, 'examples');
	const examples = fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((file) => ({ file, wf: JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) }));
	for (const fresh of [true, false])
		await checkOneStart(t, { pkg, userFolder, examples, fresh, log });
	if (t.results.every((r) => r.ok)) fs.rmSync(userFolder, { recursive: true, force: true });
	else log(`npm start's user folder kept: ${userFolder}`);
}
