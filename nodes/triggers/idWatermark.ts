/**
 * Detection by id: records get growing whole-number ids, so a new record is one whose id is above
 * the highest id seen. The position is that one number however many records were seen.
 */
import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export interface IdPosition extends IDataObject {
	/** The highest id seen so far (0 before any record). */
	lastId: number;
}

/** Reads a record's id: a whole number, or a text holding one (Casabaca sends "1"). */
export function idOf(node: INode, record: IDataObject, field: string, noun: string): number {
	const raw = record?.[field];
	const value = typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : raw;
	if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
	throw new NodeOperationError(
		node,
		`A ${noun} came without a whole-number ${field} (${JSON.stringify(raw ?? null)})`,
		{
			description: `The trigger tells new ${noun}s by their growing ${field}, so it cannot work on this answer. Nothing was emitted.`,
		},
	);
}

/** The highest id among the records, or `floor` when there are none or all are lower. */
export function highestId(ids: number[], floor = 0): number {
	return ids.reduce((max, id) => (id > max ? id : max), floor);
}

/** The records whose id is above `lastId`, oldest (lowest id) first. */
export function newerThan<T>(entries: Array<{ id: number; record: T }>, lastId: number): T[] {
	return entries
		.filter((entry) => entry.id > lastId)
		.sort((a, b) => a.id - b.id)
		.map((entry) => entry.record);
}

/** The record with the highest id, for Fetch Test Event. */
export function latest<T>(entries: Array<{ id: number; record: T }>): T | undefined {
	return entries.reduce<{ id: number; record: T } | undefined>(
		(best, entry) => (!best || entry.id > best.id ? entry : best),
		undefined,
	)?.record;
}
