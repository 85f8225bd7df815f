import { randomBytes } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import type { ApiResponse, RequestPlan, VendorApi } from '../common/operation';
import { wolkvoxBaseUrl } from './server';

/** Marks a plan whose body is sent as multipart form-data (the form-data endpoints of cases). */
export const FORM_DATA = 'multipart/form-data';

/** wolkvox answers `{code, error, msg, data}`; PHP may label the JSON as text, so read text too. */
export function readAnswer(body: unknown): IDataObject | undefined {
	let value = body;
	if (Buffer.isBuffer(value)) value = value.toString('utf8');
	if (typeof value === 'string') {
		try {
			value = JSON.parse(value);
		} catch {
			return undefined;
		}
	}
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as IDataObject) : undefined;
}

/** The vendor writes "no error" as null or as the text "null". */
const said = (value: unknown): string | undefined => {
	if (value === undefined || value === null) return undefined;
	const text = (typeof value === 'object' ? JSON.stringify(value) : String(value)).trim();
	return text && text.toLowerCase() !== 'null' ? text : undefined;
};

/** A `code` of the 2xx family is a success; the documented one is 200. */
const isSuccessCode = (code: unknown) => /^2\d\d$/.test(String(code).trim());

/** The vendor's own words for a failed answer: its `code`, `error` and `msg`, also inside an HTTP 200. */
export function failureMessage({ statusCode, body }: ApiResponse): string | undefined {
	const answer = readAnswer(body);
	const code = answer?.code;
	const codeFailed = code !== undefined && code !== null && code !== '' && !isSuccessCode(code);
	if (statusCode < 400 && !codeFailed) return undefined;
	if (answer && (codeFailed || said(answer.msg) || said(answer.error))) {
		const error = said(answer.error);
		const msg = said(answer.msg);
		const head = code !== undefined && code !== null && code !== '' ? `code ${said(code)}` : `HTTP ${statusCode}`;
		const http = head.startsWith('code') && String(code).trim() !== String(statusCode) ? ` (HTTP ${statusCode})` : '';
		return `${head}${error ? ` ${error}` : ''}${msg ? `: ${msg}` : ''}${http}`;
	}
	// An HTML error page says nothing useful; a short text answer does.
	const text = typeof body === 'string' ? body.trim() : '';
	const readable = text && !text.startsWith('<') && text.length <= 300 ? `: ${text}` : '';
	return `HTTP ${statusCode}${readable}`;
}

/** The useful part of an answer: its `data`, or the whole answer when it has none (e.g. a delete). */
export function unwrap(body: unknown): unknown {
	const answer = readAnswer(body);
	if (!answer) return body;
	return answer.data !== undefined && answer.data !== null && answer.data !== '' ? answer.data : answer;
}

/** A file sent as a form-data part (the `file` field of the form-data case endpoints). */
export interface FormFile {
	fileName: string;
	mimeType: string;
	data: Buffer;
}

const isFormFile = (value: unknown): value is FormFile =>
	typeof value === 'object' && value !== null && Buffer.isBuffer((value as FormFile).data);

const formValue = (value: unknown) =>
	typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value ?? '');

/** Quotes a part's name or file name for its Content-Disposition header. */
const quoted = (text: string) => `"${text.replace(/[\r\n"]/g, (c) => encodeURIComponent(c))}"`;

/** Encodes fields as multipart/form-data, as PHP's CURLOPT_POSTFIELDS array does (files included). */
export function encodeFormData(fields: IDataObject): { body: Buffer; contentType: string } {
	const boundary = `----n8nWolkvoxBoundary${randomBytes(12).toString('hex')}`;
	const parts = Object.entries(fields)
		.filter(([, value]) => value !== undefined)
		.map(([name, value]) => {
			if (isFormFile(value)) {
				const head = `--${boundary}\r\nContent-Disposition: form-data; name=${quoted(name)}; filename=${quoted(value.fileName)}\r\nContent-Type: ${value.mimeType}\r\n\r\n`;
				return Buffer.concat([Buffer.from(head, 'utf8'), value.data, Buffer.from('\r\n', 'utf8')]);
			}
			return Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name=${quoted(name)}\r\n\r\n${formValue(value)}\r\n`, 'utf8');
		});
	return {
		body: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`, 'utf8')]),
		contentType: `${FORM_DATA}; boundary=${boundary}`,
	};
}

/**
 * Every request carries the credential's CRM `operation`: in the query of a GET (token
 * information), first in every JSON body, and as a form field of a form-data body.
 */
function prepare(plan: RequestPlan, credentials: IDataObject): RequestPlan {
	const operation = String(credentials.operation ?? '').trim();
	if (plan.method === 'GET') return { ...plan, qs: { operation, ...plan.qs } };
	const body = plan.body;
	if (!body || Array.isArray(body) || Buffer.isBuffer(body)) return plan;
	const withOperation: IDataObject = { operation, ...body };
	const contentType = Object.entries(plan.headers ?? {}).find(([key]) => key.toLowerCase() === 'content-type')?.[1];
	if (contentType !== FORM_DATA) return { ...plan, body: withOperation };
	const encoded = encodeFormData(withOperation);
	const headers = Object.fromEntries(
		Object.entries(plan.headers ?? {}).filter(([key]) => key.toLowerCase() !== 'content-type'),
	);
	return { ...plan, body: encoded.body, headers: { ...headers, 'Content-Type': encoded.contentType } };
}

export const wolkvoxApi: VendorApi = {
	displayName: 'wolkvox CRM',
	credentialType: 'wolkvoxCrmApi',
	staticToken: true,
	// wolkvox answers an error beyond 2 simultaneous requests per token.
	concurrency: { default: 2, max: 2 },
	baseUrl: (credentials) => wolkvoxBaseUrl(credentials),
	prepare,
	failureMessage,
	unwrap,
};
