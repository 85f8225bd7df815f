import type { IDataObject } from 'n8n-workflow';

import type { HttpRequest } from '../common/wire/login';
import { requestToken } from '../common/wire/login';
import { casabacaApi, isLoginRefused, loginRefusal } from './transport';

/** Casabaca paths used by both the credential and the node. */
export const CASABACA_LOGIN_PATH = '/api/login';
export const CASABACA_LOGOUT_PATH = '/api/logout';

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

/** Creates a token (POST /api/login). */
export async function casabacaLogin(
	httpRequest: HttpRequest,
	credentials: IDataObject,
): Promise<string> {
	return (await casabacaLoginOutcome(httpRequest, credentials)).token;
}

/** `timeout`: the Create Token operation's own Options > Timeout (the automatic login has its fixed limit). */
export async function casabacaLoginOutcome(
	httpRequest: HttpRequest,
	credentials: IDataObject,
	timeoutMs?: number,
): Promise<LoginOutcome> {
	const { token, answer, statusCode } = await requestToken(httpRequest, {
		vendor: casabacaApi.displayName,
		url: `${casabacaApi.baseUrl(credentials)}${CASABACA_LOGIN_PATH}`,
		headers: { Accept: 'application/json' },
		body: loginBody(credentials),
		reason: loginRefusal,
		refused: isLoginRefused,
		timeoutMs,
		check: timeoutMs !== undefined,
	});
	return { token, statusCode: String(answer.status_code ?? statusCode) };
}
