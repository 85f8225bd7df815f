/**
 * The leads one poll looks at: SML's lead list with the user's filters, every page of it. The kit
 * documents no ordering and no "changed since" filter, so a poll has to read the whole filtered
 * list; the filters are what keeps it short.
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { smlApi } from '../Sml/transport';
import { idOf } from '../triggers/idWatermark';
import { pollRequests } from '../triggers/pollRequests';

export const LEADS_PATH = '/api/lead/';

export interface ListedLead {
	id: number;
	record: IDataObject;
}

export interface ListFilters {
	concessionaire__in?: string;
	search?: string;
	status?: string;
}

export async function readLeads(fn: IPollFunctions, filters: ListFilters): Promise<ListedLead[]> {
	const qs: IDataObject = {};
	for (const [key, value] of Object.entries(filters)) if (value !== undefined) qs[key] = value;
	const records = await pollRequests(fn, smlApi).allPages({ method: 'GET', path: LEADS_PATH, qs });
	return records.map((record) => ({ id: idOf(fn.getNode(), record, 'id', 'lead'), record }));
}

/** The Source filter, which SML's list does not have: the lead's `source` is its source's id. */
export function fromSource(record: IDataObject, source: number | undefined): boolean {
	return source === undefined || String(record.source) === String(source);
}
