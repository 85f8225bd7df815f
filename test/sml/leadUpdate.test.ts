import { runNode } from '../harness/runNode';
import lead984 from './fixtures/lead-984.json';
import task from './fixtures/task.json';
import { auth, credentials, jsonAuth, smlServer } from './sml';

const run = (parameters: Record<string, unknown>) =>
	runNode({
		node: 'sml',
		parameters: { resource: 'lead', operation: 'update', leadId: '986', ...parameters } as never,
		credentials,
	});

/** Lead 986 as SML returns it: client 55, vehicle 1038, request 1032 with task 1, note 3, tag 4. */
const current = {
	...lead984,
	id: 986,
	client: {
		id: 55,
		name: 'Cliente de Ejemplo',
		phone: '666777888',
		email: 'user@example.com',
		province: 638,
		location: 58323,
	},
	vehicle: { ...lead984.vehicle, id: 1038, brand_model: 'Vehículo de prueba' },
	request: {
		id: 1032,
		task: [
			{
				...task,
				id: 1,
				type: 'date',
				note: [{ id: 9, content: 'task note', modified: '2019-05-09T07:28:28.530Z', history: [] }],
				appraisal: null,
			},
		],
	},
	note: [{ id: 3, content: 'Nota de prueba', modified: '2019-05-09T07:28:28.530Z', history: [] }],
	tags: [
		{ id: 4, content: 'Etiqueta de ejemplo', modified: '2019-05-09T07:28:28.530Z', history: [] },
	],
};

const readThenPatch = () =>
	smlServer()
		.on('GET', '/api/lead/986/', [200, current])
		.on('PATCH', '/api/lead/986/', [200, current]);

describe('SML Lead: update keeps the nested ids (Keep IDs, the default)', () => {
	test("changing the client's phone sends the client's id, so SML updates that client instead of replacing it", async () => {
		const sml = readThenPatch();
		const result = await run({ client: { phone: '600111222' } });
		expect(result.error).toBeUndefined();
		expect(sml.requests.slice(1)).toEqual([
			{ method: 'GET', path: '/api/lead/986/', headers: auth(), body: undefined },
			{
				method: 'PATCH',
				path: '/api/lead/986/',
				headers: jsonAuth(),
				body: { client: { id: 55, phone: '600111222' } },
			},
		]);
		expect(result.json[0].id).toBe(986);
	});

	test("the kit's update example: score and the vehicle with its current id", async () => {
		const sml = readThenPatch();
		const result = await run({
			updateFields: { score: '4' },
			vehicle: { brand_model: 'Datos adicionales sobre el modelo' },
		});
		expect(result.error).toBeUndefined();
		expect(sml.requests[2].body).toEqual({
			score: '4',
			vehicle: { id: 1038, brand_model: 'Datos adicionales sobre el modelo' },
		});
	});

	test('a new note is added and the existing one is sent back with its id; a tag is changed by id', async () => {
		const sml = readThenPatch();
		const result = await run({
			note: { entries: [{ content: 'Client called back', id: '' }] },
			tags: { entries: [{ content: 'Hot lead', id: '4' }] },
		});
		expect(result.error).toBeUndefined();
		expect(sml.requests[2].body).toEqual({
			note: [{ id: 3, content: 'Nota de prueba' }, { content: 'Client called back' }],
			tags: [{ id: 4, content: 'Hot lead' }],
		});
	});

	test('a new task keeps the request id and the existing task with its fields and note ids', async () => {
		const sml = readThenPatch();
		const result = await run({
			tasks: { task: [{ id: '', fields: { type: 'budget', description: 'Send a quote' } }] },
		});
		expect(result.error).toBeUndefined();
		expect(sml.requests[2].body).toEqual({
			request: {
				id: 1032,
				task: [
					{
						id: 1,
						type: 'date',
						subtype: 'string',
						description: 'string',
						media: 'Whatsapp',
						planified_realization_date: '2019-05-09T07:28:28.529Z',
						planified_tracking_date: '2019-05-09T07:28:28.530Z',
						realization_date_check: true,
						tracking_date_check: true,
						note: [{ id: 9, content: 'task note' }],
					},
					{ type: 'budget', description: 'Send a quote' },
				],
			},
		});
	});

	test('an existing task changed by id keeps its other fields and gets the new ones', async () => {
		const sml = readThenPatch();
		const result = await run({
			tasks: { task: [{ id: '1', fields: { tracking_date_check: false } }] },
		});
		expect(result.error).toBeUndefined();
		const sent = (
			sml.requests[2].body as { request: { id: number; task: Array<Record<string, unknown>> } }
		).request;
		expect(sent.id).toBe(1032);
		expect(sent.task).toHaveLength(1);
		expect(sent.task[0]).toMatchObject({
			id: 1,
			type: 'date',
			tracking_date_check: false,
			realization_date_check: true,
			note: [{ id: 9, content: 'task note' }],
		});
	});

	test('plain fields only: no read, one PATCH', async () => {
		const sml = smlServer().on('PATCH', '/api/lead/986/', [200, current]);
		const result = await run({ updateFields: { status: 'tracing', user: 2, source: 1 } });
		expect(result.error).toBeUndefined();
		expect(sml.requests.slice(1)).toEqual([
			{
				method: 'PATCH',
				path: '/api/lead/986/',
				headers: jsonAuth(),
				body: { status: 'tracing', user: 2, source: 1 },
			},
		]);
	});
});

describe('SML Lead: update with Replace', () => {
	test('sends exactly what was given, without ids and without reading first', async () => {
		const sml = smlServer().on('PATCH', '/api/lead/986/', [200, current]);
		const result = await run({
			nestedMode: 'replace',
			client: { name: 'Nuevo Cliente', phone: '600111222' },
		});
		expect(result.error).toBeUndefined();
		expect(sml.requests.slice(1)).toEqual([
			{
				method: 'PATCH',
				path: '/api/lead/986/',
				headers: jsonAuth(),
				body: { client: { name: 'Nuevo Cliente', phone: '600111222' } },
			},
		]);
	});
});

test('an update with nothing to change is refused before anything is sent', async () => {
	const result = await run({});
	expect(result.error?.message).toBe('Invalid input in item 0: Add at least one field to update');
});
