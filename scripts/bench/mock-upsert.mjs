// The mock's part for SML Lead > Create or Update (issue 21): leads that can be found by the list filters the operation
// uses (client__email__icontains, client__phone__icontains, status), read and patched by id, and the leads a run creates,
// kept per tag so that a later lookup of the same run finds them (and runs under other tags do not).
// The bench's items are lead<i>@example.com (workflows.mjs); leads of the even-numbered ones exist before the run, so
// half of the items match.
export const UPSERT_LEAD_ID_BASE = 2_000_000;
/** The e-mail of bench item i: the Items node makes it, the mock's existing leads carry the even ones. */
export const itemEmail = (i) => `lead${i}@example.com`;

/** An existing lead for item i: the kit's shape (`makeLead(id)`), with the item's e-mail and an open status. */
function existingLead(i, makeLead) {
	const lead = makeLead(UPSERT_LEAD_ID_BASE + i);
	return {
		...lead,
		status: i % 4 === 0 ? 'new' : 'tracing',
		client: { ...lead.client, email: itemEmail(i) },
	};
}

/**
 * `items`: the largest number of items a run sends (leads exist for the even ones below it); `makeLead(id)`: a lead
 * as the list gives it (mock.mjs's syntheticLead). Returns { route(req, url, raw, tag) -> [status, body, kind] | null, remember(tag, lead) }.
 */
export function upsertLeads(items, makeLead) {
	const existing = Array.from({ length: Math.ceil(items / 2) }, (_, k) =>
		existingLead(2 * k, makeLead),
	);
	const byId = new Map(existing.map((l) => [l.id, l]));
	/** tag -> the leads its runs created (and the patched copies of existing ones). */
	const ofTag = new Map();
	const own = (tag) => {
		if (!ofTag.has(tag)) ofTag.set(tag, { created: [], patched: new Map() });
		return ofTag.get(tag);
	};
	const current = (tag, id) =>
		own(tag).patched.get(id) ?? byId.get(id) ?? own(tag).created.find((l) => l.id === id);
	const contains = (value, term) =>
		term === null ||
		String(value ?? '')
			.toLowerCase()
			.includes(term.toLowerCase());

	return {
		remember(tag, lead) {
			own(tag).created.push(lead);
		},
		route(req, url, raw, tag) {
			const q = url.searchParams;
			const lookup = q.has('client__email__icontains') || q.has('client__phone__icontains');
			if (req.method === 'GET' && url.pathname === '/api/lead/' && lookup) {
				const results = [...existing, ...own(tag).created]
					.map((l) => own(tag).patched.get(l.id) ?? l)
					.filter(
						(l) =>
							contains(l.client?.email, q.get('client__email__icontains')) &&
							contains(l.client?.phone, q.get('client__phone__icontains')) &&
							(!q.get('status') || l.status === q.get('status')),
					)
					.sort((a, b) => b.id - a.id);
				return [200, { count: results.length, next: null, previous: null, results }, 'lead lookup'];
			}
			const m = /^\/api\/lead\/(\d+)\/$/.exec(url.pathname);
			if (!m) return null;
			const lead = current(tag, Number(m[1]));
			if (!lead) return [404, { detail: 'No encontrado.' }, 'lead by id'];
			if (req.method === 'GET') return [200, lead, 'lead read'];
			if (req.method !== 'PATCH') return null;
			let body;
			try {
				body = JSON.parse(raw || '{}');
			} catch {
				return [400, { non_field_errors: ['JSON parse error'] }, 'lead update'];
			}
			const patched = {
				...lead,
				...body,
				id: lead.id,
				client: { ...lead.client, ...(body.client ?? {}), id: lead.client.id },
				vehicle: { ...lead.vehicle, ...(body.vehicle ?? {}), id: lead.vehicle.id },
			};
			own(tag).patched.set(lead.id, patched);
			return [200, patched, 'lead update'];
		},
	};
}
