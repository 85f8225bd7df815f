/** What the SML Lead > Create or Update tests share: a listed lead, the parameters, the exact requests. */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { runNode } from '../harness/runNode';
import lead984 from './fixtures/lead-984.json';
import { auth, credentials, jsonAuth } from './sml';

export const PAGE = 'page=1&page_size=1000';

/** A lead as SML lists it: client `50 + id`, vehicle 1036, request 1032, no notes or tags. */
export const leadOf = (id: number, client: IDataObject, extra: IDataObject = {}): IDataObject => ({
	...lead984,
	id,
	client: { id: 50 + id, name: 'Ana Ruiz', phone: null, email: null, ...client },
	...extra,
});

export const base = {
	resource: 'lead',
	operation: 'createOrUpdate',
	source: 1,
	brand_model: 'Golf',
};

export const run = (
	parameters: IDataObject,
	options: { items?: INodeExecutionData[]; continueOnFail?: boolean } = {},
) =>
	runNode({
		node: 'sml',
		typeVersion: 2,
		parameters: { ...base, ...parameters } as never,
		credentials,
		...options,
	});

export const lookup = (query: string) => ({
	method: 'GET',
	path: `/api/lead/?${query}&${PAGE}`,
	headers: auth(),
	body: undefined,
});

export const post = (body: IDataObject) => ({
	method: 'POST',
	path: '/api/lead/',
	headers: jsonAuth(),
	body,
});
export const patch = (id: number, body: IDataObject) => ({
	method: 'PATCH',
	path: `/api/lead/${id}/`,
	headers: jsonAuth(),
	body,
});

/** What the PATCH of a listed lead carries with Keep IDs: the nested ids of `leadOf`. */
export const keptIds = (id: number, client: IDataObject) => ({
	source: 1,
	vehicle: { id: 1036, brand_model: 'Golf' },
	client: { id: 50 + id, ...client },
});

export const anaClient = { name: 'Ana Ruiz', email: 'ana@x.com' };
