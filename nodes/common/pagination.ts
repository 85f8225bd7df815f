import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import type { OperationContext, RequestPlan } from './operation';

/** Largest page asked for when walking all pages. */
export const MAX_PAGE_SIZE = 100;

/** The Return All / Limit pair n8n users expect on every list. */
export function paginationProperties(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

export const paginationSchema = {
	returnAll: z.boolean().default(false),
	limit: z.coerce.number().int().positive('must be at least 1').default(50),
};

export interface PageRequest {
	returnAll: boolean;
	limit: number;
	/** Records per request (`page_size`); defaults to the limit, or MAX_PAGE_SIZE for Return All. */
	pageSize?: number;
	/** First page to read (`page`), 1 by default. */
	startPage?: number;
}

interface Page {
	results: IDataObject[];
	next: string | null;
	count?: number;
}

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
 * Walks a Django-REST-framework list (`{count, next, previous, results}`) page by page with
 * `page` and `page_size`, until the limit is reached or `next` is empty.
 */
export async function fetchPages(
	ctx: OperationContext,
	plan: RequestPlan,
	{ returnAll, limit, pageSize, startPage = 1 }: PageRequest,
): Promise<IDataObject[]> {
	const size = pageSize ?? (returnAll ? MAX_PAGE_SIZE : Math.min(limit, MAX_PAGE_SIZE));
	const records: IDataObject[] = [];
	for (let page = startPage; ; page++) {
		const body = await ctx.request({ ...plan, qs: { ...plan.qs, page, page_size: size } });
		const { results, next, count } = asPage(body);
		records.push(...results);
		if (!next || results.length === 0) break;
		if (!returnAll && records.length >= limit) break;
		// A server that ignores `page` would repeat itself forever: `count` bounds the walk.
		if (count !== undefined && (page - startPage + 1) * size >= count) break;
	}
	return returnAll ? records : records.slice(0, limit);
}
