/**
 * A value filled into a request path must stay exactly one non-empty segment: a Casabaca id of
 * `..` would otherwise send `POST /api/` (the URL parser folds the dot segment away), and an id
 * with a `/` would reach another endpoint. The same values are often sent in a header too
 * (wolkvox's `Wolkvox-id`), where a line break would end the header. The rule is written here
 * once; validation.ts applies it to every `{placeholder}` of an operation's path, and the zod
 * refinements below apply it to the ids that an operation's own `run` puts into a path or header.
 */
import type { IDataObject } from 'n8n-workflow';
import { ApplicationError } from 'n8n-workflow';
import type { RefinementCtx, ZodTypeAny } from 'zod';
import { z } from 'zod';

import { requiredText } from './schemas';
import type { AnyOperationSpec } from '../execution/operation';

/** C0 and C1 controls (NUL, TAB, CR, LF, DEL...) and the Unicode line and paragraph separators. */
const CONTROL = /[\p{Cc}\u2028\u2029]/u;

const SEPARATOR = /[/\\]/;

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/**
 * The value as a server may read it after percent-decoding, once or more: no id of these CRMs
 * contains a `%`, and a vendor backend that decodes twice (a PHP API in front of SugarCRM, a
 * proxy) would turn an encoded `%2F` back into a separator.
 */
function decodings(text: string): string[] {
	const seen = [text];
	let current = text;
	for (let i = 0; i < 5 && current.includes('%'); i++) {
		let next: string;
		try {
			next = decodeURIComponent(current);
		} catch {
			break;
		}
		if (next === current) break;
		seen.push(next);
		current = next;
	}
	return seen;
}

function textProblem(text: string, encoded: boolean): string | undefined {
	const also = encoded ? ', not even percent-encoded' : '';
	if (CONTROL.test(text))
		return `must not contain line breaks, tabs or other control characters${also}`;
	if (SEPARATOR.test(text))
		return `must not contain "/" or "\\"${also}: it is one part of the request's address`;
	const trimmed = text.trim();
	if (trimmed === '.' || trimmed === '..') {
		return `must not be "." or ".."${also}: in the request's address it would point at another resource`;
	}
	return undefined;
}

/**
 * Why `value` cannot be filled into a path as one segment, or undefined when it can. Numbers must
 * be safe integers: above 2^53 - 1 a number has already lost digits (9007199254740993 reads as
 * ...992), so the request would name another record.
 */
export function pathSegmentProblem(value: unknown): string | undefined {
	if (value === undefined || value === null) return 'is required';
	if (typeof value === 'number') {
		if (!Number.isSafeInteger(value)) {
			return `must be a whole number no larger than ${MAX_SAFE} (larger numbers cannot be sent exactly)`;
		}
		return undefined;
	}
	if (typeof value !== 'string') return 'must be text or a number';
	if (value.trim() === '') return 'is required';
	const [given, ...decoded] = decodings(value);
	return textProblem(given, false) ?? decoded.map((text) => textProblem(text, true)).find(Boolean);
}

/**
 * Why `value` cannot be sent as an HTTP header value, or undefined when it can. Node refuses
 * anything outside tab, printable ASCII and Latin-1; a line break would start another header.
 */
export function headerValueProblem(value: unknown): string | undefined {
	if (value === undefined || value === null) return 'is required';
	const text = typeof value === 'number' ? String(value) : value;
	if (typeof text !== 'string') return 'must be text or a number';
	if (text.trim() === '') return 'is required';
	if (CONTROL.test(text))
		return 'must not contain line breaks, tabs or other control characters: it is sent in an HTTP header';
	if (/[^\x20-\xff]/.test(text))
		return 'must contain only Latin-1 characters: it is sent in an HTTP header';
	return undefined;
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

/** The `{name}` placeholders of a documented path, in order. */
export function pathPlaceholders(path: string): string[] {
	return [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
}

export interface PathProblem {
	/** The parameter that fills the placeholder. */
	name: string;
	problem: string;
}

/** The problems of every value the operation's path is filled with (empty: none). */
export function pathProblems(
	spec: Pick<AnyOperationSpec, 'path'>,
	params: IDataObject,
): PathProblem[] {
	return pathPlaceholders(spec.path).flatMap((name) => {
		const problem = pathSegmentProblem(params[name]);
		return problem ? [{ name, problem }] : [];
	});
}

type Rule = (value: unknown) => string | undefined;

/** One issue at most: a line break breaks both rules, and the user should read it once. */
const check =
	(...rules: Rule[]) =>
	(value: unknown, ctx: RefinementCtx) => {
		// A missing optional value is the schema's business, not a segment problem.
		if (value === undefined) return;
		const problem = rules.map((rule) => rule(value)).find(Boolean);
		if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
	};

/** Refinement: the value goes into a path as one segment. */
export const segmentCheck = check(pathSegmentProblem);

/** Refinement: the value goes into a path as one segment and into an HTTP header. */
export const segmentAndHeaderCheck = check(pathSegmentProblem, headerValueProblem);

/** Adds the path-segment rule to any schema (e.g. `inPath(optionalText())`). */
export const inPath = <T extends ZodTypeAny>(schema: T) => schema.superRefine(segmentCheck);

/**
 * A text field given a number by an expression: the text would be that number's digits, so an
 * unsafe one (already rounded) is rejected before it becomes text that looks exact.
 */
const exactNumber = z.unknown().superRefine((value, ctx) => {
	if (typeof value === 'number') segmentCheck(value, ctx);
});

/** A required text filled into a request path (an id), trimmed like every text field. */
export const pathSegment = () => exactNumber.pipe(inPath(requiredText()));

/** A required text that is one path segment and is also sent in an HTTP header (wolkvox's record id). */
export const headerSafeSegment = () =>
	exactNumber.pipe(requiredText().superRefine(segmentAndHeaderCheck));
