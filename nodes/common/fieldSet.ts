/**
 * The one way an operation declares its fields, for all three vendors: a field is declared once
 * (FieldDef) and gives both its n8n property and its validation. The vendor's name for a field is
 * kept as data (apiNameOf), so error messages never have to read it back out of a description.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import type { ZodTypeAny } from 'zod';
import { z } from 'zod';

import type { DateFormat, DateZone } from './dates';
import { optionalDate, requiredDate } from './dates';
import {
	fixedList,
	jsonArray,
	jsonObject,
	optionalBoolean,
	optionalDigits,
	optionalEmail,
	optionalEnum,
	optionalId,
	optionalInteger,
	optionalNumber,
	optionalText,
	requiredBoolean,
	requiredDigits,
	requiredEmail,
	requiredEnum,
	requiredId,
	requiredInteger,
	requiredNumber,
	requiredText,
} from './fields';

export type FieldKind =
	| 'text'
	| 'longText'
	| 'password'
	| 'digits'
	| 'email'
	| 'enum'
	| 'boolean'
	| 'integer'
	| 'number'
	| 'id'
	| 'date'
	| 'jsonObject'
	| 'jsonArray';

export interface FieldDef {
	/** Parameter name in the node (unique per operation). */
	name: string;
	label: string;
	/** The vendor's name or path for it (e.g. "client.names"); the parameter name when omitted. */
	api?: string;
	/** Sentence describing the field (no final period: n8n's style). */
	text: string;
	/** 'text' when omitted. */
	kind?: FieldKind;
	/** The choices of an 'enum'. */
	options?: INodePropertyOptions[];
	/** Choices listed by the vendor (n8n's loadOptions); the value is validated by `kind`. */
	load?: { method: string; dependsOn?: string[] };
	/** How a 'date' is sent, and whether it is converted to UTC or sent as the clock time written. */
	date?: { format: DateFormat; zone?: DateZone };
	placeholder?: string;
	default?: string | number | boolean;
	/** Anything else the n8n property needs (typeOptions, hint...). */
	property?: Partial<INodeProperties>;
}

type Show = NonNullable<INodeProperties['displayOptions']>['show'];

/** A group of declared fields: their properties, their validation, and the names the body takes. */
export interface FieldSet {
	properties: INodeProperties[];
	shape: Record<string, ZodTypeAny>;
	/** The declared fields, in order, for building the request body. */
	fields: FieldDef[];
}

const API_NAMES = new WeakMap<INodeProperties, string>();

/** Records the vendor's name for a property (a field, an object or a list). */
export function withApiName<T extends INodeProperties>(property: T, api: string): T {
	API_NAMES.set(property, api);
	return property;
}

/** The vendor's name for a property, when one was declared. */
export function apiNameOf(property: INodeProperties): string | undefined {
	return API_NAMES.get(property);
}

export const apiName = (def: FieldDef) => def.api ?? def.name;

const LOADED_CHOICES =
	'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.';

const enumValues = (def: FieldDef) =>
	(def.options ?? []).map((option) => String(option.value)) as [string, ...string[]];

/** The n8n property of a declared field. */
export function toProperty(def: FieldDef, required = false, show?: Show): INodeProperties {
	const kind = def.kind ?? 'text';
	let description = `${def.text} (API field: ${apiName(def)})`;
	const property: INodeProperties = {
		displayName: def.label,
		name: def.name,
		type: 'string',
		default: def.default ?? '',
		description,
	};
	switch (kind) {
		case 'enum':
			property.type = 'options';
			property.options = def.options;
			property.default = def.default ?? String(def.options?.[0]?.value ?? '');
			break;
		case 'date':
			property.type = 'dateTime';
			break;
		case 'boolean':
			property.type = 'boolean';
			property.default = def.default ?? false;
			// n8n's style: a boolean's description starts with "Whether".
			if (!/^whether\b/i.test(def.text)) {
				description = `Whether ${def.text.charAt(0).toLowerCase()}${def.text.slice(1)} (API field: ${apiName(def)})`;
				property.description = description;
			}
			break;
		case 'integer':
		case 'number':
			if (def.default !== undefined) property.type = 'number';
			break;
		case 'longText':
			property.typeOptions = { rows: 2 };
			break;
		case 'password':
			property.typeOptions = { password: true };
			break;
	}
	if (def.load) {
		property.type = 'options';
		property.typeOptions = {
			loadOptionsMethod: def.load.method,
			...(def.load.dependsOn ? { loadOptionsDependsOn: def.load.dependsOn } : {}),
		};
		property.default = def.default ?? '';
		property.description = `${description}. ${LOADED_CHOICES}`;
	}
	if (required) property.required = true;
	if (def.placeholder) property.placeholder = def.placeholder;
	if (show) property.displayOptions = { show };
	Object.assign(property, def.property);
	return withApiName(property, apiName(def));
}

/** The validation of a declared field. */
export function toSchema(def: FieldDef, required = false): ZodTypeAny {
	switch (def.kind ?? 'text') {
		case 'digits':
			return required ? requiredDigits() : optionalDigits();
		case 'email':
			return required ? requiredEmail() : optionalEmail();
		case 'enum':
			return required ? requiredEnum(enumValues(def)) : optionalEnum(enumValues(def));
		case 'boolean':
			return required ? requiredBoolean() : optionalBoolean();
		case 'integer':
			return required ? requiredInteger() : optionalInteger();
		case 'number':
			return required ? requiredNumber() : optionalNumber();
		case 'id':
			return required ? requiredId() : optionalId();
		case 'date': {
			const { format, zone } = def.date ?? { format: 'iso' };
			return required ? requiredDate(format, zone) : optionalDate(format, zone);
		}
		case 'jsonObject':
			return required ? jsonObject().refine((v) => v !== undefined, 'is required') : jsonObject();
		case 'jsonArray':
			return required ? jsonArray().refine((v) => v !== undefined, 'is required') : jsonArray();
		default:
			return required ? requiredText() : optionalText();
	}
}

/**
 * Required fields as top-level parameters. Shown only under `show` when given: then the field is
 * required in the editor, and a rule of the operation checks it when that condition holds.
 */
export function required(defs: FieldDef[], show?: Show): FieldSet {
	return {
		properties: defs.map((def) => toProperty(def, true, show)),
		shape: Object.fromEntries(defs.map((def) => [def.name, toSchema(def, !show)])),
		fields: defs,
	};
}

/** Top-level fields that may stay empty (then they are not sent, or a rule says when they are needed). */
export function notRequired(defs: FieldDef[], show?: Show): FieldSet {
	return {
		properties: defs.map((def) => toProperty(def, false, show)),
		shape: Object.fromEntries(defs.map((def) => [def.name, toSchema(def, false)])),
		fields: defs,
	};
}

export interface CollectionDef {
	name: string;
	label: string;
	placeholder: string;
	/** The vendor's object the fields belong to, when the collection is one (e.g. "client"). */
	api?: string;
	/** Sentence describing the collection, when it needs one. */
	text?: string;
}

export const ADDITIONAL_FIELDS: CollectionDef = { name: 'additionalFields', label: 'Additional Fields', placeholder: 'Add Field' };

/**
 * Optional fields in a collection ("Additional Fields" unless named otherwise): the user adds
 * only the ones to send. Its value is an object of the given fields (empty when none).
 */
export function optional(defs: FieldDef[], collection: CollectionDef = ADDITIONAL_FIELDS, show?: Show): FieldSet {
	const property: INodeProperties = {
		displayName: collection.label,
		name: collection.name,
		type: 'collection',
		placeholder: collection.placeholder,
		default: {},
		options: defs.map((def) => toProperty(def)).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
	if (collection.text) {
		property.description = collection.api ? `${collection.text} (API object: ${collection.api})` : collection.text;
	}
	if (show) property.displayOptions = { show };
	if (collection.api) withApiName(property, collection.api);
	return {
		properties: [property],
		shape: { [collection.name]: z.object(Object.fromEntries(defs.map((def) => [def.name, toSchema(def)]))).default({}) },
		fields: defs,
	};
}

export interface ListDef {
	name: string;
	label: string;
	placeholder: string;
	/** The vendor's list (e.g. "request.task"). */
	api: string;
	text: string;
	/** One entry's group name and label in the editor. */
	entry: { name: string; label: string };
}

/**
 * A list of entries (n8n's fixedCollection with multiple values), each made of the given fields;
 * its value is the array of entries (empty when none). `entrySchema` replaces the entries' default
 * validation when an entry needs rules or a transform of its own.
 */
export function list(def: ListDef, entryFields: FieldDef[] | FieldSet, entrySchema?: ZodTypeAny): FieldSet {
	const entry = Array.isArray(entryFields) ? notRequired(entryFields) : entryFields;
	const property = withApiName<INodeProperties>(
		{
			displayName: def.label,
			name: def.name,
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: def.placeholder,
			default: {},
			description: `${def.text} (API list: ${def.api})`,
			options: [{ displayName: def.entry.label, name: def.entry.name, values: entry.properties }],
		},
		def.api,
	);
	return {
		properties: [property],
		shape: { [def.name]: fixedList(def.entry.name, entrySchema ?? z.object(entry.shape)) },
		fields: [],
	};
}

export function combine(...sets: FieldSet[]): FieldSet {
	return {
		properties: sets.flatMap((set) => set.properties),
		shape: Object.assign({}, ...sets.map((set) => set.shape)),
		fields: sets.flatMap((set) => set.fields),
	};
}
