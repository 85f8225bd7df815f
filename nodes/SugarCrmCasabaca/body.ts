/**
 * The Casabaca request body: each declared field at its API path inside `datosSugarCRM`, the free
 * `datos_adicionales`, and `bodyOperation`, the shape of almost every Casabaca endpoint, with the
 * id in its path and the rules that span several fields.
 */
import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';
import { z } from 'zod';

import { requiredText } from '../common/fields/schemas';
import type { FieldDef } from '../common/fields/fieldDef';
import type { FieldSet } from '../common/fields/fieldSet';
import { apiName, toSchema } from '../common/fields/fieldDef';
import { combine, list, required } from '../common/fields/fieldSet';
import type { AnyOperationSpec, OperationSpec } from '../common/execution/operation';
import { defineOperation } from '../common/execution/operation';
import { pathSegment } from '../common/fields/pathSegments';

function setPath(target: IDataObject, path: string, value: unknown) {
	const keys = path.split('.');
	let node = target;
	for (const key of keys.slice(0, -1)) {
		node[key] = (node[key] as IDataObject | undefined) ?? {};
		node = node[key] as IDataObject;
	}
	node[keys[keys.length - 1]] = value as IDataObject[string];
}

/** The values of the fields, wherever the user gave them (top level or a collection). */
export function fieldValues(params: IDataObject): IDataObject {
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
export function buildBody(params: IDataObject, fields: FieldDef[], wrap = true): IDataObject {
	const given = fieldValues(params);
	const body: IDataObject = {};
	for (const def of fields) {
		const value = given[def.name];
		if (value === undefined) continue;
		const api = apiName(def);
		const atRoot = !wrap || api.startsWith('datos_adicionales.');
		setPath(body, atRoot ? api : `datosSugarCRM.${api}`, value);
	}
	const extra = params.datos_adicionales as IDataObject | undefined;
	if (extra && Object.keys(extra).length) {
		body.datos_adicionales = { ...(body.datos_adicionales as IDataObject), ...extra };
	}
	return body;
}

/* ----------------------------------------------------- datos_adicionales */

const formFieldKey: FieldDef = { name: 'key', label: 'Key', text: 'Name of the form field' };
const formFieldValue: FieldDef = { name: 'nombre', label: 'Value', text: 'What was entered in it' };

/** Free pairs: their keys are the user's own, so only the object they go into has an API name. */
const pairs = list(
	{
		name: 'additionalData',
		label: 'Additional Data',
		placeholder: 'Add Key/Value',
		api: 'datos_adicionales',
		apiWord: 'object',
		text: 'Free data from your application, sent as key/value pairs',
		entry: { name: 'pairs', label: 'Pair' },
	},
	[
		{
			name: 'key',
			label: 'Key',
			api: false,
			text: 'Name of the property (API object: datos_adicionales)',
		},
		{ name: 'value', label: 'Value', api: false, text: 'Value of the property' },
	],
	z.object({ key: requiredText(), value: z.unknown() }),
);

const formFields = list(
	{
		name: 'formFields',
		label: 'Form Fields',
		placeholder: 'Add Form Field',
		api: 'datos_adicionales.fields',
		text: 'The fields of the web form',
		entry: { name: 'fields', label: 'Field' },
	},
	[formFieldKey, formFieldValue],
	z.object({
		key: toSchema(formFieldKey, true),
		nombre: toSchema(formFieldValue).transform((value) => value ?? ''),
	}),
);

/**
 * `datos_adicionales`: free key/value pairs from the external application and, where the vendor
 * documents it, the `fields` list of the web form (`{key, nombre}`).
 */
export function additionalData(withFormFields: boolean): FieldSet {
	return withFormFields ? combine(pairs, formFields) : pairs;
}

/** Moves the key/value pairs and form fields into `datos_adicionales`. */
export function withAdditionalData<T extends IDataObject>(
	params: T,
): T & { datos_adicionales: IDataObject } {
	const pairs = (params.additionalData as Array<{ key: string; value: unknown }> | undefined) ?? [];
	const formFields = (params.formFields as IDataObject[] | undefined) ?? [];
	const extra: IDataObject = Object.fromEntries(
		pairs.map(({ key, value }) => [key, value as IDataObject[string]]),
	);
	if (formFields.length) extra.fields = formFields;
	const { additionalData: _pairs, formFields: _fields, ...rest } = params;
	return { ...(rest as T), datos_adicionales: extra };
}

/* --------------------------------------------------------- the operation */

type Rule = (params: IDataObject, ctx: z.RefinementCtx) => void;

/** The id in the URL of an operation (`{id}` in the documented path): one path segment, not in the body. */
export const pathId = (label: string, text: string) =>
	required([{ name: 'id', label, text, path: true, schema: pathSegment }]);

/** A rule: when `condition` holds, each named field must have a value. */
export function requireWhen(
	condition: (params: IDataObject) => boolean,
	names: string[],
	reason: string,
): Rule {
	return (params: IDataObject, ctx: z.RefinementCtx) => {
		if (!condition(params)) return;
		const given = fieldValues(params);
		for (const name of names) {
			const value = given[name];
			if (value === undefined || value === '') {
				ctx.addIssue({
					code: z.ZodIssueCode.custom,
					path: [name],
					message: `is required ${reason}`,
				});
			}
		}
	};
}

interface BodyOperation {
	resource: string;
	operation: string;
	name: string;
	action: string;
	description: string;
	method?: IHttpRequestMethods;
	path: string;
	/** The resource's default operation (OperationSpec.default). */
	default?: true;
	/** The id in the path, when there is one. */
	id?: FieldSet;
	fields: FieldSet;
	/** `datos_adicionales`: key/value pairs, and the form's `fields` list when true. */
	additional?: 'pairs' | 'pairsAndFormFields';
	rules?: Rule[];
	/** The flat endpoints (advisors, API users) send their fields without `datosSugarCRM`. */
	wrap?: boolean;
	/** Send the fields as the query string instead of a body (a GET: n8n never sends a GET body). */
	inQuery?: boolean;
	/** A list: Return All / Limit (see OperationSpec.paginate). */
	paginate?: OperationSpec['paginate'];
	output?: OperationSpec['output'];
}

/** An operation whose body is made of declared fields, the Casabaca shape of almost every endpoint. */
export function bodyOperation(definition: BodyOperation): AnyOperationSpec {
	const fields = combine(
		...(definition.id ? [definition.id] : []),
		definition.fields,
		...(definition.additional
			? [additionalData(definition.additional === 'pairsAndFormFields')]
			: []),
	);
	const rules = definition.rules ?? [];
	return defineOperation({
		resource: definition.resource,
		operation: definition.operation,
		default: definition.default,
		name: definition.name,
		action: definition.action,
		description: definition.description,
		method: definition.method ?? 'POST',
		path: definition.path,
		properties: fields.properties,
		schema: z
			.object(fields.shape)
			.superRefine((params, ctx) => rules.forEach((rule) => rule(params, ctx)))
			.transform((params) => withAdditionalData(params)),
		request: (params) => {
			const body = buildBody(params, fields.fields, definition.wrap ?? true);
			return definition.inQuery ? { qs: body } : { body };
		},
		paginate: definition.paginate,
		output: definition.output,
	});
}
