/**
 * The "From List" modes of SML's resource locators: one page of a list per call, filtered by the
 * list's documented `search`; n8n asks for the next page with the token returned here.
 */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { NodeOperationError } from 'n8n-workflow';

import { secretsOf } from '../../common/wire/credentialSession';
import { apiRequestBody } from '../../common/wire/http';
import { asPage } from '../pages';
import { describeOther } from '../keepIds';
import { smlApi } from '../transport';

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const hasId = (lead: unknown) =>
	isObject(lead) &&
	(typeof lead.id === 'number' || (typeof lead.id === 'string' && lead.id !== ''));

/** Leads per page of the list (the editor asks for more as the user scrolls). */
export const SEARCH_PAGE_SIZE = 50;

/** "#984 · Cliente de Ejemplo · Seat Ibiza (new)": what tells leads apart in the list. */
function leadLabel(lead: IDataObject): string {
	const client = (lead.client as IDataObject | null)?.name;
	const vehicle = (lead.vehicle as IDataObject | null)?.brand_model;
	const parts = [`#${lead.id}`, client, vehicle].filter(
		(part) => part !== undefined && part !== null && part !== '',
	);
	return `${parts.join(' · ')}${lead.status ? ` (${lead.status})` : ''}`;
}

export const listSearch = {
	async searchLeads(
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const page = Number(paginationToken) > 1 ? Number(paginationToken) : 1;
		const qs: IDataObject = { page, page_size: SEARCH_PAGE_SIZE };
		if (filter?.trim()) qs.search = filter.trim();
		const body = await apiRequestBody.call(this, smlApi, { method: 'GET', path: '/api/lead/', qs });
		const leads = Array.isArray(body) ? body : isObject(body) ? body.results : undefined;
		const odd = Array.isArray(leads) ? leads.find((lead) => !hasId(lead)) : body;
		if (!Array.isArray(leads) || odd !== undefined) {
			// An answer without `results` (a proxy's JSON, another service) is no empty list.
			const credentials = await this.getCredentials(smlApi.credentialType);
			const what = describeOther(odd, secretsOf(credentials));
			throw new NodeOperationError(
				this.getNode(),
				`SML: GET /api/lead/: the answer was not a list of leads (${Array.isArray(leads) ? 'one entry was' : 'it was'} ${what})`,
				{
					description:
						"SML answers the lead list as {count, next, previous, results}, each lead with its id. Check the credential's Base URL: something else may be answering.",
				},
			);
		}
		const { results, next } = asPage(body);
		return {
			results: results.map((lead) => ({ name: leadLabel(lead), value: String(lead.id) })),
			paginationToken: next ? String(page + 1) : undefined,
		};
	},
};
