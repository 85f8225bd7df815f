/**
 * The lead's own fields (common/fields/fieldSet.ts): who it comes from and belongs to, its vehicle, its
 * client and the tasks it carries. Fields shared with other resources are in ../../fields.ts.
 * Fields are declared in the order they are sent; the editor sorts them by name.
 */
import type { IDataObject } from 'n8n-workflow';
import type { ZodRawShape } from 'zod';
import { z } from 'zod';

import { compact } from '../../../common/fields/schemas';
import type { FieldDef } from '../../../common/fields/fieldDef';
import type { FieldSet } from '../../../common/fields/fieldSet';
import {
	combine,
	list,
	optionalTopLevel,
	inCollection,
	required,
} from '../../../common/fields/fieldSet';
import type { LocatorDef } from '../../../common/fields/fieldDef';
import {
	appraisal,
	appraisalRule,
	appraisalSchema,
	choices,
	gas,
	notes,
	taskDetails,
	taskDetailsWithType,
	taskType,
} from '../../fields';

/**
 * The lead in the URL of most lead operations (not a body field): a plain ID in version 1, a
 * resource locator (From List, with the lead list's `search`; By ID) from version 2. SML documents
 * no web-app URL for a lead, so there is no By URL mode.
 */
export const leadLocator: LocatorDef = {
	noun: 'lead',
	search: 'searchLeads',
	id: { placeholder: '984', regex: '[1-9][0-9]*' },
};

export const leadIdField = required([
	{
		name: 'leadId',
		label: 'Lead ID',
		kind: 'id',
		path: true,
		text: 'ID of the lead, as returned by Lead > Get Many or Create',
		locator: leadLocator,
	},
]);

export const byLeadId = leadIdField.shape;

/** The lead's ID, then the operation's own fields. */
export const withLeadId = (fields?: FieldSet) => ({
	properties: [...leadIdField.properties, ...(fields?.properties ?? [])],
	schema: z.object<ZodRawShape>({ ...byLeadId, ...fields?.shape }),
});

export const source: FieldDef = {
	name: 'source',
	label: 'Source Name or ID',
	kind: 'id',
	load: { method: 'getSources' },
	text: 'Where the lead comes from: a phone, e-mail, chat or web source of a concessionaire',
};
export const user: FieldDef = {
	name: 'user',
	label: 'Assigned User Name or ID',
	kind: 'id',
	load: { method: 'getUsers' },
	text: 'User the lead is assigned to; by default its creator',
};
export const score: FieldDef = {
	name: 'score',
	label: 'Score',
	kind: 'enum',
	...choices({ 1: '1 - Very Low', 2: '2 - Low', 3: '3 - Medium', 4: '4 - High' }),
	default: '3',
	text: 'How interested the client is in the vehicle',
};

/* ----------------------------------------------------------------- vehicle */

export const brandModel: FieldDef = {
	name: 'brand_model',
	label: 'Brand and Model',
	text: 'Brand and model of the vehicle',
};

/** The vehicle's fields besides `brand_model`, which Lead > Create asks for on its own. */
export const vehicleDetails: FieldDef[] = [
	{ name: 'price', label: 'Price', text: 'Price of the vehicle' },
	{ name: 'km', label: 'Kilometres', text: 'Mileage of the vehicle' },
	{ name: 'year', label: 'Year', kind: 'integer', default: 2020, text: 'Year of the vehicle' },
	gas,
	{
		name: 'sold',
		label: 'Sold',
		kind: 'boolean',
		text: 'Whether the vehicle was already sold. True ends the lead with the result "not available"',
	},
];

export const vehicle = (label: string, text: string, fields: FieldDef[]): FieldSet =>
	inCollection(fields, {
		name: 'vehicle',
		label,
		placeholder: 'Add Vehicle Field',
		api: 'vehicle',
		text,
	});

/* ------------------------------------------------------------------ client */

export const client = inCollection(
	[
		{
			name: 'name',
			label: 'Name',
			text: 'Name of the client. Required when any client field is given',
		},
		{ name: 'phone', label: 'Phone', text: 'Phone number of the client' },
		{
			name: 'email',
			label: 'E-Mail',
			kind: 'email',
			placeholder: 'name@email.com',
			text: 'E-mail of the client',
		},
		{
			name: 'province',
			label: 'Province Name or ID',
			kind: 'id',
			load: { method: 'getProvinces' },
			text: 'Province of the client',
		},
		{
			name: 'location',
			label: 'Locality Name or ID',
			kind: 'id',
			load: { method: 'getLocalities', dependsOn: ['client.province'] },
			text: 'Locality of the client, listed for the chosen province',
		},
	],
	{
		name: 'client',
		label: 'Client',
		placeholder: 'Add Client Field',
		api: 'client',
		text: 'The client interested in the vehicle',
	},
);

/** The client fields given (none: an empty object). */
export const clientSchema = client.shape.client.transform(compact);

/** On create, a client block needs a name. */
export const newClientSchema = clientSchema.superRefine((given: IDataObject, ctx) => {
	if (Object.keys(given).length && !given.name) {
		const message = 'is required when any client field is given';
		ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['name'], message });
	}
});

/* ------------------------------------------------------------------- tasks */

const taskEntryId: FieldDef = {
	name: 'id',
	label: 'Task ID',
	kind: 'id',
	text: 'ID of an existing task to change; leave empty to add a new task',
};

const TASK_FIELDS = { name: 'fields', label: 'Task Fields', placeholder: 'Add Task Field' };

/**
 * A task entry, flattened to the API's shape; an appraisal task needs its vehicle. One schema for
 * both kinds of entry: a workflow written by hand may carry an id, a type, or both.
 */
const taskEntry = z
	.object<ZodRawShape>({
		...optionalTopLevel([taskEntryId, taskType]).shape,
		...inCollection(taskDetailsWithType, TASK_FIELDS).shape,
		appraisal: appraisalSchema,
		...notes(false).shape,
	})
	.superRefine((given, ctx) => appraisalRule(given.type ?? given.fields.type, given.appraisal, ctx))
	.transform(({ fields, appraisal: appraisalGiven, note, ...given }) => {
		const body: IDataObject = compact({ ...given, ...compact(fields) });
		if (Object.keys(appraisalGiven).length) body.appraisal = appraisalGiven;
		if (note.length) body.note = note;
		return body;
	});

/**
 * Tasks inside a lead (`request.task`), each with its own fields, appraisal and notes. The
 * optional fields sit in collections so that an entry sends only what the user filled in. An
 * entry names the task to change (`withId`, updates) or the type of a new one (create).
 */
export const leadTasks = (withId: boolean): FieldSet =>
	list(
		{
			name: 'tasks',
			label: 'Tasks',
			placeholder: 'Add Task',
			api: 'request.task',
			text: 'Tasks (requests) of the lead',
			entry: { name: 'task', label: 'Task' },
		},
		combine(
			optionalTopLevel([withId ? taskEntryId : taskType]),
			inCollection(withId ? taskDetailsWithType : taskDetails, TASK_FIELDS),
			appraisal(),
			notes(false),
		),
		taskEntry,
	);
