/**
 * One reading per position. n8n's durable scheduler (N8N_SCHEDULER_POLL_TRIGGERS_ENABLED with
 * N8N_POLLER_DURABLE_CURSORS_ENABLED) runs each Poll Times entry as its own job, hands each poll
 * the position committed so far, and commits the new one only once the execution is stored, after
 * the poll has returned. After an outage every entry's missed slot runs at once, all from the same
 * position, and each would emit the same records (measured with n8n 2.41.1: 12 entries, 12
 * executions per record). Polls of one trigger therefore run one at a time in this process, and a
 * poll that starts from a position another poll emitted from a moment ago returns nothing: that
 * position is stale, its records are already in an execution. If that execution was never stored,
 * the position is read again once guardOptions.staleMs has passed, so nothing is lost, only delayed.
 */
import type { IPollFunctions } from 'n8n-workflow';

/** How long a position a poll emitted from counts as already read (an object: tests shorten it). */
export const guardOptions = { staleMs: 60_000 };

interface Emitted {
	from: string;
	at: number;
}

const emittedFrom = new Map<string, Emitted>();
const running = new Map<string, Promise<unknown>>();

const keyOf = (fn: IPollFunctions) => JSON.stringify([fn.getWorkflow().id, fn.getNode().id]);

/**
 * Runs `poll` after the polls of the same trigger already running here. `position` reads the
 * position the poll starts from (as JSON), once its turn came; `poll` resolves whether it emitted.
 * Resolves false without calling `poll` when a poll emitted from that same position less than
 * guardOptions.staleMs ago.
 */
export async function oneReadingPerPosition(
	fn: IPollFunctions,
	position: () => string,
	poll: () => Promise<boolean>,
): Promise<boolean> {
	const key = keyOf(fn);
	const turn = (running.get(key) ?? Promise.resolve())
		.catch(() => undefined)
		.then(async () => {
			const now = Date.now();
			for (const [k, e] of emittedFrom)
				if (now - e.at >= guardOptions.staleMs) emittedFrom.delete(k);
			const from = position();
			if (emittedFrom.get(key)?.from === from) return false;
			const emitted = await poll();
			if (emitted) emittedFrom.set(key, { from, at: Date.now() });
			return emitted;
		});
	running.set(key, turn);
	try {
		return await turn;
	} finally {
		if (running.get(key) === turn) running.delete(key);
	}
}
