'use strict';
// Records several endpoints create: tickets, prospects, calls and meetings, and the SugarCRM links answered.
const { uuid, clone } = require('../../util');

function createRecords(db) {
	/** @param {{ id?: string, source: string, client: object, extra?: object }} ticket */
	function addTicket({ id, source, client, extra }) {
		const t = {
			id: id || uuid(),
			name: `TCK-${db.seq.ticket++}`,
			source,
			client,
			status: 'open',
			motivo_cierre: null,
			interactions: [],
			calls: [],
			notes: [],
			created_at: new Date().toISOString(),
			...extra,
		};
		db.tickets.set(t.id, t);
		return t;
	}

	function addProspect(fields) {
		const p = {
			id: uuid(),
			name: `PROSPECTO-${db.seq.prospect++}`,
			status: 'open',
			calls: [],
			meetings: [],
			created_at: new Date().toISOString(),
			...fields,
		};
		db.prospects.set(p.id, p);
		return p;
	}

	const ticketUrl = (id) => `https://sugarcrm.casabaca.com/#cbt_Tickets/${id}`;
	const prospectUrl = (id) => `https://sugarcrm.casabaca.com/#cbp_Prospeccion/${id}`;

	function newMeeting(d, prospectId) {
		const m = {
			id: uuid(),
			prospeccion_id: prospectId,
			status: d.meeting.status || 'Planned',
			...clone(d.meeting),
		};
		db.meetings.set(m.id, m);
		return m;
	}

	function newCall(d, links) {
		const c = {
			id: uuid(),
			user_name_call_center: d.user_name_call_center,
			user_name_asesor: d.user_name_asesor,
			date_start: d.date_start,
			duration_hours: d.duration_hours,
			duration_minutes: d.duration_minutes,
			status: d.status || 'Held',
			direction: d.direction,
			type: d.type,
			category: d.category,
			notes: d.notes,
			...links,
		};
		db.calls.set(c.id, c);
		return c;
	}

	function pickClient(d) {
		const out = {};
		for (const k of [
			'numero_identificacion',
			'tipo_identificacion',
			'nombres',
			'apellidos',
			'email',
			'celular',
			'telefono',
		])
			if (d[k] !== undefined) out[k] = d[k];
		return out;
	}

	return { addTicket, addProspect, newMeeting, newCall, ticketUrl, prospectUrl, pickClient };
}

module.exports = { createRecords };
