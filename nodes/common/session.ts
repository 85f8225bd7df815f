import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

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
}

/** A login gets this long to answer: it carries no data, so a slow one is a sick server. */
export const LOGIN_TIMEOUT_MS = 30_000;

/** A login that failed; its message names the vendor ("SML login failed: …"). */
export class LoginFailure extends Error {}

/** Whether the error (or one it wraps, as n8n does) is a failed login. */
export function isLoginFailure(error: unknown): boolean {
	let current = error as { cause?: unknown } | undefined;
	for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
		if (current instanceof LoginFailure) return true;
		current = current.cause as typeof current;
	}
	return false;
}

/** Marks the error of a login the vendor answered without a token: not worth trying again soon. */
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
				timeout: LOGIN_TIMEOUT_MS,
			})) as typeof response;
		} catch (error) {
			failed = error;
		}
		if (!response) {
			const failure = networkFailure(failed, LOGIN_TIMEOUT_MS, "the login's time limit");
			throw failure
				? new LoginFailure(`${login.vendor} login failed (POST ${pathOf(url)}): ${failure.cause}.`)
				: failed;
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

/**
 * Logs in and returns the token with the rest of the answer. Errors carry only the server's
 * words: the request, and the password in it, never reach an error message.
 */
export async function requestToken(
	httpRequest: HttpRequest,
	login: TokenLogin,
): Promise<{ token: string; answer: IDataObject; statusCode: number }> {
	const response = await postLogin(httpRequest, login);
	const answer =
		typeof response.body === 'object' && response.body !== null && !Array.isArray(response.body)
			? (response.body as IDataObject)
			: {};
	if (response.statusCode >= 400 || typeof answer.token !== 'string' || !answer.token) {
		const text = typeof response.body === 'string' ? response.body.replace(/\s+/g, ' ').trim() : '';
		const reason =
			login.reason(answer) ??
			(text
				? `HTTP ${response.statusCode}, an answer without a token: "${text.slice(0, 120)}"`
				: `HTTP ${response.statusCode}`);
		const error = new LoginFailure(
			`${login.vendor} login failed: ${Array.isArray(reason) ? reason.join(' ') : String(reason)}`,
		);
		throw Object.assign(error, { [REFUSED]: true });
	}
	return { token: answer.token, answer, statusCode: response.statusCode };
}
