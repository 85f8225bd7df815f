/** Records of any module (contacts, leads, custom modules) through the generic custom/*.php endpoints. */
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import {
	optionalEnum,
	optionalInteger,
	requiredText,
} from '../../common/fields';
import { requiredDate } from '../../common/dates';
import type { AnyOperationSpec } from '../../common/operation';
import { defineOperation } from '../../common/operation';
import { headerSafeSegment, pathSegment, segmentCheck } from '../../common/pathSegments';
import type { AttachmentParams } from '../fragments';
import {
	api,
	attachmentProperties,
	attachmentsShape,
	batchOptionsProperty,
	batchOptionsShape,
	batchSizeOf,
	checkBinaryProperties,
	fieldsFrom,
	fieldsInputProperties,
	fieldsInputShape,
	moduleProperty,
	readAttachments,
	recordIdProperty,
	requireFields,
} from '../fragments';

const recordFields = fieldsInputProperties('Fields', 'fields', 'fields of the record');

const recordShape = { module: requiredText(), ...fieldsInputShape };

const fieldsRequired = requireFields('field');

/* ------------------------------------------------------------------ insert */

const insert = defineOperation({
	resource: 'record',
	operation: 'insert',
	name: 'Insert',
	action: 'Insert a record',
	description: 'Create a record in a module',
	method: 'POST',
	path: '/server/API/v2/custom/insert.php',
	properties: [moduleProperty, ...recordFields],
	schema: z.object(recordShape).superRefine(fieldsRequired),
	request: (params) => ({ body: { module: params.module, fields: fieldsFrom(params) } }),
});

/* ------------------------------------------------------------- insert many */

const insertMany = defineOperation({
	resource: 'record',
	operation: 'insertMany',
	name: 'Insert Many',
	action: 'Insert many records',
	description: 'Create one record per input item, sending many records per request',
	method: 'POST',
	path: '/server/API/v2/custom/insertMany.php',
	properties: [moduleProperty, ...recordFields, batchOptionsProperty('records')],
	schema: z.object({ ...recordShape, ...batchOptionsShape }).superRefine(fieldsRequired),
	batch: {
		size: (params) => batchSizeOf(params),
		// Records of different modules never share a request.
		key: (params) => params.module,
		request: (chunk) => ({ body: { module: chunk[0].module, fields: chunk.map((params) => fieldsFrom(params)) } }),
	},
});

/* ------------------------------------------------------------------ update */

const update = defineOperation({
	resource: 'record',
	operation: 'update',
	name: 'Update',
	action: 'Update a record',
	description: 'Change fields of a record, and optionally add attachments',
	method: 'POST',
	path: '/server/API/v2/custom/update.php',
	properties: [
		moduleProperty,
		recordIdProperty('ID of the record: the last part of its address in the CRM. Sent in the Wolkvox-id header and in the body.'),
		...recordFields,
		...attachmentProperties().map((property) => (property.name === 'binaryProperties' ? { ...property, default: '' } : property)),
	],
	// The id goes into the Wolkvox-id header: a line break there would end the header.
	schema: z.object({ recordId: headerSafeSegment(), ...recordShape, ...attachmentsShape }).superRefine(fieldsRequired),
	checkItem: (fn, params, itemIndex) => checkBinaryProperties(fn, params as AttachmentParams, itemIndex),
	run: async (ctx, params) => {
		const attachments = await readAttachments(ctx, params);
		const body: IDataObject = { module: params.module, 'wolkvox-id': params.recordId, fields: fieldsFrom(params) };
		// Only given attachments are sent: an empty list is never sent on the record's behalf.
		if (attachments.length) body.attachments = attachments;
		return await ctx.request({
			method: 'POST',
			path: '/server/API/v2/custom/update.php',
			headers: { 'Wolkvox-id': params.recordId },
			body,
		});
	},
});

/* ------------------------------------------------------------- update many */

export const RECORD_ID_KEYS = ['wolkvox-id', 'wolkvox_id'] as const;

const updateManyOptions: INodeProperties = {
	...batchOptionsProperty('records'),
	options: [
		...(batchOptionsProperty('records').options as INodeProperties[]),
		{
			displayName: 'Record ID Key',
			name: 'idKey',
			type: 'options',
			options: [
				{ name: 'Wolkvox-ID (as Update and Delete Take It)', value: 'wolkvox-id' },
				{ name: 'Wolkvox_id (as Searches Return It)', value: 'wolkvox_id' },
			],
			default: 'wolkvox-id',
			description: 'Key that carries the record ID inside each record sent. The vendor page does not show it.',
		},
	],
};

const updateMany = defineOperation({
	resource: 'record',
	operation: 'updateMany',
	name: 'Update Many',
	action: 'Update many records',
	description: 'Change one record per input item, sending many records per request',
	method: 'PUT',
	path: '/server/API/v2/custom/updateMany.php',
	properties: [
		moduleProperty,
		recordIdProperty('ID of the record to change, sent inside its entry of the fields list'),
		...recordFields,
		updateManyOptions,
	],
	schema: z
		.object({
			recordId: pathSegment(),
			...recordShape,
			options: z
				.object({
					batchSize: optionalInteger().pipe(z.number().int().positive('must be at least 1').optional()),
					idKey: optionalEnum(RECORD_ID_KEYS),
				})
				.default({}),
		})
		.superRefine(fieldsRequired),
	batch: {
		size: (params) => batchSizeOf(params),
		key: (params) => `${params.module}\n${params.options.idKey ?? 'wolkvox-id'}`,
		request: (chunk) => ({
			body: {
				module: chunk[0].module,
				fields: chunk.map((params) => ({ [params.options.idKey ?? 'wolkvox-id']: params.recordId, ...fieldsFrom(params) })),
			},
		}),
	},
});

/* ------------------------------------------------------------------ delete */

/** One ID or several: a comma-separated text or a list from an expression. */
const recordIdsSchema = z
	.union([z.array(z.union([z.string(), z.number()])), z.string(), z.number()], {
		invalid_type_error: 'must be record IDs separated by commas',
	})
	.optional()
	.transform((value) =>
		(Array.isArray(value) ? value : String(value ?? '').split(','))
			.map((id) => String(id).trim())
			.filter(Boolean),
	)
	.pipe(z.array(z.string().superRefine(segmentCheck)).min(1, 'is required'));

const remove = defineOperation({
	resource: 'record',
	operation: 'delete',
	name: 'Delete',
	action: 'Delete records',
	description: 'Delete one record, or several of the same module at once',
	method: 'POST',
	path: '/server/API/v2/custom/delete.php',
	properties: [
		moduleProperty,
		{
			displayName: 'Record IDs',
			name: 'recordIds',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 64cb, 64cc',
			description: api(
				'ID of the record to delete, or several IDs separated by commas (then "multiple" is sent as true)',
				'wolkvox-id',
			),
		},
	],
	schema: z.object({ module: requiredText(), recordIds: recordIdsSchema }),
	// The vendor's example sends one ID as a text with multiple false, several as a list with multiple true.
	request: ({ module, recordIds }) => ({
		body:
			recordIds.length === 1
				? { module, multiple: false, 'wolkvox-id': recordIds[0] }
				: { module, multiple: true, 'wolkvox-id': recordIds },
	}),
});

/* ---------------------------------------------------------- search by date */

const searchByDate = defineOperation({
	resource: 'record',
	operation: 'searchByDate',
	name: 'Search by Date Range',
	action: 'Search records by date range',
	description: 'Find the records of a module within a date range',
	method: 'POST',
	path: '/server/API/v2/custom/queryDates.php',
	properties: [
		moduleProperty,
		{
			displayName: 'From',
			name: 'from',
			type: 'dateTime',
			required: true,
			default: '',
			description: api('Start of the range; sent as Y-m-d H:i, in the time given (wolkvox documents no time zone)', 'from'),
		},
		{
			displayName: 'To',
			name: 'to',
			type: 'dateTime',
			required: true,
			default: '',
			description: api('End of the range; sent as Y-m-d H:i, in the time given (wolkvox documents no time zone)', 'to'),
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Record Limit',
					name: 'recordLimit',
					type: 'number',
					typeOptions: { minValue: 1 },
					default: 50,
					description: 'Max number of records to return (API field: limit)',
				},
			],
		},
	],
	schema: z
		.object({
			module: requiredText(),
			from: requiredDate('Y-m-d H:i', 'asGiven'),
			to: requiredDate('Y-m-d H:i', 'asGiven'),
			options: z
				.object({ recordLimit: optionalInteger().pipe(z.number().int().positive('must be at least 1').optional()) })
				.default({}),
		})
		.superRefine((params, ctx) => {
			if (params.from > params.to) {
				ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['to'], message: 'must not be before From' });
			}
		}),
	// `date: true` switches the date-range search on; the vendor's example writes the limit as text.
	request: ({ module, from, to, options }) => ({
		body: { module, date: true, from, to, ...(options.recordLimit !== undefined ? { limit: String(options.recordLimit) } : {}) },
	}),
});

/* --------------------------------------------------------- search by field */

const search = defineOperation({
	resource: 'record',
	operation: 'search',
	name: 'Search by Field',
	action: 'Search records by field',
	description: 'Find the records of a module whose field has a value',
	method: 'POST',
	path: '/server/API/v2/custom/query.php',
	properties: [
		moduleProperty,
		{
			displayName: 'Field',
			name: 'field',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. emailcontact',
			description: api('Field of the module to filter on, as the CRM names it', 'field'),
		},
		{
			displayName: 'Value',
			name: 'value',
			type: 'string',
			required: true,
			default: '',
			description: api('Value to look for', 'value'),
		},
	],
	schema: z.object({ module: requiredText(), field: requiredText(), value: requiredText() }),
	request: ({ module, field, value }) => ({ body: { module, field, value } }),
});

export const recordOperations: AnyOperationSpec[] = [insert, insertMany, update, updateMany, remove, searchByDate, search];
