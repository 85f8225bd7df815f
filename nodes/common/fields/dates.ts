/**
 * Dates as the vendors take them. n8n hands over ISO strings, JS Dates and Luxon DateTimes; a time
 * written without a zone means the workflow's (n8n's Settings > Timezone), as in n8n's own nodes.
 * zod 3 has no parse context to carry that zone, so such a time leaves the schema as a
 * NaiveDateTime and validateParameters resolves it in the workflow's zone (resolveNaiveDates).
 */
import { z } from 'zod';

import { blankToUndefined } from './schemas';

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
	return (
		utcClock(
			part('year'),
			part('month'),
			part('day'),
			part('hour'),
			part('minute'),
			part('second'),
		) - wholeSecond
	);
}

/** The instant a wall-clock time (given as utcClock of its fields) names in `zone`. */
function fromWallClock(wall: number, zone: string): Date {
	// The second pass settles times next to a daylight-saving change.
	const first = wall - zoneOffset(wall, zone);
	return new Date(wall - zoneOffset(first, zone));
}

/** Ms since the epoch of these clock fields read in UTC; unlike Date.UTC, years 1-99 stay themselves. */
function utcClock(
	year: number,
	month: number,
	day: number,
	hour = 0,
	minute = 0,
	second = 0,
	ms = 0,
): number {
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

const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December',
];

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
	if (day < 1 || day > days)
		return `must be a real date: ${MONTHS[month - 1]} ${m[1]} has days 01 to ${days}`;
	// ISO 8601 once allowed 24:00 for the end of a day; RFC 3339 and the vendors' "H" do not, and it
	// would silently become the next day, so the user is asked to write that day's 00:00.
	if (hour === 24)
		return 'must be a real time: hours go from 00 to 23 (write 24:00 as 00:00 of the next day)';
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
	typeof value === 'object' &&
	value !== null &&
	typeof (value as DateTimeLike).toJSDate === 'function';

/**
 * Reads an n8n date value as an instant ('utc') or as the clock time written ('asGiven', in the
 * result's UTC fields). A string result is the reason the value is refused.
 */
/** A clock time written without a zone, waiting for the workflow's zone (ms since the epoch read in UTC). */
class NaiveWall {
	constructor(readonly wall: number) {}
}

function readDate(value: unknown, zone: DateZone): Date | NaiveWall | string {
	if (value instanceof Date) return checkInstant(value);
	if (isDateTime(value)) {
		if (value.isValid === false) {
			const why = value.invalidExplanation ?? value.invalidReason;
			return why ? `must be a valid date: ${why}` : 'must be a valid date';
		}
		const instant = checkInstant(value.toJSDate());
		if (typeof instant === 'string' || zone === 'utc' || typeof value.toISO !== 'function')
			return instant;
		// Its ISO text carries the clock time in the DateTime's own zone.
		const iso = value.toISO();
		return iso ? readDate(iso, zone) : instant;
	}
	if (typeof value !== 'string') return 'must be a date and time';
	const written = readDateText(value);
	if (typeof written === 'string') return written;
	if (zone === 'asGiven') return checkInstant(new Date(written.wall));
	if (written.offset === undefined) {
		const wall = checkInstant(new Date(written.wall));
		return typeof wall === 'string' ? wall : new NaiveWall(written.wall);
	}
	return checkInstant(new Date(written.wall - written.offset * 60_000));
}

/**
 * Reads an n8n date/time value (ISO string, Date, Luxon DateTime) as a JS Date, or undefined when
 * it is not one of the accepted forms or not a real date. A text without a zone (the date picker's
 * value, or the vendors' "Y-m-d H:i") is read in the workflow's time zone.
 */
export function toDate(value: unknown, timeZone = 'UTC'): Date | undefined {
	const date = readDate(value, 'utc');
	if (date instanceof NaiveWall) return fromWallClock(date.wall, timeZone);
	return typeof date === 'string' ? undefined : date;
}

/**
 * The time as written, in its own zone: "2024-05-06T10:00:00-05:00" and a Luxon DateTime of
 * 10:00 in Bogotá both give 10:00. For vendors that document no zone, where the user means the
 * clock time they typed. The returned Date carries that clock time in its UTC fields.
 */
export function toWallClock(value: unknown): Date | undefined {
	const date = readDate(value, 'asGiven');
	return date instanceof Date ? date : undefined;
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

/** A validated date written without a zone: resolveNaiveDates sends it in the workflow's zone. */
export class NaiveDateTime {
	constructor(
		readonly wall: number,
		readonly format: DateFormat,
	) {}
}

/**
 * Replaces every NaiveDateTime in validated parameters by its text in `timeZone` (the workflow's).
 * Returns the same object when there is none.
 */
export function resolveNaiveDates<T>(value: T, timeZone: string): T {
	if (value instanceof NaiveDateTime) {
		return formatDate(fromWallClock(value.wall, timeZone || 'UTC'), value.format) as T;
	}
	if (Array.isArray(value)) {
		const resolved = value.map((entry) => resolveNaiveDates(entry, timeZone));
		return (resolved.some((entry, index) => entry !== value[index]) ? resolved : value) as T;
	}
	if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
		let copy: Record<string, unknown> | undefined;
		for (const [key, entry] of Object.entries(value)) {
			const resolved = resolveNaiveDates(entry, timeZone);
			if (resolved !== entry) (copy ??= { ...(value as Record<string, unknown>) })[key] = resolved;
		}
		return (copy ?? value) as T;
	}
	return value;
}

const dateSchema = (format: DateFormat, zone: DateZone) =>
	// .optional(): zod 4 requires the key of a transformed z.unknown() to be present in its object; zod 3 does not.
	z
		.unknown()
		.optional()
		.transform((value, ctx) => {
			const date = readDate(value, zone);
			if (typeof date === 'string') {
				ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${date} (${ACCEPTED_DATES})` });
				return z.NEVER;
			}
			if (!(date instanceof NaiveWall)) return formatDate(date, format);
			// Typed as its final text: validateParameters resolves it before a request is built from it.
			// Rules inside a schema may test whether it is there, not read it.
			return new NaiveDateTime(date.wall, format) as unknown as string;
		});

/** A date/time the user must give, sent in the given format (UTC unless told otherwise). */
export const requiredDate = (format: DateFormat, zone: DateZone = 'utc') =>
	z.preprocess(
		blankToUndefined,
		z
			.unknown()
			.refine((v) => v !== undefined, 'is required')
			.pipe(dateSchema(format, zone)),
	);

export const optionalDate = (format: DateFormat, zone: DateZone = 'utc') =>
	z.preprocess(blankToUndefined, dateSchema(format, zone).optional());
