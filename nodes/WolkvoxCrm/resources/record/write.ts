/**
 * Changing records of any module (contacts, leads, custom modules) through the generic
 * custom/*.php endpoints: insert and update (one record, or many per request), and delete.
 */
import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { typeMessages } from '../../../common/fields/schemas';
import type { FieldDef } from '../../../common/fields/fieldDef';
import type { FieldSet } from '../../../common/fields/fieldSet';
import { combine, required } from '../../../common/fields/fieldSet';
import type { AnyOperationSpec, RequestPlan } from '../../../common/execution/operation';
import { defineOperation } from '../../../common/execution/operation';
import { segmentCheck } from '../../../common/fields/pathSegments';
import type { AttachmentParams } from '../../attachments';
import { attachmentFields, checkBinaryProperties, readAttachments } from '../../attachments';
import type { RecordFieldsParams } from '../../fields';
import {
	batchOptions,
	batchSizeOf,
	fieldsFrom,
	moduleField,
	recordFieldsInput,
	recordId,
	requireFields,
	schemaOf,
} from '../../fields';

export const recordInput = recordFieldsInput('Fields', 'fields', 'fields of the record');

const recordFields = combine(moduleField, recordInput);

export type RecordParams = RecordFieldsParams & { module: string };

/** A record operation's schema: the module and the record's fields (`P` besides), at least one field given. */
export const recordSchema = <P = object>(fields: FieldSet) =>
	schemaOf<RecordParams & P>(fields).superRefine(requireFields('field'));

export const INSERT_PATH = '/server/API/v2/custom/insert.php';
export const UPDATE_PATH = '/server/API/v2/custom/update.php';

/** Insert's body: the module and the record's fields. */
export const insertBody = (module: string, fields: IDataObject): IDataObject => ({
	module,
	fields,
});

/**
 * Update's request. The ID goes into the Wolkvox-id header and the body (the vendor's pages show
 * both); only given attachments are sent, an empty list never on the record's behalf.
 */
export function updatePlan(
	module: string,
	recordId: string,
	fields: IDataObject,
	attachments: string[] = [],
): RequestPlan {
	const body: IDataObject = { module, 'wolkvox-id': recordId, fields };
	if (attachments.length) body.attachments = attachments;
	return { method: 'POST', path: UPDATE_PATH, headers: { 'Wolkvox-id': recordId }, body };
}

/** Validation goes through the ID before the module, so an error message lists its problem first. */
const idFirst = (id: FieldSet, fields: FieldSet): FieldSet => ({
	...fields,
	shape: { ...id.shape, ...fields.shape },
});

/* ------------------------------------------------------------------ insert */

const insert = defineOperation({
	resource: 'record',
	operation: 'insert',
	default: true,
	name: 'Insert',
	action: 'Insert a record',
	description: 'Create a record in a module, its fields given as name and value pairs or as JSON',
	method: 'POST',
	path: INSERT_PATH,
	properties: recordFields.properties,
	schema: recordSchema(recordFields),
	request: (params) => ({ body: insertBody(params.module, fieldsFrom(params)) }),
});

/* ------------------------------------------------------------- insert many */

const insertManyFields = combine(recordFields, batchOptions('records'));

const insertMany = defineOperation({
	resource: 'record',
	operation: 'insertMany',
	name: 'Insert Many',
	action: 'Insert many records',
	description: 'Create one record per input item, sending many records per request',
	method: 'POST',
	path: '/server/API/v2/custom/insertMany.php',
	properties: insertManyFields.properties,
	schema: recordSchema<{ options: { batchSize?: number } }>(insertManyFields),
	batch: {
		size: (params) => batchSizeOf(params),
		// Records of different modules never share a request.
		key: (params) => params.module,
		request: (chunk) => ({
			body: { module: chunk[0].module, fields: chunk.map((params) => fieldsFrom(params)) },
		}),
	},
});

/* ------------------------------------------------------------------ update */

// The id also goes into the Wolkvox-id header: a line break there would end the header.
const updateId = recordId(
	'ID of the record: the last part of its address in the CRM. Sent in the Wolkvox-id header and in the body.',
	{
		inHeader: true,
	},
);

const updateFields = combine(
	moduleField,
	updateId,
	recordInput,
	attachmentFields({ binaryDefault: '' }),
);

const update = defineOperation({
	resource: 'record',
	operation: 'update',
	name: 'Update',
	action: 'Update a record',
	description: 'Change fields of a record, by module and Record ID, and optionally add attachments',
	method: 'POST',
	path: UPDATE_PATH,
	properties: updateFields.properties,
	schema: recordSchema<AttachmentParams & { recordId: string }>(idFirst(updateId, updateFields)),
	checkItem: (fn, params, itemIndex) => checkBinaryProperties(fn, params, itemIndex),
	run: async (ctx, params) => {
		const attachments = await readAttachments(ctx, params);
		return await ctx.request({
			...updatePlan(params.module, params.recordId, fieldsFrom(params), attachments),
			path: ctx.path,
		});
	},
});

/* ------------------------------------------------------------- update many */

const RECORD_ID_KEYS = ['wolkvox-id', 'wolkvox_id'] as const;

/** Which key carries each record's ID: the vendor page does not show it, so it is a choice of the node. */
const idKeyOption: FieldDef = {
	name: 'idKey',
	label: 'Record ID Key',
	kind: 'enum',
	api: false,
	options: [
		{ name: 'Wolkvox-ID (as Update and Delete Take It)', value: 'wolkvox-id' },
		{ name: 'Wolkvox_id (as Searches Return It)', value: 'wolkvox_id' },
	],
	values: RECORD_ID_KEYS,
	text: 'Key that carries the record ID inside each record sent. The vendor page does not show it.',
};

const updateManyId = recordId(
	'ID of the record to change, sent inside its entry of the fields list',
);

const updateManyFields = combine(
	moduleField,
	updateManyId,
	recordInput,
	batchOptions('records', [idKeyOption]),
);

const updateMany = defineOperation({
	resource: 'record',
	operation: 'updateMany',
	name: 'Update Many',
	action: 'Update many records',
	description: 'Change one record per input item, sending many records per request',
	method: 'PUT',
	path: '/server/API/v2/custom/updateMany.php',
	properties: updateManyFields.properties,
	schema: recordSchema<{
		recordId: string;
		options: { batchSize?: number; idKey?: (typeof RECORD_ID_KEYS)[number] };
	}>(idFirst(updateManyId, updateManyFields)),
	batch: {
		size: (params) => batchSizeOf(params),
		key: (params) => `${params.module}\n${params.options.idKey ?? 'wolkvox-id'}`,
		request: (chunk) => ({
			body: {
				module: chunk[0].module,
				fields: chunk.map((params) => ({
					[params.options.idKey ?? 'wolkvox-id']: params.recordId,
					...fieldsFrom(params),
				})),
			},
		}),
	},
});

/* ------------------------------------------------------------------ delete */

/** One ID or several: a comma-separated text or a list from an expression. */
const recordIds = () =>
	z
		.union(
			[z.array(z.union([z.string(), z.number()])), z.string(), z.number()],
			typeMessages('must be record IDs separated by commas'),
		)
		.optional()
		.transform((value) =>
			(Array.isArray(value) ? value : String(value ?? '').split(','))
				.map((id) => String(id).trim())
				.filter(Boolean),
		)
		.pipe(z.array(z.string().superRefine(segmentCheck)).min(1, 'is required'));

const deleteFields = combine(
	moduleField,
	required([
		{
			name: 'recordIds',
			label: 'Record IDs',
			api: 'wolkvox-id',
			placeholder: 'e.g. 64cb, 64cc',
			text: 'ID of the record to delete, or several IDs separated by commas (then "multiple" is sent as true)',
			schema: recordIds,
		},
	]),
);

const remove = defineOperation({
	resource: 'record',
	operation: 'delete',
	name: 'Delete',
	action: 'Delete records',
	description:
		'Delete one record, or several of the same module at once, by their IDs; this cannot be undone',
	method: 'POST',
	path: '/server/API/v2/custom/delete.php',
	properties: deleteFields.properties,
	schema: schemaOf<{ module: string; recordIds: string[] }>(deleteFields),
	// The vendor's example sends one ID as a text with multiple false, several as a list with multiple true.
	request: ({ module, recordIds }) => ({
		body:
			recordIds.length === 1
				? { module, multiple: false, 'wolkvox-id': recordIds[0] }
				: { module, multiple: true, 'wolkvox-id': recordIds },
	}),
});

/** Insert leads the Record dropdown (its default); index.ts lists the resource's operations. */
export const recordInsert = insert;

export const recordChangeOperations: AnyOperationSpec[] = [insertMany, update, updateMany, remove];
