/**
 * Version 2 of the Casabaca node: the Appraisal ID of Get, Download PDF and Send by E-Mail is a
 * resource locator (From List through getAvaluos, By ID); version 1 keeps the plain ID.
 */
import { listSearch } from '../harness/runNode';
import { auth, casabacaServer, credentials, loginRequest, run } from './casabaca';

const appraisals = [
	{ id: '1', placa: 'PBX-1021', marca: 'Toyota', modelo: 'Hilux', anio: 2019 },
	{ id: '2', placa: 'PCD-4410', marca: 'Toyota', modelo: 'Yaris' },
	{ id: 3 },
];

const search = (filter?: string) =>
	listSearch({
		node: 'sugarCrmCasabaca',
		typeVersion: 2,
		parameters: {},
		credentials,
		method: 'searchAppraisals',
		filter,
	});

describe('Casabaca Appraisal ID: From List (getAvaluos)', () => {
	test('lists every appraisal, named by the fields it has', async () => {
		const casabaca = casabacaServer().on('GET', '/api/getAvaluos', [200, { data: appraisals }]);
		expect(await search()).toEqual({
			results: [
				{ name: '#1 · PBX-1021 · Toyota · Hilux · 2019', value: '1' },
				{ name: '#2 · PCD-4410 · Toyota · Yaris', value: '2' },
				{ name: '#3', value: '3' },
			],
		});
		expect(casabaca.requests).toEqual([
			loginRequest,
			{ method: 'GET', path: '/api/getAvaluos', headers: auth() },
		]);
	});

	test('the search filters the answer (getAvaluos documents no search of its own)', async () => {
		casabacaServer().on('GET', '/api/getAvaluos', [200, { data: appraisals }]);
		expect(await search(' yaris ')).toEqual({
			results: [{ name: '#2 · PCD-4410 · Toyota · Yaris', value: '2' }],
		});
	});

	test('an appraisal chosen from the list is read by its ID', async () => {
		const casabaca = casabacaServer().on('GET', '/api/getAvaluo/2', [200, { data: appraisals[1] }]);
		const result = await run(
			'appraisal',
			'get',
			{ id: { __rl: true, mode: 'list', value: '2' } },
			{ typeVersion: 2 },
		);
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([appraisals[1]]);
		expect(casabaca.without('/api/login')).toEqual([
			{ method: 'GET', path: '/api/getAvaluo/2', headers: auth() },
		]);
	});
});

describe('Casabaca Appraisal ID: By ID', () => {
	test('a value that is not one path segment is refused by the mode, and from an expression before sending', async () => {
		await expect(
			run(
				'appraisal',
				'sendEmail',
				{ id: { __rl: true, mode: 'id', value: '1/2' } },
				{ typeVersion: 2 },
			),
		).rejects.toThrow(/Not a valid appraisal ID/);
		const result = await run(
			'appraisal',
			'sendEmail',
			{ id: { __rl: true, mode: 'id', value: '={{ "../1" }}' } },
			{ typeVersion: 2 },
		);
		expect(result.error?.message).toMatch(
			/^Invalid input in item 0: "Appraisal ID" \(id\) must not contain "\/"/,
		);
	});

	test('version 1 sends the same request from its plain ID', async () => {
		const v1 = casabacaServer().on('GET', '/api/getAvaluo/1', [200, { data: appraisals[0] }]);
		expect((await run('appraisal', 'get', { id: '1' })).json).toEqual([appraisals[0]]);
		const v2 = casabacaServer().on('GET', '/api/getAvaluo/1', [200, { data: appraisals[0] }]);
		const result = await run(
			'appraisal',
			'get',
			{ id: { __rl: true, mode: 'id', value: '1' } },
			{ typeVersion: 2 },
		);
		expect(result.json).toEqual([appraisals[0]]);
		expect(v2.requests).toEqual(v1.requests);
	});
});

describe('Casabaca advisor (Advisor User Name of an appointment): From List (asesores of the Medio ID)', () => {
	const advisors = [
		{
			nombres: 'FRANCISCO XAVIER',
			apellidos: 'VILLAMAR CASTRO',
			user_name: 'MA_PALACIOS',
			agencia: 'CUMBAYA',
		},
		{ nombres: 'Admin', apellidos: 'SugarCRM', user_name: 'admin' },
	];
	const searchAdvisors = (parameters: Record<string, unknown>, filter?: string) =>
		listSearch({
			node: 'sugarCrmCasabaca',
			typeVersion: 2,
			parameters: { resource: 'call', operation: 'createWithAppointment', ...parameters } as never,
			credentials,
			method: 'searchAdvisors',
			filter,
		});

	test("lists the advisors of the form's Medio ID, by their user names", async () => {
		const casabaca = casabacaServer().on('GET', '/api/asesores?medio=11', [
			200,
			{ data: advisors },
		]);
		expect(await searchAdvisors({ medio: '11' })).toEqual({
			results: [
				{ name: 'FRANCISCO XAVIER VILLAMAR CASTRO (MA_PALACIOS) · CUMBAYA', value: 'MA_PALACIOS' },
				{ name: 'Admin SugarCRM (admin)', value: 'admin' },
			],
		});
		expect(casabaca.without('/api/login')).toEqual([
			{ method: 'GET', path: '/api/asesores?medio=11', headers: auth() },
		]);
	});

	test('the search filters them', async () => {
		casabacaServer().on('GET', '/api/asesores?medio=11', [200, { data: advisors }]);
		expect((await searchAdvisors({ medio: 11 }, 'cumbaya')).results).toEqual([
			{ name: 'FRANCISCO XAVIER VILLAMAR CASTRO (MA_PALACIOS) · CUMBAYA', value: 'MA_PALACIOS' },
		]);
	});

	test('without a fixed Medio ID nothing is asked and the list says why', async () => {
		await expect(searchAdvisors({ medio: '={{ $json.medio }}' })).rejects.toThrow(
			'Set the Medio ID (a number, not an expression) to list its advisors, or give the advisor By ID',
		);
	});

	test('an appointment: without its advisor refused in version 2 as in version 1; chosen from the list, sent', async () => {
		const parameters = {
			user_name_call_center: 'CG_RAMOS',
			date_start: '2021-10-02 19:59',
			status: 'Held',
			direction: 'Inbound',
			type: 'cita',
			category: '2',
			medio: '10',
			notes: 'x',
			call_ticket_id: 't',
			call_ticket_is_closed: false,
			call_ticket_motivo_cierre: 'solo_informacion',
			meeting_status: 'Planned',
			meeting_date: '2021-10-02 19:59',
			meeting_subject: 'Prueba de Manejo',
			meeting_comments: 'El cliente se acerca a la agencia...',
			meeting_location: 'Agencia los Chillos',
			meeting_client_tipo_identificacion: 'C',
			meeting_client_numero_identificacion: '1719932079',
			meeting_client_names: 'Freddy Roberto',
			meeting_client_surnames: 'Vargas Rodriguez',
			meeting_client_cellphone_number: '0987512224',
			meeting_client_email: 'mart2021@hotmail.com',
		};
		const v2 = await run(
			'call',
			'createWithAppointment',
			{ ...parameters, user_name_asesor: { __rl: true, mode: 'id', value: '={{ "" }}' } },
			{ typeVersion: 2 },
		);
		const v1 = await run('call', 'createWithAppointment', {
			...parameters,
			user_name_asesor: '={{ "" }}',
		});
		expect(v2.error?.message).toContain(
			'"Advisor User Name" (user_name_asesor) is required when the call is an appointment',
		);
		expect(v2.error?.message).toBe(v1.error?.message);

		const answer = { data: { call_id: 'c', ticket_id: 't', prospeccion_id: 'p', meeting_id: 'm' } };
		const casabaca = casabacaServer().on('POST', '/api/calls', [200, answer]);
		const chosen = await run(
			'call',
			'createWithAppointment',
			{ ...parameters, user_name_asesor: { __rl: true, mode: 'list', value: 'MA_PALACIOS' } },
			{ typeVersion: 2 },
		);
		expect(chosen.error).toBeUndefined();
		const body = casabaca.requests[1].body as { datosSugarCRM: Record<string, unknown> };
		expect(body.datosSugarCRM.user_name_asesor).toBe('MA_PALACIOS');
	});
});
