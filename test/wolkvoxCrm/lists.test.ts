/**
 * Return All / Limit on every wolkvox list. wolkvox documents no paging: each list is one request,
 * its `data` cut to Limit; where wolkvox documents a `limit` (queryDates, listHistoryNote) Limit is
 * sent too. Version 1 (saved workflows, which carry neither parameter) returns everything by default;
 * later versions have n8n's defaults (Return All off, Limit 50).
 */
import type { INodeProperties } from 'n8n-workflow';

import { WolkvoxCrm } from '../../nodes/WolkvoxCrm/WolkvoxCrm.node';
import { runNode } from '../harness/runNode';
import { OPERATION, TOKEN, answer, credentials, jsonHeaders, wolkvoxServer } from './wolkvox';

const EXTERNAL = 'X9-external-company-token';
const withExternal = { wolkvoxCrmApi: { ...credentials.wolkvoxCrmApi, externalToken: EXTERNAL } };

const records = (count: number) =>
	Array.from({ length: count }, (_, i) => ({ wolkvox_id: `64cb${i + 1}`, idCase: String(i + 1) }));

interface ListCase {
	label: string;
	path: string;
	parameters: Record<string, unknown>;
	/** What the operation always sends (besides `operation`). */
	body: Record<string, unknown>;
	/** How Limit is sent as wolkvox's documented `limit`, when it documents one. */
	limit?: (limit: number) => string | number;
	external?: boolean;
}

const lists: ListCase[] = [
	{
		label: 'Record > Search by Field (custom/query.php)',
		path: '/server/API/v2/custom/query.php',
		parameters: {
			resource: 'record',
			operation: 'search',
			module: 'Ventas',
			field: 'Categoria',
			value: 'Arepas',
		},
		body: { module: 'Ventas', field: 'Categoria', value: 'Arepas' },
	},
	{
		label: 'Record > Search by Date Range (custom/queryDates.php)',
		path: '/server/API/v2/custom/queryDates.php',
		parameters: {
			resource: 'record',
			operation: 'searchByDate',
			module: 'contacts',
			from: '2023-09-01 00:00',
			to: '2023-09-30 00:00',
		},
		body: { module: 'contacts', date: true, from: '2023-09-01 00:00', to: '2023-09-30 00:00' },
		limit: (limit) => String(limit),
	},
	{
		label: 'Case > Search (cases/queryCases.php)',
		path: '/server/API/v2/cases/queryCases.php',
		parameters: { resource: 'case', operation: 'search', field: 'status', value: 'abierto' },
		body: { field: 'status', value: 'abierto' },
	},
	{
		label: 'Case > Get Notes History (cases/listHistoryNote.php)',
		path: '/server/API/v2/cases/listHistoryNote.php',
		parameters: {
			resource: 'case',
			operation: 'getNotesHistory',
			field: 'type case',
			value: 'Request',
		},
		body: { field: 'type case', value: 'Request' },
		limit: (limit) => limit,
		external: true,
	},
	{
		label: 'Collection > Search Managements (collections/queryGestion.php)',
		path: '/server/API/v2/collections/queryGestion.php',
		parameters: {
			resource: 'collection',
			operation: 'searchManagements',
			field: 'customer_id',
			value: '123',
		},
		body: { field: 'customer_id', value: '123' },
	},
];

describe.each(lists)('$label: Return All / Limit', (list) => {
	const run = async (
		extra: Record<string, unknown>,
		found: unknown[],
		typeVersion?: number,
	): Promise<{ sent: unknown[]; json: unknown[]; error?: Error }> => {
		const vendor = wolkvoxServer().on('POST', list.path, [
			200,
			answer(found, `${found.length} records were are found`),
		]);
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters: { ...list.parameters, ...extra } as never,
			credentials: list.external ? withExternal : credentials,
			typeVersion,
		});
		return { sent: vendor.requests, json: result.json, error: result.error };
	};
	const request = (limit?: number) => ({
		method: 'POST',
		path: list.path,
		headers: list.external ? { ...jsonHeaders, 'wolkvox-token': EXTERNAL } : jsonHeaders,
		body: {
			operation: OPERATION,
			...list.body,
			...(limit !== undefined && list.limit ? { limit: list.limit(limit) } : {}),
		},
	});

	test('a workflow saved without the pair (version 1) still gets every record, in one request', async () => {
		const found = records(70);
		const { sent, json, error } = await run({}, found);
		expect(error).toBeUndefined();
		expect(sent).toEqual([request()]);
		expect(json).toEqual(found);
	});

	test('Limit: one request, the first Limit records of its data', async () => {
		const found = records(5);
		const { sent, json } = await run({ returnAll: false, limit: 2 }, found);
		expect(sent).toEqual([request(2)]);
		expect(json).toEqual(found.slice(0, 2));
	});

	test('Return All: one request, every record', async () => {
		const found = records(5);
		const { sent, json } = await run({ returnAll: true, limit: 2 }, found, 2);
		expect(sent).toEqual([request()]);
		expect(json).toEqual(found);
	});

	test("a new node (version 2) has n8n's defaults: Return All off, Limit 50", async () => {
		const found = records(70);
		const { sent, json } = await run({}, found, 2);
		expect(sent).toEqual([request(50)]);
		expect(json).toHaveLength(50);
		expect(json).toEqual(found.slice(0, 50));
	});

	test('a Limit below 1 is refused before anything is sent', async () => {
		const vendor = wolkvoxServer();
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters: { ...list.parameters, returnAll: false, limit: '={{ 0 }}' } as never,
			credentials: list.external ? withExternal : credentials,
		});
		expect(result.error?.message).toBe(
			'Invalid input in item 0: "Limit" (limit) must be at least 1',
		);
		expect(vendor.requests).toEqual([]);
	});
});

describe('wolkvox lists: answers and saved options', () => {
	test('an answer without a list (no data) is output as it came, whatever the Limit', async () => {
		const empty = { code: 200, error: 'null', msg: '0 records were are found' };
		wolkvoxServer().on('POST', '/server/API/v2/cases/queryCases.php', [200, empty]);
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters: {
				resource: 'case',
				operation: 'search',
				field: 'status',
				value: 'abierto',
				returnAll: false,
				limit: 1,
			},
			credentials,
		});
		expect(result.json).toEqual([empty]);
	});

	test('a version 1 workflow saved with Options > Record Limit keeps it as Limit', async () => {
		const found = records(5);
		const vendor = wolkvoxServer().on('POST', '/server/API/v2/custom/queryDates.php', [
			200,
			answer(found),
		]);
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters: {
				resource: 'record',
				operation: 'searchByDate',
				module: 'contacts',
				from: '2023-09-01 00:00',
				to: '2023-09-30 00:00',
				options: { recordLimit: 3 },
			},
			credentials,
		});
		expect((vendor.requests[0].body as { limit: string }).limit).toBe('3');
		// The server's own limit is trusted no more than any other answer.
		expect(result.json).toEqual(found.slice(0, 3));
		expect(JSON.stringify(result.json)).not.toContain(TOKEN);
	});

	test('a version 1 workflow saved with Options > Note Limit keeps it as Limit', async () => {
		const found = records(5);
		const vendor = wolkvoxServer().on('POST', '/server/API/v2/cases/listHistoryNote.php', [
			200,
			answer(found),
		]);
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters: {
				resource: 'case',
				operation: 'getNotesHistory',
				field: 'type case',
				value: 'Request',
				options: { noteLimit: 4 },
			},
			credentials: withExternal,
		});
		expect((vendor.requests[0].body as { limit: number }).limit).toBe(4);
		expect(result.json).toEqual(found.slice(0, 4));
	});
});

describe('wolkvox lists: the editor', () => {
	const properties = new WolkvoxCrm().description.properties;
	const of = (operation: string, name: string, resource?: string) =>
		properties.filter(
			(p) =>
				p.name === name &&
				p.displayOptions?.show?.operation?.includes(operation) &&
				(!resource || p.displayOptions?.show?.resource?.includes(resource)),
		);
	const versions = (property: INodeProperties) => property.displayOptions?.show?.['@version'];

	test.each([
		['record', 'search'],
		['record', 'searchByDate'],
		['case', 'search'],
		['case', 'getNotesHistory'],
		['collection', 'searchManagements'],
	])(
		'%s > %s: Return All is on in version 1, off from version 2; Limit 50 shows when it is off',
		(resource, operation) => {
			const returnAll = of(operation, 'returnAll', resource);
			expect(returnAll.map((p) => [p.default, versions(p)])).toEqual([
				[true, [{ _cnd: { lt: 2 } }]],
				[false, [{ _cnd: { gte: 2 } }]],
			]);
			const [limit] = of(operation, 'limit', resource);
			expect(limit.default).toBe(50);
			expect(limit.displayOptions?.show?.returnAll).toEqual([false]);
		},
	);

	test('the old limit options are shown in version 1 only', () => {
		const optionNamed = (operation: string, name: string) =>
			(of(operation, 'options')[0].options as INodeProperties[]).find((o) => o.name === name);
		expect(versions(optionNamed('searchByDate', 'recordLimit')!)).toEqual([{ _cnd: { lt: 2 } }]);
		expect(versions(optionNamed('getNotesHistory', 'noteLimit')!)).toEqual([{ _cnd: { lt: 2 } }]);
	});

	test('Get Obligation stays a Get: no Return All / Limit', () => {
		expect(of('getObligation', 'returnAll')).toEqual([]);
	});
});
