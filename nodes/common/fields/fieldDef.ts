/**
 * One declared field (FieldDef) and what it gives: its n8n property (toProperty) and its
 * validation (toSchema). The vendor's name for a field is kept as data (apiNameOf), so error
 * messages never have to read it back out of a description. Grouped by fieldSet.ts.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import type { ZodTypeAny } from 'zod';

import type { DateFormat, DateZone } from './dates';
import { optionalDate, requiredDate } from './dates';
import {
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
} from './schemas';

/** A resource locator's modes (locator.ts builds the property and reads its value). */
export interface LocatorDef {
	/** What the field points at, for the editor's messages ("lead"). */
	noun: string;
	/** The node's listSearch method: a searchable, paged "From List" mode (the default). */
	search?: string;
	/** The By ID mode: an example, and the pattern the editor checks (the field's kind checks it when run). */
	id: { placeholder: string; regex: string };
	/**
	 * The By URL mode, when the vendor's web app has record URLs: `extract` has one group, the ID.
	 * `where` names the addresses it accepts (shown under the field and in the error).
	 */
	url?: { placeholder: string; extract: string; where?: string };
}

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
	/**
	 * The vendor's name or path for it (e.g. "client.names"); the parameter name when omitted.
	 * `false` for a parameter of the node that is no vendor field (the name of an output binary
	 * field, a whole JSON body): its description then carries no "(API field: …)" note.
	 */
	api?: string | false;
	/**
	 * A value filled into the spec's path (`{name}`), not sent as a field: its description carries
	 * no "(API field: …)" note. The path rule (pathSegments.ts) applies to it whatever its kind.
	 */
	path?: true;
	/** Sentence describing the field (no final period: n8n's style). */
	text: string;
	/** 'text' when omitted. */
	kind?: FieldKind;
	/** The choices of an 'enum'. */
	options?: INodePropertyOptions[];
	/**
	 * The values of an 'enum' in the order its error message lists them ("must be one of: …"), when
	 * that is the vendor's order rather than the dropdown's (sorted by name); the options' otherwise.
	 */
	values?: readonly [string, ...string[]];
	/**
	 * A resource locator from node version 2 (locator.ts): a top-level field then offers From List /
	 * By URL / By ID, and stays a plain field in version 1. Ignored inside collections.
	 */
	locator?: LocatorDef;
	/** Choices listed by the vendor (n8n's loadOptions); the value is validated by `kind`. */
	load?: { method: string; dependsOn?: string[] };
	/** How a 'date' is sent, and whether it is converted to UTC or sent as the clock time written. */
	date?: { format: DateFormat; zone?: DateZone };
	placeholder?: string;
	default?: string | number | boolean;
	/** Anything else the n8n property needs (typeOptions, hint...). */
	property?: Partial<INodeProperties>;
	/**
	 * The validation of a value no kind describes (an ID the operation also puts into a header, a
	 * text or a date...), given whether the field is required; it replaces the kind's.
	 */
	schema?(required: boolean): ZodTypeAny;
}

export type Show = NonNullable<INodeProperties['displayOptions']>['show'];

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

export const apiName = (def: FieldDef) => def.api || def.name;

/** The description of a field: its sentence, and the vendor's name for it when it is a vendor field. */
export const describeField = (def: FieldDef, text = def.text) =>
	def.path || def.api === false ? text : `${text} (API field: ${apiName(def)})`;

const LOADED_CHOICES =
	'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.';

const enumValues = (def: FieldDef) =>
	def.values ??
	((def.options ?? []).map((option) => String(option.value)) as [string, ...string[]]);

/** The n8n property of a declared field. */
export function toProperty(def: FieldDef, required = false, show?: Show): INodeProperties {
	const kind = def.kind ?? 'text';
	let description = describeField(def);
	const property: INodeProperties = {
		displayName: def.label,
		name: def.name,
		type: 'string',
		default: '',
		description,
	};
	if (def.default !== undefined) property.default = def.default;
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
				description = describeField(
					def,
					`Whether ${def.text.charAt(0).toLowerCase()}${def.text.slice(1)}`,
				);
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
	if (def.schema) return def.schema(required);
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
