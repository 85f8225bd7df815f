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
