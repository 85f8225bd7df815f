// One n8n installation of the restart checks: its own user folder (SQLite), port, vendor sandbox (in this process,
// behind a door that can hold requests) and trigger workflows; started, stopped (SIGTERM) and killed (SIGKILL to its
// process group) as often as a scenario asks, with the environment it is given each time.
import { createRequire } from 'node:module';
import { credentialsFor, freePort, N8nRest, startServer, stopProcessGroup } from '../e2e/n8n.mjs';
import { publish, sandboxJson, waitFor } from '../e2e/trigger-runs.mjs';
import { holdDoor } from './hold.mjs';
import { emitted, TRIGGERS, triggerWorkflow } from './triggers.mjs';

const require = createRequire(import.meta.url);
const { startSandbox } = require('../../sandbox/index.js');

export class Instance {
	/**
	 * @param {string} name
	 * @param {string} userFolder
	 * @param {{ pollSeconds: number, log: (msg: string) => void }} opts
	 */
	constructor(name, userFolder, { pollSeconds, log }) {
		this.name = name;
		this.userFolder = userFolder;
		this.pollSeconds = pollSeconds;
		this.log = (msg) => log(`${name}: ${msg}`);
		/** @type {any} */ this.server = null;
		/** @type {any} */ this.rest = null;
		/** @type {any} */ this.sb = null;
		/** @type {ReturnType<typeof holdDoor> | null} */ this.door = null;
		/** @type {Array<{ id: string, trigger: import('./triggers.mjs').Trigger }>} */ this.workflows =
			[];
		this.port = 0;
		this.logs = '';
	}

	/** The sandbox and its door, n8n started, the credentials and the trigger workflows created and published. */
	async setUp(pkg, extraEnv = {}) {
		this.sb = await startSandbox({ port: 0, quiet: true });
		this.door = holdDoor(this.sb);
		this.port = await freePort();
		await this.start(extraEnv);
		/** @type {Record<string, string>} */
		const credentialIds = {};
		for (const c of credentialsFor(this.sb, pkg)) {
			const r = await this.rest.request('POST', '/rest/credentials', c);
			if (r.status !== 200)
				throw new Error(`creating ${c.type}: HTTP ${r.status} ${r.text.slice(0, 300)}`);
			credentialIds[c.type] = r.json.data.id;
		}
		for (const trigger of TRIGGERS) {
			const body = triggerWorkflow(trigger, {
				credentialIds,
				sandboxUrl: this.sb.url,
				pollSeconds: this.pollSeconds,
			});
			const r = await this.rest.request('POST', '/rest/workflows', body);
			if (r.status !== 200)
				throw new Error(`creating ${trigger.file}: HTTP ${r.status} ${r.text.slice(0, 300)}`);
			this.workflows.push({ id: r.json.data.id, trigger });
		}
		for (const wf of this.workflows) await publish(this.rest, this.sb, wf.id, wf.trigger.polled);
		this.log(`${this.workflows.length} trigger workflows published, each polled once`);
	}

	async start(extraEnv) {
		this.server = await startServer(this.userFolder, {
			port: this.port,
			detached: true,
			extraEnv: { N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10', ...extraEnv },
		});
		this.rest = new N8nRest(this.server.url);
		await this.rest.ownerLogin();
	}

	/** SIGTERM: n8n's own shutdown (triggers closed, running executions given N8N_GRACEFUL_SHUTDOWN_TIMEOUT). */
	async stop() {
		const exit = await this.server.stop();
		this.keepLogs();
		return exit;
	}

	/** SIGKILL to n8n's whole process group: the machine or container lost, nothing can finish or save. */
	async kill() {
		const exit = await stopProcessGroup(this.server.child, { graceMs: 0 });
		this.keepLogs();
		return exit;
	}

	keepLogs() {
		this.logs += `${this.server.logs()}\n----- n8n process ended -----\n`;
		this.server = null;
	}

	async close() {
		if (this.server) await this.stop().catch(() => {});
		await this.sb?.close();
	}

	/** Waits until every trigger has been polled `n` more times after `since` (a time in ms). */
	async polledAfter(since, n, what) {
		await waitFor(
			`${this.name}: ${what}`,
			async () => {
				const all = await sandboxJson(this.sb, '/__sandbox/requests');
				return TRIGGERS.every(
					(t) => all.filter((r) => t.polled(r) && Date.parse(r.at) > since).length >= n,
				);
			},
			(n + 4) * this.pollSeconds * 1000 + 60000,
		);
	}

	/** Makes one record of each trigger appear; returns trigger name -> the key of the record made. */
	async appearAll() {
		/** @type {Record<string, string>} */
		const made = {};
		for (const t of TRIGGERS) made[t.name] = t.madeKey(await t.appear(this.sb));
		return made;
	}

	/** Every execution of the trigger workflows, with the items each emitted: workflow id -> emitted(). */
	async executions() {
		const out = new Map();
		for (const wf of this.workflows) out.set(wf.id, await emitted(this.rest, wf.id, wf.trigger));
		return out;
	}

	/** Holds what matches at the door until every trigger has one request held there. */
	async holdOnePerTrigger(matchOf, what) {
		this.door.arm((r) => TRIGGERS.some((t) => matchOf(t)(r)));
		await waitFor(
			`${this.name}: ${what}`,
			async () => TRIGGERS.every((t) => this.door.held().some((r) => matchOf(t)(r))),
			this.pollSeconds * 4000 + 30000,
		);
	}
}
