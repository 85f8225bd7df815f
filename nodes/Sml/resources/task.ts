import type { IDataObject } from 'n8n-workflow';
import type { ZodRawShape } from 'zod';
import { z } from 'zod';

import { compact } from '../../common/fields/schemas';
import { combine, optionalTopLevel, inCollection, required } from '../../common/fields/fieldSet';
import { fillPath } from '../../common/fields/pathSegments';
import type { AnyOperationSpec, RunContext } from '../../common/execution/operation';
import { defineOperation } from '../../common/execution/operation';
import {
	appraisal,
	appraisalRule,
	appraisalSchema,
	notes,
	taskDetails,
	taskDetailsWithType,
	taskType,
} from '../fields';
import { mergeContentList, nestedMode, readTaskForUpdate, withCurrentId } from '../keepIds';
import { leadLocator } from './lead/fields';
import { LEAD_PATH } from './lead/read';

const taskId = required([
	{
		name: 'taskId',
		label: 'Task ID',
		kind: 'id',
		path: true,
		text: 'ID of the task, as found in the request.task list of Lead > Get',
		property: {
			hint: 'SML has no list of tasks to pick from: take the ID from Lead > Get (request.task)',
		},
	},
]);

/** The task's lead, picked like every lead ID (a resource locator from version 2). */
const taskLead = (name: string, text: string, isRequired: boolean) =>
	(isRequired ? required : optionalTopLevel)([
		{ name, label: 'Lead ID', kind: 'id', text, locator: leadLocator },
	]);

const createLead = taskLead('lead', 'ID of the lead to add the task to', true);
const updateLead = taskLead(
	'leadId',
	'Lead the task belongs to. Needed to read the current appraisal and notes when changing them with Keep IDs',
	false,
);

/* ------------------------------------------------------------------ create */

const createFields = combine(
	createLead,
	required([taskType]),
	// The appraisal block is shown when the chosen type is an appraisal.
	appraisal({ type: ['appraisal'] }),
	inCollection(taskDetails),
	notes(false),
);

const create = defineOperation({
	resource: 'task',
	operation: 'create',
	default: true,
	name: 'Create',
	action: 'Create a task',
	description:
		'Add a task (request) to a lead: Lead ID and Task Type; an appraisal task also needs its Appraisal fields',
	method: 'POST',
	path: '/api/lead_task_create/',
	properties: createFields.properties,
	schema: z
		.object<ZodRawShape>({ ...createFields.shape, appraisal: appraisalSchema })
		.superRefine((params, ctx) => appraisalRule(params.type, params.appraisal, ctx)),
	request: (params) => {
		const body: IDataObject = {
			lead: params.lead,
			type: params.type,
			...compact(params.additionalFields),
		};
		if (params.type === 'appraisal' && Object.keys(params.appraisal).length)
			body.appraisal = params.appraisal;
		if (params.note.length) body.note = params.note;
		return { body };
	},
});

/* ------------------------------------------------------------------ update */

const updateFields = combine(
	inCollection(taskDetailsWithType, {
		name: 'updateFields',
		label: 'Update Fields',
		placeholder: 'Add Field',
	}),
	appraisal(),
	notes(true),
);

const nestedData = nestedMode("How changes to the task's appraisal and notes are sent");

const updateSchema = z
	.object<ZodRawShape>({
		...taskId.shape,
		...updateLead.shape,
		...nestedData.shape,
		...updateFields.shape,
		appraisal: appraisalSchema,
	})
	.superRefine((params, ctx) => {
		const nested = Object.keys(params.appraisal).length || params.note.length;
		if (!nested && !Object.keys(compact(params.updateFields)).length) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'Add at least one field to update' });
		}
		if (nested && params.nestedMode === 'merge' && params.leadId === undefined) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['leadId'],
				message:
					"is required to keep the IDs of the task's appraisal and notes (SML has no call to read a task alone); or set Nested Data to Replace",
			});
		}
	});

/** With Keep IDs, reads the task through its lead (the only documented way) to carry the nested ids. */
async function updateTask(ctx: RunContext, params: z.output<typeof updateSchema>) {
	const { leadId, note } = params;
	const appraisalChanges = Object.keys(params.appraisal).length
		? (params.appraisal as IDataObject)
		: undefined;
	const body: IDataObject = compact(params.updateFields);
	const current =
		(appraisalChanges || note.length) && params.nestedMode === 'merge'
			? await readTaskForUpdate(ctx, {
					path: fillPath(LEAD_PATH, { leadId }),
					leadId,
					taskId: params.taskId,
				})
			: undefined;
	if (appraisalChanges)
		body.appraisal = current
			? withCurrentId(current.appraisal, appraisalChanges)
			: appraisalChanges;
	if (note.length) body.note = current ? mergeContentList(current.note, note) : note;
	return await ctx.request({ method: 'PATCH', path: ctx.path, body });
}

const update = defineOperation({
	resource: 'task',
	operation: 'update',
	name: 'Update',
	action: 'Update a task',
	description:
		'Change the given fields of a task, by Task ID, keeping the IDs of its appraisal and notes',
	method: 'PATCH',
	path: '/api/task/{taskId}/',
	properties: [
		...taskId.properties,
		...updateLead.properties,
		...nestedData.properties,
		...updateFields.properties,
	],
	schema: updateSchema,
	run: updateTask,
});

/* ------------------------------------------------------------------ delete */

const remove = defineOperation({
	resource: 'task',
	operation: 'delete',
	name: 'Delete',
	action: 'Delete a task',
	description: 'Delete a task of a lead by its Task ID (see the request.task list of Lead > Get)',
	method: 'DELETE',
	path: '/api/task/{taskId}/',
	properties: taskId.properties,
	schema: z.object(taskId.shape),
	output: (_body, params) => ({ id: params.taskId, deleted: true }),
});

export const taskOperations: AnyOperationSpec[] = [create, update, remove];
