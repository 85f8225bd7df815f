/**
 * Activities are records of the `wolkvox_activities` module, inserted through custom/insert.php
 * with a `type`: Create Call sends "call" (with a location and a phone block), Create Task "task",
 * Create Meeting "meeting" (with a start, a location and participants).
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import {
	compact,
	fixedGroup,
	jsonArray,
	optionalBoolean,
	optionalDigits,
	optionalEnum,
	optionalText,
	requiredEnum,
	requiredText,
} from '../../common/fields';
import { optionalDate, requiredDate } from '../../common/dates';
import type { AnyOperationSpec } from '../../common/operation';
import { defineOperation } from '../../common/operation';
import { api } from '../fragments';

export const ACTIVITIES_MODULE = 'wolkvox_activities';

/** The activity types this node creates: the `type` of the body. */
export const ACTIVITY_TYPES = ['call', 'task', 'meeting'] as const;
type ActivityType = (typeof ACTIVITY_TYPES)[number];

export const ACTIVITY_PRIORITIES = ['high', 'normal', 'low'] as const;

export const PHONE_TYPES = ['telephone'] as const;

const text = (displayName: string, name: string, description: string, extra: Partial<INodeProperties> = {}): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	required: true,
	default: '',
	description: api(description, name),
	...extra,
});

const commonProperties: INodeProperties[] = [
	text('Name', 'name', 'Title of the activity'),
	text('Related Module', 'name_module', 'Module of the record the activity belongs to, e.g. cases or contacts', {
		placeholder: 'e.g. cases',
	}),
	text('Related Record ID', 'id_record', 'ID of the record of that module the activity belongs to (its wolkvox_id)'),
	text('Owner', 'wolkvox_owner', 'User who owns the activity, as the wolkvox login of the user', {
		placeholder: 'e.g. ADMIN_@myoperation',
	}),
	{
		displayName: 'Priority',
		name: 'priority',
		type: 'options',
		options: [
			{ name: 'High', value: 'high' },
			{ name: 'Low', value: 'low' },
			{ name: 'Normal', value: 'normal' },
		],
		default: 'normal',
		description: api('Priority of the activity', 'priority'),
	},
	{
		displayName: 'Completion Date',
		name: 'completion_date',
		type: 'dateTime',
		required: true,
		default: '',
		description: api('When the activity is due; sent as Y-m-d H:i:s, in the time given (wolkvox documents no time zone)', 'completion_date'),
	},
	text('Description', 'description', 'Description of the activity', { typeOptions: { rows: 3 } }),
	{
		displayName: 'Status',
		name: 'status',
		type: 'string',
		required: true,
		default: 'created',
		description: api('Status of the activity; the documented value is "created"', 'status'),
	},
	{
		displayName: 'Reminder',
		name: 'remember',
		type: 'boolean',
		default: false,
		description: 'Whether to set a reminder for the activity (API field: remember)',
	},
	{
		displayName: 'Reminder Date',
		name: 'reminder_date',
		type: 'dateTime',
		required: true,
		default: '',
		displayOptions: { show: { remember: [true] } },
		description: api('When the reminder goes off; sent as Y-m-d H:i:s, in the time given (wolkvox documents no time zone)', 'reminder_date'),
	},
];

const phoneProperty: INodeProperties = {
	displayName: 'Phone',
	name: 'phone',
	type: 'fixedCollection',
	placeholder: 'Add Phone',
	default: {},
	description: 'Phone number of the caller or the person called (API object: phone)',
	options: [
		{
			displayName: 'Phone',
			name: 'number',
			values: [
				{
					displayName: 'Type',
					name: 'type',
					type: 'options',
					options: [{ name: 'Telephone', value: 'telephone' }],
					default: 'telephone',
					description: api('Kind of number; the documented one is a standard telephone number', 'type'),
				},
				{
					displayName: 'Country',
					name: 'country',
					type: 'string',
					default: '',
					placeholder: 'e.g. COLOMBIA',
					description: api('Country of the number', 'country'),
				},
				{
					displayName: 'Country Code',
					name: 'code',
					type: 'string',
					default: '',
					placeholder: 'e.g. 57',
					description: api('Dialing code of the country', 'code'),
				},
				{
					displayName: 'Number',
					name: 'value',
					type: 'string',
					default: '',
					placeholder: 'e.g. 1234567898',
					description: api('The phone number, digits only', 'value'),
				},
			],
		},
	],
};

/** The optional fields of an activity type: its location, and what else the type has. */
const additionalFields = (activity: string, more: INodeProperties[] = []): INodeProperties => ({
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [
		{
			displayName: 'Location',
			name: 'location',
			type: 'string',
			default: '',
			description: api(`Where the ${activity} takes place`, 'location'),
		},
		...more,
	],
});

const commonShape = {
	name: requiredText(),
	name_module: requiredText(),
	id_record: requiredText(),
	wolkvox_owner: requiredText(),
	priority: requiredEnum(ACTIVITY_PRIORITIES),
	completion_date: requiredDate('Y-m-d H:i:s', 'asGiven'),
	description: requiredText(),
	status: requiredText(),
	remember: optionalBoolean().transform((remember) => remember ?? false),
	reminder_date: optionalDate('Y-m-d H:i:s', 'asGiven'),
};

const phoneSchema = fixedGroup(
	'number',
	z.object({
		type: optionalEnum(PHONE_TYPES),
		country: optionalText(),
		code: optionalDigits(),
		value: requiredText().pipe(z.string().regex(/^\+?\d+$/, 'must contain digits only')),
	}),
);

const reminderRule = (params: { remember: boolean; reminder_date?: string }, ctx: z.RefinementCtx) => {
	if (params.remember && !params.reminder_date) {
		ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['reminder_date'], message: 'is required when Reminder is on' });
	}
};

/** The activity's `fields`, in the order of the vendor's example. */
function activityFields(params: z.output<z.ZodObject<typeof commonShape>>, extra: IDataObject = {}): IDataObject {
	return compact({
		status: params.status,
		name: params.name,
		priority: params.priority,
		name_module: params.name_module,
		completion_date: params.completion_date,
		remember: params.remember,
		reminder_date: params.reminder_date,
		description: params.description,
		id_record: params.id_record,
		...extra,
		wolkvox_owner: params.wolkvox_owner,
	});
}

const activityBody = (type: ActivityType, fields: IDataObject) => ({ module: ACTIVITIES_MODULE, type, fields });

const createCall = defineOperation({
	resource: 'activity',
	operation: 'createCall',
	name: 'Create Call',
	action: 'Create a call activity',
	description: 'Add a call activity to a record of any module',
	method: 'POST',
	path: '/server/API/v2/custom/insert.php',
	properties: [...commonProperties, phoneProperty, additionalFields('call')],
	schema: z
		.object({
			...commonShape,
			phone: phoneSchema,
			additionalFields: z.object({ location: optionalText() }).default({}),
		})
		.superRefine(reminderRule),
	request: ({ phone, additionalFields, ...params }) => {
		const extra: IDataObject = { location: additionalFields.location };
		if (phone) extra.phone = compact({ type: phone.type ?? 'telephone', country: phone.country, code: phone.code, value: phone.value });
		return { body: activityBody('call', activityFields(params, extra)) };
	},
});

const createTask = defineOperation({
	resource: 'activity',
	operation: 'createTask',
	name: 'Create Task',
	action: 'Create a task activity',
	description: 'Add a task activity to a record of any module',
	method: 'POST',
	path: '/server/API/v2/custom/insert.php',
	properties: commonProperties,
	schema: z.object(commonShape).superRefine(reminderRule),
	request: (params) => ({ body: activityBody('task', activityFields(params)) }),
});

/* ------------------------------------------------------------------ meeting */

/**
 * Participants: the page lists the field as a list without showing its elements, so plain text
 * is read as comma-separated names (a list of strings) and a JSON list is sent as given.
 */
const participantsSchema = z.preprocess((value) => {
	if (typeof value !== 'string' || value.trim().startsWith('[')) return value;
	const names = value.split(',').map((name) => name.trim()).filter(Boolean);
	return names.length ? names : undefined;
}, jsonArray());

const meetingAdditionalFields = additionalFields('meeting', [
	{
		displayName: 'Participants',
		name: 'participants',
		type: 'string',
		default: '',
		placeholder: 'e.g. agent10@myoperation, agent11@myoperation',
		description: api(
			'Who takes part: comma-separated wolkvox logins or e-mails, sent as a list; or a JSON list when your operation expects objects (the vendor page does not show the elements)',
			'participants',
		),
	},
]);

const createMeeting = defineOperation({
	resource: 'activity',
	operation: 'createMeeting',
	name: 'Create Meeting',
	action: 'Create a meeting activity',
	description: 'Add a meeting activity to a record of any module',
	method: 'POST',
	path: '/server/API/v2/custom/insert.php',
	properties: [
		...commonProperties,
		{
			displayName: 'Start Date',
			name: 'start_date',
			type: 'dateTime',
			required: true,
			default: '',
			description: api('When the meeting starts; sent as Y-m-d H:i:s, in the time given (wolkvox documents no time zone)', 'start_date'),
		},
		meetingAdditionalFields,
	],
	schema: z
		.object({
			...commonShape,
			start_date: requiredDate('Y-m-d H:i:s', 'asGiven'),
			additionalFields: z.object({ location: optionalText(), participants: participantsSchema }).default({}),
		})
		.superRefine(reminderRule),
	request: ({ start_date, additionalFields, ...params }) => ({
		body: activityBody('meeting', activityFields(params, compact({ start_date, ...additionalFields }))),
	}),
});

export const activityOperations: AnyOperationSpec[] = [createCall, createTask, createMeeting];
