'use strict';
// The demo data SML starts with, and returns to on reset: channels, origins, users, concessionaires, sources,
// fuel types, provinces, localities and 14 leads.

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

module.exports = { seed, SEED_LEADS };
