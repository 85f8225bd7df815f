// The trigger events the e2e publishes in `n8n start` (scripts/e2e/triggers/<file>), each with the sandbox requests
// that are its polls, the record that makes it fire (sandbox/appear.js), and what its one output item must hold.
/** The trigger events, each with the record that makes it fire and what its one output item must be. */
export const EVENTS = [
	{
		file: 'sml-new-lead.json',
		vendor: 'sml',
		// Concessionaire 1 tells these polls apart from the example's (scripts/e2e/trigger-checks.mjs).
		polled: (r) =>
			r.vendor === 'sml' &&
			r.path === '/api/lead/' &&
			r.query.concessionaire__in === '1' &&
			r.query.status === 'new',
		appear: async (sb) => await appear(sb, '/__sandbox/appear/sml/lead'),
		expected: (made) => [made.id],
		actual: (items) => items.map((i) => i.id),
	},
	{
		file: 'sml-lead-status-changed.json',
		vendor: 'sml',
		polled: (r) =>
			r.vendor === 'sml' &&
			r.path === '/api/lead/' &&
			r.query.concessionaire__in === '1' &&
			r.query.status === undefined,
		// The demo lead of concessionaire 1 with the lowest id among those in status "new" moves on to "tracing".
		appear: async (sb, initial) => {
			const id = Math.min(
				...initial.sml.leads
					.filter((l) => l.status === 'new' && l.concessionaire === 1)
					.map((l) => l.id),
			);
			return await appear(sb, `/__sandbox/appear/sml/lead/${id}/status`, { status: 'tracing' });
		},
		expected: (made) => [[made.id, 'new', 'tracing']],
		actual: (items) => items.map((i) => [i.id, i.previous_status, i.status]),
	},
	{
		file: 'wolkvox-new-record.json',
		vendor: 'wolkvox',
		polled: (r) => r.path === '/server/API/v2/custom/queryDates.php',
		appear: async (sb) =>
			await appear(sb, '/__sandbox/appear/wolkvox/record', { module: 'contacts' }),
		expected: (made) => [[made.wolkvox_id, made.emailcontact]],
		actual: (items) => items.map((i) => [i.wolkvox_id, i.emailcontact]),
	},
	{
		file: 'wolkvox-new-case.json',
		vendor: 'wolkvox',
		polled: (r) => r.path === '/server/API/v2/cases/queryCases.php',
		appear: async (sb) => await appear(sb, '/__sandbox/appear/wolkvox/case'),
		expected: (made) => [[made.idCase, made.wolkvox_id]],
		actual: (items) => items.map((i) => [i.idCase, i.wolkvox_id]),
	},
	{
		file: 'casabaca-new-appraisal.json',
		vendor: 'casabaca',
		polled: (r) => r.path === '/api/getAvaluos',
		appear: async (sb) => await appear(sb, '/__sandbox/appear/casabaca/appraisal'),
		expected: (made) => [[made.id, made.placa]],
		actual: (items) => items.map((i) => [i.id, i.placa]),
	},
];

export async function appear(sb, urlPath, body = {}) {
	const r = await fetch(`${sb.url}${urlPath}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	if (r.status >= 300) throw new Error(`POST ${urlPath}: HTTP ${r.status} ${await r.text()}`);
	return await r.json();
}
