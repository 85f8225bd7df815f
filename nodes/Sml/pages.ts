import type { IDataObject } from 'n8n-workflow';

import type { Page, VendorPages } from '../common/pagination';

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
