import { z } from 'zod';

import {
	optionalId,
	optionalInteger,
	requiredId,
	requiredInteger,
} from '../../nodes/common/fields/schemas';
import {
	fillPath,
	headerSafeSegment,
	headerValueProblem,
	inPath,
	pathPlaceholders,
	pathProblems,
	pathSegment,
	pathSegmentProblem,
} from '../../nodes/common/fields/pathSegments';
import { optionalText } from '../../nodes/common/fields/schemas';

const issues = (schema: z.ZodTypeAny, value: unknown) => {
	const result = schema.safeParse(value);
	return result.success ? [] : result.error.issues.map((issue) => issue.message);
};

describe('pathSegmentProblem: a value filled into a path stays one non-empty segment', () => {
	test.each([
		['984'],
		['a1b2-c3d4'],
		['6074aa7d3'],
		['a.b'],
		['...'],
		['.hidden'],
		['ñandú'],
		['with space'],
		[984],
		[Number.MAX_SAFE_INTEGER],
		['9007199254740993'],
	])('%j is one segment', (value) => expect(pathSegmentProblem(value)).toBeUndefined());

	test.each([
		['.', /must not be "\." or "\.\."/],
		['..', /must not be "\." or "\.\."/],
		[' .. ', /must not be "\." or "\.\."/],
		['a/b', /must not contain "\/" or "\\"/],
		['/', /must not contain "\/"/],
		['../admin', /must not contain "\/"/],
		['a\\b', /must not contain "\/" or "\\"/],
		['a\r\nb', /control characters/],
		['a\nb', /control characters/],
		['a\tb', /control characters/],
		['a\u0000b', /control characters/],
		['a\u007fb', /control characters/],
		['a\u0085b', /control characters/],
		['a\u2028b', /control characters/],
		['', /is required/],
		['   ', /is required/],
		[undefined, /is required/],
		[null, /is required/],
		[{ id: 1 }, /must be text or a number/],
		[true, /must be text or a number/],
	])('%j is refused', (value, message) => expect(pathSegmentProblem(value)).toMatch(message));

	test('a percent-encoded separator or dot segment is refused too: a backend that decodes twice would see it', () => {
		expect(pathSegmentProblem('a%2Fb')).toMatch(
			/must not contain "\/" or "\\", not even percent-encoded: it is one part/,
		);
		expect(pathSegmentProblem('a%5cb')).toMatch(/"\\", not even percent-encoded/);
		expect(pathSegmentProblem('%2e%2E')).toMatch(/"\." or "\.\.", not even percent-encoded/);
		expect(pathSegmentProblem('%2E')).toMatch(/not even percent-encoded/);
		expect(pathSegmentProblem('a%0D%0Ab')).toMatch(/control characters.*not even percent-encoded/);
		// Encoded twice: %25 is "%", so this is %2F after one decoding.
		expect(pathSegmentProblem('a%252Fb')).toMatch(/not even percent-encoded/);
	});

	test('a "%" that encodes nothing harmful, or nothing at all, is fine', () => {
		expect(pathSegmentProblem('50%25')).toBeUndefined();
		expect(pathSegmentProblem('100%')).toBeUndefined();
		expect(pathSegmentProblem('a%20b')).toBeUndefined();
	});

	test('numbers must be safe whole numbers: above 2^53 - 1 they have lost digits', () => {
		// 9007199254740993 cannot be held by a number: it reads as ...992, another record.
		expect(9007199254740993).toBe(9007199254740992);
		expect(pathSegmentProblem(9007199254740993)).toMatch(/no larger than 9007199254740991/);
		expect(pathSegmentProblem(2 ** 53)).toMatch(/no larger than/);
		expect(pathSegmentProblem(1.5)).toMatch(/whole number/);
		expect(pathSegmentProblem(Number.NaN)).toMatch(/whole number/);
		expect(pathSegmentProblem(Number.POSITIVE_INFINITY)).toMatch(/whole number/);
	});

	test('a value the rule accepts stays one segment once fillPath encodes it', () => {
		for (const value of ['a.b', '...', 'with space', 'ñandú', '50%25', '?x=1', '#top']) {
			expect(pathSegmentProblem(value)).toBeUndefined();
			const path = fillPath('/api/pdf/{id}/x', { id: value });
			const url = new URL(`http://127.0.0.1${path}`);
			expect(url.pathname.split('/')).toHaveLength(5);
			expect(decodeURIComponent(url.pathname.split('/')[3])).toBe(value);
		}
	});
});

describe('pathProblems: every placeholder of an operation path', () => {
	test('the placeholders are read like fillPath reads them', () => {
		expect(pathPlaceholders('/api/lead_history/{leadId}/get_history/')).toEqual(['leadId']);
		expect(pathPlaceholders('/api/a/{first}/b/{second}')).toEqual(['first', 'second']);
		expect(pathPlaceholders('/api/getAvaluos')).toEqual([]);
	});

	test('each faulty placeholder is named with its problem; good ones and other parameters are not', () => {
		const spec = { path: '/api/a/{first}/b/{second}/c/{third}' };
		expect(pathProblems(spec, { first: '..', second: 'ok', third: 'x/y', other: '..' })).toEqual([
			{ name: 'first', problem: expect.stringMatching(/"\." or "\.\."/) },
			{ name: 'third', problem: expect.stringMatching(/"\/"/) },
		]);
		expect(pathProblems(spec, { first: 1, second: 'ok', third: 'fine' })).toEqual([]);
		expect(pathProblems(spec, { second: 'ok', third: 'fine' })).toEqual([
			{ name: 'first', problem: 'is required' },
		]);
	});
});

describe('headerValueProblem: a value sent in an HTTP header', () => {
	test.each([['64cb'], ['6074aa7d3'], [42], ['ñ']])('%j is fine', (value) =>
		expect(headerValueProblem(value)).toBeUndefined(),
	);

	test.each([
		['a\r\nX-Injected: 1', /line breaks/],
		['a\nb', /line breaks/],
		['a\tb', /control characters/],
		['a\u0000', /control characters/],
		['€', /Latin-1/],
		['', /is required/],
		[undefined, /is required/],
	])('%j is refused', (value, message) => expect(headerValueProblem(value)).toMatch(message));
});

describe('the zod refinements name the field through the schema', () => {
	test('pathSegment: a required, trimmed text that is one segment', () => {
		expect(pathSegment().parse(' 1a2b ')).toBe('1a2b');
		expect(pathSegment().parse('9007199254740993')).toBe('9007199254740993');
		expect(pathSegment().parse(42)).toBe('42');
		expect(issues(pathSegment(), '')).toEqual(['is required']);
		expect(issues(pathSegment(), undefined)).toEqual(['is required']);
		expect(issues(pathSegment(), '..')).toEqual([expect.stringMatching(/"\." or "\.\."/)]);
		expect(issues(pathSegment(), 'a/b')).toEqual([expect.stringMatching(/"\/"/)]);
		expect(issues(pathSegment(), 'a\r\nb')).toEqual([expect.stringMatching(/control characters/)]);
	});

	test('pathSegment: a number from an expression that has lost digits is refused, not turned into text', () => {
		expect(issues(pathSegment(), 9007199254740993)).toEqual([
			expect.stringMatching(/no larger than 9007199254740991/),
		]);
	});

	test('headerSafeSegment: one issue for a line break, not one per rule', () => {
		expect(headerSafeSegment().parse('64cb')).toBe('64cb');
		expect(issues(headerSafeSegment(), 'a\r\nb')).toEqual([
			expect.stringMatching(/control characters/),
		]);
		expect(issues(headerSafeSegment(), 'a€b')).toEqual([expect.stringMatching(/Latin-1/)]);
		expect(issues(headerSafeSegment(), '..')).toEqual([expect.stringMatching(/"\." or "\.\."/)]);
	});

	test('inPath leaves a missing optional value to its schema', () => {
		expect(inPath(optionalText()).parse('')).toBeUndefined();
		expect(issues(inPath(optionalText()), '..')).toHaveLength(1);
	});

	test('the issue carries the path of the field it sits in', () => {
		const result = z.object({ id: pathSegment() }).safeParse({ id: '..' });
		expect(result.success).toBe(false);
		expect(!result.success && result.error.issues[0].path).toEqual(['id']);
	});
});

describe('ids and whole numbers are safe integers (fields.ts)', () => {
	test.each([
		['9007199254740993'],
		['9007199254740992'],
		['12345678901234567890'],
		[9007199254740993],
		[1e21],
	])('%j is refused as an id, not rounded to another record', (value) => {
		expect(issues(requiredId(), value)).toEqual([
			expect.stringMatching(/9007199254740991.*cannot be sent exactly/),
		]);
		expect(issues(optionalId(), value)).toEqual([expect.stringMatching(/9007199254740991/)]);
	});

	test('the largest safe id is accepted and kept exact', () => {
		expect(requiredId().parse('9007199254740991')).toBe(9007199254740991);
		expect(requiredId().parse(9007199254740991)).toBe(9007199254740991);
		expect(requiredId().parse('984')).toBe(984);
		expect(requiredId().parse(' 984 ')).toBe(984);
		expect(requiredId().parse('984.0')).toBe(984);
	});

	test('a fraction is not whole, even one a double would round away', () => {
		expect(issues(requiredInteger(), '1.5')).toEqual(['must be a whole number']);
		expect(issues(requiredInteger(), 1.5)).toEqual(['must be a whole number']);
		expect(issues(requiredInteger(), '1.0000000000000001')).toEqual(['must be a whole number']);
		expect(issues(requiredId(), '0.5')).toEqual(['must be a whole number']);
	});

	test('the other messages are unchanged', () => {
		expect(issues(requiredId(), 'abc')).toEqual(['must be a whole number']);
		expect(issues(requiredId(), 0)).toEqual(['must be a positive ID']);
		expect(issues(requiredId(), '')).toEqual(['is required']);
		expect(optionalId().parse('')).toBeUndefined();
		expect(optionalInteger().parse('-7')).toBe(-7);
		expect(issues(optionalInteger(), '-9007199254740993')).toEqual([
			expect.stringMatching(/-9007199254740991/),
		]);
	});
});
