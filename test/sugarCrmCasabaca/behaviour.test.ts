import { newCredentialsHelper, runNode } from '../harness/runNode';
import {
	BASE_URL,
	LOGIN_PATH,
	TOKEN,
	UNAUTHENTICATED,
	auth,
	casabacaServer,
	credentials,
	jsonAuth,
	loginRequest,
	run,
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

describe('Casabaca errors and validation', () => {
	test('422: every field and its messages in one readable line', async () => {
		casabacaServer().on('POST', '/api/quotation', [
			422,
			{
				errors: {
					'datosSugarCRM.user_name_call_center': [
						'User-name inválido, call center no se encuentra registrado',
					],
					'datosSugarCRM.client.tipo_identificacion': [
						'Tipo de identificación no contiene un valor válido, valores válidos: C(Cedula),P(Pasaporte), R(RUC)',
					],
				},
			},
		]);
		const result = await run('prospect', 'createFromQuotation', {
			user_name_call_center: 'NADIE',
			ticket_id: 't',
			comments: 'c',
			modelo: 'm',
			medio: '10',
			client_tipo_identificacion: 'C',
			client_numero_identificacion: '1',
			client_gender: 'F',
			client_names: 'A',
			client_surnames: 'B',
			client_phone_home: '022',
			client_cellphone_number: '098',
			client_email: 'a@b.ec',
		});
		expect(result.error?.message).toBe(
			'SugarCRM Casabaca: the server rejected the data (HTTP 422): datosSugarCRM.user_name_call_center: User-name inválido, call center no se encuentra registrado; datosSugarCRM.client.tipo_identificacion: Tipo de identificación no contiene un valor válido, valores válidos: C(Cedula),P(Pasaporte), R(RUC)',
		);
		expect(result.error?.httpCode).toBe('422');
	});

	test('invalid items send nothing; with Continue On Fail the valid ones go on, paired with their input', async () => {
		const parameters = {
			resource: 'ticket',
			operation: 'createFromLandingPage',
			formulario: 'Exonerados',
			numero_identificacion: '1719932079',
			tipo_identificacion: 'C',
			nombres: 'A',
			apellidos: 'B',
			email: '={{ $json.email }}',
			celular: '={{ $json.phone }}',
			concesionario: 'Santo Domingo (Casabaca)',
		};
		const items = [
			{ json: { email: 'a@b.ec', phone: '0987519882' } },
			{ json: { email: 'not-an-email', phone: '09-87' } },
		];
		const stopped = await runNode({ node: 'sugarCrmCasabaca', parameters, items, credentials });
		expect(stopped.error?.message).toBe(
			'Invalid input in item 1: "E-Mail" (email) must be a valid e-mail address; "Mobile Phone" (celular) must contain digits only',
		);

		const casabaca = casabacaServer().on('POST', '/api/landing_ticket', [
			200,
			{ data: { ticket_id: 'x' } },
		]);
		const continued = await runNode({
			node: 'sugarCrmCasabaca',
			parameters,
			items,
			credentials,
			continueOnFail: true,
		});
		expect(casabaca.without(LOGIN_PATH)).toHaveLength(1);
		expect(continued.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(continued.items[1].json.error).toMatch(/^Invalid input in item 1/);
	});

	test('the base URL accepts a host without scheme (https is added)', async () => {
		const { FakeVendor } = await import('../harness/fakeVendor');
		const secure = new FakeVendor('https://api-sugarcrm.casabaca.com')
			.on('POST', LOGIN_PATH, [200, { status_code: '200', token: TOKEN }])
			.on('GET', '/api/getAvaluo/1', [200, { data: { id: '1' } }]);
		const result = await runNode({
			node: 'sugarCrmCasabaca',
			parameters: { resource: 'appraisal', operation: 'get', id: '1' },
			credentials: {
				sugarCrmCasabacaApi: {
					...credentials.sugarCrmCasabacaApi,
					baseUrl: 'api-sugarcrm.casabaca.com/',
				},
			},
		});
		expect(result.json).toEqual([{ id: '1' }]);
		expect(secure.requests[1].headers).toEqual(auth());
		expect(BASE_URL).toMatch(/^http:/);
	});
});
