/**
 * Lead > Create or Update: finds the client's lead by e-mail and/or phone (match.ts), then
 * updates it the way Lead > Update's Keep IDs does, outputs it, or creates a lead when none
 * matches. Items of one run that share an e-mail or phone run one after the other.
 */
import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { ZodRawShape } from 'zod';
import { z } from 'zod';

import { optionalTopLevel, inCollection } from '../../../common/fields/fieldSet';
import { fillPath } from '../../../common/fields/pathSegments';
import type { RunContext } from '../../../common/execution/operation';
import { defineOperation } from '../../../common/execution/operation';
import { LEAD_STATUSES, leadStatusOptions } from '../../fields';
import { leadAnswerProblem } from '../../keepIds';
import type { MatchRule } from './match';
import { MATCH_ON, findLeads, phoneDigits, serialKeysOf } from './match';
import { LEAD_PATH, concessionaires } from './read';
import { createChanges, createFields, createShape, leadBody } from './write';

const MATCH_ON_NAMES: Record<(typeof MATCH_ON)[number], string> = {
	email: 'E-Mail',
	phone: 'Phone',
	emailOrPhone: 'E-Mail or Phone',
	emailAndPhone: 'E-Mail and Phone',
};

const OPEN_STATUSES = LEAD_STATUSES.filter((value) => value !== 'end');

/** A list from the dropdown, or text from an expression ("new,tracing"). */
const statusList = z
	.preprocess(
		(value) =>
			typeof value === 'string'
				? value
						.split(',')
						.map((status) => status.trim())
						.filter(Boolean)
				: value,
		z
			.array(z.enum(LEAD_STATUSES))
			.min(1, 'must name at least one status')
			.transform((statuses) => [...new Set(statuses)]),
	)
	.default(OPEN_STATUSES);

const matchFields = optionalTopLevel([
	{
		name: 'matchOn',
		label: 'Match On',
		kind: 'enum',
		api: false,
		options: [
			{
				name: 'E-Mail',
				value: 'email',
				description:
					'The lead whose client has the Client › E-Mail given (any case, blanks around it ignored)',
			},
			{
				name: 'E-Mail and Phone',
				value: 'emailAndPhone',
				description: 'A lead whose client has both the e-mail and the phone given',
			},
			{
				name: 'E-Mail or Phone',
				value: 'emailOrPhone',
				description:
					'A lead whose client has the e-mail or the phone given (one lookup for each one given)',
			},
			{
				name: 'Phone',
				value: 'phone',
				description:
					'The lead whose client has the Client › Phone given, compared on its digits only',
			},
		],
		default: 'email',
		schema: () => z.enum(MATCH_ON).default('email'),
		text: "What identifies the client's lead. SML's filters find the leads whose client e-mail or phone contains the value; only exact matches count.",
	},
	{
		name: 'matchStatuses',
		label: 'Match Leads in Status',
		kind: 'enum',
		api: false,
		options: leadStatusOptions,
		// Every status but end (OPEN_STATUSES), written out for n8n's lint.
		property: { type: 'multiOptions', default: ['new', 'commercial_management', 'tracing'] },
		schema: () => statusList,
		text: 'Only leads in these statuses are matched. By default every status but End, so a client who comes back after a closed lead gets a new lead.',
	},
	{
		name: 'whenFound',
		label: 'When Found',
		kind: 'enum',
		api: false,
		options: [
			{
				name: 'Do Nothing and Output It',
				value: 'nothing',
				description: 'Output the lead found as it is, without changing it',
			},
			{
				name: 'Update the Lead',
				value: 'update',
				description:
					'Write the given fields into the lead, keeping the IDs of its client, vehicle, notes, tags and tasks (given notes, tags and tasks are added)',
			},
		],
		default: 'update',
		schema: () => z.enum(['update', 'nothing']).default('update'),
		text: 'What to do with the lead found',
	},
	{
		name: 'whenSeveral',
		label: 'When Several Match',
		kind: 'enum',
		api: false,
		options: [
			{
				name: 'Fail the Item',
				value: 'fail',
				description: 'Fail the item with the IDs of the matching leads; nothing is sent',
			},
			{
				name: 'Update the Newest (Highest ID)',
				value: 'newest',
				description: 'Use the lead with the highest ID (with Do Nothing, that lead is output)',
			},
		],
		default: 'newest',
		schema: () => z.enum(['newest', 'fail']).default('newest'),
		text: 'What to do when more than one lead matches',
	},
]);

const options = inCollection(
	[
		{
			...concessionaires,
			property: {
				...concessionaires.property,
				description:
					'Match only leads of these concessionaires (API field: concessionaire__in). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		},
	],
	{ name: 'options', label: 'Options', placeholder: 'Add Option' },
);

const schema = z
	.object<ZodRawShape>({
		...createShape,
		...matchFields.shape,
		...options.shape,
	})
	.superRefine((params, ctx) => {
		const matchOn = params.matchOn as MatchRule['matchOn'];
		const { email, phone } = params.client as IDataObject;
		const when = `when Match On is ${MATCH_ON_NAMES[matchOn]}`;
		const issue = (path: string[], message: string) =>
			ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });
		if (matchOn === 'emailOrPhone' && email === undefined && phone === undefined)
			issue(['client'], `needs an E-Mail or a Phone ${when}`);
		if ((matchOn === 'email' || matchOn === 'emailAndPhone') && email === undefined)
			issue(['client', 'email'], `is required ${when}`);
		if ((matchOn === 'phone' || matchOn === 'emailAndPhone') && phone === undefined)
			issue(['client', 'phone'], `is required ${when}`);
		if (matchOn !== 'email' && phone !== undefined && !phoneDigits(phone))
			issue(['client', 'phone'], `must contain digits to be matched on`);
	});

const ruleOf = (params: IDataObject): MatchRule => {
	const client = params.client as IDataObject;
	return {
		matchOn: params.matchOn as MatchRule['matchOn'],
		email: client.email as string | undefined,
		phone: client.phone as string | undefined,
		statuses: params.matchStatuses as string[],
		concessionaires: (params.options as IDataObject).concessionaire__in as string | undefined,
	};
};

const withAction = (lead: unknown, action: string, matchedBy: string | null): IDataObject => ({
	...(typeof lead === 'object' && lead !== null && !Array.isArray(lead)
		? (lead as IDataObject)
		: { data: lead as IDataObject[string] }),
	action,
	matchedBy,
});

async function createOrUpdateLead(ctx: RunContext, params: IDataObject) {
	const found = await findLeads(ctx, ruleOf(params));
	const changes = createChanges(params);
	if (!found.length) {
		const created = await ctx.request({ method: 'POST', path: ctx.path, body: leadBody(changes) });
		return withAction(created, 'created', null);
	}
	const ids = found.map(({ lead }) => lead.id);
	if (found.length > 1 && params.whenSeveral === 'fail') {
		throw new NodeOperationError(
			ctx.fn.getNode(),
			`SML: ${found.length} leads match (IDs ${ids.join(', ')}); When Several Match is Fail the Item, so nothing was created or changed`,
			{
				itemIndex: ctx.itemIndex,
				description:
					'Close or merge the extra leads in SML, narrow Match Leads in Status or the concessionaires, or set When Several Match to Update the Newest.',
			},
		);
	}
	const [{ lead, matchedBy }] = found;
	if (params.whenFound === 'nothing') return withAction(lead, 'unchanged', matchedBy);
	const leadId = Number(lead.id);
	// The lookup checked its ID; what is left to check is what the update copies IDs from.
	const problem = leadAnswerProblem(lead, leadId);
	if (problem) {
		throw new NodeOperationError(
			ctx.fn.getNode(),
			`SML: Lead > Create or Update found ${problem}; nothing was sent, so nothing was changed`,
			{
				itemIndex: ctx.itemIndex,
				description:
					'The update keeps the IDs of the nested objects the lookup shows, and SML deletes and recreates any it gets without one, so the lead must be readable. Check the lead in SML.',
			},
		);
	}
	const path = fillPath(LEAD_PATH, { leadId });
	const updated = await ctx.request({ method: 'PATCH', path, body: leadBody(changes, lead) });
	return withAction(updated, 'updated', matchedBy);
}

export const createOrUpdate = defineOperation({
	resource: 'lead',
	operation: 'createOrUpdate',
	name: 'Create or Update',
	action: 'Create or update a lead',
	description:
		"Find the client's lead by e-mail and/or phone (exact match) and update it, or create a lead when none matches; items with the same e-mail or phone run one after the other",
	method: 'POST',
	path: '/api/lead/',
	properties: [...createFields.properties, ...matchFields.properties, ...options.properties],
	schema,
	serialKeys: (params) => serialKeysOf(ruleOf(params)),
	run: createOrUpdateLead,
});
