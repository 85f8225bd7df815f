import type { IDataObject } from 'n8n-workflow';

import type { ApiResponse, VendorApi } from '../common/operation';
import { casabacaBaseUrl } from './session';

const asObject = (value: unknown): IDataObject | undefined =>
	typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as IDataObject) : undefined;

/** `422 {errors: {field: [msg]}}`: every field with its messages, in one line. */
function fieldErrors(errors: IDataObject): string {
	return Object.entries(errors)
		.map(([field, messages]) => `${field}: ${Array.isArray(messages) ? messages.join(' ') : String(messages)}`)
		.join('; ');
}

const STATUS_TEXT: Record<number, string> = {
	401: 'not authenticated',
	403: 'permission denied',
	404: 'not found',
	422: 'the server rejected the data',
};

/** The vendor's own words for a failure, including the landing page's HTTP 200 with `status_code` "400". */
function failureMessage({ statusCode, body }: ApiResponse): string | undefined {
	const answer = asObject(body);
	const data = asObject(answer?.data);
	const innerCode = Number(data?.status_code ?? NaN);
	if (statusCode < 400) {
		if (innerCode >= 400) {
			const words = data?.messsage ?? data?.message ?? data?.error;
			return `the request failed (status_code ${innerCode}${words ? `: ${String(words)}` : ''})`;
		}
		return undefined;
	}
	const text = STATUS_TEXT[statusCode] ?? (statusCode >= 500 ? 'the server failed' : 'request failed');
	const errors = asObject(answer?.errors);
	const details = errors ? fieldErrors(errors) : (answer?.error ?? answer?.message);
	return `${text} (HTTP ${statusCode})${details ? `: ${String(details)}` : ''}`;
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
	isTokenRejected,
	tokenField: 'sessionToken',
	unwrap: (body) => {
		const answer = asObject(body);
		return answer && 'data' in answer ? answer.data : body;
	},
};
