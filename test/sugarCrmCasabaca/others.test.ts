import { readBinary } from '../harness/runNode';
import {
	auth,
	casabacaServer,
	credentials,
	jsonAuth,
	loginRequest,
	PASSWORD,
	run,
	TOKEN,
} from './casabaca';

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

describe('Casabaca Appraisal', () => {
	test('get many: GET /api/getAvaluos, one item per appraisal', async () => {
		const appraisals = [
			{ id: '1', placa: 'PCY-7933' },
			{ id: '2', placa: 'PBA-1234' },
		];
		const casabaca = casabacaServer().on('GET', '/api/getAvaluos', [200, { data: appraisals }]);
		const result = await run('appraisal', 'getAll');
		expect(casabaca.requests[1]).toEqual({
			method: 'GET',
			path: '/api/getAvaluos',
			headers: auth(),
			body: undefined,
		});
		expect(result.json).toEqual(appraisals);
	});

	test('get: GET /api/getAvaluo/{id}', async () => {
		const casabaca = casabacaServer().on('GET', '/api/getAvaluo/1', [
			200,
			{ data: { id: '1', placa: 'PCY-7933' } },
		]);
		const result = await run('appraisal', 'get', { id: '1' });
		expect(casabaca.requests[1]).toEqual({
			method: 'GET',
			path: '/api/getAvaluo/1',
			headers: auth(),
			body: undefined,
		});
		expect(result.json).toEqual([{ id: '1', placa: 'PCY-7933' }]);
	});

	test('create or update: POST /api/createUpdateAvaluo with the JSON object as the body', async () => {
		const casabaca = casabacaServer().on('POST', '/api/createUpdateAvaluo', [
			200,
			{ data: { id: '7' } },
		]);
		const result = await run('appraisal', 'createOrUpdate', {
			appraisal: '{"placa":"PCY-7933","kilometraje":"25000"}',
		});
		expect(casabaca.requests[1]).toEqual({
			method: 'POST',
			path: '/api/createUpdateAvaluo',
			headers: jsonAuth(),
			body: { placa: 'PCY-7933', kilometraje: '25000' },
		});
		expect(result.json).toEqual([{ id: '7' }]);
	});

	test('create or update refuses text that is not a JSON object', async () => {
		const result = await run('appraisal', 'createOrUpdate', { appraisal: '{placa: PCY}' });
		expect(result.error?.message).toBe(
			'Invalid input in item 0: "Appraisal (JSON)" (appraisal) must be valid JSON',
		);
	});

	test('download PDF: GET /api/pdf/{id}, output as binary data named after the appraisal', async () => {
		const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
		const casabaca = casabacaServer().on('GET', '/api/pdf/1', [
			200,
			pdf,
			{ 'content-type': 'application/pdf' },
		]);
		const result = await run('appraisal', 'downloadPdf', { id: '1', binaryPropertyName: 'avaluo' });
		expect(result.error).toBeUndefined();
		expect(casabaca.requests[1]).toMatchObject({
			method: 'GET',
			path: '/api/pdf/1',
			headers: auth(),
		});
		expect(result.json).toEqual([
			{ id: '1', fileName: 'avaluo-1.pdf', mimeType: 'application/pdf', fileSize: pdf.length },
		]);
		const binary = result.items[0].binary!.avaluo;
		expect(binary).toMatchObject({
			fileName: 'avaluo-1.pdf',
			mimeType: 'application/pdf',
			fileExtension: 'pdf',
		});
		expect(await readBinary(binary)).toEqual(pdf);
	});

	test("an HTTP 200 carrying JSON instead of the PDF is a failure with the vendor's words, not a broken file", async () => {
		casabacaServer().on('GET', '/api/pdf/5', [
			200,
			{ error: 'Avalúo sin PDF' },
			{ 'content-type': 'application/json' },
		]);
		const result = await run('appraisal', 'downloadPdf', { id: '5', binaryPropertyName: 'data' });
		expect(result.error?.message).toBe(
			'SugarCRM Casabaca: the server sent no PDF for appraisal 5: Avalúo sin PDF',
		);
		expect(result.items).toEqual([]);
	});

	test("a PDF that is not there gives the vendor's JSON words", async () => {
		casabacaServer().on('GET', '/api/pdf/99', [404, { error: 'Avalúo no existe' }]);
		const result = await run('appraisal', 'downloadPdf', { id: '99', binaryPropertyName: 'data' });
		expect(result.error?.message).toBe('SugarCRM Casabaca: not found (HTTP 404): Avalúo no existe');
	});

	test('send by e-mail: GET /api/correo/{id}', async () => {
		const casabaca = casabacaServer().on('GET', '/api/correo/1', [200, { data: { sent: true } }]);
		const result = await run('appraisal', 'sendEmail', { id: '1' });
		expect(casabaca.requests[1]).toEqual({
			method: 'GET',
			path: '/api/correo/1',
			headers: auth(),
			body: undefined,
		});
		expect(result.json).toEqual([{ sent: true }]);
	});
});

describe('Casabaca Advisor, API User and Session', () => {
	test('advisors: GET /api/asesores with medio in the query (n8n sends no GET body)', async () => {
		const advisors = [
			{
				nombres: 'FRANCISCO XAVIER',
				apellidos: 'VILLAMAR CASTRO',
				celular: '0987647944',
				user_name: 'MA_PALACIOS',
				email: 'fvillamar@1001carros.com',
				agencia: 'CUMBAYA',
				lineas_negocio: ['SEMINUEVOS'],
			},
			{
				nombres: 'Admin',
				apellidos: 'SugarCRM',
				celular: null,
				user_name: 'admin',
				email: 'mwherrera@plus-projects.com',
				agencia: 'MATRIZ',
				lineas_negocio: [],
			},
		];
		const casabaca = casabacaServer().on('GET', '/api/asesores', [200, { data: advisors }]);
		const result = await run('advisor', 'getAll', { medio: '11' });
		expect(casabaca.requests[1]).toEqual({
			method: 'GET',
			path: '/api/asesores?medio=11',
			headers: auth(),
			body: undefined,
		});
		expect(result.json).toEqual(advisors);
	});

	test('API user: POST /api/register with the documented fields', async () => {
		const casabaca = casabacaServer().on('POST', '/api/register', [
			200,
			{ status_code: '200', message: 'Usuario Creado Correctamente' },
		]);
		const result = await run('apiUser', 'create', {
			name: 'Maria',
			register_email: 'mart@hotmail.com',
			additionalFields: {
				register_password: 'Hol@MunD0',
				fuente: 'inconcert',
				fuente_id: '2',
				medios: '2,3,5',
				compania: '1',
			},
		});
		expect(casabaca.requests[1]).toEqual({
			method: 'POST',
			path: '/api/register',
			headers: jsonAuth(),
			body: {
				name: 'Maria',
				email: 'mart@hotmail.com',
				password: 'Hol@MunD0',
				fuente: 'inconcert',
				fuente_id: '2',
				medios: '2,3,5',
				compania: '1',
			},
		});
		expect(result.json).toEqual([{ status_code: '200', message: 'Usuario Creado Correctamente' }]);
	});

	test("API user: the documented HTTP 500 {message} keeps the vendor's words and is sent once", async () => {
		const casabaca = casabacaServer().on('POST', '/api/register', [
			500,
			{ message: 'Usuario Creado Correctamente' },
		]);
		const result = await run('apiUser', 'create', {
			name: 'Maria',
			register_email: 'mart@hotmail.com',
		});
		expect(casabaca.requests).toEqual([
			loginRequest,
			{
				method: 'POST',
				path: '/api/register',
				headers: jsonAuth(),
				body: { name: 'Maria', email: 'mart@hotmail.com' },
			},
		]);
		expect(result.error?.message).toBe(
			'SugarCRM Casabaca: the server failed (HTTP 500): Usuario Creado Correctamente',
		);
	});

	test('an HTTP 200 whose top-level status_code is 400 or more is a failure too', async () => {
		casabacaServer().on('POST', '/api/register', [
			200,
			{ status_code: '400', message: 'El email ya existe' },
		]);
		const result = await run('apiUser', 'create', {
			name: 'Maria',
			register_email: 'mart@hotmail.com',
		});
		expect(result.error?.message).toBe(
			'SugarCRM Casabaca: the request failed (status_code 400: El email ya existe)',
		);
	});

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
