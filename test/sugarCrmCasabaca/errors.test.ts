import { runNode } from '../harness/runNode';
import { BASE_URL, LOGIN_PATH, TOKEN, auth, casabacaServer, credentials, run } from './casabaca';

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
