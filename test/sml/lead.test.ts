import { runNode } from '../harness/runNode';
import lead984 from './fixtures/lead-984.json';
import {
	BASE_URL,
	LOGIN_PATH,
	auth,
	credentials,
	jsonAuth,
	loginRequest,
	page,
	smlServer,
} from './sml';

const run = (parameters: Record<string, unknown>) =>
	runNode({ node: 'sml', parameters: { resource: 'lead', ...parameters } as never, credentials });

/** The kit's "Lead promedio" example, as node parameters and as the body SML documents. */
const averageLead = {
	source: 1,
	brand_model: 'Vehículo de prueba',
	vehicle: { price: '10000', km: '120000', year: 2008, gas: 1 },
	client: {
		name: 'Cliente de Ejemplo',
		phone: '666777888',
		email: 'user@example.com',
		province: 638,
		location: 58323,
	},
	additionalFields: { status: 'new', score: '1' },
	note: { entries: [{ content: 'Nota de prueba' }] },
	tags: { entries: [{ content: 'Etiqueta de ejemplo' }] },
};
const averageLeadBody = {
	client: {
		name: 'Cliente de Ejemplo',
		phone: '666777888',
		email: 'user@example.com',
		province: 638,
		location: 58323,
	},
	vehicle: { brand_model: 'Vehículo de prueba', price: '10000', km: '120000', year: 2008, gas: 1 },
	note: [{ content: 'Nota de prueba' }],
	status: 'new',
	score: '1',
	tags: [{ content: 'Etiqueta de ejemplo' }],
	source: 1,
};

describe("SML Lead: create (the kit's three documented examples)", () => {
	test('minimal data: source and vehicle brand/model; the documented 201 answer is the output', async () => {
		const sml = smlServer().on('POST', '/api/lead/', [201, lead984]);
		const result = await run({
			operation: 'create',
			source: 1,
			brand_model: 'Marca y modelo de ejemplo',
		});
		expect(result.error).toBeUndefined();
		expect(sml.requests).toEqual([
			loginRequest,
			{
				method: 'POST',
				path: '/api/lead/',
				headers: jsonAuth(),
				body: { vehicle: { brand_model: 'Marca y modelo de ejemplo' }, source: 1 },
			},
		]);
		expect(result.json).toEqual([lead984]);
	});

	test('average lead: client, vehicle details, note, status, score and tag', async () => {
		const sml = smlServer().on('POST', '/api/lead/', [201, { ...lead984, id: 985 }]);
		const result = await run({
			operation: 'create',
			...averageLead,
		});
		expect(result.error).toBeUndefined();
		expect(sml.requests[1].body).toEqual({
			...averageLeadBody,
		});
		expect(result.json[0].id).toBe(985);
	});

	test('complex lead: a task with its note and appraisal', async () => {
		const sml = smlServer().on('POST', '/api/lead/', [201, lead984]);
		const result = await run({
			operation: 'create',
			...averageLead,
			tasks: {
				task: [
					{
						type: 'appraisal',
						fields: {
							subtype: 'subtipo de ejemplo',
							description: 'descripción de ejemplo',
							media: 'Whatsapp',
							planified_realization_date: '2019-05-09T09:59:07.617Z',
							planified_tracking_date: '2019-05-09T09:59:07.617Z',
							realization_date_check: false,
							tracking_date_check: false,
						},
						note: { entries: [{ content: 'nota en tarea de ejemplo' }] },
						appraisal: {
							brand_model: 'marca del vehículo tasado',
							license_plate: '8888JJJ',
							km: '100000',
							year: 2010,
							gas: 1,
							extras: 'todos los extras incluidos',
							origin: 'national',
						},
					},
				],
			},
		});
		expect(result.error).toBeUndefined();
		expect(sml.requests[1].body).toEqual({
			...averageLeadBody,
			request: {
				task: [
					{
						type: 'appraisal',
						subtype: 'subtipo de ejemplo',
						description: 'descripción de ejemplo',
						media: 'Whatsapp',
						planified_realization_date: '2019-05-09T09:59:07.617Z',
						planified_tracking_date: '2019-05-09T09:59:07.617Z',
						realization_date_check: false,
						tracking_date_check: false,
						note: [{ content: 'nota en tarea de ejemplo' }],
						appraisal: {
							brand_model: 'marca del vehículo tasado',
							license_plate: '8888JJJ',
							km: '100000',
							year: 2010,
							gas: 1,
							extras: 'todos los extras incluidos',
							origin: 'national',
						},
					},
				],
			},
		});
	});

	test('an appraisal task without the appraised vehicle is refused before anything is sent', async () => {
		const result = await run({
			operation: 'create',
			source: 1,
			brand_model: 'Vehículo de prueba',
			tasks: { task: [{ type: 'appraisal', fields: { description: 'tasar' } }] },
		});
		expect(result.error?.message).toBe(
			'Invalid input in item 0: "Tasks › Task 1 › Appraisal › Brand and Model" (brand_model) is required when the task type is Appraisal',
		);
	});

	test('a client block without a name is refused (the kit requires it when a client is given)', async () => {
		const result = await run({
			operation: 'create',
			source: 1,
			brand_model: 'X',
			client: { phone: '666777888' },
		});
		expect(result.error?.message).toBe(
			'Invalid input in item 0: "Client › Name" (name) is required when any client field is given',
		);
	});
});

describe('SML Lead: read', () => {
	test('get: GET /api/lead/{id}/', async () => {
		const sml = smlServer().on('GET', '/api/lead/984/', [200, lead984]);
		const result = await run({ operation: 'get', leadId: '984' });
		expect(sml.requests[1]).toEqual({
			method: 'GET',
			path: '/api/lead/984/',
			headers: auth(),
			body: undefined,
		});
		expect(result.json).toEqual([lead984]);
	});

	test('get many: every documented filter', async () => {
		const sml = smlServer().on('GET', '/api/lead/', [200, page([lead984])]);
		const result = await run({
			operation: 'getAll',
			limit: 10,
			filters: {
				status: 'tracing',
				client__phone__icontains: '666',
				client__email__icontains: 'example.com',
				concessionaire__in: [1, 2, 4],
				search: 'Marca',
			},
		});
		expect(result.error).toBeUndefined();
		expect(sml.requests[1].path).toBe(
			'/api/lead/?status=tracing&client__phone__icontains=666&client__email__icontains=example.com&concessionaire__in=1,2,4&search=Marca&page=1&page_size=10',
		);
		expect(result.json).toEqual([lead984]);
	});

	test('get many: concessionaires typed as "1, 2" in an expression are accepted', async () => {
		const sml = smlServer().on('GET', '/api/lead/', [200, page([])]);
		const result = await run({
			operation: 'getAll',
			filters: { concessionaire__in: '={{ "1, 2" }}' },
		});
		expect(result.error).toBeUndefined();
		expect(sml.requests[1].path).toBe('/api/lead/?concessionaire__in=1,2&page=1&page_size=50');
		expect(result.json).toEqual([]);
	});

	test('history: GET /api/lead_history/{id}/get_history/, one item per entry', async () => {
		const entries = [
			{
				id: 1,
				history_date: '2019-05-09T11:21:49Z',
				history_user: 2,
				changes: 'status: new -> tracing',
			},
			{ id: 2, history_date: '2019-05-10T09:00:00Z', history_user: 2, changes: 'score: 1 -> 3' },
		];
		const sml = smlServer().on('GET', '/api/lead_history/986/get_history/', [200, page(entries)]);
		const result = await run({ operation: 'getHistory', leadId: '986', returnAll: true });
		expect(sml.requests[1]).toEqual({
			method: 'GET',
			path: '/api/lead_history/986/get_history/?page=1&page_size=1000',
			headers: auth(),
			body: undefined,
		});
		expect(result.json).toEqual(entries);
	});
});

describe('SML Lead: changes', () => {
	test('assign: PATCH {user}', async () => {
		const sml = smlServer().on('PATCH', '/api/lead/984/', [200, { ...lead984, user: 1 }]);
		const result = await run({ operation: 'assign', leadId: '984', user: 1 });
		expect(sml.requests[1]).toEqual({
			method: 'PATCH',
			path: '/api/lead/984/',
			headers: jsonAuth(),
			body: { user: 1 },
		});
		expect(result.json[0].user).toBe(1);
	});

	test('change status: PATCH /change_status/ {status}', async () => {
		const sml = smlServer().on('PATCH', '/api/lead/984/change_status/', [
			200,
			{ ...lead984, status: 'new' },
		]);
		const result = await run({ operation: 'changeStatus', leadId: '984', status: 'new' });
		expect(sml.requests[1]).toEqual({
			method: 'PATCH',
			path: '/api/lead/984/change_status/',
			headers: jsonAuth(),
			body: { status: 'new' },
		});
		expect(result.json[0].status).toBe('new');
	});

	test('finalize: PATCH {status: "end"}', async () => {
		const sml = smlServer().on('PATCH', '/api/lead/984/', [200, { ...lead984, status: 'end' }]);
		const result = await run({ operation: 'finalize', leadId: '984' });
		expect(sml.requests[1]).toEqual({
			method: 'PATCH',
			path: '/api/lead/984/',
			headers: jsonAuth(),
			body: { status: 'end' },
		});
		expect(result.json[0].status).toBe('end');
	});

	test('click2call: PATCH the call-control endpoint with {lead}; the documented answer is the output', async () => {
		const sml = smlServer().on('PATCH', '/api/netelip/call_control_lead/click2call/', [
			200,
			{ id: 1, lead: 986, call_control: 135, user: 2 },
		]);
		const result = await run({ operation: 'clickToCall', leadId: '986' });
		expect(sml.requests[1]).toEqual({
			method: 'PATCH',
			path: '/api/netelip/call_control_lead/click2call/',
			headers: jsonAuth(),
			body: { lead: 986 },
		});
		expect(result.json).toEqual([{ id: 1, lead: 986, call_control: 135, user: 2 }]);
	});
});

describe('SML Lead: Get Many walks the pages', () => {
	const leads = Array.from({ length: 250 }, (_, i) => ({ id: i + 1 }));

	test('Return All walks 3 pages of 100 following `next`', async () => {
		const sml = smlServer()
			.on('GET', '/api/lead/', [
				200,
				page(leads.slice(0, 100), `${BASE_URL}/api/lead/?page=2`, 250),
			])
			.on('GET', '/api/lead/', [
				200,
				page(leads.slice(100, 200), `${BASE_URL}/api/lead/?page=3`, 250),
			])
			.on('GET', '/api/lead/', [200, page(leads.slice(200), null, 250)]);
		const result = await runNode({
			node: 'sml',
			parameters: { resource: 'lead', operation: 'getAll', returnAll: true },
			credentials,
		});
		expect(result.error).toBeUndefined();
		expect(sml.without(LOGIN_PATH).map((r) => r.path)).toEqual([
			'/api/lead/?page=1&page_size=1000',
			'/api/lead/?page=2&page_size=1000',
			'/api/lead/?page=3&page_size=1000',
		]);
		expect(result.json).toEqual(leads);
	});

	test('Limit asks for pages of that size and stops once it has enough', async () => {
		const sml = smlServer()
			.on('GET', '/api/lead/', [200, page(leads.slice(0, 30), `${BASE_URL}/api/lead/?page=2`, 250)])
			.on('GET', '/api/lead/', [
				200,
				page(leads.slice(30, 60), `${BASE_URL}/api/lead/?page=3`, 250),
			]);
		const result = await runNode({
			node: 'sml',
			parameters: { resource: 'lead', operation: 'getAll', returnAll: false, limit: 45 },
			credentials,
		});
		expect(sml.without(LOGIN_PATH).map((r) => r.path)).toEqual([
			'/api/lead/?page=1&page_size=45',
			'/api/lead/?page=2&page_size=45',
		]);
		expect(result.json).toEqual(leads.slice(0, 45));
	});
});
