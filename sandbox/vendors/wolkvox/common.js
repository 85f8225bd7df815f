'use strict';
// What every wolkvox resource shares: the documented choices, the {code, error, msg, data} answers (failures
// inside HTTP 200), and the body checks (missing parameters, form, base64 attachments, query matching).
const { isBlank, isObject } = require('../../util');

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

module.exports = {
	CASE_TYPES,
	CASE_STATUSES,
	CLOSED_STATUSES,
	CASE_PRIORITIES,
	ACTIVITY_TYPES,
	PRIORITIES,
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
	fieldValue,
};
