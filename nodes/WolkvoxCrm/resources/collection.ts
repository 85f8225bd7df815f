/**
 * The collections (cobranzas) module: managements (gestiones) of a collection record, its
 * obligations, and the bulk load of case files with their obligations.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import {
	compact,
	fixedList,
	jsonArray,
	optionalEnum,
	optionalText,
	requiredEmail,
	requiredText,
} from '../../common/fields';
import { formatDate, toWallClock } from '../../common/dates';
import type { AnyOperationSpec } from '../../common/operation';
import { defineOperation } from '../../common/operation';
import {
	api,
	batchOptionsProperty,
	batchOptionsShape,
	batchSizeOf,
	fieldsFrom,
	fieldsInputProperties,
	fieldsInputShape,
} from '../fragments';

/**
 * The management page documents insertObligation.php as its URL while its code samples call
 * insertGestion.php: the documented URL is the default, the other one a choice.
 */
export const MANAGEMENT_FILES = ['insertObligation.php', 'insertGestion.php'] as const;
/** The documented URL of obligations (insert: POST, update: PUT) and of managements. */
export const OBLIGATION_PATH = '/server/API/v2/collections/insertObligation.php';

const required = (displayName: string, name: string, description: string, extra: Partial<INodeProperties> = {}): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	required: true,
	default: '',
	description: api(description, name),
	...extra,
});

const optional = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description: api(description, name),
});

/* ------------------------------------------------------- insert management */

/** The optional attributes of a management, every one of the seed's list. */
const managementOptionalFields: INodeProperties[] = [
	optional('Agent Extension', 'agent_id', 'Extension number of the agent who handled the record'),
	optional('Agent Name', 'agent_name', 'Name of the agent who handled the record'),
	optional('Call ID', 'wolkvox_idCall', 'Identification number of the call'),
	optional('Campaign ID', 'campaign_id', 'Identification code of the campaign'),
	optional('Client Document Type', 'client_type_document', 'Type of identity document of the client'),
	optional('Client Last Name', 'client_lastname', 'Last name of the client'),
	optional('Client Name', 'client_name', 'Name of the client'),
	optional('Client Phone', 'client_telephone', 'Phone number of the client'),
	optional('Customer Additional ID', 'customer_id', 'Additional identification of the client'),
	optional('Customer ID Number', 'id_customer', 'Identification number of the client'),
	{
		...optional('Interaction Date', 'date', 'Date of the interaction, as your operation expects it; a date/time value is sent as Y-m-d H:i:s'),
		placeholder: 'e.g. 2024-05-06 14:30:00',
	},
	optional('Interaction Time', 'time', 'Duration of the interaction'),
	optional('Interaction Type', 'type_interaction', 'Channel of the interaction the record was handled with'),
	optional('Obligation', 'obligation', 'Reference name of the obligation'),
	optional('Typification Code (Alternative Spelling)', 'tipification_code', 'Typification code, in the second spelling of the vendor\'s code samples'),
	optional('Typification Description (Alternative Spelling)', 'tipification_description', 'Typification description, in the second spelling of the vendor\'s code samples'),
	optional('Wolkvox CRM Call Phone', 'wolkvox_CrmPhoneCall', 'Phone number of the call in wolkvox CRM'),
	optional('Wolkvox Customer ID', 'wolkvox_idCustomer', 'Identification number of the customer in wolkvox'),
	optional('Wolkvox Phone Call', 'wolkvox_phoneCall', 'Phone number in wolkvox'),
];

/**
 * Text as given; a date/time value (Date, Luxon, or the ISO text n8n makes of one) is written as
 * Y-m-d H:i:s, the CRM's usual form, keeping the clock time given (wolkvox documents no zone).
 */
const looseDateText = z.unknown().transform((value, ctx) => {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'string' && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value.trim())) return value.trim() || undefined;
	if (typeof value === 'number') return String(value);
	const date = toWallClock(value);
	if (!date) {
		ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be text or a date and time' });
		return z.NEVER;
	}
	return formatDate(date, 'Y-m-d H:i:s');
});

const managementOptionalShape = {
	id_customer: optionalText(),
	customer_id: optionalText(),
	wolkvox_idCall: optionalText(),
	client_name: optionalText(),
	client_lastname: optionalText(),
	client_type_document: optionalText(),
	client_telephone: optionalText(),
	agent_name: optionalText(),
	agent_id: optionalText(),
	type_interaction: optionalText(),
	time: optionalText(),
	date: looseDateText,
	campaign_id: optionalText(),
	tipification_code: optionalText(),
	tipification_description: optionalText(),
	wolkvox_idCustomer: optionalText(),
	wolkvox_phoneCall: optionalText(),
	wolkvox_CrmPhoneCall: optionalText(),
	obligation: optionalText(),
};

const insertManagement = defineOperation({
	resource: 'collection',
	operation: 'insertManagement',
	name: 'Insert Management',
	action: 'Insert a management on a collection record',
	description: 'Record a management (gestión) with its typification on a record of the collections module',
	method: 'POST',
	path: OBLIGATION_PATH,
	properties: [
		required('Typification Code', 'tipifycation_code', 'Code of the typification (result) of the management'),
		required('Typification Description', 'tipifycation_desc', 'Description of the typification'),
		required('Collection Record ID', 'wolkvox_idRecord', 'ID of the record of the collections module the management belongs to'),
		required('Module', 'module', 'Module of the record; for collections it is "collections"', { default: 'collections' }),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: managementOptionalFields,
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Endpoint',
					name: 'endpoint',
					type: 'options',
					options: [
						{
							name: 'collections/insertGestion.php (Code Samples)',
							value: 'insertGestion.php',
							description: "The file the page's code samples call",
						},
						{
							name: 'collections/insertObligation.php (Documented URL)',
							value: 'insertObligation.php',
							description: 'The URL the management page documents',
						},
					],
					default: 'insertObligation.php',
					description:
						'Which file receives the management: the vendor page documents insertObligation.php but its code samples call insertGestion.php',
				},
			],
		},
	],
	schema: z.object({
		tipifycation_code: requiredText(),
		tipifycation_desc: requiredText(),
		wolkvox_idRecord: requiredText(),
		module: requiredText(),
		additionalFields: z.object(managementOptionalShape).default({}),
		options: z.object({ endpoint: optionalEnum(MANAGEMENT_FILES) }).default({}),
	}),
	run: async (ctx, { options, additionalFields, ...fields }) =>
		await ctx.request({
			method: 'POST',
			path: `/server/API/v2/collections/${options.endpoint ?? 'insertObligation.php'}`,
			body: { fields: compact({ ...fields, ...additionalFields }) },
		}),
});

/* ------------------------------------------------------- search managements */

const searchManagements = defineOperation({
	resource: 'collection',
	operation: 'searchManagements',
	name: 'Search Managements',
	action: 'Search managements',
	description: 'Find the managements whose field has a value',
	method: 'POST',
	path: '/server/API/v2/collections/queryGestion.php',
	properties: [
		required('Field', 'field', 'Management attribute to filter on, e.g. customer_id, id_customer or tipifycation_code', {
			default: 'customer_id',
		}),
		required('Value', 'value', 'Value to look for', { placeholder: 'e.g. 123' }),
	],
	schema: z.object({ field: requiredText(), value: requiredText() }),
	request: ({ field, value }) => ({ body: { field, value } }),
});

/* ---------------------------------------------------------- get obligation */

const getObligation = defineOperation({
	resource: 'collection',
	operation: 'getObligation',
	name: 'Get Obligation',
	action: 'Get an obligation of a collection record',
	description: 'Retrieve an obligation of a record of the collections module',
	method: 'POST',
	path: '/server/API/v2/collections/queryObligation.php',
	properties: [
		required('Obligation', 'obligation', 'Identifier of the obligation', { placeholder: 'e.g. 6669999 API' }),
		required('Collection Record ID', 'wolkvox_id', 'ID of the record of the collections module', { placeholder: 'e.g. 61fa3' }),
	],
	schema: z.object({ obligation: requiredText(), wolkvox_id: requiredText() }),
	request: ({ obligation, wolkvox_id }) => ({ body: { obligation, wolkvox_id } }),
});

/* ------------------------------------------------- insert / update obligation */

/** The obligation's attributes besides its code, as the insert and update pages list them. */
const obligationOptionalFields: INodeProperties[] = [
	optional('Name', 'name', 'Name of the obligation, e.g. Invoice 12345 - Pending Payment'),
	optional('Total Balance', 'total_balance', 'Total balance of the obligation'),
	optional('Portfolio Type', 'portfolio_type', 'Portfolio type, e.g. VIP Client'),
	optional('Last Payment', 'last_pay', 'Amount of the last payment'),
	{
		...optional('Last Payment Date', 'last_pay_date', 'Date of the last payment, as your operation writes it (the example is 06-06-2023)'),
		placeholder: 'e.g. 06-06-2023',
	},
	{
		...optional('Expiring Date', 'expiring_date', 'Due date of the obligation, as your operation writes it (the example is 07-07-2023)'),
		placeholder: 'e.g. 07-07-2023',
	},
	optional('Days Overdue', 'days_delay', 'Days the obligation is overdue'),
];

const obligationShape = {
	wolkvox_id: requiredText(),
	id: requiredText(),
	additionalFields: z
		.object({
			name: optionalText(),
			total_balance: optionalText(),
			portfolio_type: optionalText(),
			last_pay: optionalText(),
			last_pay_date: optionalText(),
			expiring_date: optionalText(),
			days_delay: optionalText(),
		})
		.default({}),
	form: fixedList('field', z.object({ name: requiredText(), value: optionalText().transform((v) => v ?? '') })),
};

/**
 * Insert (POST) and update (PUT) share the URL and the body: the update page matches the
 * obligation on its code (`fields.id`).
 */
function obligationOperation(kind: 'insert' | 'update') {
	const insert = kind === 'insert';
	return defineOperation({
		resource: 'collection',
		operation: insert ? 'insertObligation' : 'updateObligation',
		name: insert ? 'Insert Obligation' : 'Update Obligation',
		action: insert ? 'Insert an obligation on a collection record' : 'Update an obligation of a collection record',
		description: insert
			? 'Add an obligation (a debt) to a record of the collections module'
			: 'Change an obligation of a record of the collections module, found by its code',
		method: insert ? 'POST' : 'PUT',
		path: OBLIGATION_PATH,
		properties: [
			required('Collection Record ID', 'wolkvox_id', 'ID of the record of the collections module', { placeholder: 'e.g. 61fa3' }),
			required('Obligation Code', 'id', 'Code of the obligation within the record', { placeholder: 'e.g. obl1' }),
			{
				displayName: 'Additional Fields',
				name: 'additionalFields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				options: obligationOptionalFields,
			},
			{
				displayName: 'Extra Obligation Fields',
				name: 'form',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add Obligation Field',
				default: {},
				description: 'Other fields of the obligation, sent as a list of name/value pairs (API field: fields.form)',
				options: [
					{
						displayName: 'Field',
						name: 'field',
						values: [
							{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. Titulation', description: api('Name of the field', 'name') },
							{ displayName: 'Value', name: 'value', type: 'string', default: '', description: api('Value of the field', 'value') },
						],
					},
				],
			},
		],
		schema: z.object(obligationShape),
		request: ({ wolkvox_id, id, additionalFields, form }) => ({
			body: { wolkvox_id, fields: { id, ...compact(additionalFields), ...(form?.length ? { form } : {}) } },
		}),
	});
}

/* --------------------------------------------------------------- bulk load */

const bulkLoadSchema = z
	.object({
		Identification: requiredText(),
		Name: requiredText(),
		Email: requiredEmail(),
		Telephone: requiredText(),
		additionalFields: z.object({ Address: optionalText(), obligations: jsonArray() }).default({}),
		...fieldsInputShape,
		...batchOptionsShape,
	})
	.transform((params) => {
		const caseFile: IDataObject = {
			Identification: params.Identification,
			Name: params.Name,
			Email: params.Email,
			Telephone: params.Telephone,
			...compact({ Address: params.additionalFields.Address }),
			...fieldsFrom(params),
		};
		if (params.additionalFields.obligations) caseFile.obligations = params.additionalFields.obligations;
		return { caseFile, options: params.options };
	});

const bulkLoad = defineOperation({
	resource: 'collection',
	operation: 'bulkLoad',
	name: 'Bulk Load Case Files',
	action: 'Bulk load collection case files with their obligations',
	description: 'Insert or update case files (one per input item) with their obligations, many per request',
	method: 'POST',
	path: '/server/API/v2/collections/massiveCollections.php',
	properties: [
		required('Identification', 'Identification', 'Unique identification of the debtor'),
		required('Name', 'Name', 'Name of the debtor'),
		required('Email', 'Email', 'E-mail address of the debtor', { placeholder: 'name@email.com' }),
		required('Telephone', 'Telephone', 'Phone number of the debtor'),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				optional('Address', 'Address', 'Address of the debtor'),
				{
					displayName: 'Obligations (JSON)',
					name: 'obligations',
					type: 'json',
					default: '[]',
					description:
						'The obligations of the case file as a JSON list, e.g. [{"name": "Invoice 12345", "total_balance": "10000", "days_delay": "90"}]. The vendor page does not show the key of this list: it is sent as "obligations"; if your operation expects another key, put the list in Custom Fields (JSON) under that key instead (API field: obligations).',
				},
			],
		},
		...fieldsInputProperties('Custom Fields', 'collections[].custom_field', 'custom fields of the case file'),
		batchOptionsProperty('case files'),
	],
	schema: bulkLoadSchema,
	batch: {
		size: (params) => batchSizeOf(params),
		request: (chunk) => ({ body: { collections: chunk.map((params) => params.caseFile) } }),
	},
});

export const collectionOperations: AnyOperationSpec[] = [
	insertManagement,
	searchManagements,
	getObligation,
	obligationOperation('insert'),
	obligationOperation('update'),
	bulkLoad,
];
