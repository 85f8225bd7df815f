import { casabacaServer, jsonAuth, loginRequest, run } from './casabaca';

describe('Casabaca API User', () => {
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
});
