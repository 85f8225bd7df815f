'use strict';
// Login and logout (auth/login/, auth/logout/): Django REST framework's authtoken, one token per user until
// logout; index.js checks the Authorization header of every other path.
const { MSG } = require('../../drf');
const { hex } = require('../../util');
const { now, jsonBody } = require('./common');

function createSession(db, router, demo) {
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
}

module.exports = { createSession };
