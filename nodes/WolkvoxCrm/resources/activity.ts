/**
 * Activities are records of the `wolkvox_activities` module, inserted through custom/insert.php
 * with a `type`: Create Call sends "call" (with a location and a phone block), Create Task "task",
 * Create Meeting "meeting" (with a start, a location and participants).
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { compact, fixedGroup, jsonArray } from '../../common/fields';
import type { FieldDef, FieldSet } from '../../common/fieldSet';
import { combine, notRequired, optional, required, requiredUnmarked, withApiName } from '../../common/fieldSet';
import type { AnyOperationSpec } from '../../common/operation';
import { defineOperation } from '../../common/operation';
import { schemaOf } from '../fields';

const ACTIVITIES_MODULE = 'wolkvox_activities';

/** The activity types this node creates: the `type` of the body. */
type ActivityType = 'call' | 'task' | 'meeting';

/** The priorities, as an error message lists them. */
const ACTIVITY_PRIORITIES = ['high', 'normal', 'low'] as const;

/** A date sent as Y-m-d H:i:s, in the clock time given: wolkvox documents no time zone. */
const date = (name: string, label: string, text: string): FieldDef => ({
	name,
	label,
	kind: 'date',
	date: { format: 'Y-m-d H:i:s', zone: 'asGiven' },
	text: `${text}; sent as Y-m-d H:i:s, in the time given (wolkvox documents no time zone)`,
});

const activityFields = combine(
	required([
		{ name: 'name', label: 'Name', text: 'Title of the activity' },
		{
			name: 'name_module',
			label: 'Related Module',
			placeholder: 'e.g. cases',
			text: 'Module of the record the activity belongs to, e.g. cases or contacts',
		},
		{ name: 'id_record', label: 'Related Record ID', text: 'ID of the record of that module the activity belongs to (its wolkvox_id)' },
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
		{ name: 'description', label: 'Description', text: 'Description of the activity', property: { typeOptions: { rows: 3 } } },
		{ name: 'status', label: 'Status', default: 'created', text: 'Status of the activity; the documented value is "created"' },
	]),
	notRequired([{ name: 'remember', label: 'Reminder', kind: 'boolean', text: 'Whether to set a reminder for the activity' }]),
	required([date('reminder_date', 'Reminder Date', 'When the reminder goes off')], { remember: [true] }),
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
		ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['reminder_date'], message: 'is required when Reminder is on' });
	}
};

/** An activity operation's schema: the activity's fields and this type's (`P`), then the reminder rule. */
const activitySchema = <P = object>(fields: FieldSet) => schemaOf<ActivityParams & P>(fields).superRefine(reminderRule);

/** The activity's `fields`, in the order of the vendor's example. */
function activityBody(type: ActivityType, params: ActivityParams, extra: IDataObject = {}): IDataObject {
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
const location = (activity: string): FieldDef => ({ name: 'location', label: 'Location', text: `Where the ${activity} takes place` });

/* --------------------------------------------------------------------- call */

const phone = requiredUnmarked([{ name: 'value', label: 'Number', kind: 'digits', placeholder: 'e.g. 1234567898', text: 'The phone number, digits only' }]);

const phoneEntry = combine(
	notRequired([
		{
			name: 'type',
			label: 'Type',
			kind: 'enum',
			options: [{ name: 'Telephone', value: 'telephone' }],
			text: 'Kind of number; the documented one is a standard telephone number',
		},
		{ name: 'country', label: 'Country', placeholder: 'e.g. COLOMBIA', text: 'Country of the number' },
		{ name: 'code', label: 'Country Code', kind: 'digits', placeholder: 'e.g. 57', text: 'Dialing code of the country' },
	]),
	phone,
);

const phoneProperty = withApiName<INodeProperties>(
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'fixedCollection',
		placeholder: 'Add Phone',
		default: {},
		description: 'Phone number of the caller or the person called (API object: phone)',
		options: [{ displayName: 'Phone', name: 'number', values: phoneEntry.properties }],
	},
	'phone',
);

const callFields = combine(
	activityFields,
	{ properties: [phoneProperty], shape: { phone: fixedGroup('number', z.object(phoneEntry.shape)) }, fields: [] },
	optional([location('call')]),
);

type Phone = { type?: string; country?: string; code?: string; value: string };

const createCall = defineOperation({
	resource: 'activity',
	operation: 'createCall',
	name: 'Create Call',
	action: 'Create a call activity',
	description: 'Add a call activity to a record of any module',
	method: 'POST',
	path: '/server/API/v2/custom/insert.php',
	properties: callFields.properties,
	schema: activitySchema<{ phone?: Phone; additionalFields: { location?: string } }>(callFields),
	request: ({ phone, additionalFields, ...params }) => {
		const extra: IDataObject = { location: additionalFields.location };
		if (phone) extra.phone = compact({ type: phone.type ?? 'telephone', country: phone.country, code: phone.code, value: phone.value });
		return { body: activityBody('call', params, extra) };
	},
});

/* --------------------------------------------------------------------- task */

const createTask = defineOperation({
	resource: 'activity',
	operation: 'createTask',
	name: 'Create Task',
	action: 'Create a task activity',
	description: 'Add a task activity to a record of any module',
	method: 'POST',
	path: '/server/API/v2/custom/insert.php',
	properties: activityFields.properties,
	schema: activitySchema(activityFields),
	request: (params) => ({ body: activityBody('task', params) }),
});

/* ------------------------------------------------------------------ meeting */

/**
 * Participants: the page lists the field as a list without showing its elements, so plain text
 * is read as comma-separated names (a list of strings) and a JSON list is sent as given.
 */
const participants = () =>
	z.preprocess((value) => {
		if (typeof value !== 'string' || value.trim().startsWith('[')) return value;
		const names = value.split(',').map((name) => name.trim()).filter(Boolean);
		return names.length ? names : undefined;
	}, jsonArray());

const meetingFields = combine(
	activityFields,
	required([date('start_date', 'Start Date', 'When the meeting starts')]),
	optional([
		location('meeting'),
		{
			name: 'participants',
			label: 'Participants',
			placeholder: 'e.g. agent10@myoperation, agent11@myoperation',
			text: 'Who takes part: comma-separated wolkvox logins or e-mails, sent as a list; or a JSON list when your operation expects objects (the vendor page does not show the elements)',
			schema: participants,
		},
	]),
);

const createMeeting = defineOperation({
	resource: 'activity',
	operation: 'createMeeting',
	name: 'Create Meeting',
	action: 'Create a meeting activity',
	description: 'Add a meeting activity to a record of any module',
	method: 'POST',
	path: '/server/API/v2/custom/insert.php',
	properties: meetingFields.properties,
	schema: activitySchema<{ start_date: string; additionalFields: IDataObject }>(meetingFields),
	request: ({ start_date, additionalFields, ...params }) => ({
		body: activityBody('meeting', params, compact({ start_date, ...additionalFields })),
	}),
});

export const activityOperations: AnyOperationSpec[] = [createCall, createTask, createMeeting];
