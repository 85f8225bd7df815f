/** The wolkvox CRM Trigger's parameters and their validation, declared together. */
import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { optionalText, requiredText } from '../common/fields/schemas';

export const EVENTS = ['newRecord', 'newCase'] as const;

export const QUOTA_NOTICE =
	"Each poll uses the token's daily quota: one call per poll when nothing is new (wolkvox counts every API call). Polling every minute costs 1,440 calls a day; choose the Poll Times with the token's daily limit in mind (Token > Get Usage shows it).";

export const wolkvoxTriggerProperties: INodeProperties[] = [
	{
		displayName: QUOTA_NOTICE,
		name: 'quotaNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		options: [
			{
				name: 'New Case',
				value: 'newCase',
				description:
					'A case in the status new cases get, with a case number (idCase) above every one seen before',
			},
			{
				name: 'New Record',
				value: 'newRecord',
				description: 'A record of a module dated after the previous poll (custom/queryDates.php)',
			},
		],
		default: 'newRecord',
	},
	{
		displayName: 'Module',
		name: 'module',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. contacts',
		description:
			'The module whose new records start the workflow: a built-in one (contacts, leads) or a custom one (API field: module)',
		displayOptions: { show: { event: ['newRecord'] } },
	},
	{
		displayName: 'Status of New Cases',
		name: 'caseStatus',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. open',
		description:
			'The status wolkvox gives a case when it is created in your operation. The trigger asks for the cases in this status (queryCases.php with field "status"), so a case that leaves it before the next poll is not seen.',
		displayOptions: { show: { event: ['newCase'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { event: ['newRecord'] } },
		options: [
			{
				displayName: 'CRM Time Zone',
				name: 'timezone',
				type: 'string',
				default: '',
				placeholder: 'e.g. America/Bogota',
				description:
					"The time zone of your CRM's dates, as an IANA name. wolkvox documents none; by default the workflow's time zone (Workflow settings > Timezone) is used.",
			},
		],
	},
];

const validZone = (zone: string) => {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: zone });
		return true;
	} catch {
		return false;
	}
};

export const wolkvoxTriggerSchema = z.discriminatedUnion('event', [
	z.object({
		event: z.literal('newRecord'),
		module: requiredText(),
		options: z
			.object({
				timezone: optionalText().refine(
					(zone) => zone === undefined || validZone(zone),
					'must be an IANA time zone such as America/Bogota',
				),
			})
			.default({}),
	}),
	z.object({ event: z.literal('newCase'), caseStatus: requiredText() }),
]);

export type WolkvoxTriggerParams = z.infer<typeof wolkvoxTriggerSchema>;
