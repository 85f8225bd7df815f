/** The SML Trigger's parameters and their validation, declared together. */
import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { optionalEnum, optionalId, optionalText } from '../common/fields/schemas';
import { concessionaireIds, LEAD_STATUSES, leadStatusOptions } from '../Sml/fields';

export const EVENTS = ['newLead', 'leadStatusChanged'] as const;
export type SmlEvent = (typeof EVENTS)[number];

/** How many of the newest leads are watched for status changes, unless the user says otherwise. */
export const DEFAULT_WATCHED_LEADS = 10_000;
export const MAX_WATCHED_LEADS = 100_000;

const concessionaires: INodeProperties = {
	displayName: 'Concessionaire Names or IDs',
	name: 'concessionaire__in',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getConcessionaires' },
	default: [],
	description:
		'Only leads of these concessionaires (API field: concessionaire__in). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

const search: INodeProperties = {
	displayName: 'Search',
	name: 'search',
	type: 'string',
	default: '',
	description: 'Text SML matches against any attribute of the lead (API field: search)',
};

const source: INodeProperties = {
	displayName: 'Source Name or ID',
	name: 'source',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getSources' },
	default: '',
	description:
		'Only leads from this source (SML\'s list has no source filter: the trigger compares each lead\'s source itself). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

const changedStatuses = (
	displayName: string,
	name: string,
	description: string,
): INodeProperties => ({
	displayName,
	name,
	type: 'multiOptions',
	options: leadStatusOptions,
	default: [],
	description,
});

export const smlTriggerProperties: INodeProperties[] = [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		options: [
			{
				name: 'Lead Status Changed',
				value: 'leadStatusChanged',
				description:
					'The status of a lead differs from the one seen at the previous poll; the output has both',
			},
			{
				name: 'New Lead',
				value: 'newLead',
				description: 'A lead with an ID above every ID seen before',
			},
		],
		default: 'newLead',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: { event: ['newLead'] } },
		options: [
			concessionaires,
			search,
			source,
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: leadStatusOptions,
				default: 'new',
				description: 'Only leads with this status when the trigger sees them (API field: status)',
			},
		],
	},
	{
		displayName: 'Filters',
		name: 'changeFilters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: { event: ['leadStatusChanged'] } },
		options: [
			changedStatuses(
				'Changed From',
				'previous_status',
				'Only changes away from one of these statuses',
			),
			changedStatuses('Changed To', 'status', 'Only changes to one of these statuses'),
			concessionaires,
			search,
			source,
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { event: ['leadStatusChanged'] } },
		options: [
			{
				displayName: 'Leads Watched',
				name: 'watchedLeads',
				type: 'number',
				typeOptions: { minValue: 100, maxValue: MAX_WATCHED_LEADS },
				default: DEFAULT_WATCHED_LEADS,
				description:
					'How many of the newest leads (by ID) the trigger remembers the status of. A change to an older lead is not seen. The trigger keeps one character per lead in the workflow.',
			},
		],
	},
];

const statusList = z
	.array(z.enum(LEAD_STATUSES, { message: `must be one of ${LEAD_STATUSES.join(', ')}` }))
	.default([]);

const listFilters = {
	concessionaire__in: concessionaireIds,
	search: optionalText(),
	source: optionalId(),
};

export const smlTriggerSchema = z.object({
	event: z.enum(EVENTS),
	filters: z.object({ ...listFilters, status: optionalEnum(LEAD_STATUSES) }).default({}),
	changeFilters: z
		.object({ ...listFilters, status: statusList, previous_status: statusList })
		.default({}),
	options: z
		.object({
			watchedLeads: z.coerce
				.number()
				.int('must be a whole number')
				.min(100, 'must be at least 100')
				.max(MAX_WATCHED_LEADS, `must be at most ${MAX_WATCHED_LEADS}`)
				.default(DEFAULT_WATCHED_LEADS),
		})
		.default({}),
});

export type SmlTriggerParams = z.infer<typeof smlTriggerSchema>;
