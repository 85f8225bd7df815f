import type { IDataObject } from 'n8n-workflow';

import { runNode, newCredentialsHelper } from '../harness/runNode';
import lead984 from './fixtures/lead-984.json';
import {
	BASE_URL,
	LOGIN_PATH,
	PASSWORD,
	TOKEN,
	auth,
	credentials,
	jsonAuth,
	loginRequest,
	page,
	smlServer,
} from './sml';

const items = (count: number, json: (i: number) => IDataObject) =>
	Array.from({ length: count }, (_, i) => ({ json: json(i) }));

describe('SML session handling', () => {
	test('one login serves 50 items, and a later execution reuses the stored token', async () => {
		const sml = smlServer();
		for (let i = 0; i < 50; i++) sml.on('GET', `/api/lead/${i + 1}/`, [200, { id: i + 1 }]);
		const helper = newCredentialsHelper(credentials);
		const parameters = { resource: 'lead', operation: 'get', leadId: '={{ $json.id }}' };
		const first = await runNode({
			node: 'sml',
			parameters,
			items: items(50, (i) => ({ id: i + 1 })),
			credentialsHelper: helper,
		});
		expect(first.error).toBeUndefined();
		expect(first.json).toHaveLength(50);
		expect(first.items.map((item) => item.pairedItem)).toEqual(
			items(50, () => ({})).map((_, i) => ({ item: i })),
		);
		expect(helper.logins.smlApi).toBe(1);
		expect(sml.requests.filter((r) => r.path === LOGIN_PATH)).toHaveLength(1);
		expect(new Set(sml.without(LOGIN_PATH).map((r) => r.headers.authorization))).toEqual(
			new Set([`Token ${TOKEN}`]),
		);

		sml.on('GET', '/api/lead/7/', [200, { id: 7 }]);
		const second = await runNode({
			node: 'sml',
			parameters,
			items: items(1, () => ({ id: 7 })),
			credentialsHelper: helper,
		});
		expect(second.json).toEqual([{ id: 7 }]);
		expect(helper.logins.smlApi).toBe(1);
	});

	test('HTTP 401 makes n8n log in again once and retry the request once', async () => {
		const helper = newCredentialsHelper({
			smlApi: { ...credentials.smlApi, sessionToken: 'expired-token' },
		});
		const sml = smlServer('fresh-token')
			.on('GET', '/api/lead/984/', [401, { detail: 'Invalid token.' }])
			.on('GET', '/api/lead/984/', [200, lead984]);
		// The login is registered first but must happen after the 401: check the order.
		const result = await runNode({
			node: 'sml',
			parameters: { resource: 'lead', operation: 'get', leadId: '984' },
			credentialsHelper: helper,
		});
		expect(result.error).toBeUndefined();
		expect(sml.requests).toEqual([
			{ method: 'GET', path: '/api/lead/984/', headers: auth('expired-token'), body: undefined },
			loginRequest,
			{ method: 'GET', path: '/api/lead/984/', headers: auth('fresh-token'), body: undefined },
		]);
		expect(helper.stored.smlApi.sessionToken).toBe('fresh-token');
		expect(result.json).toEqual([lead984]);
	});

	test("a rejected login fails with the server's words and without the password", async () => {
		new (require('../harness/fakeVendor').FakeVendor)(BASE_URL).on('POST', LOGIN_PATH, [
			400,
			{ non_field_errors: ['No se puede iniciar sesión con las credenciales proporcionadas.'] },
		]);
		const result = await runNode({
			node: 'sml',
			parameters: { resource: 'lead', operation: 'get', leadId: '1' },
			credentials,
		});
		expect(result.error?.message).toBe(
			'SML login failed: No se puede iniciar sesión con las credenciales proporcionadas.',
		);
		expect(JSON.stringify(result.run.data.resultData)).not.toContain(PASSWORD);
	});

	test('Log In checks the credential and outputs the user name, never the token', async () => {
		const sml = smlServer();
		const result = await runNode({
			node: 'sml',
			parameters: { resource: 'session', operation: 'logIn' },
			credentials,
		});
		expect(result.error).toBeUndefined();
		expect(sml.requests).toEqual([loginRequest]);
		expect(result.json).toEqual([{ loggedIn: true, username: 'adam.mora@intelligenia.com' }]);
		expect(JSON.stringify(result.json)).not.toContain(TOKEN);
	});

	test('Log Out: POST /api/auth/logout/ with the session token', async () => {
		const sml = smlServer().on('POST', '/api/auth/logout/', [200]);
		const result = await runNode({
			node: 'sml',
			parameters: { resource: 'session', operation: 'logOut' },
			credentials,
		});
		expect(result.error).toBeUndefined();
		expect(sml.requests).toEqual([
			loginRequest,
			{ method: 'POST', path: '/api/auth/logout/', headers: auth(), body: undefined },
		]);
		expect(result.json).toEqual([{ loggedOut: true }]);
	});
});

describe('SML pagination', () => {
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

	test('a server that ignores `page` is not walked forever: its repeated page is an error, not a list of duplicates', async () => {
		const sml = smlServer()
			.on('GET', '/api/lead/', [200, page(leads.slice(0, 2), `${BASE_URL}/api/lead/?page=2`, 4)])
			.on('GET', '/api/lead/', [200, page(leads.slice(0, 2), `${BASE_URL}/api/lead/?page=2`, 4)]);
		const result = await runNode({
			node: 'sml',
			parameters: {
				resource: 'lead',
				operation: 'getAll',
				returnAll: true,
				options: { page_size: 2 },
			},
			credentials,
		});
		expect(sml.without(LOGIN_PATH).map((r) => r.path)).toEqual([
			'/api/lead/?page=1&page_size=2',
			'/api/lead/?page=2&page_size=2',
		]);
		expect(result.error?.message).toBe(
			'SML: GET /api/lead/ stopped: page 2 repeated the records of page 1',
		);
		expect(result.error?.context?.itemIndex).toBe(0);
		expect(result.json).toEqual([]);
	});
});

describe('SML validation happens before anything is sent', () => {
	test('an invalid item stops the run before the first request, naming the item and the field', async () => {
		// No interceptor at all: any request would fail the test (see test/harness/nockSetup.ts).
		const result = await runNode({
			node: 'sml',
			parameters: {
				resource: 'lead',
				operation: 'create',
				source: '={{ $json.source }}',
				brand_model: 'Seat Ibiza',
				client: { name: 'Ana', email: '={{ $json.email }}' },
			},
			items: [
				{ json: { source: 1, email: 'ana@example.com' } },
				{ json: { source: 1, email: 'not-an-email' } },
			],
			credentials,
		});
		expect(result.error?.message).toBe(
			'Invalid input in item 1: "Client › E-Mail" (email) must be a valid e-mail address',
		);
		expect(result.error?.context?.itemIndex).toBe(1);
		expect(result.error?.description).toMatch(/Nothing was sent/);
	});

	test('every faulty field of the item is listed', async () => {
		const result = await runNode({
			node: 'sml',
			// An empty required field is caught by n8n itself; one that an expression empties is caught here.
			parameters: {
				resource: 'lead',
				operation: 'create',
				source: 'abc',
				brand_model: '={{ "" }}',
				additionalFields: { score: '9' },
			},
			credentials,
		});
		expect(result.error?.message).toBe(
			'Invalid input in item 0: "Source Name or ID" (source) must be a whole number; "Vehicle Brand and Model" (brand_model) is required; "Additional Fields › Score" (score) must be one of: 1, 2, 3, 4',
		);
	});

	test('Continue On Fail: the invalid item yields its error, the valid ones are sent, each paired with its input', async () => {
		const sml = smlServer()
			.on('POST', '/api/lead/', [201, { ...lead984, id: 1 }])
			.on('POST', '/api/lead/', [201, { ...lead984, id: 3 }]);
		const result = await runNode({
			node: 'sml',
			parameters: {
				resource: 'lead',
				operation: 'create',
				source: 1,
				brand_model: '={{ $json.model }}',
			},
			items: [
				{ json: { model: 'Seat Ibiza' } },
				{ json: { model: '' } },
				{ json: { model: 'Seat León' } },
			],
			continueOnFail: true,
			credentials,
		});
		expect(result.error).toBeUndefined();
		expect(sml.without(LOGIN_PATH).map((r) => r.body)).toEqual([
			{ source: 1, vehicle: { brand_model: 'Seat Ibiza' } },
			{ source: 1, vehicle: { brand_model: 'Seat León' } },
		]);
		expect(result.items.map((item) => [item.json.id ?? item.json.error, item.pairedItem])).toEqual([
			[1, { item: 0 }],
			['Invalid input in item 1: "Vehicle Brand and Model" (brand_model) is required', { item: 1 }],
			[3, { item: 2 }],
		]);
	});
});

describe('SML error answers become readable errors', () => {
	const get = async (status: number, body: unknown, continueOnFail = false) => {
		smlServer().on('GET', '/api/lead/984/', [status, body]);
		return await runNode({
			node: 'sml',
			parameters: { resource: 'lead', operation: 'get', leadId: '984' },
			credentials,
			continueOnFail,
		});
	};

	test.each([
		[
			400,
			{
				client: { email: ['Introduzca una dirección de correo electrónico válida.'] },
				source: ['Este campo es requerido.'],
			},
			'SML: the server rejected the data (HTTP 400): client.email: Introduzca una dirección de correo electrónico válida.; source: Este campo es requerido.',
		],
		[
			400,
			{ non_field_errors: ['El lead ya está finalizado.'] },
			'SML: the server rejected the data (HTTP 400): El lead ya está finalizado.',
		],
		[
			400,
			{ request: { task: [{}, { type: ['"visit" no es una elección válida.'] }] } },
			'SML: the server rejected the data (HTTP 400): request.task[1].type: "visit" no es una elección válida.',
		],
		[
			403,
			{ detail: 'Usted no tiene permiso para realizar esta acción.' },
			'SML: permission denied (HTTP 403): Usted no tiene permiso para realizar esta acción.',
		],
		[404, { detail: 'No encontrado.' }, 'SML: not found (HTTP 404): No encontrado.'],
		[500, '<html><body>Server Error (500)</body></html>', 'SML: the SML server failed (HTTP 500)'],
	])('HTTP %i', async (status, body, message) => {
		const result = await get(status, body);
		expect(result.error?.message).toBe(message);
		expect(result.error?.httpCode).toBe(String(status));
		expect(JSON.stringify(result.run.data.resultData)).not.toContain(TOKEN);
	});

	test('a 401 that persists after the new login names the credentials', async () => {
		const sml = smlServer('second-token')
			.on('GET', '/api/lead/984/', [401, { detail: 'Invalid token.' }])
			.on('GET', '/api/lead/984/', [401, { detail: 'Invalid token.' }]);
		const helper = newCredentialsHelper({
			smlApi: { ...credentials.smlApi, sessionToken: 'first-token' },
		});
		const result = await runNode({
			node: 'sml',
			parameters: { resource: 'lead', operation: 'get', leadId: '984' },
			credentialsHelper: helper,
		});
		expect(sml.requests).toHaveLength(3);
		expect(result.error?.message).toBe(
			"SML: not authenticated (HTTP 401): Invalid token. Check the credential's values.",
		);
		expect(JSON.stringify(result.run.data.resultData)).not.toMatch(/first-token|second-token/);
	});

	test("with Continue On Fail a vendor error becomes that item's {error}", async () => {
		const result = await get(404, { detail: 'No encontrado.' }, true);
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([
			{ json: { error: 'SML: not found (HTTP 404): No encontrado.' }, pairedItem: { item: 0 } },
		]);
	});
});

test('the Authorization scheme follows the credential (Bearer)', async () => {
	const sml = smlServer().on('PATCH', '/api/lead/984/', [200, lead984]);
	await runNode({
		node: 'sml',
		parameters: { resource: 'lead', operation: 'finalize', leadId: '984' },
		credentials: { smlApi: { ...credentials.smlApi, authScheme: 'Bearer' } },
	});
	expect(sml.requests[1].headers).toEqual({ ...jsonAuth(), authorization: `Bearer ${TOKEN}` });
});
