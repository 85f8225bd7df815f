/**
 * A vendor server played by nock that records every request it answers, so a test can
 * assert the exact method, path with query, headers and body with a readable diff.
 */
import nock from 'nock';

export interface RecordedRequest {
	method: string;
	/** Path with its query string, as sent. */
	path: string;
	/** The headers that matter to these APIs (auth, content type, vendor headers). */
	headers: Record<string, string>;
	body: unknown;
}

const KEPT_HEADERS = /^(authorization|content-type|wolkvox-token|wolkvox-id)$/;

type Reply = [number, unknown?, Record<string, string>?];

export class FakeVendor {
	readonly requests: RecordedRequest[] = [];

	constructor(readonly baseUrl: string) {}

	/**
	 * Answers the next request to `method path` (any query string) with `reply`, once.
	 * `reply` may be a function of the recorded request.
	 */
	on(method: string, path: string, reply: Reply | ((request: RecordedRequest) => Reply)): this {
		const pathname = path.split('?')[0];
		const requests = this.requests;
		nock(this.baseUrl)
			.intercept((actual: string) => actual.split('?')[0] === pathname, method.toUpperCase())
			.query(true)
			.reply(function (uri, body) {
				const headers: Record<string, string> = {};
				for (const [key, value] of Object.entries(this.req.headers)) {
					if (KEPT_HEADERS.test(key)) headers[key] = String(value);
				}
				const recorded: RecordedRequest = {
					method: method.toUpperCase(),
					path: decodeURIComponent(uri),
					headers,
					body: parseBody(body),
				};
				requests.push(recorded);
				const [status, responseBody, responseHeaders] =
					typeof reply === 'function' ? reply(recorded) : reply;
				return [status, responseBody as nock.Body, responseHeaders];
			});
		return this;
	}

	/** The recorded requests without the login calls (for tests about one operation). */
	without(path: string): RecordedRequest[] {
		return this.requests.filter((request) => request.path.split('?')[0] !== path);
	}
}

function parseBody(body: unknown): unknown {
	if (body === '' || body === undefined) return undefined;
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
}
