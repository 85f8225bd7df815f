import type { IDataObject, IHttpRequestOptions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { CredentialSession, REFUSED_BEFORE, RefusedBefore } from './credentialSession';
import { asText, headerValue, masked, parseAnswer, readableBody, retryAfter } from './answer';
import { DEFAULT_TIMEOUT_MS } from '../execution/engineOptions';
import { networkFailure, networkFailureText } from './network';
import type { ApiResponse, EngineFunctions, RequestPlan, VendorApi } from '../execution/operation';
import type { Refused } from './send';
import { sendFollowing } from './send';
import { loginFailureOf } from './login';

type RequestContext = EngineFunctions;

interface ErrorDetails {
	statusCode?: number;
	body?: unknown;
	itemIndex?: number;
	description?: string;
	secrets?: string[];
	/** The message names the vendor itself (a login's "SML login failed: …"): no prefix. */
	named?: boolean;
}

function apiError(
	ctx: RequestContext,
	api: VendorApi,
	message: string,
	details: ErrorDetails = {},
): NodeApiError {
	const { statusCode, body, itemIndex, description, secrets = [], named = false } = details;
	// Only the status and the vendor's answer are kept: never the request, whose headers
	// carry the token and whose body may carry a password.
	const errorResponse: JsonObject = {
		httpCode: statusCode ?? null,
		body: masked(body ?? null, secrets) as JsonObject,
	};
	const text = masked(message, secrets);
	return new NodeApiError(ctx.getNode(), errorResponse, {
		message: named ? text : `${api.displayName}: ${text}`,
		httpCode: statusCode === undefined ? undefined : String(statusCode),
		description,
		itemIndex,
	});
}

/** Adds a sentence to an error's description, after what it already says. */
export function appendDescription(error: Error, sentence: string): Error {
	const described = error as Error & { description?: string | null };
	const earlier = described.description ? `${described.description.replace(/\.?\s*$/, '.')} ` : '';
	described.description = `${earlier}${sentence}`;
	return error;
}

/** A failure after which nobody knows whether the server acted (batches say so: see batch.ts). */
export function isOutcomeUnknown(error: unknown): boolean {
	return (error as { context?: IDataObject } | undefined)?.context?.outcomeUnknown === true;
}

/**
 * Turns an error thrown inside n8n's authenticated request into ours. Every HTTP status is an
 * answer read by apiRequest, so what is thrown is the wire failing or a login failing.
 */
function wrapThrown(
	ctx: RequestContext,
	api: VendorApi,
	error: unknown,
	options: IHttpRequestOptions,
	plan: RequestPlan & { path: string },
	itemIndex: number | undefined,
	secrets: string[],
): NodeApiError {
	// Only the operations have Options > Timeout: a trigger's poll and a dropdown use the default.
	const limit =
		plan.timeout === undefined ? 'the time limit of one request' : "the node's Timeout option";
	const failure = networkFailure(error, options.timeout, limit);
	if (!failure) {
		// n8n wraps a failed login in its own error, which may put its words in place of ours.
		const login = loginFailureOf(error);
		return apiError(ctx, api, (login ?? (error as Error))?.message || 'request failed', {
			itemIndex,
			secrets,
			named: login !== undefined,
			description: login?.description,
		});
	}
	const wrapped = apiError(
		ctx,
		api,
		networkFailureText(api.displayName, options.method ?? 'GET', plan.path, failure, plan.readOnly),
		{ itemIndex },
	);
	if (failure.maybeProcessed && !plan.readOnly) wrapped.context.outcomeUnknown = true;
	return wrapped;
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
	session: CredentialSession = new CredentialSession(this, api),
): Promise<ApiResponse> {
	const refused = session.refusal();
	if (refused !== undefined) {
		throw apiError(this, api, refused, { itemIndex, description: REFUSED_BEFORE, named: true });
	}

	const credentials = await session.credentials();
	const prepared = api.prepare ? api.prepare(plan, credentials) : plan;
	const options: IHttpRequestOptions = {
		method: prepared.method,
		url: `${api.baseUrl(credentials)}${prepared.path}`,
		qs: prepared.qs,
		body: prepared.body,
		headers: prepared.headers,
		json: !prepared.binary,
		encoding: prepared.binary ? 'arraybuffer' : 'text',
		timeout: plan.timeout ?? DEFAULT_TIMEOUT_MS,
		disableFollowRedirect: true,
		returnFullResponse: true,
		// Every status is read here, 401 included: the session renews a rejected token once for all
		// requests in flight (n8n would log in again for each of them).
		ignoreHttpStatusErrors: true,
	};
	const rejected = (answer: ApiResponse | Refused) =>
		!('refused' in answer) &&
		(answer.statusCode === 401 ||
			(answer.statusCode >= 400 &&
				api.isTokenRejected?.({ ...answer, body: readableBody(answer.body) }) === true));

	let raw: ApiResponse | Refused;
	try {
		raw = await session.send(
			async (data) =>
				await sendFollowing(
					this,
					api,
					options,
					plan.credentialOverrides ? { ...data, ...plan.credentialOverrides } : data,
				),
			api.staticToken ? () => false : rejected,
		);
	} catch (error) {
		const secrets = await session.secrets();
		if (error instanceof RefusedBefore) {
			throw apiError(this, api, error.message, {
				itemIndex,
				description: REFUSED_BEFORE,
				secrets,
				named: true,
			});
		}
		throw wrapThrown(this, api, error, options, prepared, itemIndex, secrets);
	}
	if ('refused' in raw) {
		throw apiError(this, api, `${options.method} ${prepared.path}: ${raw.refused}`, {
			statusCode: raw.statusCode,
			itemIndex,
			secrets: await session.secrets(),
		});
	}

	const headers = raw.headers ?? {};
	const failed = raw.statusCode >= 400;
	let body: unknown;
	if (failed) {
		body = readableBody(raw.body);
	} else if (prepared.binary) {
		if (/json/i.test(String(headerValue(headers, 'content-type') ?? ''))) {
			// A 2xx carrying JSON is no file: report the vendor's words instead of a broken file.
			const answer = readableBody(raw.body);
			const words =
				api.failureMessage({ statusCode: raw.statusCode, headers, body: answer }) ??
				api.answerWords?.(answer);
			const message = `the server sent no ${prepared.file ?? 'file'}${words ? `: ${words}` : ''}`;
			throw apiError(this, api, message, {
				statusCode: raw.statusCode,
				body: answer,
				itemIndex,
				secrets: await session.secrets(),
			});
		}
		body = raw.body;
	} else {
		const nothingExpected =
			raw.statusCode === 204 || options.method === 'DELETE' || plan.emptyAnswer === true;
		const parsed = parseAnswer(asText(raw.body), nothingExpected);
		if (!parsed.ok) {
			throw apiError(this, api, `${options.method} ${prepared.path}: ${parsed.problem}`, {
				statusCode: raw.statusCode,
				itemIndex,
				secrets: await session.secrets(),
			});
		}
		body = parsed.value;
	}

	const response: ApiResponse = { statusCode: raw.statusCode, headers, body };
	const failure = api.failureMessage(response);
	if (failed || failure !== undefined) {
		const wait = raw.statusCode === 429 ? retryAfter(headers) : undefined;
		const words = failure ?? `HTTP ${raw.statusCode}`;
		// A 401 here survived a fresh login (or the token is fixed): the credential itself is wrong.
		const message =
			raw.statusCode === 401 && !api.staticToken
				? `${words.replace(/\.+$/, '')}. Check the credential's values.`
				: `${words}${wait ? `. The server asks to wait ${wait} before trying again (Retry-After)` : ''}`;
		throw apiError(this, api, message, {
			statusCode: raw.statusCode,
			body: response.body,
			itemIndex,
			secrets: await session.secrets(),
		});
	}
	return response;
}

/** Like apiRequest, returning only the useful part of the answer. */
export async function apiRequestBody(
	this: RequestContext,
	api: VendorApi,
	plan: RequestPlan,
	itemIndex?: number,
	session?: CredentialSession,
): Promise<unknown> {
	const response = await apiRequest.call(this, api, plan, itemIndex, session);
	return api.unwrap ? api.unwrap(response.body) : response.body;
}
