// The polling triggers the restart checks (scripts/restart/run.mjs) and the queue-mode phase
// (scripts/scale/phase-triggers.mjs) publish: the e2e's trigger workflows (scripts/e2e/triggers/) polling every few
// seconds, the record that makes each fire (sandbox/appear.js), how a poll of each looks at the sandbox's door and in its
// request log, and the count of what their executions emitted: records made, executions, items, duplicates, missing.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EVENTS } from '../e2e/trigger-events.mjs';
import { executionsOf, runOf } from '../e2e/trigger-runs.mjs';
import { SLOW_PATH } from './hold.mjs';

const E2E_TRIGGERS = path.join(
	path.dirname(fileURLToPath(import.meta.url)),
	'..',
	'e2e',
	'triggers',
);
const event = (file) => EVENTS.find((e) => e.file === file);

/**
 * One trigger: its e2e workflow file, its polls (a request at the sandbox's door: method and URL as received; an entry
 * of the request log), how a record is made to appear, and the key of a record as made and as emitted.
 * @typedef {{
 *   name: string,
 *   file: string,
 *   credential: string,
 *   door: (r: { method: string, url: string }) => boolean,
 *   polled: (r: any) => boolean,
 *   appear: (sb: { url: string }) => Promise<any>,
 *   madeKey: (made: any) => string,
 *   itemKey: (item: any) => string,
 * }} Trigger
 */

/** @type {Trigger[]} */
export const TRIGGERS = [
	{
		name: 'SML New Lead',
		file: 'sml-new-lead.json',
		credential: 'smlApi',
		door: (r) => r.method === 'GET' && /^\/sml\/api\/lead\/\?.*status=new/.test(r.url),
		polled: event('sml-new-lead.json').polled,
		appear: (sb) => event('sml-new-lead.json').appear(sb, undefined),
		madeKey: (made) => String(made.id),
		itemKey: (item) => String(item.id),
	},
	{
		name: 'wolkvox New Record',
		file: 'wolkvox-new-record.json',
		credential: 'wolkvoxCrmApi',
		door: (r) =>
			r.method === 'POST' && r.url.startsWith('/wolkvox/server/API/v2/custom/queryDates.php'),
		polled: event('wolkvox-new-record.json').polled,
		appear: (sb) => event('wolkvox-new-record.json').appear(sb, undefined),
		madeKey: (made) => String(made.wolkvox_id),
		itemKey: (item) => String(item.wolkvox_id),
	},
	{
		name: 'wolkvox New Case',
		file: 'wolkvox-new-case.json',
		credential: 'wolkvoxCrmApi',
		door: (r) =>
			r.method === 'POST' && r.url.startsWith('/wolkvox/server/API/v2/cases/queryCases.php'),
		polled: event('wolkvox-new-case.json').polled,
		appear: (sb) => event('wolkvox-new-case.json').appear(sb, undefined),
		madeKey: (made) => String(made.idCase),
		itemKey: (item) => String(item.idCase),
	},
	{
		name: 'Casabaca New Appraisal',
		file: 'casabaca-new-appraisal.json',
		credential: 'sugarCrmCasabacaApi',
		door: (r) => r.method === 'GET' && r.url.startsWith('/casabaca/api/getAvaluos'),
		polled: event('casabaca-new-appraisal.json').polled,
		appear: (sb) => event('casabaca-new-appraisal.json').appear(sb, undefined),
		madeKey: (made) => String(made.id),
		itemKey: (item) => String(item.id),
	},
];

/**
 * Poll Times of every `seconds` seconds: one "custom" cron per second of the minute it fires at. n8n 2.41 refuses a cron
 * that fires more than once a minute ("at least a minute"), but takes several crons of one fixed second each.
 */
export function pollTimes(seconds) {
	return {
		item: Array.from({ length: Math.ceil(60 / seconds) }, (_, i) => ({
			mode: 'custom',
			cronExpression: `${i * seconds} * * * * *`,
		})),
	};
}

/**
 * The workflow of a trigger for POST /rest/workflows: the e2e's trigger node polling every pollSeconds, with the
 * credential created in this n8n; with a sandboxUrl, then an HTTP Request node to the door's SLOW_PATH (held to keep an
 * execution running). n8n gives the workflow its own 16-character id: it saves no static data for ids over 21
 * characters.
 * @param {Trigger} trigger
 * @param {{ credentialIds: Record<string, string>, pollSeconds: number, sandboxUrl?: string, tag?: string }} opts
 */
export function triggerWorkflow(trigger, { credentialIds, pollSeconds, sandboxUrl, tag = '' }) {
	const wf = JSON.parse(fs.readFileSync(path.join(E2E_TRIGGERS, trigger.file), 'utf8'));
	const [node] = wf.nodes;
	const credName = Object.values(node.credentials)[0].name;
	const triggerNode = {
		...node,
		parameters: { ...node.parameters, pollTimes: pollTimes(pollSeconds) },
		credentials: {
			[trigger.credential]: { id: credentialIds[trigger.credential], name: credName },
		},
	};
	const after = {
		id: `${node.id}-after`,
		name: 'After',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [220, 0],
		parameters: { url: `${sandboxUrl}${SLOW_PATH}?trigger=${trigger.file}`, options: {} },
		// One request per execution, not one per emitted item.
		executeOnce: true,
	};
	return {
		name: `${tag}${trigger.name}`,
		settings: wf.settings,
		nodes: sandboxUrl ? [triggerNode, after] : [triggerNode],
		connections: sandboxUrl
			? { Trigger: { main: [[{ node: 'After', type: 'main', index: 0 }]] } }
			: {},
	};
}

/**
 * What the executions of a workflow emitted: { executions: [{ id, status, items }], items: record keys in order }.
 * The trigger's output is read from each execution's stored data.
 * @param {any} rest
 * @param {string} workflowId
 * @param {Trigger} trigger
 */
export async function emitted(rest, workflowId, trigger) {
	/** @type {Array<{ id: string, status: string, items?: string[] }>} */
	const executions = (await executionsOf(rest, workflowId))
		.map((e) => ({ id: String(e.id), status: e.status }))
		.sort((a, b) => Number(a.id) - Number(b.id));
	const items = [];
	for (const e of executions) {
		const run = await runOf(rest, e.id);
		// A finished execution has the trigger's items in its run data; one that never ran (killed, crashed) only in the
		// stack n8n stored it with.
		const out =
			run?.data?.resultData?.runData?.Trigger?.[0]?.data?.main?.[0] ??
			run?.data?.executionData?.nodeExecutionStack?.find((s) => s.node?.name === 'Trigger')?.data
				?.main?.[0] ??
			[];
		e.items = out.map((i) => trigger.itemKey(i.json));
		items.push(...e.items);
	}
	return { executions, items };
}

/**
 * The count of one scenario: records made (keys), and the items emitted for them: how many, which twice or more, which
 * never. Items of records made outside the scenario are left out.
 * @param {string[]} made
 * @param {string[]} items every item emitted (keys), also for other records
 */
export function countOf(made, items) {
	const mine = items.filter((k) => made.includes(k));
	return {
		made: made.length,
		emitted: mine.length,
		duplicates: made.filter((k) => mine.filter((x) => x === k).length > 1),
		missing: made.filter((k) => !mine.includes(k)),
	};
}
