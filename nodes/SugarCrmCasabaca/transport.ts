import type { IDataObject } from 'n8n-workflow';

import type { ApiResponse, VendorApi } from '../common/execution/operation';
import { normalizeBaseUrl, normalizeBaseUrlExpression } from '../common/wire/login';

export const CASABACA_DEFAULT_URL = 'https://api-sugarcrm.casabaca.com';

/** "api-sugarcrm.casabaca.com/" or "http://api-sugarcrm.casabaca.com" -> a base URL without a trailing "/". */
export const casabacaBaseUrl = (value: unknown): string =>
	normalizeBaseUrl(value, CASABACA_DEFAULT_URL);
/** casabacaBaseUrl of the credential's Base URL, as the expression of the credential's test request. */
export const casabacaBaseUrlExpression = normalizeBaseUrlExpression(
	'$credentials.baseUrl',
	CASABACA_DEFAULT_URL,
);

const asObject = (value: unknown): IDataObject | undefined =>
	typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as IDataObject)
		: undefined;

/** `422 {errors: {field: [msg]}}`: every field with its messages, in one line. */
function fieldErrors(errors: IDataObject): string {
	return Object.entries(errors)
		.map(
			([field, messages]) =>
				`${field}: ${Array.isArray(messages) ? messages.join(' ') : String(messages)}`,
		)
		.join('; ');
}

const STATUS_TEXT: Record<number, string> = {
	401: 'not authenticated',
	403: 'permission denied',
	404: 'not found',
	422: 'the server rejected the data',
};

/**
 * The vendor's own words for a failure, including the landing page's HTTP 200 with `data.status_code`
 * "400". Answers that carry `status_code` at the top (register, login, logout) are read the same way.
 */
function failureMessage({ statusCode, body }: ApiResponse): string | undefined {
	const answer = asObject(body);
	const data = asObject(answer?.data);
	// `data.status_code` (landing pages) or, for the flat answers, the top-level `status_code`.
	const carrier = data && 'status_code' in data ? data : answer;
	const innerCode = Number(carrier?.status_code ?? NaN);
	if (statusCode < 400) {
		if (innerCode >= 400) {
			// The vendor spells it "messsage" in the landing page answers.
			const words = carrier?.messsage ?? carrier?.message ?? carrier?.error;
			return `the request failed (status_code ${innerCode}${words ? `: ${String(words)}` : ''})`;
		}
		return undefined;
	}
	const text =
		STATUS_TEXT[statusCode] ?? (statusCode >= 500 ? 'the server failed' : 'request failed');
	const errors = asObject(answer?.errors);
	const details = errors ? fieldErrors(errors) : (answer?.error ?? answer?.message);
	return `${text} (HTTP ${statusCode})${details ? `: ${String(details)}` : ''}`;
}

/** `error` or `message`, at the top or inside `data` (spelt "messsage" in the landing page answers). */
function answerWords(body: unknown): string | undefined {
	const answer = asObject(body);
	const data = asObject(answer?.data);
	const words = answer?.error ?? answer?.message ?? data?.error ?? data?.message ?? data?.messsage;
	return words === undefined || words === null ? undefined : String(words);
}

/** Casabaca's own words for a refused login (the engine adds "SugarCRM Casabaca login failed: "). */
export const loginRefusal = (answer: IDataObject): unknown => answer.message ?? answer.error;

/** What Laravel answers for any unhandled exception: the server failing, not refusing. */
const SERVER_ERROR = /^server error\.?$/i;

/**
 * The document shows a refused login as HTTP 500 `{"message": "Password incorrecto"}`: a 500 or a
 * 4xx (Laravel's 401/422) with the vendor's words, or a 200 whose `status_code` is 400 or more.
 * Gateways (502-504), throttles (429), Laravel's bare "Server Error" and answers without words
 * are the server failing: the login is tried again.
 */
export function isLoginRefused(statusCode: number, answer: IDataObject): boolean {
	const words = loginRefusal(answer);
	if (words === undefined || words === null || words === '') return false;
	if (statusCode < 400) return Number(answer.status_code ?? NaN) >= 400;
	if (statusCode === 408 || statusCode === 429) return false;
	return statusCode < 500 || (statusCode === 500 && !SERVER_ERROR.test(String(words).trim()));
}

/** The documented rejection of a token: HTTP 500 `{"message": "Unauthenticated."}` (not any 500). */
function isTokenRejected({ statusCode, body }: ApiResponse): boolean {
	return statusCode === 500 && asObject(body)?.message === 'Unauthenticated.';
}

export const casabacaApi: VendorApi = {
	displayName: 'SugarCRM Casabaca',
	credentialType: 'sugarCrmCasabacaApi',
	baseUrl: (credentials) => casabacaBaseUrl(credentials.baseUrl),
	failureMessage,
	answerWords,
	isTokenRejected,
	tokenField: 'sessionToken',
	unwrap: (body) => {
		const answer = asObject(body);
		return answer && 'data' in answer ? answer.data : body;
	},
	envelope: ['status_code', 'message', 'data'],
};
