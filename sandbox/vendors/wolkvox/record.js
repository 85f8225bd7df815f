'use strict';
// Records of any module (custom/insert, insertMany, update, updateMany, delete, query, queryDates).
const { isEmail, isBlank, isPhpDate, clone, isObject } = require('../../util');
const {
	ACTIVITY_TYPES,
	ok,
	fail,
	REQUIRED,
	NOT_FOUND,
	missing,
	decodeAttachments,
	queryResult,
	matches,
	fieldValue,
} = require('./common');

function createRecords(db, router, shared) {
	const { nowStamp, insertRecord, caseOut, checkActivity } = shared;
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
}

module.exports = { createRecords };
