'use strict';
// Collections (massiveCollections, insertObligation, insertGestion, queryObligation, queryGestion).
const { isBlank, hex, clone, isObject } = require('../../util');
const { ok, fail, REQUIRED, NOT_FOUND, missing, queryResult, matches } = require('./common');

function createCollections(db, router, shared) {
	const { nowStamp, moduleStore, insertRecord } = shared;
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
}

module.exports = { createCollections };
