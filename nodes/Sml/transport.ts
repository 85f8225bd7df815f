import type { IDataObject } from 'n8n-workflow';

import type { ApiResponse, VendorApi } from '../common/execution/operation';
import { normalizeBaseUrl, normalizeBaseUrlExpression } from '../common/wire/login';
import { smlPages } from './pages';

/** "crm.example.com/" or "https://crm.example.com/" -> "https://crm.example.com". */
export const smlBaseUrl = (value: unknown): string => normalizeBaseUrl(value);
/** smlBaseUrl of the credential's Base URL, as the expression of the credential's test request. */
export const smlBaseUrlExpression = normalizeBaseUrlExpression('$credentials.baseUrl');

/** Flattens Django REST framework errors: `{field: [msg]}`, nested objects and lists. */
export function drfMessages(body: unknown, prefix = ''): string[] {
	if (body === null || body === undefined || body === '') return [];
	if (typeof body === 'string' || typeof body === 'number')
		return [prefix ? `${prefix}: ${body}` : String(body)];
	if (Array.isArray(body)) {
		if (body.every((entry) => typeof entry === 'string')) {
			return body.length ? [prefix ? `${prefix}: ${body.join(' ')}` : body.join(' ')] : [];
		}
		return body.flatMap((entry, index) => drfMessages(entry, `${prefix}[${index}]`));
	}
	return Object.entries(body as IDataObject).flatMap(([key, value]) => {
		const general = key === 'non_field_errors' || key === 'detail';
		return drfMessages(value, general ? prefix : prefix ? `${prefix}.${key}` : key);
	});
}

const STATUS_TEXT: Record<number, string> = {
	400: 'the server rejected the data',
	401: 'not authenticated',
	403: 'permission denied',
	404: 'not found',
	405: 'method not allowed',
};

function failureMessage({ statusCode, body }: ApiResponse): string | undefined {
	if (statusCode < 400) return undefined;
	const text =
		STATUS_TEXT[statusCode] ?? (statusCode >= 500 ? 'the SML server failed' : 'request failed');
	// An HTML error page says nothing useful to the user; keep JSON answers only.
	const details =
		typeof body === 'string' && body.trimStart().startsWith('<') ? [] : drfMessages(body);
	return `${text} (HTTP ${statusCode})${details.length ? `: ${details.join('; ')}` : ''}`;
}

/**
 * SML's own words for a refused login: DRF's general errors, else its field errors (a blank
 * password); the engine adds "SML login failed: ".
 */
export const loginRefusal = (answer: IDataObject): unknown =>
	answer.non_field_errors ?? answer.detail ?? (drfMessages(answer).join('; ') || undefined);

/** A request timeout or a throttle is the server's state, not a verdict on the credential. */
const PASSING_CLIENT_STATUSES = new Set([408, 425, 429]);

/**
 * The kit documents a refused login as HTTP 400 with Django REST framework's JSON errors
 * (`non_field_errors`); DRF answers 401/403 with `detail` alike. A 5xx is the server failing,
 * not refusing (the engine only calls this for a JSON object).
 */
export const isLoginRefused = (statusCode: number): boolean =>
	statusCode >= 400 && statusCode < 500 && !PASSING_CLIENT_STATUSES.has(statusCode);

const SECRET_KEYS = new Set(['password', 'repeat_password', 'token']);

/** Whether a secret key is anywhere inside: most answers have none, and copying them costs. */
function holdsSecret(value: unknown): boolean {
	if (Array.isArray(value)) return value.some(holdsSecret);
	if (!value || typeof value !== 'object') return false;
	for (const key in value as IDataObject) {
		if (SECRET_KEYS.has(key) || holdsSecret((value as IDataObject)[key])) return true;
	}
	return false;
}

/** SML answers carry password fields (login, users): they never reach an output item. */
export function withoutSecrets(value: unknown): unknown {
	if (!holdsSecret(value)) return value;
	if (Array.isArray(value)) return value.map(withoutSecrets);
	return Object.fromEntries(
		Object.entries(value as IDataObject)
			.filter(([key]) => !SECRET_KEYS.has(key))
			.map(([key, entry]) => [key, withoutSecrets(entry)]),
	);
}

export const smlApi: VendorApi = {
	displayName: 'SML',
	credentialType: 'smlApi',
	tokenField: 'sessionToken',
	baseUrl: (credentials) => smlBaseUrl(credentials.baseUrl),
	failureMessage,
	unwrap: withoutSecrets,
	pages: smlPages,
};
