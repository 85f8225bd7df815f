/**
 * What the Lead Status Changed event remembers: the status of each of the newest leads (by id),
 * one character per lead. A watermark alone cannot tell the previous status of a lead, and
 * remembering every lead ever seen would grow without end, so the trigger watches a window of
 * at most `size` ids ending at the highest id seen: its memory is `size` characters at most,
 * however many leads SML holds.
 */
import type { IDataObject } from 'n8n-workflow';
import { ApplicationError } from 'n8n-workflow';

export interface StatusWindow extends IDataObject {
	/** The lowest id watched: `statuses[i]` is the status of lead `from + i`. */
	from: number;
	/** One character per id: a letter coding a status (see `codes`), or '.' for a lead not seen. */
	statuses: string;
	/** The statuses met so far, coded 'A', 'B'... by their place in this list. */
	codes: string[];
}

export interface StatusChange {
	id: number;
	record: IDataObject;
	previous: string;
	status: string;
}

const UNSEEN = '.';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export const emptyWindow = (codes: readonly string[]): StatusWindow => ({
	from: 1,
	statuses: '',
	codes: [...codes],
});

/**
 * Compares the leads of one reading with the window: a watched lead whose status differs from the
 * one remembered is a change. Leads not seen before (new ones, or ones that just entered the
 * filters) are remembered without a change; leads below the window are not watched.
 */
export function observe(
	window: StatusWindow,
	leads: Array<{ id: number; record: IDataObject }>,
	size: number,
): { window: StatusWindow; changes: StatusChange[] } {
	const codes = [...window.codes];
	const codeOf = (status: string) => {
		let index = codes.indexOf(status);
		if (index < 0) {
			// SML documents four statuses; a list this long means the answer is not what the trigger reads.
			if (codes.length >= ALPHABET.length) {
				throw new ApplicationError(
					`SML leads came with more than ${ALPHABET.length} different statuses`,
				);
			}
			index = codes.push(status) - 1;
		}
		return ALPHABET[index];
	};
	const oldTop = window.from + window.statuses.length - 1;
	const top = leads.reduce((max, lead) => Math.max(max, lead.id), oldTop);
	// The window starts at the lowest id seen, never more than `size` below the top: ids below every
	// lead seen have nothing to remember.
	const floor = Math.max(1, top - size + 1);
	const lowest = leads.reduce(
		(min, lead) => Math.min(min, lead.id),
		window.statuses.length ? window.from : Infinity,
	);
	const from = Math.max(floor, Number.isFinite(lowest) ? lowest : top + 1);
	const statuses = Array.from({ length: Math.max(0, top - from + 1) }, (_, i) => {
		const old = from + i - window.from;
		return old >= 0 && old < window.statuses.length ? window.statuses[old] : UNSEEN;
	});
	const changes: StatusChange[] = [];
	for (const lead of [...leads].sort((a, b) => a.id - b.id)) {
		if (lead.id < from) continue;
		const status = String(lead.record.status ?? '');
		const code = codeOf(status);
		const before = statuses[lead.id - from];
		if (before !== UNSEEN && before !== code) {
			changes.push({ ...lead, previous: codes[ALPHABET.indexOf(before)], status });
		}
		statuses[lead.id - from] = code;
	}
	return { window: { from, statuses: statuses.join(''), codes }, changes };
}
