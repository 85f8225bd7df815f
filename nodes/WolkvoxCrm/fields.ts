/**
 * wolkvox fields that several operations share, each declared once with common/fields/fieldSet.ts: the
 * CRM module, a record's ID, a record's fields (name / value pairs or JSON), and the options of
 * the bulk operations. A case's fields are declared in caseFields.ts, attachments in
 * attachments.ts.
 */
import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { optionalInteger, requiredText } from '../common/fields/schemas';
import type { FieldDef } from '../common/fields/fieldDef';
import type { CollectionDef, FieldSet } from '../common/fields/fieldSet';
import { combine, list, optionalTopLevel, inCollection, required } from '../common/fields/fieldSet';
import type { LocatorDef } from '../common/fields/fieldDef';
import { headerSafeSegment, pathSegment } from '../common/fields/pathSegments';
import { WOLKVOX_SERVERS } from './server';

/** The validation of an operation's fields, typed as what its request reads (a FieldSet's shape is not). */
export const schemaOf = <P>(fields: FieldSet) =>
	z.object(fields.shape) as unknown as z.ZodType<P, z.ZodTypeDef, unknown>;

export const OPTIONS: CollectionDef = {
	name: 'options',
	label: 'Options',
	placeholder: 'Add Option',
};

export const moduleField = required([
	{
		name: 'module',
		label: 'Module',
		placeholder: 'e.g. contacts',
		text: 'Name of the CRM module: contacts, leads or a module of your operation such as Ventas',
	},
]);

/**
 * A record's ID is the last part of its address in the CRM's web app: from node version 2 the field
 * takes that address (By URL) or the ID (By ID). No From List: wolkvox lists records only by a
 * field's value or a date range of one module, and every call spends the token's daily quota.
 */
/** The documented servers as one regex alternative, dots escaped. */
const WEB_APP_HOSTS = WOLKVOX_SERVERS.map((host) => host.replace(/\./g, '\\.')).join('|');

const RECORD_LOCATOR: LocatorDef = {
	noun: 'record',
	id: { placeholder: 'e.g. 6074xxx0801374xxxxx781025xxx7d3', regex: '[^/\\\\\\s]+' },
	url: {
		placeholder: 'https://crm0001.wolkvox.com/.../6074xxx0801374xxxxx781025xxx7d3',
		// Only the vendor's CRM servers: the last part of any other address is no wolkvox ID. n8n checks
		// this pattern in the editor and again when the node runs; an expression meets it in the schema.
		extract: `^https?://(?:${WEB_APP_HOSTS})/(?:[^?#]*/)?([^/?#\\s]+)/?(?:[?#].*)?$`,
		where: `on ${WOLKVOX_SERVERS.slice(0, -1).join(', ')} or ${WOLKVOX_SERVERS.at(-1)} (the documented wolkvox servers); with a custom server, use By ID`,
	},
};

/**
 * The ID of a record (or case) the operation changes. It is held to the rule for values put into
 * a request (pathSegments.ts); Record > Update also sends it in the Wolkvox-id header.
 */
export const recordId = (text: string, { inHeader = false } = {}) =>
	required([
		{
			name: 'recordId',
			label: 'Record ID',
			api: 'wolkvox-id',
			placeholder: 'e.g. 6074xxx0801374xxxxx781025xxx7d3',
			text,
			schema: () => (inHeader ? headerSafeSegment() : pathSegment()),
			locator: RECORD_LOCATOR,
		},
	]);

/* -------------------------------------------------- record fields (pairs / JSON) */

/**
 * The fields of a record of any module, as Name / Value pairs or as a JSON object. Names are the
 * CRM field labels (e.g. "namecontact", "Tipo de cliente"); typed fields (address, search, table,
 * currency) need their object form, e.g. {"type": "address", "value": "..."}, so JSON is offered.
 * Only one such block exists per operation, hence fixed parameter names.
 */
export function recordFieldsInput(label: string, api: string, what: string): FieldSet {
	// How the fields are given: a choice of the node, not a field of the API.
	const input = optionalTopLevel([
		{
			name: 'fieldsInput',
			label: `${label} Input`,
			api: false,
			kind: 'enum',
			options: [
				{ name: 'Name / Value Pairs', value: 'pairs', description: 'One entry per field' },
				{
					name: 'JSON',
					value: 'json',
					description: 'An object, for typed fields such as address, search, table or currency',
				},
			],
			default: 'pairs',
			text: `How the ${what} are given`,
			schema: () => z.enum(['pairs', 'json']).default('pairs'),
		},
	]);
	// The names and values are the user's CRM fields, kept as given (a value may be a number).
	const pairs = list(
		{
			name: 'fieldPairs',
			label,
			placeholder: 'Add Field',
			api,
			text: `The ${what}, by CRM field name`,
			entry: { name: 'field', label: 'Field' },
			apiWord: 'field',
			show: { fieldsInput: ['pairs'] },
		},
		[
			{
				name: 'name',
				label: 'Name',
				api: false,
				text: 'Field name as the CRM shows it, e.g. namecontact or Tipo de cliente',
			},
			{ name: 'value', label: 'Value', api: false, text: 'Value of the field' },
		],
		z.object({ name: requiredText(), value: z.unknown() }),
	);
	const json = optionalTopLevel(
		[
			{
				name: 'fieldsJson',
				label: `${label} (JSON)`,
				api,
				kind: 'jsonObject',
				text: `The ${what} as a JSON object`,
				default: '{}',
				property: { type: 'json' },
			},
		],
		{ fieldsInput: ['json'] },
	);
	return combine(input, pairs, json);
}

export type RecordFieldsParams = {
	fieldsInput: 'pairs' | 'json';
	fieldPairs: Array<{ name: string; value?: unknown }>;
	fieldsJson?: IDataObject;
};

/** The record fields the user gave, from whichever input is shown. */
export function fieldsFrom(params: RecordFieldsParams): IDataObject {
	if (params.fieldsInput === 'json') return params.fieldsJson ?? {};
	return Object.fromEntries(
		params.fieldPairs.map(({ name, value }) => [name, (value ?? '') as IDataObject[string]]),
	);
}

/** A refinement for operations that need at least one field. */
export function requireFields(label: string) {
	return (params: RecordFieldsParams, ctx: z.RefinementCtx) => {
		if (!Object.keys(fieldsFrom(params)).length) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: [params.fieldsInput === 'json' ? 'fieldsJson' : 'fieldPairs'],
				message: `needs at least one ${label}`,
			});
		}
	};
}

/* ------------------------------------------------------------------- batch */

const DEFAULT_BATCH_SIZE = 50;

/** A whole number of at least 1, or nothing (then the default applies). */
export const atLeastOne = () =>
	optionalInteger().pipe(z.number().int().positive('must be at least 1').optional());

/** Options > Batch Size of a bulk operation, beside the operation's other options (`more`). */
export function batchOptions(noun: string, more: FieldDef[] = []): FieldSet {
	const batchSize: FieldDef = {
		name: 'batchSize',
		label: 'Batch Size',
		kind: 'integer',
		// A choice of the node: how many records one request carries.
		api: false,
		default: DEFAULT_BATCH_SIZE,
		property: { typeOptions: { minValue: 1 } },
		schema: atLeastOne,
		text: `How many ${noun} to send per request. All input items of the execution are sent together, in requests of this size.`,
	};
	return inCollection([batchSize, ...more], OPTIONS);
}

export const batchSizeOf = (params: { options: { batchSize?: number } }) =>
	params.options.batchSize ?? DEFAULT_BATCH_SIZE;
