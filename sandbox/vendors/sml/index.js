'use strict';
// SML (car-dealer lead manager) as its developer kit describes it (../shared/seeds/sml-developer-kit.md):
// Django REST framework style API under /api/..., paths ending with '/', token login, paginated lists,
// leads with nested client / vehicle / request.task / note / tags, tasks, history, click2call.
const { Router } = require('../http');
const { validate, MSG } = require('../drf');
const { hex, clone, isInteger } = require('../util');

const LEAD_STATUSES = ['new', 'commercial_management', 'tracing', 'end'];
const TASK_TYPES = [
	'date',
	'appraisal',
	'budget',
	'financing',
	'warranty',
	'vehicle_information',
	'response_information_mail',
	'pending_assignment',
	'other',
];
const MEDIA = ['Phone', 'E-mail', 'SMS', 'Whatsapp'];
const SCORES = ['1', '2', '3', '4'];
const DEFAULT_PAGE_SIZE = 10;

function now() {
	return new Date().toISOString();
}

function seed() {
	const channels = {
		1: { id: 1, slug: 'phone', name: 'Teléfono' },
		2: { id: 2, slug: 'email', name: 'Email' },
		3: { id: 3, slug: 'web', name: 'Web' },
	};
	const origins = {
		2: {
			id: 2,
			name: 'coches.net',
			icon: 'http://127.0.0.1/media/coches-net.png',
			available_channels: [1, 2],
		},
		3: {
			id: 3,
			name: 'Web del concesionario',
			icon: 'http://127.0.0.1/media/web.png',
			available_channels: [3],
		},
	};
	const users = [
		user(
			2,
			'Demo',
			'SML',
			'demo@sml.example',
			{ is_admin: true, is_concession_admin: true, online: true },
			[1, 2],
		),
		user(3, 'Lucía', 'Ortega Gil', 'lucia.ortega@sml.example', { online: true }, [1]),
		user(4, 'Pablo', 'Ruiz Sanz', 'pablo.ruiz@sml.example', { online: false }, [2]),
		user(
			5,
			'Marta',
			'Vidal Pons',
			'marta.vidal@sml.example',
			{ online: false, is_active: false },
			[1],
		),
	];
	const concessionaires = [
		{
			id: 1,
			name: 'Concesionario de Prueba',
			address: 'Calle Mayor 1, Madrid',
			latitude: 40.4168,
			longitude: -3.7038,
			concession_phone: '910000001',
			mask_c2c: '34910052683',
		},
		{
			id: 2,
			name: 'Concesionario Norte',
			address: 'Avenida del Norte 20, Barcelona',
			latitude: 41.3874,
			longitude: 2.1686,
			concession_phone: '930000002',
			mask_c2c: '34930052684',
		},
	];
	const sources = [
		{ id: 1, channel: 1, data: '666666666', origin: 2, concession: 1 },
		{ id: 2, channel: 2, data: 'leads@yamovil.com', origin: 2, concession: 1 },
		{
			id: 3,
			channel: 3,
			data: 'https://concesionario-norte.example/contacto',
			origin: 3,
			concession: 2,
		},
	];
	const gasTypes = [
		{ id: 1, name: 'Gasolina' },
		{ id: 2, name: 'Diésel' },
		{ id: 3, name: 'Híbrido' },
		{ id: 4, name: 'Eléctrico' },
		{ id: 5, name: 'GLP' },
	];
	const provinces = [
		{ id: 638, country: 28, name: 'Madrid', status: true },
		{ id: 639, country: 28, name: 'Barcelona', status: true },
		{ id: 640, country: 28, name: 'Valencia', status: true },
		{ id: 641, country: 28, name: 'Sevilla', status: true },
		{ id: 901, country: 177, name: 'Lisboa', status: true },
	];
	const localities = [
		{ id: 58323, province: 638, name: 'Madrid', status: true },
		{ id: 58324, province: 638, name: 'Alcalá de Henares', status: true },
		{ id: 58400, province: 639, name: 'Barcelona', status: true },
		{ id: 58401, province: 639, name: 'Sabadell', status: true },
		{ id: 58500, province: 640, name: 'Valencia', status: true },
		{ id: 58600, province: 641, name: 'Sevilla', status: true },
	];
	return { channels, origins, users, concessionaires, sources, gasTypes, provinces, localities };

	function user(id, first, last, username, extra, concessions) {
		return {
			id,
			first_name: first,
			last_name: last,
			phone: `6000000${String(id).padStart(2, '0')}`,
			memberid: null,
			id_click2call: `c2c-${id}`,
			username,
			email: username,
			is_staff: Boolean(extra.is_admin),
			is_superuser: false,
			is_admin: Boolean(extra.is_admin),
			is_concession_admin: Boolean(extra.is_concession_admin),
			is_business_manager: false,
			is_active: extra.is_active !== false,
			online: Boolean(extra.online),
			concessions,
			user_activation_date: '2024-01-08T09:00:00Z',
			user_deactivation_date: extra.is_active === false ? '2025-06-30T18:00:00Z' : null,
		};
	}
}

// Leads present at start (14: 4 new, so the "new leads" example finds some, and more than one page).
const SEED_LEADS = [
	{
		status: 'new',
		source: 1,
		client: {
			name: 'Ana García López',
			phone: '611223344',
			email: 'ana.garcia@example.com',
			province: 638,
			location: 58323,
		},
		vehicle: {
			brand_model: 'Toyota Corolla 1.8 Hybrid',
			price: '21500',
			km: '45000',
			year: 2021,
			gas: 3,
		},
		note: [{ content: 'Pregunta por financiación' }],
		tags: [{ content: 'web' }],
		score: '3',
	},
	{
		status: 'new',
		source: 2,
		client: {
			name: 'Luis Martínez Ruiz',
			phone: '622334455',
			email: 'luis.martinez@example.com',
			province: 639,
			location: 58400,
		},
		vehicle: {
			brand_model: 'Toyota RAV4 2.5 Hybrid',
			price: '33900',
			km: '12000',
			year: 2023,
			gas: 3,
		},
		score: '4',
	},
	{
		status: 'new',
		source: 1,
		client: {
			name: 'Carmen Sánchez Díaz',
			phone: '633445566',
			email: 'carmen.sanchez@example.com',
			province: 640,
			location: 58500,
		},
		vehicle: { brand_model: 'Toyota Yaris 1.5', price: '14900', km: '60000', year: 2019, gas: 1 },
	},
	{
		status: 'new',
		source: 3,
		client: {
			name: 'Jorge Fernández Gil',
			phone: '644556677',
			email: 'jorge.fernandez@example.com',
			province: 641,
			location: 58600,
		},
		vehicle: {
			brand_model: 'Toyota Hilux 2.8 D-4D',
			price: '38500',
			km: '30000',
			year: 2022,
			gas: 2,
		},
		request: {
			task: [
				{
					type: 'date',
					subtype: 'Prueba de conducción',
					description: 'Quiere probar el coche el sábado',
					media: 'Phone',
					planified_realization_date: '2025-01-11T10:00:00Z',
				},
			],
		},
	},
	{
		status: 'commercial_management',
		source: 1,
		client: {
			name: 'Elena Romero Castro',
			phone: '655667788',
			email: 'elena.romero@example.com',
			province: 638,
			location: 58324,
		},
		vehicle: { brand_model: 'Toyota C-HR 1.8', price: '24900', km: '25000', year: 2022, gas: 3 },
	},
	{
		status: 'commercial_management',
		source: 2,
		client: { name: 'David Torres Navarro', phone: '666778899', email: 'david.torres@example.com' },
		vehicle: { brand_model: 'Toyota Aygo X', price: '11900', km: '15000', year: 2023, gas: 1 },
	},
	{
		status: 'tracing',
		source: 1,
		client: { name: 'Lucía Moreno Vega', phone: '677889900', email: 'lucia.moreno@example.com' },
		vehicle: { brand_model: 'Toyota Prius', price: '19900', km: '80000', year: 2018, gas: 3 },
	},
	{
		status: 'tracing',
		source: 3,
		client: {
			name: 'Sergio Jiménez Ortiz',
			phone: '688990011',
			email: 'sergio.jimenez@example.com',
		},
		vehicle: {
			brand_model: 'Toyota Land Cruiser 150',
			price: '45900',
			km: '70000',
			year: 2020,
			gas: 2,
		},
	},
	{
		status: 'tracing',
		source: 1,
		client: null,
		vehicle: {
			brand_model: 'Toyota Auris Touring Sports',
			price: '12900',
			km: '110000',
			year: 2016,
			gas: 1,
		},
	},
	{
		status: 'end',
		source: 2,
		client: { name: 'Pilar Ruiz Molina', phone: '699001122', email: 'pilar.ruiz@example.com' },
		vehicle: { brand_model: 'Toyota GT86', price: '24900', km: '50000', year: 2017, gas: 1 },
	},
	{
		status: 'end',
		source: 1,
		client: { name: 'Raúl Herrera León', phone: '600112233', email: 'raul.herrera@example.com' },
		vehicle: {
			brand_model: 'Toyota Camry Hybrid',
			price: '29900',
			km: '40000',
			year: 2021,
			gas: 3,
		},
	},
	{
		status: 'end',
		source: 3,
		client: {
			name: 'Nuria Castillo Prieto',
			phone: '601223344',
			email: 'nuria.castillo@example.com',
		},
		vehicle: { brand_model: 'Toyota Supra 3.0', price: '55900', km: '9000', year: 2022, gas: 1 },
	},
	{
		status: 'commercial_management',
		source: 1,
		client: { name: 'Óscar Delgado Rubio', phone: '602334455', email: 'oscar.delgado@example.com' },
		vehicle: { brand_model: 'Toyota Proace City', price: '17900', km: '35000', year: 2021, gas: 2 },
	},
	{
		status: 'tracing',
		source: 2,
		client: { name: 'Irene Vázquez Pardo', phone: '603445566', email: 'irene.vazquez@example.com' },
		vehicle: { brand_model: 'Toyota bZ4X', price: '39900', km: '5000', year: 2024, gas: 4 },
	},
];

function createSml({ demo }) {
	let db;
	const router = new Router();

	function reset() {
		const s = seed();
		db = {
			...s,
			tokens: new Map(), // token -> user id (DRF authtoken: one per user, deleted on logout)
			leads: new Map(),
			history: new Map(), // lead id -> entries
			click2calls: [],
			seq: {
				lead: 984,
				client: 700,
				vehicle: 1036,
				request: 1032,
				task: 2000,
				note: 2692,
				tag: 310,
				appraisal: 120,
				history: 5000,
				c2c: 1,
				callControl: 135,
			},
		};
		for (const [i, l] of SEED_LEADS.entries()) {
			const lead = buildLead(normalizeLead(clone(l)), 2);
			lead.created = new Date(Date.UTC(2025, 0, 1, 9, i * 3)).toISOString();
			if (lead.status === 'end') lead.finish_date = lead.end_date = lead.created;
			db.leads.set(lead.id, lead);
			addHistory(lead.id, '+', 2, []);
		}
	}

	function next(kind) {
		return db.seq[kind]++;
	}

	// ---------- serialization ----------
	const gasData = (id) => db.gasTypes.find((g) => g.id === id) || null;
	const provinceData = (id) => db.provinces.find((p) => p.id === id) || null;
	const localityData = (id) => db.localities.find((l) => l.id === id) || null;
	const userById = (id) => db.users.find((u) => u.id === id);

	function userData(u) {
		if (!u) return null;
		const { concessions, online, last_seen, ...rest } = u;
		void concessions;
		void last_seen;
		return {
			...rest,
			session: {
				id: u.id + 10,
				start_working: '2025-01-01T08:00:00Z',
				last_seen: u.last_seen || null,
				online,
			},
		};
	}

	function userListData(u) {
		return {
			...userData(u),
			related_concessionaires: u.concessions.map((c, i) => ({
				id: u.id * 10 + i,
				concessionaire: c,
				concessionaire_data: concessionaireShort(c),
				is_concessionaire_admin: u.is_concession_admin,
				is_business_manager: u.is_business_manager,
			})),
		};
	}

	function originData(id, withSets) {
		const o = db.origins[id];
		if (!o) return null;
		const out = {
			id: o.id,
			name: o.name,
			icon: o.icon,
			available_channels: o.available_channels,
			available_channels_data: o.available_channels.map((c) => db.channels[c]),
		};
		if (withSets) {
			out.phone_set = db.sources
				.filter((s) => s.origin === id && s.channel === 1)
				.map((s) => ({ id: s.id, number: s.data }));
			out.email_set = db.sources
				.filter((s) => s.origin === id && s.channel === 2)
				.map((s) => ({ id: s.id, email: s.data }));
		}
		return out;
	}

	function sourceData(s, withConcession) {
		if (!s) return null;
		const out = {
			id: s.id,
			channel: s.channel,
			channel_data: db.channels[s.channel],
			data: s.data,
			origin: s.origin,
			origin_data: originData(s.origin),
		};
		if (withConcession) {
			out.concession = s.concession;
			out.concession_data = concessionaireShort(s.concession);
		}
		return out;
	}

	function concessionaireShort(id) {
		const c = db.concessionaires.find((x) => x.id === id);
		if (!c) return null;
		return {
			id: c.id,
			name: c.name,
			address: c.address,
			latitude: c.latitude,
			longitude: c.longitude,
			schedule: 'L-V 9:00-20:00',
			web: null,
			web_coches_net: null,
			date_notes: null,
			appraisal_notes: null,
			financing_notes: null,
			warranty_notes: null,
			service_notes: null,
			mask_c2c: c.mask_c2c,
			concession_phone: c.concession_phone,
		};
	}

	function concessionaireData(id) {
		const base = concessionaireShort(id);
		if (!base) return null;
		const day = (working) => ({
			id: 0,
			start_hour: working ? '09:00' : null,
			end_hour: working ? '20:00' : null,
			working_day: working,
		});
		const { mask_c2c, concession_phone, ...head } = base;
		return {
			...head,
			related_users: db.users
				.filter((u) => u.concessions.includes(id))
				.map((u, i) => ({
					id: id * 100 + i,
					user: u.id,
					user_data: {
						id: u.id,
						first_name: u.first_name,
						last_name: u.last_name,
						username: u.username,
						phone: u.phone,
						email: u.email,
						online: u.online,
					},
					is_concessionaire_admin: u.is_concession_admin,
					is_business_manager: u.is_business_manager,
				})),
			work_calendar: {
				id,
				monday: day(true),
				tuesday: day(true),
				wednesday: day(true),
				thursday: day(true),
				friday: day(true),
				saturday: day(false),
				sunday: day(false),
				open_now: 'false',
			},
			sources: db.sources.filter((s) => s.concession === id).map((s) => sourceData(s)),
			notes: [],
			notes_data: [],
			mask_c2c,
			concession_phone,
		};
	}

	const noteOut = (n) => ({
		id: n.id,
		content: n.content,
		modified: n.modified,
		history: n.history || [],
	});

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

	// ---------- specs ----------
	const exists = {
		source: (id) => db.sources.some((s) => s.id === id),
		gas: (id) => db.gasTypes.some((g) => g.id === id),
		province: (id) => db.provinces.some((p) => p.id === id),
		location: (id) => db.localities.some((l) => l.id === id),
		user: (id) => db.users.some((u) => u.id === id),
		lead: (id) => db.leads.has(id),
	};

	const noteSpec = { content: { type: 'string', required: true } };
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

	// ---------- building and updating ----------
	function normalizeLead(raw) {
		// Used for seed data only: runs it through the same validation.
		const r = validate(leadSpec(), raw);
		if (r.errors) throw new Error(`bad seed lead: ${JSON.stringify(r.errors)}`);
		return r.value;
	}

	function newNote(n) {
		return { id: next('note'), content: n.content, modified: now(), history: [] };
	}

	function newTag(n) {
		return { id: next('tag'), content: n.content, modified: now(), history: [] };
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

	/**
	 * Applies a nested list (note, tags, task notes, tasks) the way the kit describes: items with an id
	 * update that item, items without one are created, and the list sent replaces the old list (items
	 * not sent are deleted). Returns { list, error }.
	 */
	function mergeList(current, incoming, create, update) {
		const errors = [];
		let bad = false;
		const out = [];
		for (const item of incoming) {
			if (item.id !== undefined) {
				const found = current.find((c) => c.id === item.id);
				if (!found) {
					bad = true;
					errors.push({ id: [`No existe un elemento con id ${item.id} en este objeto.`] });
					continue;
				}
				errors.push({});
				out.push(update(found, item));
			} else {
				errors.push({});
				out.push(create(item));
			}
		}
		return bad ? { error: errors } : { list: out };
	}

	function updateNote(n, v) {
		if (v.content !== undefined && v.content !== n.content) {
			n.history.push({
				history_id: next('history'),
				modified: n.modified,
				history_user: 2,
				content: n.content,
			});
			n.content = v.content;
			n.modified = now();
		}
		return n;
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

	function withoutId(o) {
		const { id, ...rest } = o;
		void id;
		return rest;
	}

	function addHistory(leadId, type, userId, changes) {
		if (!db.history.has(leadId)) db.history.set(leadId, []);
		db.history.get(leadId).push({
			history_id: next('history'),
			history_date: now(),
			history_type: type,
			history_user: userId,
			history_user_data: (() => {
				const u = userById(userId);
				return u
					? { id: u.id, first_name: u.first_name, last_name: u.last_name, username: u.username }
					: null;
			})(),
			lead: leadId,
			changes,
		});
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

	// ---------- helpers ----------
	function paginate(ctx, items) {
		const q = ctx.query;
		let size = DEFAULT_PAGE_SIZE;
		const rawSize = q.get('page_size');
		let all = false;
		if (rawSize === 'all') all = true;
		else if (rawSize && isInteger(rawSize) && Number(rawSize) > 0)
			size = Math.min(Number(rawSize), 1000);
		const rawPage = q.get('page');
		let page = 1;
		if (rawPage !== null && rawPage !== '') {
			if (rawPage === 'last') page = Math.max(1, Math.ceil(items.length / size));
			else if (!isInteger(rawPage) || Number(rawPage) < 1)
				return { status: 404, body: { detail: 'Página inválida.' } };
			else page = Number(rawPage);
		}
		if (all) {
			return {
				status: 200,
				body: { count: items.length, next: null, previous: null, results: items },
			};
		}
		const pages = Math.max(1, Math.ceil(items.length / size));
		if (page > pages) return { status: 404, body: { detail: 'Página inválida.' } };
		const link = (p) => {
			if (p < 1 || p > pages) return null;
			const params = new URLSearchParams(q);
			if (p === 1) params.delete('page');
			else params.set('page', String(p));
			const qs = params.toString();
			return `${ctx.baseUrl}${ctx.path}${qs ? `?${qs}` : ''}`;
		};
		return {
			status: 200,
			body: {
				count: items.length,
				next: link(page + 1),
				previous: link(page - 1),
				results: items.slice((page - 1) * size, page * size),
			},
		};
	}

	function search(items, term) {
		if (!term) return items;
		const t = term.toLowerCase();
		return items.filter((i) => JSON.stringify(i).toLowerCase().includes(t));
	}

	function icontains(value, term) {
		return (
			term === null ||
			term === '' ||
			String(value ?? '')
				.toLowerCase()
				.includes(term.toLowerCase())
		);
	}

	function boolFilter(value, q) {
		if (q === null || q === '') return true;
		const want = ['true', 'True', '1'].includes(q)
			? true
			: ['false', 'False', '0'].includes(q)
				? false
				: null;
		return want === null || Boolean(value) === want;
	}

	function leadOr404(id) {
		const lead = isInteger(id) ? db.leads.get(Number(id)) : undefined;
		return lead;
	}

	const notFound = { status: 404, body: { detail: 'No encontrado.' } };
	const jsonBody = (ctx) => (ctx.body === undefined ? {} : ctx.body);

	// ---------- routes ----------
	router.add('POST', '/api/auth/login/', (ctx) => {
		const body = jsonBody(ctx);
		const errors = {};
		for (const k of ['username', 'password'])
			if (typeof body[k] !== 'string' || body[k] === '')
				errors[k] = [body[k] === '' ? MSG.blank : MSG.required];
		if (Object.keys(errors).length) return { status: 400, body: errors };
		const u = db.users.find((x) => x.username === body.username);
		if (!u || body.username !== demo.username || body.password !== demo.password) {
			// Documented as a string, not a list.
			return {
				status: 400,
				body: {
					non_field_errors: 'No se puede iniciar sesión con las credenciales proporcionadas.',
				},
			};
		}
		u.last_seen = now();
		u.online = true;
		let token = [...db.tokens].find(([, id]) => id === u.id)?.[0];
		if (!token) {
			token = hex(20);
			db.tokens.set(token, u.id);
		}
		return { status: 200, body: { username: body.username, password: body.password, token } };
	});

	router.add('POST', '/api/auth/logout/', (ctx) => {
		db.tokens.delete(ctx.token);
		return { status: 200, body: { detail: 'Sesión cerrada correctamente.' } };
	});

	router.add('GET', '/api/concessionaire/', (ctx) =>
		paginate(
			ctx,
			search(
				db.concessionaires.map((c) => concessionaireData(c.id)),
				ctx.query.get('search'),
			),
		),
	);

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

	router.add('GET', '/api/source/', (ctx) =>
		paginate(
			ctx,
			search(
				db.sources.map((s) => sourceData(s, true)),
				ctx.query.get('search'),
			),
		),
	);

	router.add('GET', '/api/gas_type/', (ctx) =>
		paginate(ctx, search(db.gasTypes.map(clone), ctx.query.get('search'))),
	);

	router.add('GET', '/api/clients/', (ctx) => {
		const q = ctx.query;
		const clients = [...db.leads.values()]
			.map((l) => l.client)
			.filter(Boolean)
			.filter((c) => icontains(c.name, q.get('name__icontains')))
			.filter((c) => icontains(c.phone, q.get('phone__icontains')))
			.filter((c) => icontains(c.email, q.get('email__icontains')))
			.sort((a, b) => a.id - b.id)
			.map((c) => ({
				...c,
				province_data: provinceData(c.province),
				location_data: localityData(c.location),
			}));
		return paginate(ctx, search(clients, q.get('search')));
	});

	router.add('GET', '/api/provinces/', (ctx) => {
		const country = ctx.query.get('country');
		if (country === null || country === '')
			return { status: 400, body: { country: [MSG.required] } };
		if (!isInteger(country)) return { status: 400, body: { country: [MSG.integer] } };
		return paginate(
			ctx,
			search(
				db.provinces.filter((p) => p.country === Number(country)).map(clone),
				ctx.query.get('search'),
			),
		);
	});

	router.add('GET', '/api/localities/', (ctx) => {
		const province = ctx.query.get('province');
		if (province && !isInteger(province)) return { status: 400, body: { province: [MSG.integer] } };
		const list = db.localities
			.filter((l) => !province || l.province === Number(province))
			.map(clone);
		return paginate(ctx, search(list, ctx.query.get('search')));
	});

	router.add('GET', '/api/user/', (ctx) => {
		const q = ctx.query;
		const conc = q.get('userconcession__concessionaire__id');
		const users = db.users
			.filter((u) => boolFilter(u.online, q.get('online')))
			.filter((u) => boolFilter(u.is_active, q.get('is_active')))
			.filter((u) => !conc || u.concessions.includes(Number(conc)))
			.map(userListData);
		return paginate(ctx, search(users, q.get('search')));
	});

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

	// ---------- entry ----------
	function handle(ctx) {
		const m = router.match(ctx.method, ctx.path);
		if (!m) return notFound;
		if (m.methodNotAllowed)
			return {
				status: 405,
				body: { detail: `Método "${ctx.method}" no permitido.` },
				headers: { Allow: m.allowed.join(', ') },
			};
		if (m.pattern !== '/api/auth/login/') {
			const auth = /^\s*(Token|Bearer|JWT)\s+(\S+)\s*$/i.exec(
				String(ctx.req.headers.authorization || ''),
			);
			if (!auth)
				return {
					status: 401,
					body: { detail: 'Las credenciales de autenticación no se proveyeron.' },
					headers: { 'WWW-Authenticate': 'Token' },
				};
			const userId = db.tokens.get(auth[2]);
			if (!userId)
				return {
					status: 401,
					body: { detail: 'Token inválido.' },
					headers: { 'WWW-Authenticate': 'Token' },
				};
			ctx.userId = userId;
			ctx.token = auth[2];
		}
		if (ctx.parseError)
			return { status: 400, body: { detail: `JSON parse error - ${ctx.parseError}` } };
		ctx.params = m.params;
		return m.handler(ctx);
	}

	reset();
	return {
		name: 'sml',
		handle,
		reset,
		revokeTokens: () => db.tokens.clear(),
		dump: () => ({
			leads: [...db.leads.values()].map(leadOut),
			click2calls: clone(db.click2calls),
			history: Object.fromEntries(db.history),
		}),
	};
}

module.exports = { createSml };
