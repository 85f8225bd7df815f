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
			.number({ required_error: 'is required', invalid_type_error: 'must be a whole number' })
			.int('must be a whole number')
			.refine(safeWhole, SAFE_INTEGER_MESSAGE),
	);

export const optionalInteger = () =>
	z.preprocess(
		toInteger,
		z
			.number({ invalid_type_error: 'must be a whole number' })
			.int('must be a whole number')
			.refine(safeWhole, SAFE_INTEGER_MESSAGE)
			.optional(),
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
	// The clock above shows whole seconds: compare it with the instant's whole second, or a
	// fraction of a second would count as part of the offset.
	const wholeSecond = Math.floor(utc / 1000) * 1000;
	return utcClock(part('year'), part('month'), part('day'), part('hour'), part('minute'), part('second')) - wholeSecond;
}

/** The instant a wall-clock time (given as utcClock of its fields) names in `zone`. */
function fromWallClock(wall: number, zone: string): Date {
	// The second pass settles times next to a daylight-saving change.
	const first = wall - zoneOffset(wall, zone);
	return new Date(wall - zoneOffset(first, zone));
}

/** Ms since the epoch of these clock fields read in UTC; unlike Date.UTC, years 1-99 stay themselves. */
function utcClock(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
	const date = new Date(0);
	date.setUTCFullYear(year, month - 1, day);
	date.setUTCHours(hour, minute, second, ms);
	return date.getTime();
}

/**
 * The vendors' "Y-m-d", "Y-m-d H:i", "Y-m-d H:i:s" and ISO 8601's extended form (T or a space,
 * optional seconds and fraction, optional Z or offset). Year first only: "01/02/2024" is 1 February
 * to a user in Ecuador and 2 January to a US-minded parser, so no day/month form is guessed at.
 */
const DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:(Z)|([+-])(\d{2})(?::?(\d{2}))?)?)?$/i;

/** Looks like a day/month or month/day date, to say why it is refused. */
const DAY_MONTH = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/;

const ACCEPTED_DATES =
	'accepted: 2024-05-06 14:30, 2024-05-06 14:30:00, 2024-05-06, ISO 8601 such as 2024-05-06T14:30:00Z or ' +
	'2024-05-06T14:30:00.000-05:00, or an n8n date';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function daysInMonth(year: number, month: number): number {
	if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
	return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** java.time's bound: wide enough for every offset the time-zone database has ever used. */
const MAX_OFFSET_MINUTES = 18 * 60;

interface WrittenDate {
	/** The clock time as written, as ms since the epoch read in UTC. */
	wall: number;
	/** Minutes ahead of UTC, when the text states its zone. */
	offset?: number;
}

/**
 * Reads a text in one of the accepted forms, checking each field itself: Date and Date.UTC
 * would roll 2024-02-30 into March and 25:00 into the next day. A string result is the reason
 * the text is refused.
 */
function readDateText(value: string): WrittenDate | string {
	const text = value.trim();
	const m = DATE_TIME.exec(text);
	if (!m) {
		return DAY_MONTH.test(text)
			? 'must be written year first: day/month and month/day forms are ambiguous'
			: 'must be a date and time';
	}
	const [year, month, day] = [+m[1], +m[2], +m[3]];
	const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
	if (year < 1) return 'must be a real date: years go from 0001 to 9999';
	if (month < 1 || month > 12) return `must be a real date: there is no month ${m[2]}`;
	const days = daysInMonth(year, month);
	if (day < 1 || day > days) return `must be a real date: ${MONTHS[month - 1]} ${m[1]} has days 01 to ${days}`;
	// ISO 8601 once allowed 24:00 for the end of a day; RFC 3339 and the vendors' "H" do not, and it
	// would silently become the next day, so the user is asked to write that day's 00:00.
	if (hour === 24) return 'must be a real time: hours go from 00 to 23 (write 24:00 as 00:00 of the next day)';
	if (hour > 23) return 'must be a real time: hours go from 00 to 23';
	if (minute > 59) return 'must be a real time: minutes go from 00 to 59';
	// A leap second (:60) has no JS Date to land on: it too would roll into the next minute.
	if (second > 59) return 'must be a real time: seconds go from 00 to 59';
	const ms = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
	const wall = utcClock(year, month, day, hour, minute, second, ms);
	if (m[8]) return { wall, offset: 0 };
	if (!m[9]) return { wall };
	const offsetMinutes = Number(m[11] ?? 0);
	const offset = (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + offsetMinutes);
	if (offsetMinutes > 59 || Math.abs(offset) > MAX_OFFSET_MINUTES) {
		return 'must have a time-zone offset from -18:00 to +18:00';
	}
	return { wall, offset };
}

/** A Date the vendors' four-digit formats can carry. */
function checkInstant(date: Date): Date | string {
	if (Number.isNaN(date.getTime())) return 'must be a valid date';
	const year = date.getUTCFullYear();
	return year < 1 || year > 9999 ? 'must be a real date: years go from 0001 to 9999' : date;
}

interface DateTimeLike {
	toJSDate: () => Date;
	toISO?: () => string | null;
	isValid?: boolean;
	invalidExplanation?: string | null;
	invalidReason?: string | null;
}

/** A Luxon DateTime, which n8n hands over for {{ $now }} and DateTime expressions. */
const isDateTime = (value: unknown): value is DateTimeLike =>
	typeof value === 'object' && value !== null && typeof (value as DateTimeLike).toJSDate === 'function';

/**
 * Reads an n8n date value as an instant ('utc') or as the clock time written ('asGiven', in the
 * result's UTC fields). A string result is the reason the value is refused.
 */
function readDate(value: unknown, zone: DateZone): Date | string {
	if (value instanceof Date) return checkInstant(value);
	if (isDateTime(value)) {
		if (value.isValid === false) {
			const why = value.invalidExplanation ?? value.invalidReason;
			return why ? `must be a valid date: ${why}` : 'must be a valid date';
		}
		const instant = checkInstant(value.toJSDate());
		if (typeof instant === 'string' || zone === 'utc' || typeof value.toISO !== 'function') return instant;
		// Its ISO text carries the clock time in the DateTime's own zone.
		const iso = value.toISO();
		return iso ? readDate(iso, zone) : instant;
	}
	if (typeof value !== 'string') return 'must be a date and time';
	const written = readDateText(value);
	if (typeof written === 'string') return written;
	if (zone === 'asGiven') return checkInstant(new Date(written.wall));
	return checkInstant(
		written.offset === undefined
			? fromWallClock(written.wall, naiveTimeZone)
			: new Date(written.wall - written.offset * 60_000),
	);
}

/**
 * Reads an n8n date/time value (ISO string, Date, Luxon DateTime) as a JS Date, or undefined when
 * it is not one of the accepted forms or not a real date. A text without a zone (the date picker's
 * value, or the vendors' "Y-m-d H:i") is read in the workflow's time zone.
 */
export function toDate(value: unknown): Date | undefined {
	const date = readDate(value, 'utc');
	return typeof date === 'string' ? undefined : date;
}

/**
 * The time as written, in its own zone: "2024-05-06T10:00:00-05:00" and a Luxon DateTime of
 * 10:00 in Bogotá both give 10:00. For vendors that document no zone, where the user means the
 * clock time they typed. The returned Date carries that clock time in its UTC fields.
 */
export function toWallClock(value: unknown): Date | undefined {
	const date = readDate(value, 'asGiven');
	return typeof date === 'string' ? undefined : date;
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
	const day = `${String(date.getUTCFullYear()).padStart(4, '0')}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
	if (format === 'Y-m-d') return day;
	const minutes = `${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
	return format === 'Y-m-d H:i' ? minutes : `${minutes}:${pad(date.getUTCSeconds())}`;
}

const dateSchema = (format: DateFormat, zone: DateZone) =>
	z.unknown().transform((value, ctx) => {
		const date = readDate(value, zone);
		if (typeof date === 'string') {
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${date} (${ACCEPTED_DATES})` });
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
