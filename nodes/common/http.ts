import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	JsonObject,
} from 'n8n-workflow';
import { ApplicationError, NodeApiError, NodeOperationError } from 'n8n-workflow';

import { MAX_REDIRECTS, networkFailure, networkFailureText, redirectTarget, refusedRedirect } from './network';
import type { ApiResponse, RequestPlan, VendorApi } from './operation';
import { pathSegmentProblem } from './pathSegments';
import { isLoginRefusal } from './session';

type RequestContext = IExecuteFunctions | ILoadOptionsFunctions;

/** Time limit of one request when the operation's Options > Timeout is not set. */
export const DEFAULT_TIMEOUT_MS = 60_000;

interface FullResponse {
	statusCode: number;
	body: unknown;
	headers: IDataObject;
}

/**
 * Fills `{name}` placeholders of a documented path, encoding each value. Validation has already
 * named the field of a bad value; this is the last guard for paths an operation fills itself.
 */
export function fillPath(path: string, values: IDataObject): string {
	return path.replace(/\{(\w+)\}/g, (_match, name: string) => {
		const value = values[name];
		const problem = pathSegmentProblem(value);
		if (problem) throw new ApplicationError(`The value for {${name}} of ${path} ${problem}`);
		return encodeURIComponent(String(value).trim());
	});
}

const asText = (body: unknown): unknown =>
	Buffer.isBuffer(body) ? body.toString('utf8') : body instanceof ArrayBuffer ? Buffer.from(body).toString('utf8') : body;

/** Bytes of a failed download are usually a JSON error: read them as such when possible. */
function readableBody(body: unknown): unknown {
	const text = asText(body);
	if (typeof text !== 'string') return text;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

/** The first part of a text answer, on one line: enough to recognise it, never a whole page. */
export const excerpt = (text: string, length = 120) => {
	const line = text.replace(/\s+/g, ' ').trim();
	return line.length > length ? `${line.slice(0, length)}…` : line;
};

type Parsed = { ok: true; value: unknown } | { ok: false; problem: string };

/**
 * Reads a 2xx answer's text. The body is asked for as text (not parsed by n8n) so that an empty,
 * cut or HTML answer is told apart from data instead of being output as `{data: "<html>…"}`.
 */
function parseAnswer(text: unknown, emptyAllowed: boolean): Parsed {
	if (typeof text !== 'string') return { ok: true, value: text };
	if (!text.trim()) {
		return emptyAllowed ? { ok: true, value: undefined } : { ok: false, problem: 'the answer was empty, where data was expected' };
	}
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		const kind = /^\s*</.test(text) ? 'an HTML or XML page' : 'not valid JSON';
		return { ok: false, problem: `the answer was ${kind}, where JSON was expected: "${excerpt(text)}"` };
	}
}

/** Credential values that must never be shown, whatever a server echoes back. */
function secretsOf(credentials: IDataObject): string[] {
	return Object.entries(credentials)
		.filter(([key, value]) => /password|token|secret/i.test(key) && typeof value === 'string' && value.length >= 4)
		.map(([, value]) => value as string);
}

/** A server may echo the token or password in its answer: an error shows `***` instead. */
function masked<T>(value: T, secrets: string[]): T {
	if (!secrets.length || value === undefined || value === null) return value;
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	let clean = text;
	for (const secret of secrets) {
		const written = typeof value === 'string' ? secret : JSON.stringify(secret).slice(1, -1);
		clean = clean.split(written).join('***');
	}
	if (clean === text) return value;
	return (typeof value === 'string' ? clean : JSON.parse(clean)) as T;
}

function apiError(
	ctx: RequestContext,
	api: VendorApi,
	message: string,
	statusCode: number | undefined,
	body: unknown,
	itemIndex: number | undefined,
	description?: string,
	secrets: string[] = [],
): NodeApiError {
	// Only the status and the vendor's answer are kept: never the request, whose headers
	// carry the token and whose body may carry a password.
	const errorResponse: JsonObject = { httpCode: statusCode ?? null, body: masked(body ?? null, secrets) as JsonObject };
	const text = masked(message, secrets);
	const error = new NodeApiError(ctx.getNode(), errorResponse, {
		message: text.startsWith(`${api.displayName} `) ? text : `${api.displayName}: ${text}`,
		httpCode: statusCode === undefined ? undefined : String(statusCode),
		description,
		itemIndex,
	});
	return error;
}

/** A failure after which nobody knows whether the server acted (batches say so: see batch.ts). */
export function isOutcomeUnknown(error: unknown): boolean {
	return (error as { context?: IDataObject } | undefined)?.context?.outcomeUnknown === true;
}

/** Turns an error thrown inside n8n's authenticated request (login, 401, network) into ours. */
function wrapThrown(
	ctx: RequestContext,
	api: VendorApi,
	error: unknown,
	options: IHttpRequestOptions,
	path: string,
	itemIndex: number | undefined,
	secrets: string[],
): NodeApiError {
	const failure = networkFailure(error, options.timeout, "the node's Timeout option");
	if (failure) {
		const wrapped = apiError(ctx, api, networkFailureText(api.displayName, options.method ?? 'GET', path, failure), undefined, null, itemIndex);
		if (failure.maybeProcessed) wrapped.context.outcomeUnknown = true;
		return wrapped;
	}
	const err = error as { httpCode?: string | null; message?: string; context?: { data?: unknown } };
	const statusCode = err.httpCode && /^\d+$/.test(err.httpCode) ? Number(err.httpCode) : undefined;
	// The answer is asked for as text, so n8n leaves it in the axios error it wraps, unparsed.
	const answered = (err as { cause?: { response?: { data?: unknown } } }).cause?.response?.data;
	const body = err.context?.data ?? (answered === undefined ? undefined : readableBody(answered));
	const vendorWords =
		statusCode !== undefined
			? api.failureMessage({ statusCode, body, headers: {} })
			: undefined;
	// n8n has already logged in again and retried once when a 401 gets here.
	const message =
		statusCode === 401
			? `${(vendorWords ?? 'the server rejected the credentials (HTTP 401)').replace(/\.+$/, '')}. Check the credential's values.`
			: (vendorWords ?? err.message ?? 'request failed');
	return apiError(ctx, api, message, statusCode, body, itemIndex, undefined, secrets);
}

/**
 * Logins the vendor refused, per execution and credential: one refusal is enough to know, and
 * trying again for every item could lock the account. Bounded: old executions fall out.
 */
const refusedLogins = new Map<string, string>();
const REFUSED_BEFORE = 'The login was refused earlier in this execution: it is not tried again before the credential is fixed.';
const REMEMBERED_REFUSALS = 200;

function refusalKey(ctx: RequestContext, api: VendorApi): string | undefined {
	if (!('getExecutionId' in ctx)) return undefined;
	const credential = ctx.getNode().credentials?.[api.credentialType];
	return `${ctx.getExecutionId()}\u0000${api.credentialType}\u0000${credential?.id ?? credential?.name ?? ''}`;
}

function rememberRefusal(key: string | undefined, message: string) {
	if (key === undefined) return;
	refusedLogins.delete(key);
	refusedLogins.set(key, message);
	if (refusedLogins.size > REMEMBERED_REFUSALS) refusedLogins.delete(refusedLogins.keys().next().value as string);
}

/**
 * Runs a login of the node's own (Log In, Create Token) under the same rule as the logins n8n
 * runs for a request: after a refusal in this execution, no new attempt.
 */
export async function guardedLogin<T>(ctx: IExecuteFunctions, api: VendorApi, login: () => Promise<T>): Promise<T> {
	const key = refusalKey(ctx, api);
	const refused = key === undefined ? undefined : refusedLogins.get(key);
	if (refused !== undefined) throw new NodeOperationError(ctx.getNode(), refused, { description: REFUSED_BEFORE });
	try {
		return await login();
	} catch (error) {
		if (isLoginRefusal(error)) rememberRefusal(key, (error as Error).message);
		throw new NodeOperationError(ctx.getNode(), error as Error);
	}
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

/** A redirect that was not followed, and why. */
interface Refused {
	refused: string;
	statusCode: number;
}

/**
 * Sends with n8n's redirects turned off and follows only those that keep the credential at home:
 * same origin, method kept. A redirect elsewhere comes back as `refused`, so the token, and the
 * answer of a host nobody configured, never cross.
 */
async function sendFollowing(
	ctx: RequestContext,
	api: VendorApi,
	options: IHttpRequestOptions,
	credentialsDecrypted?: IDataObject,
): Promise<FullResponse | Refused> {
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

/** "Retry-After: 30" or an HTTP date, as words; undefined when absent or unreadable. */
function retryAfter(headers: IDataObject): string | undefined {
	const value = Object.entries(headers).find(([key]) => key.toLowerCase() === 'retry-after')?.[1];
	if (value === undefined || value === null || value === '') return undefined;
	const text = String(value).trim();
	if (/^\d+$/.test(text)) return `${text} s`;
	const date = Date.parse(text);
	if (Number.isNaN(date)) return undefined;
	const seconds = Math.max(0, Math.ceil((date - Date.now()) / 1000));
	return `${seconds} s (until ${new Date(date).toISOString()})`;
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
	const refusalId = refusalKey(this, api);
	const refused = refusalId === undefined ? undefined : refusedLogins.get(refusalId);
	if (refused !== undefined) {
		throw apiError(this, api, refused, undefined, null, itemIndex, REFUSED_BEFORE);
	}

	const credentials = (await this.getCredentials(api.credentialType)) as IDataObject;
	// Read again on failure: a login during the request may have stored a new token.
	const secretsNow = async () => [
		...secretsOf({ ...credentials, ...plan.credentialOverrides }),
		...secretsOf((await this.getCredentials(api.credentialType)) as IDataObject),
	];
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
		// 401 must stay an error so that n8n refreshes a login token and retries once; every other
		// status (and a 401 for a fixed token, which no refresh can cure) is read here.
		ignoreHttpStatusErrors: { ignore: true, except: api.staticToken ? [] : [401] },
	};

	let raw: FullResponse | Refused;
	try {
		const overridden = plan.credentialOverrides ? { ...credentials, ...plan.credentialOverrides } : undefined;
		raw = await sendFollowing(this, api, options, overridden);
		if (!('refused' in raw) && api.isTokenRejected && api.tokenField) {
			const first: ApiResponse = { ...raw, body: readableBody(raw.body) };
			if (api.isTokenRejected(first)) {
				// An empty token makes n8n's preAuthentication log in (and store the new token).
				raw = await sendFollowing(this, api, options, { ...credentials, [api.tokenField]: '' });
			}
		}
	} catch (error) {
		if (isLoginRefusal(error)) rememberRefusal(refusalId, (error as Error).message);
		throw wrapThrown(this, api, error, options, prepared.path, itemIndex, await secretsNow());
	}
	if ('refused' in raw) {
		throw apiError(this, api, `${options.method} ${prepared.path}: ${raw.refused}`, raw.statusCode, null, itemIndex, undefined, await secretsNow());
	}

	const headers = raw.headers ?? {};
	const failed = raw.statusCode >= 400;
	let body: unknown;
	if (failed) {
		body = readableBody(raw.body);
	} else if (prepared.binary) {
		body = raw.body;
	} else {
		const nothingExpected = raw.statusCode === 204 || options.method === 'DELETE' || plan.emptyAnswer === true;
		const parsed = parseAnswer(asText(raw.body), nothingExpected);
		if (!parsed.ok) {
			throw apiError(this, api, `${options.method} ${prepared.path}: ${parsed.problem}`, raw.statusCode, null, itemIndex, undefined, await secretsNow());
		}
		body = parsed.value;
	}

	const response: ApiResponse = { statusCode: raw.statusCode, headers, body };
	const failure = api.failureMessage(response);
	if (failed || failure !== undefined) {
		const wait = raw.statusCode === 429 ? retryAfter(headers) : undefined;
		const message = `${failure ?? `HTTP ${raw.statusCode}`}${wait ? `. The server asks to wait ${wait} before trying again (Retry-After)` : ''}`;
		throw apiError(this, api, message, raw.statusCode, response.body, itemIndex, undefined, await secretsNow());
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
