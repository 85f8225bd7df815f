import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { fingerprint, gatedLogin, releaseRecent, RETRY_WINDOW_MS } from './loginGate';
import { MAX_REDIRECTS, networkFailure, redirectTarget, refusedRedirect } from './network';

/** `this.helpers.httpRequest` of a credential's preAuthentication or of a node. */
export type HttpRequest = (options: IHttpRequestOptions) => Promise<unknown>;

/** "crm.example.com/" or "http://crm.example.com" -> a base URL with a scheme (https by default) and no trailing "/". */
export function normalizeBaseUrl(value: unknown, fallback = ''): string {
	const text =
		String(value ?? '')
			.trim()
			.replace(/\/+$/, '') || fallback;
	return /^https?:\/\//i.test(text) ? text : `https://${text}`;
}

/**
 * normalizeBaseUrl written as an n8n expression, for a credential's test request: n8n evaluates
 * that request itself and cannot call this package's code. `value` is the JavaScript that reads the
 * address, e.g. `$credentials.baseUrl`. test/credentials/baseUrl.test.ts checks both agree.
 */
export function normalizeBaseUrlExpression(value: string, fallback = ''): string {
	const trimmed = `(String(${value} ?? "").trim().replace(${/\/+$/}, "") || ${JSON.stringify(fallback)})`;
	return `={{${trimmed}.replace(${/^(?!https?:\/\/)/i}, "https://")}}`;
}

/**
 * The hidden credential field n8n keeps the session token in: `expirable` makes n8n run the
 * credential's preAuthentication again when the token is missing or rejected.
 */
export const sessionTokenProperty: INodeProperties = {
	displayName: 'Session Token',
	name: 'sessionToken',
	type: 'hidden',
	typeOptions: { expirable: true, password: true },
	default: '',
};

/**
 * A credential's `authenticate` as a function of its values: n8n would otherwise evaluate an
 * expression for every request, a cost that shows when thousands of items go out.
 */
export const headerAuthentication =
	(headers: (credentials: ICredentialDataDecryptedObject) => Record<string, string>) =>
	async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => ({
		...requestOptions,
		headers: { ...requestOptions.headers, ...headers(credentials) },
	});

export interface TokenLogin {
	/** Vendor name for the error message. */
	vendor: string;
	url: string;
	body: IDataObject;
	headers?: IDataObject;
	/** The server's own words for a refused login, read from its answer. */
	reason: (answer: IDataObject) => unknown;
	/**
	 * Whether an answer without a token is the vendor refusing the credential, as its document
	 * describes a refused login. Anything else (a 5xx, an HTML page) is a login that could not be
	 * completed, and is tried again.
	 */
	refused: (statusCode: number, answer: IDataObject) => boolean;
	/** The Log In operation's Options > Timeout, in milliseconds (LOGIN_TIMEOUT_MS without it). */
	timeoutMs?: number;
	/**
	 * The node's own Log In / Create Token: it checks the credential, so its token is not handed to
	 * the logins that follow (an automatic login's is, until n8n has stored it).
	 */
	check?: boolean;
}

/** A login gets this long to answer: it carries no data, so a slow one is a sick server. */
export const LOGIN_TIMEOUT_MS = 30_000;

/** A login that failed; its message names the vendor ("SML login failed: …"). */
export class LoginFailure extends Error {
	/** Shown under the message (n8n's error description). */
	description?: string;
}

/** The failed login in an error, or in one it wraps (as n8n does). */
export function loginFailureOf(error: unknown): LoginFailure | undefined {
	let current = error as { cause?: unknown } | undefined;
	for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
		if (current instanceof LoginFailure) return current;
		current = current.cause as typeof current;
	}
	return undefined;
}

/** Marks the error of a login the vendor refused: not worth trying again soon. */
const REFUSED = 'loginRefused';

/** Whether the error (or one it wraps, as n8n does) is a login the vendor refused. */
export function isLoginRefusal(error: unknown): boolean {
	let current = error as { cause?: unknown; [REFUSED]?: unknown } | undefined;
	for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
		if (current[REFUSED] === true) return true;
		current = current.cause as typeof current;
	}
	return false;
}

const NOT_COMPLETED =
	'The credential was not refused: the server, or something between it and n8n, did not complete the login. The next item that needs a token tries again.';

const HELD = `No new login was tried for this item: the last two attempts failed, and while the login keeps failing it is tried at most once every ${RETRY_WINDOW_MS / 1000} seconds.`;

/** A login that could not be completed: its message says so, with what happened. */
function notCompleted(vendor: string, url: string, what: string): LoginFailure {
	const failure = new LoginFailure(
		`${vendor} login could not be completed (POST ${pathOf(url)}): ${what}.`,
	);
	failure.description = NOT_COMPLETED;
	return failure;
}

const pathOf = (url: string) => {
	try {
		return new URL(url).pathname;
	} catch {
		return url;
	}
};

/**
 * Posts the login, following a redirect only within its own origin and keeping its method
 * (307/308): the password never goes to another host.
 */
async function postLogin(httpRequest: HttpRequest, login: TokenLogin) {
	const timeout = login.timeoutMs
		? { ms: login.timeoutMs, name: "the node's Timeout option" }
		: { ms: LOGIN_TIMEOUT_MS, name: "the login's time limit" };
	let url = login.url;
	for (let hop = 0; ; hop++) {
		let response: { statusCode: number; body: unknown; headers?: IDataObject } | undefined;
		let failed: unknown;
		try {
			response = (await httpRequest({
				method: 'POST',
				url,
				headers: login.headers,
				body: login.body,
				json: true,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				disableFollowRedirect: true,
				timeout: timeout.ms,
			})) as typeof response;
		} catch (error) {
			failed = error;
		}
		if (!response) {
			const failure = networkFailure(failed, timeout.ms, timeout.name);
			if (failure) throw notCompleted(login.vendor, url, failure.cause);
			throw failed;
		}
		const target = redirectTarget(response.statusCode, response.headers, url);
		if (!target) return response;
		const refused =
			hop >= MAX_REDIRECTS
				? `the server redirected the login more than ${MAX_REDIRECTS} times.`
				: refusedRedirect(response.statusCode, 'POST', url, target);
		if (refused)
			throw new LoginFailure(`${login.vendor} login failed (POST ${pathOf(url)}): ${refused}`);
		url = target.href;
	}
}

/** The first words of a text answer, on one line: enough to recognise it, never a whole page. */
const excerpt = (text: string, length = 120) => {
	const line = text.replace(/\s+/g, ' ').trim();
	return line.length > length ? `${line.slice(0, length)}…` : line;
};

/** Why an answer without a token is no refusal, in words. */
function withoutToken(statusCode: number, body: unknown, answer: IDataObject, words: unknown) {
	const text = typeof body === 'string' ? body.trim() : '';
	if (text) {
		const kind = text.startsWith('<') ? 'an HTML page' : 'a text that is not JSON';
		return `the server answered HTTP ${statusCode} with ${kind}, not a login answer: "${excerpt(text)}"`;
	}
	const said = Array.isArray(words) ? words.join(' ') : words;
	if (said !== undefined && said !== null && said !== '')
		return `the server answered HTTP ${statusCode} without a token: ${String(said)}`;
	return `the server answered HTTP ${statusCode} without a token${Object.keys(answer).length ? '' : ' (an empty answer)'}`;
}

/** The password (and any other secret of the login's body) as *** in a message. */
function maskedFor(login: TokenLogin, message: string): string {
	return Object.entries(login.body)
		.filter(([key, value]) => /password|secret|token/i.test(key) && typeof value === 'string')
		.reduce((text, [, value]) => (value ? text.split(value as string).join('***') : text), message);
}

/** One login on the wire: the token, or a LoginFailure saying whether the vendor refused. */
async function logInOnce(
	httpRequest: HttpRequest,
	login: TokenLogin,
): Promise<{ token: string; answer: IDataObject; statusCode: number }> {
	const response = await postLogin(httpRequest, login);
	const answer =
		typeof response.body === 'object' && response.body !== null && !Array.isArray(response.body)
			? (response.body as IDataObject)
			: {};
	if (response.statusCode < 400 && typeof answer.token === 'string' && answer.token)
		return { token: answer.token, answer, statusCode: response.statusCode };
	const words = login.reason(answer);
	const isObject = answer === response.body;
	if (isObject && login.refused(response.statusCode, answer)) {
		const reason = words ?? `HTTP ${response.statusCode}`;
		const error = new LoginFailure(
			maskedFor(
				login,
				`${login.vendor} login failed: ${Array.isArray(reason) ? reason.join(' ') : String(reason)}`,
			),
		);
		throw Object.assign(error, { [REFUSED]: true });
	}
	const failure = notCompleted(
		login.vendor,
		login.url,
		withoutToken(response.statusCode, response.body, answer, words),
	);
	failure.message = maskedFor(login, failure.message);
	throw failure;
}

/**
 * Logs in and returns the token with the rest of the answer. Errors carry only the server's
 * words: the request, and the password in it, never reach an error message. The login is shared
 * with every execution of this process that logs in with the same credential meanwhile, and held
 * back after repeated failures (see loginGate.ts).
 */
export async function requestToken(
	httpRequest: HttpRequest,
	login: TokenLogin,
): Promise<{ token: string; answer: IDataObject; statusCode: number }> {
	const key = `${login.url}\u0000${fingerprint(JSON.stringify([login.headers ?? {}, login.body]))}`;
	return await gatedLogin(key, async () => await logInOnce(httpRequest, login), {
		keepRecent: !login.check,
		transient: (error) => error instanceof LoginFailure && !isLoginRefusal(error),
		held: (last) => {
			const failure = new LoginFailure(last.message);
			failure.description = HELD;
			return failure;
		},
	});
}

/**
 * The token is in n8n's store now (or was rejected): later logins of this process no longer take
 * it from the login that issued it.
 */
export function releaseIssuedToken(token: string): void {
	releaseRecent((result) => (result as { token?: unknown } | undefined)?.token === token);
}
