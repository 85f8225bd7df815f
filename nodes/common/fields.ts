/**
 * Zod building blocks for n8n parameter values. n8n hands over '' for an untouched text
 * field, numbers as strings when they come from expressions, and dates as ISO strings or
 * Luxon DateTimes; these helpers absorb that once so each operation's schema stays short.
 */
import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

const blankToUndefined = (value: unknown) =>
	value === '' || value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value;

const numberToString = (value: unknown) => (typeof value === 'number' ? String(value) : value);

/** A text that must be filled in. */
export const requiredText = () =>
	z.preprocess(
		(value) => numberToString(blankToUndefined(value)),
		z.string({ required_error: 'is required', invalid_type_error: 'must be text' }).trim(),
	);

/** A text that may be left empty (then it is not sent). */
export const optionalText = () =>
	z.preprocess(
		(value) => numberToString(blankToUndefined(value)),
		z.string({ invalid_type_error: 'must be text' }).trim().optional(),
	);

const toNumber = (value: unknown) => {
	const blank = blankToUndefined(value);
	if (typeof blank === 'string' && /^-?\d+(\.\d+)?$/.test(blank.trim())) return Number(blank);
	return blank;
};

/** A whole number (accepts "42" from an expression). */
export const requiredInteger = () =>
	z.preprocess(
		toNumber,
		z.number({ required_error: 'is required', invalid_type_error: 'must be a whole number' }).int('must be a whole number'),
	);

export const optionalInteger = () =>
	z.preprocess(
		toNumber,
		z.number({ invalid_type_error: 'must be a whole number' }).int('must be a whole number').optional(),
	);

/** The id of a record: a positive whole number. */
export const requiredId = () => requiredInteger().pipe(z.number().positive('must be a positive ID'));
export const optionalId = () =>
	optionalInteger().pipe(z.number().positive('must be a positive ID').optional());

/** A number with decimals allowed. */
export const optionalNumber = () =>
	z.preprocess(toNumber, z.number({ invalid_type_error: 'must be a number' }).optional());

/** Digits only (phone numbers and the like), kept as text so leading zeros survive. */
export const requiredDigits = () =>
	requiredText().pipe(z.string().regex(/^\+?\d+$/, 'must contain digits only'));
export const optionalDigits = () =>
	optionalText().pipe(z.string().regex(/^\+?\d+$/, 'must contain digits only').optional());

export const requiredEmail = () => requiredText().pipe(z.string().email('must be a valid e-mail address'));
export const optionalEmail = () =>
	optionalText().pipe(z.string().email('must be a valid e-mail address').optional());

const enumMessage = (values: readonly string[]) => `must be one of: ${values.join(', ')}`;

export const requiredEnum = <T extends string>(values: readonly [T, ...T[]]) =>
	z.preprocess(
		(value) => numberToString(blankToUndefined(value)),
		z.enum(values, {
			errorMap: (issue, ctx) =>
				issue.code === 'invalid_type' && ctx.data === undefined
					? { message: 'is required' }
					: { message: enumMessage(values) },
		}),
	);

export const optionalEnum = <T extends string>(values: readonly [T, ...T[]]) =>
	z.preprocess(
		(value) => numberToString(blankToUndefined(value)),
		z.enum(values, { errorMap: () => ({ message: enumMessage(values) }) }).optional(),
	);

export const optionalBoolean = () =>
	z.preprocess((value) => {
		if (value === 'true') return true;
		if (value === 'false') return false;
		return blankToUndefined(value);
	}, z.boolean({ invalid_type_error: 'must be true or false' }).optional());

export const requiredBoolean = () =>
	z.preprocess((value) => {
		if (value === 'true') return true;
		if (value === 'false') return false;
		return value;
	}, z.boolean({ required_error: 'is required', invalid_type_error: 'must be true or false' }));

/**
 * The zone a date and time written without one is read in: the workflow's (n8n's Settings >
 * Timezone), as n8n's own nodes and expressions read such values. zod 3 has no parse context,
 * so validateParameters sets it around the schema's parse with `inTimezone`; the parse is
 * synchronous, so no other item's parse can run in between.
 */
let naiveTimeZone = 'UTC';

export function inTimezone<T>(zone: string, parse: () => T): T {
	const previous = naiveTimeZone;
	naiveTimeZone = zone || 'UTC';
	try {
		return parse();
	} finally {
		naiveTimeZone = previous;
	}
}

/** How far `zone`'s clock is ahead of UTC at the instant `utc` (ms since the epoch, whole seconds). */
function zoneOffset(utc: number, zone: string): number {
	const clock = new Intl.DateTimeFormat('en-US', {
		timeZone: zone,
		hourCycle: 'h23',
		year: 'numeric',
		month: 'numeric',
		day: 'numeric',
		hour: 'numeric',
		minute: 'numeric',
		second: 'numeric',
	}).formatToParts(new Date(utc));
	const part = (type: string) => Number(clock.find((p) => p.type === type)?.value);
	return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')) - utc;
}

/** The instant a wall-clock time (given as Date.UTC of its fields) names in `zone`. */
function fromWallClock(wall: number, zone: string): Date {
	// The second pass settles times next to a daylight-saving change.
	const first = wall - zoneOffset(wall, zone);
	return new Date(wall - zoneOffset(first, zone));
}

/** "2024-05-06", "2024-05-06 14:30", "2024-05-06T14:30:00.000": a date and time without a zone. */
const NAIVE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;

/**
 * Reads an n8n date/time value (ISO string, Date, Luxon DateTime) as a JS Date. A text
 * without a zone (the date picker's value, or the vendors' "Y-m-d H:i") is read in the
 * workflow's time zone.
 */
export function toDate(value: unknown): Date | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
	if (value && typeof value === 'object' && typeof (value as { toJSDate?: unknown }).toJSDate === 'function') {
		return toDate((value as { toJSDate: () => Date }).toJSDate());
	}
	if (typeof value === 'string' || typeof value === 'number') {
		const text = String(value).trim();
		const naive = NAIVE_TIME.exec(text);
		const date = naive
			? fromWallClock(
					Date.UTC(+naive[1], +naive[2] - 1, +naive[3], Number(naive[4] ?? 0), Number(naive[5] ?? 0), Number(naive[6] ?? 0)),
					naiveTimeZone,
				)
			: new Date(text);
		return Number.isNaN(date.getTime()) ? undefined : date;
	}
	return undefined;
}

/**
 * The time as written, in its own zone: "2024-05-06T10:00:00-05:00" and a Luxon DateTime of
 * 10:00 in Bogotá both give 10:00. For vendors that document no zone, where the user means the
 * clock time they typed. The returned Date carries that clock time in its UTC fields.
 */
export function toWallClock(value: unknown): Date | undefined {
	const luxon = value as { toISO?: () => string | null } | null;
	const text =
		typeof value === 'string' ? value : typeof luxon?.toISO === 'function' ? (luxon.toISO() ?? undefined) : undefined;
	const parts = text ? /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?/.exec(text.trim()) : null;
	if (!parts) return toDate(value);
	const date = new Date(
		Date.UTC(+parts[1], +parts[2] - 1, +parts[3], +parts[4], +parts[5], Number(parts[6] ?? 0)),
	);
	return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * 'utc': converted to UTC (a vendor documents UTC), a time without a zone read in the workflow's;
 * 'asGiven': the clock time as written.
 */
export type DateZone = 'utc' | 'asGiven';

export type DateFormat = 'iso' | 'Y-m-d H:i' | 'Y-m-d H:i:s' | 'Y-m-d';

const pad = (n: number) => String(n).padStart(2, '0');

/** Formats a date in UTC in one of the vendors' documented formats. */
export function formatDate(date: Date, format: DateFormat): string {
	if (format === 'iso') return date.toISOString();
	const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
	if (format === 'Y-m-d') return day;
	const minutes = `${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
	return format === 'Y-m-d H:i' ? minutes : `${minutes}:${pad(date.getUTCSeconds())}`;
}

const dateSchema = (format: DateFormat, zone: DateZone) =>
	z.unknown().transform((value, ctx) => {
		const date = zone === 'utc' ? toDate(value) : toWallClock(value);
		if (!date) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				message: `must be a date and time (e.g. 2024-05-06T14:30:00Z or "2024-05-06 14:30")`,
			});
			return z.NEVER;
		}
		return formatDate(date, format);
	});

/** A date/time the user must give, sent in the given format (UTC unless told otherwise). */
export const requiredDate = (format: DateFormat, zone: DateZone = 'utc') =>
	z.preprocess(
		blankToUndefined,
		z.unknown().refine((v) => v !== undefined, 'is required').pipe(dateSchema(format, zone)),
	);

export const optionalDate = (format: DateFormat, zone: DateZone = 'utc') =>
	z.preprocess(blankToUndefined, dateSchema(format, zone).optional());

/** Reads JSON typed as text (or already parsed by an expression) and checks its shape. */
const jsonValue = <T>(kind: 'object' | 'array') =>
	z.unknown().transform((value, ctx) => {
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

/** Drops empty objects and arrays too: nested blocks the user did not fill are not sent. */
export function isEmpty(value: unknown): boolean {
	if (value === undefined) return true;
	if (Array.isArray(value)) return value.length === 0;
	if (typeof value === 'object' && value !== null) return Object.keys(value).length === 0;
	return false;
}
