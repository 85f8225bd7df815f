import { newCredentialsHelper, runNode } from '../harness/runNode';
import {
	LOGIN_PATH,
	TOKEN,
	UNAUTHENTICATED,
	auth,
	casabacaServer,
	credentials,
	jsonAuth,
	loginRequest,
	run,
	PASSWORD,
} from './casabaca';

const noteParameters = {
	resource: 'ticket',
	operation: 'addNotes',
	id: '={{ $json.ticket }}',
	notes: '={{ $json.note }}',
};
const answer = (id: string) =>
	[200, { data: { ticket_id: id, ticket_name: 'TCK-1' } }] as [number, unknown];

describe('Casabaca token handling', () => {
	test('one token serves 20 items and a later execution', async () => {
		const casabaca = casabacaServer();
		for (let i = 0; i < 21; i++) casabaca.on('POST', `/api/ticket/addNotes/t${i}`, answer(`t${i}`));
		const helper = newCredentialsHelper(credentials);
		const items = Array.from({ length: 20 }, (_, i) => ({
			json: { ticket: `t${i}`, note: `note ${i}` },
		}));
		const first = await runNode({
			node: 'sugarCrmCasabaca',
			parameters: noteParameters,
			items,
			credentialsHelper: helper,
		});
		expect(first.error).toBeUndefined();
		expect(first.json).toHaveLength(20);
		const second = await runNode({
			node: 'sugarCrmCasabaca',
			parameters: noteParameters,
			items: [{ json: { ticket: 't20', note: 'x' } }],
			credentialsHelper: helper,
		});
		expect(second.json).toEqual([{ ticket_id: 't20', ticket_name: 'TCK-1' }]);
		expect(helper.logins.sugarCrmCasabacaApi).toBe(1);
		expect(casabaca.requests.filter((r) => r.path === LOGIN_PATH)).toHaveLength(1);
		expect(new Set(casabaca.without(LOGIN_PATH).map((r) => r.headers.authorization))).toEqual(
			new Set([`Bearer ${TOKEN}`]),
		);
	});

	test('HTTP 500 "Unauthenticated." refreshes the token once and repeats the request once', async () => {
		const helper = newCredentialsHelper({
			sugarCrmCasabacaApi: { ...credentials.sugarCrmCasabacaApi, sessionToken: 'old-token' },
		});
		const casabaca = casabacaServer('new-token')
			.on('POST', '/api/ticket/addNotes/t1', UNAUTHENTICATED)
			.on('POST', '/api/ticket/addNotes/t1', answer('t1'));
		const result = await runNode({
			node: 'sugarCrmCasabaca',
			parameters: noteParameters,
			items: [{ json: { ticket: 't1', note: 'hola' } }],
			credentialsHelper: helper,
		});
		expect(result.error).toBeUndefined();
		const sent = {
			method: 'POST',
			path: '/api/ticket/addNotes/t1',
			body: { datosSugarCRM: { notes: 'hola' } },
		};
		expect(casabaca.requests).toEqual([
			{ ...sent, headers: jsonAuth('old-token') },
			loginRequest,
			{ ...sent, headers: jsonAuth('new-token') },
		]);
		expect(helper.stored.sugarCrmCasabacaApi.sessionToken).toBe('new-token');
		expect(result.json).toEqual([{ ticket_id: 't1', ticket_name: 'TCK-1' }]);
	});

	test("HTTP 401 also refreshes once (n8n's own rule)", async () => {
		const helper = newCredentialsHelper({
			sugarCrmCasabacaApi: { ...credentials.sugarCrmCasabacaApi, sessionToken: 'old-token' },
		});
		const casabaca = casabacaServer('new-token')
			.on('GET', '/api/getAvaluo/1', [401, { message: 'Unauthenticated.' }])
			.on('GET', '/api/getAvaluo/1', [200, { data: { id: '1' } }]);
		const result = await runNode({
			node: 'sugarCrmCasabaca',
			parameters: { resource: 'appraisal', operation: 'get', id: '1' },
			credentialsHelper: helper,
		});
		expect(result.json).toEqual([{ id: '1' }]);
		expect(casabaca.requests.map((r) => r.headers.authorization ?? 'login')).toEqual([
			'Bearer old-token',
			'login',
			'Bearer new-token',
		]);
	});

	test("another HTTP 500 is neither refreshed nor retried: one request, the vendor's words", async () => {
		const casabaca = casabacaServer().on('POST', '/api/ticket/addNotes/t1', [
			500,
			{ error: 'La prospeccion seleccionada ya tiene una reunión planificada' },
		]);
		const result = await run('ticket', 'addNotes', { id: 't1', notes: 'x' });
		expect(casabaca.without(LOGIN_PATH)).toHaveLength(1);
		expect(result.error?.message).toBe(
			'SugarCRM Casabaca: the server failed (HTTP 500): La prospeccion seleccionada ya tiene una reunión planificada',
		);
	});

	test('a token still refused after the refresh fails once more and stops', async () => {
		const helper = newCredentialsHelper({
			sugarCrmCasabacaApi: { ...credentials.sugarCrmCasabacaApi, sessionToken: 'old-token' },
		});
		const casabaca = casabacaServer('new-token')
			.on('POST', '/api/ticket/addNotes/t1', UNAUTHENTICATED)
			.on('POST', '/api/ticket/addNotes/t1', UNAUTHENTICATED);
		const result = await runNode({
			node: 'sugarCrmCasabaca',
			parameters: noteParameters,
			items: [{ json: { ticket: 't1', note: 'x' } }],
			credentialsHelper: helper,
		});
		expect(casabaca.requests).toHaveLength(3);
		expect(result.error?.message).toBe(
			'SugarCRM Casabaca: the server failed (HTTP 500): Unauthenticated.',
		);
		expect(JSON.stringify(result.run.data.resultData)).not.toMatch(/old-token|new-token/);
	});
});

describe('Casabaca Session', () => {
	test('create token: POST /api/login with the credential; the token is never output', async () => {
		const casabaca = casabacaServer();
		const result = await run('session', 'createToken');
		expect(casabaca.requests).toEqual([loginRequest]);
		expect(result.json).toEqual([
			{ status_code: '200', tokenCreated: true, email: 'mart@hotmail.com', environment: 'dev' },
		]);
		expect(JSON.stringify(result.json)).not.toContain(TOKEN);
	});

	test("a refused login keeps the vendor's words and not the password", async () => {
		const { FakeVendor } = await import('../harness/fakeVendor');
		new FakeVendor(credentials.sugarCrmCasabacaApi.baseUrl).on('POST', '/api/login', [
			500,
			{ message: 'Password incorrecto' },
		]);
		const result = await run('appraisal', 'get', { id: '1' });
		expect(result.error?.message).toBe('SugarCRM Casabaca login failed: Password incorrecto');
		expect(JSON.stringify(result.run.data.resultData)).not.toContain(PASSWORD);
	});

	test('expire token: GET /api/logout', async () => {
		const casabaca = casabacaServer().on('GET', '/api/logout', [
			200,
			{ status_code: 200, token: 'Token has deleted succesfully' },
		]);
		const result = await run('session', 'expireToken');
		expect(casabaca.requests[1]).toEqual({
			method: 'GET',
			path: '/api/logout',
			headers: auth(),
			body: undefined,
		});
		expect(result.json).toEqual([{ status_code: 200, message: 'Token has deleted succesfully' }]);
	});
});
