/**
 * Cases: create (form-data), create with base64 attachments, update with attachments, search,
 * and the notes history (the one API that takes an External token).
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import {
	compact,
	optionalBoolean,
	optionalEmail,
	optionalInteger,
	optionalText,
	requiredEmail,
	requiredEnum,
	requiredText,
} from '../../common/fields';
import type { AnyOperationSpec, OperationContext } from '../../common/operation';
import { defineOperation } from '../../common/operation';
import { headerValueProblem, pathSegment } from '../../common/pathSegments';
import type { AttachmentParams } from '../fragments';
import {
	api,
	attachmentProperties,
	attachmentsShape,
	checkBinaryFields,
	checkBinaryProperties,
	fieldsFrom,
	fieldsInputProperties,
	fieldsInputShape,
	readAttachments,
	recordIdProperty,
} from '../fragments';
import type { FormFile } from '../transport';
import { FORM_DATA } from '../transport';

const CUSTOM = '__custom';

export const CASE_TYPES = ['Request', 'Complaints', 'Claims', 'Suggestions', CUSTOM] as const;

const caseTypeProperties: INodeProperties[] = [
	{
		displayName: 'Case Type',
		name: 'case-type',
		type: 'options',
		options: [
			{ name: 'Claim', value: 'Claims', description: 'Reclamo' },
			{ name: 'Complaint', value: 'Complaints', description: 'Queja' },
			{ name: 'Custom Type', value: CUSTOM, description: 'A case type created in your cases module' },
			{ name: 'Request', value: 'Request', description: 'Petición' },
			{ name: 'Suggestion', value: 'Suggestions', description: 'Sugerencia' },
		],
		default: 'Request',
		description: api('Type of the case', 'case-type'),
	},
	{
		displayName: 'Custom Case Type',
		name: 'customCaseType',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: { 'case-type': [CUSTOM] } },
		description: api('Name of a case type created in your cases module', 'case-type'),
	},
];

const userText = (displayName: string, name: string, text: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. ADMIN_@myoperation',
	description: api(`${text}: the user's "wolkvox e-mail" from the users list of your operation; the user must exist`, name),
});

const caseProperties: INodeProperties[] = [
	...caseTypeProperties,
	userText('Responsible', 'responsible', 'User responsible for the case'),
	userText('Owner', 'owner', 'Owner of the case'),
	{
		displayName: 'Contact E-Mail',
		name: 'contact',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'name@email.com',
		description: api('E-mail of the contact of the case, as in the "contact e-mail" column of the contacts module; the contact must exist', 'contact'),
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 3 },
		description: api('Description of the case', 'description'),
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. abierto',
		description: api('Status of the case; it must exist in the cases module for this case type', 'status'),
	},
	{
		displayName: 'Status Is Closed',
		name: 'statusIsClosed',
		type: 'boolean',
		default: false,
		description: 'Whether the status is a closed one in your cases module; wolkvox then requires a solution (API field: solution)',
	},
	{
		displayName: 'Solution',
		name: 'solution',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 2 },
		displayOptions: { show: { statusIsClosed: [true] } },
		description: api('How the case was solved; required when the status is a closed one', 'solution'),
	},
	{
		displayName: 'Priority',
		name: 'priority',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. baja',
		description: api('Priority of the case; it must exist in the cases module for this case type', 'priority'),
	},
	...fieldsInputProperties('Case Form Fields', 'form', 'extra case fields (e.g. Subject)'),
];

const caseShape = {
	'case-type': requiredEnum(CASE_TYPES),
	customCaseType: optionalText(),
	responsible: requiredText(),
	owner: requiredText(),
	contact: requiredEmail(),
	description: requiredText(),
	status: requiredText(),
	statusIsClosed: optionalBoolean().transform((closed) => closed ?? false),
	solution: optionalText(),
	priority: requiredText(),
	...fieldsInputShape,
};

type CaseInput = z.output<z.ZodObject<typeof caseShape>>;

type CaseRuleInput = Pick<CaseInput, 'case-type' | 'customCaseType' | 'statusIsClosed' | 'solution'>;

/** The conditional rules: a custom type needs its name, a closed status needs a solution. */
function caseRules(params: CaseRuleInput, ctx: z.RefinementCtx) {
	if (params['case-type'] === CUSTOM && !params.customCaseType) {
		ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['customCaseType'], message: 'is required for a custom case type' });
	}
	if (params.statusIsClosed && !params.solution) {
		ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['solution'], message: 'is required when the status is a closed one' });
	}
}

const caseTypeOf = (params: CaseRuleInput) =>
	params['case-type'] === CUSTOM ? params.customCaseType : params['case-type'];

/** The case as the API names it; `form` is always sent, `{}` when empty, as in the vendor's examples. */
function caseBody(params: CaseInput): IDataObject {
	const body: IDataObject = {
		'case-type': caseTypeOf(params),
		responsible: params.responsible,
		owner: params.owner,
		contact: params.contact,
		description: params.description,
		form: fieldsFrom(params),
		status: params.status,
		priority: params.priority,
	};
	if (params.solution !== undefined) body.solution = params.solution;
	return body;
}

const caseSchema = z.object(caseShape).superRefine(caseRules);

/* ------------------------------------------------------------------ create */

const create = defineOperation({
	resource: 'case',
	operation: 'create',
	name: 'Create',
	action: 'Create a case',
	description: 'Create a case (sent as form-data, without files)',
	method: 'POST',
	path: '/server/API/v2/cases/insert.php',
	properties: caseProperties,
	schema: caseSchema,
	// The endpoint reads form-data; its `form` is then a JSON text (the transport encodes objects as JSON).
	request: (params) => ({ body: caseBody(params), headers: { 'Content-Type': FORM_DATA } }),
});

/* ------------------------------------------------------ create with attachments */

const withAttachmentsSchema = z.object({ ...caseShape, ...attachmentsShape }).superRefine(caseRules);

const createWithAttachments = defineOperation({
	resource: 'case',
	operation: 'createWithAttachments',
	name: 'Create With Attachments',
	action: 'Create a case with attachments',
	description: "Create a case and attach files from the input item's binary fields or base64 texts",
	method: 'POST',
	path: '/server/API/v2/cases/insertAttach.php',
	properties: [...caseProperties, ...attachmentProperties()],
	schema: withAttachmentsSchema,
	checkItem: (fn, params, itemIndex) => checkBinaryProperties(fn, params as AttachmentParams, itemIndex),
	run: async (ctx: OperationContext, params) => {
		const attachments = await readAttachments(ctx, params);
		return await ctx.request({
			method: 'POST',
			path: '/server/API/v2/cases/insertAttach.php',
			body: { ...caseBody(params), attachments },
		});
	},
});

/* ------------------------------------------------------------------ update */

const UPDATE_PATH = '/server/API/v2/cases/update.php';

/** The update page requires neither owner, contact nor description: they are optional here. */
const NOT_REQUIRED_ON_UPDATE = ['owner', 'contact', 'description'];

const updateFileProperty: INodeProperties = {
	displayName: 'Input Binary Field',
	name: 'binaryProperty',
	type: 'string',
	default: '',
	placeholder: 'e.g. data',
	description: api(
		"Name of the input item's binary field to send as the case's file (a form-data file part). Leave empty to send no file; to send several files, use Update With Attachments.",
		'file',
	),
};

const updateSchema = z
	.object({
		recordId: pathSegment(),
		'case-type': caseShape['case-type'],
		customCaseType: caseShape.customCaseType,
		responsible: caseShape.responsible,
		status: caseShape.status,
		statusIsClosed: caseShape.statusIsClosed,
		solution: caseShape.solution,
		priority: caseShape.priority,
		...fieldsInputShape,
		additionalFields: z
			.object({ owner: optionalText(), contact: optionalEmail(), description: optionalText() })
			.default({}),
		binaryProperty: optionalText(),
	})
	.superRefine(caseRules);

const updateCase = defineOperation({
	resource: 'case',
	operation: 'update',
	name: 'Update',
	action: 'Update a case',
	description: 'Change a case (sent as form-data, with an optional file)',
	method: 'POST',
	path: UPDATE_PATH,
	properties: [
		recordIdProperty('ID of the case: the last part of its address in the CRM'),
		...caseProperties.filter((p) => !NOT_REQUIRED_ON_UPDATE.includes(p.name)),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: caseProperties
				.filter((p) => NOT_REQUIRED_ON_UPDATE.includes(p.name))
				.map(({ required: _required, ...property }) => property),
		},
		updateFileProperty,
	],
	schema: updateSchema,
	checkItem: (fn, params, itemIndex) => {
		const label = '"Input Binary Field" (binaryProperty)';
		const missing = checkBinaryFields(fn, params.binaryProperty ? [params.binaryProperty] : [], itemIndex, label);
		if (missing.length || !params.binaryProperty) return missing;
		// The file's MIME type becomes the Content-Type header of its form-data part.
		const mimeType = fn.getInputData()[itemIndex]?.binary?.[params.binaryProperty]?.mimeType;
		const problem = mimeType ? headerValueProblem(mimeType) : undefined;
		return problem ? [`${label} names "${params.binaryProperty}", whose MIME type ${problem}`] : [];
	},
	run: async (ctx: OperationContext, params) => {
		const body: IDataObject = {
			'wolkvox-id': params.recordId,
			'case-type': caseTypeOf(params),
			responsible: params.responsible,
			...compact(params.additionalFields),
			form: fieldsFrom(params),
			status: params.status,
			priority: params.priority,
		};
		if (params.solution !== undefined) body.solution = params.solution;
		if (params.binaryProperty) {
			const binary = ctx.fn.helpers.assertBinaryData(ctx.itemIndex, params.binaryProperty);
			const file: FormFile = {
				fileName: binary.fileName ?? params.binaryProperty,
				mimeType: binary.mimeType,
				data: await ctx.fn.helpers.getBinaryDataBuffer(ctx.itemIndex, params.binaryProperty),
			};
			body.file = file as unknown as IDataObject;
		}
		return await ctx.request({ method: 'POST', path: UPDATE_PATH, body, headers: { 'Content-Type': FORM_DATA } });
	},
});

/* ------------------------------------------------------ update with attachments */

const update = defineOperation({
	resource: 'case',
	operation: 'updateWithAttachments',
	name: 'Update With Attachments',
	action: 'Update a case and its attachments',
	description: "Change every field of a case and replace its attachments with the given files",
	method: 'POST',
	path: '/server/API/v2/cases/updateCaseAttachment.php',
	properties: [
		recordIdProperty('ID of the case: the last part of its address in the CRM'),
		...caseProperties,
		...attachmentProperties(),
	],
	schema: z.object({ recordId: pathSegment(), ...caseShape, ...attachmentsShape }).superRefine(caseRules),
	checkItem: (fn, params, itemIndex) => checkBinaryProperties(fn, params as AttachmentParams, itemIndex),
	run: async (ctx: OperationContext, params) => {
		const attachments = await readAttachments(ctx, params);
		return await ctx.request({
			method: 'POST',
			path: '/server/API/v2/cases/updateCaseAttachment.php',
			body: { 'wolkvox-id': params.recordId, ...caseBody(params), attachments },
		});
	},
});

/* ------------------------------------------------------------------ search */

/** The filter fields the query-cases page lists, with English labels. */
export const CASE_FILTER_FIELDS = [
	['Case Expired', 'case expired'],
	['Case ID', 'idCase'],
	['Case Prefix ID', 'idPrefijo'],
	['Case Type', 'type case'],
	['Company ID', 'company id'],
	['Company Name', 'company name'],
	['Company Name (companyName)', 'companyName'],
	['Contact E-Mail', 'email contact'],
	['Contact Identification', 'contact identification'],
	['Contact Name', 'name contact'],
	['Contact Phone', 'contact phone'],
	['Contact Record ID', 'contact wolkvox id'],
	['Description', 'description'],
	['Owner ID', 'owner id'],
	['Owner Name', 'owner name'],
	['Owner User', 'owner user'],
	['Prefix', 'prefix'],
	['Priority', 'priority'],
	['Reason', 'reason'],
	['Record ID (wolkvox-id)', 'wolkvox-id'],
	['Reopened', 'reopened'],
	['Responsible ID', 'responsible id'],
	['Responsible Name', 'responsible name'],
	['Responsible User', 'responsible user'],
	['Solution', 'solution'],
	['Status', 'status'],
] as const;

const filterValues = CASE_FILTER_FIELDS.map(([, value]) => value) as unknown as [string, ...string[]];

const search = defineOperation({
	resource: 'case',
	operation: 'search',
	name: 'Search',
	action: 'Search cases',
	description: 'Find the cases whose field has a value',
	method: 'POST',
	path: '/server/API/v2/cases/queryCases.php',
	properties: [
		{
			displayName: 'Field',
			name: 'field',
			type: 'options',
			options: CASE_FILTER_FIELDS.map(([name, value]) => ({ name, value })),
			default: 'status',
			description: api('Case field to filter on', 'field'),
		},
		{
			displayName: 'Value',
			name: 'value',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. abierto',
			description: api('Value to look for; for Case Type use Request, Complaints, Claims or Suggestions', 'value'),
		},
	],
	schema: z.object({ field: requiredEnum(filterValues), value: requiredText() }),
	request: ({ field, value }) => ({ body: { field, value } }),
});

/* ------------------------------------------------------------ notes history */

const NOTES_HISTORY_PATH = '/server/API/v2/cases/listHistoryNote.php';

const getNotesHistory = defineOperation({
	resource: 'case',
	operation: 'getNotesHistory',
	name: 'Get Notes History',
	action: 'Get the notes history of cases',
	description:
		"List the notes of one company's cases whose field has a value; uses the credential's External Token",
	method: 'POST',
	path: NOTES_HISTORY_PATH,
	properties: [
		{
			displayName: "This action uses the credential's External Token (tied to one company), not its Internal token",
			name: 'externalTokenNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Field',
			name: 'field',
			type: 'options',
			options: CASE_FILTER_FIELDS.map(([name, value]) => ({ name, value })),
			default: 'type case',
			description: api('Case field to filter on', 'field'),
		},
		{
			displayName: 'Value',
			name: 'value',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. Request',
			description: api('Value to look for', 'value'),
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Note Limit',
					name: 'noteLimit',
					type: 'number',
					typeOptions: { minValue: 1 },
					default: 50,
					description: 'Max number of notes to return (API field: limit)',
				},
			],
		},
	],
	schema: z.object({
		field: requiredEnum(filterValues),
		value: requiredText(),
		options: z.object({ noteLimit: optionalInteger() }).default({}),
	}),
	run: async (ctx: OperationContext, { field, value, options }) => {
		const credentials = await ctx.fn.getCredentials('wolkvoxCrmApi', ctx.itemIndex);
		const externalToken = String(credentials.externalToken ?? '').trim();
		// The token is sent in the Wolkvox-Token header: a pasted line break must not reach it.
		const tokenProblem = externalToken ? headerValueProblem(externalToken) : undefined;
		if (tokenProblem) {
			throw new NodeOperationError(ctx.fn.getNode(), 'The External Token of the wolkvox CRM credential is not valid', {
				itemIndex: ctx.itemIndex,
				description: `The External Token ${tokenProblem}. Paste it again in the credential.`,
			});
		}
		if (!externalToken) {
			throw new NodeOperationError(ctx.fn.getNode(), 'The wolkvox CRM credential has no External Token', {
				itemIndex: ctx.itemIndex,
				description:
					'Get Notes History needs an External token tied to the company (wolkvox accepts no Internal token there). Add it to the credential, in External Token.',
			});
		}
		return await ctx.request({
			method: 'POST',
			path: NOTES_HISTORY_PATH,
			body: compact({ field, value, limit: options.noteLimit }),
			credentialOverrides: { token: externalToken },
		});
	},
});

export const caseOperations: AnyOperationSpec[] = [create, createWithAttachments, updateCase, update, search, getNotesHistory];
