'use strict';
const crypto = require('node:crypto');

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isEmail(v) {
	return typeof v === 'string' && EMAIL.test(v.trim());
}

function isBlank(v) {
	return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

function isNumeric(v) {
	return (
		(typeof v === 'number' && Number.isFinite(v)) ||
		(typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim()))
	);
}

function isInteger(v) {
	return (
		(typeof v === 'number' && Number.isInteger(v)) ||
		(typeof v === 'string' && /^-?\d+$/.test(v.trim()))
	);
}

/** 'Y-m-d H:i' or 'Y-m-d H:i:s' (PHP date formats), checked as a real calendar date. */
function isPhpDate(v, withSeconds) {
	if (typeof v !== 'string') return false;
	const m = (
		withSeconds
			? /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/
			: /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/
	).exec(v.trim());
	if (!m) return false;
	const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
	const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s || 0));
	return (
		date.getUTCFullYear() === y &&
		date.getUTCMonth() === mo - 1 &&
		date.getUTCDate() === d &&
		h < 24 &&
		mi < 60 &&
		(s || 0) < 60
	);
}

function isIsoDate(v) {
	return typeof v === 'string' && !Number.isNaN(Date.parse(v)) && /^\d{4}-\d{2}-\d{2}/.test(v);
}

function uuid() {
	return crypto.randomUUID();
}

function hex(bytes) {
	return crypto.randomBytes(bytes).toString('hex');
}

function randomToken(length) {
	const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
	const bytes = crypto.randomBytes(length);
	let out = '';
	for (let i = 0; i < length; i++) out += chars[bytes[i] % chars.length];
	return out;
}

function clone(v) {
	return v === undefined ? undefined : JSON.parse(JSON.stringify(v));
}

/** Reads a dotted path ('client.email') in an object. */
function getPath(obj, path) {
	return path.split('.').reduce((o, k) => (o && typeof o === 'object' ? o[k] : undefined), obj);
}

function isObject(v) {
	return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function bearer(req) {
	const m = /^\s*(\S+)\s+(.+?)\s*$/.exec(String(req.headers.authorization || ''));
	return m ? { scheme: m[1], token: m[2] } : null;
}

module.exports = {
	isEmail,
	isBlank,
	isNumeric,
	isInteger,
	isPhpDate,
	isIsoDate,
	uuid,
	hex,
	randomToken,
	clone,
	getPath,
	isObject,
	bearer,
};
