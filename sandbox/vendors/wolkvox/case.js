'use strict';
// Cases (cases/insert, insertAttach, update, updateCaseAttachment, queryCases, listHistoryNote): the
// responsible, owner and contact must exist, a closed status needs a solution.
const { isBlank, hex, clone } = require('../../util');
const {
	CASE_TYPES,
	CASE_STATUSES,
	CLOSED_STATUSES,
	CASE_PRIORITIES,
	CASE_QUERY_FIELDS,
	ok,
	fail,
	REQUIRED,
	NOT_FOUND,
	missing,
	parseForm,
	decodeAttachments,
	queryResult,
	matches,
} = require('./common');

function createCases(db, router, shared) {
	const { nowStamp, findContact, userByLogin } = shared;
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

	return { newCase, caseOut, checkCase };
}

module.exports = { createCases };
