import { keyedChains, runPool } from '../../nodes/common/execution/pool';

describe('keyedChains', () => {
	test('items sharing a key form one chain in input order; chains come by their first item', () => {
		const keys = [['a'], ['b'], [], ['a'], ['c'], ['b'], ['a']];
		expect(keyedChains(keys.length, (i) => keys[i])).toEqual([[0, 3, 6], [1, 5], [2], [4]]);
	});

	test('a key shared through another item joins chains (E-Mail or Phone)', () => {
		// 0 and 2 share nothing, but 1 shares a key with each of them.
		const keys = [['e:x'], ['e:y', 'p:1'], ['e:x', 'p:1'], ['p:2']];
		expect(keyedChains(keys.length, (i) => keys[i])).toEqual([[0, 1, 2], [3]]);
	});

	test('no keys: one chain per item', () => {
		expect(keyedChains(3, () => [])).toEqual([[0], [1], [2]]);
	});
});

describe('runPool over keyed chains', () => {
	test('a chain runs one item at a time while other chains overlap it', async () => {
		const keys = [['k'], ['other'], ['k'], ['k']];
		const chains = keyedChains(keys.length, (i) => keys[i]);
		const events: string[] = [];
		const release: Array<() => void> = [];
		const started = (index: number) =>
			new Promise<void>((resolve) => {
				events.push(`start ${index}`);
				release[index] = resolve;
			});
		const done = runPool(chains.length, 16, async (chainIndex) => {
			for (const index of chains[chainIndex]) {
				await started(index);
				events.push(`end ${index}`);
			}
		});
		await new Promise((resolve) => setImmediate(resolve));
		// Item 1 (another key) started beside item 0; item 2 waits for item 0.
		expect(events).toEqual(['start 0', 'start 1']);
		release[1]();
		release[0]();
		await new Promise((resolve) => setImmediate(resolve));
		expect(events).toEqual(['start 0', 'start 1', 'end 1', 'end 0', 'start 2']);
		release[2]();
		await new Promise((resolve) => setImmediate(resolve));
		release[3]();
		await done;
		expect(events.slice(-3)).toEqual(['end 2', 'start 3', 'end 3']);
	});
});
