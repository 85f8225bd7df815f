/**
 * Where a wolkvox CRM operation lives. Shared by the credential (its list of servers and its test
 * request) and the node (its base URL).
 */

import { normalizeBaseUrlExpression } from '../common/wire/login';

/** The servers the vendor documents (2024-09 onwards). */
export const WOLKVOX_SERVERS = [
	'crm0001.wolkvox.com',
	'crm0000.wolkvox.com',
	'crm.wolkvox.com',
] as const;

export const CUSTOM_SERVER = 'custom';

/** The token-information call: the credential's test and Token > Get Usage. */
export const USAGE_INFORMATION_PATH = '/server/API/v2/token/tokenInformation.php';

/** A custom server given with the API's own path: the base URL is what comes before it. */
const API_PATH_SUFFIX = /\/server\/API\/v2(\/.*)?$/i;

/**
 * The host that replaced a retired one: the old `svNNNN.crmvox.com` hosts were switched off on
 * 2024-11-30, each moved to `crmNNNN.wolkvox.com`. Undefined for a host in service.
 */
export function replacementOfRetired(host: string): string | undefined {
	const name = host.toLowerCase();
	if (!/(^|\.)crmvox\.com$/.test(name)) return undefined;
	const numbered = /^sv(\d+)\.crmvox\.com$/.exec(name);
	return numbered ? `crm${numbered[1]}.wolkvox.com` : 'crm0001.wolkvox.com or crm0000.wolkvox.com';
}

/** The host of a base URL. */
export const hostOf = (url: string) => /^https?:\/\/([^/:?#]+)/i.exec(url)?.[1] ?? url;

/**
 * The base URL of the credential's server: one of the documented hosts, or a custom value that
 * may be a bare host (`https://` is added) or a full URL with scheme and path prefix, e.g.
 * `http://127.0.0.1:8080/sandbox`. A trailing `/` or `/server/API/v2...` is dropped. Empty when
 * the credential names no server; the transport refuses that, and a retired host, in its words.
 */
export function wolkvoxBaseUrl(credentials: { server?: unknown; customHost?: unknown }): string {
	const chosen = credentials.server === CUSTOM_SERVER ? credentials.customHost : credentials.server;
	const text = String(chosen ?? '')
		.trim()
		.replace(API_PATH_SUFFIX, '')
		.replace(/\/+$/, '');
	if (!text) return '';
	return /^https?:\/\//i.test(text) ? text : `https://${text}`;
}

/**
 * wolkvoxBaseUrl as the expression of the credential's test request (n8n evaluates it, so it cannot
 * call the function). A host it refuses (none, or a retired crmvox.com one) still gives a URL here:
 * the test request to it fails, and the credential's notice names the new servers.
 */
const chosenServer = `($credentials.server === ${JSON.stringify(CUSTOM_SERVER)} ? $credentials.customHost : $credentials.server)`;
export const wolkvoxBaseUrlExpression = normalizeBaseUrlExpression(
	`String(${chosenServer} ?? "").trim().replace(${API_PATH_SUFFIX}, "")`,
);
