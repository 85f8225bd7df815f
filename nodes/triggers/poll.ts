/**
 * The poll() every trigger of this package shares. A trigger says how to read the vendor, where a
 * first reading leaves it, what a later reading finds new, and which record is a sample; this file
 * does what n8n users expect of a polling trigger:
 * - the first poll after activation emits nothing and only records where it stands;
 * - later polls emit each new record once, one item per record, oldest first, and return null when
 *   nothing is new (n8n then starts no execution);
 * - Fetch Test Event (manual mode) returns the latest matching record and never moves the position;
 * - a failing poll throws, and the position is written only after every request of the poll
 *   succeeded: nothing is skipped, nothing emitted twice once the vendor recovers;
 * - polls of one trigger run one at a time, and a position is read once (pollGuard.ts).
 */
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { appendDescription } from '../common/wire/http';
import { oneReadingPerPosition } from './pollGuard';
import { readPosition, writePosition } from './pollState';

export type ReadingKind = 'first' | 'next' | 'sample';

export interface Detector<R, P extends IDataObject> {
	/** What gives a stored position its meaning (event, module, zone...): a change starts over. */
	configuration: string;
	/** The requests of one poll; `position` is set for 'next' and, when known, for 'sample'. */
	read(kind: ReadingKind, position: P | undefined): Promise<R>;
	/** Where a first reading leaves the trigger. */
	start(reading: R): P;
	/** The new records of a later reading, oldest first, and the position after them. */
	advance(reading: R, position: P): { records: IDataObject[]; position: P };
	/** Fetch Test Event: the latest matching record, or undefined when there is none. */
	sample(reading: R, position: P | undefined): IDataObject | undefined;
}

const KEPT =
	'The poll failed, so nothing was emitted and the trigger kept its position: the next poll looks at the same records again.';

export async function pollWith<R, P extends IDataObject>(
	fn: IPollFunctions,
	detector: Detector<R, P>,
): Promise<INodeExecutionData[][] | null> {
	if (fn.getMode() === 'manual') return await readAndEmit(fn, detector);
	let output: INodeExecutionData[][] | null = null;
	await oneReadingPerPosition(
		fn,
		() =>
			JSON.stringify([detector.configuration, readPosition<P>(fn, detector.configuration) ?? null]),
		async () => {
			output = await readAndEmit(fn, detector);
			return output !== null;
		},
	);
	return output;
}

async function readAndEmit<R, P extends IDataObject>(
	fn: IPollFunctions,
	detector: Detector<R, P>,
): Promise<INodeExecutionData[][] | null> {
	const manual = fn.getMode() === 'manual';
	const position = readPosition<P>(fn, detector.configuration);
	const kind: ReadingKind = manual ? 'sample' : position ? 'next' : 'first';
	let outcome: { records: IDataObject[]; position?: P };
	try {
		const reading = await detector.read(kind, position);
		if (kind === 'sample') {
			const sample = detector.sample(reading, position);
			outcome = { records: sample ? [sample] : [] };
		} else {
			outcome = position
				? detector.advance(reading, position)
				: { records: [], position: detector.start(reading) };
		}
	} catch (error) {
		throw manual ? error : appendDescription(error as Error, KEPT);
	}
	if (outcome.position) writePosition(fn, detector.configuration, outcome.position);
	return outcome.records.length ? [fn.helpers.returnJsonArray(outcome.records)] : null;
}
