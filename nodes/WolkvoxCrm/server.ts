/**
 * Where a wolkvox CRM operation lives. Shared by the credential (its list of servers and its test
 * request) and the node (its base URL).
 */

/** The servers the vendor documents (2024-09 onwards). */
export const WOLKVOX_SERVERS = ['crm0001.wolkvox.com', 'crm0000.wolkvox.com', 'crm.wolkvox.com'] as const;

export const CUSTOM_SERVER = 'custom';

/** The token-information call: the credential's test and Token > Get Usage. */
export const USAGE_INFORMATION_PATH = '/server/API/v2/token/tokenInformation.php';

/** The old `svNNNN.crmvox.com` hosts were switched off on 2024-11-30; each moved to `crmNNNN.wolkvox.com`. */
export function retiredServerMessage(host: string): string | undefined {
	const name = host.toLowerCase();
	if (!/(^|\.)crmvox\.com$/.test(name)) return undefined;
	const numbered = /^sv(\d+)\.crmvox\.com$/.exec(name);
	const replacement = numbered ? `crm${numbered[1]}.wolkvox.com` : 'crm0001.wolkvox.com or crm0000.wolkvox.com';
	return (
		`The server ${host} was retired on 30 November 2024: use ${replacement} instead ` +
		'(sv0001.crmvox.com became crm0001.wolkvox.com and sv0000.crmvox.com became crm0000.wolkvox.com). ' +
		"Choose it in the credential's Server list."
	);
}

/** The error thrown for a misconfigured server; its message is meant for the user as it is. */
export class WolkvoxServerError extends Error {}

/**
 * The base URL of the credential's server: one of the documented hosts, or a custom value that
 * may be a bare host (`https://` is added) or a full URL with scheme and path prefix, e.g.
 * `http://127.0.0.1:8080/sandbox`. A trailing `/` or `/server/API/v2...` is dropped.
 */
export function wolkvoxBaseUrl(credentials: { server?: unknown; customHost?: unknown }): string {
	const chosen = credentials.server === CUSTOM_SERVER ? credentials.customHost : credentials.server;
	const text = String(chosen ?? '')
		.trim()
		.replace(/\/server\/API\/v2(\/.*)?$/i, '')
		.replace(/\/+$/, '');
	if (!text) {
		throw new WolkvoxServerError("The credential has no server: choose one in its Server list or enter your CRM's host");
	}
	const url = /^https?:\/\//i.test(text) ? text : `https://${text}`;
	const host = /^https?:\/\/([^/:?#]+)/i.exec(url)?.[1] ?? text;
	const retired = retiredServerMessage(host);
	if (retired) throw new WolkvoxServerError(retired);
	return url;
}
