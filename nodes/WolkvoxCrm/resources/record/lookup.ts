/**
 * Reading a custom/query.php answer for Create or Update, where "no match" means "create": only
 * the documented answer is trusted. It is `{code: 200, msg, "Total records", data: [records]}`;
 * public client code recognises "nothing found" by `msg` "0 records were are found", so an answer
 * without a list counts as empty only when it says 0 records. Anything else is an error, never
 * "no match".
 */
import type { IDataObject } from 'n8n-workflow';

import { readAnswer } from '../../transport';

export interface FoundRecord {
	id: string;
	record: IDataObject;
	/** The compared field's value, or undefined when the record holds it empty. */
	value?: string;
}

/** What was read, or why the answer cannot be trusted. */
export type LookupReading = { records: FoundRecord[] } | { problem: string };

const isPlainObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** A key of the object itself, not of its prototype (a field may be named "constructor"). */
export const hasOwn = (object: object, key: string) =>
	Object.prototype.hasOwnProperty.call(object, key);

const blank = (value: unknown) => value === undefined || value === null || value === '';

/**
 * How two values are compared: trimmed, in one Unicode form, ignoring case (the CRM's own search
 * may ignore case, and e-mail addresses are written in any case). Also the within-run match key.
 */
export const comparable = (value: string) => value.normalize('NFC').trim().toLowerCase();

/** A field's value as the CRM gives it: a plain value, or a typed field's `{value}`. */
function scalarOf(value: unknown): string | null | undefined {
	const inner = isPlainObject(value) && 'value' in value ? value.value : value;
	if (blank(inner)) return null;
	if (typeof inner === 'string' || typeof inner === 'number' || typeof inner === 'boolean')
		return String(inner);
	return undefined;
}

/** A value given in the record's fields, as the match takes it (undefined: none usable). */
export function givenValue(value: unknown): string | undefined {
	const scalar = scalarOf(value);
	return scalar && scalar.trim() ? scalar.trim() : undefined;
}

function readTotal(answer: IDataObject): number | undefined | 'bad' {
	const total = answer['Total records'];
	if (blank(total)) return undefined;
	return /^\d+$/.test(String(total).trim()) ? Number(String(total).trim()) : 'bad';
}

/** The records of a query.php answer, each with its wolkvox_id and the compared field. */
export function readLookup(body: unknown, field: string): LookupReading {
	const answer = readAnswer(body);
	if (!answer) return { problem: 'the answer is not the documented {code, msg, data} object' };
	if (String(answer.code ?? '').trim() !== '200')
		return { problem: `its code is ${JSON.stringify(answer.code ?? null)}, not 200` };
	const total = readTotal(answer);
	if (total === 'bad') return { problem: '"Total records" is not a whole number' };
	const data = answer.data;
	let list: unknown[];
	if (Array.isArray(data)) list = data;
	else if (blank(data) && (total === 0 || /^\s*0 records\b/i.test(String(answer.msg ?? ''))))
		list = [];
	else if (blank(data))
		return { problem: 'it has no list of records (data) and does not say that 0 were found' };
	else return { problem: 'its data is not a list of records' };
	if (total !== undefined && total !== list.length) {
		return {
			problem: `it counts ${total} records ("Total records") but lists ${list.length}: the list cannot be read to its end`,
		};
	}
	const records: FoundRecord[] = [];
	for (const [index, entry] of list.entries()) {
		if (!isPlainObject(entry))
			return { problem: `record ${index + 1} of the list is not an object` };
		const id = entry.wolkvox_id;
		if ((typeof id !== 'string' && typeof id !== 'number') || !String(id).trim())
			return { problem: `record ${index + 1} of the list has no wolkvox_id` };
		if (!hasOwn(entry, field)) return { problem: `record ${String(id)} has no field "${field}"` };
		const value = scalarOf(entry[field]);
		if (value === undefined)
			return { problem: `record ${String(id)} holds "${field}" as neither text nor a number` };
		records.push({ id: String(id).trim(), record: entry, value: value ?? undefined });
	}
	return { records };
}

/** The records whose compared field equals `wanted` exactly, as `comparable` reads both. */
export function exactMatches(records: FoundRecord[], wanted: string): FoundRecord[] {
	const target = comparable(wanted);
	return records.filter(({ value }) => value !== undefined && comparable(value) === target);
}

/**
 * Ordering by wolkvox_id as a number written in (hexadecimal) digits: a longer id is higher, then
 * digit by digit. query.php returns no creation date; wolkvox ids look like MongoDB ObjectIds,
 * which begin with their creation time, so the highest id is the most recently created record.
 */
export const byId = (a: FoundRecord, b: FoundRecord) => {
	const [x, y] = [a.id.toLowerCase(), b.id.toLowerCase()];
	return x.length - y.length || (x < y ? -1 : x > y ? 1 : 0);
};

export const newestOf = (records: FoundRecord[]) => [...records].sort(byId)[records.length - 1];
