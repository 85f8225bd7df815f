'use strict';
// API users (register).
const { isObject } = require('../../util');

function createApiUsers(db, router, shared) {
	const { check } = shared;

	router.add('POST', '/api/register', (ctx) => {
		const body = isObject(ctx.body) ? ctx.body : {};
		const invalid = check(body, [
			{ path: 'name', required: true },
			{
				path: 'email',
				required: true,
				email: true,
				custom: (v) =>
					db.apiUsers.some((u) => u.email === v) ? 'El email ya ha sido registrado.' : null,
			},
		]);
		if (invalid) return invalid;
		const u = {
			name: body.name,
			email: body.email,
			fuente: body.fuente ?? null,
			fuente_id: body.fuente_id ?? null,
			medios: body.medios ?? null,
			compania: body.compania ?? null,
		};
		db.apiUsers.push(u);
		return { status: 200, body: { status_code: '200', message: 'Usuario Creado Correctamente' } };
	});
}

module.exports = { createApiUsers };
