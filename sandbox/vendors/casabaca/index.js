'use strict';
// SugarCRM Casabaca as its API reference describes it (../shared/seeds/casabaca-sugarcrm-api.txt and
// ../shared/api/endpoints.json): Laravel style, POST /api/login -> token, then "Authorization: Bearer";
// a rejected token answers HTTP 500 {"message":"Unauthenticated.","status_code":500}; 422 {errors:{field:[msg]}};
// 404 {error}; landing pages fail with HTTP 200 and data.status_code "400".
const { Router } = require('../http');
const {
	isEmail,
	isBlank,
	isNumeric,
	isPhpDate,
	uuid,
	randomToken,
	clone,
	getPath,
	isObject,
} = require('../util');

const TIPO_ID = ['C', 'P', 'R'];
const TIPO_ID_MSG =
	'Tipo de identificación no contiene un valor válido, valores válidos: C(Cedula),P(Pasaporte), R(RUC)';
const MOTIVO_TICKET = [
	'abandono_chat',
	'solo_informacion',
	'desiste',
	'no_contesta',
	'compra_futura',
];
const MOTIVO_PROSPECCION = ['1', '2', '3', '4', '5'];
const LINEA = ['1', '2', '3', '4'];
const UNAUTHENTICATED = { status: 500, body: { message: 'Unauthenticated.', status_code: 500 } };

const ADVISORS = [
	{
		nombres: 'FRANCISCO XAVIER',
		apellidos: 'VILLAMAR CASTRO',
		celular: '0987647944',
		user_name: 'MA_PALACIOS',
		email: 'fvillamar@1001carros.com',
		agencia: 'CUMBAYA',
		lineas_negocio: ['SEMINUEVOS'],
		medios: [11, 13, 18],
	},
	{
		nombres: 'CARLOS GABRIEL',
		apellidos: 'RAMOS PAREDES',
		celular: '0987512224',
		user_name: 'CG_RAMOS',
		email: 'cramos@casabaca.example',
		agencia: 'LOS CHILLOS',
		lineas_negocio: ['NUEVOS', 'POSTVENTA'],
		medios: [10, 11, 13],
	},
	{
		nombres: 'Admin',
		apellidos: 'SugarCRM',
		celular: null,
		user_name: 'admin',
		email: 'mwherrera@plus-projects.com',
		agencia: 'MATRIZ',
		lineas_negocio: [],
		medios: [10, 11, 13, 18],
	},
];
const CALL_CENTER = ['CG_RAMOS', 'JA_AGUIRRE'];

/** A small valid one-page PDF naming the appraisal (xref offsets computed). */
function makePdf(lines) {
	const text = lines
		.map(
			(l, i) =>
				`BT /F1 12 Tf 72 ${760 - i * 18} Td (${String(l)
					.replace(/[()\\]/g, '\\$&')
					.replace(/[^\x20-\x7e]/g, '?')}) Tj ET`,
		)
		.join('\n');
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		`<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
	];
	let out = '%PDF-1.4\n';
	const offsets = [];
	objects.forEach((o, i) => {
		offsets.push(Buffer.byteLength(out));
		out += `${i + 1} 0 obj\n${o}\nendobj\n`;
	});
	const xref = Buffer.byteLength(out);
	out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
	out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(out, 'latin1');
}

function createCasabaca({ demo }) {
	let db;
	const router = new Router();

	function reset() {
		db = {
			tokens: new Map(), // token -> email
			tokenSeq: 1,
			apiUsers: [
				{
					name: 'Demo',
					email: demo.email,
					fuente: 'sandbox',
					fuente_id: '1',
					medios: '10,11,13,18',
					compania: '1',
				},
			],
			tickets: new Map(),
			prospects: new Map(),
			calls: new Map(),
			meetings: new Map(),
			landingPages: [],
			appraisals: new Map(),
			seq: { ticket: 463587, prospect: 73097, appraisal: 3 },
		};
		// Tickets of the reference's examples, so its sample requests work as they are.
		addTicket({
			id: '10438baf-0d83-9533-4fb3-602ea326288b',
			source: 'seed',
			client: {
				nombres: 'FREDDY ROBERTO',
				apellidos: 'RODRIGUEZ VARGAS',
				email: 'mart@hotmail.com',
				celular: '0987519882',
				numero_identificacion: '1719932079',
				tipo_identificacion: 'C',
			},
		});
		addTicket({
			id: 'd9bf5143-daa6-d9ca-7d04-60df4f47f51a',
			source: 'seed',
			client: {
				nombres: 'MARIA',
				apellidos: 'RODRIGUEZ',
				email: 'maria@example.com',
				celular: '0987000001',
				numero_identificacion: '1711111111',
				tipo_identificacion: 'C',
			},
		});
		db.prospects.set('b9400c64-9a35-cf31-cf26-604bcac73032', {
			id: 'b9400c64-9a35-cf31-cf26-604bcac73032',
			name: 'PROSPECTO-73096',
			source: 'seed',
			ticket_id: '10438baf-0d83-9533-4fb3-602ea326288b',
			status: 'open',
			calls: [],
			meetings: [],
		});
		db.appraisals.set('1', {
			id: '1',
			placa: 'PCY-7933',
			marca: 'TOYOTA',
			modelo: 'FORTUNER 2.7',
			anio: '2019',
			kilometraje: '58000',
			valor: '28500',
			estado: 'Aprobado',
			cliente: 'FREDDY ROBERTO RODRIGUEZ VARGAS',
			created_at: '2025-01-02 10:00:00',
		});
		db.appraisals.set('2', {
			id: '2',
			placa: 'PBX-1021',
			marca: 'TOYOTA',
			modelo: 'YARIS 1.5',
			anio: '2017',
			kilometraje: '91000',
			valor: '11200',
			estado: 'Pendiente',
			cliente: 'MARIA RODRIGUEZ',
			created_at: '2025-01-03 16:30:00',
		});
	}

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

	// ---------- routes ----------
	router.add('POST', '/api/login', (ctx) => {
		const body = isObject(ctx.body) ? ctx.body : {};
		const invalid = check(body, [
			{ path: 'autorizador', required: true, email: true },
			{ path: 'email', required: true, email: true },
			{ path: 'password', required: true },
			{ path: 'environment', required: true, in: demo.environments },
		]);
		if (invalid) return invalid;
		if (
			body.autorizador !== demo.autorizador ||
			body.email !== demo.email ||
			body.password !== demo.password
		) {
			return { status: 500, body: { message: 'Password incorrecto' } };
		}
		const token = `${db.tokenSeq++}|${randomToken(40)}`;
		db.tokens.set(token, body.email);
		return { status: 200, body: { status_code: '200', token } };
	});

	router.add('GET', '/api/logout', (ctx) => {
		db.tokens.delete(ctx.token);
		return { status: 200, body: { status_code: 200, token: 'Token has deleted succesfully' } };
	});

	router.add('POST', '/api/register', (ctx) => {
		const body = isObject(ctx.body) ? ctx.body : {};
		const invalid = check(body, [
			{ path: 'name', required: true },
			{
				path: 'email',
				required: true,
				email: true,
				custom: (v) =>
					db.apiUsers.some((u) => u.email === v) ? 'El email ya ha sido registrado.' : null,
			},
		]);
		if (invalid) return invalid;
		const u = {
			name: body.name,
			email: body.email,
			fuente: body.fuente ?? null,
			fuente_id: body.fuente_id ?? null,
			medios: body.medios ?? null,
			compania: body.compania ?? null,
		};
		db.apiUsers.push(u);
		return { status: 200, body: { status_code: '200', message: 'Usuario Creado Correctamente' } };
	});

	router.add('GET', '/api/asesores', (ctx) => {
		// Documented as a JSON body on a GET; the query string is accepted too.
		const fromBody = isObject(ctx.body) ? ctx.body.medio : undefined;
		const medio = isBlank(fromBody) ? ctx.query.get('medio') : fromBody;
		const invalid = check({ medio }, [
			{ path: 'medio', required: true, numeric: true, requiredMsg: 'El medio es requerido' },
		]);
		if (invalid) return invalid;
		const list = ADVISORS.filter((a) => a.medios.includes(Number(medio))).map(
			({ medios, ...a }) => (void medios, a),
		);
		return { status: 200, body: { data: list } };
	});

	// Appraisals: the reference documents the paths only; the answers below are the sandbox's choice.
	router.add('GET', '/api/getAvaluos', () => ({
		status: 200,
		body: { data: [...db.appraisals.values()].map(clone) },
	}));

	router.add('GET', '/api/getAvaluo/:id', (ctx) => {
		const a = db.appraisals.get(ctx.params.id);
		return a
			? { status: 200, body: { data: clone(a) } }
			: { status: 404, body: { error: 'Avalúo no existe, id inválido' } };
	});

	router.add('POST', '/api/createUpdateAvaluo', (ctx) => {
		const body = isObject(ctx.body) ? ctx.body : {};
		const id =
			body.id !== undefined && body.id !== null && body.id !== '' ? String(body.id) : undefined;
		if (id !== undefined && db.appraisals.has(id)) {
			const a = Object.assign(db.appraisals.get(id), clone(body), {
				id,
				updated_at: new Date().toISOString(),
			});
			return { status: 200, body: { data: clone(a), message: 'Avalúo actualizado correctamente' } };
		}
		if (id !== undefined) return { status: 404, body: { error: 'Avalúo no existe, id inválido' } };
		const newId = String(db.seq.appraisal++);
		const a = { ...clone(body), id: newId, created_at: new Date().toISOString() };
		db.appraisals.set(newId, a);
		return { status: 200, body: { data: clone(a), message: 'Avalúo creado correctamente' } };
	});

	router.add('GET', '/api/pdf/:id', (ctx) => {
		const a = db.appraisals.get(ctx.params.id);
		if (!a) return { status: 404, body: { error: 'Avalúo no existe, id inválido' } };
		const pdf = makePdf([
			`Avaluo ${a.id}`,
			`Placa: ${a.placa || ''}`,
			`Vehiculo: ${a.marca || ''} ${a.modelo || ''} ${a.anio || ''}`,
			`Valor: ${a.valor || ''}`,
			'Casabaca sandbox',
		]);
		return {
			status: 200,
			body: pdf,
			headers: {
				'Content-Type': 'application/pdf',
				'Content-Disposition': `attachment; filename="avaluo-${a.id}.pdf"`,
			},
		};
	});

	router.add('GET', '/api/correo/:id', (ctx) => {
		const a = db.appraisals.get(ctx.params.id);
		if (!a) return { status: 404, body: { error: 'Avalúo no existe, id inválido' } };
		(a.emails = a.emails || []).push(new Date().toISOString());
		return {
			status: 200,
			body: { data: { avaluo_id: a.id, message: 'Correo enviado correctamente' } },
		};
	});

	router.add('POST', '/api/create_landing_page', (ctx) => {
		const d = datos(ctx.body);
		const failure = {
			status: 200,
			body: { data: { status_code: '400', messsage: 'Revise que sus datos sean correctos' } },
		};
		const invalid = check(ctx.body || {}, [
			D('name'),
			D('medio', { numeric: true }),
			D('properties_form', {
				custom: (v) => {
					try {
						const parsed = typeof v === 'string' ? JSON.parse(v) : v;
						return Array.isArray(parsed) ? null : 'properties_form debe ser un arreglo JSON';
					} catch {
						return 'properties_form debe ser un arreglo JSON';
					}
				},
			}),
			D('autorizador', { email: true }),
			D('campaign'),
			D('business_line_id'),
			D('user_login'),
			O('type_transaction', { in: ['1', '2', '3', '4'] }),
			D('user_assigned_position', { numeric: true }),
		]);
		if (invalid) return failure; // documented: HTTP 200 with data.status_code "400"
		db.landingPages.push({ id: uuid(), ...clone(d), created_at: new Date().toISOString() });
		return {
			status: 200,
			body: { data: { status_code: '200', messsage: 'Landing Page creada correctamente' } },
		};
	});

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

	const isCita = (types) => (body) => types.includes(datos(body).type);

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

	// ---------- entry ----------
	function handle(ctx) {
		const m = router.match(ctx.method, ctx.path);
		if (!m) return { status: 404, body: { message: 'Not Found' } };
		if (m.methodNotAllowed) {
			return {
				status: 405,
				body: {
					message: `The ${ctx.method} method is not supported for this route. Supported methods: ${m.allowed.join(', ')}.`,
				},
			};
		}
		if (m.pattern !== '/api/login') {
			const auth = /^\s*Bearer\s+(\S+)\s*$/i.exec(String(ctx.req.headers.authorization || ''));
			if (!auth || !db.tokens.has(auth[1])) return UNAUTHENTICATED;
			ctx.token = auth[1];
		}
		if (ctx.parseError)
			return { status: 400, body: { message: `JSON inválido: ${ctx.parseError}` } };
		ctx.params = m.params;
		return m.handler(ctx);
	}

	reset();
	return {
		name: 'casabaca',
		handle,
		reset,
		revokeTokens: () => db.tokens.clear(),
		dump: () => ({
			apiUsers: clone(db.apiUsers),
			tickets: [...db.tickets.values()].map(clone),
			prospects: [...db.prospects.values()].map(clone),
			calls: [...db.calls.values()].map(clone),
			meetings: [...db.meetings.values()].map(clone),
			landingPages: clone(db.landingPages),
			appraisals: [...db.appraisals.values()].map(clone),
		}),
	};
}

module.exports = { createCasabaca, makePdf };
