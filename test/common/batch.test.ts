import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import type { PreparedItem } from '../../nodes/common/execution/batch';
import {
	batchOutcomes,
	batchesSent,
	describeItems,
	executeBatches,
	planChunks,
	splitAnswer,
} from '../../nodes/common/execution/batch';
import type { OperationContext, RequestPlan } from '../../nodes/common/execution/operation';
import { defineOperation } from '../../nodes/common/execution/operation';

const entries = (modules: string[]) =>
	modules.map((module, itemIndex) => ({ itemIndex, params: { module, n: itemIndex } }));

describe('planChunks', () => {
	test('cuts the items into chunks of the size, in order', () => {
		const chunks = planChunks(entries(Array(25).fill('m')), () => 10);
		expect(chunks.map((c) => c.itemIndexes.length)).toEqual([10, 10, 5]);
		expect(chunks.flatMap((c) => c.itemIndexes)).toEqual([...Array(25).keys()]);
		expect(chunks[2].params[0]).toEqual({ module: 'm', n: 20 });
	});

	test('never mixes keys in one chunk; groups come in order of first appearance', () => {
		const chunks = planChunks(
			entries(['a', 'b', 'a', 'a', 'b']),
			() => 2,
			(p) => String(p.module),
		);
		expect(chunks.map((c) => c.itemIndexes)).toEqual([[0, 2], [3], [1, 4]]);
	});

	test('a size that is not a positive number sends one item per chunk', () => {
		expect(planChunks(entries(['a', 'a']), () => 0).map((c) => c.itemIndexes)).toEqual([[0], [1]]);
		expect(planChunks(entries(['a', 'a']), () => Number.NaN).map((c) => c.itemIndexes)).toEqual([
			[0],
			[1],
		]);
	});
});

describe('splitAnswer and the wording of errors', () => {
	test('a list as long as the chunk is split; anything else goes to every item, a list as one value', () => {
		expect(splitAnswer([1, 2], 2)).toEqual([1, 2]);
		expect(splitAnswer({ msg: 'ok' }, 2)).toEqual([{ msg: 'ok' }, { msg: 'ok' }]);
		expect(splitAnswer([1, 2, 3], 2)).toEqual([{ data: [1, 2, 3] }, { data: [1, 2, 3] }]);
	});

	test('describeItems', () => {
		expect(describeItems([4])).toBe('item 4');
		expect(describeItems([10, 11, 12])).toBe('items 10-12');
		expect(describeItems([1, 3, 5])).toBe('items 1, 3, 5');
	});

	test('batchesSent', () => {
		expect(batchesSent(0, 1)).toBe('No batch was sent before this one.');
		expect(batchesSent(0, 3)).toBe(
			'No batch was sent before this one; the 2 batches after it were not sent.',
		);
		expect(batchesSent(1, 3)).toBe(
			'Batch 1 was sent before this one; the batch after it was not sent.',
		);
		expect(batchesSent(3, 4)).toBe('Batches 1-3 were sent before this one.');
	});
});

describe('executeBatches', () => {
	const spec = defineOperation({
		resource: 'thing',
		operation: 'bulk',
		name: 'Bulk',
		action: 'Bulk things',
		description: 'Bulk',
		method: 'POST',
		path: '/bulk/{module}',
		properties: [],
		schema: z.object({ module: z.string(), n: z.number() }),
		batch: {
			size: () => 2,
			key: (params) => params.module,
			request: (chunk) => ({ body: { things: chunk.map((params) => params.n) } }),
		},
	});

	/** A vendor that answers each chunk with one entry per thing, and fails where told. */
	function vendor(fail: (plan: RequestPlan) => boolean) {
		const plans: RequestPlan[] = [];
		const context = (itemIndex: number) =>
			({
				itemIndex,
				request: async (plan: RequestPlan) => {
					plans.push(plan);
					if (fail(plan)) throw new Error('vendor said no');
					return ((plan.body as IDataObject).things as number[]).map((n) => ({ id: `id-${n}` }));
				},
			}) as unknown as OperationContext;
		return { plans, context };
	}

	/** The node an error is attributed to, all the batch loop asks of n8n. */
	const fn = {
		getNode: () => ({ name: 'Bulk', type: 'test.bulk' }),
	} as unknown as IExecuteFunctions;

	const prepared: PreparedItem[] = [
		{ params: { module: 'a', n: 0 } },
		{ params: { module: 'b', n: 1 } },
		{ error: new Error('Invalid input in item 2') },
		{ params: { module: 'a', n: 3 } },
		{ params: { module: 'a', n: 4 } },
	];

	test('one request per chunk (path filled from the chunk), outputs in input order, each paired with its item', async () => {
		const { plans, context } = vendor(() => false);
		const items = await executeBatches(fn, spec, prepared, context, { continueOnFail: true });
		expect(plans).toEqual([
			{ method: 'POST', path: '/bulk/a', body: { things: [0, 3] } },
			{ method: 'POST', path: '/bulk/a', body: { things: [4] } },
			{ method: 'POST', path: '/bulk/b', body: { things: [1] } },
		]);
		expect(items).toEqual([
			{ json: { id: 'id-0' }, pairedItem: { item: 0 } },
			{ json: { id: 'id-1' }, pairedItem: { item: 1 } },
			{ json: { error: 'Invalid input in item 2' }, pairedItem: { item: 2 } },
			{ json: { id: 'id-3' }, pairedItem: { item: 3 } },
			{ json: { id: 'id-4' }, pairedItem: { item: 4 } },
		]);
	});

	test('Continue On Fail: a failed chunk marks its own items only', async () => {
		const { context } = vendor((plan) =>
			((plan.body as IDataObject).things as number[]).includes(3),
		);
		const items = await executeBatches(fn, spec, prepared, context, { continueOnFail: true });
		expect(items.map((item) => [item.json.id ?? item.json.error, item.pairedItem])).toEqual([
			['vendor said no (batch 1 of 3: items 0, 3)', { item: 0 }],
			['id-1', { item: 1 }],
			['Invalid input in item 2', { item: 2 }],
			['vendor said no (batch 1 of 3: items 0, 3)', { item: 3 }],
			['id-4', { item: 4 }],
		]);
	});

	test('without Continue On Fail a failed chunk throws, naming its items, and stops', async () => {
		const { plans, context } = vendor((plan) =>
			((plan.body as IDataObject).things as number[]).includes(4),
		);
		const valid = prepared.filter((entry) => entry.params);
		await expect(
			executeBatches(fn, spec, valid, context, { continueOnFail: false }),
		).rejects.toMatchObject({
			message: 'vendor said no (batch 2 of 3: item 3)',
			description: 'Batch 1 was sent before this one; the batch after it was not sent.',
		});
		expect(plans).toHaveLength(2);
	});
});

describe('batchOutcomes', () => {
	test('one batch at a time: the sequential wording', () => {
		expect(batchOutcomes(['saved', 'saved', 'failed', 'not sent'], 2)).toBe(
			'Batches 1-2 were sent before this one; the batch after it was not sent.',
		);
		expect(batchOutcomes(['unknown', 'not sent', 'not sent'], 0)).toBe(
			'No batch was sent before this one; the outcome of batch 1 is unknown: it may have been saved, check before sending it again; the 2 batches after it were not sent.',
		);
	});

	test('batches in flight together: what became of each', () => {
		expect(batchOutcomes(['saved', 'failed', 'saved', 'not sent'], 1)).toBe(
			'Batches 1, 3 were saved; batch 4 was not sent.',
		);
		expect(batchOutcomes(['unknown', 'failed', 'not sent'], 0)).toBe(
			'No other batch was saved; the outcome of batch 1 is unknown: it may have been saved, check before sending it again; batch 2 failed too; batch 3 was not sent.',
		);
	});
});
