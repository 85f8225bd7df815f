'use strict';
// SugarCRM Casabaca as its API reference describes it (../shared/seeds/casabaca-sugarcrm-api.txt and
// ../shared/api/endpoints.json): Laravel style, POST /api/login -> token, then "Authorization: Bearer";
// a rejected token answers HTTP 500 {"message":"Unauthenticated.","status_code":500}; 422 {errors:{field:[msg]}};
// 404 {error}; landing pages fail with HTTP 200 and data.status_code "400".
// One file per resource, as in nodes/SugarCrmCasabaca/resources.
const { Router } = require('../../http');
const { clone } = require('../../util');
const { UNAUTHENTICATED } = require('./common');
const { createRules } = require('./rules');
const { createRecords } = require('./records');
const { createSession } = require('./session');
const { createApiUsers } = require('./apiUser');
const { createAdvisors } = require('./advisor');
const { createAppraisals, makePdf } = require('./appraisal');
const { createLandingPages } = require('./landingPage');
const { createProspects } = require('./prospect');
const { createCalls } = require('./call');
const { createTickets } = require('./ticket');

function createCasabaca({ demo }) {
	// One object for the sandbox's lifetime (reset() refills it), so each resource can keep a reference.
	const db = {};
	const router = new Router();
	const records = createRecords(db);
	const shared = { demo, ...createRules(db), ...records };
	const { addTicket } = records;
	for (const create of [
		createSession,
		createApiUsers,
		createAdvisors,
		createAppraisals,
		createLandingPages,
		createProspects,
		createCalls,
		createTickets,
	])
		create(db, router, shared);

	function reset() {
		Object.assign(db, {
			tokens: new Map(), // token -> email
			tokenSeq: 1,
			apiUsers: [
				{
					name: 'Demo',
					email: demo.email,
					fuente: 'sandbox',
					fuente_id: '1',
					medios: '10,11,13,18',
					compania: '1',
				},
			],
			tickets: new Map(),
			prospects: new Map(),
			calls: new Map(),
			meetings: new Map(),
			landingPages: [],
			appraisals: new Map(),
			seq: { ticket: 463587, prospect: 73097, appraisal: 3 },
		});
		// Tickets of the reference's examples, so its sample requests work as they are.
		addTicket({
			id: '10438baf-0d83-9533-4fb3-602ea326288b',
			source: 'seed',
			client: {
				nombres: 'FREDDY ROBERTO',
				apellidos: 'RODRIGUEZ VARGAS',
				email: 'mart@hotmail.com',
				celular: '0987519882',
				numero_identificacion: '1719932079',
				tipo_identificacion: 'C',
			},
		});
		addTicket({
			id: 'd9bf5143-daa6-d9ca-7d04-60df4f47f51a',
			source: 'seed',
			client: {
				nombres: 'MARIA',
				apellidos: 'RODRIGUEZ',
				email: 'maria@example.com',
				celular: '0987000001',
				numero_identificacion: '1711111111',
				tipo_identificacion: 'C',
			},
		});
		db.prospects.set('b9400c64-9a35-cf31-cf26-604bcac73032', {
			id: 'b9400c64-9a35-cf31-cf26-604bcac73032',
			name: 'PROSPECTO-73096',
			source: 'seed',
			ticket_id: '10438baf-0d83-9533-4fb3-602ea326288b',
			status: 'open',
			calls: [],
			meetings: [],
		});
		db.appraisals.set('1', {
			id: '1',
			placa: 'PCY-7933',
			marca: 'TOYOTA',
			modelo: 'FORTUNER 2.7',
			anio: '2019',
			kilometraje: '58000',
			valor: '28500',
			estado: 'Aprobado',
			cliente: 'FREDDY ROBERTO RODRIGUEZ VARGAS',
			created_at: '2025-01-02 10:00:00',
		});
		db.appraisals.set('2', {
			id: '2',
			placa: 'PBX-1021',
			marca: 'TOYOTA',
			modelo: 'YARIS 1.5',
			anio: '2017',
			kilometraje: '91000',
			valor: '11200',
			estado: 'Pendiente',
			cliente: 'MARIA RODRIGUEZ',
			created_at: '2025-01-03 16:30:00',
		});
	}

	// ---------- entry ----------
	function handle(ctx) {
		const m = router.match(ctx.method, ctx.path);
		if (!m) return { status: 404, body: { message: 'Not Found' } };
		if (m.methodNotAllowed) {
			return {
				status: 405,
				body: {
					message: `The ${ctx.method} method is not supported for this route. Supported methods: ${m.allowed.join(', ')}.`,
				},
			};
		}
		if (m.pattern !== '/api/login') {
			const auth = /^\s*Bearer\s+(\S+)\s*$/i.exec(String(ctx.req.headers.authorization || ''));
			if (!auth || !db.tokens.has(auth[1])) return UNAUTHENTICATED;
			ctx.token = auth[1];
		}
		if (ctx.parseError)
			return { status: 400, body: { message: `JSON inválido: ${ctx.parseError}` } };
		ctx.params = m.params;
		return m.handler(ctx);
	}

	reset();
	return {
		name: 'casabaca',
		handle,
		reset,
		revokeTokens: () => db.tokens.clear(),
		dump: () => ({
			apiUsers: clone(db.apiUsers),
			tickets: [...db.tickets.values()].map(clone),
			prospects: [...db.prospects.values()].map(clone),
			calls: [...db.calls.values()].map(clone),
			meetings: [...db.meetings.values()].map(clone),
			landingPages: clone(db.landingPages),
			appraisals: [...db.appraisals.values()].map(clone),
		}),
	};
}

module.exports = { createCasabaca, makePdf };
