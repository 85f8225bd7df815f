import { auth, casabacaServer, jsonAuth, loginRequest, run, TOKEN } from './casabaca';

const ticketAnswer = {
	data: {
		ticket_id: '10438baf-0d83-9533-4fb3-602ea326288b',
		ticket_name: 'TCK-463587',
		interaction_id: '1042eae5-0c94-1f7f-ef16-602e98cbd391',
	},
};

describe("Casabaca Ticket (the seed's documented examples)", () => {
	test('create interaction: POST /api/tickets with every documented field', async () => {
		const casabaca = casabacaServer().on('POST', '/api/tickets', [200, ticketAnswer]);
		const result = await run('ticket', 'createInteraction', {
			email: 'mart@hotmail.com',
			nombres: 'FREDDY ROBERTO',
			apellidos: 'RODRIGUEZ VARGAS',
			celular: '0987519882',
			medio: '13',
			id_interaccion_inconcert: 'id_inconcert',
			additionalFields: {
				numero_identificacion: '1719932079',
				tipo_identificacion: 'C',
				user_name: 'CG_RAMOS',
				telefono: '022072827',
				linea_negocio: '1',
				tipo_transaccion: '1',
				anio: '2020',
				placa: 'PCY-7933',
				campania: '5e686580-ee19-11ea-97ea-000c297d72b1',
				asunto: 'Mantenimiento',
				comentario_cliente: 'Necesita una cita para mantenimiento',
				description: 'El cliente requiere una cotizacion urgente',
				porcentaje_discapacidad: '50_74',
				marca: '1',
				modelo: '2',
				precio: '25000',
				color: 'negro',
				anioMin: '2018',
				anioMax: '2020',
				kilometraje: '25000',
				combustible: 'gasolina',
			},
			formDetails: {
				title: 'Titulo del Formulario',
				pageUrl: 'https://www.toyota.com.ec/formulariox.html',
				thankyouPageUrl: 'https://www.toyota.com.ec/graciasFormularioX.html',
			},
			formFields: {
				fields: [
					{ key: 'Nombres', nombre: 'Maria' },
					{ key: 'Apellidos', nombre: 'Rodriguez' },
					{ key: 'Cedula', nombre: '171999999' },
				],
			},
		});
		expect(result.error).toBeUndefined();
		expect(casabaca.requests).toEqual([
			loginRequest,
			{
				method: 'POST',
				path: '/api/tickets',
				headers: jsonAuth(),
				body: {
					datosSugarCRM: {
						numero_identificacion: '1719932079',
						tipo_identificacion: 'C',
						email: 'mart@hotmail.com',
						user_name: 'CG_RAMOS',
						nombres: 'FREDDY ROBERTO',
						apellidos: 'RODRIGUEZ VARGAS',
						celular: '0987519882',
						telefono: '022072827',
						linea_negocio: '1',
						tipo_transaccion: '1',
						anio: '2020',
						placa: 'PCY-7933',
						medio: '13',
						campania: '5e686580-ee19-11ea-97ea-000c297d72b1',
						asunto: 'Mantenimiento',
						comentario_cliente: 'Necesita una cita para mantenimiento',
						id_interaccion_inconcert: 'id_inconcert',
						description: 'El cliente requiere una cotizacion urgente',
						porcentaje_discapacidad: '50_74',
						marca: '1',
						modelo: '2',
						precio: '25000',
						color: 'negro',
						anioMin: '2018',
						anioMax: '2020',
						kilometraje: '25000',
						combustible: 'gasolina',
					},
					datos_adicionales: {
						title: 'Titulo del Formulario',
						pageUrl: 'https://www.toyota.com.ec/formulariox.html',
						thankyouPageUrl: 'https://www.toyota.com.ec/graciasFormularioX.html',
						fields: [
							{ key: 'Nombres', nombre: 'Maria' },
							{ key: 'Apellidos', nombre: 'Rodriguez' },
							{ key: 'Cedula', nombre: '171999999' },
						],
					},
				},
			},
		]);
		expect(result.json).toEqual([ticketAnswer.data]);
	});

	test('a client comment without a subject is refused before anything is sent', async () => {
		const result = await run('ticket', 'createInteraction', {
			email: 'mart@hotmail.com',
			nombres: 'A',
			apellidos: 'B',
			celular: '0987519882',
			medio: '13',
			id_interaccion_inconcert: 'x',
			additionalFields: { comentario_cliente: 'Necesita una cita' },
		});
		expect(result.error?.message).toBe(
			'Invalid input in item 0: "Additional Fields › Subject" (asunto) is required when a client comment is given',
		);
	});

	test('create from call: POST /api/call_ticket; the documented answer is the output', async () => {
		const answer = {
			data: {
				ticket_id: '10438baf-0d83-9533-4fb3-602ea326288b',
				ticket_name: 'TCK-463587',
				ticket_url:
					'https://sugarcrm.casabaca.com/#cbt_Tickets/d4417c68-87a1-2572-9443-60e5cf52d1ef',
			},
		};
		const casabaca = casabacaServer().on('POST', '/api/call_ticket', [200, answer]);
		const result = await run('ticket', 'createFromCall', {
			numero_identificacion: '1719932079',
			tipo_identificacion: 'C',
			email: 'mart@hotmail.com',
			nombres: 'FREDDY ROBERTO',
			apellidos: 'RODRIGUEZ VARGAS',
			celular: '0987519882',
			medio: '13',
			id_interaccion_inconcert: 'id_inconcert',
			additionalFields: {
				user_name: 'CG_RAMOS',
				telefono: '022072827',
				linea_negocio: '1',
				tipo_transaccion: '1',
				campania: '5e686580-ee19-11ea-97ea-000c297d72b1',
				marca: '1',
				modelo: '2',
				comentario_cliente: 'Necesita una cita para mantenimiento',
				description: 'El cliente requiere una cotizacion urgente',
				porcentaje_discapacidad: '50_74',
			},
			formFields: {
				fields: [
					{ key: 'Estado Civil', nombre: 'Soltero' },
					{ key: 'Fecha de Nacimiento', nombre: '10 Diciembre de 1970' },
				],
			},
		});
		expect(result.error).toBeUndefined();
		expect(casabaca.requests[1]).toEqual({
			method: 'POST',
			path: '/api/call_ticket',
			headers: jsonAuth(),
			body: {
				datosSugarCRM: {
					numero_identificacion: '1719932079',
					tipo_identificacion: 'C',
					email: 'mart@hotmail.com',
					user_name: 'CG_RAMOS',
					nombres: 'FREDDY ROBERTO',
					apellidos: 'RODRIGUEZ VARGAS',
					celular: '0987519882',
					telefono: '022072827',
					linea_negocio: '1',
					tipo_transaccion: '1',
					medio: '13',
					campania: '5e686580-ee19-11ea-97ea-000c297d72b1',
					id_interaccion_inconcert: 'id_inconcert',
					marca: '1',
					modelo: '2',
					comentario_cliente: 'Necesita una cita para mantenimiento',
					description: 'El cliente requiere una cotizacion urgente',
					porcentaje_discapacidad: '50_74',
				},
				datos_adicionales: {
					fields: [
						{ key: 'Estado Civil', nombre: 'Soltero' },
						{ key: 'Fecha de Nacimiento', nombre: '10 Diciembre de 1970' },
					],
				},
			},
		});
		expect(result.json).toEqual([answer.data]);
	});

	test('create from landing page: POST /api/landing_ticket', async () => {
		const answer = {
			data: {
				...ticketAnswer.data,
				ticket_url:
					'https://sugarcrm.casabaca.com/#cbt_Tickets/e06279dc-5629-5b20-6ebf-61081a41553a',
			},
		};
		const casabaca = casabacaServer().on('POST', '/api/landing_ticket', [200, answer]);
		const result = await run('ticket', 'createFromLandingPage', {
			formulario: 'Exonerados',
			numero_identificacion: '1719932079',
			tipo_identificacion: 'C',
			nombres: 'FREDDY ROBERTO',
			apellidos: 'RODRIGUEZ VARGAS',
			email: 'mart@hotmail.com',
			celular: '0987519882',
			concesionario: 'Santo Domingo (Casabaca)',
		});
		expect(casabaca.requests[1]).toEqual({
			method: 'POST',
			path: '/api/landing_ticket',
			headers: jsonAuth(),
			body: {
				datosSugarCRM: {
					formulario: 'Exonerados',
					numero_identificacion: '1719932079',
					tipo_identificacion: 'C',
					nombres: 'FREDDY ROBERTO',
					apellidos: 'RODRIGUEZ VARGAS',
					email: 'mart@hotmail.com',
					celular: '0987519882',
					concesionario: 'Santo Domingo (Casabaca)',
				},
			},
		});
		expect(result.json).toEqual([answer.data]);
	});

	test('mark not answered: POST /api/not_answer_ticket/{id} without a body', async () => {
		const answer = {
			data: { ticket_id: 'd9bf5143-daa6-d9ca-7d04-60df4f47f51a', ticket_name: 'TCK-463587' },
		};
		const casabaca = casabacaServer().on(
			'POST',
			'/api/not_answer_ticket/d9bf5143-daa6-d9ca-7d04-60df4f47f51a',
			[200, answer],
		);
		const result = await run('ticket', 'markNotAnswered', {
			id: 'd9bf5143-daa6-d9ca-7d04-60df4f47f51a',
		});
		expect(casabaca.requests[1]).toEqual({
			method: 'POST',
			path: '/api/not_answer_ticket/d9bf5143-daa6-d9ca-7d04-60df4f47f51a',
			headers: auth(),
			body: undefined,
		});
		expect(result.json).toEqual([answer.data]);
	});

	test('log unanswered call: POST /api/not_answer_call, the call start sent as Y-m-d H:i in UTC', async () => {
		const answer = {
			data: {
				call_id: '1043801af-0d83-9533-4fb3-602ea313128b',
				ticket_id: '10438baf-0d83-9533-4fb3-602ea326288b',
			},
		};
		const casabaca = casabacaServer().on('POST', '/api/not_answer_call', [200, answer]);
		const result = await run('ticket', 'logUnansweredCall', {
			ticket_id: '10438baf-0d83-9533-4fb3-602ea326288b',
			user_name_call_center: 'CG_RAMOS',
			date_start: '2021-10-02T14:59:00-05:00',
			duration_hours: '0',
			duration_minutes: '10',
			direction: 'Inbound',
			formFields: {
				fields: [
					{ key: 'Estado Civil', nombre: 'Soltero' },
					{ key: 'Fecha de Nacimiento', nombre: '10 Diciembre de 1970' },
				],
			},
		});
		expect(casabaca.requests).toEqual([
			loginRequest,
			{
				method: 'POST',
				path: '/api/not_answer_call',
				headers: jsonAuth(),
				body: {
					datosSugarCRM: {
						user_name_call_center: 'CG_RAMOS',
						date_start: '2021-10-02 19:59',
						duration_hours: '0',
						duration_minutes: '10',
						direction: 'Inbound',
						ticket_id: '10438baf-0d83-9533-4fb3-602ea326288b',
					},
					datos_adicionales: {
						fields: [
							{ key: 'Estado Civil', nombre: 'Soltero' },
							{ key: 'Fecha de Nacimiento', nombre: '10 Diciembre de 1970' },
						],
					},
				},
			},
		]);
		expect(result.json).toEqual([answer.data]);
	});

	test("a call start picked without a zone is read in the workflow's time zone and sent in UTC", async () => {
		const answer = {
			data: {
				call_id: '1043801af-0d83-9533-4fb3-602ea313128b',
				ticket_id: '10438baf-0d83-9533-4fb3-602ea326288b',
			},
		};
		const casabaca = casabacaServer().on('POST', '/api/not_answer_call', [200, answer]);
		const result = await run(
			'ticket',
			'logUnansweredCall',
			{
				ticket_id: '10438baf-0d83-9533-4fb3-602ea326288b',
				user_name_call_center: 'CG_RAMOS',
				// What n8n's date picker stores: the wall-clock time, no zone.
				date_start: '2021-10-02T14:59:00',
				duration_hours: '0',
				duration_minutes: '10',
				direction: 'Inbound',
			},
			{ timezone: 'America/Guayaquil' },
		);
		expect(result.error).toBeUndefined();
		expect(
			(casabaca.requests[1].body as { datosSugarCRM: { date_start: string } }).datosSugarCRM
				.date_start,
		).toBe('2021-10-02 19:59');
	});

	test('close: POST /api/close_ticket/{id} with the closing reason', async () => {
		const answer = {
			data: { ticket_id: '10438baf-0d83-9533-4fb3-602ea326288b', ticket_name: 'TCK-463587' },
		};
		const casabaca = casabacaServer().on(
			'POST',
			'/api/close_ticket/7c093743-5b5d-01ec-f0b4-604a99b319d3',
			[200, answer],
		);
		const result = await run('ticket', 'close', {
			id: '7c093743-5b5d-01ec-f0b4-604a99b319d3',
			ticket_motivo_cierre: 'solo_informacion',
		});
		expect(casabaca.requests[1]).toEqual({
			method: 'POST',
			path: '/api/close_ticket/7c093743-5b5d-01ec-f0b4-604a99b319d3',
			headers: jsonAuth(),
			body: { datosSugarCRM: { motivo_cierre: 'solo_informacion' } },
		});
		expect(result.json).toEqual([answer.data]);
	});

	test('add notes: POST /api/ticket/addNotes/{id}', async () => {
		const answer = {
			data: { ticket_id: '10438baf-0d83-9533-4fb3-602ea326288b', ticket_name: 'TCK-463587' },
		};
		const casabaca = casabacaServer().on(
			'POST',
			'/api/ticket/addNotes/3aa93559-44b6-9527-8803-6079d0401158',
			[200, answer],
		);
		const result = await run('ticket', 'addNotes', {
			id: '3aa93559-44b6-9527-8803-6079d0401158',
			notes: 'El cliente se encuentra interesado en un RAV4',
			additionalFields: {
				interaction: 'edc861f5-95ec-dc21-d6ff-608842e5f11c',
				prospeccion: '85fce850-bf1a-25ba-cbc3-60a547b5b9f3',
			},
		});
		expect(casabaca.requests).toEqual([
			loginRequest,
			{
				method: 'POST',
				path: '/api/ticket/addNotes/3aa93559-44b6-9527-8803-6079d0401158',
				headers: jsonAuth(),
				body: {
					datosSugarCRM: {
						notes: 'El cliente se encuentra interesado en un RAV4',
						interaction: 'edc861f5-95ec-dc21-d6ff-608842e5f11c',
						prospeccion: '85fce850-bf1a-25ba-cbc3-60a547b5b9f3',
					},
				},
			},
		]);
		expect(result.json).toEqual([answer.data]);
	});
});

describe("Casabaca Ticket errors (the seed's documented answers)", () => {
	const minimal = {
		email: 'mart@hotmail.com',
		nombres: 'A',
		apellidos: 'B',
		celular: '0987519882',
		medio: '13',
		id_interaccion_inconcert: 'x',
	};

	test("404 {error}: the vendor's words, the HTTP code, nothing of the request", async () => {
		casabacaServer().on('POST', '/api/tickets', [
			404,
			{ error: 'User-name inválido, asesor no se encuentra registrado' },
		]);
		const result = await run('ticket', 'createInteraction', {
			...minimal,
			additionalFields: { user_name: 'NADIE' },
		});
		expect(result.error?.message).toBe(
			'SugarCRM Casabaca: not found (HTTP 404): User-name inválido, asesor no se encuentra registrado',
		);
		expect(result.error?.httpCode).toBe('404');
		// The error keeps the status and the vendor's answer only: no request headers (the token).
		expect(JSON.stringify(result.run.data.resultData)).not.toMatch(new RegExp(`Bearer|${TOKEN}`));
	});

	test('422 keys without the datosSugarCRM prefix (as documented for tickets) are listed as they come', async () => {
		casabacaServer().on('POST', '/api/tickets', [
			422,
			{
				errors: {
					numero_identificacion: ['Identificación es requerida'],
					nombres: ['Nombres son requeridos'],
				},
			},
		]);
		const result = await run('ticket', 'createInteraction', minimal);
		expect(result.error?.message).toBe(
			'SugarCRM Casabaca: the server rejected the data (HTTP 422): numero_identificacion: Identificación es requerida; nombres: Nombres son requeridos',
		);
	});

	test('mark not answered: a 404 for an unknown ticket', async () => {
		casabacaServer().on('POST', '/api/not_answer_ticket/nope', [
			404,
			{ error: 'Ticket no existe, id inválido' },
		]);
		const result = await run('ticket', 'markNotAnswered', { id: 'nope' });
		expect(result.error?.message).toBe(
			'SugarCRM Casabaca: not found (HTTP 404): Ticket no existe, id inválido',
		);
	});
});
