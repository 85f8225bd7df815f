/** Dropdowns filled from SML itself: each asks for its whole list (`page_size=all`). */
import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { apiRequestBody } from '../../common/wire/http';
import { asPage } from '../pages';
import { smlApi } from '../transport';

async function listAll(
	fn: ILoadOptionsFunctions,
	path: string,
	qs: IDataObject = {},
): Promise<IDataObject[]> {
	const body = await apiRequestBody.call(fn, smlApi, {
		method: 'GET',
		path,
		qs: { ...qs, page_size: 'all' },
	});
	return asPage(body).results;
}

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

const options = (
	records: IDataObject[],
	label: (record: IDataObject) => string,
): INodePropertyOptions[] =>
	records.map((record) => ({ name: label(record), value: record.id as number })).sort(byName);

const named = (record: IDataObject) => String(record.name ?? record.id);

/** The province chosen in the same form (client block or filters), if any. */
function chosenProvince(fn: ILoadOptionsFunctions): unknown {
	for (const path of ['client.province', 'filters.province']) {
		const value = fn.getCurrentNodeParameter(path);
		if (value !== undefined && value !== '') return value;
	}
	return undefined;
}

export const loadOptions = {
	async getSources(this: ILoadOptionsFunctions) {
		return options(await listAll(this, '/api/source/'), (source) => {
			const channel = (source.channel_data as IDataObject | undefined)?.name;
			const origin = (source.origin_data as IDataObject | undefined)?.name;
			return (
				[channel, source.data, origin ? `(${origin})` : undefined].filter(Boolean).join(' ') ||
				String(source.id)
			);
		});
	},
	async getGasTypes(this: ILoadOptionsFunctions) {
		return options(await listAll(this, '/api/gas_type/'), named);
	},
	async getProvinces(this: ILoadOptionsFunctions) {
		// SML's provinces are Spanish ones: country 28 is Spain.
		return options(await listAll(this, '/api/provinces/', { country: 28 }), named);
	},
	async getLocalities(this: ILoadOptionsFunctions) {
		const province = chosenProvince(this);
		return options(await listAll(this, '/api/localities/', province ? { province } : {}), named);
	},
	async getUsers(this: ILoadOptionsFunctions) {
		return options(await listAll(this, '/api/user/', { is_active: true }), (user) => {
			const name = [user.first_name, user.last_name].filter(Boolean).join(' ');
			return name ? `${name} (${user.username})` : String(user.username ?? user.id);
		});
	},
	async getConcessionaires(this: ILoadOptionsFunctions) {
		return options(await listAll(this, '/api/concessionaire/'), named);
	},
};
