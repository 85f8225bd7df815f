import type { IDataObject, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

/** `this.helpers.httpRequest` of a credential's preAuthentication or of a node. */
export type HttpRequest = (options: IHttpRequestOptions) => Promise<unknown>;

/** "crm.example.com/" or "http://crm.example.com" -> a base URL with a scheme (https by default) and no trailing "/". */
export function normalizeBaseUrl(value: unknown, fallback = ''): string {
	const text = String(value ?? '').trim().replace(/\/+$/, '') || fallback;
	return /^https?:\/\//i.test(text) ? text : `https://${text}`;
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

export interface TokenLogin {
	/** Vendor name for the error message. */
	vendor: string;
	url: string;
	body: IDataObject;
	headers?: IDataObject;
	/** The server's own words for a refused login, read from its answer. */
	reason: (answer: IDataObject) => unknown;
}

/**
 * Logs in and returns the token with the rest of the answer. Errors carry only the server's
 * words: the request, and the password in it, never reach an error message.
 */
export async function requestToken(
	httpRequest: HttpRequest,
	login: TokenLogin,
): Promise<{ token: string; answer: IDataObject; statusCode: number }> {
	const response = (await httpRequest({
		method: 'POST',
		url: login.url,
		headers: login.headers,
		body: login.body,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	})) as { statusCode: number; body: IDataObject | string };
	const answer = typeof response.body === 'object' && response.body !== null ? response.body : {};
	if (response.statusCode >= 400 || typeof answer.token !== 'string' || !answer.token) {
		const reason = login.reason(answer) ?? `HTTP ${response.statusCode}`;
		throw new Error(`${login.vendor} login failed: ${Array.isArray(reason) ? reason.join(' ') : String(reason)}`);
	}
	return { token: answer.token, answer, statusCode: response.statusCode };
}
