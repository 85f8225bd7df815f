import { z } from 'zod';

import {
	formatDate,
	inTimezone,
	jsonArray,
	jsonObject,
	optionalDate,
	optionalText,
	requiredDate,
	requiredEnum,
	requiredId,
	toDate,
} from '../../nodes/common/fields';

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
		expect(requiredDate('Y-m-d H:i').parse('2021-10-02T14:59:00-05:00')).toBe('2021-10-02 19:59');
	});

	test('a time without a zone is read in the workflow\'s time zone (UTC here)', () => {
		expect(requiredDate('Y-m-d H:i:s').parse('2021-08-31 14:00')).toBe('2021-08-31 14:00:00');
	});

	test('a Luxon DateTime (what {{ $now }} gives) is accepted', () => {
		const luxonLike = { toJSDate: () => date, toISO: () => date.toISOString() };
		expect(toDate(luxonLike)).toEqual(date);
		expect(requiredDate('Y-m-d H:i').parse(luxonLike)).toBe('2021-10-02 19:59');
	});

	test('missing, empty and invalid dates', () => {
		expect(issue(requiredDate('Y-m-d H:i'), '')).toBe('is required');
		expect(optionalDate('Y-m-d H:i').parse('')).toBeUndefined();
		expect(issue(requiredDate('Y-m-d H:i'), 'next monday')).toMatch(/^must be a date and time/);
	});
});

describe('a date and time without a zone is read in the workflow\'s time zone', () => {
	const utc = (zone: string, value: unknown) => inTimezone(zone, () => requiredDate('Y-m-d H:i:s').parse(value));

	test.each([
		['the date picker\'s value', 'America/Guayaquil', '2021-10-02T14:59:00', '2021-10-02 19:59:00'],
		['a vendor-formatted text', 'America/Guayaquil', '2021-10-02 14:59', '2021-10-02 19:59:00'],
		['with milliseconds', 'America/Guayaquil', '2021-10-02T14:59:07.250', '2021-10-02 19:59:07'],
		['a date alone (midnight)', 'America/Guayaquil', '2021-10-02', '2021-10-02 05:00:00'],
		['in summer time (New York, UTC-4)', 'America/New_York', '2021-07-01 10:00', '2021-07-01 14:00:00'],
		['in winter time (New York, UTC-5)', 'America/New_York', '2021-12-01 10:00', '2021-12-01 15:00:00'],
		['east of UTC, across midnight', 'Europe/Madrid', '2021-10-02 01:30', '2021-10-01 23:30:00'],
	])('%s', (_, zone, value, sent) => expect(utc(zone, value)).toBe(sent));

	test('a time with a zone or offset, and a Luxon value, keep their own instant', () => {
		expect(utc('America/Guayaquil', '2021-10-02T19:59:00Z')).toBe('2021-10-02 19:59:00');
		expect(utc('Europe/Madrid', '2021-10-02T14:59:00-05:00')).toBe('2021-10-02 19:59:00');
		const instant = new Date(Date.UTC(2021, 9, 2, 19, 59));
		expect(utc('Asia/Tokyo', { toJSDate: () => instant })).toBe('2021-10-02 19:59:00');
	});

	test('the zone applies only inside inTimezone', () => {
		utc('Asia/Tokyo', '2021-10-02 10:00');
		expect(requiredDate('Y-m-d H:i:s').parse('2021-10-02 10:00')).toBe('2021-10-02 10:00:00');
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
		expect(requiredDate('Y-m-d H:i:s', 'asGiven').parse('2024-05-06T10:00:00-05:00')).toBe('2024-05-06 10:00:00');
		const bogota = { toISO: () => '2024-05-06T10:00:00.000-05:00', toJSDate: () => new Date('2024-05-06T15:00:00Z') };
		expect(requiredDate('Y-m-d H:i', 'asGiven').parse(bogota)).toBe('2024-05-06 10:00');
		// The same values sent to a vendor that documents UTC are converted.
		expect(requiredDate('Y-m-d H:i', 'utc').parse(bogota)).toBe('2024-05-06 15:00');
	});
});
