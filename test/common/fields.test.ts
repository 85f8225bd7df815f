import { DateTime } from 'luxon';
import { z } from 'zod';

import {
	formatDate,
	NaiveDateTime,
	optionalDate,
	requiredDate,
	resolveNaiveDates,
	toDate,
	toWallClock,
} from '../../nodes/common/fields/dates';
import {
	jsonArray,
	jsonObject,
	optionalText,
	requiredEnum,
	requiredId,
} from '../../nodes/common/fields/schemas';

/** Parses as validateParameters does: a time without a zone is then read in the workflow's zone. */
const inTimezone = <T>(zone: string, parse: () => T): T => resolveNaiveDates(parse(), zone);
const inUtc = (schema: z.ZodTypeAny, value: unknown): unknown =>
	resolveNaiveDates(schema.parse(value), 'UTC');

const issue = (schema: z.ZodTypeAny, value: unknown) => {
	const result = schema.safeParse(value);
	return result.success ? undefined : result.error.issues[0].message;
};

describe('dates are read from what n8n gives and sent in the vendor formats (UTC)', () => {
	const date = new Date(Date.UTC(2021, 9, 2, 19, 59, 7));

	test.each([
		['iso', '2021-10-02T19:59:07.000Z'],
		['Y-m-d H:i', '2021-10-02 19:59'],
		['Y-m-d H:i:s', '2021-10-02 19:59:07'],
		['Y-m-d', '2021-10-02'],
	] as const)('%s', (format, text) => expect(formatDate(date, format)).toBe(text));

	test('an ISO string with an offset is converted to UTC', () => {
		expect(inUtc(requiredDate('Y-m-d H:i'), '2021-10-02T14:59:00-05:00')).toBe('2021-10-02 19:59');
	});

	test("a time without a zone is read in the workflow's time zone (UTC here)", () => {
		expect(inUtc(requiredDate('Y-m-d H:i:s'), '2021-08-31 14:00')).toBe('2021-08-31 14:00:00');
	});

	test('a Luxon DateTime (what {{ $now }} gives) is accepted', () => {
		const luxonLike = { toJSDate: () => date, toISO: () => date.toISOString() };
		expect(toDate(luxonLike)).toEqual(date);
		expect(inUtc(requiredDate('Y-m-d H:i'), luxonLike)).toBe('2021-10-02 19:59');
	});

	test('missing, empty and invalid dates', () => {
		expect(issue(requiredDate('Y-m-d H:i'), '')).toBe('is required');
		expect(inUtc(optionalDate('Y-m-d H:i'), '')).toBeUndefined();
		expect(issue(requiredDate('Y-m-d H:i'), 'next monday')).toMatch(/^must be a date and time/);
	});
});

describe("a date and time without a zone is read in the workflow's time zone", () => {
	const utc = (zone: string, value: unknown) =>
		inTimezone(zone, () => requiredDate('Y-m-d H:i:s').parse(value));

	test.each([
		["the date picker's value", 'America/Guayaquil', '2021-10-02T14:59:00', '2021-10-02 19:59:00'],
		['a vendor-formatted text', 'America/Guayaquil', '2021-10-02 14:59', '2021-10-02 19:59:00'],
		['with milliseconds', 'America/Guayaquil', '2021-10-02T14:59:07.250', '2021-10-02 19:59:07'],
		['a date alone (midnight)', 'America/Guayaquil', '2021-10-02', '2021-10-02 05:00:00'],
		[
			'in summer time (New York, UTC-4)',
			'America/New_York',
			'2021-07-01 10:00',
			'2021-07-01 14:00:00',
		],
		[
			'in winter time (New York, UTC-5)',
			'America/New_York',
			'2021-12-01 10:00',
			'2021-12-01 15:00:00',
		],
		['east of UTC, across midnight', 'Europe/Madrid', '2021-10-02 01:30', '2021-10-01 23:30:00'],
	])('%s', (_, zone, value, sent) => expect(utc(zone, value)).toBe(sent));

	test('a time with a zone or offset, and a Luxon value, keep their own instant', () => {
		expect(utc('America/Guayaquil', '2021-10-02T19:59:00Z')).toBe('2021-10-02 19:59:00');
		expect(utc('Europe/Madrid', '2021-10-02T14:59:00-05:00')).toBe('2021-10-02 19:59:00');
		const instant = new Date(Date.UTC(2021, 9, 2, 19, 59));
		expect(utc('Asia/Tokyo', { toJSDate: () => instant })).toBe('2021-10-02 19:59:00');
	});

	test("a time without a zone waits for the workflow's zone; no zone is kept between parses", () => {
		utc('Asia/Tokyo', '2021-10-02 10:00');
		expect(requiredDate('Y-m-d H:i:s').parse('2021-10-02 10:00')).toBeInstanceOf(NaiveDateTime);
		expect(inTimezone('UTC', () => requiredDate('Y-m-d H:i:s').parse('2021-10-02 10:00'))).toBe(
			'2021-10-02 10:00:00',
		);
	});
});

describe('other helpers', () => {
	test('text: blank means absent, numbers become text', () => {
		expect(optionalText().parse('   ')).toBeUndefined();
		expect(optionalText().parse(42)).toBe('42');
	});

	test('ids accept numeric strings from expressions and refuse the rest', () => {
		expect(requiredId().parse('984')).toBe(984);
		expect(issue(requiredId(), 'abc')).toBe('must be a whole number');
		expect(issue(requiredId(), 0)).toBe('must be a positive ID');
	});

	test('enums list the valid values', () => {
		expect(issue(requiredEnum(['C', 'P', 'R']), 'X')).toBe('must be one of: C, P, R');
		expect(issue(requiredEnum(['C', 'P', 'R']), '')).toBe('is required');
	});

	test('JSON objects and arrays, typed or given', () => {
		expect(jsonObject().parse('{"a":1}')).toEqual({ a: 1 });
		expect(jsonObject().parse({ a: 1 })).toEqual({ a: 1 });
		expect(jsonObject().parse('')).toBeUndefined();
		expect(issue(jsonObject(), '{a:1}')).toBe('must be valid JSON');
		expect(issue(jsonObject(), '[1]')).toBe('must be a JSON object');
		expect(jsonArray().parse('[{"label":"x"}]')).toEqual([{ label: 'x' }]);
		expect(issue(jsonArray(), '{}')).toBe('must be a JSON array');
	});
});

describe('dates of vendors that document no time zone keep the clock time given', () => {
	test('an offset or a Luxon zone does not move the clock time', () => {
		expect(inUtc(requiredDate('Y-m-d H:i:s', 'asGiven'), '2024-05-06T10:00:00-05:00')).toBe(
			'2024-05-06 10:00:00',
		);
		const bogota = {
			toISO: () => '2024-05-06T10:00:00.000-05:00',
			toJSDate: () => new Date('2024-05-06T15:00:00Z'),
		};
		expect(inUtc(requiredDate('Y-m-d H:i', 'asGiven'), bogota)).toBe('2024-05-06 10:00');
		// The same values sent to a vendor that documents UTC are converted.
		expect(inUtc(requiredDate('Y-m-d H:i', 'utc'), bogota)).toBe('2024-05-06 15:00');
	});
});

describe('impossible and ambiguous dates are refused, never rolled over (issue 9)', () => {
	const ACCEPTED =
		'(accepted: 2024-05-06 14:30, 2024-05-06 14:30:00, 2024-05-06, ISO 8601 such as 2024-05-06T14:30:00Z or ' +
		'2024-05-06T14:30:00.000-05:00, or an n8n date)';
	const iso = (value: unknown) => inUtc(requiredDate('iso'), value);

	test.each([
		["the vendors' Y-m-d", '2024-02-29', '2024-02-29T00:00:00.000Z'],
		["the vendors' Y-m-d H:i", '2024-02-29 10:00', '2024-02-29T10:00:00.000Z'],
		["the vendors' Y-m-d H:i:s", '2024-02-29 10:00:05', '2024-02-29T10:00:05.000Z'],
		['ISO with T, minutes only', '2024-02-29T10:00', '2024-02-29T10:00:00.000Z'],
		['ISO with T and seconds (the date picker)', '2024-02-29T10:00:05', '2024-02-29T10:00:05.000Z'],
		['a one-digit fraction', '2024-02-29T10:00:05.1', '2024-02-29T10:00:05.100Z'],
		[
			'a long fraction, cut (not rounded) to milliseconds',
			'2024-02-29T10:00:05.123999',
			'2024-02-29T10:00:05.123Z',
		],
		['Z', '2024-02-29T10:00:05Z', '2024-02-29T10:00:05.000Z'],
		['a space and Z', '2024-02-29 10:00:05Z', '2024-02-29T10:00:05.000Z'],
		[
			'lower-case t and z (RFC 3339 allows them)',
			'2024-02-29t10:00:05z',
			'2024-02-29T10:00:05.000Z',
		],
		['an offset with a colon', '2024-02-29T10:00:05.250+05:30', '2024-02-29T04:30:05.250Z'],
		['an offset without a colon', '2024-02-29T10:00-0500', '2024-02-29T15:00:00.000Z'],
		['an offset in hours only', '2024-02-29T10:00+01', '2024-02-29T09:00:00.000Z'],
		['the widest offset, +18:00', '2024-03-01T04:00:00+18:00', '2024-02-29T10:00:00.000Z'],
		['spaces around', '  2024-02-29 10:00  ', '2024-02-29T10:00:00.000Z'],
		['a leap day of a year divisible by 400', '2000-02-29', '2000-02-29T00:00:00.000Z'],
		['the last second of a year', '2024-12-31 23:59:59', '2024-12-31T23:59:59.000Z'],
		[
			'a year below 100 stays itself (Date.UTC would make it 19xx)',
			'0050-06-01 10:00',
			'0050-06-01T10:00:00.000Z',
		],
	])('accepted: %s', (_, value, sent) => expect(iso(value)).toBe(sent));

	test.each([
		['2024-02-30', 'must be a real date: February 2024 has days 01 to 29'],
		['2024-02-30 10:00', 'must be a real date: February 2024 has days 01 to 29'],
		['2023-02-29', 'must be a real date: February 2023 has days 01 to 28'],
		['1900-02-29', 'must be a real date: February 1900 has days 01 to 28'],
		['2024-04-31T10:00:00Z', 'must be a real date: April 2024 has days 01 to 30'],
		['2024-01-00', 'must be a real date: January 2024 has days 01 to 31'],
		['2024-13-01', 'must be a real date: there is no month 13'],
		['2024-13-01 10:00', 'must be a real date: there is no month 13'],
		['2024-00-10', 'must be a real date: there is no month 00'],
		['0000-01-01', 'must be a real date: years go from 0001 to 9999'],
		['2024-01-01 25:00', 'must be a real time: hours go from 00 to 23'],
		[
			'2024-01-01 24:00',
			'must be a real time: hours go from 00 to 23 (write 24:00 as 00:00 of the next day)',
		],
		[
			'2024-01-01T24:00:00Z',
			'must be a real time: hours go from 00 to 23 (write 24:00 as 00:00 of the next day)',
		],
		['2024-01-01 10:60', 'must be a real time: minutes go from 00 to 59'],
		['2024-01-01 10:00:60', 'must be a real time: seconds go from 00 to 59'],
		['2024-01-01T10:00:00+19:00', 'must have a time-zone offset from -18:00 to +18:00'],
		['2024-01-01T10:00:00-18:30', 'must have a time-zone offset from -18:00 to +18:00'],
		['2024-01-01T10:00:00+05:60', 'must have a time-zone offset from -18:00 to +18:00'],
		['01/02/2024', 'must be written year first: day/month and month/day forms are ambiguous'],
		['01/02/2024 10:00', 'must be written year first: day/month and month/day forms are ambiguous'],
		['1.2.24', 'must be written year first: day/month and month/day forms are ambiguous'],
		['01-02-2024', 'must be written year first: day/month and month/day forms are ambiguous'],
		['Feb 3 2024', 'must be a date and time'],
		['3 February 2024 10:00', 'must be a date and time'],
		['2024-1-5', 'must be a date and time'],
		['20240105', 'must be a date and time'],
		['2024-01-05T10', 'must be a date and time'],
		['2024-01-05Z', 'must be a date and time'],
		['2024-01-05 10:00 +05:00', 'must be a date and time'],
		['2024-01-05T10:00.5', 'must be a date and time'],
		['2024-01-05T10:00:00,5', 'must be a date and time'],
		['Tue Feb 27 2024 10:00:00 GMT-0500', 'must be a date and time'],
		[1714998600000, 'must be a date and time'],
		[new Date('not a date'), 'must be a valid date'],
		[new Date(Date.UTC(10000, 0, 1)), 'must be a real date: years go from 0001 to 9999'],
	])('refused: %p', (value, reason) => {
		const message = `${reason} ${ACCEPTED}`;
		expect(issue(requiredDate('Y-m-d H:i'), value)).toBe(message);
		expect(issue(optionalDate('Y-m-d H:i:s', 'asGiven'), value)).toBe(message);
		expect(issue(requiredDate('iso'), value)).toBe(message);
		expect(toDate(value)).toBeUndefined();
		expect(toWallClock(value)).toBeUndefined();
	});

	test("the check does not depend on the workflow's time zone", () => {
		const inGuayaquil = (value: string) =>
			inTimezone('America/Guayaquil', () => issue(requiredDate('Y-m-d H:i'), value));
		expect(inGuayaquil('2024-02-30 10:00')).toBe(
			`must be a real date: February 2024 has days 01 to 29 ${ACCEPTED}`,
		);
		expect(
			inTimezone('America/Guayaquil', () => requiredDate('Y-m-d H:i').parse('2024-02-29 19:30')),
		).toBe('2024-03-01 00:30');
	});

	test("a fraction of a second survives the workflow's time zone", () => {
		expect(
			inTimezone('America/Guayaquil', () => requiredDate('iso').parse('2024-02-29T19:59:07.250')),
		).toBe('2024-03-01T00:59:07.250Z');
		expect(
			inTimezone('Asia/Kolkata', () => requiredDate('iso').parse('2024-02-29 10:00:00.999')),
		).toBe('2024-02-29T04:30:00.999Z');
	});

	test('a real Luxon DateTime: a leap day is accepted, read as an instant or as its clock time', () => {
		const leapDay = DateTime.fromISO('2024-02-29T10:00:00', { zone: 'America/Guayaquil' });
		expect(inUtc(requiredDate('Y-m-d H:i'), leapDay)).toBe('2024-02-29 15:00');
		expect(inUtc(requiredDate('Y-m-d H:i', 'asGiven'), leapDay)).toBe('2024-02-29 10:00');
		expect(
			inUtc(
				requiredDate('iso'),
				DateTime.fromObject({ year: 2024, month: 2, day: 29 }, { zone: 'utc' }),
			),
		).toBe('2024-02-29T00:00:00.000Z');
	});

	test("an invalid Luxon DateTime is refused with Luxon's own explanation", () => {
		const expected = `must be a valid date: you specified 29 (of type number) as a day, which is invalid ${ACCEPTED}`;
		const notLeap = DateTime.fromObject({ year: 2023, month: 2, day: 29 });
		expect(notLeap.isValid).toBe(false);
		expect(issue(requiredDate('Y-m-d H:i'), notLeap)).toBe(expected);
		expect(issue(requiredDate('Y-m-d H:i', 'asGiven'), notLeap)).toBe(expected);
		const beyond = DateTime.fromObject({ year: 10000, month: 1, day: 1 }, { zone: 'utc' });
		expect(issue(requiredDate('Y-m-d H:i', 'asGiven'), beyond)).toBe(
			`must be a real date: years go from 0001 to 9999 ${ACCEPTED}`,
		);
	});

	test('a JS Date is accepted as its instant', () => {
		const leapDay = new Date(Date.UTC(2024, 1, 29, 10, 0, 5));
		expect(inUtc(requiredDate('Y-m-d H:i:s'), leapDay)).toBe('2024-02-29 10:00:05');
		expect(inUtc(requiredDate('Y-m-d H:i:s', 'asGiven'), leapDay)).toBe('2024-02-29 10:00:05');
	});

	test("as given, a date alone is that day's midnight whatever the workflow's zone", () => {
		expect(
			inTimezone('America/Guayaquil', () =>
				requiredDate('Y-m-d H:i:s', 'asGiven').parse('2024-02-29'),
			),
		).toBe('2024-02-29 00:00:00');
	});

	test('as given, an impossible clock time inside a valid ISO text is refused too', () => {
		expect(issue(requiredDate('Y-m-d H:i:s', 'asGiven'), '2024-02-29T23:60:00-05:00')).toBe(
			`must be a real time: minutes go from 00 to 59 ${ACCEPTED}`,
		);
	});
});
