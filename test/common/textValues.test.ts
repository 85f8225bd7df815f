/**
 * Booleans and whole numbers typed as text: what an expression or an AI agent's $fromAI() hands
 * over ("true", " False ", "20"), read as the field's own type; anything else refused.
 */
import {
	booleanOr,
	optionalBoolean,
	positiveIntegerOr,
	requiredBoolean,
} from '../../nodes/common/fields/schemas';

describe('booleans typed as text', () => {
	test.each([
		[true, true],
		['true', true],
		[' TRUE ', true],
		['False', false],
		[false, false],
		// What n8n's tryToParseBoolean accepts besides: 1 and 0, as numbers or as text.
		['1', true],
		[' 0 ', false],
		['1.0', true],
		[1, true],
		[0, false],
	])('%j reads as %j', (given, expected) => {
		expect(requiredBoolean().parse(given)).toBe(expected);
		expect(optionalBoolean().parse(given)).toBe(expected);
		expect(booleanOr(!expected).parse(given)).toBe(expected);
	});

	test('empty: undefined, or the default; other words are refused', () => {
		expect(optionalBoolean().parse('')).toBeUndefined();
		expect(booleanOr(true).parse(undefined)).toBe(true);
		expect(booleanOr(false).parse(' ')).toBe(false);
		for (const bad of ['yes', '2', 2, -1, 'truthy', 'on']) {
			expect(booleanOr(false).safeParse(bad).error?.issues[0].message).toBe(
				'must be true or false',
			);
		}
	});
});

describe('a positive whole number with a default (Limit)', () => {
	test('"20", 20 and "20.0" read as 20; empty gives the default', () => {
		for (const given of ['20', 20, ' 20 ', '20.0'])
			expect(positiveIntegerOr(50).parse(given)).toBe(20);
		expect(positiveIntegerOr(50).parse(undefined)).toBe(50);
		expect(positiveIntegerOr(50).parse('')).toBe(50);
	});

	test('zero, fractions and words are refused', () => {
		const message = (given: unknown) =>
			positiveIntegerOr(50).safeParse(given).error?.issues[0].message;
		expect(message('0')).toBe('must be at least 1');
		expect(message('2.5')).toBe('must be a whole number');
		expect(message('ten')).toBe('must be a whole number');
	});
});
