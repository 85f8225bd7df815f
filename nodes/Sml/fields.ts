/**
 * SML's fields that several resources share, each declared once (common/fields/fieldSet.ts): enums, the
 * lead's status, notes and tags, and tasks with their appraisal. A lead's own fields (its vehicle,
 * client and tasks) are in resources/lead/fields.ts. Fields are declared in the order they are
 * sent; the editor sorts them by name.
 */
import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { compact } from '../common/fields/schemas';
import type { FieldDef } from '../common/fields/fieldDef';
import type { CollectionDef, FieldSet } from '../common/fields/fieldSet';
import {
	combine,
	list,
	optionalTopLevel,
	inCollection,
	requiredUnmarked,
} from '../common/fields/fieldSet';

/* ------------------------------------------------------------------- enums */

/**
 * An enum's choices, each value written once: the dropdown sorted by name, and the values in the
 * API's order, which validation messages list ("must be one of: …").
 */
export function choices(names: Record<string, string>) {
	const options = Object.entries(names).map(([value, name]) => ({ name, value }));
	return {
		options: options.sort((a, b) => a.name.localeCompare(b.name)),
		values: Object.keys(names) as [string, ...string[]],
	};
}

const leadStatus = choices({
	new: 'New',
	commercial_management: 'Commercial Management',
	tracing: 'Tracing (Follow-Up)',
	end: 'End (Finalized)',
});
export const LEAD_STATUSES = leadStatus.values;
export const leadStatusOptions = leadStatus.options;

const taskTypes = choices({
	date: 'Visit / Test Drive',
	appraisal: 'Appraisal',
	budget: 'Budget',
	financing: 'Financing',
	warranty: 'Warranty',
	vehicle_information: 'Vehicle Information',
	response_information_mail: 'Reply to E-Mail Request',
	pending_assignment: 'Pending Assignment',
	other: 'Other',
});

const media = choices({ Phone: 'Phone', 'E-mail': 'E-Mail', SMS: 'SMS', Whatsapp: 'WhatsApp' });

/* -------------------------------------------------------------------- lead */

export const status: FieldDef = {
	name: 'status',
	label: 'Status',
	kind: 'enum',
	...leadStatus,
	default: 'new',
	text: 'Status of the lead',
};

/** The fuel of a lead's vehicle or of an appraised one. */
export const gas: FieldDef = {
	name: 'gas',
	label: 'Fuel Name or ID',
	kind: 'id',
	load: { method: 'getGasTypes' },
	text: 'Fuel of the vehicle',
};

/* ------------------------------------------------------------ notes & tags */

const entryId: FieldDef = {
	name: 'id',
	label: 'ID',
	kind: 'id',
	text: 'ID of an existing entry to change; leave empty to add a new one',
};

/** A list of `{content}` entries; `withId` lets an entry name an existing one to change. */
function contentList(name: 'note' | 'tags', withId: boolean): FieldSet {
	const [label, entryLabel] = name === 'note' ? ['Notes', 'Note'] : ['Tags', 'Tag'];
	const content = requiredUnmarked([
		{ name: 'content', label: 'Content', text: `Text of the ${entryLabel.toLowerCase()}` },
	]);
	const id = optionalTopLevel([entryId]);
	return list(
		{
			name,
			label,
			placeholder: `Add ${entryLabel}`,
			api: name,
			text: `${label} of the record`,
			entry: { name: 'entries', label: entryLabel },
		},
		withId ? combine(content, id) : content,
		// An id is passed on even where the editor offers none (a workflow may be written by hand).
		z.object({ ...content.shape, ...id.shape }).transform(compact),
	);
}

export const notes = (withId: boolean) => contentList('note', withId);
export const tags = (withId: boolean) => contentList('tags', withId);

/* ------------------------------------------------------- tasks & appraisal */

const APPRAISAL: CollectionDef = {
	name: 'appraisal',
	label: 'Appraisal',
	placeholder: 'Add Appraisal Field',
	api: 'appraisal',
	text: 'The vehicle to appraise; its brand and model are required when the task type is Appraisal',
};

/**
 * A collection, not a fixed collection: n8n fills every field of a fixed-collection group with
 * its default, which would send a year or an origin the user never chose (and overwrite them
 * on an update). A collection holds only the fields the user adds.
 */
export const appraisal = (show?: { type: string[] }) =>
	inCollection(
		[
			{
				name: 'brand_model',
				label: 'Brand and Model',
				text: 'Brand and model of the appraised vehicle. Required for an appraisal',
			},
			{
				name: 'license_plate',
				label: 'License Plate',
				text: 'License plate of the appraised vehicle',
			},
			{ name: 'km', label: 'Kilometres', text: 'Mileage of the appraised vehicle' },
			{
				name: 'year',
				label: 'Year',
				kind: 'integer',
				default: 2020,
				text: 'Year of the appraised vehicle',
			},
			gas,
			{ name: 'extras', label: 'Extras', text: 'Extras of the appraised vehicle' },
			{
				name: 'origin',
				label: 'Origin',
				kind: 'enum',
				options: [
					{ name: 'National', value: 'national' },
					{ name: 'Foreign (Imported)', value: 'foreign' },
				],
				text: 'Where the appraised vehicle comes from',
			},
		],
		APPRAISAL,
		show,
	);

/** The appraisal fields given (none: an empty object). */
export const appraisalSchema = appraisal().shape.appraisal.transform(compact);

/** An appraisal task needs the brand and model of the vehicle to appraise. */
export function appraisalRule(type: unknown, given: IDataObject, ctx: z.RefinementCtx): void {
	if (type === 'appraisal' && !given.brand_model) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			path: ['appraisal', 'brand_model'],
			message: 'is required when the task type is Appraisal',
		});
	}
}

export const taskType: FieldDef = {
	name: 'type',
	label: 'Task Type',
	kind: 'enum',
	...taskTypes,
	default: 'date',
	text: 'Kind of task',
};

/** Task fields other than its type, shared by Lead > Create / Update and Task > Create / Update. */
export const taskDetails: FieldDef[] = [
	{ name: 'subtype', label: 'Subtype', text: 'Free classification text of the task' },
	{ name: 'description', label: 'Description', text: 'Description of the task' },
	{
		name: 'media',
		label: 'Media',
		kind: 'enum',
		...media,
		default: 'Phone',
		text: 'Channel the task is handled through; SML defaults to Phone',
	},
	{
		name: 'planified_realization_date',
		label: 'Planned Realization Date',
		kind: 'date',
		date: { format: 'iso' },
		text: "When the task is planned to be done; a time without a zone is read in the workflow's time zone",
	},
	{
		name: 'planified_tracking_date',
		label: 'Planned Follow-Up Date',
		kind: 'date',
		date: { format: 'iso' },
		text: "When the follow-up is planned; a time without a zone is read in the workflow's time zone",
	},
	{
		name: 'realization_date_check',
		label: 'Realization Done',
		kind: 'boolean',
		text: 'Whether the user has done the task',
	},
	{
		name: 'tracking_date_check',
		label: 'Tracking Done',
		kind: 'boolean',
		text: 'Whether the follow-up has happened',
	},
];

/** The task's fields in a collection where the type is one of them (updates). */
export const taskDetailsWithType = [{ ...taskType, label: 'Type' }, ...taskDetails];

/** The lead lists' concessionaire__in: the API takes a comma-separated list; an expression may give "1,2,4" or [1, 2, 4]. */
export const concessionaireIds = z
	.union([z.array(z.union([z.string(), z.number()])), z.string(), z.number()])
	.optional()
	.transform((value) => {
		const ids = (Array.isArray(value) ? value : String(value ?? '').split(','))
			.map((id) => String(id).trim())
			.filter(Boolean);
		return ids.length ? ids.join(',') : undefined;
	})
	.pipe(
		z
			.string()
			.regex(/^\d+(,\d+)*$/, 'must be concessionaire IDs separated by commas')
			.optional(),
	);
