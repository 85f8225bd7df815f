'use strict';
// Catalogs (concessionaire/, source/, gas_type/, clients/, provinces/, localities/, user/) and their
// serializers, which leads and tasks embed; `exists` checks the ids a lead or task refers to.
const { MSG } = require('../../drf');
const { clone, isInteger } = require('../../util');
const { paginate, search, icontains, boolFilter } = require('./common');

function createCatalogs(db, router) {
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

	const exists = {
		source: (id) => db.sources.some((s) => s.id === id),
		gas: (id) => db.gasTypes.some((g) => g.id === id),
		province: (id) => db.provinces.some((p) => p.id === id),
		location: (id) => db.localities.some((l) => l.id === id),
		user: (id) => db.users.some((u) => u.id === id),
		lead: (id) => db.leads.has(id),
	};

	router.add('GET', '/api/concessionaire/', (ctx) =>
		paginate(
			ctx,
			search(
				db.concessionaires.map((c) => concessionaireData(c.id)),
				ctx.query.get('search'),
			),
		),
	);

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

	return {
		gasData,
		provinceData,
		localityData,
		userById,
		userData,
		originData,
		sourceData,
		concessionaireData,
		exists,
	};
}

module.exports = { createCatalogs };
