/**
 * Zod building blocks for n8n parameter values. n8n hands over '' for an untouched text
 * field, numbers as strings when they come from expressions, and dates as ISO strings or
 * Luxon DateTimes; these helpers absorb that once so each operation's schema stays short.
 */
import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

export const blankToUndefined = (value: unknown) =>
	value === '' || value === null || (typeof value === 'string' && value.trim() === '')
		? undefined
		: value;

const numberToString = (value: unknown) => (typeof value === 'number' ? String(value) : value);

/**
 * A schema's messages for a missing value and for a value of the wrong type, in the two forms zod reads them:
 * `errorMap` (zod 3, which n8n provides today) and `error` (zod 4, which drops `errorMap`, `required_error` and
 * `invalid_type_error`). Explicit messages of checks (`.regex(..., 'must ...')`) win in both.
 */
export const typeMessages = (invalid: string, required = invalid) =>
	({
		errorMap: (_issue: unknown, ctx: { data: unknown }) => ({
			message: ctx.data === undefined ? required : invalid,
		}),
		error: (issue: { input?: unknown }) => (issue.input === undefined ? required : invalid),
	}) as z.RawCreateParams;

/** zod 4's .int() also refuses unsafe integers with its own message: whole numbers are checked this way instead. */
const isWhole = (value: number) => Number.isInteger(value);

/** A text that must be filled in. */
export const requiredText = () =>
	z.preprocess(
		(value) => numberToString(blankToUndefined(value)),
		z.string(typeMessages('must be text', 'is required')).trim(),
	);

/** A text that may be left empty (then it is not sent). */
export const optionalText = () =>
	z.preprocess(
		(value) => numberToString(blankToUndefined(value)),
		z.string(typeMessages('must be text')).trim().optional(),
	);

const toNumber = (value: unknown) => {
	const blank = blankToUndefined(value);
	if (typeof blank === 'string' && /^-?\d+(\.\d+)?$/.test(blank.trim())) return Number(blank);
	return blank;
};

/**
 * Like toNumber, but a text with a fraction other than zeros stays text (and fails as not a whole
 * number): "1.0000000000000001" would otherwise round to the whole number 1.
 */
const toInteger = (value: unknown) => {
	const blank = blankToUndefined(value);
	if (typeof blank === 'string' && /^-?\d+(\.0+)?$/.test(blank.trim())) return Number(blank);
	return blank;
};

export const SAFE_INTEGER_MESSAGE = `must be a whole number between -${Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER} (larger numbers lose digits and cannot be sent exactly)`;

/**
 * Past 2^53 a number has already lost digits ("9007199254740993" reads as ...992), so it is
 * rejected rather than sent as another record's id. Only whole numbers are checked here; the
 * others already fail as not whole.
 */
const safeWhole = (value: number) => !Number.isInteger(value) || Number.isSafeInteger(value);

/** A whole number (accepts "42" from an expression). */
export const requiredInteger = () =>
	z.preprocess(
		toInteger,
		z
			.number(typeMessages('must be a whole number', 'is required'))
			.refine(isWhole, 'must be a whole number')
			.refine(safeWhole, SAFE_INTEGER_MESSAGE),
	);

export const optionalInteger = () =>
	z.preprocess(
		toInteger,
		z
			.number(typeMessages('must be a whole number'))
			.refine(isWhole, 'must be a whole number')
			.refine(safeWhole, SAFE_INTEGER_MESSAGE)
			.optional(),
	);

/** The id of a record: a positive whole number. */
export const requiredId = () =>
	requiredInteger().pipe(z.number().positive('must be a positive ID'));
export const optionalId = () =>
	optionalInteger().pipe(z.number().positive('must be a positive ID').optional());

/** A number with decimals allowed. */
export const requiredNumber = () =>
	z.preprocess(toNumber, z.number(typeMessages('must be a number', 'is required')));
export const optionalNumber = () =>
	z.preprocess(toNumber, z.number(typeMessages('must be a number')).optional());

/** Digits only (phone numbers and the like), kept as text so leading zeros survive. */
export const requiredDigits = () =>
	requiredText().pipe(z.string().regex(/^\+?\d+$/, 'must contain digits only'));
export const optionalDigits = () =>
	optionalText().pipe(
		z
			.string()
			.regex(/^\+?\d+$/, 'must contain digits only')
			.optional(),
	);

export const requiredEmail = () =>
	requiredText().pipe(z.string().email('must be a valid e-mail address'));
export const optionalEmail = () =>
	optionalText().pipe(z.string().email('must be a valid e-mail address').optional());

const enumMessage = (values: readonly string[]) => `must be one of: ${values.join(', ')}`;

export const requiredEnum = <T extends string>(values: readonly [T, ...T[]]) =>
	z.preprocess(
		(value) => numberToString(blankToUndefined(value)),
		z.enum(values, typeMessages(enumMessage(values), 'is required')),
	);

export const optionalEnum = <T extends string>(values: readonly [T, ...T[]]) =>
	z.preprocess(
		(value) => numberToString(blankToUndefined(value)),
		z.enum(values, typeMessages(enumMessage(values))).optional(),
	);

/**
 * What n8n's own boolean parsing (n8n-workflow's tryToParseBoolean) accepts, read as a boolean:
 * "true" / "false" in any case (here also with spaces around), and 1 / 0 as numbers or as text
 * ("1", "0", "1.0"). An expression, or an AI agent's `$fromAI()` value, arrives as text unless its
 * type is boolean. n8n reads null as false too; here null stays an empty value.
 */
export const toBoolean = (value: unknown) => {
	if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : value;
	if (typeof value !== 'string') return value;
	const text = value.trim().toLowerCase();
	if (text === 'true') return true;
	if (text === 'false') return false;
	const number = text === '' ? NaN : Number(text);
	if (number === 1) return true;
	if (number === 0) return false;
	return value;
};

export const optionalBoolean = () =>
	z.preprocess(
		(value) => toBoolean(blankToUndefined(value)),
		z.boolean(typeMessages('must be true or false')).optional(),
	);

export const requiredBoolean = () =>
	z.preprocess(toBoolean, z.boolean(typeMessages('must be true or false', 'is required')));

/** A boolean with a default for an empty value (e.g. Return All). */
export const booleanOr = (fallback: boolean) =>
	z.preprocess(
		(value) => toBoolean(blankToUndefined(value)),
		z.boolean(typeMessages('must be true or false')).default(fallback),
	);

/** A whole number of at least 1 with a default for an empty value (e.g. Limit); accepts "20". */
export const positiveIntegerOr = (fallback: number) =>
	z.preprocess(
		toInteger,
		z
			.number(typeMessages('must be a whole number'))
			.refine(isWhole, 'must be a whole number')
			.refine((value) => value > 0, 'must be at least 1')
			.refine(safeWhole, SAFE_INTEGER_MESSAGE)
			.default(fallback),
	);

/** Reads JSON typed as text (or already parsed by an expression) and checks its shape. */
const jsonValue = <T>(kind: 'object' | 'array') =>
	// .optional(): zod 4 requires the key of a transformed z.unknown() to be present in its object; zod 3 does not.
	z
		.unknown()
		.optional()
		.transform((value, ctx) => {
			let parsed = blankToUndefined(value);
			if (parsed === undefined) return undefined;
			if (typeof parsed === 'string') {
				try {
					parsed = JSON.parse(parsed);
				} catch {
					ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be valid JSON' });
					return z.NEVER;
				}
			}
			const isArray = Array.isArray(parsed);
			if (typeof parsed !== 'object' || parsed === null || isArray !== (kind === 'array')) {
				ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be a JSON ${kind}` });
				return z.NEVER;
			}
			return parsed as T;
		});

/** A JSON object typed as text or given as an object. */
export const jsonObject = () => jsonValue<IDataObject>('object');

/** A JSON array typed as text or given as an array. */
export const jsonArray = () => jsonValue<IDataObject[]>('array');

/**
 * A fixedCollection holding one group (`{ group: {...} }`): yields the group's values, or
 * undefined when the user added nothing.
 */
export const fixedGroup = <T extends z.ZodTypeAny>(group: string, schema: T) =>
	z
		.object({ [group]: schema.optional() } as Record<string, z.ZodOptional<T>>)
		.optional()
		.transform((value) => (value ? (value[group] as z.output<T> | undefined) : undefined));

/** A fixedCollection with multiple values (`{ group: [...] }`): yields the list (maybe empty). */
export const fixedList = <T extends z.ZodTypeAny>(group: string, schema: T) =>
	z
		.object({ [group]: z.array(schema).optional() } as Record<string, z.ZodOptional<z.ZodArray<T>>>)
		.optional()
		.transform((value) => (value?.[group] ?? []) as Array<z.output<T>>);

/** Drops keys whose value is undefined, so optional fields left empty are not sent. */
export function compact<T extends object>(value: T): T {
	return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
