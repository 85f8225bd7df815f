/** SugarCRM Casabaca Trigger, New Appraisal, through n8n-core's poll path with real static data across polls. */
import { PollHarness } from '../harness/runPoll';
import {
	appraisal,
	CASABACA_TOKEN,
	casabacaAuth,
	casabacaCredentials,
	casabacaLogin,
	casabacaServer,
} from './vendors';

const PATH = '/api/getAvaluos';
const asked = (token = CASABACA_TOKEN) => ({
	method: 'GET',
	path: PATH,
	headers: casabacaAuth(token),
	body: undefined,
});
const appraisals = (...ids: number[]) => [200, { data: ids.map(appraisal) }] as [number, unknown];
const newAppraisalTrigger = (credentials = casabacaCredentials) =>
	new PollHarness({
		node: 'sugarCrmCasabacaTrigger',
		parameters: { event: 'newAppraisal' },
		credentials,
	});

describe('SugarCRM Casabaca Trigger: New Appraisal', () => {
	test('first poll silent; an id above the highest seen is new, emitted once, oldest first', async () => {
		const casabaca = casabacaServer().on('GET', PATH, appraisals(1, 2));
		const trigger = newAppraisalTrigger();
		expect(await trigger.poll({ activation: true })).toEqual({ emitted: null });
		casabaca.on('GET', PATH, appraisals(4, 1, 3, 2));
		expect(await trigger.poll()).toEqual({ emitted: [appraisal(3), appraisal(4)] });
		casabaca.on('GET', PATH, appraisals(1, 2, 3, 4));
		expect(await trigger.poll()).toEqual({ emitted: null });
		expect(casabaca.requests).toEqual([casabacaLogin, asked(), asked(), asked()]);
		expect(trigger.nodeStaticData.position).toEqual({
			version: 1,
			configuration: 'newAppraisal',
			position: { lastId: 4 },
		});
	});

	test('a failing poll keeps the position; a token Casabaca rejects is renewed once', async () => {
		const casabaca = casabacaServer().on('GET', PATH, appraisals(1));
		const trigger = newAppraisalTrigger();
		await trigger.poll({ activation: true });
		casabaca.on('GET', PATH, [500, { message: 'SQLSTATE[HY000] server has gone away' }]);
		const failed = await trigger.poll();
		expect(failed.error?.message).toBe(
			'SugarCRM Casabaca: the server failed (HTTP 500): SQLSTATE[HY000] server has gone away',
		);
		expect(trigger.nodeStaticData.position).toMatchObject({ position: { lastId: 1 } });

		const renewed = '8|ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210abcd';
		casabaca
			.on('GET', PATH, [500, { message: 'Unauthenticated.', status_code: 500 }])
			.on('POST', '/api/login', [200, { status_code: '200', token: renewed }])
			.on('GET', PATH, appraisals(1, 2));
		expect(await trigger.poll()).toEqual({ emitted: [appraisal(2)] });
		expect(casabaca.requests.slice(3)).toEqual([asked(), casabacaLogin, asked(renewed)]);
	});

	test('a refused login fails that poll only: once the password is fixed the next poll logs in', async () => {
		const wrong = {
			sugarCrmCasabacaApi: {
				...casabacaCredentials.sugarCrmCasabacaApi,
				password: 'wrong-password',
			},
		};
		const casabaca = casabacaServer().on('GET', PATH, appraisals(1));
		const trigger = newAppraisalTrigger(wrong);
		casabaca.requests.length = 0;
		// The fake's first answer is a good login: take it with the right password, then refuse the wrong one.
		trigger.credentialsHelper.set('sugarCrmCasabacaApi', casabacaCredentials.sugarCrmCasabacaApi);
		await trigger.poll({ activation: true });
		trigger.credentialsHelper.set('sugarCrmCasabacaApi', wrong.sugarCrmCasabacaApi);
		casabaca.on('POST', '/api/login', [500, { message: 'Password incorrecto' }]);
		const refused = await trigger.poll();
		expect(refused.error?.message).toBe('SugarCRM Casabaca login failed: Password incorrecto');

		trigger.credentialsHelper.set('sugarCrmCasabacaApi', casabacaCredentials.sugarCrmCasabacaApi);
		casabaca
			.on('POST', '/api/login', [200, { status_code: '200', token: CASABACA_TOKEN }])
			.on('GET', PATH, appraisals(1, 2));
		expect(await trigger.poll()).toEqual({ emitted: [appraisal(2)] });
		expect(casabaca.requests.map((request) => request.path)).toEqual([
			'/api/login',
			PATH,
			'/api/login',
			'/api/login',
			PATH,
		]);
	});

	test('Fetch Test Event returns the newest appraisal and moves nothing', async () => {
		casabacaServer().on('GET', PATH, appraisals(5, 9, 7));
		const trigger = newAppraisalTrigger();
		expect(await trigger.fetchTestEvent()).toEqual({ emitted: [appraisal(9)], error: undefined });
		expect(trigger.nodeStaticData).toEqual({});
	});

	test('memory stays bounded: one number after 10,000 appraisals', async () => {
		const ids = (from: number, to: number) =>
			Array.from({ length: to - from + 1 }, (_, i) => from + i);
		const casabaca = casabacaServer().on('GET', PATH, appraisals(...ids(1, 100)));
		const trigger = newAppraisalTrigger();
		await trigger.poll({ activation: true });
		casabaca.on('GET', PATH, appraisals(...ids(1, 10_100)));
		expect((await trigger.poll()).emitted).toHaveLength(10_000);
		expect(trigger.nodeStaticData).toEqual({
			position: { version: 1, configuration: 'newAppraisal', position: { lastId: 10_100 } },
		});
	});

	test('an answer that is not a list, or an id that is not a number, fails the poll and says why', async () => {
		casabacaServer()
			.on('GET', PATH, [200, { data: { id: 1 } }])
			.on('GET', PATH, [200, { data: [{ id: 'a-b' }] }]);
		const trigger = newAppraisalTrigger();
		expect((await trigger.poll()).error?.message).toBe(
			'SugarCRM Casabaca: GET /api/getAvaluos did not answer a list of appraisals',
		);
		expect((await trigger.poll()).error?.message).toBe(
			'A appraisal came without a whole-number id ("a-b")',
		);
	});
});
