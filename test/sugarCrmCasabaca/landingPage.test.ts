import { casabacaServer, jsonAuth, run } from './casabaca';

const landingPage = {
	landing_name: 'Exonerados',
	medio: '18',
	autorizador: 'autorizador@gmail.com',
	campaign: 'RODRIGUEZ 0626c2b0-1ad2-11ea-830b-000c297d72b1',
	business_line_id: 'f417e1ae-a81b-11e9-ab2c-000c297d72b1',
	user_login: 'tde',
	user_assigned_position: '2',
	additionalFields: { type_transaction: '1' },
	formProperties: {
		properties: [
			{ label: 'Tipo de discapacidad', value: 'tipo_discapacidad', validations: 'required' },
		],
	},
};

describe('Casabaca Landing Page', () => {
	test('create: POST /api/create_landing_page, the form properties as a JSON text', async () => {
		const casabaca = casabacaServer().on('POST', '/api/create_landing_page', [
			200,
			{ data: { status_code: '200', messsage: 'Landing Page creada correctamente' } },
		]);
		const result = await run('landingPage', 'create', landingPage);
		expect(result.error).toBeUndefined();
		expect(casabaca.requests[1]).toEqual({
			method: 'POST',
			path: '/api/create_landing_page',
			headers: jsonAuth(),
			body: {
				datosSugarCRM: {
					name: 'Exonerados',
					medio: '18',
					properties_form:
						'[{"label":"Tipo de discapacidad","value":"tipo_discapacidad","validations":"required"}]',
					autorizador: 'autorizador@gmail.com',
					campaign: 'RODRIGUEZ 0626c2b0-1ad2-11ea-830b-000c297d72b1',
					business_line_id: 'f417e1ae-a81b-11e9-ab2c-000c297d72b1',
					user_login: 'tde',
					type_transaction: '1',
					user_assigned_position: '2',
				},
			},
		});
		expect(result.json).toEqual([
			{ status_code: '200', messsage: 'Landing Page creada correctamente' },
		]);
	});

	test('an HTTP 200 whose data.status_code is "400" is a failure', async () => {
		casabacaServer().on('POST', '/api/create_landing_page', [
			200,
			{ data: { status_code: '400', messsage: 'Revise que sus datos sean correctos' } },
		]);
		const result = await run('landingPage', 'create', landingPage);
		expect(result.error?.message).toBe(
			'SugarCRM Casabaca: the request failed (status_code 400: Revise que sus datos sean correctos)',
		);
	});

	test('the form properties may come as a JSON array from an expression', async () => {
		const casabaca = casabacaServer().on('POST', '/api/create_landing_page', [
			200,
			{ data: { status_code: '200' } },
		]);
		await run('landingPage', 'create', {
			...landingPage,
			formProperties: {},
			formPropertiesJson: '[{"label":"Placa","value":"placa"}]',
		});
		expect(
			(casabaca.requests[1].body as { datosSugarCRM: { properties_form: string } }).datosSugarCRM
				.properties_form,
		).toBe('[{"label":"Placa","value":"placa"}]');
	});
});
