'use strict';
// Login and logout (login, logout): a new "<n>|<40 characters>" token per login, valid until logout.
const { randomToken, isObject } = require('../../util');

function createSession(db, router, shared) {
	const { check, demo } = shared;

	router.add('POST', '/api/login', (ctx) => {
		const body = isObject(ctx.body) ? ctx.body : {};
		const invalid = check(body, [
			{ path: 'autorizador', required: true, email: true },
			{ path: 'email', required: true, email: true },
			{ path: 'password', required: true },
			{ path: 'environment', required: true, in: demo.environments },
		]);
		if (invalid) return invalid;
		if (
			body.autorizador !== demo.autorizador ||
			body.email !== demo.email ||
			body.password !== demo.password
		) {
			return { status: 500, body: { message: 'Password incorrecto' } };
		}
		const token = `${db.tokenSeq++}|${randomToken(40)}`;
		db.tokens.set(token, body.email);
		return { status: 200, body: { status_code: '200', token } };
	});

	router.add('GET', '/api/logout', (ctx) => {
		db.tokens.delete(ctx.token);
		return { status: 200, body: { status_code: 200, token: 'Token has deleted succesfully' } };
	});
}

module.exports = { createSession };
