/**
 * Searching the records of any module (contacts, leads, custom modules) through the generic
 * custom/*.php endpoints: by date range (queryDates.php) or by the value of a field (query.php).
 */
import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import type { FieldDef } from '../../../common/fields/fieldDef';
import { combine, inCollection, required } from '../../../common/fields/fieldSet';
import type { AnyOperationSpec } from '../../../common/execution/operation';
import { defineOperation } from '../../../common/execution/operation';
import { LISTS_VERSION, beforeListsVersion } from '../../../common/execution/pagination';
import { OPTIONS, atLeastOne, moduleField } from '../../fields';

/* ---------------------------------------------------------- search by date */

/** A bound of the range, sent as Y-m-d H:i in the clock time given: wolkvox documents no time zone. */
const bound = (name: string, label: string, text: string): FieldDef => ({
	name,
	label,
	kind: 'date',
	date: { format: 'Y-m-d H:i', zone: 'asGiven' },
	text: `${text}; sent as Y-m-d H:i, in the time given (wolkvox documents no time zone)`,
});

const searchByDateFields = combine(
	moduleField,
	required([bound('from', 'From', 'Start of the range'), bound('to', 'To', 'End of the range')]),
);

/**
 * Before Return All / Limit, the vendor's `limit` was Options > Record Limit: still shown in the
 * node versions that may have saved it, where a saved value means Return All off, Limit that value.
 */
const legacyOptions = inCollection(
	[
		{
			name: 'recordLimit',
			label: 'Record Limit',
			api: 'limit',
			kind: 'integer',
			default: 50,
			text: 'Max number of records to return (this version of the node; later ones use Limit)',
			property: { typeOptions: { minValue: 1 } },
			schema: atLeastOne,
		},
	],
	OPTIONS,
);

interface SearchByDate extends IDataObject {
	module: string;
	from: string;
	to: string;
	returnAll: boolean;
	limit: number;
}

const searchByDate = defineOperation({
	resource: 'record',
	operation: 'searchByDate',
	name: 'Search by Date Range',
	action: 'Search records by date range',
	description: 'Find the records of a module within a date range',
	method: 'POST',
	path: '/server/API/v2/custom/queryDates.php',
	// wolkvox documents a `limit` and no page: one request, with Limit sent as `limit`. Saved
	// workflows (published before the pair) keep every record: Return All starts on before LISTS_VERSION.
	paginate: { returnAllBefore: LISTS_VERSION },
	properties: [...searchByDateFields.properties, ...beforeListsVersion(legacyOptions.properties)],
	schema: z
		.object({ ...searchByDateFields.shape, ...legacyOptions.shape })
		.superRefine((params, ctx) => {
			const { from, to } = params as { from?: string; to?: string };
			if (from !== undefined && to !== undefined && from > to) {
				ctx.addIssue({
					code: z.ZodIssueCode.custom,
					path: ['to'],
					message: 'must not be before From',
				});
			}
		})
		.transform(({ options, ...params }) => {
			const { recordLimit } = options as { recordLimit?: number };
			return recordLimit === undefined
				? params
				: { ...params, returnAll: false, limit: recordLimit };
		}) as unknown as z.ZodType<SearchByDate, z.ZodTypeDef, unknown>,
	// `date: true` switches the date-range search on; the vendor's example writes the limit as text.
	request: ({ module, from, to, returnAll, limit }) => ({
		body: { module, date: true, from, to, ...(returnAll ? {} : { limit: String(limit) }) },
	}),
});

/* --------------------------------------------------------- search by field */

export const QUERY_PATH = '/server/API/v2/custom/query.php';

/** query.php's body: the records of `module` whose `field` has `value`. */
export const queryBody = (module: string, field: string, value: string): IDataObject => ({
	module,
	field,
	value,
});

const searchFields = combine(
	moduleField,
	required([
		{
			name: 'field',
			label: 'Field',
			placeholder: 'e.g. emailcontact',
			text: 'Field of the module to filter on, as the CRM names it',
		},
		{ name: 'value', label: 'Value', text: 'Value to look for' },
	]),
);

const search = defineOperation({
	resource: 'record',
	operation: 'search',
	name: 'Search by Field',
	action: 'Search records by field',
	description: 'Find the records of a module whose field has a value, e.g. a contact by its e-mail',
	method: 'POST',
	path: QUERY_PATH,
	// wolkvox documents no paging nor limit here: one request, cut to Limit. Saved workflows
	// (published before the pair) keep every record: Return All starts on before LISTS_VERSION.
	paginate: { returnAllBefore: LISTS_VERSION },
	properties: searchFields.properties,
	schema: z.object(searchFields.shape),
	request: ({ module, field, value }) => ({ body: queryBody(module, field, value) }),
});

export const recordSearchOperations: AnyOperationSpec[] = [searchByDate, search];
