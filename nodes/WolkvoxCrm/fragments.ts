/**
 * wolkvox blocks that several operations share: the CRM module, record fields given as pairs or
 * JSON, attachments from binary properties, and the batch size of the bulk operations.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { fixedList, jsonObject, optionalInteger, optionalText, requiredText } from '../common/fields';
import type { OperationContext } from '../common/operation';

/** Every description ends with the API name of its field. */
export const api = (text: string, field: string) => `${text} (API field: ${field})`;

/* ------------------------------------------------------------------ module */

export const moduleProperty: INodeProperties = {
	displayName: 'Module',
	name: 'module',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. contacts',
	description: api('Name of the CRM module: contacts, leads or a module of your operation such as Ventas', 'module'),
};

export const recordIdProperty = (description: string, field = 'wolkvox-id'): INodeProperties => ({
	displayName: 'Record ID',
	name: 'recordId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 6074xxx0801374xxxxx781025xxx7d3',
	description: api(description, field),
});

/* -------------------------------------------------- record fields (pairs / JSON) */

/**
 * The fields of a record of any module, as Name / Value pairs or as a JSON object. Names are the
 * CRM field labels (e.g. "namecontact", "Tipo de cliente"); typed fields (address, search, table,
 * currency) need their object form, e.g. {"type": "address", "value": "..."}, so JSON is offered.
 * Only one such block exists per operation, hence fixed parameter names.
 */
export function fieldsInputProperties(label: string, apiField: string, what: string): INodeProperties[] {
	return [
		{
			displayName: `${label} Input`,
			name: 'fieldsInput',
			type: 'options',
			options: [
				{ name: 'Name / Value Pairs', value: 'pairs', description: 'One entry per field' },
				{ name: 'JSON', value: 'json', description: 'An object, for typed fields such as address, search, table or currency' },
			],
			default: 'pairs',
			description: `How the ${what} are given`,
		},
		{
			displayName: label,
			name: 'fieldPairs',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Field',
			default: {},
			displayOptions: { show: { fieldsInput: ['pairs'] } },
			description: api(`The ${what}, by CRM field name`, apiField),
			options: [
				{
					displayName: 'Field',
					name: 'field',
					values: [
						{
							displayName: 'Name',
							name: 'name',
							type: 'string',
							default: '',
							description: 'Field name as the CRM shows it, e.g. namecontact or Tipo de cliente',
						},
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
					],
				},
			],
		},
		{
			displayName: `${label} (JSON)`,
			name: 'fieldsJson',
			type: 'json',
			default: '{}',
			displayOptions: { show: { fieldsInput: ['json'] } },
			description: api(`The ${what} as a JSON object`, apiField),
		},
	];
}

const fieldPairSchema = z.object({ name: requiredText(), value: z.unknown() });

export const fieldsInputShape = {
	fieldsInput: z.enum(['pairs', 'json']).default('pairs'),
	fieldPairs: fixedList('field', fieldPairSchema),
	fieldsJson: jsonObject(),
};

/** The record fields the user gave, from whichever input is shown. */
export function fieldsFrom(params: {
	fieldsInput: 'pairs' | 'json';
	fieldPairs: Array<{ name: string; value?: unknown }>;
	fieldsJson?: IDataObject;
}): IDataObject {
	if (params.fieldsInput === 'json') return params.fieldsJson ?? {};
	return Object.fromEntries(params.fieldPairs.map(({ name, value }) => [name, (value ?? '') as IDataObject[string]]));
}

/** A refinement for operations that need at least one field. */
export function requireFields(label: string) {
	return (params: Parameters<typeof fieldsFrom>[0], ctx: z.RefinementCtx) => {
		if (!Object.keys(fieldsFrom(params)).length) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: [params.fieldsInput === 'json' ? 'fieldsJson' : 'fieldPairs'],
				message: `needs at least one ${label}`,
			});
		}
	};
}

/* ------------------------------------------------------------- attachments */

export const attachmentProperties = (apiField = 'attachments'): INodeProperties[] => [
	{
		displayName: 'Input Binary Fields',
		name: 'binaryProperties',
		type: 'string',
		default: 'data',
		placeholder: 'e.g. data, invoice',
		description: api(
			"Comma-separated names of the input item's binary fields to attach; the node sends each file base64-encoded. Leave empty to attach none.",
			apiField,
		),
	},
	{
		displayName: 'Base64 Attachments',
		name: 'base64Attachments',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Base64 Attachment',
		default: {},
		description: api('Files already encoded as base64 text, sent after the binary fields', apiField),
		options: [
			{
				displayName: 'Attachment',
				name: 'attachment',
				values: [
					{
						displayName: 'Base64 Content',
						name: 'content',
						type: 'string',
						default: '',
						description: api('The file as base64; a data: URL prefix is removed', apiField),
					},
				],
			},
		],
	},
];

const base64Schema = requiredText().pipe(
	z
		.string()
		.transform((text) => text.replace(/^data:[^,]*;base64,/i, '').replace(/\s+/g, ''))
		.pipe(z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64 text')),
);

export const attachmentsShape = {
	// A comma-separated text, or a list from an expression.
	binaryProperties: z
		.union([z.array(z.string()), optionalText()], { invalid_type_error: 'must be binary field names separated by commas' })
		.transform((value) =>
			(Array.isArray(value) ? value : (value ?? '').split(','))
				.map((name) => name.trim())
				.filter(Boolean),
		),
	base64Attachments: fixedList('attachment', z.object({ content: base64Schema })).transform((entries) =>
		entries.map((entry) => entry.content),
	),
};

export interface AttachmentParams {
	binaryProperties: string[];
	base64Attachments: string[];
}

/**
 * Checked with the validation of every item: each named binary field must exist on the item.
 * `label` names the parameter that holds the names.
 */
export function checkBinaryFields(
	fn: IExecuteFunctions,
	names: string[],
	itemIndex: number,
	label = '"Input Binary Fields" (binaryProperties)',
): string[] {
	const binary = fn.getInputData()[itemIndex]?.binary ?? {};
	const present = Object.keys(binary);
	return names
		.filter((name) => !binary[name])
		.map(
			(name) =>
				`${label} names "${name}", which the item does not have (its binary fields: ${present.length ? present.join(', ') : 'none'})`,
		);
}

export const checkBinaryProperties = (fn: IExecuteFunctions, params: AttachmentParams, itemIndex: number) =>
	checkBinaryFields(fn, params.binaryProperties, itemIndex);

/** The files of the item's binary fields, then the given base64 texts, as the API's list of base64 strings. */
export async function readAttachments(ctx: OperationContext, params: AttachmentParams): Promise<string[]> {
	const files: string[] = [];
	for (const name of params.binaryProperties) {
		const buffer = await ctx.fn.helpers.getBinaryDataBuffer(ctx.itemIndex, name);
		files.push(buffer.toString('base64'));
	}
	return [...files, ...params.base64Attachments];
}

/* ------------------------------------------------------------------- batch */

export const DEFAULT_BATCH_SIZE = 50;

export const batchOptionsProperty = (noun: string): INodeProperties => ({
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Batch Size',
			name: 'batchSize',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: DEFAULT_BATCH_SIZE,
			description: `How many ${noun} to send per request. All input items of the execution are sent together, in requests of this size.`,
		},
	],
});

export const batchOptionsShape = {
	options: z
		.object({ batchSize: optionalInteger().pipe(z.number().int().positive('must be at least 1').optional()) })
		.default({}),
};

export const batchSizeOf = (params: { options: { batchSize?: number } }) => params.options.batchSize ?? DEFAULT_BATCH_SIZE;
