import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { booleanOr, positiveIntegerOr } from '../fields/schemas';
import type {
	EngineFunctions,
	OperationContext,
	OperationSpec,
	RequestPlan,
	VendorPages,
} from './operation';
import { onlyInTool, TOOL_LIMIT } from './toolVariant';
import { LOCATOR_VERSION, beforeVersion, fromVersion } from './versions';

/**
 * The node version that gave every list Return All / Limit (with resource locators and Simplify).
 * A list published before it without the pair (`paginate: { returnAllBefore: LISTS_VERSION }`)
 * starts with Return All on in the older versions: their saved workflows carry neither parameter,
 * n8n gives them the defaults, and they must keep their whole list. Later versions have n8n's usual
 * defaults (Return All off, Limit 50).
 */
export const LISTS_VERSION = LOCATOR_VERSION;

/** Whether Return All starts on for this operation in this version of the node. */
export const returnAllDefault = (paginate: OperationSpec['paginate'], typeVersion: number) =>
	typeof paginate === 'object' && typeVersion < paginate.returnAllBefore;

/** The Return All / Limit pair n8n users expect on every list. */
export function paginationProperties(
	paginate: OperationSpec['paginate'] = true,
): INodeProperties[] {
	const returnAll: INodeProperties = {
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	};
	const limit: INodeProperties = {
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	};
	// The AI tool variant starts lower: the whole list goes into the model's context.
	const limits = [onlyInTool(limit, false), onlyInTool({ ...limit, default: TOOL_LIMIT }, true)];
	if (typeof paginate !== 'object') return [returnAll, ...limits];
	return [
		beforeVersion(paginate.returnAllBefore, { ...returnAll, default: true }),
		fromVersion(paginate.returnAllBefore, returnAll),
		...limits,
	];
}

/**
 * A list's own limit option from before the pair (e.g. wolkvox's Options > Record Limit): shown, and
 * so kept by n8n, only in the node versions before LISTS_VERSION that may have saved it. The spec
 * reads a saved value as Return All off and Limit that value.
 */
export function beforeListsVersion(properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) =>
		property.type === 'collection'
			? {
					...property,
					options: (property.options as INodeProperties[]).map((option) =>
						beforeVersion(LISTS_VERSION, option),
					),
				}
			: beforeVersion(LISTS_VERSION, property),
	);
}

export const paginationSchema = {
	// booleanOr / positiveIntegerOr: "true" and "20" typed as text (an expression, an AI agent's $fromAI()) are read.
	returnAll: booleanOr(false),
	limit: positiveIntegerOr(50),
};

/** The pair as the engine reads it for every operation with `paginate`, whatever its own schema keeps. */
export const pageRequestSchema = (paginate: OperationSpec['paginate'], typeVersion: number) =>
	z.object({
		...paginationSchema,
		returnAll: booleanOr(returnAllDefault(paginate, typeVersion)),
	});

export interface PageRequest {
	returnAll: boolean;
	limit: number;
	/**
	 * Records per request; defaults to the limit, or the vendor's maxPageSize for Return All.
	 * `all` asks for the whole list in one answer where the vendor documents it.
	 */
	pageSize?: number | 'all';
	/** First page to read, 1 by default. */
	startPage?: number;
}

/**
 * Last resort for a server that announces no `count` (or one that grows with every page): no SML
 * list comes near it (10,000 pages are a million records at the default page size).
 */
export const MAX_PAGES = 10_000;

/** What identifies a page's records whatever their order: their ids, or the records themselves. */
function pageSignature(results: IDataObject[]): string {
	const keys = results.map((record) =>
		record !== null && typeof record === 'object' && record.id !== undefined && record.id !== null
			? `id:${JSON.stringify(record.id)}`
			: `record:${JSON.stringify(record)}`,
	);
	return JSON.stringify(keys.sort());
}

/**
 * Walks a vendor's list page by page with our own page numbers and size (`pages.query`), until
 * the limit is reached or `next` is empty. `next` only says "there is more": its URL is the
 * server's and may name another host, so it is never requested.
 *
 * Pages may be smaller than asked (e.g. DRF's `max_page_size`), so only `next` ends the walk. What
 * bounds it: a DRF page that carries `next` is a full page and the records before the following
 * one are fewer than its `count`, so having read `count` records while `next` is still set means
 * the server is not paging (a whole page seen twice says the same sooner). A page that repeats
 * an earlier one, records read reaching `count` with `next` still set, an empty page that points
 * to a next one, or MAX_PAGES pages all stop the walk with an error rather than with part of the
 * list, since a short list that looks complete is what this walk must never return.
 */
export async function fetchPages(
	ctx: Pick<OperationContext, 'request'> &
		Partial<Pick<OperationContext, 'itemIndex' | 'vendor'>> & {
			fn: Pick<EngineFunctions, 'getNode'>;
		},
	plan: RequestPlan,
	{ returnAll, limit, pageSize, startPage = 1 }: PageRequest,
	pages: VendorPages,
): Promise<IDataObject[]> {
	const size = pageSize ?? (returnAll ? pages.maxPageSize : Math.min(limit, pages.maxPageSize));
	const records: IDataObject[] = [];
	const seen = new Map<string, number>();
	const fail = (problem: string, description: string): never => {
		const vendor = ctx.vendor ? `${ctx.vendor}: ` : '';
		throw new NodeOperationError(
			ctx.fn.getNode(),
			`${vendor}${plan.method} ${plan.path} stopped: ${problem}`,
			{
				itemIndex: ctx.itemIndex,
				description: `${description} Nothing from this list was output, so that a partial list is not taken for the whole one.`,
			},
		);
	};
	// With Return All, the page after the next one is asked for while the next one travels, when
	// `count` says it exists: the walk then waits for the network about half as long. A page read
	// ahead and not needed after all is dropped (a GET, so nothing is changed by asking).
	const asked = new Map<number, Promise<unknown>>();
	const ask = (page: number) => {
		let answer = asked.get(page);
		if (!answer) {
			answer = ctx.request({ ...plan, qs: { ...plan.qs, ...pages.query(page, size) } });
			answer.catch(() => {});
			asked.set(page, answer);
		}
		return answer;
	};
	let remaining: number | undefined;
	let pageLength = 0;
	for (let page = startPage; ; page++) {
		const answer = ask(page);
		if (returnAll && remaining !== undefined && pageLength > 0 && remaining > pageLength)
			void ask(page + 1);
		const body = await answer;
		asked.delete(page);
		const { results, next, count } = pages.read(body);
		pageLength = results.length;
		remaining = count === undefined ? undefined : count - records.length - results.length;
		if (results.length === 0) {
			if (next) {
				fail(
					`page ${page} was empty but still pointed to a next page`,
					'The server said more records follow yet sent none, so the rest of the list cannot be reached.',
				);
			}
			break;
		}
		const signature = pageSignature(results);
		const earlier = seen.get(signature);
		if (earlier !== undefined) {
			fail(
				`page ${page} repeated the records of page ${earlier}`,
				'The server seems to ignore the "page" parameter, so the rest of the list cannot be reached.',
			);
		}
		seen.set(signature, page);
		records.push(...results);
		if (!next) break;
		if (!returnAll && records.length >= limit) break;
		if (count !== undefined && records.length >= count) {
			fail(
				`the server kept pointing to more pages past the ${count} records its count announced (${records.length} read by page ${page})`,
				'The server does not page this list as it says it does.',
			);
		}
		if (page - startPage + 1 >= MAX_PAGES) {
			fail(
				`${MAX_PAGES} pages were read and the server still points to a next page`,
				'Use Limit, or a larger Page Size, to read fewer pages.',
			);
		}
	}
	return returnAll ? records : records.slice(0, limit);
}

/**
 * A vendor that documents no paging answers its whole list at once: Return All keeps it, Limit
 * keeps its first records. The list is the (unwrapped) answer when it is an array; any other
 * answer is one record, or none, and is left as it is.
 */
export function firstRecords<T>(
	list: T,
	{ returnAll, limit }: Pick<PageRequest, 'returnAll' | 'limit'>,
): T {
	return !returnAll && Array.isArray(list) ? (list.slice(0, limit) as T) : list;
}
