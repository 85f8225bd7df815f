import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { fixedList } from '../../common/fields/schemas';
import type { FieldDef } from '../../common/fields/fieldDef';
import { toProperty, toSchema, withApiName } from '../../common/fields/fieldDef';
import { combine, notRequired, optional, required } from '../../common/fields/fieldSet';
import type { AnyOperationSpec } from '../../common/execution/operation';
import { defineOperation } from '../../common/execution/operation';
import { buildBody } from '../body';
import { fieldsNamed } from '../fields';

const fields = combine(
	required(
		fieldsNamed(
			'landing_name',
			'medio',
			'autorizador',
			'campaign',
			'business_line_id',
			'user_login',
			'user_assigned_position',
		),
	),
	optional(fieldsNamed('type_transaction')),
);

/** A form property: `{label, value, validations}`, as the documented example shows. */
const label: FieldDef = { name: 'label', label: 'Label', text: 'Label shown in the form' };
const value: FieldDef = { name: 'value', label: 'Value', text: 'Name of the value' };
const validations: FieldDef = {
	name: 'validations',
	label: 'Validations',
	text: 'Validation rules',
	placeholder: 'e.g. required',
};
const formProperty = z.object({
	label: toSchema(label, true),
	value: toSchema(value, true),
	validations: toSchema(validations),
});

// Written out rather than with fieldSet's list(): the vendor takes the list as one JSON text field.
const formProperties = withApiName<INodeProperties>(
	{
		displayName: 'Form Properties',
		name: 'formProperties',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Form Property',
		default: {},
		description: 'Extra properties of the form; sent as a JSON text (API field: properties_form)',
		options: [
			{
				displayName: 'Property',
				name: 'properties',
				values: [label, value, validations].map((def) => toProperty(def)),
			},
		],
	},
	'properties_form',
);

const formPropertiesJson = notRequired([
	{
		name: 'formPropertiesJson',
		label: 'Form Properties (JSON)',
		api: 'properties_form',
		kind: 'jsonArray',
		text: 'The same as a JSON array, e.g. from an expression; used when Form Properties is empty',
		property: { type: 'json' },
	},
]);

const create = defineOperation({
	resource: 'landingPage',
	operation: 'create',
	default: true,
	name: 'Create',
	action: 'Create a landing page',
	description:
		'Create a landing page form in SugarCRM: its name, Medio ID, campaign, business line, user and form properties',
	method: 'POST',
	path: '/api/create_landing_page',
	properties: [...fields.properties, formProperties, ...formPropertiesJson.properties],
	schema: z
		.object({
			...fields.shape,
			formProperties: fixedList('properties', formProperty),
			...formPropertiesJson.shape,
		})
		.superRefine(
			(params: { formProperties: IDataObject[]; formPropertiesJson?: IDataObject[] }, ctx) => {
				if (!params.formProperties.length && !params.formPropertiesJson?.length) {
					ctx.addIssue({
						code: z.ZodIssueCode.custom,
						path: ['formProperties'],
						message: 'needs at least one property',
					});
				}
			},
		),
	request: (
		params: IDataObject & { formProperties: IDataObject[]; formPropertiesJson?: IDataObject[] },
	) => {
		const list = params.formProperties.length ? params.formProperties : params.formPropertiesJson;
		const body = buildBody(params, fields.fields);
		// The vendor takes the list as a JSON text inside the JSON body.
		(body.datosSugarCRM as IDataObject).properties_form = JSON.stringify(list);
		return { body };
	},
});

export const landingPageOperations: AnyOperationSpec[] = [create];
