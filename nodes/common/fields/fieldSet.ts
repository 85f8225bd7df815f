/**
 * The one way an operation declares its fields, for all three vendors: FieldDefs (fieldDef.ts)
 * grouped into the parameters of an operation, each group giving its n8n properties and its zod shape.
 */
import type { INodeProperties } from 'n8n-workflow';
import type { ZodTypeAny } from 'zod';
import { z } from 'zod';

import type { FieldDef, Show } from './fieldDef';
import { toProperty, toSchema, withApiName } from './fieldDef';
import { fixedGroup, fixedList } from './schemas';
import { declaredProperties, declaredSchema } from './locator';

/** A group of declared fields: their properties, their validation, and the names the body takes. */
export interface FieldSet {
	properties: INodeProperties[];
	shape: Record<string, ZodTypeAny>;
	/** The declared fields, in order, for building the request body (path values are not in it). */
	fields: FieldDef[];
}

const bodyFields = (defs: FieldDef[]) => defs.filter((def) => !def.path);

/**
 * Required fields as top-level parameters. Shown only under `show` when given: then the field is
 * required in the editor, and a rule of the operation checks it when that condition holds.
 */
export function required(defs: FieldDef[], show?: Show): FieldSet {
	return {
		properties: defs.flatMap((def) => declaredProperties(def, true, show)),
		shape: Object.fromEntries(defs.map((def) => [def.name, declaredSchema(def, !show)])),
		fields: bodyFields(defs),
	};
}

/**
 * Fields validated as required that the editor does not mark so: a dropdown always shows a choice
 * (an expression may still give none), a field of a list entry is checked once the entry exists.
 */
export function requiredUnmarked(defs: FieldDef[]): FieldSet {
	return {
		properties: defs.flatMap((def) => declaredProperties(def)),
		shape: Object.fromEntries(defs.map((def) => [def.name, declaredSchema(def, true)])),
		fields: bodyFields(defs),
	};
}

/** Top-level fields that may stay empty (then they are not sent, or a rule says when they are needed). */
export function optionalTopLevel(defs: FieldDef[], show?: Show): FieldSet {
	return {
		properties: defs.flatMap((def) => declaredProperties(def, false, show)),
		shape: Object.fromEntries(defs.map((def) => [def.name, declaredSchema(def, false)])),
		fields: bodyFields(defs),
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

export const ADDITIONAL_FIELDS: CollectionDef = {
	name: 'additionalFields',
	label: 'Additional Fields',
	placeholder: 'Add Field',
};

/**
 * Optional fields in a collection ("Additional Fields" unless named otherwise): the user adds
 * only the ones to send. Its value is an object of the given fields (empty when none).
 */
export function inCollection(
	defs: FieldDef[],
	collection: CollectionDef = ADDITIONAL_FIELDS,
	show?: Show,
): FieldSet {
	const property: INodeProperties = {
		displayName: collection.label,
		name: collection.name,
		type: 'collection',
		placeholder: collection.placeholder,
		default: {},
		options: defs
			.map((def) => toProperty(def))
			.sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
	if (collection.text) {
		property.description = collection.api
			? `${collection.text} (API object: ${collection.api})`
			: collection.text;
	}
	if (show) property.displayOptions = { show };
	if (collection.api) withApiName(property, collection.api);
	return {
		properties: [property],
		shape: {
			[collection.name]: z
				.object(Object.fromEntries(defs.map((def) => [def.name, toSchema(def)])))
				.default({}),
		},
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
	/** How the description names the vendor's key: "API list" unless the vendor calls it a field or an object. */
	apiWord?: 'list' | 'field' | 'object';
	/** One entry at most (a fixedCollection without multiple values): its value is the entry, or undefined. */
	single?: true;
	show?: Show;
}

/** The n8n property of a list of entries, each made of `values`. */
export function listProperty(def: ListDef, values: INodeProperties[]): INodeProperties {
	return withApiName<INodeProperties>(
		{
			displayName: def.label,
			name: def.name,
			type: 'fixedCollection',
			...(def.single ? {} : { typeOptions: { multipleValues: true } }),
			placeholder: def.placeholder,
			default: {},
			...(def.show ? { displayOptions: { show: def.show } } : {}),
			description: `${def.text} (API ${def.apiWord ?? 'list'}: ${def.api})`,
			options: [{ displayName: def.entry.label, name: def.entry.name, values }],
		},
		def.api,
	);
}

/**
 * A list of entries (n8n's fixedCollection with multiple values), each made of the given fields;
 * its value is the array of entries (empty when none). `entrySchema` replaces the entries' default
 * validation when an entry needs rules or a transform of its own.
 */
export function list(
	def: ListDef,
	entryFields: FieldDef[] | FieldSet,
	entrySchema?: ZodTypeAny,
): FieldSet {
	const entry = Array.isArray(entryFields) ? optionalTopLevel(entryFields) : entryFields;
	return {
		properties: [listProperty(def, entry.properties)],
		shape: {
			[def.name]: (def.single ? fixedGroup : fixedList)(
				def.entry.name,
				entrySchema ?? z.object(entry.shape),
			),
		},
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
