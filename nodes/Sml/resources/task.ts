import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { compact, optionalEnum, optionalId, requiredEnum, requiredId } from '../../common/fields';
import type { AnyOperationSpec, OperationContext } from '../../common/operation';
import { defineOperation } from '../../common/operation';
import {
	TASK_TYPES,
	appraisalProperty,
	appraisalSchema,
	contentList,
	contentListSchema,
	taskDetailFields,
	taskDetailShape,
	taskTypeProperty,
} from '../fragments';
import type { NestedMode } from '../safeUpdate';
import { mergeContentList, nestedModeOptions, readLeadForUpdate, withCurrentId } from '../safeUpdate';

const taskIdProperty: INodeProperties = {
	displayName: 'Task ID',
	name: 'taskId',
	type: 'string',
	required: true,
	default: '',
	description: 'ID of the task, as found in the request.task list of Lead > Get',
};

/** The appraisal block is shown when the chosen type is an appraisal. */
const appraisalWhenTyped: INodeProperties = {
	...appraisalProperty,
	displayOptions: { show: { type: ['appraisal'] } },
};

const appraisalRequired = (type: string | undefined, appraisal: IDataObject, ctx: z.RefinementCtx) => {
	if (type === 'appraisal' && !appraisal.brand_model) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			path: ['appraisal', 'brand_model'],
			message: 'is required when the task type is Appraisal',
		});
	}
};

/* ------------------------------------------------------------------ create */

const create = defineOperation({
	resource: 'task',
	operation: 'create',
	name: 'Create',
	action: 'Create a task',
	description: 'Add a task (request) to a lead',
	method: 'POST',
	path: '/api/lead_task_create/',
	properties: [
		{
			displayName: 'Lead ID',
			name: 'lead',
			type: 'string',
			required: true,
			default: '',
			description: 'ID of the lead to add the task to (API field: lead)',
		},
		{ ...taskTypeProperty, required: true },
		appraisalWhenTyped,
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: taskDetailFields,
		},
		contentList('note', 'Notes', false),
	],
	schema: z
		.object({
			lead: requiredId(),
			type: requiredEnum(TASK_TYPES),
			appraisal: appraisalSchema,
			additionalFields: z.object(taskDetailShape).default({}),
			note: contentListSchema,
		})
		.superRefine((params, ctx) => appraisalRequired(params.type, params.appraisal, ctx)),
	request: ({ lead, type, appraisal, additionalFields, note }) => {
		const body: IDataObject = { lead, type, ...compact(additionalFields) };
		if (type === 'appraisal' && Object.keys(appraisal).length) body.appraisal = appraisal;
		if (note.length) body.note = note;
		return { body };
	},
});

/* ------------------------------------------------------------------ update */

const updateSchema = z
	.object({
		taskId: requiredId(),
		leadId: optionalId(),
		nestedMode: z.enum(['merge', 'replace']).default('merge'),
		updateFields: z.object({ type: optionalEnum(TASK_TYPES), ...taskDetailShape }).default({}),
		appraisal: appraisalSchema,
		note: contentListSchema,
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

type UpdateParams = z.output<typeof updateSchema>;

/** Reads the task through its lead (the only documented way) to carry the nested ids. */
async function updateTask(ctx: OperationContext, params: UpdateParams) {
	const { taskId, leadId, updateFields, note } = params;
	const appraisal = Object.keys(params.appraisal).length ? params.appraisal : undefined;
	const body: IDataObject = compact(updateFields);
	const mode: NestedMode = params.nestedMode;
	let current: IDataObject | undefined;
	if ((appraisal || note.length) && mode === 'merge') {
		const lead = await readLeadForUpdate(ctx, { action: 'Task > Update', leadId: leadId!, taskId });
		const tasks = ((lead.request as IDataObject | null)?.task ?? []) as IDataObject[];
		current = tasks.find((task) => String(task.id) === String(taskId));
		if (!current) {
			throw new NodeOperationError(ctx.fn.getNode(), `Task ${taskId} is not one of the tasks of lead ${leadId}`, {
				itemIndex: ctx.itemIndex,
				description: 'Check the Lead ID: it must be the lead the task belongs to. Nothing was sent, so nothing was changed.',
			});
		}
	}
	if (appraisal) body.appraisal = current ? withCurrentId(current.appraisal, appraisal) : appraisal;
	if (note.length) body.note = current ? mergeContentList(current.note, note) : note;
	return await ctx.request({ method: 'PATCH', path: `/api/task/${taskId}/`, body });
}

const update = defineOperation({
	resource: 'task',
	operation: 'update',
	name: 'Update',
	action: 'Update a task',
	description: "Change a task, keeping the IDs of its appraisal and notes",
	method: 'PATCH',
	path: '/api/task/{taskId}/',
	properties: [
		taskIdProperty,
		{
			displayName: 'Lead ID',
			name: 'leadId',
			type: 'string',
			default: '',
			description:
				'Lead the task belongs to. Needed to read the current appraisal and notes when changing them with Keep IDs.',
		},
		{
			displayName: 'Nested Data',
			name: 'nestedMode',
			type: 'options',
			options: nestedModeOptions,
			default: 'merge',
			description: "How changes to the task's appraisal and notes are sent",
		},
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [{ ...taskTypeProperty, displayName: 'Type' }, ...taskDetailFields],
		},
		appraisalProperty,
		contentList('note', 'Notes', true),
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
	description: 'Discard a task of a lead',
	method: 'DELETE',
	path: '/api/task/{taskId}/',
	properties: [taskIdProperty],
	schema: z.object({ taskId: requiredId() }),
	output: (_body, { taskId }) => ({ id: taskId, deleted: true }),
});

export const taskOperations: AnyOperationSpec[] = [create, update, remove];
