'use strict';
// Leads (lead/, lead/{id}/, change_status/, lead_history/, click2call/): the nested client, vehicle,
// request.task, note and tags, and the kit's PATCH rules for them.
const { validate } = require('../../drf');
const { clone, isInteger } = require('../../util');
const {
	LEAD_STATUSES,
	SCORES,
	now,
	paginate,
	search,
	icontains,
	notFound,
	jsonBody,
	withoutId,
} = require('./common');

function createLeads(db, next, router, shared) {
	const {
		concessionaireData,
		provinceData,
		localityData,
		gasData,
		userData,
		userById,
		originData,
		sourceData,
		exists,
		noteOut,
		noteSpec,
		newNote,
		newTag,
		mergeList,
		updateNote,
		addHistory,
		taskFields,
		appraisalRequired,
		taskOut,
		newTask,
		applyTask,
	} = shared;

	function leadOut(l) {
		const source = db.sources.find((s) => s.id === l.source);
		return {
			id: l.id,
			concessionaire: l.concessionaire,
			concessionaire_data: concessionaireData(l.concessionaire),
			client: l.client
				? {
						...l.client,
						province_data: provinceData(l.client.province),
						location_data: localityData(l.client.location),
					}
				: null,
			vehicle: { ...l.vehicle, gas_data: gasData(l.vehicle.gas) },
			request: { id: l.request.id, task: l.request.task.map((t) => taskOut(t, false)) },
			note: l.note.map(noteOut),
			end_date: l.end_date,
			user: l.user,
			user_data: userData(userById(l.user)),
			result: l.result,
			created: l.created,
			status: l.status,
			score: l.score,
			finish_date: l.finish_date,
			pending_tasks: l.request.task.some((t) => !t.realization_date_check),
			mail_content: null,
			first_task_date: l.request.task.length
				? l.request.task[0].planified_realization_date || l.created
				: l.created,
			nsa: "{'years': 0, 'months': 0, 'days': 0, 'hours': 0, 'minutes': 0, 'seconds': 0}",
			origin: source ? originData(source.origin, true) : null,
			cur_user_can_assign: true,
			tags: l.tags.map(noteOut),
			source: l.source,
			source_data: source
				? { ...sourceData(source), origin_data: originData(source.origin) }
				: null,
		};
	}

	const vehicleSpec = {
		brand_model: { type: 'string', required: true },
		price: { type: 'string', nullable: true },
		km: { type: 'string', nullable: true },
		year: { type: 'int', nullable: true, min: 1900 },
		gas: { type: 'pk', exists: (v) => exists.gas(v), nullable: true },
		sold: { type: 'bool' },
	};
	const clientSpec = {
		name: { type: 'string', required: true },
		phone: { type: 'string', nullable: true, allowBlank: true },
		email: { type: 'email', nullable: true },
		province: { type: 'pk', exists: (v) => exists.province(v), nullable: true },
		location: { type: 'pk', exists: (v) => exists.location(v), nullable: true },
	};
	const leadSpec = () => ({
		source: { type: 'pk', required: true, exists: (v) => exists.source(v) },
		vehicle: { type: 'object', required: true, spec: vehicleSpec, partialWithId: true },
		client: { type: 'object', spec: clientSpec, nullable: true, partialWithId: true },
		user: { type: 'pk', exists: (v) => exists.user(v) },
		score: { type: 'choice', choices: SCORES, asString: true, nullable: true },
		note: { type: 'list', spec: noteSpec, partialWithId: true },
		tags: { type: 'list', spec: noteSpec, partialWithId: true },
		status: { type: 'choice', choices: LEAD_STATUSES },
		request: {
			type: 'object',
			spec: {
				task: { type: 'list', spec: taskFields(), check: appraisalRequired, partialWithId: true },
			},
			partialWithId: true,
		},
	});

	function normalizeLead(raw) {
		// Used for seed data only: runs it through the same validation.
		const r = validate(leadSpec(), raw);
		if (r.errors) throw new Error(`bad seed lead: ${JSON.stringify(r.errors)}`);
		return r.value;
	}

	function buildLead(v, userId) {
		const id = next('lead');
		const source = db.sources.find((s) => s.id === v.source);
		const lead = {
			id,
			concessionaire: source ? source.concession : 1,
			client: v.client
				? {
						id: next('client'),
						name: v.client.name,
						phone: v.client.phone ?? null,
						email: v.client.email ?? null,
						province: v.client.province ?? null,
						location: v.client.location ?? null,
					}
				: null,
			vehicle: {
				id: next('vehicle'),
				brand_model: v.vehicle.brand_model,
				price: v.vehicle.price ?? null,
				km: v.vehicle.km ?? null,
				year: v.vehicle.year ?? null,
				gas: v.vehicle.gas ?? null,
				sold: Boolean(v.vehicle.sold),
			},
			request: { id: next('request'), task: [] },
			note: (v.note || []).map(newNote),
			tags: (v.tags || []).map(newTag),
			user: v.user ?? userId,
			status: v.status || 'new',
			score: v.score ?? null,
			result: null,
			created: now(),
			finish_date: null,
			end_date: null,
			source: v.source,
		};
		lead.request.task = ((v.request && v.request.task) || []).map((t) => newTask(t, id, userId));
		if (lead.vehicle.sold) {
			// The kit: a vehicle sold before the lead is processed ends the lead as "not available".
			lead.status = 'end';
			lead.result = 'not available';
		}
		if (lead.status === 'end') lead.finish_date = lead.end_date = now();
		return lead;
	}

	/** PATCH semantics of the kit, including "nested object without id is replaced". */
	function patchLead(lead, v, userId) {
		const before = clone(lead);
		const errors = {};
		for (const k of ['source', 'user', 'score', 'status']) if (v[k] !== undefined) lead[k] = v[k];
		if (v.source !== undefined) {
			const s = db.sources.find((x) => x.id === v.source);
			if (s) lead.concessionaire = s.concession;
		}
		if (v.vehicle !== undefined) {
			if (v.vehicle.id !== undefined) {
				if (v.vehicle.id !== lead.vehicle.id)
					errors.vehicle = {
						id: [`El id ${v.vehicle.id} no corresponde al vehículo de este lead.`],
					};
				else Object.assign(lead.vehicle, withoutId(v.vehicle));
			} else {
				lead.vehicle = {
					id: next('vehicle'),
					brand_model: v.vehicle.brand_model,
					price: v.vehicle.price ?? null,
					km: v.vehicle.km ?? null,
					year: v.vehicle.year ?? null,
					gas: v.vehicle.gas ?? null,
					sold: Boolean(v.vehicle.sold),
				};
			}
		}
		if (v.client !== undefined) {
			if (v.client === null) lead.client = null;
			else if (v.client.id !== undefined) {
				if (!lead.client || v.client.id !== lead.client.id)
					errors.client = { id: [`El id ${v.client.id} no corresponde al cliente de este lead.`] };
				else Object.assign(lead.client, withoutId(v.client));
			} else {
				lead.client = {
					id: next('client'),
					name: v.client.name,
					phone: v.client.phone ?? null,
					email: v.client.email ?? null,
					province: v.client.province ?? null,
					location: v.client.location ?? null,
				};
			}
		}
		/** @type {Array<[string, (n: any) => object]>} */
		const lists = [
			['note', newNote],
			['tags', newTag],
		];
		for (const [key, create] of lists) {
			if (v[key] === undefined) continue;
			const r = mergeList(lead[key], v[key], create, updateNote);
			if (r.error) errors[key] = r.error;
			else lead[key] = r.list;
		}
		if (v.request !== undefined) {
			const keep = v.request.id !== undefined;
			if (keep && v.request.id !== lead.request.id) {
				errors.request = {
					id: [`El id ${v.request.id} no corresponde a la solicitud de este lead.`],
				};
			} else {
				const current = keep ? lead.request.task : [];
				if (!keep) lead.request = { id: next('request'), task: [] };
				if (v.request.task !== undefined) {
					const taskErrors = [];
					let bad = false;
					const list = [];
					for (const t of v.request.task) {
						if (t.id !== undefined) {
							const found = current.find((c) => c.id === t.id);
							if (!found) {
								bad = true;
								taskErrors.push({ id: [`No existe un elemento con id ${t.id} en este objeto.`] });
								continue;
							}
							const e = applyTask(found, t, userId);
							if (e) {
								bad = true;
								taskErrors.push(e);
								continue;
							}
							taskErrors.push({});
							list.push(found);
						} else {
							taskErrors.push({});
							list.push(newTask(t, lead.id, userId));
						}
					}
					if (bad) errors.request = { task: taskErrors };
					else lead.request.task = list;
				} else if (keep) {
					lead.request.task = current;
				}
			}
		}
		if (v.vehicle && v.vehicle.sold === true) {
			lead.status = 'end';
			lead.result = 'not available';
		}
		if (Object.keys(errors).length) {
			Object.assign(lead, before); // all or nothing, like a database transaction
			return errors;
		}
		if (lead.status === 'end' && before.status !== 'end') lead.finish_date = lead.end_date = now();
		if (lead.status !== 'end') lead.finish_date = lead.end_date = null;
		const changes = [];
		for (const k of ['status', 'score', 'user', 'source']) {
			if (before[k] !== lead[k]) changes.push({ field: k, old: before[k], new: lead[k] });
		}
		for (const k of ['client', 'vehicle', 'note', 'tags', 'request']) {
			if (JSON.stringify(before[k]) !== JSON.stringify(lead[k]))
				changes.push({
					field: k,
					old: before[k] && before[k].id !== undefined ? before[k].id : null,
					new: lead[k] && lead[k].id !== undefined ? lead[k].id : null,
				});
		}
		addHistory(lead.id, '~', userId, changes);
		return null;
	}

	function leadOr404(id) {
		const lead = isInteger(id) ? db.leads.get(Number(id)) : undefined;
		return lead;
	}

	router.add('GET', '/api/lead/', (ctx) => {
		const q = ctx.query;
		const status = q.get('status');
		if (status && !LEAD_STATUSES.includes(status)) {
			return {
				status: 400,
				body: {
					status: [`Escoja una opción válida. ${status} no es una de las opciones disponibles.`],
				},
			};
		}
		const conc = q.get('concessionaire__in');
		const concs = conc ? conc.split(',').map((x) => Number(x.trim())) : null;
		let leads = [...db.leads.values()]
			.filter((l) => !status || l.status === status)
			.filter((l) => !concs || concs.includes(l.concessionaire))
			.filter((l) => icontains(l.client && l.client.phone, q.get('client__phone__icontains')))
			.filter((l) => icontains(l.client && l.client.email, q.get('client__email__icontains')))
			.sort((a, b) => b.id - a.id)
			.map(leadOut);
		leads = search(leads, q.get('search'));
		return paginate(ctx, leads);
	});

	router.add('POST', '/api/lead/', (ctx) => {
		const r = validate(leadSpec(), jsonBody(ctx));
		if (r.errors) return { status: 400, body: r.errors };
		const lead = buildLead(r.value, ctx.userId);
		db.leads.set(lead.id, lead);
		addHistory(lead.id, '+', ctx.userId, []);
		return { status: 201, body: leadOut(lead) };
	});

	router.add('GET', '/api/lead/:id/', (ctx) => {
		const lead = leadOr404(ctx.params.id);
		return lead ? { status: 200, body: leadOut(lead) } : notFound;
	});

	router.add(['PATCH', 'PUT'], '/api/lead/:id/', (ctx) => {
		const lead = leadOr404(ctx.params.id);
		if (!lead) return notFound;
		const r = validate(leadSpec(), jsonBody(ctx), { partial: ctx.method === 'PATCH' });
		if (r.errors) return { status: 400, body: r.errors };
		const errors = patchLead(lead, r.value, ctx.userId);
		if (errors) return { status: 400, body: errors };
		return { status: 200, body: leadOut(lead) };
	});

	router.add('PATCH', '/api/lead/:id/change_status/', (ctx) => {
		const lead = leadOr404(ctx.params.id);
		if (!lead) return notFound;
		const r = validate(
			{ status: { type: 'choice', choices: LEAD_STATUSES, required: true } },
			jsonBody(ctx),
		);
		if (r.errors) return { status: 400, body: r.errors };
		patchLead(lead, { status: r.value.status }, ctx.userId);
		return { status: 200, body: leadOut(lead) };
	});

	router.add('GET', '/api/lead_history/:id/get_history/', (ctx) => {
		const lead = leadOr404(ctx.params.id);
		if (!lead) return notFound;
		return paginate(ctx, [...(db.history.get(lead.id) || [])].reverse());
	});

	router.add('PATCH', '/api/netelip/call_control_lead/click2call/', (ctx) => {
		const r = validate(
			{ lead: { type: 'pk', required: true, exists: (v) => exists.lead(v) } },
			jsonBody(ctx),
		);
		if (r.errors) return { status: 400, body: r.errors };
		const lead = db.leads.get(r.value.lead);
		if (!lead.client || !lead.client.phone) {
			return {
				status: 400,
				body: { non_field_errors: ['El lead no tiene un teléfono de cliente al que llamar.'] },
			};
		}
		const call = {
			id: next('c2c'),
			lead: lead.id,
			call_control: next('callControl'),
			user: ctx.userId,
		};
		db.click2calls.push(call);
		return { status: 200, body: call };
	});

	return { leadOut, normalizeLead, buildLead };
}

module.exports = { createLeads };
