/**
 * Runs `work(0)`, `work(1)`, ... with at most `limit` running at once, starting them in index
 * order. Once `stop()` is true no new index starts; the running ones finish (a request already
 * sent is not abandoned: its outcome would become unknown). `work` handles its own errors.
 */
export async function runPool(
	count: number,
	limit: number,
	work: (index: number) => Promise<void>,
	stop: () => boolean = () => false,
): Promise<void> {
	let next = 0;
	const lane = async () => {
		while (next < count && !stop()) {
			const index = next++;
			await work(index);
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, count)) }, lane));
}

/**
 * Cuts `count` items into chains: items that share any key (directly or through another item)
 * land in one chain, in index order; chains come in order of their first item. An item without
 * keys is a chain of its own. Running each chain in order and the chains in parallel lets a
 * read-then-write operation see what an earlier item of the same run wrote.
 */
export function keyedChains(count: number, keysOf: (index: number) => string[]): number[][] {
	const parent = Array.from({ length: count }, (_unused, index) => index);
	const root = (index: number): number => {
		while (parent[index] !== index) {
			parent[index] = parent[parent[index]];
			index = parent[index];
		}
		return index;
	};
	const owner = new Map<string, number>();
	for (let index = 0; index < count; index++) {
		for (const key of keysOf(index)) {
			const other = owner.get(key);
			if (other === undefined) owner.set(key, index);
			else {
				const [a, b] = [root(other), root(index)];
				// The smaller index stays the root, so a chain is ordered by its first item.
				if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
			}
		}
	}
	const chains = new Map<number, number[]>();
	for (let index = 0; index < count; index++) {
		const top = root(index);
		const chain = chains.get(top);
		if (chain) chain.push(index);
		else chains.set(top, [index]);
	}
	return [...chains.values()];
}
