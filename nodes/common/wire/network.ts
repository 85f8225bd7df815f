/**
 * What the wire did, in words a user can act on: n8n's own texts ("request failed (HTTP NaN)",
 * "stream has been aborted", "socket hang up") name neither the cause nor whether the server may
 * already have acted on the request. And where a redirect may lead without taking a credential along.
 */

export interface NetworkFailure {
	/** The cause in words, e.g. "the server refused the connection". */
	cause: string;
	/** The request may have reached the server and been processed before the failure. */
	maybeProcessed: boolean;
	/** The node's own time limit was hit. */
	timedOut: boolean;
}

interface ErrorLike {
	code?: unknown;
	message?: unknown;
	cause?: unknown;
	hostname?: unknown;
}

/** The error and the errors it wraps (n8n wraps axios's, which wraps node's). */
function chain(error: unknown): ErrorLike[] {
	const found: ErrorLike[] = [];
	let current = error as ErrorLike | undefined;
	while (current && typeof current === 'object' && found.length < 5 && !found.includes(current)) {
		found.push(current);
		current = current.cause as ErrorLike | undefined;
	}
	return found;
}

/**
 * Reads a failed request's error: undefined when it is not a network failure (an HTTP answer,
 * a refused login, our own validation).
 */
export function networkFailure(
	error: unknown,
	timeoutMs?: number,
	limitName?: string,
): NetworkFailure | undefined {
	const errors = chain(error);
	const codes = errors.map((e) => (typeof e.code === 'string' ? e.code : '')).filter(Boolean);
	const messages = errors.map((e) => (typeof e.message === 'string' ? e.message : '')).join(' | ');
	const has = (...wanted: string[]) => codes.some((code) => wanted.includes(code));
	const seconds = timeoutMs === undefined ? undefined : Math.round(timeoutMs / 100) / 10;

	if (has('ETIMEDOUT', 'ECONNABORTED') || /timeout of \d+ms exceeded/i.test(messages)) {
		const limit = seconds === undefined ? 'the time limit' : `${seconds} s`;
		return {
			cause: `no answer within ${limit}${limitName ? `, ${limitName}` : ''}`,
			maybeProcessed: true,
			timedOut: true,
		};
	}
	if (has('ECONNREFUSED')) {
		return {
			cause: 'the server refused the connection (nothing answers at that address and port)',
			maybeProcessed: false,
			timedOut: false,
		};
	}
	if (has('ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL')) {
		const host = errors.map((e) => e.hostname).find((name) => typeof name === 'string');
		return {
			cause: `the server's name${host ? ` ${String(host)}` : ''} could not be found (DNS lookup failed)`,
			maybeProcessed: false,
			timedOut: false,
		};
	}
	if (has('EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN')) {
		return { cause: 'the network cannot reach the server', maybeProcessed: false, timedOut: false };
	}
	if (codes.some((code) => /CERT|SSL|TLS|SELF_SIGNED/.test(code))) {
		return {
			cause: `the server's TLS certificate was not accepted (${codes.find((code) => /CERT|SSL|TLS|SELF_SIGNED/.test(code))})`,
			maybeProcessed: false,
			timedOut: false,
		};
	}
	// The answer had begun: its status line arrived, then the connection broke.
	if (
		/stream has been aborted|aborted|premature close/i.test(messages) ||
		has('ERR_STREAM_PREMATURE_CLOSE', 'ERR_BAD_RESPONSE')
	) {
		return {
			cause: 'the connection broke while the answer was arriving',
			maybeProcessed: true,
			timedOut: false,
		};
	}
	if (has('ECONNRESET', 'EPIPE') || /socket hang up/i.test(messages)) {
		return {
			cause: 'the server closed the connection before answering',
			maybeProcessed: true,
			timedOut: false,
		};
	}
	return undefined;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The whole sentence for a network failure of `method path`. A write that may have been processed
 * says so: re-running it blindly could create a record twice. `readOnly`: a POST that only reads
 * (a trigger's query), which nothing can have changed.
 */
export function networkFailureText(
	vendor: string,
	method: string,
	path: string,
	failure: NetworkFailure,
	readOnly = false,
): string {
	const upper = method.toUpperCase();
	const consequence = !failure.maybeProcessed
		? ' The request did not reach the server.'
		: readOnly || SAFE_METHODS.has(upper)
			? ''
			: ` The server may have processed the request: check in ${vendor} before running it again.`;
	return `${upper} ${path}: ${failure.cause}.${consequence}`;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Where a redirect answer points, resolved against the URL asked for; undefined for other answers. */
export function redirectTarget(
	statusCode: number,
	headers: Record<string, unknown> | undefined,
	from: string,
): URL | undefined {
	if (!REDIRECT_STATUSES.has(statusCode)) return undefined;
	const location = Object.entries(headers ?? {}).find(
		([key]) => key.toLowerCase() === 'location',
	)?.[1];
	if (typeof location !== 'string' || !location) return undefined;
	try {
		return new URL(location, from);
	} catch {
		return undefined;
	}
}

/** How many same-origin redirects one request may follow. */
export const MAX_REDIRECTS = 5;

/**
 * Why a redirect from `from` to `to` is not followed, or undefined when it may be followed with
 * the credential: only to the same origin (scheme, host and port), and only when the method
 * survives it (a POST answered 301/302/303 would become a GET and lose its body).
 */
export function refusedRedirect(
	statusCode: number,
	method: string,
	from: string,
	to: URL,
): string | undefined {
	const origin = new URL(from);
	if (to.origin !== origin.origin) {
		const hint =
			to.hostname === origin.hostname && to.protocol === 'https:' && origin.protocol === 'http:'
				? " The server wants https: use https:// in the credential's Base URL."
				: ' If the vendor has moved, put its new address in the credential.';
		return `the server redirected the request (HTTP ${statusCode}) to another host, ${to.protocol}//${to.host}; it was not followed, so no credential was sent there.${hint}`;
	}
	const upper = method.toUpperCase();
	if (statusCode !== 307 && statusCode !== 308 && upper !== 'GET' && upper !== 'HEAD') {
		return `the server redirected the ${upper} (HTTP ${statusCode}) to ${to.pathname}, which would turn it into a GET and drop its data; it was not followed.`;
	}
	return undefined;
}
