'use strict';
// What every SML resource shares: the kit's choices, DRF pagination (page, page_size, next / previous links),
// ?search and the __icontains / boolean filters, the 404 answer.
const { isInteger } = require('../../util');

const LEAD_STATUSES = ['new', 'commercial_management', 'tracing', 'end'];
const TASK_TYPES = [
	'date',
	'appraisal',
	'budget',
	'financing',
	'warranty',
	'vehicle_information',
	'response_information_mail',
	'pending_assignment',
	'other',
];
const MEDIA = ['Phone', 'E-mail', 'SMS', 'Whatsapp'];
const SCORES = ['1', '2', '3', '4'];
const DEFAULT_PAGE_SIZE = 10;

function now() {
	return new Date().toISOString();
}

function paginate(ctx, items) {
	const q = ctx.query;
	let size = DEFAULT_PAGE_SIZE;
	const rawSize = q.get('page_size');
	let all = false;
	if (rawSize === 'all') all = true;
	else if (rawSize && isInteger(rawSize) && Number(rawSize) > 0)
		size = Math.min(Number(rawSize), 1000);
	const rawPage = q.get('page');
	let page = 1;
	if (rawPage !== null && rawPage !== '') {
		if (rawPage === 'last') page = Math.max(1, Math.ceil(items.length / size));
		else if (!isInteger(rawPage) || Number(rawPage) < 1)
			return { status: 404, body: { detail: 'Página inválida.' } };
		else page = Number(rawPage);
	}
	if (all) {
		return {
			status: 200,
			body: { count: items.length, next: null, previous: null, results: items },
		};
	}
	const pages = Math.max(1, Math.ceil(items.length / size));
	if (page > pages) return { status: 404, body: { detail: 'Página inválida.' } };
	const link = (p) => {
		if (p < 1 || p > pages) return null;
		const params = new URLSearchParams(q);
		if (p === 1) params.delete('page');
		else params.set('page', String(p));
		const qs = params.toString();
		return `${ctx.baseUrl}${ctx.path}${qs ? `?${qs}` : ''}`;
	};
	return {
		status: 200,
		body: {
			count: items.length,
			next: link(page + 1),
			previous: link(page - 1),
			results: items.slice((page - 1) * size, page * size),
		},
	};
}

function search(items, term) {
	if (!term) return items;
	const t = term.toLowerCase();
	return items.filter((i) => JSON.stringify(i).toLowerCase().includes(t));
}

function icontains(value, term) {
	return (
		term === null ||
		term === '' ||
		String(value ?? '')
			.toLowerCase()
			.includes(term.toLowerCase())
	);
}

function boolFilter(value, q) {
	if (q === null || q === '') return true;
	const want = ['true', 'True', '1'].includes(q)
		? true
		: ['false', 'False', '0'].includes(q)
			? false
			: null;
	return want === null || Boolean(value) === want;
}

const notFound = { status: 404, body: { detail: 'No encontrado.' } };
const jsonBody = (ctx) => (ctx.body === undefined ? {} : ctx.body);

function withoutId(o) {
	const { id, ...rest } = o;
	void id;
	return rest;
}

module.exports = {
	LEAD_STATUSES,
	TASK_TYPES,
	MEDIA,
	SCORES,
	now,
	paginate,
	search,
	icontains,
	boolFilter,
	notFound,
	jsonBody,
	withoutId,
};
