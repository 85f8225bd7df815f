/**
 * Builds properties, validation and request bodies from the field catalog, and holds the blocks
 * several operations share: the call type, the meeting, and `datos_adicionales`.
 */
import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import type { ZodTypeAny } from 'zod';
import { z } from 'zod';

import {
	fixedList,
	optionalBoolean,
	optionalDigits,
	optionalEmail,
	optionalEnum,
	optionalText,
	requiredBoolean,
	requiredDigits,
	requiredEmail,
	requiredEnum,
	requiredText,
} from '../common/fields';
import { optionalDate, requiredDate } from '../common/dates';
import type { FieldDef } from './catalog';
import { APPOINTMENT_TYPES, MEETING_FIELDS, field } from './catalog';

type Show = NonNullable<INodeProperties['displayOptions']>['show'];

const values = (def: FieldDef) => (def.options ?? []).map((option) => String(option.value)) as [string, ...string[]];

/** The n8n property of a catalog field. */
export function toProperty(def: FieldDef, required: boolean, show?: Show): INodeProperties {
	const fallback = def.default ?? '';
	// One sentence, so no final period (n8n's style).
	const description = `${def.text} (API field: ${def.api})`;
	const property: INodeProperties = {
		displayName: def.label,
		name: def.name,
		type: 'string',
		default: fallback,
		description,
	};
	if (required) property.required = true;
	if (def.placeholder) property.placeholder = def.placeholder;
	if (show) property.displayOptions = { show };
	switch (def.kind) {
		case 'enum':
			property.type = 'options';
			property.options = def.options;
			property.default = def.default ?? String(def.options?.[0]?.value ?? '');
			break;
		case 'utcDate':
		case 'dateTimeSeconds':
			property.type = 'dateTime';
			break;
		case 'boolean':
			property.type = 'boolean';
			property.default = def.default ?? false;
			// n8n's style: a boolean's description starts with "Whether".
			property.description = /^whether\b/i.test(def.text)
				? description
				: `Whether ${def.text.charAt(0).toLowerCase()}${def.text.slice(1)} (API field: ${def.api})`;
			break;
		case 'longText':
			property.typeOptions = { rows: 2 };
			break;
		case 'password':
			property.typeOptions = { password: true };
			break;
	}
	return property;
}

/** The validation of a catalog field. */
export function toSchema(def: FieldDef, required: boolean): ZodTypeAny {
	switch (def.kind) {
		case 'digits':
			return required ? requiredDigits() : optionalDigits();
		case 'email':
			return required ? requiredEmail() : optionalEmail();
		case 'enum':
			return required ? requiredEnum(values(def)) : optionalEnum(values(def));
		case 'utcDate':
			return required ? requiredDate('Y-m-d H:i') : optionalDate('Y-m-d H:i');
		case 'dateTimeSeconds':
			// No zone documented for this one: the clock time given is sent.
			return required ? requiredDate('Y-m-d H:i:s', 'asGiven') : optionalDate('Y-m-d H:i:s', 'asGiven');
		case 'boolean':
			return required ? requiredBoolean() : optionalBoolean();
		default:
			return required ? requiredText() : optionalText();
	}
}

export interface FieldSet {
	properties: INodeProperties[];
	shape: Record<string, ZodTypeAny>;
	/** Every catalog field of the set, for the body. */
	names: string[];
}

/** Required fields as top-level parameters (shown only under `show`, if given). */
export function required(names: string[], show?: Show): FieldSet {
	const defs = names.map(field);
	return {
		properties: defs.map((def) => toProperty(def, true, show)),
		// Fields shown only under a condition are checked by that condition's rule.
		shape: Object.fromEntries(defs.map((def) => [def.name, show ? toSchema(def, false) : toSchema(def, true)])),
		names,
	};
}

/** Top-level fields that may stay empty (a rule decides when they are needed). */
export function notRequired(names: string[]): FieldSet {
	const defs = names.map(field);
	return {
		properties: defs.map((def) => toProperty(def, false)),
		shape: Object.fromEntries(defs.map((def) => [def.name, toSchema(def, false)])),
		names,
	};
}

/** Optional fields in a collection ("Additional Fields" unless named otherwise). */
export function optional(
	names: string[],
	collection = { name: 'additionalFields', displayName: 'Additional Fields', placeholder: 'Add Field' },
	show?: Show,
): FieldSet {
	const defs = names.map(field);
	const property: INodeProperties = {
		displayName: collection.displayName,
		name: collection.name,
		type: 'collection',
		placeholder: collection.placeholder,
		default: {},
		options: defs.map((def) => toProperty(def, false)).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
	if (show) property.displayOptions = { show };
	return {
		properties: [property],
		shape: {
			[collection.name]: z.object(Object.fromEntries(defs.map((def) => [def.name, toSchema(def, false)]))).default({}),
		},
		names,
	};
}

export function combine(...sets: FieldSet[]): FieldSet {
	return {
		properties: sets.flatMap((set) => set.properties),
		shape: Object.assign({}, ...sets.map((set) => set.shape)),
		names: sets.flatMap((set) => set.names),
	};
}

function setPath(target: IDataObject, path: string, value: unknown) {
	const keys = path.split('.');
	let node = target;
	for (const key of keys.slice(0, -1)) {
		node[key] = (node[key] as IDataObject | undefined) ?? {};
		node = node[key] as IDataObject;
	}
	node[keys[keys.length - 1]] = value as IDataObject[string];
}

/** The values of the given fields, wherever the user gave them (top level or a collection). */
function fieldValues(params: IDataObject): IDataObject {
	const flat: IDataObject = { ...params };
	for (const value of Object.values(params)) {
		if (value && typeof value === 'object' && !Array.isArray(value)) Object.assign(flat, value);
	}
	return flat;
}

/**
 * The request body: each field at its API path inside `datosSugarCRM` (or at the root for
 * `datos_adicionales.*`, or for the flat endpoints when `wrap` is false); empty fields are left out.
 */
export function buildBody(params: IDataObject, names: string[], wrap = true): IDataObject {
	const given = fieldValues(params);
	const body: IDataObject = {};
	for (const name of names) {
		const value = given[name];
		if (value === undefined) continue;
		const def = field(name);
		const atRoot = !wrap || def.api.startsWith('datos_adicionales.');
		setPath(body, atRoot ? def.api : `datosSugarCRM.${def.api}`, value);
	}
	const extra = params.datos_adicionales as IDataObject | undefined;
	if (extra && Object.keys(extra).length) body.datos_adicionales = { ...(body.datos_adicionales as IDataObject), ...extra };
	return body;
}

/* -------------------------------------------------------------- call type */

export const CALL_TYPES: Record<'quotation' | 'prospect' | 'call', INodePropertyOptions[]> = {
	quotation: [
		{ name: 'Follow-Up (Seguimiento)', value: 'seguimiento' },
		{ name: 'Automatic (Automática)', value: 'automatica' },
	],
	prospect: [
		{ name: 'Follow-Up (Seguimiento)', value: 'seguimiento' },
		{ name: 'Appointment (Cita)', value: 'cita' },
	],
	call: [
		{ name: 'Follow-Up (Seguimiento)', value: 'seguimiento' },
		{ name: 'Appointment (Cita)', value: 'cita' },
		{ name: 'Chat Appointment (Cita Chat)', value: 'cita_chat' },
	],
};

/** The call type (`type`), whose appointment values bring the meeting block. */
export function callType(kind: keyof typeof CALL_TYPES): FieldSet {
	const options = CALL_TYPES[kind];
	const property: INodeProperties = {
		displayName: 'Call Type',
		name: 'type',
		type: 'options',
		options,
		default: 'seguimiento',
		required: true,
		description:
			kind === 'quotation'
				? 'Type of the call (API field: type)'
				: 'Type of the call; an appointment adds the meeting fields (API field: type)',
	};
	return {
		properties: [property],
		shape: { type: requiredEnum(options.map((option) => String(option.value)) as [string, ...string[]]) },
		names: ['type'],
	};
}

/** Shown and required only for an appointment. */
export const appointmentOnly = (kind: 'prospect' | 'call'): Show => ({
	type: CALL_TYPES[kind].map((option) => String(option.value)).filter((value) => APPOINTMENT_TYPES.includes(value)),
});

/** A rule: when `condition` holds, each named field must have a value. */
export function requireWhen(condition: (params: IDataObject) => boolean, names: string[], reason: string) {
	return (params: IDataObject, ctx: z.RefinementCtx) => {
		if (!condition(params)) return;
		const given = fieldValues(params);
		for (const name of names) {
			const value = given[name];
			if (value === undefined || value === '') {
				ctx.addIssue({ code: z.ZodIssueCode.custom, path: [name], message: `is required ${reason}` });
			}
		}
	};
}

export const isAppointment = (params: IDataObject) => APPOINTMENT_TYPES.includes(String(params.type));

/* ---------------------------------------------------------------- meeting */

/** Documented as optional in the meeting block of both endpoints (the other fields are required for an appointment). */
const MEETING_OPTIONAL = ['meeting_marca', 'meeting_modelo', 'meeting_client_phone_home'];

/**
 * The meeting block (`meeting`, with its `client`), written once for the two operations that
 * schedule appointments (calls_prospeccion and calls): shown and required only when the call is
 * an appointment. Only calls documents the meeting's own `status`.
 */
export function meeting(kind: 'prospect' | 'call') {
	const requiredNames = [...(kind === 'call' ? ['meeting_status'] : []), ...MEETING_FIELDS].filter(
		(name) => !MEETING_OPTIONAL.includes(name),
	);
	return {
		fields: combine(
			required(requiredNames, appointmentOnly(kind)),
			optional(
				MEETING_OPTIONAL,
				{ name: 'meetingOptions', displayName: 'Meeting Additional Fields', placeholder: 'Add Meeting Field' },
				appointmentOnly(kind),
			),
		),
		rule: requireWhen(isAppointment, ['user_name_asesor', ...requiredNames], 'when the call is an appointment'),
	};
}

/* ----------------------------------------------------- datos_adicionales */

/**
 * `datos_adicionales`: free key/value pairs from the external application and, where the vendor
 * documents it, the `fields` list of the web form (`{key, nombre}`).
 */
export function additionalData(withFormFields: boolean): { properties: INodeProperties[]; shape: Record<string, ZodTypeAny> } {
	const properties: INodeProperties[] = [
		{
			displayName: 'Additional Data',
			name: 'additionalData',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Key/Value',
			default: {},
			description: 'Free data from your application, sent as key/value pairs (API object: datos_adicionales)',
			options: [
				{
					displayName: 'Pair',
					name: 'pairs',
					values: [
						{ displayName: 'Key', name: 'key', type: 'string', default: '', description: 'Name of the property (API object: datos_adicionales)' },
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
					],
				},
			],
		},
	];
	if (withFormFields) {
		properties.push({
			displayName: 'Form Fields',
			name: 'formFields',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Form Field',
			default: {},
			description: 'The fields of the web form (API list: datos_adicionales.fields, entries {key, nombre})',
			options: [
				{
					displayName: 'Field',
					name: 'fields',
					values: [
						{ displayName: 'Key', name: 'key', type: 'string', default: '', description: 'Name of the form field (API field: key)' },
						{ displayName: 'Value', name: 'nombre', type: 'string', default: '', description: 'What was entered in it (API field: nombre)' },
					],
				},
			],
		});
	}
	const pair = z.object({ key: requiredText(), value: z.unknown() });
	const formField = z.object({ key: requiredText(), nombre: optionalText().transform((v) => v ?? '') });
	return {
		properties,
		shape: {
			additionalData: fixedList('pairs', pair),
			...(withFormFields ? { formFields: fixedList('fields', formField) } : {}),
		},
	};
}

/** Moves the key/value pairs and form fields into `datos_adicionales`. */
export function withAdditionalData<T extends IDataObject>(params: T): T & { datos_adicionales: IDataObject } {
	const pairs = (params.additionalData as Array<{ key: string; value: unknown }> | undefined) ?? [];
	const formFields = (params.formFields as IDataObject[] | undefined) ?? [];
	const extra: IDataObject = Object.fromEntries(pairs.map(({ key, value }) => [key, value as IDataObject[string]]));
	if (formFields.length) extra.fields = formFields;
	const { additionalData: _pairs, formFields: _fields, ...rest } = params;
	return { ...(rest as T), datos_adicionales: extra };
}
