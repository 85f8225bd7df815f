/**
 * Real `node:http` servers on the loopback interface, for faults that nock cannot show (resets,
 * hang-ups, slow answers, redirects): what the real HTTP stack does is what the node meets in n8n.
 * Each server records every request it gets, answers at most `maxRequests` of them (a run-away loop
 * then meets HTTP 599 and the test sees the count), and is closed, with its sockets, after each test.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import nock from 'nock';

export interface ReceivedRequest {
	method: string;
	/** Path with its query string. */
	path: string;
	headers: http.IncomingHttpHeaders;
	/** The raw body as text ('' when none). */
	body: string;
}

/**
 * Answers one request. It may write a normal answer, or misbehave: destroy the socket, answer
 * half a body, never answer (the server's close ends it).
 */
export type Handler = (
	request: ReceivedRequest,
	res: http.ServerResponse,
	socket: Socket,
) => void | Promise<void>;

export interface LoopbackServer {
	/** `http://127.0.0.1:<port>` (or the host asked for). */
	url: string;
	host: string;
	port: number;
	requests: ReceivedRequest[];
	close(): Promise<void>;
}

const open = new Set<LoopbackServer>();
let netAllowed = false;

/**
 * Lets these servers through nock's `disableNetConnect` (once per test file), and names under
 * `.invalid`, which DNS never resolves (RFC 2606): a real DNS failure without leaving the machine.
 */
function allowLoopback() {
	if (netAllowed) return;
	netAllowed = true;
	nock.enableNetConnect(
		(host) => /^127\.0\.0\.[12](:\d+)?$/.test(host) || /\.invalid(:\d+)?$/.test(host),
	);
}

export async function startServer(
	handler: Handler,
	{ host = '127.0.0.1', maxRequests = 20 }: { host?: string; maxRequests?: number } = {},
): Promise<LoopbackServer> {
	allowLoopback();
	const requests: ReceivedRequest[] = [];
	const sockets = new Set<Socket>();
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const received: ReceivedRequest = {
				method: req.method ?? '',
				path: req.url ?? '',
				headers: req.headers,
				body: Buffer.concat(chunks).toString('utf8'),
			};
			requests.push(received);
			if (requests.length > maxRequests) {
				res
					.writeHead(599, { 'content-type': 'text/plain' })
					.end('too many requests for this test server');
				return;
			}
			Promise.resolve(handler(received, res, req.socket)).catch((error: Error) => {
				if (!res.headersSent) res.writeHead(598).end(String(error.message));
			});
		});
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, host, () => resolve());
	});
	const { port } = server.address() as AddressInfo;
	const loopback: LoopbackServer = {
		url: `http://${host}:${port}`,
		host,
		port,
		requests,
		close: async () => {
			open.delete(loopback);
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
	open.add(loopback);
	return loopback;
}

/** Closes every server a test started, even when the test failed. */
export async function closeAllServers(): Promise<void> {
	await Promise.all([...open].map(async (server) => await server.close()));
}

/** A port on which nothing listens (a server opened and closed again). */
export async function closedPort(host = '127.0.0.1'): Promise<string> {
	const server = await startServer(() => {}, { host });
	await server.close();
	return server.url;
}

/** Writes a JSON answer. */
export function json(
	res: http.ServerResponse,
	status: number,
	body: unknown,
	headers: http.OutgoingHttpHeaders = {},
) {
	res
		.writeHead(status, { 'content-type': 'application/json', ...headers })
		.end(JSON.stringify(body));
}

/** Writes a text answer with the given content type. */
export function text(
	res: http.ServerResponse,
	status: number,
	body: string,
	contentType = 'text/plain',
) {
	res.writeHead(status, { 'content-type': contentType }).end(body);
}

/** Requests whose path (without query) is `path`. */
export const toPath = (requests: ReceivedRequest[], path: string) =>
	requests.filter((request) => request.path.split('?')[0] === path);

/** Every header and body the server got, as one text: to prove a secret never reached it. */
export const everythingSent = (requests: ReceivedRequest[]) =>
	requests
		.map(
			(request) =>
				`${request.method} ${request.path}\n${JSON.stringify(request.headers)}\n${request.body}`,
		)
		.join('\n');
