'use strict';
// Advisors by medium (asesores): `medio` from the JSON body of the GET, or from the query string.
const { isBlank, isObject } = require('../../util');
const { ADVISORS } = require('./common');

function createAdvisors(_db, router, shared) {
	const { check } = shared;

	router.add('GET', '/api/asesores', (ctx) => {
		// Documented as a JSON body on a GET; the query string is accepted too.
		const fromBody = isObject(ctx.body) ? ctx.body.medio : undefined;
		const medio = isBlank(fromBody) ? ctx.query.get('medio') : fromBody;
		const invalid = check({ medio }, [
			{ path: 'medio', required: true, numeric: true, requiredMsg: 'El medio es requerido' },
		]);
		if (invalid) return invalid;
		const list = ADVISORS.filter((a) => a.medios.includes(Number(medio))).map(
			({ medios, ...a }) => (void medios, a),
		);
		return { status: 200, body: { data: list } };
	});
}

module.exports = { createAdvisors };
