'use strict';
// Tasks of a lead (lead_task_create/, task/{id}/): type, media, planned and done dates, notes, and the
// appraisal a task of type "appraisal" needs.
const { validate, MSG } = require('../../drf');
const { clone, isInteger } = require('../../util');
const { TASK_TYPES, MEDIA, now, notFound, jsonBody, withoutId } = require('./common');

function createTasks(db, next, router, shared) {
	const {
		gasData,
		userById,
		userData,
		exists,
		noteOut,
		noteSpec,
		newNote,
		updateNote,
		mergeList,
		addHistory,
	} = shared;

	const appraisalSpec = {
		brand_model: { type: 'string', required: true },
		license_plate: { type: 'string', nullable: true },
		km: { type: 'string', nullable: true },
		year: { type: 'int', nullable: true },
		gas: { type: 'pk', exists: (v) => exists.gas(v), nullable: true },
		extras: { type: 'string', nullable: true },
		origin: { type: 'choice', choices: ['national', 'foreign'], nullable: true },
	};
	const taskFields = () => ({
		type: { type: 'choice', choices: TASK_TYPES },
		subtype: { type: 'string', nullable: true, allowBlank: true },
		description: { type: 'string', nullable: true, allowBlank: true },
		media: { type: 'choice', choices: MEDIA },
		planified_realization_date: { type: 'datetime', nullable: true },
		planified_tracking_date: { type: 'datetime', nullable: true },
		realization_date_check: { type: 'bool' },
		tracking_date_check: { type: 'bool' },
		note: { type: 'list', spec: noteSpec, partialWithId: true },
		appraisal: { type: 'object', spec: appraisalSpec, nullable: true, partialWithId: true },
	});
	const appraisalRequired = (t, raw) =>
		t.type === 'appraisal' && !raw.appraisal && raw.id === undefined
			? { appraisal: [MSG.required] }
			: null;

	function taskOut(t, withLead) {
		const out = {
			id: t.id,
			type: t.type,
			subtype: t.subtype,
			description: t.description,
			media: t.media,
			planified_realization_date: t.planified_realization_date,
			planified_tracking_date: t.planified_tracking_date,
			realization_date: t.realization_date,
			realization_date_check: t.realization_date_check,
			tracking_date: t.tracking_date,
			tracking_date_check: t.tracking_date_check,
			note: t.note.map(noteOut),
			created: t.created,
			appraisal: t.appraisal ? { ...t.appraisal, gas_data: gasData(t.appraisal.gas) } : null,
			is_click2call: t.is_click2call,
			author: t.author,
			author_data: userData(userById(t.author)),
		};
		if (withLead) out.lead = t.lead;
		return out;
	}

	function newTask(t, leadId, authorId) {
		const task = {
			id: next('task'),
			lead: leadId,
			type: t.type || 'other',
			subtype: t.subtype ?? null,
			description: t.description ?? null,
			media: t.media || 'Phone',
			planified_realization_date: t.planified_realization_date ?? null,
			planified_tracking_date: t.planified_tracking_date ?? null,
			realization_date: t.realization_date_check ? now() : null,
			realization_date_check: Boolean(t.realization_date_check),
			tracking_date: t.tracking_date_check ? now() : null,
			tracking_date_check: Boolean(t.tracking_date_check),
			note: (t.note || []).map(newNote),
			created: now(),
			appraisal: t.appraisal ? newAppraisal(t.appraisal) : null,
			is_click2call: false,
			author: authorId,
		};
		return task;
	}

	function newAppraisal(a) {
		return {
			id: next('appraisal'),
			brand_model: a.brand_model,
			license_plate: a.license_plate ?? null,
			km: a.km ?? null,
			year: a.year ?? null,
			gas: a.gas ?? null,
			extras: a.extras ?? null,
			origin: a.origin ?? 'national',
		};
	}

	/** Updates a task in place from validated fields; returns an error object or null. */
	function applyTask(task, v, authorId) {
		const changes = [];
		for (const k of [
			'type',
			'subtype',
			'description',
			'media',
			'planified_realization_date',
			'planified_tracking_date',
		]) {
			if (v[k] !== undefined && v[k] !== task[k]) {
				changes.push(k);
				task[k] = v[k];
			}
		}
		for (const [check, date] of [
			['realization_date_check', 'realization_date'],
			['tracking_date_check', 'tracking_date'],
		]) {
			if (v[check] !== undefined && v[check] !== task[check]) {
				task[check] = v[check];
				task[date] = v[check] ? now() : null;
				changes.push(check);
			}
		}
		if (v.note !== undefined) {
			const r = mergeList(task.note, v.note, newNote, updateNote);
			if (r.error) return { note: r.error };
			task.note = r.list;
		}
		if (v.appraisal !== undefined) {
			if (v.appraisal === null) task.appraisal = null;
			else if (v.appraisal.id !== undefined) {
				if (!task.appraisal || task.appraisal.id !== v.appraisal.id) {
					return {
						appraisal: {
							id: [`El id ${v.appraisal.id} no corresponde a la tasación de esta tarea.`],
						},
					};
				}
				Object.assign(task.appraisal, withoutId(v.appraisal));
			} else {
				task.appraisal = newAppraisal(v.appraisal); // without its id: replaced
			}
		}
		if (task.type === 'appraisal' && !task.appraisal) return { appraisal: [MSG.required] };
		void authorId;
		return null;
	}

	router.add('POST', '/api/lead_task_create/', (ctx) => {
		const spec = {
			lead: { type: 'pk', required: true, exists: (v) => exists.lead(v) },
			...taskFields(),
		};
		const body = jsonBody(ctx);
		const r = validate(spec, body);
		if (r.errors) return { status: 400, body: r.errors };
		const missing = appraisalRequired(r.value, body);
		if (missing) return { status: 400, body: missing };
		const lead = db.leads.get(r.value.lead);
		const task = newTask(r.value, lead.id, ctx.userId);
		lead.request.task.push(task);
		addHistory(lead.id, '~', ctx.userId, [{ field: 'request.task', old: null, new: task.id }]);
		return { status: 201, body: taskOut(task, true) };
	});

	function findTask(id) {
		if (!isInteger(id)) return null;
		for (const lead of db.leads.values()) {
			const t = lead.request.task.find((x) => x.id === Number(id));
			if (t) return { lead, task: t };
		}
		return null;
	}

	router.add(['PATCH', 'PUT'], '/api/task/:id/', (ctx) => {
		const found = findTask(ctx.params.id);
		if (!found) return notFound;
		const r = validate(taskFields(), jsonBody(ctx), { partial: true });
		if (r.errors) return { status: 400, body: r.errors };
		const before = clone(found.task);
		const e = applyTask(found.task, r.value, ctx.userId);
		if (e) {
			Object.assign(found.task, before);
			return { status: 400, body: e };
		}
		addHistory(found.lead.id, '~', ctx.userId, [
			{ field: 'request.task', old: found.task.id, new: found.task.id },
		]);
		return { status: 200, body: taskOut(found.task, false) };
	});

	router.add('DELETE', '/api/task/:id/', (ctx) => {
		const found = findTask(ctx.params.id);
		if (!found) return notFound;
		found.lead.request.task = found.lead.request.task.filter((t) => t !== found.task);
		addHistory(found.lead.id, '~', ctx.userId, [
			{ field: 'request.task', old: found.task.id, new: null },
		]);
		return { status: 204 };
	});

	return { taskFields, appraisalRequired, taskOut, newTask, applyTask };
}

module.exports = { createTasks };
