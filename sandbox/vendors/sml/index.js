'use strict';
// SML (car-dealer lead manager) as its developer kit describes it (../shared/seeds/sml-developer-kit.md):
// Django REST framework style API under /api/..., paths ending with '/', token login, paginated lists,
// leads with nested client / vehicle / request.task / note / tags, tasks, history, click2call.
// One file per resource, as in nodes/Sml/resources: session, catalogs, notes (and history), task, lead.
const { Router } = require('../../http');
const { clone } = require('../../util');
const { notFound } = require('./common');
const { seed, SEED_LEADS } = require('./seed');
const { createSession } = require('./session');
const { createCatalogs } = require('./catalogs');
const { createNotes } = require('./notes');
const { createTasks } = require('./task');
const { createLeads } = require('./lead');

function createSml({ demo }) {
	// One object for the sandbox's lifetime (reset() refills it), so each resource can keep a reference.
	const db = {};
	const router = new Router();

	function next(kind) {
		return db.seq[kind]++;
	}

	createSession(db, router, demo);
	const catalogs = createCatalogs(db, router);
	const notes = createNotes(db, next, catalogs);
	const tasks = createTasks(db, next, router, { ...catalogs, ...notes });
	const { leadOut, normalizeLead, buildLead } = createLeads(db, next, router, {
		...catalogs,
		...notes,
		...tasks,
	});
	const { addHistory } = notes;

	function reset() {
		const s = seed();
		Object.assign(db, {
			...s,
			tokens: new Map(), // token -> user id (DRF authtoken: one per user, deleted on logout)
			leads: new Map(),
			history: new Map(), // lead id -> entries
			click2calls: [],
			seq: {
				lead: 984,
				client: 700,
				vehicle: 1036,
				request: 1032,
				task: 2000,
				note: 2692,
				tag: 310,
				appraisal: 120,
				history: 5000,
				c2c: 1,
				callControl: 135,
			},
		});
		for (const [i, l] of SEED_LEADS.entries()) {
			const lead = buildLead(normalizeLead(clone(l)), 2);
			lead.created = new Date(Date.UTC(2025, 0, 1, 9, i * 3)).toISOString();
			if (lead.status === 'end') lead.finish_date = lead.end_date = lead.created;
			db.leads.set(lead.id, lead);
			addHistory(lead.id, '+', 2, []);
		}
	}

	// ---------- entry ----------
	function handle(ctx) {
		const m = router.match(ctx.method, ctx.path);
		if (!m) return notFound;
		if (m.methodNotAllowed)
			return {
				status: 405,
				body: { detail: `Método "${ctx.method}" no permitido.` },
				headers: { Allow: m.allowed.join(', ') },
			};
		if (m.pattern !== '/api/auth/login/') {
			const auth = /^\s*(Token|Bearer|JWT)\s+(\S+)\s*$/i.exec(
				String(ctx.req.headers.authorization || ''),
			);
			if (!auth)
				return {
					status: 401,
					body: { detail: 'Las credenciales de autenticación no se proveyeron.' },
					headers: { 'WWW-Authenticate': 'Token' },
				};
			const userId = db.tokens.get(auth[2]);
			if (!userId)
				return {
					status: 401,
					body: { detail: 'Token inválido.' },
					headers: { 'WWW-Authenticate': 'Token' },
				};
			ctx.userId = userId;
			ctx.token = auth[2];
		}
		if (ctx.parseError)
			return { status: 400, body: { detail: `JSON parse error - ${ctx.parseError}` } };
		ctx.params = m.params;
		return m.handler(ctx);
	}

	reset();
	return {
		name: 'sml',
		handle,
		reset,
		revokeTokens: () => db.tokens.clear(),
		dump: () => ({
			leads: [...db.leads.values()].map(leadOut),
			click2calls: clone(db.click2calls),
			history: Object.fromEntries(db.history),
		}),
	};
}

module.exports = { createSml };
