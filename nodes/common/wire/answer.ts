/**
 * Reading what a vendor answered: the text of a body, JSON or not, an excerpt for an error, the
 * secrets masked out of it, and the wait a 429 asks for.
 */
import type { IDataObject } from 'n8n-workflow';

export const asText = (body: unknown): unknown =>
	Buffer.isBuffer(body)
		? body.toString('utf8')
		: body instanceof ArrayBuffer
			? Buffer.from(body).toString('utf8')
			: body;

/** Bytes of a failed download are usually a JSON error: read them as such when possible. */
export function readableBody(body: unknown): unknown {
	const text = asText(body);
	if (typeof text !== 'string') return text;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

/** The first part of a text answer, on one line: enough to recognise it, never a whole page. */
const excerpt = (text: string, length = 120) => {
	const line = text.replace(/\s+/g, ' ').trim();
	return line.length > length ? `${line.slice(0, length)}…` : line;
};

export type Parsed = { ok: true; value: unknown } | { ok: false; problem: string };

/**
 * Reads a 2xx answer's text. The body is asked for as text (not parsed by n8n) so that an empty,
 * cut or HTML answer is told apart from data instead of being output as `{data: "<html>…"}`.
 */
export function parseAnswer(text: unknown, emptyAllowed: boolean): Parsed {
	if (typeof text !== 'string') return { ok: true, value: text };
	if (!text.trim()) {
		return emptyAllowed
			? { ok: true, value: undefined }
			: { ok: false, problem: 'the answer was empty, where data was expected' };
	}
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		const kind = /^\s*</.test(text) ? 'an HTML or XML page' : 'not valid JSON';
		return {
			ok: false,
			problem: `the answer was ${kind}, where JSON was expected: "${excerpt(text)}"`,
		};
	}
}

/** A server may echo the token or password in its answer: an error shows `***` instead. */
export function masked<T>(value: T, secrets: string[]): T {
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

/** A header's value, whatever the case of its name. */
export function headerValue(headers: IDataObject, name: string): unknown {
	return Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
}

/** "Retry-After: 30" or an HTTP date, as words; undefined when absent or unreadable. */
export function retryAfter(headers: IDataObject): string | undefined {
	const value = headerValue(headers, 'retry-after');
	if (value === undefined || value === null || value === '') return undefined;
	const text = String(value).trim();
	if (/^\d+$/.test(text)) return `${text} s`;
	const date = Date.parse(text);
	if (Number.isNaN(date)) return undefined;
	const seconds = Math.max(0, Math.ceil((date - Date.now()) / 1000));
	return `${seconds} s (until ${new Date(date).toISOString()})`;
}
