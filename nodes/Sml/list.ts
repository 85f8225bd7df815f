import type { IDataObject, INodeProperties } from 'n8n-workflow';
import type { ZodTypeAny } from 'zod';
import { z } from 'zod';

import { compact, optionalInteger, optionalText } from '../common/fields';
import type { AnyOperationSpec } from '../common/operation';
import { defineOperation } from '../common/operation';
import { paginationSchema } from '../common/pagination';

interface ListDefinition {
	resource: string;
	/** Plural noun for labels, e.g. "leads". */
	noun: string;
	path: string;
	/** Filters the API documents besides `search`, as n8n properties... */
	filters?: INodeProperties[];
	/** ...and their schema, keyed by API name. */
	filterShape?: Record<string, ZodTypeAny>;
	/** Parameters outside the Filters collection (e.g. a required country). */
	properties?: INodeProperties[];
	shape?: Record<string, ZodTypeAny>;
	/** Whether the kit documents `search` for this list. */
	search?: boolean;
}

const searchFilter: INodeProperties = {
	displayName: 'Search',
	name: 'search',
	type: 'string',
	default: '',
	description: 'Text matched against any attribute (API field: search)',
};

const pageOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'All in One Request',
			name: 'allAtOnce',
			type: 'boolean',
			default: false,
			description:
				'Whether to ask SML for the whole list in one answer (page_size=all) instead of pages of up to 1,000 records. Fastest for long lists, but the whole answer is held in memory at once (about 1 KB per lead: some 100 MB for 100,000 leads).',
		},
		{
			displayName: 'Page Size',
			name: 'page_size',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 100,
			description: 'How many records to ask for per request (API field: page_size)',
		},
		{
			displayName: 'Start Page',
			name: 'page',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 1,
			description: 'Page to start reading from (API field: page)',
		},
	],
};

/** An expression can bring 0 or less past the fields' minValue: the walk needs 1 or more. */
const atLeastOne = () => optionalInteger().pipe(z.number().min(1, 'must be at least 1').optional());

/** A "Get Many" over a paged SML list (`{count, next, previous, results}`). */
export function listOperation(definition: ListDefinition): AnyOperationSpec {
	const filters = [...(definition.filters ?? []), ...(definition.search === false ? [] : [searchFilter])].sort(
		(a, b) => a.displayName.localeCompare(b.displayName),
	);
	const filterShape = { ...definition.filterShape, ...(definition.search === false ? {} : { search: optionalText() }) };
	return defineOperation({
		resource: definition.resource,
		operation: 'getAll',
		name: 'Get Many',
		action: `Get many ${definition.noun}`,
		description: `Retrieve a list of ${definition.noun}`,
		method: 'GET',
		path: definition.path,
		paginate: true,
		properties: [
			...(definition.properties ?? []),
			...(filters.length
				? [
						{
							displayName: 'Filters',
							name: 'filters',
							type: 'collection' as const,
							placeholder: 'Add Filter',
							default: {},
							options: filters,
						},
					]
				: []),
			pageOptions,
		],
		schema: z
			.object({
				...definition.shape,
				...paginationSchema,
				filters: z.object(filterShape).default({}),
				options: z.object({ allAtOnce: z.boolean().optional(), page_size: atLeastOne(), page: atLeastOne() }).default({}),
			})
			.transform(({ filters: given, options, ...rest }) => ({
				...rest,
				filters: compact(given as IDataObject),
				pageSize: options.allAtOnce ? ('all' as const) : options.page_size,
				startPage: options.page,
			})),
		request: ({ filters: given, returnAll, limit, pageSize, startPage, ...required }) => ({
			qs: { ...required, ...given },
		}),
	});
}
