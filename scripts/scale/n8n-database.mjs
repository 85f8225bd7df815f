// Reads n8n's PostgreSQL database directly: execution statuses and times, which call each execution ran (its marker in
// the execution data), how long each node took, the credentials' stored (encrypted) data, and the webhook registry. The
// client is the `pg` package n8n itself uses, and execution data is read with n8n's own `flatted`, both loaded from the
// n8n install: nothing is added to the project's dependencies.
import { createRequire } from 'node:module';
import path from 'node:path';
import { N8N_DIR } from '../e2e/config.mjs';

const fromN8n = createRequire(path.join(N8N_DIR, 'package.json'));
const { Client } = fromN8n('pg');
const flatted = fromN8n('flatted');

export async function connect(postgres) {
	const client = new Client({
		host: '127.0.0.1',
		port: postgres.port,
		user: postgres.user,
		database: postgres.database,
	});
	await client.connect();
	return client;
}

/** Executions of a workflow with an id above `afterId`: { id, status, mode, finished, startedAt, stoppedAt, ms }. */
export async function executionsOf(db, workflowId, afterId = 0) {
	const { rows } = await db.query(
		'SELECT id, status, mode, finished, "startedAt", "stoppedAt", "createdAt" FROM execution_entity WHERE "workflowId" = $1 AND id > $2 ORDER BY id',
		[workflowId, afterId],
	);
	return rows.map((r) => ({
		id: String(r.id),
		status: r.status,
		mode: r.mode,
		finished: r.finished,
		createdAt: r.createdAt,
		startedAt: r.startedAt,
		stoppedAt: r.stoppedAt,
		ms: r.startedAt && r.stoppedAt ? r.stoppedAt - r.startedAt : null,
	}));
}

/** The highest execution id so far (0 when none). */
export async function lastExecutionId(db) {
	const { rows } = await db.query('SELECT COALESCE(MAX(id), 0) AS id FROM execution_entity');
	return Number(rows[0].id);
}

/**
 * Execution id -> the markers found in its stored data. The main process stores the webhook's input with the new
 * execution before a worker takes it, so even an execution that never ran names its call.
 */
export async function markersOfExecutions(db, ids, markerPattern) {
	if (!ids.length) return new Map();
	const { rows } = await db.query(
		'SELECT "executionId", data FROM execution_data WHERE "executionId" = ANY($1::int[])',
		[ids.map(Number)],
	);
	return new Map(
		rows.map((r) => [
			String(r.executionId),
			[...new Set(String(r.data).match(markerPattern) || [])],
		]),
	);
}

/** Node name -> the executionTime (ms) of its first run in each of the executions: where the time goes. */
export async function nodeTimesOfExecutions(db, ids) {
	const times = new Map();
	if (!ids.length) return times;
	const { rows } = await db.query(
		'SELECT data FROM execution_data WHERE "executionId" = ANY($1::int[])',
		[ids.map(Number)],
	);
	for (const r of rows) {
		const runData = flatted.parse(String(r.data))?.resultData?.runData ?? {};
		for (const [node, runs] of Object.entries(runData))
			times.set(node, [...(times.get(node) || []), runs?.[0]?.executionTime]);
	}
	return times;
}

/** Credential id -> its stored (encrypted) data and last update: n8n rewrites both when preAuthentication stores a token. */
export async function credentialRows(db, ids) {
	const { rows } = await db.query(
		'SELECT id, data, "updatedAt" FROM credentials_entity WHERE id = ANY($1::varchar[])',
		[ids],
	);
	return new Map(rows.map((r) => [r.id, { data: r.data, updatedAt: r.updatedAt }]));
}

/** Whether the main process registered the production webhook (publishing answers before it is). */
export async function webhookRegistered(db, webhookPath) {
	const { rows } = await db.query('SELECT 1 FROM webhook_entity WHERE "webhookPath" = $1', [
		webhookPath,
	]);
	return rows.length > 0;
}
