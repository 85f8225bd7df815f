// A door in front of the vendor sandbox (which runs in this process): requests that match what it is armed with are
// held, unanswered, until the caller lets them go or drops them. A poll held there is a poll in flight for as long as
// the caller likes, so a SIGKILL lands in the middle of it, not before or after. It also answers GET /__restart/slow, a
// request a workflow makes after its trigger (an HTTP Request node), held the same way to keep an execution running.

/** The path of the step after the trigger: answered at once, or held while the door is armed for it. */
export const SLOW_PATH = '/__restart/slow';

/**
 * Wraps the sandbox's request handler. Returns { arm(match), held(), drop(), release() }: arm(match) holds from then on
 * every request for which match({ method, url }) is true (url: path and query as received); held() lists the held
 * ones' { method, url }; drop() closes their connections without an answer (their client is dead by then) and stops
 * holding; release() hands them to the sandbox and stops holding.
 * @param {{ server: import('node:http').Server }} sb
 */
export function holdDoor(sb) {
	const [handler] = /** @type {Array<(req: any, res: any) => void>} */ (
		sb.server.listeners('request')
	);
	sb.server.removeAllListeners('request');
	/** @type {((r: { method: string, url: string }) => boolean) | null} */
	let match = null;
	/** @type {Array<{ req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse }>} */
	let held = [];
	const answer = (req, res) => {
		if (req.url.split('?')[0] !== SLOW_PATH) return handler(req, res);
		res.writeHead(200, { 'content-type': 'application/json' }).end('{"slow":true}');
	};
	sb.server.on('request', (req, res) => {
		if (match?.({ method: req.method, url: req.url })) held.push({ req, res });
		else answer(req, res);
	});
	const take = () => {
		const out = held;
		held = [];
		match = null;
		return out;
	};
	return {
		arm: (m) => void (match = m),
		held: () => held.map(({ req }) => ({ method: req.method, url: req.url })),
		drop: () => {
			for (const { req } of take()) req.socket.destroy();
		},
		release: () => {
			for (const { req, res } of take()) answer(req, res);
		},
	};
}
