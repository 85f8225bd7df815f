'use strict';
// Records that appear while the sandbox runs, as if people were working in SML, wolkvox CRM and SugarCRM: what
// the package's polling triggers (SML Trigger, wolkvox CRM Trigger, SugarCRM Casabaca Trigger) watch for.
//   POST /__sandbox/appear/sml/lead                 {source?, vehicle?, client?, status?}  -> 201 the new lead
//   POST /__sandbox/appear/sml/lead/<id>/status     {status}                               -> 200 the lead
//   POST /__sandbox/appear/wolkvox/record           {module?, fields?}                     -> 201 the new record
//   POST /__sandbox/appear/wolkvox/case             {status?, description?, contact?...}   -> 201 the new case
//   POST /__sandbox/appear/casabaca/appraisal       {placa?, marca?, modelo?...}           -> 201 the new appraisal
// Leads, lead statuses and appraisals go through the vendor's own API (validation, ids, history) as its demo user;
// wolkvox records and cases are made in its store directly, as the CRM's own users make them, without using the
// integration token's quota. None of these is in the request log: they are not requests from n8n.
// startAppearing(vendors, ms) adds an SML lead, a wolkvox contact and a Casabaca appraisal every ms milliseconds.
const demo = require('./demo');

const PATH =
	/^\/__sandbox\/appear\/(sml\/lead(?:\/(\d+)\/status)?|wolkvox\/record|wolkvox\/case|casabaca\/appraisal)$/;

let made = 0;
const stamp = () => `${Date.now().toString(36)}${(++made).toString(36)}`;

/** A request to a vendor's own handler, as its demo user. */
function call(vendor, method, path, body, headers = {}) {
	return vendor.handle({
		req: { headers },
		method,
		path,
		query: new URLSearchParams(),
		body,
		files: [],
		bodyKind: 'json',
	});
}

function smlCall(vendors, method, path, body) {
	const login = call(vendors.sml, 'POST', '/api/auth/login/', {
		username: demo.sml.username,
		password: demo.sml.password,
	});
	return call(vendors.sml, method, path, body, { authorization: `Token ${login.body.token}` });
}

function casabacaCall(vendors, method, path, body) {
	const { autorizador, email, password } = demo.casabaca;
	const login = call(vendors.casabaca, 'POST', '/api/login', {
		autorizador,
		email,
		password,
		environment: 'dev',
	});
	return call(vendors.casabaca, method, path, body, {
		authorization: `Bearer ${login.body.token}`,
	});
}

const APPEAR = {
	'sml/lead': (vendors, body) => {
		const n = stamp();
		const lead = {
			source: 1,
			vehicle: { brand_model: 'Toyota Corolla Cross' },
			client: { name: `Cliente ${n}`, email: `cliente-${n}@example.com`, phone: '600000000' },
			...body,
		};
		return smlCall(vendors, 'POST', '/api/lead/', lead);
	},
	'sml/status': (vendors, body, id) =>
		smlCall(vendors, 'PATCH', `/api/lead/${id}/change_status/`, { status: body.status }),
	'wolkvox/record': (vendors, body) => {
		const n = stamp();
		const fields = body.fields || {
			namecontact: `Contacto ${n}`,
			emailcontact: `contacto-${n}@example.com`,
			telephonecontact: '3000000000',
		};
		return { status: 201, body: vendors.wolkvox.appear.record(body.module || 'contacts', fields) };
	},
	'wolkvox/case': (vendors, body) => {
		const values = {
			'case-type': 'Request',
			responsible: `agent10@${demo.wolkvox.operation}`,
			owner: `ADMIN_@${demo.wolkvox.operation}`,
			contact: 'andres@example.com',
			description: `Caso ${stamp()}`,
			status: 'open',
			priority: 'normal',
			...body,
		};
		return { status: 201, body: vendors.wolkvox.appear.case(values) };
	},
	'casabaca/appraisal': (vendors, body) => {
		const answer = casabacaCall(vendors, 'POST', '/api/createUpdateAvaluo', {
			placa: `PBA-${String(made % 10000).padStart(4, '0')}`,
			marca: 'TOYOTA',
			modelo: 'HILUX 2.8',
			anio: '2021',
			estado: 'Pendiente',
			...body,
			id: undefined,
		});
		return answer.status === 200 ? { status: 201, body: answer.body.data } : answer;
	},
};

/** Answers a POST to /__sandbox/appear/...; undefined when the path is not one of them. */
function appearAnswer(vendors, method, path, body) {
	const m = PATH.exec(path);
	if (!m) return undefined;
	if (method !== 'POST') return { status: 405, body: { message: 'POST only' } };
	const kind = m[2] ? 'sml/status' : m[1];
	const given = body && typeof body === 'object' && !Array.isArray(body) ? body : {};
	return APPEAR[kind](vendors, given, m[2]);
}

/** Records appearing over time: one of each kind every `ms` milliseconds. Returns the function that stops it. */
function startAppearing(vendors, ms) {
	const timer = setInterval(() => {
		for (const kind of ['sml/lead', 'wolkvox/record', 'casabaca/appraisal'])
			APPEAR[kind](vendors, {});
	}, ms);
	timer.unref();
	return () => clearInterval(timer);
}

module.exports = { appearAnswer, startAppearing };
