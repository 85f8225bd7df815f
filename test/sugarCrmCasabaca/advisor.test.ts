import { auth, casabacaServer, run } from './casabaca';

describe('Casabaca Advisor', () => {
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
});
