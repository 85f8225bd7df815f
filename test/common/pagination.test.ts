import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { OperationContext, RequestPlan } from '../../nodes/common/execution/operation';
import {
	MAX_PAGES,
	fetchPages,
	firstRecords,
	pageRequestSchema,
	returnAllDefault,
} from '../../nodes/common/execution/pagination';
import { smlPages } from '../../nodes/Sml/pages';

const node: INode = {
	id: 'n',
	name: 'Node',
	type: 'test',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** A vendor answering each page number with what `answer` says; records the pages asked for. */
function vendor(answer: (page: number) => unknown) {
	const pages: number[] = [];
	const ctx = {
		fn: { getNode: () => node },
		itemIndex: 3,
		vendor: 'SML',
		request: async (plan: RequestPlan) => {
			const page = (plan.qs as IDataObject).page as number;
			pages.push(page);
			return answer(page);
		},
	} as unknown as OperationContext;
	return { ctx, pages };
}

const plan: RequestPlan = { method: 'GET', path: '/api/lead_history/7/get_history/' };
const all = { returnAll: true, limit: 50 };
const drf = (results: unknown[], next: boolean, count?: number) => ({
	...(count === undefined ? {} : { count }),
	next: next ? 'https://elsewhere.example/?page=x' : null,
	previous: null,
	results,
});

describe('fetchPages bounds', () => {
	test('without a count, a list whose `next` never ends stops after MAX_PAGES pages', async () => {
		const { ctx, pages } = vendor((page) => drf([{ id: page }], true));
		const error = await fetchPages(ctx, plan, all, smlPages).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as Error).message).toBe(
			`SML: GET /api/lead_history/7/get_history/ stopped: ${MAX_PAGES} pages were read and the server still points to a next page`,
		);
		expect((error as NodeOperationError).context.itemIndex).toBe(3);
		expect(pages).toHaveLength(MAX_PAGES);
	});

	test('records without ids: the same records in another order are a repeated page', async () => {
		const { ctx, pages } = vendor((page) =>
			drf(page === 1 ? [{ name: 'a' }, { name: 'b' }] : [{ name: 'b' }, { name: 'a' }], true, 10),
		);
		await expect(fetchPages(ctx, plan, all, smlPages)).rejects.toThrow(
			'SML: GET /api/lead_history/7/get_history/ stopped: page 2 repeated the records of page 1',
		);
		// Page 3 was asked for ahead (count said it exists) and is dropped with the error.
		expect(pages).toEqual([1, 2, 3]);
	});

	test('a page that repeats any earlier page, not only the one before, is caught', async () => {
		const { ctx, pages } = vendor((page) =>
			drf(page % 2 ? [{ id: 1 }, { id: 2 }] : [{ id: 3 }, { id: 4 }], true, 10),
		);
		await expect(fetchPages(ctx, plan, { ...all, startPage: 4 }, smlPages)).rejects.toThrow(
			'page 6 repeated the records of page 4',
		);
		// Page 7 was asked for ahead (count said it exists) and is dropped with the error.
		expect(pages).toEqual([4, 5, 6, 7]);
	});

	test('one record seen on two pages (a record added while paging shifts the list) is not an error', async () => {
		const answers: Record<number, unknown> = {
			1: drf([{ id: 1 }, { id: 2 }], true, 5),
			2: drf([{ id: 2 }, { id: 3 }], true, 6),
			3: drf([{ id: 4 }, { id: 5 }], false, 6),
		};
		const { ctx, pages } = vendor((page) => answers[page]);
		expect(await fetchPages(ctx, plan, all, smlPages)).toEqual([
			{ id: 1 },
			{ id: 2 },
			{ id: 2 },
			{ id: 3 },
			{ id: 4 },
			{ id: 5 },
		]);
		expect(pages).toEqual([1, 2, 3]);
	});

	test('an empty last page ends the list; a plain array is the whole list', async () => {
		const empty = vendor(() => drf([], false, 0));
		expect(await fetchPages(empty.ctx, plan, all, smlPages)).toEqual([]);
		const array = vendor(() => [{ id: 1 }, { id: 2 }, { id: 3 }]);
		expect(await fetchPages(array.ctx, plan, { returnAll: false, limit: 2 }, smlPages)).toEqual([
			{ id: 1 },
			{ id: 2 },
		]);
		expect([empty.pages, array.pages]).toEqual([[1], [1]]);
	});
});

describe('lists of a vendor without pages', () => {
	test('firstRecords: Limit keeps the first records of a list; Return All and non-lists are kept', () => {
		const list = [{ id: 1 }, { id: 2 }, { id: 3 }];
		expect(firstRecords(list, { returnAll: false, limit: 2 })).toEqual([{ id: 1 }, { id: 2 }]);
		expect(firstRecords(list, { returnAll: true, limit: 2 })).toBe(list);
		expect(firstRecords(list, { returnAll: false, limit: 5 })).toEqual(list);
		const single = { code: 200, msg: '0 records were are found' };
		expect(firstRecords(single, { returnAll: false, limit: 1 })).toBe(single);
	});

	test('Return All starts on only before the version that gave the list its pair', () => {
		const published = { returnAllBefore: 2 };
		expect([1, 2, 3].map((version) => returnAllDefault(published, version))).toEqual([
			true,
			false,
			false,
		]);
		expect(returnAllDefault(true, 1)).toBe(false);
		expect(pageRequestSchema(published, 1).parse({})).toEqual({ returnAll: true, limit: 50 });
		expect(pageRequestSchema(published, 2).parse({})).toEqual({ returnAll: false, limit: 50 });
	});
});
