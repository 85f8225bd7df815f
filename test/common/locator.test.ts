import type { INodeProperties } from 'n8n-workflow';

import type { LocatorFieldDef } from '../../nodes/common/fields/locator';
import { required } from '../../nodes/common/fields/fieldSet';
import { locatorProperty, locatorSchema } from '../../nodes/common/fields/locator';
import {
	simplifiedOutput,
	simplifyProperty,
	simplifyShape,
} from '../../nodes/common/execution/simplify';

const record: LocatorFieldDef = {
	name: 'recordId',
	label: 'Record ID',
	api: 'id',
	kind: 'id',
	text: 'ID of the record',
	locator: {
		noun: 'record',
		search: 'searchRecords',
		id: { placeholder: '42', regex: '[1-9][0-9]*' },
		url: {
			placeholder: 'https://crm.example.com/record/42',
			extract: 'https?://[^/]+/record/([0-9]+)',
		},
	},
};

const parse = (value: unknown) => locatorSchema(record, true).safeParse(value);
const rl = (mode: string, value: unknown) => ({ __rl: true, mode, value });

describe('locatorSchema: one validation for plain values and locator values', () => {
	test.each([
		['a plain value (version 1)', '42'],
		['From List', rl('list', '42')],
		['By ID', rl('id', 42)],
		['By URL: the group of the extract pattern', rl('url', 'https://crm.example.com/record/42')],
		['By URL with more after the ID', rl('url', ' https://crm.example.com/record/42?tab=notes ')],
	])('%s gives the ID', (_name, value) => {
		expect(parse(value)).toEqual({ success: true, data: 42 });
	});

	test('a URL that is not a record URL is refused with an example', () => {
		const result = parse(rl('url', 'https://crm.example.com/case/42'));
		expect(result.success).toBe(false);
		expect(result.error?.issues[0].message).toBe(
			'must be a record URL like https://crm.example.com/record/42',
		);
	});

	test('the ID itself is validated by the field kind, whatever the mode', () => {
		expect(parse(rl('id', 'x')).error?.issues[0].message).toBe('must be a whole number');
		expect(parse(rl('list', '')).error?.issues[0].message).toBe('is required');
		expect(parse(rl('url', '')).error?.issues[0].message).toBe('is required');
	});
});

describe('a locator field in required(): a plain field before version 2, a resource locator from it', () => {
	const [v1, v2] = required([record]).properties;

	test('version 1 keeps its plain property', () => {
		expect(v1).toMatchObject({
			name: 'recordId',
			type: 'string',
			required: true,
			displayOptions: { show: { '@version': [{ _cnd: { lt: 2 } }] } },
		});
	});

	test('version 2 offers From List (default), By URL and By ID, with the patterns n8n applies', () => {
		expect(v2).toMatchObject({
			name: 'recordId',
			type: 'resourceLocator',
			default: { mode: 'list', value: '' },
			displayOptions: { show: { '@version': [{ _cnd: { gte: 2 } }] } },
		});
		const modes = (v2 as INodeProperties).modes ?? [];
		expect(modes.map((mode) => mode.name)).toEqual(['list', 'url', 'id']);
		expect(modes[0].typeOptions).toEqual({ searchListMethod: 'searchRecords', searchable: true });
		expect(modes[1].extractValue).toEqual({ type: 'regex', regex: record.locator.url?.extract });
	});

	test('without a list or a URL, By ID alone is the default', () => {
		const plain = locatorProperty({
			...record,
			locator: { ...record.locator, search: undefined, url: undefined },
		});
		expect(plain.default).toEqual({ mode: 'id', value: '' });
		expect(plain.modes?.map((mode) => mode.name)).toEqual(['id']);
	});
});

describe('Simplify', () => {
	const output = simplifiedOutput((r) => ({ id: r.id }));

	test('on: every record simplified; off or absent (version 1): the raw answer', () => {
		expect(output([{ id: 1, x: 2 }], { simplify: true })).toEqual([{ id: 1 }]);
		expect(output({ id: 1, x: 2 }, { simplify: true })).toEqual({ id: 1 });
		expect(output({ id: 1, x: 2 }, { simplify: false })).toEqual({ id: 1, x: 2 });
		expect(simplifyShape.simplify.parse(undefined)).toBe(false);
		expect(simplifyShape.simplify.parse('true')).toBe(true);
	});

	test('the option exists from version 2 on, on by default', () => {
		expect(simplifyProperty).toMatchObject({
			name: 'simplify',
			default: true,
			displayOptions: { show: { '@version': [{ _cnd: { gte: 2 } }] } },
		});
	});
});
