/**
 * The triggers against the local sandbox (real HTTP on 127.0.0.1): what `npm start` users and the e2e meet. Records
 * made to appear while it runs (sandbox/appear.js) are found by the next poll, once.
 */
import nock from 'nock';

import { startSandbox, type Sandbox } from '../../sandbox';
import { PollHarness } from '../harness/runPoll';

let sb: Sandbox;
beforeAll(async () => {
	nock.enableNetConnect('127.0.0.1');
	sb = await startSandbox({ port: 0, quiet: true });
});
afterAll(async () => await sb.close());
beforeEach(() => sb.reset());

async function appear(path: string, body: object = {}) {
	const answer = await fetch(`${sb.url}/__sandbox/appear/${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	return { status: answer.status, body: (await answer.json()) as Record<string, unknown> };
}

test('SML: a lead that appears is emitted once; a status changed through the sandbox comes out with the previous one', async () => {
	const credentials = { smlApi: { ...sb.credentials.smlApi, sessionToken: '' } };
	const leads = new PollHarness({
		node: 'smlTrigger',
		parameters: { event: 'newLead' },
		credentials,
	});
	const changes = new PollHarness({
		node: 'smlTrigger',
		parameters: { event: 'leadStatusChanged' },
		credentials,
	});
	expect(await leads.poll({ activation: true })).toEqual({ emitted: null });
	expect(await changes.poll({ activation: true })).toEqual({ emitted: null });

	const made = await appear('sml/lead');
	expect(made.status).toBe(201);
	expect((await leads.poll()).emitted?.map((lead) => lead.id)).toEqual([made.body.id]);
	expect(await leads.poll()).toEqual({ emitted: null });
	// The status trigger sees the new lead first (no change of its own), then its change.
	expect(await changes.poll()).toEqual({ emitted: null });

	const moved = await appear(`sml/lead/${String(made.body.id)}/status`, { status: 'tracing' });
	expect(moved.status).toBe(200);
	const { emitted } = await changes.poll();
	expect(emitted?.map((lead) => [lead.id, lead.previous_status, lead.status])).toEqual([
		[made.body.id, 'new', 'tracing'],
	]);
	// The requests n8n sent are logged; what appeared is not.
	expect(sb.requests.filter((r) => r.path === '/api/lead/').length).toBe(6);
	expect(sb.requests.some((r) => r.method !== 'GET' && r.path !== '/api/auth/login/')).toBe(false);
});

test('wolkvox and Casabaca: a contact, a case and an appraisal that appear are each emitted once', async () => {
	const wolkvox = { wolkvoxCrmApi: sb.credentials.wolkvoxCrmApi };
	const casabaca = {
		sugarCrmCasabacaApi: { ...sb.credentials.sugarCrmCasabacaApi, sessionToken: '' },
	};
	const records = new PollHarness({
		node: 'wolkvoxCrmTrigger',
		parameters: { event: 'newRecord', module: 'contacts' },
		credentials: wolkvox,
	});
	const cases = new PollHarness({
		node: 'wolkvoxCrmTrigger',
		parameters: { event: 'newCase', caseStatus: 'open' },
		credentials: wolkvox,
	});
	const appraisals = new PollHarness({
		node: 'sugarCrmCasabacaTrigger',
		parameters: { event: 'newAppraisal' },
		credentials: casabaca,
	});
	for (const trigger of [records, cases, appraisals])
		expect(await trigger.poll({ activation: true })).toEqual({ emitted: null });

	const contact = await appear('wolkvox/record');
	const kase = await appear('wolkvox/case');
	const appraisal = await appear('casabaca/appraisal', { placa: 'PBA-2024' });
	expect([contact.status, kase.status, appraisal.status]).toEqual([201, 201, 201]);

	expect((await records.poll()).emitted?.map((r) => r.wolkvox_id)).toEqual([
		contact.body.wolkvox_id,
	]);
	expect((await cases.poll()).emitted?.map((c) => c.idCase)).toEqual([kase.body.idCase]);
	expect((await appraisals.poll()).emitted).toEqual([appraisal.body]);
	for (const trigger of [records, cases, appraisals])
		expect(await trigger.poll()).toEqual({ emitted: null });
	// Made as people in the CRM make them: none of the three used the integration token's quota.
	const store = (await (await fetch(`${sb.url}/__sandbox/store`)).json()) as {
		wolkvox: { usesToday: number };
	};
	expect(store.wolkvox.usesToday).toBe(sb.requests.filter((r) => r.vendor === 'wolkvox').length);
});
