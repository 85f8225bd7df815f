import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { fixedList, jsonArray, optionalText, requiredText } from '../../common/fields';
import type { AnyOperationSpec } from '../../common/operation';
import { defineOperation } from '../../common/operation';
import { buildBody, combine, optional, required } from '../fragments';

const fields = combine(
	required(['landing_name', 'medio', 'autorizador', 'campaign', 'business_line_id', 'user_login', 'user_assigned_position']),
	optional(['type_transaction']),
);

/** A form property: `{label, value, validations}`, as the documented example shows. */
const formProperty = z.object({ label: requiredText(), value: requiredText(), validations: optionalText() });

const create = defineOperation({
	resource: 'landingPage',
	operation: 'create',
	name: 'Create',
	action: 'Create a landing page',
	description: 'Create a landing page form in SugarCRM',
	method: 'POST',
	path: '/api/create_landing_page',
	properties: [
		...fields.properties,
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
					values: [
						{ displayName: 'Label', name: 'label', type: 'string', default: '', description: 'Label shown in the form (API field: label)' },
						{ displayName: 'Value', name: 'value', type: 'string', default: '', description: 'Name of the value (API field: value)' },
						{ displayName: 'Validations', name: 'validations', type: 'string', default: '', placeholder: 'e.g. required', description: 'Validation rules (API field: validations)' },
					],
				},
			],
		},
		{
			displayName: 'Form Properties (JSON)',
			name: 'formPropertiesJson',
			type: 'json',
			default: '',
			description: 'The same as a JSON array, e.g. from an expression; used when Form Properties is empty (API field: properties_form)',
		},
	],
	schema: z
		.object({
			...fields.shape,
			formProperties: fixedList('properties', formProperty),
			formPropertiesJson: jsonArray().optional(),
		})
		.superRefine((params, ctx) => {
			if (!params.formProperties.length && !params.formPropertiesJson?.length) {
				ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['formProperties'], message: 'needs at least one property' });
			}
		}),
	request: (params) => {
		const list = params.formProperties.length ? params.formProperties : (params.formPropertiesJson as IDataObject[]);
		const body = buildBody(params, fields.names);
		// The vendor takes the list as a JSON text inside the JSON body.
		(body.datosSugarCRM as IDataObject).properties_form = JSON.stringify(list);
		return { body };
	},
});

export const landingPageOperations: AnyOperationSpec[] = [create];
