/**
 * Lead Status Changed: each poll reads the list (without a status filter, so that a lead leaving a
 * status is still seen) and compares each watched lead's status with the one remembered. The
 * output is the lead with `previous_status` added; the Changed From / Changed To / Source filters
 * apply to the changes found.
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { LEAD_STATUSES } from '../Sml/fields';
import type { Detector } from '../triggers/poll';
import type { ListedLead } from './leadList';
import { fromSource, readLeads } from './leadList';
import type { SmlTriggerParams } from './properties';
import type { StatusChange, StatusWindow } from './statusWindow';
import { emptyWindow, observe } from './statusWindow';

const output = (record: IDataObject, previous: string | null): IDataObject => ({
	...record,
	previous_status: previous,
});

export function statusChangedDetector(
	fn: IPollFunctions,
	{ changeFilters, options }: SmlTriggerParams,
): Detector<ListedLead[], StatusWindow> {
	const { source, status: to, previous_status: from, ...listFilters } = changeFilters;
	const size = options.watchedLeads;
	const wanted = (change: StatusChange) =>
		fromSource(change.record, source) &&
		(!to.length || (to as string[]).includes(change.status)) &&
		(!from.length || (from as string[]).includes(change.previous));
	return {
		configuration: 'leadStatusChanged',
		read: async () => await readLeads(fn, listFilters),
		start: (leads) => observe(emptyWindow(LEAD_STATUSES), leads, size).window,
		advance: (leads, window) => {
			const seen = observe(window, leads, size);
			return {
				records: seen.changes
					.filter(wanted)
					.map((change) => output(change.record, change.previous)),
				position: seen.window,
			};
		},
		// The latest change since the saved position when there is one; otherwise the newest lead,
		// whose previous status is not known (null), so that its fields can be mapped.
		sample: (leads, window) => {
			const change = window ? observe(window, leads, size).changes.filter(wanted).pop() : undefined;
			if (change) return output(change.record, change.previous);
			const newest = leads
				.filter(
					(lead) =>
						fromSource(lead.record, source) &&
						(!to.length || (to as string[]).includes(String(lead.record.status))),
				)
				.sort((a, b) => b.id - a.id)[0];
			return newest ? output(newest.record, null) : undefined;
		},
	};
}
