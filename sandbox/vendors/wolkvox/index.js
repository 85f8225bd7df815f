'use strict';
// wolkvox CRM API v2 as the seeds and ../shared/api/wolkvox-v2*.md describe it: paths /server/API/v2/...,
// header Wolkvox-Token, `operation` in every body (query string for tokenInformation), answers
// {code, error, msg, data} where a `code` other than 200 is a failure even inside HTTP 200.
// One file per resource, as in nodes/WolkvoxCrm/resources.
const { Router } = require('../../http');
const { isBlank, clone, isObject } = require('../../util');
const { fail, REQUIRED } = require('./common');
const { createStore } = require('./store');
const { createCases } = require('./case');
const { createActivities } = require('./activity');
const { createRecords } = require('./record');
const { createCollections } = require('./collection');
const { createToken } = require('./token');

function createWolkvox({ demo }) {
	// One object for the sandbox's lifetime (reset() refills it), so each resource can keep a reference.
	const db = {};
	const router = new Router();
	const store = createStore(db);
	const cases = createCases(db, router, store);
	const shared = { ...store, ...cases, ...createActivities(db, store) };
	createRecords(db, router, shared);
	createCollections(db, router, shared);
	createToken(db, router);
	const { insertRecord } = store;
	const { newCase, caseOut } = cases;

	function reset() {
		Object.assign(db, {
			usesToday: 0,
			tokenLimit: demo.tokenLimit,
			users: [
				{ id: 'u-admin', login: `ADMIN_@${demo.operation}`, name: 'Administrador Demo' },
				{ id: 'u-agent10', login: `agent10@${demo.operation}`, name: 'Agente Diez' },
				{ id: 'u-agent11', login: `agent11@${demo.operation}`, name: 'Agente Once' },
			],
			modules: new Map(), // module -> Map(wolkvox_id -> record)
			cases: new Map(),
			obligations: [], // {wolkvox_id (collections record), fields}
			managements: [],
			caseSeq: 1,
		});
		const contacts = [
			{
				namecontact: 'Andrés Gómez',
				telephonecontact: '3001234567',
				idcontact: '1017000001',
				emailcontact: 'andres@example.com',
			},
			{
				namecontact: 'Valentina Ríos',
				telephonecontact: '3007654321',
				idcontact: '1017000002',
				emailcontact: 'valentina@example.com',
			},
			{
				namecontact: 'FREDDY ROBERTO RODRIGUEZ VARGAS',
				telephonecontact: '0987519882',
				idcontact: '1719932079',
				emailcontact: 'mart@hotmail.com',
			},
		];
		for (const c of contacts) insertRecord('contacts', c, '2025-01-01 08:00:00');
		const debtor = insertRecord(
			'collections',
			{
				Identification: '12345',
				Name: 'Deudor de Ejemplo',
				Email: 'deudor@example.com',
				Telephone: '3000000000',
			},
			'2025-01-01 08:00:00',
		);
		db.obligations.push({
			wolkvox_id: debtor.wolkvox_id,
			fields: {
				id: 'obl1',
				name: 'Factura 12345 - Pago pendiente',
				total_balance: '10000',
				portfolio_type: 'Cliente VIP',
				last_pay: '2000',
				last_pay_date: '06-06-2025',
				expiring_date: '07-07-2025',
				days_delay: '90',
				form: [],
			},
		});
		const c = newCase({
			'case-type': 'Request',
			responsible: `agent10@${demo.operation}`,
			owner: `ADMIN_@${demo.operation}`,
			contact: 'andres@example.com',
			description: 'Quiere una cotización de un RAV4 híbrido',
			status: 'open',
			priority: 'low',
			form: { Subject: 'Cotización RAV4', Modelo: 'RAV4 2.5 Hybrid', Genero: 'M' },
		});
		c.created = '2025-01-01 09:00:00';
	}

	// ---------- entry ----------
	function handle(ctx) {
		const m = router.match(ctx.method, ctx.path);
		if (!m) return fail(400, 'BAD REQUEST', 'THE API YOU WANT TO CONSULT DOES NOT EXIST');
		if (m.methodNotAllowed) return fail(405, 'METHOD NOT ALLOWED', `USE ${m.allowed.join(' OR ')}`);
		const token = ctx.req.headers['wolkvox-token'];
		if (isBlank(token)) return fail(401, 'UNAUTHORIZED', 'PLEASE ENTER THE WOLKVOX-TOKEN');
		const external = m.pattern.endsWith('/listHistoryNote.php');
		if (token !== (external ? demo.externalToken : demo.token))
			return fail(403, 'FORBIDDEN', 'PLEASE VALIDATE TOKEN');
		if (db.usesToday >= db.tokenLimit) return fail(403, 'FORBIDDEN', 'TOKEN LIMIT EXCEEDED');
		db.usesToday++;
		if (ctx.parseError)
			return fail(400, 'BAD REQUEST', `THE BODY IS NOT VALID JSON: ${ctx.parseError}`);
		const isTokenInfo = m.pattern.endsWith('/tokenInformation.php');
		if (!isTokenInfo && !isObject(ctx.body)) return REQUIRED(['operation']);
		const operation = isTokenInfo ? ctx.query.get('operation') : ctx.body.operation;
		if (isBlank(operation)) return REQUIRED(['operation']);
		if (operation !== demo.operation) return fail(403, 'FORBIDDEN', 'PLEASE VALIDATE TOKEN'); // the token is not of this operation
		ctx.params = m.params;
		return m.handler(ctx);
	}

	reset();
	return {
		name: 'wolkvox',
		handle,
		reset,
		revokeTokens: () => {},
		setTokenLimit: (n) => (db.tokenLimit = n),
		// Records and cases made by people working in the CRM (sandbox/appear.js): no token, no quota use.
		appear: {
			record: (module, fields) => clone(insertRecord(module, fields)),
			case: (values) => caseOut(newCase(values)),
		},
		dump: () => ({
			usesToday: db.usesToday,
			tokenLimit: db.tokenLimit,
			modules: Object.fromEntries([...db.modules].map(([k, v]) => [k, [...v.values()].map(clone)])),
			cases: [...db.cases.values()].map(caseOut),
			obligations: clone(db.obligations),
			managements: clone(db.managements),
		}),
	};
}

module.exports = { createWolkvox };
