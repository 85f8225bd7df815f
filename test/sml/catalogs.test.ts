import { runNode } from '../harness/runNode';
import { auth, credentials, loginRequest, page, smlServer } from './sml';
import user from './fixtures/user.json';

const concessionaire = {
	id: 1,
	name: 'Concesionario de Prueba',
	address: 'string',
	latitude: 0,
	longitude: 0,
	schedule: 'string',
	web: 'string',
	web_coches_net: 'string',
	date_notes: 'string',
	appraisal_notes: 'string',
	financing_notes: 'string',
	warranty_notes: 'string',
	service_notes: 'string',
	related_users: [],
	work_calendar: {
		id: 0,
		monday: { id: 0, start_hour: 'string', end_hour: 'string', working_day: true },
	},
};

const source = {
	id: 1,
	channel: 1,
	channel_data: { id: 1, slug: 'phone', name: 'Teléfono' },
	data: '666666666',
	origin: 2,
	origin_data: { id: 2, name: 'coches.net', icon: 'string' },
	concession: 1,
	concession_data: { id: 1, name: 'Concesionario de Prueba' },
};

const client = {
	id: 7,
	name: 'Cliente de Ejemplo',
	phone: '666777888',
	email: 'user@example.com',
	province: 638,
	province_data: { id: 638, country: 28, name: 'Valencia', status: true },
	location: 58323,
	location_data: { id: 58323, province: 638, name: 'Gandia', status: true },
};

describe('SML lists (Get Many)', () => {
	test.each([
		[
			'concessionaire',
			'/api/concessionaire/',
			{ filters: { search: 'Prueba' } },
			'?search=Prueba&page=1&page_size=50',
			concessionaire,
		],
		[
			'source',
			'/api/source/',
			{ filters: { search: 'coches' } },
			'?search=coches&page=1&page_size=50',
			source,
		],
		['gasType', '/api/gas_type/', {}, '?page=1&page_size=50', { id: 1, name: 'Gasolina' }],
		[
			'client',
			'/api/clients/',
			{
				filters: {
					name__icontains: 'Cliente',
					phone__icontains: '666',
					email__icontains: 'example.com',
					search: 'Ejemplo',
				},
			},
			'?name__icontains=Cliente&phone__icontains=666&email__icontains=example.com&search=Ejemplo&page=1&page_size=50',
			client,
		],
		[
			'province',
			'/api/provinces/',
			{ country: 28, filters: { search: 'Val' } },
			'?country=28&search=Val&page=1&page_size=50',
			{ id: 638, country: 28, name: 'Valencia', status: true },
		],
		[
			'locality',
			'/api/localities/',
			{ filters: { province: 638, search: 'Gan' } },
			'?province=638&search=Gan&page=1&page_size=50',
			{ id: 58323, province: 638, name: 'Gandia', status: true },
		],
	])(
		'%s sends its documented filters and outputs one item per record',
		async (resource, path, extra, query, record) => {
			const sml = smlServer().on('GET', path, [200, page([record])]);
			const result = await runNode({
				node: 'sml',
				parameters: { resource, operation: 'getAll', ...extra },
				credentials,
			});
			expect(result.error).toBeUndefined();
			expect(sml.requests).toEqual([
				loginRequest,
				{ method: 'GET', path: `${path}${query}`, headers: auth(), body: undefined },
			]);
			expect(result.json).toEqual([record]);
		},
	);

	test('users: the tri-state filters, and password fields never reach the output', async () => {
		const sml = smlServer().on('GET', '/api/user/', [200, page([user])]);
		const result = await runNode({
			node: 'sml',
			parameters: {
				resource: 'user',
				operation: 'getAll',
				returnAll: true,
				filters: {
					online: 'true',
					is_active: 'false',
					userconcession__concessionaire__id: 3,
					search: 'adam',
				},
			},
			credentials,
		});
		expect(result.error).toBeUndefined();
		expect(sml.requests[1].path).toBe(
			'/api/user/?online=true&userconcession__concessionaire__id=3&is_active=false&search=adam&page=1&page_size=1000',
		);
		const { password: _p, repeat_password: _r, ...withoutPasswords } = user;
		expect(result.json).toEqual([withoutPasswords]);
		expect(JSON.stringify(result.json)).not.toContain('repeat_password');
	});

	test('page size and start page options are sent as page_size and page', async () => {
		const sml = smlServer().on('GET', '/api/source/', [200, page([source], null, 1)]);
		const result = await runNode({
			node: 'sml',
			parameters: {
				resource: 'source',
				operation: 'getAll',
				returnAll: true,
				options: { page_size: 20, page: 3 },
			},
			credentials,
		});
		expect(result.error).toBeUndefined();
		expect(sml.requests[1].path).toBe('/api/source/?page=3&page_size=20');
	});
});
