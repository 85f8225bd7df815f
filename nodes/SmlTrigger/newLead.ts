/**
 * New Lead: SML gives leads growing whole-number ids, so a new lead is one whose id is above the
 * highest id the trigger has seen in the (filtered) list. The position is that one number.
 */
import type { IPollFunctions } from 'n8n-workflow';

import type { IdPosition } from '../triggers/idWatermark';
import { highestId, latest, newerThan } from '../triggers/idWatermark';
import type { Detector } from '../triggers/poll';
import type { ListedLead } from './leadList';
import { fromSource, readLeads } from './leadList';
import type { SmlTriggerParams } from './properties';

export function newLeadDetector(
	fn: IPollFunctions,
	{ filters }: SmlTriggerParams,
): Detector<ListedLead[], IdPosition> {
	const { source, ...listFilters } = filters;
	const wanted = (leads: ListedLead[]) => leads.filter((lead) => fromSource(lead.record, source));
	return {
		configuration: 'newLead',
		read: async () => await readLeads(fn, listFilters),
		start: (leads) => ({ lastId: highestId(leads.map((lead) => lead.id)) }),
		// The position follows every lead listed, also those the Source filter leaves out.
		advance: (leads, { lastId }) => ({
			records: newerThan(wanted(leads), lastId),
			position: {
				lastId: highestId(
					leads.map((lead) => lead.id),
					lastId,
				),
			},
		}),
		sample: (leads) => latest(wanted(leads)),
	};
}
