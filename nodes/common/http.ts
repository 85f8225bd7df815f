import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { ApiResponse, RequestPlan, VendorApi } from './operation';

type RequestContext = IExecuteFunctions | ILoadOptionsFunctions;

interface FullResponse {
	statusCode: number;
	body: unknown;
	headers: IDataObject;
}

/** Fills `{name}` placeholders of a documented path, encoding each value. */
export function fillPath(path: string, values: IDataObject): string {
	return path.replace(/\{(\w+)\}/g, (_match, name: string) => {
		const value = values[name];
		if (value === undefined || value === null || value === '') {
			throw new Error(`Missing value for path placeholder {${name}}`);
		}
		return encodeURIComponent(String(value));
	});
}

/** Bytes of a failed download are usually a JSON error: read them as such when possible. */
function readableBody(body: unknown): unknown {
	const text = Buffer.isBuffer(body)
		? body.toString('utf8')
		: body instanceof ArrayBuffer
			? Buffer.from(body).toString('utf8')
			: body;
	if (typeof text !== 'string') return text;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

function apiError(
	ctx: RequestContext,
	api: VendorApi,
	message: string,
	statusCode: number | undefined,
	body: unknown,
	itemIndex: number | undefined,
): NodeApiError {
	// Only the status and the vendor's answer are kept: never the request, whose headers
	// carry the token and whose body may carry a password.
	const errorResponse: JsonObject = { httpCode: statusCode ?? null, body: (body ?? null) as JsonObject };
	return new NodeApiError(ctx.getNode(), errorResponse, {
		message: `${api.displayName}: ${message}`,
		httpCode: statusCode === undefined ? undefined : String(statusCode),
		itemIndex,
	});
}

/** Turns an error thrown inside n8n's authenticated request (login, 401, network) into ours. */
function wrapThrown(
	ctx: RequestContext,
	api: VendorApi,
	error: unknown,
	itemIndex: number | undefined,
): NodeApiError {
	const err = error as { httpCode?: string | null; message?: string; context?: { data?: unknown } };
	const statusCode = err.httpCode ? Number(err.httpCode) : undefined;
	const body = err.context?.data;
	const vendorWords =
		statusCode !== undefined
			? api.failureMessage({ statusCode, body, headers: {} })
			: undefined;
	// n8n has already logged in again and retried once when a 401 gets here.
	const message =
		statusCode === 401
			? `${(vendorWords ?? 'the server rejected the credentials (HTTP 401)').replace(/\.+$/, '')}. Check the credential's values.`
			: (vendorWords ?? err.message ?? 'request failed');
	return apiError(ctx, api, message, statusCode, body, itemIndex);
}

async function send(
	ctx: RequestContext,
	api: VendorApi,
	options: IHttpRequestOptions,
	credentialsDecrypted?: IDataObject,
): Promise<FullResponse> {
	const nodeCredentials = ctx.getNode().credentials?.[api.credentialType];
	const extra = credentialsDecrypted
		? {
				credentialsDecrypted: {
					id: nodeCredentials?.id ?? '',
					name: nodeCredentials?.name ?? '',
					type: api.credentialType,
					data: credentialsDecrypted,
				},
			}
		: undefined;
	return (await ctx.helpers.httpRequestWithAuthentication.call(
		ctx,
		api.credentialType,
		options,
		extra as never,
	)) as FullResponse;
}

/**
 * Sends one request with the node's credential and returns the vendor's answer, or throws a
 * NodeApiError carrying the vendor's own words. HTTP 401 makes n8n log in again and retry once;
 * a vendor-specific rejection (`isTokenRejected`) does the same here, and nothing else is retried.
 */
export async function apiRequest(
	this: RequestContext,
	api: VendorApi,
	plan: RequestPlan,
	itemIndex?: number,
): Promise<ApiResponse> {
	const credentials = (await this.getCredentials(api.credentialType)) as IDataObject;
	const prepared = api.prepare ? api.prepare(plan, credentials) : plan;
	const options: IHttpRequestOptions = {
		method: prepared.method,
		url: `${api.baseUrl(credentials)}${prepared.path}`,
		qs: prepared.qs,
		body: prepared.body,
		headers: prepared.headers,
		json: !prepared.binary,
		encoding: prepared.binary ? 'arraybuffer' : undefined,
		returnFullResponse: true,
		// 401 must stay an error so that n8n refreshes a login token and retries once; every other
		// status (and a 401 for a fixed token, which no refresh can cure) is read here.
		ignoreHttpStatusErrors: { ignore: true, except: api.staticToken ? [] : [401] },
	};

	let raw: FullResponse;
	try {
		const overridden = plan.credentialOverrides ? { ...credentials, ...plan.credentialOverrides } : undefined;
		raw = await send(this, api, options, overridden);
		if (api.isTokenRejected && api.tokenField) {
			const first: ApiResponse = { ...raw, body: readableBody(raw.body) };
			if (api.isTokenRejected(first)) {
				// An empty token makes n8n's preAuthentication log in (and store the new token).
				raw = await send(this, api, options, { ...credentials, [api.tokenField]: '' });
			}
		}
	} catch (error) {
		throw wrapThrown(this, api, error, itemIndex);
	}

	const response: ApiResponse = {
		statusCode: raw.statusCode,
		headers: raw.headers ?? {},
		body: raw.statusCode >= 400 && prepared.binary ? readableBody(raw.body) : raw.body,
	};
	const failure = api.failureMessage(response);
	if (raw.statusCode >= 400 || failure !== undefined) {
		throw apiError(this, api, failure ?? `HTTP ${raw.statusCode}`, raw.statusCode, response.body, itemIndex);
	}
	return response;
}

/** Like apiRequest, returning only the useful part of the answer. */
export async function apiRequestBody(
	this: RequestContext,
	api: VendorApi,
	plan: RequestPlan,
	itemIndex?: number,
): Promise<unknown> {
	const response = await apiRequest.call(this, api, plan, itemIndex);
	return api.unwrap ? api.unwrap(response.body) : response.body;
}
