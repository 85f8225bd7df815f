// The scenarios of the restart checks, each on a running Instance (instance.mjs): records are made to appear, n8n's
// process is lost in one way, n8n is started again, and what the triggers emitted is counted once every trigger has
// been polled twice more: records made, executions (by status), items emitted, duplicates, missing.
import { waitFor } from '../e2e/trigger-runs.mjs';
import { SLOW_PATH } from './hold.mjs';
import { countOf, TRIGGERS } from './triggers.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const RUNNING = ['new', 'running', 'waiting'];

function countBy(values) {
	const out = {};
	for (const v of values) out[v] = (out[v] || 0) + 1;
	return out;
}

/**
 * Runs one scenario: `act()` makes the records appear and loses and restarts n8n, resolving the records made (trigger
 * name -> key). Resolves the scenario's count, in total and per trigger.
 * @param {import('./instance.mjs').Instance} inst
 * @param {string} name
 * @param {() => Promise<Record<string, string>>} act
 */
export async function scenario(inst, name, act) {
	const before = new Set(
		[...(await inst.executions()).values()].flatMap((e) => e.executions.map((x) => x.id)),
	);
	inst.log(name);
	const made = await act();
	// Counted from the end of act() (n8n started again, records made): polls from before a restart must not count, as
	// the durable scheduler runs no poll at activation and its first one may come seconds after the start.
	await inst.polledAfter(Date.now(), 2, `two polls of every trigger after "${name}"`);
	await waitFor(
		`${inst.name}: the executions of "${name}" to finish`,
		async () =>
			[...(await inst.executions()).values()].every(
				(e) => !e.executions.some((x) => RUNNING.includes(x.status)),
			),
		60000,
	);
	const all = await inst.executions();
	const perTrigger = inst.workflows.map((wf) => {
		const { executions, items } = all.get(wf.id);
		return {
			trigger: wf.trigger.name,
			executions: executions.filter((e) => !before.has(e.id)),
			...countOf([made[wf.trigger.name]], items),
		};
	});
	const sum = (f) => perTrigger.reduce((n, p) => n + f(p), 0);
	const total = {
		mode: inst.name,
		scenario: `${inst.name}: ${name}`,
		made: sum((p) => p.made),
		executions: sum((p) => p.executions.length),
		statuses: countBy(perTrigger.flatMap((p) => p.executions.map((e) => e.status))),
		emitted: sum((p) => p.emitted),
		duplicates: perTrigger.flatMap((p) => p.duplicates.map((k) => `${p.trigger} ${k}`)),
		missing: perTrigger.flatMap((p) => p.missing.map((k) => `${p.trigger} ${k}`)),
		perTrigger,
	};
	inst.log(
		`  ${name}: made ${total.made}, executions ${total.executions} ${JSON.stringify(total.statuses)}, emitted ${total.emitted}, duplicates ${total.duplicates.length}, missing ${total.missing.length}`,
	);
	return total;
}

/** Records made while n8n runs, emitted at its next polls. */
export const firstRecords = (inst) => scenario(inst, 'first records', () => inst.appearAll());

/**
 * SIGTERM right after a poll of every trigger, records made while n8n is down, n8n started again with `env` (another
 * environment than before: the switch to the durable scheduler).
 * @param {import('./instance.mjs').Instance} inst
 */
export const restartBetweenPolls = (inst, env, name = 'restart between polls') =>
	scenario(inst, name, async () => {
		await inst.polledAfter(Date.now(), 1, 'a poll of every trigger');
		await sleep(1000);
		const exit = await inst.stop();
		inst.log(`  SIGTERM: n8n exited ${JSON.stringify(exit)}; records made while it is down`);
		const made = await inst.appearAll();
		await inst.start(env);
		return made;
	});

/**
 * Records made, the next poll of every trigger held at the sandbox's door, SIGKILL, n8n started again.
 * @param {import('./instance.mjs').Instance} inst
 */
export const killMidPoll = (inst, env) =>
	scenario(inst, 'kill mid-poll', async () => {
		// Armed first: no poll gets past the door and reads the records before the kill.
		inst.door.arm((r) => TRIGGERS.some((t) => t.door(r)));
		const made = await inst.appearAll();
		await inst.holdOnePerTrigger((t) => t.door, 'a poll of every trigger held at the door');
		const held = inst.door.held().map((r) => `${r.method} ${r.url.split('?')[0]}`);
		const exit = await inst.kill();
		inst.door.drop();
		inst.log(`  SIGKILL ${JSON.stringify(exit)} while these polls were held: ${held.join(', ')}`);
		await inst.start(env);
		return made;
	});

/**
 * Records made, the executions they start held at their HTTP Request node (after the trigger), SIGKILL, n8n started
 * again.
 * @param {import('./instance.mjs').Instance} inst
 */
export const killMidExecution = (inst, env) =>
	scenario(inst, 'kill mid-execution', async () => {
		const slow = (t) => (r) => r.url === `${SLOW_PATH}?trigger=${t.file}`;
		inst.door.arm((r) => TRIGGERS.some((t) => slow(t)(r)));
		const made = await inst.appearAll();
		await inst.holdOnePerTrigger(
			slow,
			'an execution of every trigger held at its HTTP Request node',
		);
		const exit = await inst.kill();
		inst.door.drop();
		inst.log(`  SIGKILL ${JSON.stringify(exit)} with an execution of every trigger running`);
		await inst.start(env);
		return made;
	});
