import type { IDataObject } from 'n8n-workflow';

import type { HttpRequest } from '../common/session';
import { normalizeBaseUrl, requestToken } from '../common/session';

/** SML paths used by both the credential and the node. */
export const SML_LOGIN_PATH = '/api/auth/login/';
export const SML_LOGOUT_PATH = '/api/auth/logout/';

/** "crm.example.com/" or "https://crm.example.com/" -> "https://crm.example.com". */
export const smlBaseUrl = (value: unknown): string => normalizeBaseUrl(value);

/** Logs in to SML and returns the session token. */
export async function smlLogin(httpRequest: HttpRequest, credentials: IDataObject): Promise<string> {
	const { token } = await requestToken(httpRequest, {
		vendor: 'SML',
		url: `${smlBaseUrl(credentials.baseUrl)}${SML_LOGIN_PATH}`,
		body: { username: credentials.username, password: credentials.password },
		reason: (answer) => answer.non_field_errors ?? answer.detail,
	});
	return token;
}
