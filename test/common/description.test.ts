import { z } from 'zod';

import { operationProperties } from '../../nodes/common/execution/description';
import { optionalTopLevel, required } from '../../nodes/common/fields/fieldSet';
import type { AnyOperationSpec } from '../../nodes/common/execution/operation';
import { defineOperation } from '../../nodes/common/execution/operation';

const spec = (operation: string, marked: boolean): AnyOperationSpec =>
	defineOperation({
		resource: 'thing',
		operation,
		...(marked ? { default: true as const } : {}),
		name: operation,
		action: `${operation} a thing`,
		description: `${operation} a thing`,
		method: 'GET',
		path: '/things',
		properties: [],
		schema: z.object({}),
	});

const resources = [{ name: 'Thing', value: 'thing' }];

describe('the default operation of a resource is the one spec marked default: true', () => {
	test('the marked spec is the default wherever it stands in the list', () => {
		const [dropdown] = operationProperties(resources, [spec('get', false), spec('list', true)]);
		expect(dropdown.default).toBe('list');
	});

	test('a resource without a marked spec fails to load, naming the resource', () => {
		expect(() => operationProperties(resources, [spec('get', false)])).toThrow(
			'Resource thing needs exactly one operation marked default: true (found none)',
		);
	});

	test('a resource with two marked specs fails to load, naming both', () => {
		expect(() => operationProperties(resources, [spec('get', true), spec('list', true)])).toThrow(
			'Resource thing needs exactly one operation marked default: true (found get, list)',
		);
	});
});

describe('path values and node parameters carry no "(API field)" note', () => {
	test('a vendor field names its API field; a path value and a node choice do not', () => {
		const [field, pathValue, choice] = required([
			{ name: 'brand', label: 'Brand', api: 'brand_model', text: 'Brand of the car' },
			{ name: 'leadId', label: 'Lead ID', kind: 'id', path: true, text: 'ID of the lead' },
			{ name: 'output', label: 'Output Field', api: false, text: 'Binary field to fill' },
		]).properties;
		expect([field.description, pathValue.description, choice.description]).toEqual([
			'Brand of the car (API field: brand_model)',
			'ID of the lead',
			'Binary field to fill',
		]);
	});

	test('a path value is validated but left out of the fields a body is built from', () => {
		const set = optionalTopLevel([
			{ name: 'id', label: 'ID', path: true, text: 'ID in the path' },
			{ name: 'note', label: 'Note', text: 'A note' },
		]);
		expect(set.fields.map((def) => def.name)).toEqual(['note']);
		expect(Object.keys(set.shape)).toEqual(['id', 'note']);
	});
});
