import type { IDataObject } from 'n8n-workflow';

import type { HttpRequest } from '../common/wire/login';
import { requestToken } from '../common/wire/login';
import { isLoginRefused, loginRefusal, smlApi } from './transport';

/** SML paths used by both the credential and the node. */
export const SML_LOGIN_PATH = '/api/auth/login/';
export const SML_LOGOUT_PATH = '/api/auth/logout/';

/**
 * Logs in to SML and returns the session token. `timeout`: the Log In operation's own Options >
 * Timeout (the automatic login has its fixed limit).
 */
export async function smlLogin(
	httpRequest: HttpRequest,
	credentials: IDataObject,
	timeoutMs?: number,
): Promise<string> {
	const { token } = await requestToken(httpRequest, {
		vendor: smlApi.displayName,
		url: `${smlApi.baseUrl(credentials)}${SML_LOGIN_PATH}`,
		body: { username: credentials.username, password: credentials.password },
		reason: loginRefusal,
		refused: isLoginRefused,
		timeoutMs,
		check: timeoutMs !== undefined,
	});
	return token;
}
