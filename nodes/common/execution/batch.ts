/**
 * Bulk endpoints: instead of one request per item, the validated parameters of all items are
 * sent in chunks (see `BatchSpec` in operation.ts). Every output item stays paired with its own
 * input item; a failed chunk throws, naming its items, or with Continue On Fail yields an
 * `{error}` item for each of its own items only, and the other chunks go on.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { appendDescription, isOutcomeUnknown } from '../wire/http';
import { fillPath } from '../fields/pathSegments';
import { errorItem, forItem, toItems } from './items';
import { runPool } from './pool';
import type { AnyOperationSpec, OperationContext, RequestPlan } from './operation';

/** A validated item (or, with Continue On Fail, the validation error of an item). */
export interface PreparedItem {
	params?: IDataObject;
	error?: Error;
}

export interface Chunk {
	/** Input item indexes, in input order. */
	itemIndexes: number[];
	params: IDataObject[];
}

/** Groups the items by key (first appearance first) and cuts each group into chunks of `size`. */
export function planChunks(
	items: Array<{ itemIndex: number; params: IDataObject }>,
	size: (params: IDataObject) => number,
	key: (params: IDataObject) => string = () => '',
): Chunk[] {
	const groups = new Map<string, Array<{ itemIndex: number; params: IDataObject }>>();
	for (const item of items) {
		const group = groups.get(key(item.params)) ?? [];
		group.push(item);
		groups.set(key(item.params), group);
	}
	const chunks: Chunk[] = [];
	for (const group of groups.values()) {
		const wanted = Math.floor(Number(size(group[0].params)));
		const perChunk = Number.isFinite(wanted) && wanted > 0 ? wanted : 1;
		for (let start = 0; start < group.length; start += perChunk) {
			const slice = group.slice(start, start + perChunk);
			chunks.push({
				itemIndexes: slice.map((item) => item.itemIndex),
				params: slice.map((item) => item.params),
			});
		}
	}
	return chunks;
}

/** The default `output`: a list as long as the chunk is split in order, anything else goes to every item. */
export function splitAnswer(body: unknown, count: number): unknown[] {
	if (Array.isArray(body) && body.length === count) return body;
	// A list of another length would become several items per input: keep it as one value.
	const shared = Array.isArray(body) ? { data: body } : body;
	return Array.from({ length: count }, () => shared);
}

/** "item 3", "items 10-19" or "items 1, 4, 7", as n8n numbers items (from 0). */
export function describeItems(itemIndexes: number[], startsSentence = false): string {
	const word = startsSentence ? 'Item' : 'item';
	if (itemIndexes.length === 1) return `${word} ${itemIndexes[0]}`;
	const consecutive = itemIndexes.every((index, i) => i === 0 || index === itemIndexes[i - 1] + 1);
	return consecutive
		? `${word}s ${itemIndexes[0]}-${itemIndexes[itemIndexes.length - 1]}`
		: `${word}s ${itemIndexes.join(', ')}`;
}

/**
 * What happened to the other chunks when chunk `failed` (from 0) of `total` failed, and to that
 * chunk itself when its answer never came (`unknown`): it may have been saved all the same.
 */
export function batchesSent(failed: number, total: number, unknown = false): string {
	const before =
		failed === 0
			? 'No batch was sent before this one'
			: failed === 1
				? 'Batch 1 was sent before this one'
				: `Batches 1-${failed} were sent before this one`;
	const itself = unknown
		? `; the outcome of batch ${failed + 1} is unknown: it may have been saved, check before sending it again`
		: '';
	const rest = total - failed - 1;
	const after =
		rest === 0
			? ''
			: rest === 1
				? '; the batch after it was not sent'
				: `; the ${rest} batches after it were not sent`;
	return `${before}${itself}${after}.`;
}

/** What became of one batch. */
export type BatchState = 'saved' | 'failed' | 'unknown' | 'not sent';

/**
 * What became of every other batch when batch `failed` (from 0) failed. With one batch at a time
 * this is "batches before it were sent, those after it were not"; with two in flight a later batch
 * may have been saved, or have failed too.
 */
export function batchOutcomes(states: BatchState[], failed: number): string {
	const others = (state: BatchState) =>
		states.flatMap((s, i) => (s === state && i !== failed ? [i + 1] : []));
	const saved = others('saved');
	const notSent = others('not sent');
	const alsoFailed = [...others('failed'), ...others('unknown')].sort((a, b) => a - b);
	const sequential = saved.length === failed && notSent.length === states.length - failed - 1;
	if (sequential) return batchesSent(failed, states.length, states[failed] === 'unknown');
	const list = (numbers: number[]) =>
		numbers.length === 1 ? `batch ${numbers[0]}` : `batches ${numbers.join(', ')}`;
	const verb = (numbers: number[]) => (numbers.length === 1 ? 'was' : 'were');
	const parts = [
		saved.length ? `${list(saved)} ${verb(saved)} saved` : 'no other batch was saved',
		...(states[failed] === 'unknown'
			? [
					`the outcome of batch ${failed + 1} is unknown: it may have been saved, check before sending it again`,
				]
			: []),
		...(alsoFailed.length ? [`${list(alsoFailed)} failed too`] : []),
		...(notSent.length ? [`${list(notSent)} ${verb(notSent)} not sent`] : []),
	].join('; ');
	return `${parts.charAt(0).toUpperCase()}${parts.slice(1)}.`;
}

/**
 * Sends the chunks, `concurrency` at a time (one by default), and returns the output items in
 * input order. Items whose validation failed (Continue On Fail) yield their error at their own
 * place and are not sent. Without Continue On Fail a failed chunk stops new chunks from starting;
 * those in flight finish, and the error says what became of every batch.
 */
export async function executeBatches(
	fn: IExecuteFunctions,
	spec: AnyOperationSpec,
	prepared: PreparedItem[],
	/** The request context of a chunk, bound to its first item. */
	context: (itemIndex: number) => OperationContext,
	{ continueOnFail, concurrency = 1 }: { continueOnFail: boolean; concurrency?: number },
): Promise<INodeExecutionData[]> {
	const batch = spec.batch;
	if (!batch) throw new Error(`The operation "${spec.operation}" has no batch definition`);
	const perItem: INodeExecutionData[][] = prepared.map((entry, itemIndex) =>
		entry.error ? [errorItem(entry.error, itemIndex)] : [],
	);
	const valid = prepared.flatMap((entry, itemIndex) =>
		entry.params ? [{ itemIndex, params: entry.params }] : [],
	);
	const chunks = planChunks(
		valid,
		(params) => batch.size(params),
		batch.key ? (params) => batch.key!(params) : undefined,
	);
	const states: BatchState[] = chunks.map(() => 'not sent');
	let stopped: { number: number; error: Error } | undefined;

	await runPool(
		chunks.length,
		concurrency,
		async (number) => {
			const { itemIndexes, params } = chunks[number];
			const label = `batch ${number + 1} of ${chunks.length}: ${describeItems(itemIndexes)}`;
			try {
				const plan: RequestPlan = {
					method: spec.method,
					path: fillPath(spec.path, params[0]),
					...batch.request(params),
				};
				const body = await context(itemIndexes[0]).request(plan);
				const outputs = batch.output
					? batch.output(body, params)
					: splitAnswer(body, params.length);
				itemIndexes.forEach((itemIndex, i) =>
					perItem[itemIndex].push(...toItems(outputs[i], itemIndex)),
				);
				states[number] = 'saved';
			} catch (caught) {
				const unknown = isOutcomeUnknown(caught);
				states[number] = unknown ? 'unknown' : 'failed';
				const error = forItem(fn, caught, itemIndexes[0]);
				error.message = `${error.message} (${label}${unknown ? '; outcome unknown: it may have been saved' : ''})`;
				if (!continueOnFail) {
					if (!stopped || number < stopped.number) stopped = { number, error };
					return;
				}
				for (const itemIndex of itemIndexes) perItem[itemIndex].push(errorItem(error, itemIndex));
			}
		},
		() => stopped !== undefined,
	);
	if (stopped) {
		throw appendDescription(stopped.error, batchOutcomes(states, stopped.number));
	}
	return perItem.flat();
}
