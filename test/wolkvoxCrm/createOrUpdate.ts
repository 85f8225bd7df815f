/** What the Record > Create or Update tests share: the custom/ paths, the parameters, the exact requests. */
import type { IDataObject } from 'n8n-workflow';
import { runNode } from '../harness/runNode';
import { OPERATION, answer, credentials, jsonHeaders } from './wolkvox';

export const CUSTOM = '/server/API/v2/custom';
export const QUERY = `${CUSTOM}/query.php`;
export const INSERT = `${CUSTOM}/insert.php`;
export const UPDATE = `${CUSTOM}/update.php`;

/** query.php's answer as public client code reads it: msg and "Total records" beside the list. */
export const found = (records: IDataObject[]) => ({
	...answer(records, `${records.length} records were are found`),
	'Total records': records.length,
});

export const parameters = (extra: IDataObject = {}) => ({
	resource: 'record',
	operation: 'createOrUpdate',
	module: 'contacts',
	matchField: 'emailcontact',
	fieldPairs: {
		field: [
			{ name: 'namecontact', value: '={{ $json.name }}' },
			{ name: 'emailcontact', value: '={{ $json.email }}' },
		],
	},
	...extra,
});

export const contact = (email: string, name = 'Ana Ruiz') => ({ json: { name, email } });

export const queryRequest = (value: string, field = 'emailcontact', module = 'contacts') => ({
	method: 'POST',
	path: QUERY,
	headers: jsonHeaders,
	body: { operation: OPERATION, module, field, value },
});

export const insertRequest = (fields: IDataObject) => ({
	method: 'POST',
	path: INSERT,
	headers: jsonHeaders,
	body: { operation: OPERATION, module: 'contacts', fields },
});

export const updateRequest = (id: string, fields: IDataObject) => ({
	method: 'POST',
	path: UPDATE,
	headers: { ...jsonHeaders, 'wolkvox-id': id },
	body: { operation: OPERATION, module: 'contacts', 'wolkvox-id': id, fields },
});

export const run = async (
	items: Array<{ json: IDataObject }>,
	extra: IDataObject = {},
	more = {},
) =>
	await runNode({
		node: 'wolkvoxCrm',
		parameters: parameters(extra),
		items,
		credentials,
		...more,
	});
