/** SML Trigger, New Lead, through n8n-core's poll path with real static data across polls. */
import type { INodeParameters } from 'n8n-workflow';

import { PollHarness } from '../harness/runPoll';
import { lead, page, smlAuth, smlCredentials, smlLogin, smlServer } from './vendors';

const LIST = '/api/lead/?page=1&page_size=1000';
const listed = (path = LIST) => ({ method: 'GET', path, headers: smlAuth(), body: undefined });
const newLeadTrigger = (filters: INodeParameters = {}) =>
	new PollHarness({
		node: 'smlTrigger',
		parameters: { event: 'newLead', filters },
		credentials: smlCredentials,
	});

describe('SML Trigger: New Lead', () => {
	test('the first poll emits nothing and records the highest id; later polls emit each new lead once, oldest first', async () => {
		const sml = smlServer().on('GET', '/api/lead/', [200, page([lead(12), lead(10), lead(11)])]);
		const trigger = newLeadTrigger();

		expect(await trigger.poll({ activation: true })).toEqual({ emitted: null });
		expect(sml.requests).toEqual([smlLogin, listed()]);
		expect(trigger.nodeStaticData).toEqual({
			position: { version: 1, configuration: 'newLead', position: { lastId: 12 } },
		});

		// Two new leads, listed newest first: they come out oldest first, one item each.
		sml.on('GET', '/api/lead/', [200, page([lead(14), lead(13), lead(12), lead(11), lead(10)])]);
		expect(await trigger.poll()).toEqual({ emitted: [lead(13), lead(14)] });

		// Nothing new: null, so n8n starts no execution.
		sml.on('GET', '/api/lead/', [200, page([lead(14), lead(13), lead(12)])]);
		expect(await trigger.poll()).toEqual({ emitted: null });
		expect(sml.requests.slice(2)).toEqual([listed(), listed()]);
		expect(trigger.nodeStaticData.position).toEqual({
			version: 1,
			configuration: 'newLead',
			position: { lastId: 14 },
		});
	});

	test('many new leads: every page is read and all of them are emitted, oldest first', async () => {
		const sml = smlServer().on('GET', '/api/lead/', [200, page([lead(1)])]);
		const trigger = newLeadTrigger();
		await trigger.poll({ activation: true });

		const leads = Array.from({ length: 2500 }, (_, i) => lead(2500 - i + 1)); // ids 2501..2, newest first
		const more = `${'https://sml.example.com'}/api/lead/?page=2`;
		sml
			.on('GET', '/api/lead/', [200, page(leads.slice(0, 1000), more, 2501)])
			.on('GET', '/api/lead/', [200, page(leads.slice(1000, 2000), more, 2501)])
			.on('GET', '/api/lead/', [200, page([...leads.slice(2000), lead(1)], null, 2501)]);
		const { emitted } = await trigger.poll();
		expect(emitted?.map((item) => item.id)).toEqual(Array.from({ length: 2500 }, (_, i) => i + 2));
		expect(
			sml.requests
				.slice(2)
				.map((request) => request.path)
				.sort(),
		).toEqual([LIST, '/api/lead/?page=2&page_size=1000', '/api/lead/?page=3&page_size=1000']);
		expect(trigger.nodeStaticData.position).toMatchObject({ position: { lastId: 2501 } });
	});

	test('a failing poll throws a clear error and keeps the position: the lead comes out once SML recovers', async () => {
		const sml = smlServer().on('GET', '/api/lead/', [200, page([lead(20)])]);
		const trigger = newLeadTrigger();
		await trigger.poll({ activation: true });

		sml.on('GET', '/api/lead/', [503, '<html><body>Service Unavailable</body></html>']);
		const failed = await trigger.poll();
		expect(failed.emitted).toBeNull();
		expect(failed.error?.message).toBe('SML: the SML server failed (HTTP 503)');
		expect(failed.error?.description).toMatch(
			/The poll failed, so nothing was emitted and the trigger kept its position/,
		);
		expect(trigger.nodeStaticData.position).toMatchObject({ position: { lastId: 20 } });

		// A walk the page walker refuses (a page repeated) fails the poll too, and moves nothing.
		sml
			.on('GET', '/api/lead/', [
				200,
				page([lead(22), lead(21)], 'https://sml.example.com/api/lead/?page=2', 4),
			])
			.on('GET', '/api/lead/', [
				200,
				page([lead(22), lead(21)], 'https://sml.example.com/api/lead/?page=3', 4),
			]);
		expect((await trigger.poll()).error?.message).toBe(
			'SML: GET /api/lead/ stopped: page 2 repeated the records of page 1',
		);
		expect(trigger.nodeStaticData.position).toMatchObject({ position: { lastId: 20 } });

		sml.on('GET', '/api/lead/', [200, page([lead(21), lead(20)])]);
		expect(await trigger.poll()).toEqual({ emitted: [lead(21)] });
	});

	test('the filters go to SML as its list filters; Source, which the list lacks, is applied by the trigger', async () => {
		const sml = smlServer().on('GET', '/api/lead/', [200, page([lead(5, 'new', 1)])]);
		const trigger = newLeadTrigger({
			status: 'new',
			concessionaire__in: [1, 4],
			search: 'Toyota',
			source: 2,
		});
		await trigger.poll({ activation: true });
		sml.on('GET', '/api/lead/', [
			200,
			page([lead(8, 'new', 2), lead(7, 'new', 1), lead(6, 'new', 2), lead(5, 'new', 1)]),
		]);
		expect(await trigger.poll()).toEqual({ emitted: [lead(6, 'new', 2), lead(8, 'new', 2)] });
		const query =
			'/api/lead/?concessionaire__in=1,4&search=Toyota&status=new&page=1&page_size=1000';
		expect(sml.requests.slice(1)).toEqual([listed(query), listed(query)]);

		// Lead 7 (another source) moved the position too: it never comes out later.
		sml.on('GET', '/api/lead/', [200, page([lead(8, 'new', 2), lead(7, 'new', 1)])]);
		expect(await trigger.poll()).toEqual({ emitted: null });
	});

	test('Fetch Test Event returns the newest matching lead and leaves the position where it was', async () => {
		const sml = smlServer().on('GET', '/api/lead/', [200, page([lead(30)])]);
		const trigger = newLeadTrigger();
		await trigger.poll({ activation: true });
		sml.on('GET', '/api/lead/', [200, page([lead(30), lead(32), lead(31)])]);
		// The first poll emitted nothing, so n8n has saved nothing yet: the test event runs with no position.
		expect(await trigger.fetchTestEvent()).toEqual({ emitted: [lead(32)], error: undefined });
		expect(trigger.nodeStaticData.position).toMatchObject({ position: { lastId: 30 } });

		sml.on('GET', '/api/lead/', [200, page([lead(32), lead(31), lead(30)])]);
		expect((await trigger.poll()).emitted).toEqual([lead(31), lead(32)]);
		const saved = JSON.stringify(trigger.saved);
		sml.on('GET', '/api/lead/', [200, page([lead(33), lead(32)])]);
		expect((await trigger.fetchTestEvent()).emitted).toEqual([lead(33)]);
		expect(JSON.stringify(trigger.saved)).toBe(saved);
		sml.on('GET', '/api/lead/', [200, page([lead(33), lead(32)])]);
		expect((await trigger.poll()).emitted).toEqual([lead(33)]);
	});

	test('the position survives a restart of n8n (what it saved when it last emitted)', async () => {
		const sml = smlServer().on('GET', '/api/lead/', [200, page([lead(40)])]);
		const trigger = newLeadTrigger();
		await trigger.poll({ activation: true });
		sml.on('GET', '/api/lead/', [200, page([lead(41), lead(40)])]);
		expect((await trigger.poll()).emitted).toEqual([lead(41)]);
		trigger.restart();
		sml.on('GET', '/api/lead/', [200, page([lead(42), lead(41), lead(40)])]);
		expect((await trigger.poll()).emitted).toEqual([lead(42)]);
	});

	test('a bad parameter fails the poll before anything is sent, naming the field', async () => {
		const trigger = newLeadTrigger({ concessionaire__in: 'uno,dos' });
		const { error } = await trigger.poll();
		expect(error?.message).toBe(
			'Invalid parameter: "Filters › Concessionaire Names or IDs" (concessionaire__in) must be concessionaire IDs separated by commas',
		);
	});
});
