/**
 * SML blocks that several operations share: enums, the vehicle, the client, notes, tags and
 * tasks with their appraisal. Each block is defined once, as n8n properties plus its schema.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import {
	compact,
	fixedList,
	optionalBoolean,
	optionalEmail,
	optionalEnum,
	optionalId,
	optionalInteger,
	optionalText,
	requiredText,
} from '../common/fields';
import { optionalDate } from '../common/dates';

export const LEAD_STATUSES = ['new', 'commercial_management', 'tracing', 'end'] as const;
export const leadStatusOptions = [
	{ name: 'Commercial Management', value: 'commercial_management' },
	{ name: 'End (Finalized)', value: 'end' },
	{ name: 'New', value: 'new' },
	{ name: 'Tracing (Follow-Up)', value: 'tracing' },
];

export const SCORES = ['1', '2', '3', '4'] as const;
export const scoreOptions = [
	{ name: '1 - Very Low', value: '1' },
	{ name: '2 - Low', value: '2' },
	{ name: '3 - Medium', value: '3' },
	{ name: '4 - High', value: '4' },
];

export const TASK_TYPES = [
	'date',
	'appraisal',
	'budget',
	'financing',
	'warranty',
	'vehicle_information',
	'response_information_mail',
	'pending_assignment',
	'other',
] as const;
export const taskTypeOptions = [
	{ name: 'Appraisal', value: 'appraisal' },
	{ name: 'Budget', value: 'budget' },
	{ name: 'Financing', value: 'financing' },
	{ name: 'Other', value: 'other' },
	{ name: 'Pending Assignment', value: 'pending_assignment' },
	{ name: 'Reply to E-Mail Request', value: 'response_information_mail' },
	{ name: 'Vehicle Information', value: 'vehicle_information' },
	{ name: 'Visit / Test Drive', value: 'date' },
	{ name: 'Warranty', value: 'warranty' },
];

export const MEDIA = ['Phone', 'E-mail', 'SMS', 'Whatsapp'] as const;
export const mediaOptions = [
	{ name: 'E-Mail', value: 'E-mail' },
	{ name: 'Phone', value: 'Phone' },
	{ name: 'SMS', value: 'SMS' },
	{ name: 'WhatsApp', value: 'Whatsapp' },
];

export const ORIGINS = ['national', 'foreign'] as const;
export const originOptions = [
	{ name: 'National', value: 'national' },
	{ name: 'Foreign (Imported)', value: 'foreign' },
];

const api = (text: string, field: string) => `${text} (API field: ${field})`;

/** The lead in the URL of most lead operations. */
export const leadIdProperty: INodeProperties = {
	displayName: 'Lead ID',
	name: 'leadId',
	type: 'string',
	required: true,
	default: '',
	description: 'ID of the lead, as returned by Lead > Get Many or Create',
};

export const gasTypeProperty = (name = 'gas'): INodeProperties => ({
	displayName: 'Fuel Name or ID',
	name,
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getGasTypes' },
	default: '',
	description: 'Fuel of the vehicle (API field: gas). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.'
});

/* ----------------------------------------------------------------- vehicle */

/** Optional vehicle fields; `brand_model` is a parameter of its own where it is required. */
export const vehicleOptionalFields: INodeProperties[] = [
	gasTypeProperty(),
	{ displayName: 'Kilometres', name: 'km', type: 'string', default: '', description: api('Mileage of the vehicle', 'km') },
	{ displayName: 'Price', name: 'price', type: 'string', default: '', description: api('Price of the vehicle', 'price') },
	{
		displayName: 'Sold',
		name: 'sold',
		type: 'boolean',
		default: false,
		description:
			'Whether the vehicle was already sold. True ends the lead with the result "not available" (API field: sold).',
	},
	{ displayName: 'Year', name: 'year', type: 'number', default: 2020, description: api('Year of the vehicle', 'year') },
];

export const vehicleBrandModelField: INodeProperties = {
	displayName: 'Brand and Model',
	name: 'brand_model',
	type: 'string',
	default: '',
	description: api('Brand and model of the vehicle', 'brand_model'),
};

export const vehicleSchemaShape = {
	price: optionalText(),
	km: optionalText(),
	year: optionalInteger(),
	gas: optionalId(),
	sold: optionalBoolean(),
};

/* ------------------------------------------------------------------ client */

export const clientFields: INodeProperties[] = [
	{ displayName: 'E-Mail', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', description: api('E-mail of the client', 'email') },
	{
		displayName: 'Locality Name or ID',
		name: 'location',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getLocalities', loadOptionsDependsOn: ['client.province'] },
		default: '',
		description: 'Locality of the client, listed for the chosen province (API field: location). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{ displayName: 'Name', name: 'name', type: 'string', default: '', description: api('Name of the client. Required when any client field is given', 'name') },
	{ displayName: 'Phone', name: 'phone', type: 'string', default: '', description: api('Phone number of the client', 'phone') },
	{
		displayName: 'Province Name or ID',
		name: 'province',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getProvinces' },
		default: '',
		description: 'Province of the client (API field: province). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];

export const clientProperty = (displayName = 'Client'): INodeProperties => ({
	displayName,
	name: 'client',
	type: 'collection',
	placeholder: 'Add Client Field',
	default: {},
	description: 'The client interested in the vehicle (API object: client)',
	options: clientFields,
});

const clientShape = {
	name: optionalText(),
	phone: optionalText(),
	email: optionalEmail(),
	province: optionalId(),
	location: optionalId(),
};

/** On create, a client block needs a name. */
export const newClientSchema = z
	.object(clientShape)
	.default({})
	.transform(compact)
	.superRefine((client, ctx) => {
		if (Object.keys(client).length && !client.name) {
			ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['name'], message: 'is required when any client field is given' });
		}
	});

export const clientUpdateSchema = z.object(clientShape).default({}).transform(compact);

/* ------------------------------------------------------------ notes & tags */

/** A list of `{content}` entries (notes, tags); with `withId`, an entry may name an existing one. */
export const contentList = (
	name: 'note' | 'tags',
	displayName: string,
	withId: boolean,
): INodeProperties => ({
	displayName,
	name,
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: name === 'note' ? 'Add Note' : 'Add Tag',
	default: {},
	description: `${displayName} of the record (API list: ${name}, entries {content})`,
	options: [
		{
			displayName: name === 'note' ? 'Note' : 'Tag',
			name: 'entries',
			values: [
				{
					displayName: 'Content',
					name: 'content',
					type: 'string',
					default: '',
					description: api(name === 'note' ? 'Text of the note' : 'Text of the tag', 'content'),
				},
				...(withId
					? [
							{
								displayName: 'ID',
								name: 'id',
								type: 'string' as const,
								default: '',
								description: 'ID of an existing entry to change; leave empty to add a new one',
							},
						]
					: []),
			],
		},
	],
});

export const contentListSchema = fixedList(
	'entries',
	z.object({ content: requiredText(), id: optionalId() }).transform(compact),
);

/* ------------------------------------------------------- tasks & appraisal */

export const appraisalFields: INodeProperties[] = [
	{ displayName: 'Brand and Model', name: 'brand_model', type: 'string', default: '', description: api('Brand and model of the appraised vehicle. Required for an appraisal', 'brand_model') },
	{ displayName: 'Extras', name: 'extras', type: 'string', default: '', description: api('Extras of the appraised vehicle', 'extras') },
	gasTypeProperty(),
	{ displayName: 'Kilometres', name: 'km', type: 'string', default: '', description: api('Mileage of the appraised vehicle', 'km') },
	{ displayName: 'License Plate', name: 'license_plate', type: 'string', default: '', description: api('License plate of the appraised vehicle', 'license_plate') },
	{ displayName: 'Origin', name: 'origin', type: 'options', options: originOptions, default: 'national', description: api('Where the appraised vehicle comes from', 'origin') },
	{ displayName: 'Year', name: 'year', type: 'number', default: 2020, description: api('Year of the appraised vehicle', 'year') },
];

/**
 * A collection, not a fixed collection: n8n fills every field of a fixed-collection group with
 * its default, which would send a year or an origin the user never chose (and overwrite them
 * on an update). A collection holds only the fields the user adds.
 */
export const appraisalProperty: INodeProperties = {
	displayName: 'Appraisal',
	name: 'appraisal',
	type: 'collection',
	placeholder: 'Add Appraisal Field',
	default: {},
	description: 'The vehicle to appraise; its brand and model are required when the task type is Appraisal (API object: appraisal)',
	options: appraisalFields,
};

export const appraisalSchema = z
	.object({
		brand_model: optionalText(),
		license_plate: optionalText(),
		km: optionalText(),
		year: optionalInteger(),
		gas: optionalId(),
		extras: optionalText(),
		origin: optionalEnum(ORIGINS),
	})
	.default({})
	.transform(compact);

/** Task fields other than its type, shared by Lead > Create / Update and Task > Create / Update. */
export const taskDetailFields: INodeProperties[] = [
	{ displayName: 'Description', name: 'description', type: 'string', default: '', description: api('Description of the task', 'description') },
	{ displayName: 'Media', name: 'media', type: 'options', options: mediaOptions, default: 'Phone', description: api('Channel the task is handled through; SML defaults to Phone', 'media') },
	{ displayName: 'Planned Follow-Up Date', name: 'planified_tracking_date', type: 'dateTime', default: '', description: api('When the follow-up is planned; a time without a zone is read in the workflow\'s time zone', 'planified_tracking_date') },
	{ displayName: 'Planned Realization Date', name: 'planified_realization_date', type: 'dateTime', default: '', description: api('When the task is planned to be done; a time without a zone is read in the workflow\'s time zone', 'planified_realization_date') },
	{ displayName: 'Realization Done', name: 'realization_date_check', type: 'boolean', default: false, description: 'Whether the user has done the task (API field: realization_date_check)' },
	{ displayName: 'Subtype', name: 'subtype', type: 'string', default: '', description: api('Free classification text of the task', 'subtype') },
	{ displayName: 'Tracking Done', name: 'tracking_date_check', type: 'boolean', default: false, description: 'Whether the follow-up has happened (API field: tracking_date_check)' },
];

export const taskDetailShape = {
	subtype: optionalText(),
	description: optionalText(),
	media: optionalEnum(MEDIA),
	planified_realization_date: optionalDate('iso'),
	planified_tracking_date: optionalDate('iso'),
	realization_date_check: optionalBoolean(),
	tracking_date_check: optionalBoolean(),
};

export const taskTypeProperty: INodeProperties = {
	displayName: 'Task Type',
	name: 'type',
	type: 'options',
	options: taskTypeOptions,
	default: 'date',
	description: api('Kind of task', 'type'),
};

const taskFieldsCollection = (withType: boolean): INodeProperties => ({
	displayName: 'Task Fields',
	name: 'fields',
	type: 'collection',
	placeholder: 'Add Task Field',
	default: {},
	options: withType ? [{ ...taskTypeProperty, displayName: 'Type' }, ...taskDetailFields] : taskDetailFields,
});

/**
 * Tasks inside a lead (`request.task`), each with its own fields, appraisal and notes. The
 * optional fields sit in collections so that an entry sends only what the user filled in.
 */
export const leadTasksProperty = (withId: boolean): INodeProperties => ({
	displayName: 'Tasks',
	name: 'tasks',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Task',
	default: {},
	description: 'Tasks (requests) of the lead (API list: request.task)',
	options: [
		{
			displayName: 'Task',
			name: 'task',
			values: [
				...(withId
					? [
							{
								displayName: 'Task ID',
								name: 'id',
								type: 'string' as const,
								default: '',
								description: 'ID of an existing task to change; leave empty to add a new task',
							},
							taskFieldsCollection(true),
						]
					: [taskTypeProperty, taskFieldsCollection(false)]),
				appraisalProperty,
				contentList('note', 'Notes', false),
			],
		},
	],
});

/** A task entry of a lead, flattened to the API's shape; an appraisal task needs its vehicle. */
export const taskSchema = z
	.object({
		id: optionalId(),
		type: optionalEnum(TASK_TYPES),
		fields: z.object({ type: optionalEnum(TASK_TYPES), ...taskDetailShape }).default({}),
		appraisal: appraisalSchema,
		note: contentListSchema,
	})
	.superRefine((task, ctx) => {
		if ((task.type ?? task.fields.type) === 'appraisal' && !task.appraisal.brand_model) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['appraisal', 'brand_model'],
				message: 'is required when the task type is Appraisal',
			});
		}
	})
	.transform(({ fields, appraisal, note, ...task }) => {
		const body: IDataObject = compact({ ...task, ...compact(fields) });
		if (Object.keys(appraisal).length) body.appraisal = appraisal;
		if (note.length) body.note = note;
		return body;
	});
