/**
 * Version 2 of the SML node: Lead IDs are resource locators (From List through SML's lead list
 * and its `search`, By ID), Lead > Get and Get Many simplify their answer by default; version 1
 * workflows keep their plain parameters and raw answers.
 */
import fs from 'node:fs';
import path from 'node:path';

import { Sml } from '../../nodes/Sml/Sml.node';
import { SIMPLE_LEAD_DERIVED, SIMPLE_LEAD_PATHS } from '../../nodes/Sml/simplify';
import { listSearch, newCredentialsHelper, runNode } from '../harness/runNode';
import lead984 from './fixtures/lead-984.json';
import { auth, credentials, jsonAuth, loginRequest, page, smlServer } from './sml';

const run = (typeVersion: number, parameters: Record<string, unknown>) =>
	runNode({
		node: 'sml',
		typeVersion,
		parameters: { resource: 'lead', ...parameters } as never,
		credentials,
	});

const byId = (value: string | number) => ({ __rl: true as const, mode: 'id', value });
const fromList = (value: string | number) => ({ __rl: true as const, mode: 'list', value });

const lead = (id: number, client: string | null, status = 'new') => ({
	...lead984,
	id,
	status,
	client: client ? { id: id + 1000, name: client, phone: '666777888', email: null } : null,
});

/** Lead 984 of the kit, simplified. */
const simple984 = {
	id: 984,
	status: 'new',
	score: null,
	created: '2019-05-09T11:21:49.758867+02:00',
	finish_date: null,
	pending_tasks: true,
	concessionaire_id: 1,
	concessionaire_name: 'Concesionario de Prueba',
	user_id: 2,
	user_username: 'adam.mora@intelligenia.com',
	user_email: 'adam.mora@intelligenia.com',
	source_id: 1,
	source_channel: 'Teléfono',
	source_origin: 'coches.net',
	client_id: null,
	client_name: null,
	client_phone: null,
	client_email: null,
	vehicle_id: 1036,
	vehicle_brand_model: 'Marca y modelo de ejemplo',
	vehicle_price: null,
	vehicle_km: null,
	vehicle_year: null,
	request_id: 1032,
	user_name: 'Adam Mora Tortajada',
	task_ids: [],
	tags: [],
};

describe('SML Lead ID: From List (listSearch over the lead list)', () => {
	test('pages through SML leads with the search filter; the token asks for the next page', async () => {
		// One stored session token, as in n8n: the second page needs no new login.
		const credentialsHelper = newCredentialsHelper(credentials);
		const sml = smlServer()
			.on('GET', '/api/lead/?page=1&page_size=50&search=Cliente', [
				200,
				page(
					[lead(984, 'Cliente de Ejemplo'), lead(985, null, 'tracing')],
					'https://sml/?page=2',
					3,
				),
			])
			.on('GET', '/api/lead/?page=2&page_size=50&search=Cliente', [
				200,
				page([lead(986, 'Otra Cliente')], null, 3),
			]);
		const first = await listSearch({
			node: 'sml',
			typeVersion: 2,
			parameters: {},
			credentialsHelper,
			method: 'searchLeads',
			filter: ' Cliente ',
		});
		expect(first).toEqual({
			results: [
				{ name: '#984 · Cliente de Ejemplo · Marca y modelo de ejemplo (new)', value: '984' },
				{ name: '#985 · Marca y modelo de ejemplo (tracing)', value: '985' },
			],
			paginationToken: '2',
		});
		const second = await listSearch({
			node: 'sml',
			typeVersion: 2,
			parameters: {},
			credentialsHelper,
			method: 'searchLeads',
			filter: 'Cliente',
			paginationToken: first.paginationToken as string,
		});
		expect(second).toEqual({
			results: [{ name: '#986 · Otra Cliente · Marca y modelo de ejemplo (new)', value: '986' }],
			paginationToken: undefined,
		});
		expect(sml.requests.map((request) => request.path)).toEqual([
			'/api/auth/login/',
			'/api/lead/?page=1&page_size=50&search=Cliente',
			'/api/lead/?page=2&page_size=50&search=Cliente',
		]);
		expect(sml.requests[1].headers).toEqual(auth());
	});

	test('without a filter the list asks for no search', async () => {
		const sml = smlServer().on('GET', '/api/lead/?page=1&page_size=50', [200, page([])]);
		const result = await listSearch({
			node: 'sml',
			typeVersion: 2,
			parameters: {},
			credentials,
			method: 'searchLeads',
		});
		expect(result).toEqual({ results: [], paginationToken: undefined });
		expect(sml.requests).toHaveLength(2);
	});

	test.each([
		[{ detail: 'Servicio en mantenimiento' }, 'it was an object without an id, with fields detail'],
		[
			page([{ client: null, status: 'new' }]),
			'one entry was an object without an id, with fields client, status',
		],
		[null, 'it was null'],
	])(
		'an answer that is no list of leads is an error naming it, not an entry "#undefined"',
		async (answer, what) => {
			smlServer().on('GET', '/api/lead/?page=1&page_size=50', [200, answer]);
			const search = listSearch({
				node: 'sml',
				typeVersion: 2,
				parameters: {},
				credentials,
				method: 'searchLeads',
			});
			await expect(search).rejects.toThrow(
				`SML: GET /api/lead/: the answer was not a list of leads (${what})`,
			);
		},
	);

	test('a lead chosen from the list is read by its ID', async () => {
		const sml = smlServer().on('GET', '/api/lead/984/', [200, lead984]);
		const result = await run(2, { operation: 'get', leadId: fromList('984'), simplify: false });
		expect(result.error).toBeUndefined();
		expect(sml.requests).toEqual([
			loginRequest,
			{ method: 'GET', path: '/api/lead/984/', headers: auth() },
		]);
		expect(result.json).toEqual([lead984]);
	});
});

describe('SML Lead ID: By ID', () => {
	test('a positive whole number (also from an expression) is sent in the path', async () => {
		const sml = smlServer().on('PATCH', '/api/lead/984/', [200, lead984]);
		const result = await run(2, {
			operation: 'finalize',
			leadId: byId('={{ 900 + 84 }}'),
		});
		expect(result.error).toBeUndefined();
		expect(sml.requests[1]).toEqual({
			method: 'PATCH',
			path: '/api/lead/984/',
			headers: jsonAuth(),
			body: { status: 'end' },
		});
	});

	test.each(['abc', '-3', '1.5', ''])(
		"%j typed in the editor is refused by n8n itself (the mode's pattern)",
		async (value) => {
			await expect(run(2, { operation: 'finalize', leadId: byId(value) })).rejects.toThrow(
				/The 'Node' node has issues:[\s\S]*Not a valid lead ID/,
			);
		},
	);

	test.each([
		['abc', 'must be a whole number'],
		['-3', 'must be a positive ID'],
		['', 'is required'],
	])('%j from an expression is refused before anything is sent', async (value, problem) => {
		const result = await run(2, {
			operation: 'finalize',
			leadId: byId(`={{ ${JSON.stringify(value)} }}`),
		});
		expect(result.error?.message).toBe(`Invalid input in item 0: "Lead ID" (leadId) ${problem}`);
	});

	test('SML documents no web-app URL for a lead: a By URL value is refused', async () => {
		const result = await run(2, {
			operation: 'get',
			leadId: { __rl: true as const, mode: 'url', value: 'https://sml.example.com/lead/984' },
		});
		expect(result.error?.message).toBe(
			'Invalid input in item 0: "Lead ID" (leadId) cannot be given by URL: choose From List or By ID',
		);
	});

	test("Task > Create takes its lead from a locator and sends the lead's ID", async () => {
		const sml = smlServer().on('POST', '/api/lead_task_create/', [201, { id: 7, lead: 984 }]);
		const result = await runNode({
			node: 'sml',
			typeVersion: 2,
			credentials,
			parameters: { resource: 'task', operation: 'create', lead: byId('984'), type: 'other' },
		});
		expect(result.error).toBeUndefined();
		expect(sml.requests[1].body).toEqual({ lead: 984, type: 'other' });
	});
});

test('Task > Update: its optional Lead ID locator may stay empty (then it is not needed)', async () => {
	const sml = smlServer().on('PATCH', '/api/task/7/', [200, { id: 7 }]);
	const result = await runNode({
		node: 'sml',
		typeVersion: 2,
		credentials,
		parameters: {
			resource: 'task',
			operation: 'update',
			taskId: '7',
			updateFields: { description: 'd' },
		},
	});
	expect(result.error).toBeUndefined();
	expect(sml.requests[1]).toMatchObject({
		method: 'PATCH',
		path: '/api/task/7/',
		body: { description: 'd' },
	});
});

describe('SML Simplify (version 2, on by default)', () => {
	test('Lead > Get: the flat lead the README documents', async () => {
		smlServer().on('GET', '/api/lead/984/', [200, lead984]);
		const result = await run(2, { operation: 'get', leadId: byId(984) });
		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([simple984]);
	});

	test('Lead > Get Many: every lead simplified; Simplify is not sent as a filter', async () => {
		const sml = smlServer().on('GET', '/api/lead/?page=1&page_size=50', [
			200,
			page([lead(984, 'Cliente de Ejemplo')]),
		]);
		const result = await run(2, { operation: 'getAll', limit: 50 });
		expect(result.error).toBeUndefined();
		expect(sml.requests[1].path).toBe('/api/lead/?page=1&page_size=50');
		expect(result.json).toEqual([
			{
				...simple984,
				client_id: 1984,
				client_name: 'Cliente de Ejemplo',
				client_phone: '666777888',
			},
		]);
	});

	test('Simplify off: the raw answer', async () => {
		smlServer().on('GET', '/api/lead/?page=1&page_size=50', [200, page([lead984])]);
		const result = await run(2, { operation: 'getAll', limit: 50, simplify: false });
		expect(result.json).toEqual([lead984]);
	});
});

describe('SML version 1: saved workflows keep working unchanged', () => {
	test('a plain Lead ID sends the same request as a version-2 locator, and the answer stays raw', async () => {
		const v1 = smlServer().on('GET', '/api/lead/984/', [200, lead984]);
		const old = await run(1, { operation: 'get', leadId: '984' });
		expect(old.error).toBeUndefined();
		expect(old.json).toEqual([lead984]);
		const v2 = smlServer().on('GET', '/api/lead/984/', [200, lead984]);
		const current = await run(2, { operation: 'get', leadId: byId('984') });
		expect(current.json).toEqual([simple984]);
		expect(v2.requests).toEqual(v1.requests);
	});

	test('version 1 has no Simplify: Get Many outputs the raw leads', async () => {
		smlServer().on('GET', '/api/lead/?page=1&page_size=50', [200, page([lead984])]);
		const result = await run(1, { operation: 'getAll', limit: 50 });
		expect(result.json).toEqual([lead984]);
	});

	test('a plain Lead ID in a version-1 Task > Update is still validated as an ID', async () => {
		const result = await runNode({
			node: 'sml',
			credentials,
			parameters: {
				resource: 'task',
				operation: 'update',
				taskId: '7',
				leadId: 'x',
				updateFields: { description: 'd' },
			},
		});
		expect(result.error?.message).toBe(
			'Invalid input in item 0: "Lead ID" (leadId) must be a whole number',
		);
	});
});

describe('SML node description: version 2 beside version 1', () => {
	const { description } = new Sml();
	const named = (name: string, operation: string) =>
		description.properties.filter(
			(property) =>
				property.name === name && property.displayOptions?.show?.operation?.includes(operation),
		);

	test('the node is version [1, 2], new nodes get 2', () => {
		expect(description.version).toEqual([1, 2]);
		expect(description.defaultVersion).toBe(2);
		expect(Object.keys(new Sml().methods.listSearch)).toEqual(['searchLeads']);
	});

	test.each(['get', 'update', 'assign', 'changeStatus', 'finalize', 'getHistory', 'clickToCall'])(
		'Lead > %s: a plain Lead ID before version 2, a locator from it on',
		(operation) => {
			const versions = named('leadId', operation).filter((property) =>
				property.displayOptions?.show?.resource?.includes('lead'),
			);
			expect(
				versions.map((property) => [property.type, property.displayOptions?.show?.['@version']]),
			).toEqual([
				['string', [{ _cnd: { lt: 2 } }]],
				['resourceLocator', [{ _cnd: { gte: 2 } }]],
			]);
		},
	);

	test('Simplify exists in version 2 only, for Lead > Get and Get Many', () => {
		const simplify = description.properties.filter((property) => property.name === 'simplify');
		expect(simplify.map((property) => property.displayOptions?.show)).toEqual([
			{ '@version': [{ _cnd: { gte: 2 } }], resource: ['lead'], operation: ['get'] },
			{ '@version': [{ _cnd: { gte: 2 } }], resource: ['lead'], operation: ['getAll'] },
		]);
	});

	test('the README lists every field of a simplified lead', () => {
		const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
		const section = readme.slice(readme.indexOf('## Node version 2'));
		for (const name of [...Object.keys(SIMPLE_LEAD_PATHS), ...Object.keys(SIMPLE_LEAD_DERIVED)])
			expect(section).toContain(`\`${name}\``);
	});
});
