'use strict';
// Laravel-style validation for every endpoint (422 {errors: {field: [msg]}}), with the reusable rules: the
// client and meeting blocks, call-center users, advisors, existing tickets and prospects.
const { isEmail, isBlank, isNumeric, isPhpDate, clone, getPath, isObject } = require('../../util');
const { TIPO_ID, TIPO_ID_MSG, LINEA, ADVISORS, CALL_CENTER } = require('./common');

function createRules(db) {
	// ---------- validation (Laravel rules; keys as each endpoint's 422 example shows them) ----------
	/**
	 * rules: [{ path: 'datosSugarCRM.x', required, numeric, email, in: [...], date: 'Y-m-d H:i', dateTime, when(body) }]
	 * bare: error keys without the 'datosSugarCRM.' prefix.
	 */
	function check(body, rules, { bare = false } = {}) {
		const errors = {};
		for (const r of rules) {
			if (r.when && !r.when(body)) continue;
			const v = getPath(body, r.path);
			const key = bare ? r.path.replace(/^datosSugarCRM\./, '') : r.path;
			const label = r.label || key.split('.').pop();
			const add = (msg) => (errors[key] = errors[key] || []).push(msg);
			if (isBlank(v)) {
				if (r.required) add(r.requiredMsg || `El campo ${label} es requerido.`);
				continue;
			}
			if (r.numeric && !isNumeric(v)) add(`El campo ${label} debe ser numérico.`);
			if (r.email && !isEmail(String(v)))
				add(`El campo ${label} debe ser una dirección de correo válida.`);
			if (r.in && !r.in.map(String).includes(String(v)))
				add(
					r.inMsg ||
						`El campo ${label} no contiene un valor válido, valores válidos: ${r.in.join(', ')}.`,
				);
			if (r.date && !isPhpDate(String(v), false))
				add(`El campo ${label} no corresponde con el formato Y-m-d H:i.`);
			if (r.dateTime && !isPhpDate(String(v), true))
				add(`El campo ${label} no corresponde con el formato Y-m-d H:i:s.`);
			if (r.boolean && ![true, false, 0, 1, '0', '1', 'true', 'false'].includes(v))
				add(`El campo ${label} debe ser verdadero o falso.`);
			if (r.custom) {
				const msg = r.custom(v, body);
				if (msg) add(msg);
			}
		}
		return Object.keys(errors).length ? { status: 422, body: { errors } } : null;
	}

	const D = (name, extra = {}) => ({ path: `datosSugarCRM.${name}`, required: true, ...extra });
	const O = (name, extra = {}) => ({ path: `datosSugarCRM.${name}`, required: false, ...extra });
	const callCenter = {
		custom: (v) =>
			CALL_CENTER.includes(String(v))
				? null
				: 'User-name inválido, call center no se encuentra registrado',
	};
	const advisor = {
		custom: (v) =>
			ADVISORS.some((a) => a.user_name === String(v))
				? null
				: 'User-name inválido, asesor no se encuentra registrado',
	};
	const ticketExists = {
		custom: (v) => (db.tickets.has(String(v)) ? null : 'Ticket no existe, id inválido'),
	};
	const prospectExists = {
		custom: (v) => (db.prospects.has(String(v)) ? null : 'Prospección no existe, id inválido'),
	};
	const clientRules = (prefix, phoneHomeRequired) => [
		D(`${prefix}.tipo_identificacion`, { in: TIPO_ID, inMsg: TIPO_ID_MSG }),
		D(`${prefix}.numero_identificacion`),
		D(`${prefix}.gender`, {
			in: ['F', 'M'],
			inMsg: 'Género no contiene un valor válido, valores válidos: F (Femenino),M (Masculino)',
		}),
		D(`${prefix}.names`),
		D(`${prefix}.surnames`),
		{ ...D(`${prefix}.phone_home`, { numeric: true }), required: phoneHomeRequired },
		D(`${prefix}.cellphone_number`, { numeric: true }),
		D(`${prefix}.email`, { email: true }),
	];
	const meetingRules = (when, withStatus) =>
		[
			...(withStatus ? [D('meeting.status', { in: ['Planned', 'Held'] })] : []),
			D('meeting.date', { date: true }),
			D('meeting.duration_hours', { numeric: true }),
			D('meeting.duration_minutes', { numeric: true }),
			D('meeting.subject'),
			D('meeting.comments'),
			D('meeting.location'),
			D('meeting.type', { in: ['1', '2'] }),
			D('meeting.visit_type', { in: ['1', '2', '3'] }),
			D('meeting.linea_negocio', { in: LINEA }),
			...clientRules('meeting.client', false),
		].map((r) => ({ ...r, when }));

	const datos = (body) =>
		isObject(body) && isObject(body.datosSugarCRM) ? body.datosSugarCRM : {};
	const extra = (body) =>
		isObject(body) && body.datos_adicionales !== undefined
			? clone(body.datos_adicionales)
			: undefined;

	const isCita = (types) => (body) => types.includes(datos(body).type);

	return {
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
	};
}

module.exports = { createRules };
