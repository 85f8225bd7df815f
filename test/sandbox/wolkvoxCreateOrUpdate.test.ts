/**
 * wolkvox Record > Create or Update against the local sandbox (real HTTP on 127.0.0.1), run twice like
 * a sync run again: the second run creates nothing.
 */
import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';
import { startSandbox, type Sandbox } from '../../sandbox';
import { runNode } from '../harness/runNode';
import { parameters, contact } from '../wolkvoxCrm/createOrUpdate';

describe('Record > Create or Update against the sandbox (npm start, the e2e): a sync run twice', () => {
	let sb: Sandbox;
	beforeAll(async () => {
		nock.enableNetConnect((host) => /^127\.0\.0\.1(:\d+)?$/.test(host));
		sb = await startSandbox({ port: 0, quiet: true });
	});
	afterAll(async () => await sb.close());

	test('4 items, 3 distinct e-mails, twice: 3 new contacts, not 6 or 8; the second run only updates', async () => {
		const contacts = () =>
			(sb.vendors.wolkvox.dump() as { modules: { contacts: IDataObject[] } }).modules.contacts;
		const before = contacts().length;
		const items = ['maria@x.com', 'jose@x.com', 'MARIA@x.com', 'lucia@x.com'].map((email, i) =>
			contact(email, `Contact ${i}`),
		);
		const runs = [];
		for (let i = 0; i < 2; i++) {
			runs.push(
				await runNode({
					node: 'wolkvoxCrm',
					parameters: parameters({ options: { concurrency: 2 } }),
					items,
					credentials: { wolkvoxCrmApi: sb.credentials.wolkvoxCrmApi },
				}),
			);
		}
		expect(runs.map((result) => result.error)).toEqual([undefined, undefined]);
		expect(runs.map((result) => result.json.map((output) => output.action))).toEqual([
			['created', 'created', 'updated', 'created'],
			['updated', 'updated', 'updated', 'updated'],
		]);
		expect(contacts().length).toBe(before + 3);
		expect(
			contacts()
				.slice(before)
				.map(({ emailcontact, namecontact }) => [emailcontact, namecontact])
				.sort(([a], [b]) => String(a).localeCompare(String(b), 'en', { sensitivity: 'base' })),
		).toEqual([
			['jose@x.com', 'Contact 1'],
			['lucia@x.com', 'Contact 3'],
			['MARIA@x.com', 'Contact 2'],
		]);
	});
});
