'use strict';
// Landing pages (create_landing_page): a refusal is HTTP 200 with data.status_code "400", as documented.
const { uuid, clone } = require('../../util');

function createLandingPages(db, router, shared) {
	const { check, D, O, datos } = shared;

	router.add('POST', '/api/create_landing_page', (ctx) => {
		const d = datos(ctx.body);
		const failure = {
			status: 200,
			body: { data: { status_code: '400', messsage: 'Revise que sus datos sean correctos' } },
		};
		const invalid = check(ctx.body || {}, [
			D('name'),
			D('medio', { numeric: true }),
			D('properties_form', {
				custom: (v) => {
					try {
						const parsed = typeof v === 'string' ? JSON.parse(v) : v;
						return Array.isArray(parsed) ? null : 'properties_form debe ser un arreglo JSON';
					} catch {
						return 'properties_form debe ser un arreglo JSON';
					}
				},
			}),
			D('autorizador', { email: true }),
			D('campaign'),
			D('business_line_id'),
			D('user_login'),
			O('type_transaction', { in: ['1', '2', '3', '4'] }),
			D('user_assigned_position', { numeric: true }),
		]);
		if (invalid) return failure; // documented: HTTP 200 with data.status_code "400"
		db.landingPages.push({ id: uuid(), ...clone(d), created_at: new Date().toISOString() });
		return {
			status: 200,
			body: { data: { status_code: '200', messsage: 'Landing Page creada correctamente' } },
		};
	});
}

module.exports = { createLandingPages };
