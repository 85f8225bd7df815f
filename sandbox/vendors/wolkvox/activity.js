'use strict';
// Activities (calls, tasks, meetings): records of module wolkvox_activities, written through custom/insert.php
// (record.js), with the seed's required fields and Y-m-d H:i:s dates.
const { isPhpDate, isObject } = require('../../util');
const { PRIORITIES, fail, REQUIRED, NOT_FOUND, missing } = require('./common');

function createActivities(db, shared) {
	const { userByLogin } = shared;
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

	return { checkActivity };
}

module.exports = { createActivities };
