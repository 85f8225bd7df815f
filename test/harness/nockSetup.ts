import nock from 'nock';

/** Requests that reached no interceptor: a test fails if any request was unexpected. */
export const unexpectedRequests: string[] = [];

beforeAll(() => {
	nock.disableNetConnect();
	nock.emitter.on('no match', (req: { method?: string; path?: string; href?: string; options?: { href?: string } }) => {
		unexpectedRequests.push(`${req.method ?? ''} ${req.href ?? req.options?.href ?? req.path ?? ''}`);
	});
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
