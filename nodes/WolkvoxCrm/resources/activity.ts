/**
 * Activities are records of the `wolkvox_activities` module, inserted through custom/insert.php
 * with a `type`: Create Call sends "call" (with a location and a phone block), Create Task "task",
 * Create Meeting "meeting" (with a start, a location and participants). The fields, rule and body
 * that all three share are in activityFields.ts.
 */
import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { compact, jsonArray } from '../../common/fields/schemas';
import {
	combine,
	list,
	optionalTopLevel,
	inCollection,
	required,
	requiredUnmarked,
} from '../../common/fields/fieldSet';
import type { AnyOperationSpec } from '../../common/execution/operation';
import { defineOperation } from '../../common/execution/operation';
import { activityBody, activityFields, activitySchema, date, location } from '../activityFields';

/* --------------------------------------------------------------------- call */

const phone = requiredUnmarked([
	{
		name: 'value',
		label: 'Number',
		kind: 'digits',
		placeholder: 'e.g. 1234567898',
		text: 'The phone number, digits only',
	},
]);

const phoneEntry = combine(
	optionalTopLevel([
		{
			name: 'type',
			label: 'Type',
			kind: 'enum',
			options: [{ name: 'Telephone', value: 'telephone' }],
			text: 'Kind of number; the documented one is a standard telephone number',
		},
		{
			name: 'country',
			label: 'Country',
			placeholder: 'e.g. COLOMBIA',
			text: 'Country of the number',
		},
		{
			name: 'code',
			label: 'Country Code',
			kind: 'digits',
			placeholder: 'e.g. 57',
			text: 'Dialing code of the country',
		},
	]),
	phone,
);

const phoneGroup = list(
	{
		name: 'phone',
		label: 'Phone',
		placeholder: 'Add Phone',
		api: 'phone',
		apiWord: 'object',
		single: true,
		text: 'Phone number of the caller or the person called',
		entry: { name: 'number', label: 'Phone' },
	},
	phoneEntry,
);

const callFields = combine(activityFields, phoneGroup, inCollection([location('call')]));

type Phone = { type?: string; country?: string; code?: string; value: string };

const createCall = defineOperation({
	resource: 'activity',
	operation: 'createCall',
	default: true,
	name: 'Create Call',
	action: 'Create a call activity',
	description:
		'Add a call activity to a record of any module (Related Module and Record ID), with its owner, due date and status',
	method: 'POST',
	path: '/server/API/v2/custom/insert.php',
	properties: callFields.properties,
	schema: activitySchema<{ phone?: Phone; additionalFields: { location?: string } }>(callFields),
	request: ({ phone, additionalFields, ...params }) => {
		const extra: IDataObject = { location: additionalFields.location };
		if (phone)
			extra.phone = compact({
				type: phone.type ?? 'telephone',
				country: phone.country,
				code: phone.code,
				value: phone.value,
			});
		return { body: activityBody('call', params, extra) };
	},
});

/* --------------------------------------------------------------------- task */

const createTask = defineOperation({
	resource: 'activity',
	operation: 'createTask',
	name: 'Create Task',
	action: 'Create a task activity',
	description:
		'Add a task activity to a record of any module (Related Module and Record ID), with its owner, due date and status',
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
		const names = value
			.split(',')
			.map((name) => name.trim())
			.filter(Boolean);
		return names.length ? names : undefined;
	}, jsonArray());

const meetingFields = combine(
	activityFields,
	required([date('start_date', 'Start Date', 'When the meeting starts')]),
	inCollection([
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
	description:
		'Add a meeting activity to a record of any module (Related Module and Record ID), with its owner, start and completion dates and status',
	method: 'POST',
	path: '/server/API/v2/custom/insert.php',
	properties: meetingFields.properties,
	schema: activitySchema<{ start_date: string; additionalFields: IDataObject }>(meetingFields),
	request: ({ start_date, additionalFields, ...params }) => ({
		body: activityBody('meeting', params, compact({ start_date, ...additionalFields })),
	}),
});

export const activityOperations: AnyOperationSpec[] = [createCall, createTask, createMeeting];
