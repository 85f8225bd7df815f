/**
 * The logins of this n8n process, per credential. Every execution that runs here (many at once on
 * a queue-mode worker) joins a login already in progress for the same credential instead of
 * starting its own: a burst of logins is what account-lockout systems watch for, and a vendor that
 * keeps only its newest token (Casabaca) would reject the tokens of the executions that logged in
 * a moment earlier. A login that could not be completed (a 5xx, an HTML page, a reset, a timeout)
 * is tried again by the next request that needs a token; after two such failures in a row, at
 * most once per RETRY_WINDOW_MS, and the requests in between fail at once with the same failure.
 */

/** After two failed logins in a row, a new attempt waits this long after the last failure. */
export const RETRY_WINDOW_MS = 10_000;

/** Failed logins in a row that are tried again without waiting (the first one and one retry). */
const FAILURES_BEFORE_WAITING = 2;

/** Credentials remembered at once; the oldest falls out. */
const REMEMBERED_CREDENTIALS = 200;

/**
 * The longest a login's result is handed to the logins that follow it (see `recent`): the store
 * write it waits for takes milliseconds; this only bounds a result nobody released.
 */
const RECENT_MS = 10_000;

interface GateState {
	inFlight?: Promise<unknown>;
	/**
	 * The last login's result, until the execution that asked for it has it in n8n's store
	 * (`releaseRecent`): n8n writes a new token to the database after the login returns, and an
	 * execution that looks in the store in between would otherwise log in once more.
	 */
	recent?: { result: unknown; at: number };
	/** Logins that could not be completed, in a row, and the last one's error and time. */
	failures: number;
	failedAt: number;
	lastFailure?: Error;
}

const states = new Map<string, GateState>();

/**
 * A 64-bit hash of a text, in hex: the key of a credential holds no password in clear. Not a
 * cryptographic hash (shipped code imports only n8n-workflow and zod): the key is only compared
 * with the keys of the same login URL.
 */
export function fingerprint(text: string): string {
	let a = 0xdeadbeef ^ text.length;
	let b = 0x41c6ce57 ^ text.length;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		a = Math.imul(a ^ code, 2654435761);
		b = Math.imul(b ^ code, 1597334677);
	}
	a = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909);
	b = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
	const hex = (value: number) => (value >>> 0).toString(16).padStart(8, '0');
	return `${hex(b)}${hex(a)}`;
}

function stateOf(key: string): GateState {
	let state = states.get(key);
	if (state) {
		// Most recently used last: the oldest is the first to fall out.
		states.delete(key);
	} else {
		state = { failures: 0, failedAt: 0 };
	}
	states.set(key, state);
	if (states.size > REMEMBERED_CREDENTIALS) states.delete(states.keys().next().value as string);
	return state;
}

export interface GateRules {
	/** Hand the result to the logins that follow until it is released (automatic logins). */
	keepRecent: boolean;
	/** A failure worth trying again later (not a refusal by the vendor). */
	transient(error: unknown): boolean;
	/** The error of a request that finds the login held back, from the last failure. */
	held(lastFailure: Error): Error;
}

/**
 * Runs `login` for the credential `key`, or joins the one in progress, or fails at once with the
 * last failure while the login is held back after repeated failures.
 */
export async function gatedLogin<T>(
	key: string,
	login: () => Promise<T>,
	rules: GateRules,
): Promise<T> {
	const state = stateOf(key);
	if (state.inFlight) return (await state.inFlight) as T;
	if (state.recent && Date.now() - state.recent.at < RECENT_MS) return state.recent.result as T;
	state.recent = undefined;
	if (
		state.lastFailure &&
		state.failures >= FAILURES_BEFORE_WAITING &&
		Date.now() - state.failedAt < RETRY_WINDOW_MS
	) {
		throw rules.held(state.lastFailure);
	}
	const attempt = login().then(
		(result) => {
			state.inFlight = undefined;
			state.failures = 0;
			state.lastFailure = undefined;
			if (rules.keepRecent) state.recent = { result, at: Date.now() };
			return result;
		},
		(error: unknown) => {
			state.inFlight = undefined;
			if (rules.transient(error)) {
				state.failures++;
				state.failedAt = Date.now();
				state.lastFailure = error as Error;
			} else {
				state.failures = 0;
				state.lastFailure = undefined;
			}
			throw error;
		},
	);
	state.inFlight = attempt;
	return await attempt;
}

/**
 * Stops handing out a login's result: it is in n8n's store now, or the vendor rejected its token
 * (a renewal must never be given that token back).
 */
export function releaseRecent(matches: (result: unknown) => boolean): void {
	for (const state of states.values()) {
		if (state.recent && matches(state.recent.result)) state.recent = undefined;
	}
}
