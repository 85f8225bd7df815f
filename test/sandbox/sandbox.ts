/**
 * What the sandbox test files share: one sandbox per file on a free port of 127.0.0.1 (real HTTP), reset
 * before each test, and call() to send it a request.
 */
import nock from 'nock';

import { startSandbox, type Sandbox } from '../../sandbox';
import { unexpectedRequests } from '../harness/nockSetup';

export let sb: Sandbox;

// nock reports every request that no interceptor answered, also those it lets through to 127.0.0.1:
// forget the sandbox's own before the shared afterEach checks (a describe's hooks run first).
export const forgetSandboxRequests = () => {
	const others = unexpectedRequests.filter((r) => !r.includes(`${sb.url}/`));
	unexpectedRequests.splice(0, unexpectedRequests.length, ...others);
};

/** Starts the sandbox before the file's tests, resets it before each, closes it after them. */
export function useSandbox() {
	beforeAll(async () => {
		nock.enableNetConnect('127.0.0.1');
		sb = await startSandbox({ port: 0, quiet: true });
	});

	afterAll(async () => {
		await sb.close();
		nock.disableNetConnect();
	});

	beforeEach(() => sb.reset());
}

export interface Answer {
	status: number;
	body: any;
	headers: Headers;
	raw: Buffer;
}

export async function call(
	method: string,
	path: string,
	body?: unknown,
	headers: Record<string, string> = {},
): Promise<Answer> {
	const r = await fetch(`${sb.url}${path}`, {
		method,
		headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const raw = Buffer.from(await r.arrayBuffer());
	let parsed: unknown;
	try {
		parsed = JSON.parse(raw.toString('utf8'));
	} catch {
		parsed = raw.toString('utf8');
	}
	return { status: r.status, body: parsed, headers: r.headers, raw };
}
