/**
 * Searching the records of any module (contacts, leads, custom modules) through the generic
 * custom/*.php endpoints: by date range (queryDates.php) or by the value of a field (query.php).
 */
import { z } from 'zod';

import type { FieldDef } from '../../../common/fieldSet';
import { combine, optional, required } from '../../../common/fieldSet';
import type { AnyOperationSpec } from '../../../common/operation';
import { defineOperation } from '../../../common/operation';
import { OPTIONS, atLeastOne, moduleField, schemaOf } from '../../fields';

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
	optional(
		[
			{
				name: 'recordLimit',
				label: 'Record Limit',
				api: 'limit',
				kind: 'integer',
				default: 50,
				text: 'Max number of records to return',
				property: { typeOptions: { minValue: 1 } },
				schema: atLeastOne,
			},
		],
		OPTIONS,
	),
);

const searchByDate = defineOperation({
	resource: 'record',
	operation: 'searchByDate',
	name: 'Search by Date Range',
	action: 'Search records by date range',
	description: 'Find the records of a module within a date range',
	method: 'POST',
	path: '/server/API/v2/custom/queryDates.php',
	properties: searchByDateFields.properties,
	schema: schemaOf<{ module: string; from: string; to: string; options: { recordLimit?: number } }>(
		searchByDateFields,
	).superRefine((params, ctx) => {
		if (params.from > params.to) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['to'],
				message: 'must not be before From',
			});
		}
	}),
	// `date: true` switches the date-range search on; the vendor's example writes the limit as text.
	request: ({ module, from, to, options }) => ({
		body: {
			module,
			date: true,
			from,
			to,
			...(options.recordLimit !== undefined ? { limit: String(options.recordLimit) } : {}),
		},
	}),
});

/* --------------------------------------------------------- search by field */

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
	description: 'Find the records of a module whose field has a value',
	method: 'POST',
	path: '/server/API/v2/custom/query.php',
	properties: searchFields.properties,
	schema: z.object(searchFields.shape),
	request: ({ module, field, value }) => ({ body: { module, field, value } }),
});

export const recordSearchOperations: AnyOperationSpec[] = [searchByDate, search];
