// Calls the production webhook as many clients at once would: `calls` POSTs with at most `inFlight` unanswered at any
// time. A 404 is never retried (n8n answers it when no webhook is registered, and then ran nothing); nothing else is
// either: a retried call could itself create a duplicate, and duplicates are what the test looks for.

/**
 * bodies: one JSON body per call. beforeCall(i): awaited before call i is sent (the test's revoke goes there, so the
 * calls already in flight meet it). Resolves one result per call, in order:
 * { i, marker, status, ms, answer (parsed JSON or text), error }.
 */
export async function callWebhook(url, bodies, { inFlight, timeoutMs = 120000, beforeCall }) {
	const results = new Array(bodies.length);
	let next = 0;
	const one = async (i) => {
		const started = performance.now();
		try {
			const r = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(bodies[i]),
				signal: AbortSignal.timeout(timeoutMs),
			});
			const text = await r.text();
			let answer = text;
			try {
				answer = JSON.parse(text);
			} catch {
				/* not JSON: kept as text */
			}
			results[i] = {
				i,
				marker: bodies[i].marker,
				status: r.status,
				ms: performance.now() - started,
				answer,
			};
		} catch (e) {
			results[i] = {
				i,
				marker: bodies[i].marker,
				status: 0,
				ms: performance.now() - started,
				error: e.message,
			};
		}
	};
	const lane = async () => {
		while (next < bodies.length) {
			const i = next++;
			if (beforeCall) await beforeCall(i);
			await one(i);
		}
	};
	await Promise.all(Array.from({ length: Math.min(inFlight, bodies.length) }, lane));
	return results;
}

/** The p-th percentile (0-100) of numbers, nearest rank. */
export function percentile(values, p) {
	const sorted = values
		.filter((v) => typeof v === 'number' && Number.isFinite(v))
		.sort((a, b) => a - b);
	if (!sorted.length) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
