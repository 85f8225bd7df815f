/** The managements (gestiones) of a record of the collections (cobranzas) module: insert and search. */
import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { formatDate, toWallClock } from '../../../common/fields/dates';
import { compact } from '../../../common/fields/schemas';
import type { FieldDef } from '../../../common/fields/fieldDef';
import { combine, inCollection, required } from '../../../common/fields/fieldSet';
import type { AnyOperationSpec } from '../../../common/execution/operation';
import { defineOperation } from '../../../common/execution/operation';
import { LISTS_VERSION } from '../../../common/execution/pagination';
import { OPTIONS, schemaOf } from '../../fields';
import { OBLIGATION_PATH } from './obligation';

/**
 * The management page documents insertObligation.php as its URL while its code samples call
 * insertGestion.php: the documented URL is the default, the other one a choice.
 */
const MANAGEMENT_FILES = ['insertObligation.php', 'insertGestion.php'] as const;

/** The file the management page's code samples call. */
const MANAGEMENT_SAMPLES_PATH = '/server/API/v2/collections/insertGestion.php';

/**
 * Text as given; a date/time value (Date, Luxon, or the ISO text n8n makes of one) is written as
 * Y-m-d H:i:s, the CRM's usual form, keeping the clock time given (wolkvox documents no zone).
 */
const looseDateText = () =>
	// .optional(): zod 4 requires the key of a transformed z.unknown() to be present in its object; zod 3 does not.
	z
		.unknown()
		.optional()
		.transform((value, ctx) => {
			if (value === undefined || value === null || value === '') return undefined;
			if (typeof value === 'string' && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value.trim()))
				return value.trim() || undefined;
			if (typeof value === 'number') return String(value);
			const date = toWallClock(value);
			if (!date) {
				ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be text or a date and time' });
				return z.NEVER;
			}
			return formatDate(date, 'Y-m-d H:i:s');
		});

/** The optional attributes of a management, every one of the seed's list, in its order (the body's). */
const managementOptionalFields: FieldDef[] = [
	{ name: 'id_customer', label: 'Customer ID Number', text: 'Identification number of the client' },
	{
		name: 'customer_id',
		label: 'Customer Additional ID',
		text: 'Additional identification of the client',
	},
	{ name: 'wolkvox_idCall', label: 'Call ID', text: 'Identification number of the call' },
	{ name: 'client_name', label: 'Client Name', text: 'Name of the client' },
	{ name: 'client_lastname', label: 'Client Last Name', text: 'Last name of the client' },
	{
		name: 'client_type_document',
		label: 'Client Document Type',
		text: 'Type of identity document of the client',
	},
	{ name: 'client_telephone', label: 'Client Phone', text: 'Phone number of the client' },
	{ name: 'agent_name', label: 'Agent Name', text: 'Name of the agent who handled the record' },
	{
		name: 'agent_id',
		label: 'Agent Extension',
		text: 'Extension number of the agent who handled the record',
	},
	{
		name: 'type_interaction',
		label: 'Interaction Type',
		text: 'Channel of the interaction the record was handled with',
	},
	{ name: 'time', label: 'Interaction Time', text: 'Duration of the interaction' },
	{
		name: 'date',
		label: 'Interaction Date',
		placeholder: 'e.g. 2024-05-06 14:30:00',
		text: 'Date of the interaction, as your operation expects it; a date/time value is sent as Y-m-d H:i:s',
		schema: looseDateText,
	},
	{ name: 'campaign_id', label: 'Campaign ID', text: 'Identification code of the campaign' },
	{
		name: 'tipification_code',
		label: 'Typification Code (Alternative Spelling)',
		text: "Typification code, in the second spelling of the vendor's code samples",
	},
	{
		name: 'tipification_description',
		label: 'Typification Description (Alternative Spelling)',
		text: "Typification description, in the second spelling of the vendor's code samples",
	},
	{
		name: 'wolkvox_idCustomer',
		label: 'Wolkvox Customer ID',
		text: 'Identification number of the customer in wolkvox',
	},
	{ name: 'wolkvox_phoneCall', label: 'Wolkvox Phone Call', text: 'Phone number in wolkvox' },
	{
		name: 'wolkvox_CrmPhoneCall',
		label: 'Wolkvox CRM Call Phone',
		text: 'Phone number of the call in wolkvox CRM',
	},
	{ name: 'obligation', label: 'Obligation', text: 'Reference name of the obligation' },
];

/** Which file receives the management: a choice of the node, not a field of the API. */
const endpointOption = inCollection(
	[
		{
			name: 'endpoint',
			label: 'Endpoint',
			kind: 'enum',
			api: false,
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
			values: MANAGEMENT_FILES,
			text: 'Which file receives the management: the vendor page documents insertObligation.php but its code samples call insertGestion.php',
		},
	],
	OPTIONS,
);

const insertFields = combine(
	required([
		{
			name: 'tipifycation_code',
			label: 'Typification Code',
			text: 'Code of the typification (result) of the management',
		},
		{
			name: 'tipifycation_desc',
			label: 'Typification Description',
			text: 'Description of the typification',
		},
		{
			name: 'wolkvox_idRecord',
			label: 'Collection Record ID',
			text: 'ID of the record of the collections module the management belongs to',
		},
		{
			name: 'module',
			label: 'Module',
			default: 'collections',
			text: 'Module of the record; for collections it is "collections"',
		},
	]),
	inCollection(managementOptionalFields),
	{
		properties: endpointOption.properties,
		shape: endpointOption.shape,
		fields: [],
	},
);

type InsertParams = {
	additionalFields: IDataObject;
	options: { endpoint?: (typeof MANAGEMENT_FILES)[number] };
};

const insertManagement = defineOperation({
	resource: 'collection',
	operation: 'insertManagement',
	default: true,
	name: 'Insert Management',
	action: 'Insert a management on a collection record',
	description:
		'Record a management (gestión) with its typification on a record of the collections module',
	method: 'POST',
	path: OBLIGATION_PATH,
	properties: insertFields.properties,
	schema: schemaOf<InsertParams>(insertFields),
	run: async (ctx, { options, additionalFields, ...fields }) =>
		await ctx.request({
			method: 'POST',
			path: options.endpoint === 'insertGestion.php' ? MANAGEMENT_SAMPLES_PATH : ctx.path,
			body: { fields: compact({ ...fields, ...additionalFields }) },
		}),
});

/* ------------------------------------------------------------------ search */

const searchFields = required([
	{
		name: 'field',
		label: 'Field',
		default: 'customer_id',
		text: 'Management attribute to filter on, e.g. customer_id, id_customer or tipifycation_code',
	},
	{ name: 'value', label: 'Value', placeholder: 'e.g. 123', text: 'Value to look for' },
]);

const searchManagements = defineOperation({
	resource: 'collection',
	operation: 'searchManagements',
	name: 'Search Managements',
	action: 'Search managements',
	description: 'Find the managements whose field has a value',
	method: 'POST',
	path: '/server/API/v2/collections/queryGestion.php',
	// wolkvox documents no paging nor limit here: one request, cut to Limit. Saved workflows
	// (published before the pair) keep every management: Return All starts on before LISTS_VERSION.
	paginate: { returnAllBefore: LISTS_VERSION },
	properties: searchFields.properties,
	schema: z.object(searchFields.shape),
	request: ({ field, value }) => ({ body: { field, value } }),
});

export const managementOperations: AnyOperationSpec[] = [insertManagement, searchManagements];
