/**
 * The wolkvox CRM dialect: the base URL of the credential's server, the CRM `operation` every
 * request carries, form-data bodies, and every wording of this vendor's errors.
 */
import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type {
	ApiResponse,
	OperationContext,
	RequestPlan,
	VendorApi,
} from '../common/execution/operation';
import { headerValueProblem } from '../common/fields/pathSegments';
import { hostOf, replacementOfRetired, wolkvoxBaseUrl } from './server';

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
	return typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as IDataObject)
		: undefined;
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
		const head =
			code !== undefined && code !== null && code !== ''
				? `code ${said(code)}`
				: `HTTP ${statusCode}`;
		const http =
			head.startsWith('code') && String(code).trim() !== String(statusCode)
				? ` (HTTP ${statusCode})`
				: '';
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
	return answer.data !== undefined && answer.data !== null && answer.data !== ''
		? answer.data
		: answer;
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
function encodeFormData(fields: IDataObject): { body: Buffer; contentType: string } {
	// Only has to differ from the content: no cryptographic randomness needed (and no Node import).
	const boundary = `----n8nWolkvoxBoundary${Array.from({ length: 24 }, () => Math.floor(Math.random() * 16).toString(16)).join('')}`;
	const parts = Object.entries(fields)
		.filter(([, value]) => value !== undefined)
		.map(([name, value]) => {
			if (isFormFile(value)) {
				const head = `--${boundary}\r\nContent-Disposition: form-data; name=${quoted(name)}; filename=${quoted(value.fileName)}\r\nContent-Type: ${value.mimeType}\r\n\r\n`;
				return Buffer.concat([Buffer.from(head, 'utf8'), value.data, Buffer.from('\r\n', 'utf8')]);
			}
			return Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name=${quoted(name)}\r\n\r\n${formValue(value)}\r\n`,
				'utf8',
			);
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
	const contentType = Object.entries(plan.headers ?? {}).find(
		([key]) => key.toLowerCase() === 'content-type',
	)?.[1];
	if (contentType !== FORM_DATA) return { ...plan, body: withOperation };
	const encoded = encodeFormData(withOperation);
	const headers = Object.fromEntries(
		Object.entries(plan.headers ?? {}).filter(([key]) => key.toLowerCase() !== 'content-type'),
	);
	return {
		...plan,
		body: encoded.body,
		headers: { ...headers, 'Content-Type': encoded.contentType },
	};
}

/** The credential's server; none, or a retired one, stops the request before it is sent. */
function baseUrl(credentials: IDataObject): string {
	const url = wolkvoxBaseUrl(credentials);
	if (!url)
		throw new Error(
			"The credential has no server: choose one in its Server list or enter your CRM's host",
		);
	const host = hostOf(url);
	const replacement = replacementOfRetired(host);
	if (replacement) {
		throw new Error(
			`The server ${host} was retired on 30 November 2024: use ${replacement} instead ` +
				'(sv0001.crmvox.com became crm0001.wolkvox.com and sv0000.crmvox.com became crm0000.wolkvox.com). ' +
				"Choose it in the credential's Server list.",
		);
	}
	return url;
}

export const wolkvoxApi: VendorApi = {
	displayName: 'wolkvox CRM',
	credentialType: 'wolkvoxCrmApi',
	staticToken: true,
	// wolkvox answers an error beyond 2 simultaneous requests per token.
	concurrency: { default: 2, max: 2 },
	baseUrl,
	prepare,
	failureMessage,
	unwrap,
	envelope: ['code', 'error', 'msg', 'data', 'Total records'],
};

/**
 * The credential's External Token, which Get Notes History sends in place of the Internal one
 * (wolkvox accepts no other token there). It goes into the Wolkvox-Token header, so a pasted line
 * break is refused before anything is sent.
 */
export async function externalToken(ctx: OperationContext): Promise<string> {
	const credentials = await ctx.fn.getCredentials(wolkvoxApi.credentialType, ctx.itemIndex);
	const token = String(credentials.externalToken ?? '').trim();
	const problem = token ? headerValueProblem(token) : undefined;
	if (problem) {
		throw new NodeOperationError(
			ctx.fn.getNode(),
			'The External Token of the wolkvox CRM credential is not valid',
			{
				itemIndex: ctx.itemIndex,
				description: `The External Token ${problem}. Paste it again in the credential.`,
			},
		);
	}
	if (!token) {
		throw new NodeOperationError(
			ctx.fn.getNode(),
			'The wolkvox CRM credential has no External Token',
			{
				itemIndex: ctx.itemIndex,
				description:
					'Get Notes History needs an External token tied to the company (wolkvox accepts no Internal token there). Add it to the credential, in External Token.',
			},
		);
	}
	return token;
}
