'use strict';
// Django REST framework style validation for the SML sandbox: field specs -> {field: [msg]} errors.
const { isEmail, isInteger, isIsoDate, isObject, isBlank } = require('./util');

const MSG = {
	required: 'Este campo es requerido.',
	null: 'Este campo no puede ser nulo.',
	blank: 'Este campo no puede estar en blanco.',
	choice: (v) => `"${v}" no es una elección válida.`,
	integer: 'Introduzca un número entero válido.',
	email: 'Introduzca una dirección de correo electrónico válida.',
	pk: (v) => `Clave primaria "${v}" inválida - objeto no existe.`,
	bool: 'Debe ser un valor booleano válido.',
	datetime:
		'Fecha/hora con formato erróneo. Use uno de los siguientes formatos en su lugar: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].',
	dict: (v) =>
		`Datos inválidos. Se esperaba un diccionario pero se recibió ${Array.isArray(v) ? 'list' : typeof v}.`,
	list: (v) =>
		`Se esperaba una lista de elementos pero se obtuvo el tipo "${isObject(v) ? 'dict' : typeof v}".`,
	minValue: (n) => `Asegúrese de que este valor es mayor o igual a ${n}.`,
	string: 'Not a valid string.',
};

function toBool(v) {
	if (v === true || v === 'true' || v === 'True' || v === 1 || v === '1') return true;
	if (v === false || v === 'false' || v === 'False' || v === 0 || v === '0') return false;
	return undefined;
}

/**
 * Validates `data` against `spec` ({name: fieldSpec}). Field spec:
 *   { type: 'string'|'int'|'bool'|'email'|'datetime'|'choice'|'pk'|'object'|'list', required, nullable,
 *     choices, exists(v) (pk), spec (object/list item), min }
 * Returns { value, errors } where errors is null when valid. `partial` skips required checks.
 */
function validate(spec, data, { partial = false } = {}) {
	const errors = {};
	const value = {};
	if (!isObject(data)) return { value, errors: { non_field_errors: [MSG.dict(data)] } };
	for (const [name, f] of Object.entries(spec)) {
		const present = Object.prototype.hasOwnProperty.call(data, name);
		const v = data[name];
		if (!present) {
			if (f.required && !partial) errors[name] = [MSG.required];
			continue;
		}
		if (v === null) {
			if (f.nullable) value[name] = null;
			else errors[name] = [MSG.null];
			continue;
		}
		const r = validateField(f, v);
		if (r.error !== undefined) errors[name] = r.error;
		else value[name] = r.value;
	}
	// id is kept for nested update semantics.
	if (Object.prototype.hasOwnProperty.call(data, 'id') && !('id' in spec)) {
		if (isInteger(data.id)) value.id = Number(data.id);
		else errors.id = [MSG.integer];
	}
	return { value, errors: Object.keys(errors).length ? errors : null };
}

function validateField(f, v) {
	switch (f.type) {
		case 'string': {
			if (typeof v === 'object') return { error: [MSG.string] };
			const s = String(v);
			if (f.required && s.trim() === '' && !f.allowBlank) return { error: [MSG.blank] };
			return { value: s };
		}
		case 'int': {
			if (!isInteger(v)) return { error: [MSG.integer] };
			const n = Number(v);
			if (f.min !== undefined && n < f.min) return { error: [MSG.minValue(f.min)] };
			return { value: n };
		}
		case 'bool': {
			const b = toBool(v);
			return b === undefined ? { error: [MSG.bool] } : { value: b };
		}
		case 'email':
			if (isBlank(v)) return f.required ? { error: [MSG.blank] } : { value: '' };
			return isEmail(String(v)) ? { value: String(v) } : { error: [MSG.email] };
		case 'datetime':
			return isIsoDate(String(v))
				? { value: new Date(String(v)).toISOString() }
				: { error: [MSG.datetime] };
		case 'choice': {
			const match = f.choices.find((c) => String(c) === String(v));
			return match === undefined
				? { error: [MSG.choice(v)] }
				: { value: f.asString ? String(match) : match };
		}
		case 'pk': {
			if (!isInteger(v))
				return {
					error: [`Tipo incorrecto. Se esperaba valor de clave primaria y se recibió ${typeof v}.`],
				};
			const n = Number(v);
			return f.exists(n) ? { value: n } : { error: [MSG.pk(v)] };
		}
		case 'object': {
			if (!isObject(v)) return { error: { non_field_errors: [MSG.dict(v)] } };
			// A nested object with its id updates (partial); without it, it is replaced: required fields apply.
			const r = validate(f.spec, v, { partial: Boolean(f.partialWithId && v.id !== undefined) });
			if (!r.errors && f.check) {
				const extra = f.check(r.value, v);
				if (extra) return { error: extra };
			}
			return r.errors ? { error: r.errors } : { value: r.value };
		}
		case 'list': {
			if (!Array.isArray(v)) return { error: { non_field_errors: [MSG.list(v)] } };
			const out = [];
			const errs = [];
			let bad = false;
			for (const item of v) {
				const r = validateField(
					{ type: 'object', spec: f.spec, check: f.check, partialWithId: f.partialWithId },
					item,
				);
				if (r.error !== undefined) {
					bad = true;
					errs.push(r.error);
				} else {
					errs.push({});
					out.push(r.value);
				}
			}
			return bad ? { error: errs } : { value: out };
		}
		default:
			return { value: v };
	}
}

module.exports = { validate, MSG, toBool };
