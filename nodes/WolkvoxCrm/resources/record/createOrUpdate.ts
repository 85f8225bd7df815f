/**
 * Record > Create or Update: custom/query.php by one field of the module, an exact comparison
 * here (lookup.ts), then insert.php (no match) or update.php (a match). Never creates on doubt: a
 * lookup that fails or cannot be read fails the item before anything is written.
 */
import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { optionalEnum } from '../../../common/fields/schemas';
import { combine, optionalTopLevel, required } from '../../../common/fields/fieldSet';
import { appendDescription } from '../../../common/wire/http';
import type { RunContext } from '../../../common/execution/operation';
import { defineOperation } from '../../../common/execution/operation';
import { headerValueProblem, pathSegmentProblem } from '../../../common/fields/pathSegments';
import { fieldsFrom, moduleField } from '../../fields';
import { wolkvoxApi } from '../../transport';
import type { FoundRecord } from './lookup';
import { comparable, exactMatches, givenValue, hasOwn, newestOf, readLookup } from './lookup';
import { QUERY_PATH, queryBody } from './search';
import type { RecordParams } from './write';
import { INSERT_PATH, insertBody, recordInput, recordSchema, updatePlan } from './write';

const QUOTA =
	"Each item spends two requests of the token's daily quota: the lookup, then the insert or update";

const matchField = required([
	{
		name: 'matchField',
		label: 'Match On Field',
		api: 'field',
		placeholder: 'e.g. emailcontact',
		text: `API name of the module's field that identifies a record, e.g. emailcontact; its value is taken from Fields below and compared trimmed and ignoring case. ${QUOTA}`,
	},
]);

const WHEN_FOUND = ['update', 'nothing'] as const;
const WHEN_SEVERAL = ['newest', 'fail'] as const;

const choices = optionalTopLevel([
	{
		name: 'whenFound',
		label: 'When Found',
		kind: 'enum',
		api: false,
		options: [
			{
				name: 'Update the Record',
				value: 'update',
				description: 'Send the fields to update.php for the record found',
			},
			{
				name: 'Do Nothing and Output It',
				value: 'nothing',
				description: 'Write nothing; output the record as the lookup found it',
			},
		],
		default: 'update',
		text: 'What to do when a record of the module has the same value',
		schema: () => optionalEnum(WHEN_FOUND).transform((value) => value ?? 'update'),
	},
	{
		name: 'whenSeveral',
		label: 'When Several Match',
		kind: 'enum',
		api: false,
		options: [
			{
				name: 'Update the Newest',
				value: 'newest',
				description:
					'The record with the highest wolkvox_id, the most recently created (with Do Nothing, the one output)',
			},
			{
				name: 'Fail the Item',
				value: 'fail',
				description: 'Write nothing and fail the item, listing the matching record IDs',
			},
		],
		default: 'newest',
		text: 'What to do when several records of the module have the same value',
		schema: () => optionalEnum(WHEN_SEVERAL).transform((value) => value ?? 'newest'),
	},
]);

const fields = combine(moduleField, matchField, recordInput, choices);

type Params = RecordParams & {
	matchField: string;
	whenFound: (typeof WHEN_FOUND)[number];
	whenSeveral: (typeof WHEN_SEVERAL)[number];
};

/** The value matched on: the record's own field named by Match On Field. */
const matchValue = (params: Params) => givenValue(fieldsFrom(params)[params.matchField]) ?? '';

const schema = recordSchema<Omit<Params, keyof RecordParams>>(fields).superRefine((params, ctx) => {
	const given = fieldsFrom(params);
	if (!params.matchField || !Object.keys(given).length) return;
	const name = params.matchField;
	const problem = !hasOwn(given, name)
		? `is "${name}", which is not among the record's Fields: add it there with the value to match`
		: givenValue(given[name]) === undefined
			? `is "${name}", whose value in Fields is empty: give the value to match`
			: undefined;
	if (problem)
		ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['matchField'], message: problem });
});

const failure = (ctx: RunContext, message: string, description: string) =>
	new NodeOperationError(ctx.fn.getNode(), `${wolkvoxApi.displayName}: ${message}`, {
		itemIndex: ctx.itemIndex,
		description,
	});

const NOTHING_WRITTEN = 'Nothing was created or updated for this item.';

/** The records of the module whose field has the value, read to the end or not at all. */
async function lookUp(ctx: RunContext, params: Params, value: string): Promise<FoundRecord[]> {
	const plan = {
		method: 'POST' as const,
		path: ctx.path,
		body: queryBody(params.module, params.matchField, value),
	};
	let body: unknown;
	try {
		body = (await ctx.requestRaw(plan)).body;
	} catch (error) {
		throw appendDescription(
			error as Error,
			`The lookup failed, so no record was created: a record is never created while the lookup is in doubt. ${NOTHING_WRITTEN}`,
		);
	}
	const reading = readLookup(body, params.matchField);
	if ('problem' in reading) {
		throw failure(
			ctx,
			`the lookup (${plan.method} ${plan.path}) answered what Create or Update cannot read: ${reading.problem}`,
			`A record is never created while the lookup is in doubt. ${NOTHING_WRITTEN}`,
		);
	}
	return exactMatches(reading.records, value);
}

/** The answer of a write, as the other record operations output it (its data). */
const written = (answer: unknown): IDataObject =>
	typeof answer === 'object' && answer !== null && !Array.isArray(answer)
		? (answer as IDataObject)
		: { data: answer as IDataObject[string] };

async function createOrUpdateRecord(ctx: RunContext, params: Params): Promise<IDataObject> {
	const value = matchValue(params);
	const matches = await lookUp(ctx, params, value);
	// Written trimmed, so that a later lookup of the same value finds the record again.
	const given = fieldsFrom(params);
	const own = given[params.matchField];
	const record = { ...given, [params.matchField]: typeof own === 'string' ? own.trim() : own };
	if (!matches.length) {
		const answer = await ctx.request({
			method: 'POST',
			path: INSERT_PATH,
			body: insertBody(params.module, record),
		});
		return { ...written(answer), action: 'created', matchedBy: null };
	}
	if (matches.length > 1 && params.whenSeveral === 'fail') {
		throw failure(
			ctx,
			`${matches.length} records of ${params.module} have ${params.matchField} "${value}": ${matches.map(({ id }) => id).join(', ')}`,
			`When Several Match is Fail the Item. ${NOTHING_WRITTEN} Merge the records in the CRM, or choose Update the Newest.`,
		);
	}
	const found = newestOf(matches);
	if (params.whenFound === 'nothing') {
		return { ...found.record, action: 'unchanged', matchedBy: params.matchField };
	}
	// The ID came from the vendor and goes into a header: it must be one clean value.
	const problem = headerValueProblem(found.id) ?? pathSegmentProblem(found.id);
	if (problem) {
		throw failure(
			ctx,
			`the lookup gave a record ID that cannot be sent back: it ${problem}`,
			NOTHING_WRITTEN,
		);
	}
	const answer = await ctx.request(updatePlan(params.module, found.id, record));
	return {
		wolkvox_id: found.id,
		...written(answer),
		action: 'updated',
		matchedBy: params.matchField,
	};
}

export const recordCreateOrUpdate = defineOperation<Params>({
	resource: 'record',
	operation: 'createOrUpdate',
	name: 'Create or Update',
	action: 'Create or update a record',
	description: `Find a record by one field's value (query.php) and update it, or insert it when none has that value. ${QUOTA}.`,
	method: 'POST',
	path: QUERY_PATH,
	properties: fields.properties,
	schema,
	// Items of one execution with the same value run in order, so the second finds the first.
	serialKeys: (params) => [
		[params.module, params.matchField, comparable(matchValue(params))].join('\u0000'),
	],
	run: createOrUpdateRecord,
});
