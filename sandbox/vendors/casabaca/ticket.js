'use strict';
// Tickets (tickets, call_ticket, landing_ticket, not_answer_ticket, not_answer_call, close_ticket,
// ticket/addNotes).
const { isBlank, uuid, clone } = require('../../util');
const { TIPO_ID, TIPO_ID_MSG, MOTIVO_TICKET, LINEA, ADVISORS } = require('./common');

function createTickets(db, router, shared) {
	const {
		check,
		D,
		O,
		callCenter,
		ticketExists,
		datos,
		extra,
		addTicket,
		newCall,
		ticketUrl,
		pickClient,
	} = shared;

	const ticketClientRules = (idRequired) => [
		{
			...D('numero_identificacion', { requiredMsg: 'Identificación es requerida' }),
			required: idRequired,
		},
		{ ...D('tipo_identificacion', { in: TIPO_ID, inMsg: TIPO_ID_MSG }), required: idRequired },
		D('email', { email: true }),
		D('nombres', { requiredMsg: 'Nombres son requeridos' }),
		D('apellidos', { requiredMsg: 'Apellidos son requeridos' }),
		D('celular', { numeric: true }),
		O('telefono', { numeric: true }),
		O('linea_negocio', { in: LINEA }),
		O('tipo_transaccion', { in: ['1', '2', '3', '4'] }),
		D('medio', { numeric: true }),
		D('id_interaccion_inconcert'),
		O('porcentaje_discapacidad', { in: ['30_49', '50_74', '75_84', '85_100'] }),
	];

	function checkAdvisor(d) {
		if (!isBlank(d.user_name) && !ADVISORS.some((a) => a.user_name === String(d.user_name))) {
			return {
				status: 404,
				body: { error: 'User-name inválido, asesor no se encuentra registrado' },
			};
		}
		return null;
	}

	router.add('POST', '/api/tickets', (ctx) => {
		const body = ctx.body || {};
		const invalid = check(
			body,
			[
				...ticketClientRules(false),
				{
					...D('asunto'),
					when: (b) => !isBlank(datos(b).comentario_cliente),
					requiredMsg: 'Asunto es requerido si existe comentario del cliente',
				},
				O('combustible', { in: ['gasolina', 'diesel'] }),
			],
			{ bare: true },
		);
		if (invalid) return invalid;
		const d = datos(body);
		const bad = checkAdvisor(d);
		if (bad) return bad;
		const t = addTicket({
			source: 'tickets',
			client: pickClient(d),
			extra: { data: clone(d), datos_adicionales: extra(body) },
		});
		const interaction = {
			id: uuid(),
			type: 'interaction',
			id_interaccion_inconcert: d.id_interaccion_inconcert,
			at: new Date().toISOString(),
		};
		t.interactions.push(interaction);
		return {
			status: 200,
			body: { data: { ticket_id: t.id, ticket_name: t.name, interaction_id: interaction.id } },
		};
	});

	router.add('POST', '/api/call_ticket', (ctx) => {
		const body = ctx.body || {};
		const invalid = check(body, ticketClientRules(true), { bare: true });
		if (invalid) return invalid;
		const d = datos(body);
		const bad = checkAdvisor(d);
		if (bad) return bad;
		const t = addTicket({
			source: 'call_ticket',
			client: pickClient(d),
			extra: { data: clone(d), datos_adicionales: extra(body) },
		});
		return {
			status: 200,
			body: { data: { ticket_id: t.id, ticket_name: t.name, ticket_url: ticketUrl(t.id) } },
		};
	});

	router.add('POST', '/api/landing_ticket', (ctx) => {
		const body = ctx.body || {};
		const invalid = check(
			body,
			[
				D('formulario'),
				D('numero_identificacion', { requiredMsg: 'Identificación es requerida' }),
				D('tipo_identificacion', { in: TIPO_ID, inMsg: TIPO_ID_MSG }),
				D('nombres', { requiredMsg: 'Nombres son requeridos' }),
				D('apellidos', { requiredMsg: 'Apellidos son requeridos' }),
				D('email', { email: true }),
				D('celular', { numeric: true }),
				D('concesionario'),
			],
			{ bare: true },
		);
		if (invalid) return invalid;
		const d = datos(body);
		const t = addTicket({
			source: 'landing_ticket',
			client: pickClient(d),
			extra: { formulario: d.formulario, concesionario: d.concesionario },
		});
		const interaction = {
			id: uuid(),
			type: 'landing_page',
			formulario: d.formulario,
			at: new Date().toISOString(),
		};
		t.interactions.push(interaction);
		return {
			status: 200,
			body: {
				data: {
					ticket_id: t.id,
					ticket_name: t.name,
					interaction_id: interaction.id,
					ticket_url: ticketUrl(t.id),
				},
			},
		};
	});

	router.add('POST', '/api/not_answer_ticket/:id', (ctx) => {
		const t = db.tickets.get(ctx.params.id);
		if (!t) return { status: 404, body: { error: 'Ticket no existe, id inválido' } };
		t.interactions.push({ id: uuid(), type: 'not_answered', at: new Date().toISOString() });
		return { status: 200, body: { data: { ticket_id: t.id, ticket_name: t.name } } };
	});

	router.add('POST', '/api/not_answer_call', (ctx) => {
		const body = ctx.body || {};
		const invalid = check(
			body,
			[
				D('user_name_call_center', {
					requiredMsg: 'User_name del call center es requerida',
					...callCenter,
				}),
				D('date_start', { date: true, requiredMsg: 'La fecha de inicio de llamada es requerida' }),
				D('duration_hours', { numeric: true }),
				D('duration_minutes', { numeric: true }),
				D('direction', { in: ['Inbound', 'Outbound'] }),
				D('ticket_id', ticketExists),
			],
			{ bare: true },
		);
		if (invalid) return invalid;
		const d = datos(body);
		const t = db.tickets.get(String(d.ticket_id));
		const c = newCall(
			{ ...d, status: 'Not Held' },
			{ ticket_id: t.id, datos_adicionales: extra(body) },
		);
		t.calls.push(c.id);
		return { status: 200, body: { data: { call_id: c.id, ticket_id: t.id } } };
	});

	router.add('POST', '/api/close_ticket/:id', (ctx) => {
		const t = db.tickets.get(ctx.params.id);
		if (!t) return { status: 404, body: { error: 'Ticket no existe, id inválido' } };
		const invalid = check(ctx.body || {}, [
			D('motivo_cierre', { in: MOTIVO_TICKET, requiredMsg: 'Motivo de cierre es requerido' }),
		]);
		if (invalid) return invalid;
		t.status = 'closed';
		t.motivo_cierre = datos(ctx.body).motivo_cierre;
		return { status: 200, body: { data: { ticket_id: t.id, ticket_name: t.name } } };
	});

	router.add('POST', '/api/ticket/addNotes/:id', (ctx) => {
		const t = db.tickets.get(ctx.params.id);
		if (!t) return { status: 404, body: { error: 'Ticket no existe, id inválido' } };
		const invalid = check(ctx.body || {}, [D('notes', { requiredMsg: 'Notes es requerido' })]);
		if (invalid) return invalid;
		const d = datos(ctx.body);
		t.notes.push({
			notes: d.notes,
			interaction: d.interaction ?? null,
			prospeccion: d.prospeccion ?? null,
			at: new Date().toISOString(),
		});
		return { status: 200, body: { data: { ticket_id: t.id, ticket_name: t.name } } };
	});
}

module.exports = { createTickets };
