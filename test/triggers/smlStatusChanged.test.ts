/** SML Trigger, Lead Status Changed, through n8n-core's poll path with real static data across polls. */
import type { INodeParameters } from 'n8n-workflow';

import { PollHarness } from '../harness/runPoll';
import { lead, page, smlAuth, smlCredentials, smlServer } from './vendors';

const statusTrigger = (changeFilters: INodeParameters = {}, options: INodeParameters = {}) =>
	new PollHarness({
		node: 'smlTrigger',
		parameters: { event: 'leadStatusChanged', changeFilters, options },
		credentials: smlCredentials,
	});

const changed = (id: number, status: string, previous: string, source = 1) => ({
	...lead(id, status, source),
	previous_status: previous,
});

describe('SML Trigger: Lead Status Changed', () => {
	test('a changed status comes out once with the previous one; new leads and unchanged ones do not', async () => {
		const sml = smlServer().on('GET', '/api/lead/', [
			200,
			page([lead(3, 'tracing'), lead(2, 'new'), lead(1, 'end')]),
		]);
		const trigger = statusTrigger({ concessionaire__in: '1', search: 'Toyota' });
		expect(await trigger.poll({ activation: true })).toEqual({ emitted: null });
		expect(trigger.nodeStaticData.position).toEqual({
			version: 1,
			configuration: 'leadStatusChanged',
			position: {
				from: 1,
				statuses: 'DAC',
				codes: ['new', 'commercial_management', 'tracing', 'end'],
			},
		});

		// Lead 2 moved on, lead 4 is new (no change of its own), lead 1 and 3 kept theirs.
		sml.on('GET', '/api/lead/', [
			200,
			page([lead(4, 'new'), lead(3, 'tracing'), lead(2, 'commercial_management'), lead(1, 'end')]),
		]);
		expect(await trigger.poll()).toEqual({ emitted: [changed(2, 'commercial_management', 'new')] });

		// Seen once: the next poll finds nothing; then two changes come out lowest id first.
		sml.on('GET', '/api/lead/', [
			200,
			page([lead(4, 'new'), lead(3, 'tracing'), lead(2, 'commercial_management'), lead(1, 'end')]),
		]);
		expect(await trigger.poll()).toEqual({ emitted: null });
		sml.on('GET', '/api/lead/', [
			200,
			page([lead(4, 'tracing'), lead(3, 'end'), lead(2, 'commercial_management'), lead(1, 'end')]),
		]);
		expect(await trigger.poll()).toEqual({
			emitted: [changed(3, 'end', 'tracing'), changed(4, 'tracing', 'new')],
		});

		// The list is asked for without a status filter: a lead leaving a status must stay visible.
		const query = '/api/lead/?concessionaire__in=1&search=Toyota&page=1&page_size=1000';
		expect(sml.requests.slice(1)).toEqual(
			Array(4).fill({ method: 'GET', path: query, headers: smlAuth(), body: undefined }),
		);
	});

	test('Changed From, Changed To and Source filter the changes, not what is remembered', async () => {
		const sml = smlServer().on('GET', '/api/lead/', [
			200,
			page([lead(1, 'new', 1), lead(2, 'new', 2), lead(3, 'new', 2), lead(4, 'tracing', 2)]),
		]);
		const trigger = statusTrigger({
			previous_status: ['new'],
			status: ['commercial_management', 'end'],
			source: 2,
		});
		await trigger.poll({ activation: true });
		sml.on('GET', '/api/lead/', [
			200,
			page([lead(1, 'end', 1), lead(2, 'tracing', 2), lead(3, 'end', 2), lead(4, 'end', 2)]),
		]);
		expect(await trigger.poll()).toEqual({ emitted: [changed(3, 'end', 'new', 2)] });
		// Lead 2's move to tracing was filtered out but remembered: moving on from tracing is a change from tracing.
		sml.on('GET', '/api/lead/', [
			200,
			page([lead(1, 'end', 1), lead(2, 'new', 2), lead(3, 'end', 2), lead(4, 'end', 2)]),
		]);
		expect(await trigger.poll()).toEqual({ emitted: null });
		sml.on('GET', '/api/lead/', [
			200,
			page([
				lead(1, 'end', 1),
				lead(2, 'commercial_management', 2),
				lead(3, 'end', 2),
				lead(4, 'end', 2),
			]),
		]);
		expect(await trigger.poll()).toEqual({
			emitted: [changed(2, 'commercial_management', 'new', 2)],
		});
	});

	test('a status SML adds later is remembered like the documented ones', async () => {
		const sml = smlServer().on('GET', '/api/lead/', [200, page([lead(900, 'new')])]);
		const trigger = statusTrigger();
		await trigger.poll({ activation: true });
		sml.on('GET', '/api/lead/', [200, page([lead(900, 'archived')])]);
		expect(await trigger.poll()).toEqual({ emitted: [changed(900, 'archived', 'new')] });
		sml.on('GET', '/api/lead/', [200, page([lead(900, 'new')])]);
		expect(await trigger.poll()).toEqual({ emitted: [changed(900, 'new', 'archived')] });
		// The window starts at the lowest lead seen: nothing is kept for ids 1 to 899.
		expect(trigger.nodeStaticData.position).toMatchObject({
			position: {
				from: 900,
				statuses: 'A',
				codes: ['new', 'commercial_management', 'tracing', 'end', 'archived'],
			},
		});
	});

	test('a failing poll keeps what was remembered: the change comes out once SML answers again', async () => {
		const sml = smlServer().on('GET', '/api/lead/', [200, page([lead(1, 'new')])]);
		const trigger = statusTrigger();
		await trigger.poll({ activation: true });
		sml.on('GET', '/api/lead/', [400, { detail: 'Página inválida.' }]);
		const failed = await trigger.poll();
		expect(failed.error?.message).toBe(
			'SML: the server rejected the data (HTTP 400): Página inválida.',
		);
		expect(trigger.nodeStaticData.position).toMatchObject({ position: { from: 1, statuses: 'A' } });
		sml.on('GET', '/api/lead/', [200, page([lead(1, 'end')])]);
		expect(await trigger.poll()).toEqual({ emitted: [changed(1, 'end', 'new')] });
	});

	test('Fetch Test Event returns the latest change since the saved position, or else the newest lead with no previous status', async () => {
		const sml = smlServer().on('GET', '/api/lead/', [200, page([lead(1, 'new'), lead(2, 'new')])]);
		const trigger = statusTrigger();
		sml.on('GET', '/api/lead/', [200, page([lead(1, 'new'), lead(2, 'new')])]);
		expect((await trigger.fetchTestEvent()).emitted).toEqual([
			{ ...lead(2, 'new'), previous_status: null },
		]);
		await trigger.poll({ activation: true });
		sml.on('GET', '/api/lead/', [200, page([lead(1, 'tracing'), lead(2, 'new'), lead(3, 'new')])]);
		expect((await trigger.poll()).emitted).toEqual([changed(1, 'tracing', 'new')]);
		const saved = JSON.stringify(trigger.saved);

		sml.on('GET', '/api/lead/', [200, page([lead(1, 'end'), lead(2, 'end'), lead(3, 'new')])]);
		expect((await trigger.fetchTestEvent()).emitted).toEqual([changed(2, 'end', 'new')]);
		expect(JSON.stringify(trigger.saved)).toBe(saved);
		sml.on('GET', '/api/lead/', [200, page([lead(1, 'end'), lead(2, 'end'), lead(3, 'new')])]);
		expect((await trigger.poll()).emitted).toEqual([
			changed(1, 'end', 'tracing'),
			changed(2, 'end', 'new'),
		]);
	});

	test('memory stays bounded: after 12,000 leads the trigger remembers the newest 10,000, one character each', async () => {
		const leads = (count: number, status: (id: number) => string) =>
			Array.from({ length: count }, (_, i) => ({ id: count - i, status: status(count - i) }));
		const pages = (all: Array<{ id: number; status: string }>) => {
			for (let start = 0; start < all.length; start += 1000) {
				const next =
					start + 1000 < all.length ? 'https://sml.example.com/api/lead/?page=next' : null;
				sml.on('GET', '/api/lead/', [200, page(all.slice(start, start + 1000), next, all.length)]);
			}
		};
		const sml = smlServer();
		const trigger = statusTrigger();
		pages(leads(4000, () => 'new'));
		await trigger.poll({ activation: true });
		// 8,000 more leads, and every fifth of the first 4,000 ended.
		pages(leads(12_000, (id) => (id <= 4000 && id % 5 === 0 ? 'end' : 'new')));
		const { emitted } = await trigger.poll();
		// Only the changes of leads still watched (ids 2,001 to 12,000) come out.
		expect(emitted?.map((item) => item.id)).toEqual(
			Array.from({ length: 400 }, (_, i) => 2005 + i * 5),
		);
		const stored = trigger.nodeStaticData.position as {
			position: { from: number; statuses: string };
		};
		expect(stored.position.from).toBe(2001);
		expect(stored.position.statuses).toHaveLength(10_000);
		expect(JSON.stringify(trigger.nodeStaticData).length).toBeLessThan(10_200);
	}, 60_000);
});
