/**
 * SML Lead > Create or Update against the local sandbox (real HTTP on 127.0.0.1), run twice like a
 * form posted again or a sync run again: the second run creates nothing.
 */
import nock from 'nock';

import { startSandbox, type Sandbox } from '../../sandbox';
import { newCredentialsHelper, runNode } from '../harness/runNode';

let sb: Sandbox;
beforeAll(async () => {
	nock.enableNetConnect('127.0.0.1');
	sb = await startSandbox({ port: 0, quiet: true });
});
afterAll(async () => await sb.close());
beforeEach(() => sb.reset());

const items = [
	{ name: 'Marta Gil', email: 'marta.gil@example.com' },
	{ name: 'Marta Gil', email: ' MARTA.GIL@example.com' },
	// Lead 984 (new) in the sandbox's seed.
	{ name: 'Ana García López', email: 'ana.garcia@example.com' },
	// Lead 994 is ended: a client who comes back gets a new lead.
	{ name: 'Raúl Herrera León', email: 'raul.herrera@example.com' },
	// A near miss of ana.garcia@example.com, which SML's filter does return.
	{ name: 'Ana García', email: 'na.garcia@example.com' },
].map((json) => ({ json }));

const posts = () =>
	sb.requests.filter((request) => request.method === 'POST' && request.path === '/api/lead/');

test('twice over the same five clients: three leads created by the first run, none by the second', async () => {
	const credentialsHelper = newCredentialsHelper({
		smlApi: { ...sb.credentials.smlApi, sessionToken: '' },
	});
	const run = async () =>
		await runNode({
			node: 'sml',
			typeVersion: 2,
			parameters: {
				resource: 'lead',
				operation: 'createOrUpdate',
				source: 1,
				brand_model: 'Toyota C-HR',
				client: { name: '={{ $json.name }}', email: '={{ $json.email }}' },
				options: { concurrency: 16 },
			},
			items,
			credentialsHelper,
		});

	const first = await run();
	expect(first.error).toBeUndefined();
	expect(first.json.map((lead) => [lead.action, lead.matchedBy])).toEqual([
		['created', null],
		['updated', 'email'],
		['updated', 'email'],
		['created', null],
		['created', null],
	]);
	expect(first.json[2].id).toBe(984);
	expect(first.json[3].id).not.toBe(994);
	expect(first.json[1].id).toBe(first.json[0].id);
	expect(posts()).toHaveLength(3);

	const second = await run();
	expect(second.error).toBeUndefined();
	expect(second.json.map((lead) => lead.action)).toEqual(Array(5).fill('updated'));
	expect(second.json.map((lead) => lead.id)).toEqual(first.json.map((lead) => lead.id));
	expect(posts()).toHaveLength(3);
});
