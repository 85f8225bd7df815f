import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

/** Casabaca paths used by both the credential and the node. */
export const CASABACA_LOGIN_PATH = '/api/login';
export const CASABACA_LOGOUT_PATH = '/api/logout';
export const CASABACA_DEFAULT_URL = 'https://api-sugarcrm.casabaca.com';

/** "api-sugarcrm.casabaca.com/" or "http://api-sugarcrm.casabaca.com" -> a base URL without a trailing "/". */
export function casabacaBaseUrl(value: unknown): string {
	const text = String(value ?? '').trim().replace(/\/+$/, '') || CASABACA_DEFAULT_URL;
	return /^https?:\/\//i.test(text) ? text : `https://${text}`;
}

type HttpRequest = (options: IHttpRequestOptions) => Promise<unknown>;

/** The body of POST /api/login, from the credential. */
export const loginBody = (credentials: IDataObject) => ({
	autorizador: credentials.autorizador,
	email: credentials.email,
	password: credentials.password,
	environment: credentials.environment,
});

/** What a login answered, without the token itself: for outputs. */
export interface LoginOutcome {
	token: string;
	/** The answer's `status_code` ("200" when documented). */
	statusCode: string;
}

/**
 * Creates a token (POST /api/login). Errors carry only the server's words: the request, and
 * the password in it, never reach an error message.
 */
export async function casabacaLogin(httpRequest: HttpRequest, credentials: IDataObject): Promise<string> {
	return (await casabacaLoginOutcome(httpRequest, credentials)).token;
}

export async function casabacaLoginOutcome(httpRequest: HttpRequest, credentials: IDataObject): Promise<LoginOutcome> {
	const response = (await httpRequest({
		method: 'POST',
		url: `${casabacaBaseUrl(credentials.baseUrl)}${CASABACA_LOGIN_PATH}`,
		headers: { Accept: 'application/json' },
		body: loginBody(credentials),
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	})) as { statusCode: number; body: IDataObject | string };
	const body = typeof response.body === 'object' && response.body !== null ? response.body : {};
	if (response.statusCode >= 400 || typeof body.token !== 'string' || !body.token) {
		const reason = body.message ?? body.error ?? `HTTP ${response.statusCode}`;
		throw new Error(`SugarCRM Casabaca login failed: ${String(reason)}`);
	}
	return { token: body.token, statusCode: String(body.status_code ?? response.statusCode) };
}
