/**
 * One request on the wire: through n8n's authenticated request, with the credential the session
 * read, and with n8n's redirects off so that only same-origin redirects are followed (here).
 */
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { MAX_REDIRECTS, redirectTarget, refusedRedirect } from './network';
import type { ApiResponse, EngineFunctions, VendorApi } from '../execution/operation';

/**
 * One request through n8n's authenticated request, with the credential the session read: n8n then
 * neither reads nor decrypts it again, and its preAuthentication writes a new token into it.
 */
async function send(
	ctx: EngineFunctions,
	api: VendorApi,
	options: IHttpRequestOptions,
	credentialsDecrypted: IDataObject,
): Promise<ApiResponse> {
	const nodeCredentials = ctx.getNode().credentials?.[api.credentialType];
	const extra = {
		credentialsDecrypted: {
			id: nodeCredentials?.id ?? '',
			name: nodeCredentials?.name ?? '',
			type: api.credentialType,
			data: credentialsDecrypted,
		},
	};
	return (await ctx.helpers.httpRequestWithAuthentication.call(
		ctx,
		api.credentialType,
		options,
		extra as never,
	)) as ApiResponse;
}

/** A redirect that was not followed, and why. */
export interface Refused {
	refused: string;
	statusCode: number;
}

/**
 * Sends with n8n's redirects turned off and follows only those that keep the credential at home:
 * same origin, method kept. A redirect elsewhere comes back as `refused`, so the token, and the
 * answer of a host nobody configured, never cross.
 */
export async function sendFollowing(
	ctx: EngineFunctions,
	api: VendorApi,
	options: IHttpRequestOptions,
	credentialsDecrypted: IDataObject,
): Promise<ApiResponse | Refused> {
	let current = options;
	for (let hop = 0; ; hop++) {
		const raw = await send(ctx, api, current, credentialsDecrypted);
		const target = redirectTarget(raw.statusCode, raw.headers, current.url);
		if (!target) return raw;
		const refused =
			hop >= MAX_REDIRECTS
				? `the server redirected the request more than ${MAX_REDIRECTS} times; it was not followed further.`
				: refusedRedirect(raw.statusCode, current.method ?? 'GET', current.url, target);
		if (refused) return { refused, statusCode: raw.statusCode };
		// The new URL carries its own query: the original one must not be added again.
		current = { ...current, url: target.href, qs: undefined };
	}
}
