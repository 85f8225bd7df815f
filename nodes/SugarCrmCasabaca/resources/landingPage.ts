import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import type { FieldDef } from '../../common/fields/fieldDef';
import { toSchema } from '../../common/fields/fieldDef';
import {
	combine,
	list,
	optionalTopLevel,
	inCollection,
	required,
} from '../../common/fields/fieldSet';
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
	inCollection(fieldsNamed('type_transaction')),
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

// The vendor takes the list as one JSON text field.
const formProperties = list(
	{
		name: 'formProperties',
		label: 'Form Properties',
		placeholder: 'Add Form Property',
		api: 'properties_form',
		apiWord: 'field',
		text: 'Extra properties of the form; sent as a JSON text',
		entry: { name: 'properties', label: 'Property' },
	},
	[label, value, validations],
	formProperty,
);

const formPropertiesJson = optionalTopLevel([
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
	properties: [
		...fields.properties,
		...formProperties.properties,
		...formPropertiesJson.properties,
	],
	schema: z
		.object({
			...fields.shape,
			...formProperties.shape,
			...formPropertiesJson.shape,
		})
		.superRefine((params, ctx) => {
			const given = params as { formProperties: IDataObject[]; formPropertiesJson?: IDataObject[] };
			if (!given.formProperties.length && !given.formPropertiesJson?.length) {
				ctx.addIssue({
					code: z.ZodIssueCode.custom,
					path: ['formProperties'],
					message: 'needs at least one property',
				});
			}
		}),
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
