/**
 * Requests of one poll through the engine (nodes/common/wire/http.ts): the credential read once, one
 * shared login, the vendor's error dialect, and the page walker for paged lists.
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { CredentialSession } from '../common/wire/credentialSession';
import { apiRequest, apiRequestBody } from '../common/wire/http';
import type { ApiResponse, RequestPlan, VendorApi } from '../common/execution/operation';
import { fetchPages } from '../common/execution/pagination';

export interface PollRequests {
	/** The useful part of the answer (the vendor's unwrap). */
	request(plan: RequestPlan): Promise<unknown>;
	/** The whole answer, for what the unwrapped part leaves out (e.g. a total count). */
	requestRaw(plan: RequestPlan): Promise<ApiResponse>;
	/** Every record of a paged list, walked with the engine's page walker and its bounds. */
	allPages(plan: RequestPlan): Promise<IDataObject[]>;
}

export function pollRequests(fn: IPollFunctions, api: VendorApi): PollRequests {
	const session = new CredentialSession(fn, api);
	// A poll only reads: a failure never leaves a record to check for (wolkvox queries are POSTs).
	const request = async (plan: RequestPlan) =>
		await apiRequestBody.call(fn, api, { ...plan, readOnly: true }, undefined, session);
	return {
		request,
		requestRaw: async (plan) =>
			await apiRequest.call(fn, api, { ...plan, readOnly: true }, undefined, session),
		allPages: async (plan) => {
			if (!api.pages) throw new Error(`${api.displayName} declares no pages`);
			const ctx = { fn, vendor: api.displayName, request };
			return await fetchPages(
				ctx,
				plan,
				{ returnAll: true, limit: Number.MAX_SAFE_INTEGER },
				api.pages,
			);
		},
	};
}
