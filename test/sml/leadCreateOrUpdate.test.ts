/**
 * SML Lead > Create or Update through n8n-core with nock: the exact lookup, the exact comparison
 * on our side (SML's filters are substring matches), every When Found / When Several Match branch
 * and the within-run rule (items sharing an e-mail never create twice); the Match On modes other than
 * E-Mail in leadCreateOrUpdateMatchOn.test.ts.
 */
import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';
import { BASE_URL, loginRequest, page, smlServer } from './sml';
import { PAGE, leadOf, run, lookup, post, patch, keptIds, anaClient } from './createOrUpdate';

describe('SML Lead > Create or Update: matching by e-mail', () => {
	test('no lead in the list: one lookup, then the create; the answer is output with action "created"', async () => {
		const created = leadOf(990, { email: 'ana@x.com' });
		const sml = smlServer()
			.on('GET', '/api/lead/', [200, page([])])
			.on('POST', '/api/lead/', [201, created]);
		const result = await run({ client: anaClient });
		expect(result.error).toBeUndefined();
		expect(sml.requests).toEqual([
			loginRequest,
			lookup('client__email__icontains=ana@x.com'),
			post({ source: 1, vehicle: { brand_model: 'Golf' }, client: anaClient }),
		]);
		expect(result.json).toEqual([{ ...created, action: 'created', matchedBy: null }]);
	});

	test('the substring trap: diana@x.com and ana@x.com.es are not ana@x.com, so a lead is created', async () => {
		const sml = smlServer()
			.on('GET', '/api/lead/', [
				200,
				page([
					leadOf(12, { email: 'diana@x.com' }),
					leadOf(13, { email: 'ana@x.com.es' }),
					leadOf(14, { email: 'mariana@x.com' }),
				]),
			])
			.on('POST', '/api/lead/', [201, leadOf(20, { email: 'ana@x.com' })]);
		const result = await run({ client: anaClient });
		expect(result.error).toBeUndefined();
		expect(sml.without('/api/auth/login/').map((r) => r.method)).toEqual(['GET', 'POST']);
		expect(result.json[0]).toMatchObject({ id: 20, action: 'created', matchedBy: null });
	});

	test('case and blanks do not matter: " Ana@X.com " finds "ana@x.com " and updates it, keeping its IDs', async () => {
		const found = leadOf(12, { email: 'ana@x.com ', phone: '600' });
		const updated = {
			...found,
			vehicle: { ...(found.vehicle as IDataObject), brand_model: 'Golf' },
		};
		const sml = smlServer()
			.on('GET', '/api/lead/', [200, page([leadOf(11, { email: 'diana@x.com' }), found])])
			.on('PATCH', '/api/lead/12/', [200, updated]);
		const result = await run({ client: { name: 'Ana Ruiz', email: ' Ana@X.com ' } });
		expect(result.error).toBeUndefined();
		expect(sml.requests).toEqual([
			loginRequest,
			lookup('client__email__icontains=Ana@X.com'),
			patch(12, keptIds(12, { name: 'Ana Ruiz', email: 'Ana@X.com' })),
		]);
		expect(result.json).toEqual([{ ...updated, action: 'updated', matchedBy: 'email' }]);
	});

	test('Keep IDs on the found lead: its notes, tags and tasks are sent back with their IDs, the given ones added', async () => {
		const found = leadOf(12, anaClient, {
			note: [{ id: 3, content: 'first', modified: '2019-05-09T07:28:28.530Z', history: [] }],
			tags: [{ id: 4, content: 'web', modified: '2019-05-09T07:28:28.530Z', history: [] }],
		});
		const sml = smlServer()
			.on('GET', '/api/lead/', [200, page([found])])
			.on('PATCH', '/api/lead/12/', [200, found]);
		const result = await run({
			client: anaClient,
			vehicle: { price: '9000' },
			additionalFields: { score: '4' },
			note: { entries: [{ content: 'second form' }] },
			tags: { entries: [{ content: 'returning' }] },
		});
		expect(result.error).toBeUndefined();
		expect(sml.requests[2]).toEqual(
			patch(12, {
				source: 1,
				score: '4',
				vehicle: { id: 1036, brand_model: 'Golf', price: '9000' },
				client: { id: 62, ...anaClient },
				note: [{ id: 3, content: 'first' }, { content: 'second form' }],
				tags: [{ id: 4, content: 'web' }, { content: 'returning' }],
			}),
		);
		expect(result.json[0]).toMatchObject({ id: 12, action: 'updated', matchedBy: 'email' });
	});

	test('When Found > Do Nothing: the found lead is output as listed, nothing is written', async () => {
		const found = leadOf(12, anaClient);
		const sml = smlServer().on('GET', '/api/lead/', [200, page([found])]);
		const result = await run({ client: anaClient, whenFound: 'nothing' });
		expect(result.error).toBeUndefined();
		expect(sml.without('/api/auth/login/')).toEqual([lookup('client__email__icontains=ana@x.com')]);
		expect(result.json).toEqual([{ ...found, action: 'unchanged', matchedBy: 'email' }]);
	});

	test('several match: the newest (highest ID) is updated by default', async () => {
		const sml = smlServer()
			.on('GET', '/api/lead/', [
				200,
				page([leadOf(15, anaClient), leadOf(130, anaClient), leadOf(99, anaClient)]),
			])
			.on('PATCH', '/api/lead/130/', [200, leadOf(130, anaClient)]);
		const result = await run({ client: anaClient });
		expect(result.error).toBeUndefined();
		expect(sml.requests[2]).toEqual(patch(130, keptIds(130, anaClient)));
		expect(result.json[0]).toMatchObject({ id: 130, action: 'updated' });
	});

	test('several match, When Several Match > Fail the Item: the error lists their IDs and nothing is written', async () => {
		const sml = smlServer().on('GET', '/api/lead/', [
			200,
			page([leadOf(15, anaClient), leadOf(130, anaClient), leadOf(16, { email: 'diana@x.com' })]),
		]);
		const result = await run({ client: anaClient, whenSeveral: 'fail' });
		expect(result.error?.message).toBe(
			'SML: 2 leads match (IDs 130, 15); When Several Match is Fail the Item, so nothing was created or changed',
		);
		expect(result.error?.context?.itemIndex).toBe(0);
		expect(sml.without('/api/auth/login/').map((r) => r.method)).toEqual(['GET']);
	});

	test('the list is read to its end: the match is on page 2', async () => {
		const sml = smlServer()
			.on('GET', '/api/lead/', [
				200,
				page([leadOf(11, { email: 'diana@x.com' })], `${BASE_URL}/api/lead/?page=2`, 2),
			])
			.on('GET', '/api/lead/', [200, page([leadOf(12, anaClient)], null, 2)])
			.on('PATCH', '/api/lead/12/', [200, leadOf(12, anaClient)]);
		const result = await run({ client: anaClient });
		expect(result.error).toBeUndefined();
		expect(sml.without('/api/auth/login/').map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET /api/lead/?client__email__icontains=ana@x.com&${PAGE}`,
			'GET /api/lead/?client__email__icontains=ana@x.com&page=2&page_size=1000',
			'PATCH /api/lead/12/',
		]);
		expect(result.json[0]).toMatchObject({ id: 12, action: 'updated', matchedBy: 'email' });
	});
});

describe('SML Lead > Create or Update: statuses and concessionaires', () => {
	test('by default an ended lead is not matched (no status filter sent: it takes one value): a new lead is created', async () => {
		const sml = smlServer()
			.on('GET', '/api/lead/', [200, page([leadOf(12, anaClient, { status: 'end' })])])
			.on('POST', '/api/lead/', [201, leadOf(13, anaClient)]);
		const result = await run({ client: anaClient });
		expect(result.error).toBeUndefined();
		expect(sml.requests[1]).toEqual(lookup('client__email__icontains=ana@x.com'));
		expect(result.json[0]).toMatchObject({ id: 13, action: 'created' });
	});

	test('one status is sent as the status filter, concessionaires as concessionaire__in, and both are checked here too', async () => {
		const sml = smlServer()
			.on('GET', '/api/lead/', [
				200,
				page([
					leadOf(12, anaClient, { status: 'new', concessionaire: 1 }),
					leadOf(14, anaClient, { status: 'tracing', concessionaire: 7 }),
					leadOf(11, anaClient, { status: 'tracing', concessionaire: 2 }),
				]),
			])
			.on('PATCH', '/api/lead/11/', [200, leadOf(11, anaClient)]);
		const result = await run({
			client: anaClient,
			matchStatuses: ['tracing'],
			options: { concessionaire__in: [1, '2'] },
		});
		expect(result.error).toBeUndefined();
		expect(sml.requests[1]).toEqual(
			lookup('client__email__icontains=ana@x.com&status=tracing&concessionaire__in=1,2'),
		);
		expect(sml.requests[2]).toEqual(patch(11, keptIds(11, anaClient)));
	});

	test('statuses from an expression are read as a list ("tracing, tracing" is one status); none is refused', async () => {
		const sml = smlServer()
			.on('GET', '/api/lead/', [200, page([leadOf(12, anaClient)])])
			.on('POST', '/api/lead/', [201, leadOf(13, anaClient)]);
		const result = await run({ client: anaClient, matchStatuses: '={{ "tracing, tracing" }}' });
		expect(sml.requests[1]).toEqual(lookup('client__email__icontains=ana@x.com&status=tracing'));
		// Lead 12 is new, not tracing, whatever the server's filter let through: a lead is created.
		expect(result.error).toBeUndefined();
		expect(result.json[0]).toMatchObject({ id: 13, action: 'created' });

		const none = await run({ client: anaClient, matchStatuses: [] });
		expect(none.error?.message).toBe(
			'Invalid input in item 0: "Match Leads in Status" (matchStatuses) must name at least one status',
		);
	});

	test('statuses filtered on our side need the status in the answer: a lead without one is an error, not a miss', async () => {
		const { status: _status, ...withoutStatus } = leadOf(12, anaClient);
		const sml = smlServer().on('GET', '/api/lead/', [200, page([withoutStatus])]);
		const result = await run({ client: anaClient });
		expect(result.error?.message).toBe(
			'SML: Lead > Create or Update looked up leads by e-mail, but the answer cannot be compared: lead 12 has no status; nothing was created or changed',
		);
		expect(sml.without('/api/auth/login/').map((r) => r.method)).toEqual(['GET']);
	});
});

describe('SML Lead > Create or Update: what it refuses', () => {
	test.each([
		['email', { name: 'Ana' }, '"Client › E-Mail" (email) is required when Match On is E-Mail'],
		['phone', anaClient, '"Client › Phone" (phone) is required when Match On is Phone'],
		[
			'emailOrPhone',
			{ name: 'Ana' },
			'"Client" (client) needs an E-Mail or a Phone when Match On is E-Mail or Phone',
		],
		[
			'emailAndPhone',
			{ name: 'Ana', phone: 'n/a' },
			'"Client › E-Mail" (email) is required when Match On is E-Mail and Phone; "Client › Phone" (phone) must contain digits to be matched on',
		],
	])(
		'Match On %s without its key: a validation error naming the field and the item, nothing sent',
		async (matchOn, client, problem) => {
			const result = await run({ client, matchOn }, { items: [{ json: {} }, { json: {} }] });
			expect(result.error?.message).toBe(`Invalid input in item 0: ${problem}`);
		},
	);

	test.each([
		[
			'no client',
			leadOf(12, anaClient, { client: null }),
			'lead 12 has no client (its client is null)',
		],
		[
			'a client without the e-mail field',
			leadOf(12, anaClient, { client: { id: 62, name: 'Ana Ruiz', phone: '600' } }),
			'the client of lead 12 has no email field',
		],
		[
			'an entry without an ID',
			{ client: anaClient },
			'entry 1 of the list is not a lead with an ID',
		],
	])(
		'a listed lead with %s is an error, not "no match": nothing is created',
		async (_name, record, problem) => {
			const sml = smlServer().on('GET', '/api/lead/', [200, page([record])]);
			const result = await run({ client: anaClient });
			expect(result.error?.message).toBe(
				`SML: Lead > Create or Update looked up leads by e-mail, but the answer cannot be compared: ${problem}; nothing was created or changed`,
			);
			expect(sml.without('/api/auth/login/').map((r) => r.method)).toEqual(['GET']);
		},
	);

	test('a found lead whose nested IDs cannot be kept (its vehicle has no ID) is not updated', async () => {
		const found = leadOf(12, anaClient, { vehicle: { brand_model: 'Polo' } });
		const sml = smlServer().on('GET', '/api/lead/', [200, page([found])]);
		const result = await run({ client: anaClient });
		expect(result.error?.message).toBe(
			'SML: Lead > Create or Update found lead 12 in a shape the update cannot rely on (its vehicle has no id); nothing was sent, so nothing was changed',
		);
		expect(sml.without('/api/auth/login/').map((r) => r.method)).toEqual(['GET']);
	});

	test('an answer that is not a list of leads is an error, not an empty list', async () => {
		const sml = smlServer().on('GET', '/api/lead/', [200, { detail: 'ok' }]);
		const result = await run({ client: anaClient });
		expect(result.error?.message).toBe(
			'SML: Lead > Create or Update looked up leads by e-mail, but the answer was not a list of leads (it was an object without an id, with fields detail); nothing was created or changed',
		);
		expect(sml.without('/api/auth/login/').map((r) => r.method)).toEqual(['GET']);
	});

	test('Continue On Fail: a failing item yields its error with pairedItem, the others go on', async () => {
		// Concurrency 1: the items run in input order, so the first lookup is item 0's.
		const sml = smlServer()
			.on('GET', '/api/lead/', [500, { detail: 'Error interno' }])
			.on('GET', '/api/lead/', [200, page([])])
			.on('POST', '/api/lead/', [201, leadOf(30, { email: 'ok@x.com' })]);
		const result = await run(
			{ client: { name: 'Ana', email: '={{ $json.email }}' }, options: { concurrency: 1 } },
			{
				items: [{ json: { email: 'bad@x.com' } }, { json: { email: 'ok@x.com' } }],
				continueOnFail: true,
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(result.json[0].error).toMatch(/^SML: /);
		expect(result.json[1]).toMatchObject({ id: 30, action: 'created' });
		expect(sml.without('/api/auth/login/').map((r) => r.method)).toEqual(['GET', 'GET', 'POST']);
	});
});

/* ------------------------------------------------ the within-run rule */

interface MemoryLead {
	id: number;
	client: IDataObject;
	status: string;
}

/**
 * SML's lead list, create and update kept in memory and answered by nock after a short wait, so
 * items run at once truly overlap: it counts the creates and the lookups in flight.
 */
function memorySml() {
	const leads: MemoryLead[] = [];
	const state = { creates: 0, patches: 0, inFlight: 0, maxInFlight: 0 };
	const wait = () => new Promise((resolve) => setTimeout(resolve, 15));
	const scope = nock(BASE_URL).persist();
	scope
		.get('/api/lead/')
		.query(true)
		.reply(async (uri) => {
			state.inFlight++;
			state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
			await wait();
			state.inFlight--;
			const email = new URL(uri, BASE_URL).searchParams.get('client__email__icontains') ?? '';
			const results = leads
				.filter((lead) => String(lead.client.email).toLowerCase().includes(email.toLowerCase()))
				.map((lead) => leadOf(lead.id, lead.client, { status: lead.status }));
			return [200, page(results)];
		});
	scope.post('/api/lead/').reply(async (_uri, body) => {
		await wait();
		state.creates++;
		const lead = {
			id: 100 + leads.length,
			client: (body as IDataObject).client as IDataObject,
			status: 'new',
		};
		leads.push(lead);
		return [201, leadOf(lead.id, lead.client)];
	});
	scope.patch(/\/api\/lead\/\d+\//).reply(async (uri) => {
		await wait();
		state.patches++;
		const id = Number(/(\d+)\/$/.exec(uri)?.[1]);
		const lead = leads.find((entry) => entry.id === id)!;
		return [200, leadOf(lead.id, lead.client)];
	});
	return { leads, state };
}

describe('SML Lead > Create or Update: items of one run sharing an e-mail (Concurrency 16)', () => {
	test('20 items, 14 distinct e-mails (items 3, 7, 9 and 13 alike, other repeats): one create per e-mail, the rest update', async () => {
		smlServer();
		const server = memorySml();
		const emails = Array.from({ length: 20 }, (_unused, index) => `client${index}@x.com`);
		emails[7] = 'client3@x.com';
		emails[9] = 'CLIENT3@x.com ';
		for (const index of [11, 13, 15, 17, 19]) emails[index] = `client${index - 10}@x.com`;
		emails[18] = 'client1@x.com';
		const distinct = new Set(emails.map((email) => email.trim().toLowerCase()));
		const result = await run(
			{
				client: { name: 'Client', email: '={{ $json.email }}' },
				options: { concurrency: 16 },
			},
			{ items: emails.map((email) => ({ json: { email } })) },
		);
		expect(result.error).toBeUndefined();
		expect(server.state.creates).toBe(distinct.size);
		expect(server.state.patches).toBe(emails.length - distinct.size);
		expect(
			server.leads.map((lead) => String(lead.client.email).trim().toLowerCase()).sort(),
		).toEqual([...distinct].sort());
		const actions = result.json.map((json) => json.action);
		expect(actions[3]).toBe('created');
		expect(actions[7]).toBe('updated');
		expect(actions[9]).toBe('updated');
		expect(result.items.map((item) => item.pairedItem)).toEqual(
			emails.map((_email, index) => ({ item: index })),
		);
		// Different e-mails did not wait for each other.
		expect(server.state.maxInFlight).toBeGreaterThan(1);
	});
});
