/**
 * New Record: custom/queryDates.php finds a module's records within a range of minutes. Each poll
 * asks from the minute before the previous poll's last minute up to the current minute, so
 * a minute is asked again at the next poll (whether wolkvox reads "to" as that whole minute or as
 * its first second, no record falls between two polls, and a record stamped a little late by a
 * clock behind n8n's is still found). A record asked for twice is recognised by its wolkvox_id:
 * the trigger keeps the ids of its last answer (at most MAX_REMEMBERED_IDS, the newest), never
 * every id it has seen.
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { wolkvoxApi } from '../WolkvoxCrm/transport';
import type { Detector } from '../triggers/poll';
import type { PollRequests } from '../triggers/pollRequests';
import { pollRequests } from '../triggers/pollRequests';
import { recordsOf, totalOf } from './answers';
import { MINUTE, minuteOf, wolkvoxMinute } from './minutes';

export const QUERY_DATES_PATH = '/server/API/v2/custom/queryDates.php';

/** Ids of the last answer kept to recognise records asked for again (about 25 KB at most). */
export const MAX_REMEMBERED_IDS = 1000;
/** Fetch Test Event looks this far back for the latest record. */
export const SAMPLE_RANGE = 24 * 60 * MINUTE;
/** Requests one poll may make when answers come cut (each costs one call of the quota). */
export const MAX_REQUESTS_PER_POLL = 32;

export interface RecordPosition extends IDataObject {
	/** The last minute asked for (its start, ms since the epoch). */
	lastMinute: number;
	/** wolkvox_ids of the last answer, newest last. */
	ids: string[];
}

interface Reading {
	records: IDataObject[];
	lastMinute: number;
}

/**
 * Every record of the range. wolkvox documents no pages for queryDates: when an answer says it
 * holds fewer records than its "Total records", the range is asked for again in two halves that
 * share their middle minute, down to ranges from one minute to the next, at most
 * MAX_REQUESTS_PER_POLL requests.
 */
async function queryRange(
	fn: IPollFunctions,
	requests: PollRequests,
	module: string,
	zone: string,
	from: number,
	to: number,
) {
	const found = new Map<string, IDataObject>();
	let sent = 0;
	const ask = async (start: number, end: number): Promise<void> => {
		if (++sent > MAX_REQUESTS_PER_POLL) {
			throw new NodeOperationError(
				fn.getNode(),
				`wolkvox CRM: more than ${MAX_REQUESTS_PER_POLL} requests were needed to read the new records of ${module}`,
				{
					description:
						'wolkvox answered fewer records than it counted, even for short ranges. Poll more often.',
				},
			);
		}
		const range = { from: wolkvoxMinute(start, zone), to: wolkvoxMinute(end, zone) };
		const response = await requests.requestRaw({
			method: 'POST',
			path: QUERY_DATES_PATH,
			body: { module, date: true, ...range },
		});
		const records = recordsOf(fn.getNode(), response.body, `POST ${QUERY_DATES_PATH}`);
		const total = totalOf(response.body);
		if (total !== undefined && total > records.length) {
			if (end - start <= MINUTE) {
				throw new NodeOperationError(
					fn.getNode(),
					`wolkvox CRM: the answer for ${module} from ${range.from} to ${range.to} held ${records.length} of its ${total} records`,
					{
						description:
							'queryDates.php has no documented way to ask for the rest of so short a range, so these records cannot all be read.',
					},
				);
			}
			const middle = minuteOf(start + (end - start) / 2);
			await ask(start, middle);
			await ask(middle, end);
			return;
		}
		for (const record of records) {
			const id = record.wolkvox_id;
			if (typeof id !== 'string' && typeof id !== 'number') {
				throw new NodeOperationError(
					fn.getNode(),
					`wolkvox CRM: a record of ${module} came without a wolkvox_id`,
					{
						description: 'The trigger recognises records by their wolkvox_id. Nothing was emitted.',
					},
				);
			}
			if (!found.has(String(id))) found.set(String(id), record);
		}
	};
	await ask(from, to);
	return [...found.values()];
}

const idsOf = (records: IDataObject[]) =>
	records.map((record) => String(record.wolkvox_id)).slice(-MAX_REMEMBERED_IDS);

export function newRecordDetector(
	fn: IPollFunctions,
	module: string,
	zone: string,
): Detector<Reading, RecordPosition> {
	const requests = pollRequests(fn, wolkvoxApi);
	return {
		configuration: `newRecord\u0000${module}\u0000${zone}`,
		async read(kind, position) {
			const lastMinute = minuteOf(Date.now());
			// A first poll asks for the current and the previous minute only, to know their records.
			const from =
				kind === 'sample'
					? lastMinute - SAMPLE_RANGE
					: Math.min(position?.lastMinute ?? lastMinute, lastMinute) - MINUTE;
			return {
				records: await queryRange(fn, requests, module, zone, from, lastMinute),
				lastMinute,
			};
		},
		start: ({ records, lastMinute }) => ({ lastMinute, ids: idsOf(records) }),
		advance: ({ records, lastMinute }, position) => {
			const known = new Set(position.ids);
			return {
				// wolkvox documents no order: the records go out in the order it answered them.
				records: records.filter((record) => !known.has(String(record.wolkvox_id))),
				position: { lastMinute, ids: idsOf(records) },
			};
		},
		sample: ({ records }) => records[records.length - 1],
	};
}
