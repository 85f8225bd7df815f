'use strict';
// Prospects (quotation, call_quotation, calls_prospeccion, close_prospeccion, forms_prospeccion).
const { clone } = require('../../util');
const { TIPO_ID, TIPO_ID_MSG, MOTIVO_PROSPECCION } = require('./common');

function createProspects(db, router, shared) {
	const {
		check,
		D,
		O,
		callCenter,
		advisor,
		ticketExists,
		prospectExists,
		clientRules,
		meetingRules,
		datos,
		extra,
		isCita,
		addProspect,
		newMeeting,
		newCall,
		prospectUrl,
	} = shared;

	router.add('POST', '/api/quotation', (ctx) => {
		const body = ctx.body || {};
		const invalid = check(body, [
			D('user_name_call_center', callCenter),
			D('ticket_id', ticketExists),
			D('comments'),
			D('modelo'),
			D('medio', { numeric: true }),
			...clientRules('client', true),
		]);
		if (invalid) return invalid;
		const d = datos(body);
		const p = addProspect({
			source: 'quotation',
			ticket_id: d.ticket_id,
			client: clone(d.client),
			modelo: d.modelo,
			comments: d.comments,
			medio: d.medio,
			campania: d.campania,
			datos_adicionales: extra(body),
		});
		return {
			status: 200,
			body: { data: { prospeccion_id: p.id, prospeccion_url: prospectUrl(p.id) } },
		};
	});

	router.add('POST', '/api/call_quotation', (ctx) => {
		const body = ctx.body || {};
		const invalid = check(body, [
			D('user_name_call_center', callCenter),
			D('date_start', { date: true, label: 'fecha de inicio' }),
			D('duration_hours', { numeric: true }),
			D('duration_minutes', { numeric: true }),
			D('direction', { in: ['Inbound', 'Outbound'] }),
			D('type', { in: ['seguimiento', 'automatica'] }),
			D('ticket_id', ticketExists),
			D('comments'),
			D('modelo'),
			D('medio', { numeric: true }),
			...clientRules('client', true),
		]);
		if (invalid) return invalid;
		const d = datos(body);
		const p = addProspect({
			source: 'call_quotation',
			ticket_id: d.ticket_id,
			client: clone(d.client),
			modelo: d.modelo,
			comments: d.comments,
			medio: d.medio,
			datos_adicionales: extra(body),
		});
		const c = newCall(d, { prospeccion_id: p.id, ticket_id: d.ticket_id });
		p.calls.push(c.id);
		return {
			status: 200,
			body: { data: { prospeccion_id: p.id, call_id: c.id, prospeccion_url: prospectUrl(p.id) } },
		};
	});

	router.add('POST', '/api/calls_prospeccion', (ctx) => {
		const body = ctx.body || {};
		const invalid = check(body, [
			{
				...D('user_name_asesor', advisor),
				requiredMsg: 'User_name del asesor es requerido',
				when: isCita(['cita']),
			},
			D('user_name_call_center', callCenter),
			D('date_start', { date: true, requiredMsg: 'La fecha de inicio debe ser una fecha' }),
			D('duration_hours', { numeric: true }),
			D('duration_minutes', { numeric: true }),
			D('status', { in: ['Held'] }),
			D('direction', { in: ['Inbound', 'Outbound'] }),
			D('type', { in: ['seguimiento', 'cita'] }),
			D('category', { in: ['1', '2', '3'] }),
			D('notes'),
			D('prospeccion_id', prospectExists),
			...meetingRules(isCita(['cita']), false),
		]);
		if (invalid) return invalid;
		const d = datos(body);
		const p = db.prospects.get(d.prospeccion_id);
		let meetingId = 'N/A';
		if (d.type === 'cita') {
			if (p.meetings.some((id) => (db.meetings.get(id) || {}).status === 'Planned')) {
				return {
					status: 500,
					body: { error: 'La prospeccion seleccionada ya tiene una reunión planificada' },
				};
			}
			const m = newMeeting({ meeting: { status: 'Planned', ...d.meeting } }, p.id);
			p.meetings.push(m.id);
			meetingId = m.id;
		}
		const c = newCall(d, { prospeccion_id: p.id, datos_adicionales: extra(body) });
		p.calls.push(c.id);
		return {
			status: 200,
			body: { data: { call_id: c.id, prospeccion_id: p.id, meeting_id: meetingId } },
		};
	});

	router.add('POST', '/api/close_prospeccion/:id', (ctx) => {
		const p = db.prospects.get(ctx.params.id);
		if (!p) return { status: 404, body: { error: 'Prospección no existe, id inválido' } };
		const invalid = check(ctx.body || {}, [
			D('motivo_cierre', { in: MOTIVO_PROSPECCION, requiredMsg: 'Motivo de cierre es requerido' }),
		]);
		if (invalid) return invalid;
		p.status = 'closed';
		p.motivo_cierre = String(datos(ctx.body).motivo_cierre);
		return { status: 200, body: { data: { prospeccion_id: p.id, prospeccion_name: p.name } } };
	});

	router.add('POST', '/api/forms_prospeccion', (ctx) => {
		const body = ctx.body || {};
		const invalid = check(
			body,
			[
				D('numero_identificacion', { requiredMsg: 'Identificación es requerida' }),
				D('tipo_identificacion', { in: TIPO_ID, inMsg: TIPO_ID_MSG }),
				D('nombres', { requiredMsg: 'Nombres son requeridos' }),
				// may be blank for a legal entity (RUC)
				{
					...D('apellidos', { requiredMsg: 'Apellidos son requeridos' }),
					when: (b) => datos(b).tipo_identificacion !== 'R',
				},
				D('email', { email: true }),
				D('celular', { numeric: true }),
				D('agencia', { numeric: true }),
				D('fuente', {
					in: ['17'],
					inMsg: 'Fuente no permitida, valores válidos: 17 (APP Talleres)',
				}),
				D('modelo'),
				O('tienetoyota', { in: ['1', '0'] }),
				O('interesadorenovacion', { in: ['1', '0'] }),
				O('horaentregainmediata', { dateTime: true }),
				O('asesorcorreo', { email: true }),
			],
			{ bare: true },
		);
		if (invalid) return invalid;
		const d = datos(body);
		const p = addProspect({
			source: 'forms_prospeccion',
			client: {
				numero_identificacion: d.numero_identificacion,
				tipo_identificacion: d.tipo_identificacion,
				nombres: d.nombres,
				apellidos: d.apellidos,
				email: d.email,
				celular: d.celular,
			},
			...clone(d),
		});
		return { status: 200, body: { data: { prospeccion_id: p.id, ticket_url: prospectUrl(p.id) } } };
	});
}

module.exports = { createProspects };
