import { NodeHelpers, Workflow } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';

import { WolkvoxCrmApi } from '../../credentials/WolkvoxCrmApi.credentials';
import { runNode } from '../harness/runNode';
import { OPERATION, TOKEN, credentials, wolkvoxServer } from './wolkvox';

const PATH = '/server/API/v2/token/tokenInformation.php';

/** The page's documented answer (code and error as text). */
const documented = {
	code: '200',
	error: 'null',
	msg: '1 records were are found',
	data: {
		description: 'token',
		token_limit: 4800,
		token_use_today: 0,
		available_consumition_options: 4800,
		hours_to_restart_count: 15,
	},
};

test('Token > Get Usage: GET with ?operation= from the credential and the Wolkvox-Token header; outputs data', async () => {
	const vendor = wolkvoxServer().on('GET', PATH, [200, documented]);
	const result = await runNode({
		node: 'wolkvoxCrm',
		parameters: { resource: 'token', operation: 'getUsage' },
		credentials,
	});
	expect(result.error).toBeUndefined();
	expect(vendor.requests).toEqual([
		{
			method: 'GET',
			path: `${PATH}?operation=${OPERATION}`,
			headers: { 'wolkvox-token': TOKEN },
			body: undefined,
		},
	]);
	expect(result.items).toEqual([{ json: documented.data, pairedItem: { item: 0 } }]);
});

describe('the wolkvoxCrmApi credential', () => {
	const credential = new WolkvoxCrmApi();
	const workflow = new Workflow({
		nodes: [],
		connections: {},
		active: false,
		nodeTypes: {
			getByName: () => undefined,
			getByNameAndVersion: () => undefined,
			getKnownTypes: () => ({}),
		} as never,
	});
	const node = {
		id: 'x',
		name: 'x',
		type: 'x',
		typeVersion: 1,
		position: [0, 0] as [number, number],
		parameters: {},
	};
	const resolve = (expression: unknown, values: Record<string, unknown>) =>
		workflow.expression.getSimpleParameterValue(node, expression as string, 'internal', {
			$credentials: values,
		});

	test('lists the three documented servers and Custom; the token is a password', () => {
		const server = credential.properties.find((p) => p.name === 'server')!;
		expect(server.options!.map((o) => (o as { value: string }).value)).toEqual([
			'crm0001.wolkvox.com',
			'crm0000.wolkvox.com',
			'crm.wolkvox.com',
			'custom',
		]);
		expect(credential.properties.find((p) => p.name === 'token')?.typeOptions?.password).toBe(true);
	});

	test("authenticate adds the Wolkvox-Token header, keeping the request's own headers", async () => {
		const authenticate = credential.authenticate as (c: object, o: object) => Promise<object>;
		const options = await authenticate(
			{ token: TOKEN },
			{ url: '/x', headers: { 'Content-Type': 'application/json' } },
		);
		expect(options).toEqual({
			url: '/x',
			headers: { 'Content-Type': 'application/json', 'Wolkvox-Token': TOKEN },
		});
	});

	test('its test calls token information on the chosen server, and says it uses the daily quota', () => {
		const { request, rules } = credential.test;
		expect(request.url).toBe(PATH);
		expect(request.method).toBe('GET');
		const values = (server: string, customHost = '') => ({
			server,
			customHost,
			operation: ' modulodeprueba ',
			token: TOKEN,
		});
		expect(resolve(request.baseURL, values('crm0000.wolkvox.com'))).toBe(
			'https://crm0000.wolkvox.com',
		);
		expect(resolve(request.baseURL, values('custom', ' crm01.wolkvox.com/ '))).toBe(
			'https://crm01.wolkvox.com',
		);
		expect(resolve(request.baseURL, values('custom', 'http://127.0.0.1:5999/sandbox/'))).toBe(
			'http://127.0.0.1:5999/sandbox',
		);
		expect(
			resolve(request.baseURL, values('custom', 'https://crm01.wolkvox.com/server/API/v2/')),
		).toBe('https://crm01.wolkvox.com');
		expect(resolve(request.qs!.operation, values('crm.wolkvox.com'))).toBe('modulodeprueba');
		expect(rules).toContainEqual(
			expect.objectContaining({
				type: 'responseSuccessBody',
				properties: expect.objectContaining({ key: 'code', value: 403 }),
			}),
		);
		const notices = credential.properties
			.filter((p) => p.type === 'notice')
			.map((p) => p.displayName);
		expect(notices).toContainEqual(
			expect.stringMatching(/consumes one use of the token's daily quota/),
		);
	});

	test('a retired crmvox.com host shows a notice naming the new servers', () => {
		const notice = credential.properties.find(
			(p) => p.name === 'retiredServerNotice',
		) as INodeProperties;
		const shown = (customHost: string) =>
			NodeHelpers.displayParameter({ server: 'custom', customHost }, notice, null, null);
		expect(shown('sv0001.crmvox.com')).toBe(true);
		expect(shown('crm01.wolkvox.com')).toBe(false);
		expect(notice.displayName).toMatch(/crm0001\.wolkvox\.com.*crm0000\.wolkvox\.com/);
	});
});
