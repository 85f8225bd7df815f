/** SML's lists: how a page is asked for and read, and the Get Many every list offers. */
import type { IDataObject } from 'n8n-workflow';
import type { ZodRawShape } from 'zod';
import { z } from 'zod';

import { compact, optionalInteger } from '../common/fields/schemas';
import type { FieldDef } from '../common/fields/fieldDef';
import type { FieldSet } from '../common/fields/fieldSet';
import { inCollection } from '../common/fields/fieldSet';
import type { AnyOperationSpec, Page, VendorPages } from '../common/execution/operation';
import { defineOperation } from '../common/execution/operation';
import { paginationSchema } from '../common/execution/pagination';
import { simplifiedOutput, simplifyProperty, simplifyShape } from '../common/execution/simplify';

/** Reads a DRF page; a plain array (e.g. `page_size=all` on some servers) is one whole page. */
export function asPage(body: unknown): Page {
	if (Array.isArray(body)) return { results: body as IDataObject[], next: null };
	const page = body as { results?: unknown; next?: unknown; count?: unknown };
	if (page && Array.isArray(page.results)) {
		return {
			results: page.results as IDataObject[],
			next: (page.next as string | null) ?? null,
			count: typeof page.count === 'number' ? page.count : undefined,
		};
	}
	return { results: body ? [body as IDataObject] : [], next: null };
}

/**
 * SML's lists are Django REST framework's: `{count, next, previous, results}`, asked for with
 * `page` and `page_size` (a number, or `all` for the whole list in one answer).
 */
export const smlPages: VendorPages = {
	query: (page, size) => ({ page, page_size: size }),
	read: asPage,
	// 100 requests for 100,000 leads.
	maxPageSize: 1000,
};

/* --------------------------------------------------------------- Get Many */

const SEARCH: FieldDef = {
	name: 'search',
	label: 'Search',
	text: 'Text matched against any attribute',
};

/** An expression can bring 0 or less past the fields' minValue: the walk needs 1 or more. */
const atLeastOne = () => optionalInteger().pipe(z.number().min(1, 'must be at least 1').optional());

const ALL_AT_ONCE: FieldDef = {
	name: 'allAtOnce',
	label: 'All in One Request',
	kind: 'boolean',
	// page_size=all, not a field of its own.
	api: false,
	text: 'Whether to ask SML for the whole list in one answer (page_size=all) instead of pages of up to 1,000 records. Fastest for long lists, but the whole answer is held in memory at once (about 1 KB per lead: some 100 MB for 100,000 leads).',
};

const pageOptions = inCollection(
	[
		ALL_AT_ONCE,
		{
			name: 'page_size',
			label: 'Page Size',
			kind: 'integer',
			default: 100,
			property: { typeOptions: { minValue: 1 } },
			schema: atLeastOne,
			text: 'How many records to ask for per request',
		},
		{
			name: 'page',
			label: 'Start Page',
			kind: 'integer',
			default: 1,
			property: { typeOptions: { minValue: 1 } },
			schema: atLeastOne,
			text: 'Page to start reading from',
		},
	],
	{ name: 'options', label: 'Options', placeholder: 'Add Option' },
);

interface ListDefinition {
	resource: string;
	/** Plural noun for labels, e.g. "leads". */
	noun: string;
	path: string;
	/** Filters the API documents besides `search`, in the order they are sent (the editor sorts them). */
	filters?: FieldDef[];
	/** Parameters outside the Filters collection (e.g. a required country). */
	fields?: FieldSet;
	/** Whether the kit documents `search` for this list. */
	search?: boolean;
	/** The resource's default operation (OperationSpec.default). */
	default?: true;
	/** Adds Simplify (version 2): each record through this when it is on. */
	simplify?: (record: IDataObject) => IDataObject;
}

/** A "Get Many" over a paged SML list (`{count, next, previous, results}`). */
export function listOperation(definition: ListDefinition): AnyOperationSpec {
	const filters = [...(definition.filters ?? []), ...(definition.search === false ? [] : [SEARCH])];
	const filterSet = inCollection(filters, {
		name: 'filters',
		label: 'Filters',
		placeholder: 'Add Filter',
	});
	return defineOperation({
		resource: definition.resource,
		operation: 'getAll',
		default: definition.default,
		name: 'Get Many',
		action: `Get many ${definition.noun}`,
		description: `Retrieve a list of ${definition.noun}`,
		method: 'GET',
		path: definition.path,
		paginate: true,
		properties: [
			...(definition.fields?.properties ?? []),
			...(definition.simplify ? [simplifyProperty] : []),
			...(filters.length ? filterSet.properties : []),
			...pageOptions.properties,
		],
		schema: z
			.object<ZodRawShape>({
				...definition.fields?.shape,
				...paginationSchema,
				...filterSet.shape,
				...(definition.simplify ? simplifyShape : {}),
				...pageOptions.shape,
			})
			// Into the engine's PageRequest (pageSize, startPage) and the query's filters.
			.transform(({ filters: given, options, ...rest }): IDataObject => ({
				...rest,
				filters: compact(given),
				pageSize: options.allAtOnce ? 'all' : options.page_size,
				startPage: options.page,
			})),
		request: ({
			filters: given,
			returnAll,
			limit,
			pageSize,
			startPage,
			simplify,
			...required
		}) => ({
			qs: { ...required, ...(given as IDataObject) },
		}),
		output: definition.simplify ? simplifiedOutput(definition.simplify) : undefined,
	});
}
