import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

/** SML paths used by both the credential and the node. */
export const SML_LOGIN_PATH = '/api/auth/login/';
export const SML_LOGOUT_PATH = '/api/auth/logout/';

/** "crm.example.com/" or "https://crm.example.com/" -> "https://crm.example.com". */
export function smlBaseUrl(value: unknown): string {
	const text = String(value ?? '').trim().replace(/\/+$/, '');
	return /^https?:\/\//i.test(text) ? text : `https://${text}`;
}

type HttpRequest = (options: IHttpRequestOptions) => Promise<unknown>;

/**
 * Logs in to SML and returns the session token. Errors carry only the server's words:
 * the request, and the password in it, never reach an error message.
 */
export async function smlLogin(httpRequest: HttpRequest, credentials: IDataObject): Promise<string> {
	const response = (await httpRequest({
		method: 'POST',
		url: `${smlBaseUrl(credentials.baseUrl)}${SML_LOGIN_PATH}`,
		body: { username: credentials.username, password: credentials.password },
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	})) as { statusCode: number; body: IDataObject | string };
	const body = typeof response.body === 'object' && response.body !== null ? response.body : {};
	if (response.statusCode >= 400 || typeof body.token !== 'string' || !body.token) {
		const reason = body.non_field_errors ?? body.detail ?? `HTTP ${response.statusCode}`;
		throw new Error(`SML login failed: ${Array.isArray(reason) ? reason.join(' ') : String(reason)}`);
	}
	return body.token;
}
