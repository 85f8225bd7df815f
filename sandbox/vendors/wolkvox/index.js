'use strict';
// wolkvox CRM API v2 as the seeds and ../shared/api/wolkvox-v2*.md describe it: paths /server/API/v2/...,
// header Wolkvox-Token, `operation` in every body (query string for tokenInformation), answers
// {code, error, msg, data} where a `code` other than 200 is a failure even inside HTTP 200.
const { Router } = require('../http');
const { isBlank, isPhpDate, hex, clone, isObject, isEmail } = require('../util');

const CASE_TYPES = ['Request', 'Complaints', 'Claims', 'Suggestions'];
const CASE_STATUSES = ['open', 'abierto', 'en espera', 'closed', 'cerrado', 'solucionado'];
const CLOSED_STATUSES = ['closed', 'cerrado', 'solucionado'];
const CASE_PRIORITIES = ['low', 'normal', 'medium', 'high', 'baja', 'media', 'alta'];
const ACTIVITY_TYPES = ['call', 'task', 'meeting'];
const PRIORITIES = ['high', 'normal', 'low'];
// queryCases.php `field` values (wolkvox-v2-reference.md §6.5) -> how to read them on a stored case.
const CASE_QUERY_FIELDS = {
	status: (c) => c.status,
	priority: (c) => c.priority,
	'email contact': (c) => c.contact,
	'name contact': (c) => c.contact_name,
	'contact wolkvox id': (c) => c.contact_id,
	'contact identification': (c) => c.contact_identification,
	'contact phone': (c) => c.contact_phone,
	description: (c) => c.description,
	idCase: (c) => c.idCase,
	idPrefijo: (c) => c.idPrefijo,
	companyName: (c) => c.company_name,
	'company name': (c) => c.company_name,
	'company id': (c) => c.company_id,
	prefix: (c) => c.prefix,
	reopened: (c) => c.reopened,
	'responsible name': (c) => c.responsible_name,
	'responsible user': (c) => c.responsible,
	'responsible id': (c) => c.responsible_id,
	'owner name': (c) => c.owner_name,
	'owner user': (c) => c.owner,
	'owner id': (c) => c.owner_id,
	solution: (c) => c.solution,
	'wolkvox-id': (c) => c.wolkvox_id,
	'type case': (c) => c['case-type'],
	'case-type': (c) => c['case-type'],
	'case expired': (c) => c.case_expired,
	reason: (c) => c.reason,
};

const ok = (msg, data, extra = {}) => ({
	status: 200,
	body: { code: 200, error: 'null', msg, data, ...extra },
});
const fail = (code, error, msg) => ({ status: 200, body: { code, error, msg, data: null } });
const REQUIRED = (names) =>
	fail(400, 'BAD REQUEST', `SOME PARAMETERS ARE REQUIRED: ${names.join(', ')}`);
const NOT_FOUND = (what) => fail(404, 'NOT FOUND', `${what} NOT FOUND`);

function createWolkvox({ demo }) {
	let db;
	const router = new Router();

	function reset() {
		db = {
			usesToday: 0,
			tokenLimit: demo.tokenLimit,
			users: [
				{ id: 'u-admin', login: `ADMIN_@${demo.operation}`, name: 'Administrador Demo' },
				{ id: 'u-agent10', login: `agent10@${demo.operation}`, name: 'Agente Diez' },
				{ id: 'u-agent11', login: `agent11@${demo.operation}`, name: 'Agente Once' },
			],
			modules: new Map(), // module -> Map(wolkvox_id -> record)
			cases: new Map(),
			obligations: [], // {wolkvox_id (collections record), fields}
			managements: [],
			caseSeq: 1,
		};
		const contacts = [
			{
				namecontact: 'Andrés Gómez',
				telephonecontact: '3001234567',
				idcontact: '1017000001',
				emailcontact: 'andres@example.com',
			},
			{
				namecontact: 'Valentina Ríos',
				telephonecontact: '3007654321',
				idcontact: '1017000002',
				emailcontact: 'valentina@example.com',
			},
			{
				namecontact: 'FREDDY ROBERTO RODRIGUEZ VARGAS',
				telephonecontact: '0987519882',
				idcontact: '1719932079',
				emailcontact: 'mart@hotmail.com',
			},
		];
		for (const c of contacts) insertRecord('contacts', c, '2025-01-01 08:00:00');
		const debtor = insertRecord(
			'collections',
			{
				Identification: '12345',
				Name: 'Deudor de Ejemplo',
				Email: 'deudor@example.com',
				Telephone: '3000000000',
			},
			'2025-01-01 08:00:00',
		);
		db.obligations.push({
			wolkvox_id: debtor.wolkvox_id,
			fields: {
				id: 'obl1',
				name: 'Factura 12345 - Pago pendiente',
				total_balance: '10000',
				portfolio_type: 'Cliente VIP',
				last_pay: '2000',
				last_pay_date: '06-06-2025',
				expiring_date: '07-07-2025',
				days_delay: '90',
				form: [],
			},
		});
		const c = newCase({
			'case-type': 'Request',
			responsible: `agent10@${demo.operation}`,
			owner: `ADMIN_@${demo.operation}`,
			contact: 'andres@example.com',
			description: 'Quiere una cotización de un RAV4 híbrido',
			status: 'open',
			priority: 'low',
			form: { Subject: 'Cotización RAV4', Modelo: 'RAV4 2.5 Hybrid', Genero: 'M' },
		});
		c.created = '2025-01-01 09:00:00';
	}

	function nowStamp() {
		return new Date().toISOString().replace('T', ' ').slice(0, 19);
	}

	// Record ids as wolkvox's look (24 hex digits like a MongoDB ObjectId, creation second first) and
	// always increasing, so the highest id is the newest record, as Create or Update assumes.
	let recordSeq = 0;
	function newRecordId() {
		const second = Math.floor(Date.now() / 1000)
			.toString(16)
			.padStart(8, '0');
		return `${second}${(recordSeq++).toString(16).padStart(16, '0')}`;
	}

	function moduleStore(name) {
		if (!db.modules.has(name)) db.modules.set(name, new Map());
		return db.modules.get(name);
	}

	function insertRecord(module, fields, created) {
		const rec = {
			wolkvox_id: newRecordId(),
			...clone(fields),
			created: created || nowStamp(),
			modified: created || nowStamp(),
		};
		moduleStore(module).set(rec.wolkvox_id, rec);
		return rec;
	}

	function findContact(email) {
		const contacts = db.modules.get('contacts');
		if (!contacts) return null;
		return (
			[...contacts.values()].find(
				(c) =>
					String(c.emailcontact || c.Email || '').toLowerCase() === String(email).toLowerCase(),
			) || null
		);
	}

	const userByLogin = (login) =>
		db.users.find((u) => u.login.toLowerCase() === String(login).toLowerCase());

	function newCase(v) {
		const contact = findContact(v.contact);
		const resp = userByLogin(v.responsible);
		const owner = userByLogin(v.owner);
		const n = db.caseSeq++;
		const c = {
			wolkvox_id: hex(12),
			idCase: String(n),
			idPrefijo: `CAS-${String(n).padStart(4, '0')}`,
			prefix: 'CAS',
			'case-type': v['case-type'],
			responsible: v.responsible,
			responsible_name: resp && resp.name,
			responsible_id: resp && resp.id,
			owner: v.owner,
			owner_name: owner && owner.name,
			owner_id: owner && owner.id,
			contact: v.contact,
			contact_name: contact && contact.namecontact,
			contact_id: contact && contact.wolkvox_id,
			contact_identification: contact && contact.idcontact,
			contact_phone: contact && contact.telephonecontact,
			description: v.description,
			status: v.status,
			priority: v.priority,
			solution: v.solution || '',
			form: v.form || {},
			attachments: v.attachments || [],
			reopened: 'false',
			case_expired: 'false',
			reason: '',
			company_name: '',
			company_id: '',
			notes: [],
			created: nowStamp(),
			modified: nowStamp(),
		};
		db.cases.set(c.wolkvox_id, c);
		return c;
	}

	function caseOut(c) {
		const out = clone(c);
		out.attachments = c.attachments.map((a, i) => ({
			name: a.name || `attachment-${i + 1}`,
			size: a.size,
		}));
		return out;
	}

	// ---------- shared checks ----------
	function missing(body, names) {
		return names.filter((n) => isBlank(body[n]));
	}

	/** The form field: an object (JSON) or a JSON string (form-data). */
	function parseForm(v) {
		if (v === undefined || v === null || v === '') return { value: {} };
		if (isObject(v)) return { value: v };
		try {
			const parsed = JSON.parse(String(v));
			return isObject(parsed) ? { value: parsed } : { error: 'form MUST BE A JSON OBJECT' };
		} catch {
			return { error: 'form MUST BE A JSON OBJECT' };
		}
	}

	function decodeAttachments(list) {
		if (list === undefined || list === null) return { value: [] };
		if (!Array.isArray(list)) return { error: 'attachments MUST BE A LIST OF BASE64 STRINGS' };
		const out = [];
		for (const [i, a] of list.entries()) {
			const s = typeof a === 'string' ? a.replace(/^data:[^;]+;base64,/, '') : '';
			if (!s || !/^[A-Za-z0-9+/\r\n]+={0,2}$/.test(s))
				return { error: `attachments[${i}] IS NOT A BASE64 STRING` };
			out.push({ name: `attachment-${i + 1}`, size: Buffer.from(s, 'base64').length });
		}
		return { value: out };
	}

	/** Checks a case body (insert / update). Returns an error answer or null. */
	function checkCase(v, { needContact = true, needOwner = true } = {}) {
		if (!CASE_TYPES.map((t) => t.toLowerCase()).includes(String(v['case-type']).toLowerCase())) {
			return fail(
				400,
				'BAD REQUEST',
				`THE CASE TYPE ${v['case-type']} DOES NOT EXIST (${CASE_TYPES.join(', ')})`,
			);
		}
		if (!userByLogin(v.responsible))
			return fail(404, 'NOT FOUND', `THE RESPONSIBLE USER ${v.responsible} DOES NOT EXIST`);
		if (needOwner && !userByLogin(v.owner))
			return fail(404, 'NOT FOUND', `THE OWNER USER ${v.owner} DOES NOT EXIST`);
		if (needContact && !isBlank(v.contact) && !findContact(v.contact)) {
			return fail(404, 'NOT FOUND', `THE CONTACT ${v.contact} DOES NOT EXIST`);
		}
		if (!CASE_STATUSES.includes(String(v.status).toLowerCase())) {
			return fail(400, 'BAD REQUEST', `THE STATUS ${v.status} DOES NOT EXIST FOR THIS CASE TYPE`);
		}
		if (!CASE_PRIORITIES.includes(String(v.priority).toLowerCase())) {
			return fail(
				400,
				'BAD REQUEST',
				`THE PRIORITY ${v.priority} DOES NOT EXIST FOR THIS CASE TYPE`,
			);
		}
		if (CLOSED_STATUSES.includes(String(v.status).toLowerCase()) && isBlank(v.solution)) {
			return fail(
				400,
				'BAD REQUEST',
				'SOME PARAMETERS ARE REQUIRED: solution (the status is a closed state)',
			);
		}
		return null;
	}

	function checkActivity(body) {
		const f = isObject(body.fields) ? body.fields : {};
		const need = [
			'status',
			'name',
			'priority',
			'name_module',
			'completion_date',
			'remember',
			'reminder_date',
			'description',
			'id_record',
			'wolkvox_owner',
		];
		if (body.type === 'call') need.push('phone');
		if (body.type === 'meeting') need.push('start_date');
		const lack = need.filter((n) => f[n] === undefined || f[n] === null || f[n] === '');
		if (lack.length) return REQUIRED(lack.map((n) => `fields.${n}`));
		if (!PRIORITIES.includes(String(f.priority)))
			return fail(400, 'BAD REQUEST', `priority MUST BE ONE OF ${PRIORITIES.join(', ')}`);
		for (const d of ['completion_date', 'reminder_date', 'start_date']) {
			if (f[d] !== undefined && !isPhpDate(String(f[d]), true))
				return fail(400, 'BAD REQUEST', `${d} MUST HAVE THE FORMAT YYYY-MM-DD HH:MM:SS`);
		}
		if (typeof f.remember !== 'boolean' && !['true', 'false'].includes(String(f.remember)))
			return fail(400, 'BAD REQUEST', 'remember MUST BE true OR false');
		if (body.type === 'call') {
			const p = f.phone;
			if (!isObject(p) || missing(p, ['type', 'country', 'code', 'value']).length) {
				return REQUIRED([
					'fields.phone.type',
					'fields.phone.country',
					'fields.phone.code',
					'fields.phone.value',
				]);
			}
		}
		if (!userByLogin(f.wolkvox_owner))
			return fail(404, 'NOT FOUND', `THE USER ${f.wolkvox_owner} DOES NOT EXIST`);
		// The record the activity hangs off must exist when the sandbox knows its module.
		const target = f.name_module === 'cases' ? db.cases : db.modules.get(String(f.name_module));
		if (target && !target.has(String(f.id_record)))
			return NOT_FOUND(`THE RECORD ${f.id_record} OF MODULE ${f.name_module} WAS`);
		return null;
	}

	function queryResult(records) {
		return ok(`${records.length} records were are found`, records, {
			'Total records': records.length,
		});
	}

	function matches(value, wanted) {
		return (
			value !== undefined &&
			value !== null &&
			String(value).toLowerCase() === String(wanted).toLowerCase()
		);
	}

	/** A record's field by its label, also through typed values {type, value}. */
	function fieldValue(rec, field) {
		const v = rec[field];
		return isObject(v) && 'value' in v ? v.value : v;
	}

	// ---------- custom (any module) ----------
	router.add('POST', '/server/API/v2/custom/insert.php', (ctx) => {
		const b = ctx.body;
		const lack = missing(b, ['module']).concat(isObject(b.fields) ? [] : ['fields']);
		if (lack.length) return REQUIRED(lack);
		if (b.module === 'wolkvox_activities') {
			if (!ACTIVITY_TYPES.includes(b.type))
				return fail(400, 'BAD REQUEST', `type MUST BE ONE OF ${ACTIVITY_TYPES.join(', ')}`);
			const bad = checkActivity(b);
			if (bad) return bad;
			const rec = insertRecord('wolkvox_activities', { type: b.type, ...b.fields });
			return ok('Succesfully create record', { wolkvox_id: rec.wolkvox_id });
		}
		if (
			b.module === 'contacts' &&
			b.fields.emailcontact !== undefined &&
			!isEmail(String(b.fields.emailcontact))
		) {
			return fail(400, 'BAD REQUEST', 'emailcontact IS NOT A VALID EMAIL');
		}
		const rec = insertRecord(String(b.module), b.fields);
		return ok('Succesfully create record', { wolkvox_id: rec.wolkvox_id });
	});

	router.add('POST', '/server/API/v2/custom/insertMany.php', (ctx) => {
		const b = ctx.body;
		const lack = missing(b, ['module']).concat(
			Array.isArray(b.fields) && b.fields.length ? [] : ['fields'],
		);
		if (lack.length) return REQUIRED(lack);
		if (!b.fields.every(isObject))
			return fail(400, 'BAD REQUEST', 'fields MUST BE A LIST OF OBJECTS');
		const ids = b.fields.map((f) => ({ wolkvox_id: insertRecord(String(b.module), f).wolkvox_id }));
		return ok(`Succesfully create ${ids.length} records`, ids);
	});

	function recordIdOf(b, ctx) {
		return b['wolkvox-id'] ?? b.wolkvox_id ?? ctx.req.headers['wolkvox-id'];
	}

	router.add('POST', '/server/API/v2/custom/update.php', (ctx) => {
		const b = ctx.body;
		const id = recordIdOf(b, ctx);
		const lack = missing(b, ['module'])
			.concat(isBlank(id) ? ['wolkvox-id'] : [])
			.concat(isObject(b.fields) ? [] : ['fields']);
		if (lack.length) return REQUIRED(lack);
		const store = db.modules.get(String(b.module));
		const rec = store && store.get(String(id));
		if (!rec) return NOT_FOUND(`THE RECORD ${id} OF MODULE ${b.module} WAS`);
		const att = decodeAttachments(b.attachments);
		if (att.error) return fail(400, 'BAD REQUEST', att.error);
		Object.assign(rec, clone(b.fields), { modified: nowStamp() });
		if (att.value.length) rec.attachments = (rec.attachments || []).concat(att.value);
		return ok('Succesfully edit record', { wolkvox_id: rec.wolkvox_id });
	});

	router.add(['PUT', 'POST'], '/server/API/v2/custom/updateMany.php', (ctx) => {
		const b = ctx.body;
		const lack = missing(b, ['module']).concat(
			Array.isArray(b.fields) && b.fields.length ? [] : ['fields'],
		);
		if (lack.length) return REQUIRED(lack);
		const store = db.modules.get(String(b.module));
		const out = [];
		for (const [i, f] of b.fields.entries()) {
			if (!isObject(f)) return fail(400, 'BAD REQUEST', 'fields MUST BE A LIST OF OBJECTS');
			const id = f['wolkvox-id'] ?? f.wolkvox_id;
			if (isBlank(id)) return REQUIRED([`fields[${i}].wolkvox-id`]);
			if (!store || !store.has(String(id)))
				return NOT_FOUND(`THE RECORD ${id} OF MODULE ${b.module} WAS`);
		}
		for (const f of b.fields) {
			const id = String(f['wolkvox-id'] ?? f.wolkvox_id);
			const { ['wolkvox-id']: a, wolkvox_id: c, ...rest } = f;
			void a;
			void c;
			Object.assign(store.get(id), clone(rest), { modified: nowStamp() });
			out.push({ wolkvox_id: id });
		}
		return ok(`Succesfully edit ${out.length} records`, out);
	});

	router.add('POST', '/server/API/v2/custom/delete.php', (ctx) => {
		const b = ctx.body;
		const ids = b['wolkvox-id'] ?? b.wolkvox_id;
		const lack = missing(b, ['module'])
			.concat(b.multiple === undefined ? ['multiple'] : [])
			.concat(isBlank(ids) || (Array.isArray(ids) && !ids.length) ? ['wolkvox-id'] : []);
		if (lack.length) return REQUIRED(lack);
		const multiple = b.multiple === true || b.multiple === 'true';
		const list = Array.isArray(ids) ? ids.map(String) : [String(ids)];
		if (!multiple && list.length > 1)
			return fail(400, 'BAD REQUEST', 'multiple MUST BE true TO DELETE SEVERAL RECORDS');
		const store = b.module === 'cases' ? db.cases : db.modules.get(String(b.module));
		const unknown = list.filter((id) => !store || !store.has(id));
		if (unknown.length)
			return NOT_FOUND(`THE RECORD ${unknown.join(', ')} OF MODULE ${b.module} WAS`);
		for (const id of list) store.delete(id);
		return ok(`Succesfully delete ${list.length} records`, { deleted: list });
	});

	router.add('POST', '/server/API/v2/custom/query.php', (ctx) => {
		const b = ctx.body;
		const lack = missing(b, ['module', 'field', 'value']);
		if (lack.length) return REQUIRED(lack);
		const store = b.module === 'cases' ? db.cases : db.modules.get(String(b.module));
		const found = store
			? [...store.values()].filter((r) => matches(fieldValue(r, b.field), b.value))
			: [];
		const limit = Number(b.limit) > 0 ? Number(b.limit) : undefined;
		return queryResult(found.slice(0, limit).map(b.module === 'cases' ? caseOut : clone));
	});

	router.add(['POST', 'GET'], '/server/API/v2/custom/queryDates.php', (ctx) => {
		const b = ctx.body;
		const lack = missing(b, ['module', 'from', 'to']).concat(b.date === undefined ? ['date'] : []);
		if (lack.length) return REQUIRED(lack);
		if (!(b.date === true || b.date === 'true'))
			return fail(400, 'BAD REQUEST', 'date MUST BE true');
		for (const k of ['from', 'to'])
			if (!isPhpDate(String(b[k]), false))
				return fail(400, 'BAD REQUEST', `${k} MUST HAVE THE FORMAT YYYY-MM-DD HH:MM`);
		const from = `${b.from}:00`;
		const to = `${b.to}:59`;
		const store = b.module === 'cases' ? db.cases : db.modules.get(String(b.module));
		const found = store
			? [...store.values()].filter((r) => r.created >= from && r.created <= to)
			: [];
		const limit = Number(b.limit) > 0 ? Number(b.limit) : undefined;
		return queryResult(found.slice(0, limit).map(b.module === 'cases' ? caseOut : clone));
	});

	// ---------- cases ----------
	const CASE_REQUIRED = [
		'case-type',
		'responsible',
		'owner',
		'contact',
		'description',
		'status',
		'priority',
	];

	router.add('POST', '/server/API/v2/cases/insert.php', (ctx) => {
		const b = ctx.body;
		const lack = missing(b, CASE_REQUIRED);
		if (lack.length) return REQUIRED(lack);
		const form = parseForm(b.form);
		if (form.error) return fail(400, 'BAD REQUEST', form.error);
		const bad = checkCase(b);
		if (bad) return bad;
		const files = (ctx.files || []).map((f) => ({ name: f.filename, size: f.size }));
		const c = newCase({ ...b, form: form.value, attachments: files });
		return ok('Succesfully create record', { wolkvox_id: c.wolkvox_id, idPrefijo: c.idPrefijo });
	});

	router.add('POST', '/server/API/v2/cases/insertAttach.php', (ctx) => {
		const b = ctx.body;
		const lack = missing(b, CASE_REQUIRED);
		if (lack.length) return REQUIRED(lack);
		const form = parseForm(b.form);
		if (form.error) return fail(400, 'BAD REQUEST', form.error);
		const att = decodeAttachments(b.attachments);
		if (att.error) return fail(400, 'BAD REQUEST', att.error);
		const bad = checkCase(b);
		if (bad) return bad;
		const c = newCase({ ...b, form: form.value, attachments: att.value });
		return ok('Succesfully create record', { wolkvox_id: c.wolkvox_id, idPrefijo: c.idPrefijo });
	});

	function updateCase(ctx, { json }) {
		const b = ctx.body;
		const id = b['wolkvox-id'] ?? b.wolkvox_id;
		const required = json
			? ['wolkvox-id', ...CASE_REQUIRED]
			: ['wolkvox-id', 'case-type', 'responsible', 'status', 'priority'];
		const lack = missing({ ...b, 'wolkvox-id': id }, required);
		if (lack.length) return REQUIRED(lack);
		const c = db.cases.get(String(id));
		if (!c) return NOT_FOUND(`THE CASE ${id} WAS`);
		const form = parseForm(b.form);
		if (form.error) return fail(400, 'BAD REQUEST', form.error);
		let attachments;
		if (json) {
			const att = decodeAttachments(b.attachments);
			if (att.error) return fail(400, 'BAD REQUEST', att.error);
			attachments = att.value; // replaces the case's attachments
		} else if (ctx.files && ctx.files.length) {
			attachments = c.attachments.concat(
				ctx.files.map((f) => ({ name: f.filename, size: f.size })),
			);
		}
		const merged = {
			...c,
			...b,
			owner: b.owner ?? c.owner,
			contact: b.contact ?? c.contact,
			solution: b.solution ?? c.solution,
		};
		const bad = checkCase(merged);
		if (bad) return bad;
		for (const k of [
			'case-type',
			'responsible',
			'owner',
			'contact',
			'description',
			'status',
			'priority',
			'solution',
		])
			if (b[k] !== undefined) c[k] = b[k];
		c.form = { ...c.form, ...form.value };
		if (attachments) c.attachments = attachments;
		const resp = userByLogin(c.responsible);
		c.responsible_name = resp && resp.name;
		c.responsible_id = resp && resp.id;
		c.modified = nowStamp();
		return ok('Succesfully edit record', { wolkvox_id: c.wolkvox_id, idPrefijo: c.idPrefijo });
	}

	router.add('POST', '/server/API/v2/cases/update.php', (ctx) => updateCase(ctx, { json: false }));
	router.add('POST', '/server/API/v2/cases/updateCaseAttachment.php', (ctx) =>
		updateCase(ctx, { json: true }),
	);

	router.add('POST', '/server/API/v2/cases/queryCases.php', (ctx) => {
		const b = ctx.body;
		const lack = missing(b, ['field', 'value']);
		if (lack.length) return REQUIRED(lack);
		const read = CASE_QUERY_FIELDS[b.field];
		if (!read)
			return fail(
				400,
				'BAD REQUEST',
				`THE FIELD ${b.field} CAN NOT BE QUERIED (${Object.keys(CASE_QUERY_FIELDS).join(', ')})`,
			);
		return queryResult(
			[...db.cases.values()].filter((c) => matches(read(c), b.value)).map(caseOut),
		);
	});

	router.add('POST', '/server/API/v2/cases/listHistoryNote.php', (ctx) => {
		const b = ctx.body;
		const lack = missing(b, ['field', 'value']);
		if (lack.length) return REQUIRED(lack);
		const read = CASE_QUERY_FIELDS[b.field];
		if (!read) return fail(400, 'BAD REQUEST', `THE FIELD ${b.field} CAN NOT BE QUERIED`);
		const limit = Number(b.limit) > 0 ? Number(b.limit) : undefined;
		const found = [...db.cases.values()].filter((c) => matches(read(c), b.value)).slice(0, limit);
		return queryResult(
			found.map((c) => ({
				wolkvox_id: c.wolkvox_id,
				idPrefijo: c.idPrefijo,
				notes: clone(c.notes),
			})),
		);
	});

	// ---------- collections ----------
	router.add('POST', '/server/API/v2/collections/massiveCollections.php', (ctx) => {
		const b = ctx.body;
		if (!Array.isArray(b.collections) || !b.collections.length) return REQUIRED(['collections']);
		for (const [i, d] of b.collections.entries()) {
			if (!isObject(d)) return fail(400, 'BAD REQUEST', `collections[${i}] MUST BE AN OBJECT`);
			const lack = missing(d, ['Identification', 'Name', 'Email', 'Telephone']);
			if (lack.length) return REQUIRED(lack.map((n) => `collections[${i}].${n}`));
		}
		const store = moduleStore('collections');
		const out = [];
		for (const d of b.collections) {
			const { obligations, ...fields } = d;
			let rec = [...store.values()].find(
				(r) => String(r.Identification) === String(d.Identification),
			);
			const action = rec ? 'updated' : 'created';
			if (rec) Object.assign(rec, clone(fields), { modified: nowStamp() });
			else rec = insertRecord('collections', fields);
			for (const o of Array.isArray(obligations) ? obligations : [])
				upsertObligation(rec.wolkvox_id, o);
			out.push({ wolkvox_id: rec.wolkvox_id, Identification: String(d.Identification), action });
		}
		return ok(`Succesfully load ${out.length} records`, out);
	});

	function upsertObligation(recordId, fields) {
		const existing = db.obligations.find(
			(o) => o.wolkvox_id === recordId && String(o.fields.id) === String(fields.id),
		);
		if (existing) Object.assign(existing.fields, clone(fields));
		else db.obligations.push({ wolkvox_id: recordId, fields: clone(fields) });
		return !existing;
	}

	function insertManagement(b) {
		const f = isObject(b.fields) ? b.fields : null;
		if (!f) return REQUIRED(['fields']);
		const lack = missing(f, [
			'tipifycation_code',
			'tipifycation_desc',
			'module',
			'wolkvox_idRecord',
		]);
		if (lack.length) return REQUIRED(lack.map((n) => `fields.${n}`));
		if (f.module !== 'collections')
			return fail(400, 'BAD REQUEST', 'fields.module MUST BE collections');
		const store = db.modules.get('collections');
		if (!store || !store.has(String(f.wolkvox_idRecord)))
			return NOT_FOUND(`THE COLLECTIONS RECORD ${f.wolkvox_idRecord} WAS`);
		const m = { wolkvox_id: hex(12), ...clone(f), created: nowStamp() };
		db.managements.push(m);
		return ok('Succesfully create record', { wolkvox_id: m.wolkvox_id });
	}

	// The page names insertObligation.php for both obligations and managements (gestiones); its code
	// samples call insertGestion.php. A body with fields.wolkvox_idRecord / tipifycation_code is a management.
	router.add(['POST', 'PUT'], '/server/API/v2/collections/insertObligation.php', (ctx) => {
		const b = ctx.body;
		const f = isObject(b.fields) ? b.fields : {};
		if (
			ctx.method === 'POST' &&
			(f.wolkvox_idRecord !== undefined || f.tipifycation_code !== undefined)
		)
			return insertManagement(b);
		const recordId = b.wolkvox_id ?? b['wolkvox-id'];
		const lack = (isBlank(recordId) ? ['wolkvox_id'] : []).concat(
			isObject(b.fields) ? missing(f, ['id']).map((n) => `fields.${n}`) : ['fields'],
		);
		if (lack.length) return REQUIRED(lack);
		const store = db.modules.get('collections');
		if (!store || !store.has(String(recordId)))
			return NOT_FOUND(`THE COLLECTIONS RECORD ${recordId} WAS`);
		const exists = db.obligations.some(
			(o) => o.wolkvox_id === String(recordId) && String(o.fields.id) === String(f.id),
		);
		if (ctx.method === 'PUT' && !exists) return NOT_FOUND(`THE OBLIGATION ${f.id} WAS`);
		if (ctx.method === 'POST' && exists)
			return fail(400, 'BAD REQUEST', `THE OBLIGATION ${f.id} ALREADY EXISTS`);
		upsertObligation(String(recordId), f);
		return ok(ctx.method === 'PUT' ? 'Succesfully edit record' : 'Succesfully create record', {
			wolkvox_id: String(recordId),
			obligation: String(f.id),
		});
	});

	router.add('POST', '/server/API/v2/collections/insertGestion.php', (ctx) =>
		insertManagement(ctx.body),
	);

	router.add(['POST', 'GET'], '/server/API/v2/collections/queryObligation.php', (ctx) => {
		const b = ctx.body;
		const recordId = b.wolkvox_id ?? b['wolkvox-id'];
		const lack = missing({ ...b, wolkvox_id: recordId }, ['obligation', 'wolkvox_id']);
		if (lack.length) return REQUIRED(lack);
		const found = db.obligations.filter(
			(o) =>
				o.wolkvox_id === String(recordId) &&
				(String(o.fields.id) === String(b.obligation) ||
					String(o.fields.name) === String(b.obligation)),
		);
		return queryResult(found.map((o) => ({ wolkvox_id: o.wolkvox_id, ...clone(o.fields) })));
	});

	router.add(['POST', 'GET'], '/server/API/v2/collections/queryGestion.php', (ctx) => {
		const b = ctx.body;
		const lack = missing(b, ['field', 'value']);
		if (lack.length) return REQUIRED(lack);
		return queryResult(db.managements.filter((m) => matches(m[b.field], b.value)).map(clone));
	});

	// ---------- token ----------
	router.add('GET', '/server/API/v2/token/tokenInformation.php', () => {
		// Documented with code and error as strings.
		return {
			status: 200,
			body: {
				code: '200',
				error: 'null',
				msg: '1 records were are found',
				data: {
					description: 'token',
					token_limit: db.tokenLimit,
					token_use_today: db.usesToday,
					available_consumition_options: Math.max(0, db.tokenLimit - db.usesToday),
					hours_to_restart_count: 24 - new Date().getUTCHours(),
				},
			},
		};
	});

	// ---------- entry ----------
	function handle(ctx) {
		const m = router.match(ctx.method, ctx.path);
		if (!m) return fail(400, 'BAD REQUEST', 'THE API YOU WANT TO CONSULT DOES NOT EXIST');
		if (m.methodNotAllowed) return fail(405, 'METHOD NOT ALLOWED', `USE ${m.allowed.join(' OR ')}`);
		const token = ctx.req.headers['wolkvox-token'];
		if (isBlank(token)) return fail(401, 'UNAUTHORIZED', 'PLEASE ENTER THE WOLKVOX-TOKEN');
		const external = m.pattern.endsWith('/listHistoryNote.php');
		if (token !== (external ? demo.externalToken : demo.token))
			return fail(403, 'FORBIDDEN', 'PLEASE VALIDATE TOKEN');
		if (db.usesToday >= db.tokenLimit) return fail(403, 'FORBIDDEN', 'TOKEN LIMIT EXCEEDED');
		db.usesToday++;
		if (ctx.parseError)
			return fail(400, 'BAD REQUEST', `THE BODY IS NOT VALID JSON: ${ctx.parseError}`);
		const isTokenInfo = m.pattern.endsWith('/tokenInformation.php');
		if (!isTokenInfo && !isObject(ctx.body)) return REQUIRED(['operation']);
		const operation = isTokenInfo ? ctx.query.get('operation') : ctx.body.operation;
		if (isBlank(operation)) return REQUIRED(['operation']);
		if (operation !== demo.operation) return fail(403, 'FORBIDDEN', 'PLEASE VALIDATE TOKEN'); // the token is not of this operation
		ctx.params = m.params;
		return m.handler(ctx);
	}

	reset();
	return {
		name: 'wolkvox',
		handle,
		reset,
		revokeTokens: () => {},
		setTokenLimit: (n) => (db.tokenLimit = n),
		// Records and cases made by people working in the CRM (sandbox/appear.js): no token, no quota use.
		appear: {
			record: (module, fields) => clone(insertRecord(module, fields)),
			case: (values) => caseOut(newCase(values)),
		},
		dump: () => ({
			usesToday: db.usesToday,
			tokenLimit: db.tokenLimit,
			modules: Object.fromEntries([...db.modules].map(([k, v]) => [k, [...v.values()].map(clone)])),
			cases: [...db.cases.values()].map(caseOut),
			obligations: clone(db.obligations),
			managements: clone(db.managements),
		}),
	};
}

module.exports = { createWolkvox };
