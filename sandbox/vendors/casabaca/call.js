'use strict';
// Calls on a ticket (calls): a "cita" also creates a prospect and its meeting; the ticket may be closed.
const { clone, getPath } = require('../../util');
const { MOTIVO_TICKET } = require('./common');

function createCalls(db, router, shared) {
	const {
		check,
		D,
		callCenter,
		advisor,
		ticketExists,
		meetingRules,
		datos,
		extra,
		isCita,
		addProspect,
		newMeeting,
		newCall,
	} = shared;

	router.add('POST', '/api/calls', (ctx) => {
		const body = ctx.body || {};
		const cita = isCita(['cita', 'cita_chat']);
		const invalid = check(body, [
			{
				...D('user_name_asesor', advisor),
				requiredMsg: 'User_name del asesor es requerido',
				when: cita,
			},
			D('user_name_call_center', callCenter),
			D('date_start', { date: true, requiredMsg: 'La fecha de inicio debe ser una fecha' }),
			D('duration_hours', { numeric: true }),
			D('duration_minutes', { numeric: true }),
			D('status', { in: ['Held'] }),
			D('direction', { in: ['Inbound', 'Outbound'] }),
			D('type', { in: ['seguimiento', 'cita', 'cita_chat'] }),
			D('category', { in: ['1', '2', '3'] }),
			D('medio', { numeric: true }),
			D('notes'),
			D('ticket.id', ticketExists),
			D('ticket.is_closed', { boolean: true }),
			{
				...D('ticket.motivo_cierre', { in: MOTIVO_TICKET }),
				when: (b) => [true, 1, '1', 'true'].includes(getPath(b, 'datosSugarCRM.ticket.is_closed')),
			},
			...meetingRules(cita, true),
		]);
		if (invalid) return invalid;
		const d = datos(body);
		const t = db.tickets.get(String(d.ticket.id));
		let prospectId = 'N/A';
		let meetingId = 'N/A';
		if (cita(body)) {
			const p = addProspect({
				source: 'calls',
				ticket_id: t.id,
				client: clone(d.meeting.client),
				modelo: d.meeting.modelo,
				medio: d.medio,
				campania: d.campania,
			});
			const m = newMeeting(d, p.id);
			p.meetings.push(m.id);
			prospectId = p.id;
			meetingId = m.id;
		}
		const c = newCall(d, {
			ticket_id: t.id,
			prospeccion_id: prospectId,
			datos_adicionales: extra(body),
		});
		t.calls.push(c.id);
		if ([true, 1, '1', 'true'].includes(d.ticket.is_closed)) {
			t.status = 'closed';
			t.motivo_cierre = d.ticket.motivo_cierre;
		}
		return {
			status: 200,
			body: {
				data: { call_id: c.id, ticket_id: t.id, prospeccion_id: prospectId, meeting_id: meetingId },
			},
		};
	});
}

module.exports = { createCalls };
