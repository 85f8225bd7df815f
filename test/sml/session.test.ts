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

test('the Authorization scheme follows the credential (Bearer)', async () => {
	const sml = smlServer().on('PATCH', '/api/lead/984/', [200, lead984]);
	await runNode({
		node: 'sml',
		parameters: { resource: 'lead', operation: 'finalize', leadId: '984' },
		credentials: { smlApi: { ...credentials.smlApi, authScheme: 'Bearer' } },
	});
	expect(sml.requests[1].headers).toEqual({ ...jsonAuth(), authorization: `Bearer ${TOKEN}` });
});
