/**
 * What every activity has, whatever its type (resources/activity.ts): its fields, the rule of its
 * reminder, and the body of custom/insert.php that puts it into the wolkvox_activities module.
 */
import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { compact } from '../common/fields/schemas';
import type { FieldDef } from '../common/fields/fieldDef';
import type { FieldSet } from '../common/fields/fieldSet';
import { combine, optionalTopLevel, required, requiredUnmarked } from '../common/fields/fieldSet';
import { schemaOf } from './fields';

const ACTIVITIES_MODULE = 'wolkvox_activities';

/** The activity types this node creates: the `type` of the body. */
type ActivityType = 'call' | 'task' | 'meeting';

/** The priorities, as an error message lists them. */
const ACTIVITY_PRIORITIES = ['high', 'normal', 'low'] as const;

/** A date sent as Y-m-d H:i:s, in the clock time given: wolkvox documents no time zone. */
export const date = (name: string, label: string, text: string): FieldDef => ({
	name,
	label,
	kind: 'date',
	date: { format: 'Y-m-d H:i:s', zone: 'asGiven' },
	text: `${text}; sent as Y-m-d H:i:s, in the time given (wolkvox documents no time zone)`,
});

export const activityFields = combine(
	required([
		{ name: 'name', label: 'Name', text: 'Title of the activity' },
		{
			name: 'name_module',
			label: 'Related Module',
			placeholder: 'e.g. cases',
			text: 'Module of the record the activity belongs to, e.g. cases or contacts',
		},
		{
			name: 'id_record',
			label: 'Related Record ID',
			text: 'ID of the record of that module the activity belongs to (its wolkvox_id)',
		},
		{
			name: 'wolkvox_owner',
			label: 'Owner',
			placeholder: 'e.g. ADMIN_@myoperation',
			text: 'User who owns the activity, as the wolkvox login of the user',
		},
	]),
	requiredUnmarked([
		{
			name: 'priority',
			label: 'Priority',
			kind: 'enum',
			options: [
				{ name: 'High', value: 'high' },
				{ name: 'Low', value: 'low' },
				{ name: 'Normal', value: 'normal' },
			],
			values: ACTIVITY_PRIORITIES,
			default: 'normal',
			text: 'Priority of the activity',
		},
	]),
	required([
		date('completion_date', 'Completion Date', 'When the activity is due'),
		{
			name: 'description',
			label: 'Description',
			text: 'Description of the activity',
			property: { typeOptions: { rows: 3 } },
		},
		{
			name: 'status',
			label: 'Status',
			default: 'created',
			text: 'Status of the activity; the documented value is "created"',
		},
	]),
	optionalTopLevel([
		{
			name: 'remember',
			label: 'Reminder',
			kind: 'boolean',
			text: 'Whether to set a reminder for the activity',
		},
	]),
	required([date('reminder_date', 'Reminder Date', 'When the reminder goes off')], {
		remember: [true],
	}),
);

type ActivityParams = {
	name: string;
	name_module: string;
	id_record: string;
	wolkvox_owner: string;
	priority: string;
	completion_date: string;
	description: string;
	status: string;
	remember?: boolean;
	reminder_date?: string;
};

const reminderRule = (params: ActivityParams, ctx: z.RefinementCtx) => {
	if (params.remember && !params.reminder_date) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			path: ['reminder_date'],
			message: 'is required when Reminder is on',
		});
	}
};

/** An activity operation's schema: the activity's fields and this type's (`P`), then the reminder rule. */
export const activitySchema = <P = object>(fields: FieldSet) =>
	schemaOf<ActivityParams & P>(fields).superRefine(reminderRule);

/** The activity's `fields`, in the order of the vendor's example. */
export function activityBody(
	type: ActivityType,
	params: ActivityParams,
	extra: IDataObject = {},
): IDataObject {
	const fields = compact({
		status: params.status,
		name: params.name,
		priority: params.priority,
		name_module: params.name_module,
		completion_date: params.completion_date,
		remember: params.remember ?? false,
		reminder_date: params.reminder_date,
		description: params.description,
		id_record: params.id_record,
		...extra,
		wolkvox_owner: params.wolkvox_owner,
	});
	return { module: ACTIVITIES_MODULE, type, fields };
}

/** Where the activity takes place: an additional field of every type but a task. */
export const location = (activity: string): FieldDef => ({
	name: 'location',
	label: 'Location',
	text: `Where the ${activity} takes place`,
});
