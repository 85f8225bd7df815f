// The local vendor sandbox (sandbox/, `npm run sandbox`), real HTTP on 127.0.0.1: its own paths (/__sandbox/...)
// and the fault hooks; each vendor's API in sml.test.ts, casabaca.test.ts and wolkvox.test.ts.
import { demo } from '../../sandbox';
import { call, forgetSandboxRequests, sb, useSandbox } from './sandbox';

useSandbox();

describe('vendor sandbox', () => {
	afterEach(forgetSandboxRequests);

	describe('sandbox basics', () => {
		it('listens on 127.0.0.1 and gives the credential values for n8n', () => {
			expect(sb.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
			expect(sb.credentials.smlApi).toEqual({
				baseUrl: `${sb.url}/sml`,
				username: demo.sml.username,
				password: demo.sml.password,
				authScheme: 'Token',
			});
			expect(sb.credentials.wolkvoxCrmApi).toEqual({
				server: 'custom',
				customHost: `${sb.url}/wolkvox`,
				operation: demo.wolkvox.operation,
				token: demo.wolkvox.token,
				externalToken: demo.wolkvox.externalToken,
			});
			expect(sb.credentials.sugarCrmCasabacaApi.baseUrl).toBe(`${sb.url}/casabaca`);
		});

		it('records requests, and forgets them and the stored data on reset', async () => {
			await call('POST', '/sml/api/auth/login/', {
				username: demo.sml.username,
				password: demo.sml.password,
			});
			const log = await call('GET', '/__sandbox/requests');
			expect(log.body).toEqual([
				expect.objectContaining({
					vendor: 'sml',
					method: 'POST',
					path: '/api/auth/login/',
					bodyKind: 'json',
					status: 200,
				}),
			]);
			expect((await call('POST', '/__sandbox/reset')).status).toBe(200);
			expect((await call('GET', '/__sandbox/requests')).body).toEqual([]);
		});
	});

	describe('fault hooks', () => {
		it('/__sandbox/redirect/<host:port>/... answers 302 to that host, with the rest of the path and the query', async () => {
			const r = await fetch(
				`${sb.url}/__sandbox/redirect/127.0.0.2:4567/wolkvox/server/API/v2/custom/query.php?operation=x`,
				{ method: 'POST', redirect: 'manual' },
			);
			expect(r.status).toBe(302);
			expect(r.headers.get('location')).toBe(
				'http://127.0.0.2:4567/wolkvox/server/API/v2/custom/query.php?operation=x',
			);
			const log = await call('GET', '/__sandbox/requests');
			expect(log.body).toEqual([
				expect.objectContaining({
					vendor: 'fault',
					method: 'POST',
					path: '/__sandbox/redirect/127.0.0.2:4567/wolkvox/server/API/v2/custom/query.php',
					status: 302,
				}),
			]);
		});

		it('/__sandbox/html/... answers 200 with an HTML page, whatever the method', async () => {
			for (const method of ['GET', 'POST']) {
				const r = await call(method, '/__sandbox/html/sml/api/lead/1/');
				expect(r.status).toBe(200);
				expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
				expect(r.body).toMatch(/^<!DOCTYPE html>/);
			}
		});
	});
});
