import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import {
	compact,
	fixedList,
	optionalEnum,
	optionalId,
	optionalText,
	requiredEnum,
	requiredId,
	requiredText,
} from '../../common/fields';
import type { AnyOperationSpec, OperationContext } from '../../common/operation';
import { defineOperation } from '../../common/operation';
import { paginationSchema } from '../../common/pagination';
import {
	LEAD_STATUSES,
	SCORES,
	clientProperty,
	clientUpdateSchema,
	contentList,
	contentListSchema,
	leadIdProperty,
	leadStatusOptions,
	leadTasksProperty,
	newClientSchema,
	scoreOptions,
	taskSchema,
	vehicleBrandModelField,
	vehicleOptionalFields,
	vehicleSchemaShape,
} from '../fragments';
import { listOperation } from '../list';
import type { NestedMode } from '../safeUpdate';
import { mergeContentList, mergeTasks, nestedModeOptions, readLeadForUpdate, withCurrentId } from '../safeUpdate';

const LEAD_PATH = '/api/lead/{leadId}/';

const sourceProperty: INodeProperties = {
	displayName: 'Source Name or ID',
	name: 'source',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getSources' },
	default: '',
	description: 'Where the lead comes from: a phone, e-mail, chat or web source of a concessionaire (API field: source). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

const userProperty: INodeProperties = {
	displayName: 'Assigned User Name or ID',
	name: 'user',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getUsers' },
	default: '',
	description: 'User the lead is assigned to; by default its creator (API field: user). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

const scoreProperty: INodeProperties = {
	displayName: 'Score',
	name: 'score',
	type: 'options',
	options: scoreOptions,
	default: '3',
	description: 'How interested the client is in the vehicle (API field: score)',
};

const statusProperty: INodeProperties = {
	displayName: 'Status',
	name: 'status',
	type: 'options',
	options: leadStatusOptions,
	default: 'new',
	description: 'Status of the lead (API field: status)',
};

const leadTasksSchema = fixedList('task', taskSchema);

/* -------------------------------------------------------------------- get */

const get = defineOperation({
	resource: 'lead',
	operation: 'get',
	name: 'Get',
	action: 'Get a lead',
	description: 'Retrieve one lead with its client, vehicle, tasks, notes and tags',
	method: 'GET',
	path: LEAD_PATH,
	properties: [leadIdProperty],
	schema: z.object({ leadId: requiredId() }),
});

/* ---------------------------------------------------------------- get many */

const getAll = listOperation({
	resource: 'lead',
	noun: 'leads',
	path: '/api/lead/',
	filters: [
		{
			displayName: 'Client E-Mail Contains',
			name: 'client__email__icontains',
			type: 'string',
			default: '',
			description: "Part of the client's e-mail (API field: client__email__icontains)",
		},
		{
			displayName: 'Client Phone Contains',
			name: 'client__phone__icontains',
			type: 'string',
			default: '',
			description: "Part of the client's phone number (API field: client__phone__icontains)",
		},
		{
			displayName: 'Concessionaire Names or IDs',
			name: 'concessionaire__in',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getConcessionaires' },
			default: [],
			description:
				'Only leads of these concessionaires (API field: concessionaire__in). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{ ...statusProperty, default: 'new' },
	],
	filterShape: {
		status: optionalEnum(LEAD_STATUSES),
		client__phone__icontains: optionalText(),
		client__email__icontains: optionalText(),
		// The API takes a comma-separated list; an expression may give "1,2,4" or [1, 2, 4].
		concessionaire__in: z
			.union([z.array(z.union([z.string(), z.number()])), z.string(), z.number()])
			.optional()
			.transform((value) => {
				const ids = (Array.isArray(value) ? value : String(value ?? '').split(','))
					.map((id) => String(id).trim())
					.filter(Boolean);
				return ids.length ? ids.join(',') : undefined;
			})
			.pipe(z.string().regex(/^\d+(,\d+)*$/, 'must be concessionaire IDs separated by commas').optional()),
	},
});

/* ------------------------------------------------------------------ create */

const create = defineOperation({
	resource: 'lead',
	operation: 'create',
	name: 'Create',
	action: 'Create a lead',
	description: 'Create a lead with its vehicle, and optionally its client, notes, tags and tasks',
	method: 'POST',
	path: '/api/lead/',
	properties: [
		{ ...sourceProperty, required: true },
		{ ...vehicleBrandModelField, displayName: 'Vehicle Brand and Model', required: true },
		{
			displayName: 'Vehicle Details',
			name: 'vehicle',
			type: 'collection',
			placeholder: 'Add Vehicle Field',
			default: {},
			description: 'More about the vehicle (API object: vehicle)',
			options: vehicleOptionalFields,
		},
		clientProperty(),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [scoreProperty, statusProperty, userProperty],
		},
		contentList('note', 'Notes', false),
		contentList('tags', 'Tags', false),
		leadTasksProperty(false),
	],
	schema: z.object({
		source: requiredId(),
		brand_model: requiredText(),
		vehicle: z.object(vehicleSchemaShape).default({}),
		client: newClientSchema,
		additionalFields: z
			.object({ user: optionalId(), score: optionalEnum(SCORES), status: optionalEnum(LEAD_STATUSES) })
			.default({}),
		note: contentListSchema,
		tags: contentListSchema,
		tasks: leadTasksSchema,
	}),
	request: ({ source, brand_model, vehicle, client, additionalFields, note, tags, tasks }) => {
		const body: IDataObject = {
			source,
			vehicle: compact({ brand_model, ...vehicle }),
			...compact(additionalFields),
		};
		if (Object.keys(client).length) body.client = client;
		if (note.length) body.note = note;
		if (tags.length) body.tags = tags;
		if (tasks.length) body.request = { task: tasks };
		return { body };
	},
});

/* ------------------------------------------------------------------ update */

const updateSchema = z
	.object({
		leadId: requiredId(),
		nestedMode: z.enum(['merge', 'replace']).default('merge'),
		updateFields: z
			.object({
				source: optionalId(),
				user: optionalId(),
				score: optionalEnum(SCORES),
				status: optionalEnum(LEAD_STATUSES),
			})
			.default({}),
		vehicle: z.object({ brand_model: optionalText(), ...vehicleSchemaShape }).default({}),
		client: clientUpdateSchema,
		note: contentListSchema,
		tags: contentListSchema,
		tasks: leadTasksSchema,
	})
	.superRefine((params, ctx) => {
		const nothing =
			!Object.keys(compact(params.updateFields)).length &&
			!Object.keys(compact(params.vehicle)).length &&
			!Object.keys(params.client).length &&
			!params.note.length &&
			!params.tags.length &&
			!params.tasks.length;
		if (nothing) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'Add at least one field to update' });
		}
	});

type UpdateParams = z.output<typeof updateSchema>;

/** Builds the PATCH body; in "merge" mode it reads the lead first to carry the nested ids. */
async function updateLead(ctx: OperationContext, params: UpdateParams) {
	const { leadId, nestedMode, updateFields, client, note, tags, tasks } = params;
	const vehicle = compact(params.vehicle);
	const path = `/api/lead/${leadId}/`;
	const body: IDataObject = compact(updateFields);
	const nested = Object.keys(vehicle).length || Object.keys(client).length || note.length || tags.length || tasks.length;
	const mode: NestedMode = nestedMode;
	const current =
		nested && mode === 'merge' ? await readLeadForUpdate(ctx, { action: 'Lead > Update', leadId }) : undefined;

	if (Object.keys(vehicle).length) body.vehicle = current ? withCurrentId(current.vehicle, vehicle) : vehicle;
	if (Object.keys(client).length) body.client = current ? withCurrentId(current.client, client) : client;
	if (note.length) body.note = current ? mergeContentList(current.note, note) : note;
	if (tags.length) body.tags = current ? mergeContentList(current.tags, tags) : tags;
	if (tasks.length) {
		const request = current?.request as IDataObject | null | undefined;
		body.request = current ? withCurrentId(request, { task: mergeTasks(request?.task, tasks) }) : { task: tasks };
	}
	return await ctx.request({ method: 'PATCH', path, body });
}

const update = defineOperation({
	resource: 'lead',
	operation: 'update',
	name: 'Update',
	action: 'Update a lead',
	description: 'Change a lead, keeping the IDs of its client, vehicle, notes, tags and tasks',
	method: 'PATCH',
	path: LEAD_PATH,
	properties: [
		leadIdProperty,
		{
			displayName: 'Nested Data',
			name: 'nestedMode',
			type: 'options',
			options: nestedModeOptions,
			default: 'merge',
			description: 'How changes to the client, vehicle, notes, tags and tasks are sent',
		},
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [scoreProperty, sourceProperty, statusProperty, userProperty],
		},
		{
			displayName: 'Vehicle',
			name: 'vehicle',
			type: 'collection',
			placeholder: 'Add Vehicle Field',
			default: {},
			description: 'Vehicle fields to change (API object: vehicle)',
			options: [vehicleBrandModelField, ...vehicleOptionalFields],
		},
		clientProperty(),
		contentList('note', 'Notes', true),
		contentList('tags', 'Tags', true),
		leadTasksProperty(true),
	],
	schema: updateSchema,
	run: updateLead,
});

/* ----------------------------------------------------------- small updates */

const assign = defineOperation({
	resource: 'lead',
	operation: 'assign',
	name: 'Assign',
	action: 'Assign a lead to a user',
	description: 'Change the user who owns the lead',
	method: 'PATCH',
	path: LEAD_PATH,
	properties: [leadIdProperty, { ...userProperty, displayName: 'User Name or ID', required: true }],
	schema: z.object({ leadId: requiredId(), user: requiredId() }),
	request: ({ user }) => ({ body: { user } }),
});

const changeStatus = defineOperation({
	resource: 'lead',
	operation: 'changeStatus',
	name: 'Change Status',
	action: 'Change the status of a lead',
	description: 'Set the status of a lead through its change_status endpoint',
	method: 'PATCH',
	path: '/api/lead/{leadId}/change_status/',
	properties: [leadIdProperty, { ...statusProperty, required: true }],
	schema: z.object({ leadId: requiredId(), status: requiredEnum(LEAD_STATUSES) }),
	request: ({ status }) => ({ body: { status } }),
});

const finalize = defineOperation({
	resource: 'lead',
	operation: 'finalize',
	name: 'Finalize',
	action: 'Finalize a lead',
	description: 'Set the status of a lead to end',
	method: 'PATCH',
	path: LEAD_PATH,
	properties: [leadIdProperty],
	schema: z.object({ leadId: requiredId() }),
	request: () => ({ body: { status: 'end' } }),
});

/* ----------------------------------------------------------------- history */

const getHistory = defineOperation({
	resource: 'lead',
	operation: 'getHistory',
	name: 'Get History',
	action: 'Get the change history of a lead',
	description: 'Retrieve the summary of changes made to a lead',
	method: 'GET',
	path: '/api/lead_history/{leadId}/get_history/',
	paginate: true,
	properties: [leadIdProperty],
	schema: z.object({ leadId: requiredId(), ...paginationSchema }),
});

/* -------------------------------------------------------------- click2call */

const clickToCall = defineOperation({
	resource: 'lead',
	operation: 'clickToCall',
	name: 'Call Client (Click2Call)',
	action: 'Call the client of a lead',
	description: "Connect the lead's client with the concessionaire's phone (click-to-call)",
	method: 'PATCH',
	path: '/api/netelip/call_control_lead/click2call/',
	properties: [leadIdProperty],
	schema: z.object({ leadId: requiredId() }),
	request: ({ leadId }) => ({ body: { lead: leadId } }),
});

export const leadOperations: AnyOperationSpec[] = [
	get,
	getAll,
	create,
	update,
	assign,
	changeStatus,
	finalize,
	getHistory,
	clickToCall,
];
