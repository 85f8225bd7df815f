/**
 * Resource locators (n8n's "From List / By URL / By ID" fields) for IDs that a documented list can
 * fill. A locator field is declared once as a FieldDef with `locator`; fieldSet.ts's groups give its two
 * properties (a plain field before LOCATOR_VERSION, a resourceLocator from it on) and one schema that
 * reads either value: a plain ID, or n8n's `{__rl, mode, value}` object. The ID is then validated by
 * the field's own kind; a By URL value must match the mode's `extract` pattern, whose one group is
 * the ID (the same regex n8n's `extractValue` would apply).
 */
import type { INodeProperties, INodePropertyMode } from 'n8n-workflow';
import type { ZodTypeAny } from 'zod';
import { z } from 'zod';

import type { FieldDef, LocatorDef, Show } from './fieldDef';
import { apiName, describeField, toProperty, toSchema, withApiName } from './fieldDef';
import { beforeVersion, fromVersion, LOCATOR_VERSION } from '../execution/versions';

export type LocatorFieldDef = FieldDef & { locator: LocatorDef };

const isLocatorField = (def: FieldDef): def is LocatorFieldDef => def.locator !== undefined;

interface LocatorValue {
	mode: string;
	value: unknown;
}

export const isLocatorValue = (value: unknown): value is LocatorValue =>
	typeof value === 'object' && value !== null && 'mode' in value && 'value' in value;

/** The resourceLocator property of a declared locator field. */
export function locatorProperty(def: LocatorFieldDef, required = false): INodeProperties {
	const { noun, search, id, url } = def.locator;
	// Declared under a `modes` key, as n8n's lint rules expect of modes; the ones not offered go.
	const all: { modes: INodePropertyMode[] } = {
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${noun}...`,
				typeOptions: { searchListMethod: search ?? '', searchable: true },
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: url?.placeholder,
				...(url?.where ? { hint: `The ${noun}'s address in the web app, ${url.where}` } : {}),
				validation: [
					{
						type: 'regex',
						properties: { regex: `${url?.extract}.*`, errorMessage: `Not a valid ${noun} URL` },
					},
				],
				extractValue: { type: 'regex', regex: url?.extract ?? '' },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: id.placeholder,
				validation: [
					{
						type: 'regex',
						properties: { regex: id.regex, errorMessage: `Not a valid ${noun} ID` },
					},
				],
			},
		],
	};
	const modes = all.modes.filter(
		(mode) => (mode.name !== 'list' || search) && (mode.name !== 'url' || url),
	);
	const property: INodeProperties = {
		displayName: def.label,
		name: def.name,
		type: 'resourceLocator',
		default: { mode: search ? 'list' : 'id', value: '' },
		description: describeField(def),
		modes,
	};
	if (required) property.required = true;
	return withApiName(property, apiName(def));
}

/** The ID a locator value points at, before the field's own validation. */
export function locatorSchema(def: LocatorFieldDef, required = false): ZodTypeAny {
	const { noun, url } = def.locator;
	return z
		.unknown()
		.transform((value, ctx) => {
			if (!isLocatorValue(value)) return value; // a plain value: version 1, or an expression
			if (value.mode !== 'url') return value.value;
			const text = typeof value.value === 'string' ? value.value.trim() : value.value;
			if (text === '' || text === undefined || text === null) return undefined;
			const found =
				url && typeof text === 'string' ? new RegExp(url.extract).exec(text) : undefined;
			if (!found?.[1]) {
				ctx.addIssue({
					code: z.ZodIssueCode.custom,
					message: url
						? `must be a ${noun} URL like ${url.placeholder}${url.where ? ` (${url.where})` : ''}`
						: `cannot be given by URL: choose From List or By ID`,
				});
				return z.NEVER;
			}
			return found[1];
		})
		.pipe(toSchema(def, required));
}

/**
 * The top-level properties of a declared field (fieldSet.ts's required / optionalTopLevel): one plain
 * property, or for a locator field a plain one before LOCATOR_VERSION (what saved workflows hold)
 * and a resource locator from it on.
 */
export function declaredProperties(
	def: FieldDef,
	required = false,
	show?: Show,
): INodeProperties[] {
	if (!isLocatorField(def)) return [toProperty(def, required, show)];
	const locator = locatorProperty(def, required);
	if (show) locator.displayOptions = { show };
	return [
		withApiName(beforeVersion(LOCATOR_VERSION, toProperty(def, required, show)), apiName(def)),
		withApiName(fromVersion(LOCATOR_VERSION, locator), apiName(def)),
	];
}

/** The validation of a declared top-level field: one for both versions of a locator field. */
export const declaredSchema = (def: FieldDef, required = false): ZodTypeAny =>
	isLocatorField(def) ? locatorSchema(def, required) : toSchema(def, required);
