// How the e2e drives a published polling trigger through n8n's REST API and the sandbox: publish and wait for the
// activation poll, wait for the run a record starts, read an execution's data (scripts/e2e/trigger-checks.mjs).
import { createRequire } from 'node:module';
import path from 'node:path';
import { N8N_DIR } from './config.mjs';

// n8n stores an execution's data with flatted; its REST API hands it over that way.
const flatted = createRequire(path.join(N8N_DIR, 'node_modules', 'n8n', 'package.json'))('flatted');

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/**
 * A sandbox path's JSON answer.
 * @param {{ url: string }} sb
 * @param {string} p
 * @param {string} [method]
 * @returns {Promise<any>}
 */
export const sandboxJson = async (sb, p, method = 'GET') =>
	(await fetch(`${sb.url}${p}`, { method })).json();

export async function executionsOf(rest, workflowId) {
	const r = await rest.request(
		'GET',
		`/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}`,
	);
	return r.json?.data?.results || [];
}

/** An execution's run data, as `n8n execute --rawOutput` prints it. */
export async function runOf(rest, executionId) {
	const execution = (await rest.request('GET', `/rest/executions/${executionId}`)).json?.data;
	return (
		execution && {
			...execution,
			data: typeof execution.data === 'string' ? flatted.parse(execution.data) : execution.data,
		}
	);
}

export async function waitFor(what, condition, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await condition();
		if (value) return value;
		if (Date.now() > deadline)
			throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
		await sleep(500);
	}
}

/**
 * Publishes a workflow and waits for its activation poll: n8n 2.41 answers the publish request before it activates the
 * triggers (through its publication outbox), and a record made before the activation poll would be part of where the
 * trigger starts from, never emitted.
 */
export async function publish(rest, sb, id, polled) {
	const before = (await sandboxJson(sb, '/__sandbox/requests')).filter(polled).length;
	const wf = await rest.request('GET', `/rest/workflows/${id}`);
	const r = await rest.request('POST', `/rest/workflows/${id}/activate`, {
		versionId: wf.json?.data?.versionId,
	});
	if (r.status !== 200 || r.json?.data?.active !== true)
		throw new Error(`publishing ${id} failed: HTTP ${r.status} ${r.text.slice(0, 300)}`);
	await waitFor(
		`the activation poll of ${id}`,
		async () => (await sandboxJson(sb, '/__sandbox/requests')).filter(polled).length > before,
		30000,
	);
}

export async function unpublish(t, rest, id, name) {
	const off = await rest.request('POST', `/rest/workflows/${id}/deactivate`, {});
	t.ok(off.status === 200, `${name}: the workflow can be unpublished`, `HTTP ${off.status}`);
}

/**
 * Waits until the workflow has run once, then for two more polls of its trigger, and returns its executions: an
 * event emitted twice would show up as a second execution by then.
 */
export async function runsAfterAppearing(rest, sb, workflowId, polled) {
	await waitFor(
		`an execution of ${workflowId}`,
		async () => (await executionsOf(rest, workflowId)).length > 0,
		60000,
	);
	const pollsBefore = (await sandboxJson(sb, '/__sandbox/requests')).filter(polled).length;
	await waitFor(
		`two more polls of ${workflowId}`,
		async () =>
			(await sandboxJson(sb, '/__sandbox/requests')).filter(polled).length >= pollsBefore + 2,
		60000,
	);
	await sleep(2000);
	return await executionsOf(rest, workflowId);
}
