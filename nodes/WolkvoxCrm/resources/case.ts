/**
 * Cases: create (form-data), create with base64 attachments, update (form-data, with an optional
 * file), update with attachments, search, and the notes history (the one API that takes an
 * External token). A case's fields are declared in caseFields.ts, its rules and body in
 * caseBody.ts.
 */
import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { compact } from '../../common/fields/schemas';
import { combine, optionalTopLevel, inCollection } from '../../common/fields/fieldSet';
import type { AnyOperationSpec } from '../../common/execution/operation';
import { defineOperation } from '../../common/execution/operation';
import { LISTS_VERSION, beforeListsVersion } from '../../common/execution/pagination';
import type { AttachmentParams } from '../attachments';
import {
	attachmentFields,
	checkBinaryProperties,
	checkFormFile,
	readAttachments,
	readFormFile,
} from '../attachments';
import type { CaseParams } from '../caseBody';
import { caseBody, caseSchema } from '../caseBody';
import {
	caseFields,
	caseFilter,
	caseParties,
	caseResponsible,
	caseState,
	caseType,
} from '../caseFields';
import { OPTIONS, atLeastOne, recordId } from '../fields';
import { FORM_DATA, externalToken } from '../transport';

/* ------------------------------------------------------------------ create */

const create = defineOperation({
	resource: 'case',
	operation: 'create',
	default: true,
	name: 'Create',
	action: 'Create a case',
	description:
		'Create a case: type, responsible, owner, contact e-mail, description, status and priority (without files)',
	method: 'POST',
	path: '/server/API/v2/cases/insert.php',
	properties: caseFields.properties,
	schema: caseSchema(caseFields),
	// The endpoint reads form-data; its `form` is then a JSON text (the transport encodes objects as JSON).
	request: (params) => ({ body: caseBody(params), headers: { 'Content-Type': FORM_DATA } }),
});

const createWithAttachmentsFields = combine(caseFields, attachmentFields());

const createWithAttachments = defineOperation({
	resource: 'case',
	operation: 'createWithAttachments',
	name: 'Create With Attachments',
	action: 'Create a case with attachments',
	description: "Create a case and attach files from the input item's binary fields or base64 texts",
	method: 'POST',
	path: '/server/API/v2/cases/insertAttach.php',
	properties: createWithAttachmentsFields.properties,
	schema: caseSchema<AttachmentParams>(createWithAttachmentsFields),
	checkItem: (fn, params, itemIndex) => checkBinaryProperties(fn, params, itemIndex),
	run: async (ctx, params) => {
		const attachments = await readAttachments(ctx, params);
		return await ctx.request({
			method: 'POST',
			path: ctx.path,
			body: { ...caseBody(params), attachments },
		});
	},
});

/* ------------------------------------------------------------------ update */

const caseId = recordId('ID of the case: the last part of its address in the CRM');

const updateFields = combine(
	caseId,
	caseType,
	caseResponsible,
	caseState,
	inCollection(caseParties),
	optionalTopLevel([
		{
			name: 'binaryProperty',
			label: 'Input Binary Field',
			api: 'file',
			placeholder: 'e.g. data',
			text: "Name of the input item's binary field to send as the case's file (a form-data file part). Leave empty to send no file; to send several files, use Update With Attachments.",
		},
	]),
);

type UpdateParams = {
	recordId: string;
	additionalFields: Partial<CaseParams>;
	binaryProperty?: string;
};

/** Form-data with at most one file; the update page requires neither owner, contact nor description. */
const updateCase = defineOperation({
	resource: 'case',
	operation: 'update',
	name: 'Update',
	action: 'Update a case',
	description:
		'Change a case by its Record ID: type, responsible, status, solution, priority, and an optional file',
	method: 'POST',
	path: '/server/API/v2/cases/update.php',
	properties: updateFields.properties,
	schema: caseSchema<UpdateParams>(updateFields),
	checkItem: (fn, params, itemIndex) => checkFormFile(fn, params.binaryProperty, itemIndex),
	run: async (ctx, params) => {
		const body: IDataObject = {
			'wolkvox-id': params.recordId,
			...caseBody({ ...params, ...params.additionalFields }),
		};
		if (params.binaryProperty)
			body.file = (await readFormFile(ctx, params.binaryProperty)) as unknown as IDataObject;
		return await ctx.request({
			method: 'POST',
			path: ctx.path,
			body,
			headers: { 'Content-Type': FORM_DATA },
		});
	},
});

const updateWithAttachmentsFields = combine(caseId, caseFields, attachmentFields());

/** JSON with every field of the case; the given files replace its attachments. */
const updateCaseWithAttachments = defineOperation({
	resource: 'case',
	operation: 'updateWithAttachments',
	name: 'Update With Attachments',
	action: 'Update a case and its attachments',
	description: 'Change every field of a case and replace its attachments with the given files',
	method: 'POST',
	path: '/server/API/v2/cases/updateCaseAttachment.php',
	properties: updateWithAttachmentsFields.properties,
	schema: caseSchema<AttachmentParams & { recordId: string }>(updateWithAttachmentsFields),
	checkItem: (fn, params, itemIndex) => checkBinaryProperties(fn, params, itemIndex),
	run: async (ctx, params) => {
		const attachments = await readAttachments(ctx, params);
		return await ctx.request({
			method: 'POST',
			path: ctx.path,
			body: { 'wolkvox-id': params.recordId, ...caseBody(params), attachments },
		});
	},
});

/* ------------------------------------------------------------------ search */

const searchFields = caseFilter('status', {
	placeholder: 'e.g. abierto',
	text: 'Value to look for; for Case Type use Request, Complaints, Claims or Suggestions',
});

const search = defineOperation({
	resource: 'case',
	operation: 'search',
	name: 'Search',
	action: 'Search cases',
	description: 'Find the cases whose chosen field has a value, e.g. the case number (idPrefijo)',
	method: 'POST',
	path: '/server/API/v2/cases/queryCases.php',
	// wolkvox documents no paging nor limit here: one request, cut to Limit. Saved workflows
	// (published before the pair) keep every case: Return All starts on before LISTS_VERSION.
	paginate: { returnAllBefore: LISTS_VERSION },
	properties: searchFields.properties,
	schema: z.object(searchFields.shape),
	request: ({ field, value }) => ({ body: { field, value } }),
});

/* ------------------------------------------------------------ notes history */

const notesFields = caseFilter('type case', {
	placeholder: 'e.g. Request',
	text: 'Value to look for',
});

/**
 * Before Return All / Limit, the vendor's `limit` was Options > Note Limit: still shown in the node
 * versions that may have saved it, where a saved value means Return All off, Limit that value.
 */
const legacyOptions = inCollection(
	[
		{
			name: 'noteLimit',
			label: 'Note Limit',
			api: 'limit',
			kind: 'integer',
			default: 50,
			text: 'Max number of notes to return (this version of the node; later ones use Limit)',
			property: { typeOptions: { minValue: 1 } },
			schema: atLeastOne,
		},
	],
	OPTIONS,
);

interface NotesParams extends IDataObject {
	field: string;
	value: string;
	returnAll: boolean;
	limit: number;
}

const getNotesHistory = defineOperation({
	resource: 'case',
	operation: 'getNotesHistory',
	name: 'Get Notes History',
	action: 'Get the notes history of cases',
	description:
		"List the notes of one company's cases whose field has a value; uses the credential's External Token",
	method: 'POST',
	path: '/server/API/v2/cases/listHistoryNote.php',
	properties: [
		{
			displayName:
				"This action uses the credential's External Token (tied to one company), not its Internal token",
			name: 'externalTokenNotice',
			type: 'notice',
			default: '',
		},
		...notesFields.properties,
		...beforeListsVersion(legacyOptions.properties),
	],
	// wolkvox documents a `limit` and no page: one request, with Limit sent as `limit`. Saved
	// workflows (published before the pair) keep every note: Return All starts on before LISTS_VERSION.
	paginate: { returnAllBefore: LISTS_VERSION },
	schema: z
		.object({ ...notesFields.shape, ...legacyOptions.shape })
		.transform(({ options, ...params }) => {
			const { noteLimit } = options as { noteLimit?: number };
			return noteLimit === undefined ? params : { ...params, returnAll: false, limit: noteLimit };
		}) as unknown as z.ZodType<NotesParams, z.ZodTypeDef, unknown>,
	run: async (ctx, { field, value, returnAll, limit }) =>
		await ctx.request({
			method: 'POST',
			path: ctx.path,
			body: compact({ field, value, limit: returnAll ? undefined : limit }),
			credentialOverrides: { token: await externalToken(ctx) },
		}),
});

export const caseOperations: AnyOperationSpec[] = [
	create,
	createWithAttachments,
	updateCase,
	updateCaseWithAttachments,
	search,
	getNotesHistory,
];
