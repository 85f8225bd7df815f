import nock from 'nock';

/** Requests that reached no interceptor: a test fails if any request was unexpected. */
export const unexpectedRequests: string[] = [];

beforeAll(() => {
	nock.disableNetConnect();
	nock.emitter.on(
		'no match',
		(req: { method?: string; path?: string; href?: string; options?: { href?: string } }) => {
			const href = req.href ?? req.options?.href ?? req.path ?? '';
			// The fault suite's real servers (loopback.ts) are let through on purpose; they count their own requests.
			if (/^https?:\/\/(127\.0\.0\.[12]|[^/]+\.invalid)(:\d+)?\//.test(href)) return;
			unexpectedRequests.push(`${req.method ?? ''} ${href}`);
		},
	);
});

afterEach(() => {
	const pending = nock.pendingMocks();
	const unexpected = unexpectedRequests.splice(0);
	nock.cleanAll();
	expect({ unexpected, pending }).toEqual({ unexpected: [], pending: [] });
});

afterAll(() => {
	nock.restore();
});
