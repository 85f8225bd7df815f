/** Changing leads: create, update, and the one-field changes (assign, status, finalize, call). */
import type { IDataObject } from 'n8n-workflow';
import type { ZodRawShape } from 'zod';
import { z } from 'zod';

import { compact } from '../../../common/fields/schemas';
import { combine, inCollection, required } from '../../../common/fields/fieldSet';
import type { RunContext } from '../../../common/execution/operation';
import { defineOperation } from '../../../common/execution/operation';
import { notes, status, tags } from '../../fields';
import {
	mergeContentList,
	mergeTasks,
	nestedMode,
	readLeadForUpdate,
	withCurrentId,
} from '../../keepIds';
import {
	brandModel,
	byLeadId,
	client,
	clientSchema,
	leadIdField,
	leadTasks,
	newClientSchema,
	score,
	source,
	user,
	vehicle,
	vehicleDetails,
	withLeadId,
} from './fields';
import { LEAD_PATH } from './read';

/* ------------------------------------------------------------ lead bodies */

/** What a create or an update writes: the lead's own fields and its nested objects and lists. */
export interface LeadChanges {
	fields: IDataObject;
	vehicle: IDataObject;
	client: IDataObject;
	note: IDataObject[];
	tags: IDataObject[];
	tasks: IDataObject[];
}

/**
 * The body that writes `changes`. With `current` (Keep IDs) the nested objects carry their
 * current ids and the existing notes, tags and tasks are sent back, so SML updates them instead
 * of deleting and recreating them; without it, exactly what was given (a create, or Replace).
 */
export function leadBody(changes: LeadChanges, current?: IDataObject): IDataObject {
	const { vehicle: vehicleChanges, client: clientChanges, note, tags: tagList, tasks } = changes;
	const body: IDataObject = { ...changes.fields };
	if (Object.keys(vehicleChanges).length)
		body.vehicle = current ? withCurrentId(current.vehicle, vehicleChanges) : vehicleChanges;
	if (Object.keys(clientChanges).length)
		body.client = current ? withCurrentId(current.client, clientChanges) : clientChanges;
	if (note.length) body.note = current ? mergeContentList(current.note, note) : note;
	if (tagList.length) body.tags = current ? mergeContentList(current.tags, tagList) : tagList;
	if (tasks.length) {
		const request = current?.request as IDataObject | null | undefined;
		body.request = current
			? withCurrentId(request, { task: mergeTasks(request?.task, tasks) })
			: { task: tasks };
	}
	return body;
}

/* ------------------------------------------------------------------ create */

/** Lead > Create's fields, also those of Create or Update. */
export const createFields = combine(
	required([source, { ...brandModel, label: 'Vehicle Brand and Model' }]),
	vehicle('Vehicle Details', 'More about the vehicle', vehicleDetails),
	client,
	inCollection([user, score, status]),
	notes(false),
	tags(false),
	leadTasks(false),
);

export const createShape: ZodRawShape = { ...createFields.shape, client: newClientSchema };

/** The validated Create fields as changes to write. */
export const createChanges = (params: IDataObject): LeadChanges => ({
	fields: { source: params.source, ...compact(params.additionalFields as IDataObject) },
	vehicle: compact({ brand_model: params.brand_model, ...(params.vehicle as IDataObject) }),
	client: params.client as IDataObject,
	note: params.note as IDataObject[],
	tags: params.tags as IDataObject[],
	tasks: params.tasks as IDataObject[],
});

export const create = defineOperation({
	resource: 'lead',
	operation: 'create',
	name: 'Create',
	action: 'Create a lead',
	description:
		'Create a lead from a source and a vehicle brand and model; its client, vehicle details, notes, tags and tasks are optional',
	method: 'POST',
	path: '/api/lead/',
	properties: createFields.properties,
	schema: z.object<ZodRawShape>(createShape),
	request: (params) => ({ body: leadBody(createChanges(params)) }),
});

/* ------------------------------------------------------------------ update */

const updateFields = combine(
	inCollection([source, user, score, status], {
		name: 'updateFields',
		label: 'Update Fields',
		placeholder: 'Add Field',
	}),
	vehicle('Vehicle', 'Vehicle fields to change', [brandModel, ...vehicleDetails]),
	client,
	notes(true),
	tags(true),
	leadTasks(true),
);

const nestedData = nestedMode('How changes to the client, vehicle, notes, tags and tasks are sent');

const updateSchema = z
	.object<ZodRawShape>({
		...byLeadId,
		...nestedData.shape,
		...updateFields.shape,
		client: clientSchema,
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

/** Builds the PATCH body; with Keep IDs it reads the lead first to carry the nested ids. */
async function updateLead(ctx: RunContext, params: z.output<typeof updateSchema>) {
	const changes: LeadChanges = {
		fields: compact(params.updateFields),
		vehicle: compact(params.vehicle),
		client: params.client,
		note: params.note,
		tags: params.tags,
		tasks: params.tasks,
	};
	const nested =
		Object.keys(changes.vehicle).length ||
		Object.keys(changes.client).length ||
		changes.note.length ||
		changes.tags.length ||
		changes.tasks.length;
	const current =
		nested && params.nestedMode === 'merge'
			? await readLeadForUpdate(ctx, {
					action: 'Lead > Update',
					path: ctx.path,
					leadId: params.leadId,
				})
			: undefined;
	return await ctx.request({ method: 'PATCH', path: ctx.path, body: leadBody(changes, current) });
}

export const update = defineOperation({
	resource: 'lead',
	operation: 'update',
	name: 'Update',
	action: 'Update a lead',
	description:
		'Change the given fields of a lead, by Lead ID, keeping the IDs of its client, vehicle, notes, tags and tasks',
	method: 'PATCH',
	path: LEAD_PATH,
	properties: [...leadIdField.properties, ...nestedData.properties, ...updateFields.properties],
	schema: updateSchema,
	run: updateLead,
});

/* ----------------------------------------------------------- small updates */

export const assign = defineOperation({
	resource: 'lead',
	operation: 'assign',
	name: 'Assign',
	action: 'Assign a lead to a user',
	description: 'Give a lead to another user: the Lead ID and the user (see User > Get Many)',
	method: 'PATCH',
	path: LEAD_PATH,
	...withLeadId(required([{ ...user, label: 'User Name or ID' }])),
	request: (params) => ({ body: { user: params.user } }),
});

export const changeStatus = defineOperation({
	resource: 'lead',
	operation: 'changeStatus',
	name: 'Change Status',
	action: 'Change the status of a lead',
	description:
		'Set the status of a lead, by Lead ID, to one of the listed statuses (change_status)',
	method: 'PATCH',
	path: '/api/lead/{leadId}/change_status/',
	...withLeadId(required([status])),
	request: (params) => ({ body: { status: params.status } }),
});

export const finalize = defineOperation({
	resource: 'lead',
	operation: 'finalize',
	name: 'Finalize',
	action: 'Finalize a lead',
	description: 'Close a lead, by Lead ID, by setting its status to end',
	method: 'PATCH',
	path: LEAD_PATH,
	...withLeadId(),
	request: () => ({ body: { status: 'end' } }),
});

/* -------------------------------------------------------------- click2call */

export const clickToCall = defineOperation({
	resource: 'lead',
	operation: 'clickToCall',
	name: 'Call Client (Click2Call)',
	action: 'Call the client of a lead',
	description:
		'Start a real phone call between the client of a lead and the concessionaire (click-to-call), by Lead ID',
	method: 'PATCH',
	path: '/api/netelip/call_control_lead/click2call/',
	...withLeadId(),
	request: (params) => ({ body: { lead: params.leadId } }),
});
