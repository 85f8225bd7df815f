import { loadOptions } from '../harness/runNode';
import user from './fixtures/user.json';
import { auth, credentials, loginRequest, page, smlServer } from './sml';

const load = (method: string, parameters: Record<string, unknown> = {}) =>
	loadOptions({
		node: 'sml',
		method,
		parameters: { resource: 'lead', operation: 'create', ...parameters } as never,
		credentials,
	});

describe('SML dropdowns load their choices from SML (page_size=all)', () => {
	test('sources: channel, data and origin make a readable name', async () => {
		const sml = smlServer().on('GET', '/api/source/', [
			200,
			page([
				{
					id: 2,
					channel_data: { name: 'E-mail' },
					data: 'leads@yamovil.com',
					origin_data: { name: 'web' },
				},
				{
					id: 1,
					channel_data: { name: 'Teléfono' },
					data: '666666666',
					origin_data: { name: 'coches.net' },
				},
			]),
		]);
		expect(await load('getSources')).toEqual([
			{ name: 'E-mail leads@yamovil.com (web)', value: 2 },
			{ name: 'Teléfono 666666666 (coches.net)', value: 1 },
		]);
		expect(sml.requests).toEqual([
			loginRequest,
			{ method: 'GET', path: '/api/source/?page_size=all', headers: auth(), body: undefined },
		]);
	});

	test('users: active ones, by full name and user name', async () => {
		const sml = smlServer().on('GET', '/api/user/', [
			200,
			page([{ ...user, id: 2, first_name: 'Adam', last_name: 'Mora', username: 'adam.mora' }]),
		]);
		expect(await load('getUsers')).toEqual([{ name: 'Adam Mora (adam.mora)', value: 2 }]);
		expect(sml.requests[1].path).toBe('/api/user/?is_active=true&page_size=all');
	});

	test('localities follow the province chosen in the client block', async () => {
		const sml = smlServer().on('GET', '/api/localities/', [
			200,
			[{ id: 58323, province: 638, name: 'Gandia', status: true }],
		]);
		expect(await load('getLocalities', { client: { province: 638 } })).toEqual([
			{ name: 'Gandia', value: 58323 },
		]);
		expect(sml.requests[1].path).toBe('/api/localities/?province=638&page_size=all');
	});

	test.each([
		['getGasTypes', '/api/gas_type/?page_size=all'],
		['getProvinces', '/api/provinces/?country=28&page_size=all'],
		['getConcessionaires', '/api/concessionaire/?page_size=all'],
	])('%s', async (method, path) => {
		const sml = smlServer().on('GET', path.split('?')[0], [
			200,
			page([
				{ id: 1, name: 'B' },
				{ id: 2, name: 'A' },
			]),
		]);
		expect(await load(method)).toEqual([
			{ name: 'A', value: 2 },
			{ name: 'B', value: 1 },
		]);
		expect(sml.requests[1].path).toBe(path);
	});
});
