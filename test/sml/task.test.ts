import { runNode } from '../harness/runNode';
import lead984 from './fixtures/lead-984.json';
import task from './fixtures/task.json';
import { auth, credentials, jsonAuth, loginRequest, smlServer } from './sml';

const run = (parameters: Record<string, unknown>) =>
	runNode({ node: 'sml', parameters: { resource: 'task', ...parameters } as never, credentials });

/** Lead 986 holding task 1 with appraisal 1 and note 5. */
const leadWithTask = {
	...lead984,
	id: 986,
	request: {
		id: 1032,
		task: [
			{
				...task,
				id: 1,
				lead: undefined,
				note: [
					{ id: 5, content: 'first call done', modified: '2019-05-09T07:28:28.530Z', history: [] },
				],
				appraisal: { ...task.appraisal, id: 1, brand_model: 'old name' },
			},
		],
	},
};

describe('SML Task', () => {
	test('create: POST /api/lead_task_create/ with the documented fields; the documented answer is the output', async () => {
		const sml = smlServer().on('POST', '/api/lead_task_create/', [201, task]);
		const result = await run({
			operation: 'create',
			lead: '986',
			type: 'date',
			additionalFields: {
				subtype: 'string',
				description: 'string',
				media: 'Whatsapp',
				planified_realization_date: '2019-05-08T09:23:44.215Z',
				planified_tracking_date: '2019-05-08T09:23:44.215Z',
				realization_date_check: true,
				tracking_date_check: true,
			},
			note: { entries: [{ content: 'string' }] },
		});
		expect(result.error).toBeUndefined();
		expect(sml.requests).toEqual([
			loginRequest,
			{
				method: 'POST',
				path: '/api/lead_task_create/',
				headers: jsonAuth(),
				body: {
					lead: 986,
					type: 'date',
					subtype: 'string',
					description: 'string',
					media: 'Whatsapp',
					planified_realization_date: '2019-05-08T09:23:44.215Z',
					planified_tracking_date: '2019-05-08T09:23:44.215Z',
					realization_date_check: true,
					tracking_date_check: true,
					note: [{ content: 'string' }],
				},
			},
		]);
		expect(result.json).toEqual([task]);
	});

	test('create an appraisal: the appraisal block is sent; dates from n8n date pickers become ISO 8601', async () => {
		const sml = smlServer().on('POST', '/api/lead_task_create/', [201, task]);
		const result = await run({
			operation: 'create',
			lead: 986,
			type: 'appraisal',
			appraisal: {
				brand_model: 'Seat Ibiza',
				license_plate: '8888JJJ',
				km: '100000',
				year: 2010,
				gas: 1,
				extras: 'todos',
				origin: 'foreign',
			},
			additionalFields: { planified_realization_date: '2024-03-01 10:30' },
		});
		expect(result.error).toBeUndefined();
		expect(sml.requests[1].body).toEqual({
			lead: 986,
			type: 'appraisal',
			planified_realization_date: '2024-03-01T10:30:00.000Z',
			appraisal: {
				brand_model: 'Seat Ibiza',
				license_plate: '8888JJJ',
				km: '100000',
				year: 2010,
				gas: 1,
				extras: 'todos',
				origin: 'foreign',
			},
		});
	});

	test('update with Keep IDs: reads the task through its lead and sends the appraisal id (kit example)', async () => {
		const sml = smlServer()
			.on('GET', '/api/lead/986/', [200, leadWithTask])
			.on('PATCH', '/api/task/1/', [
				200,
				{ ...task, id: 1, appraisal: { ...task.appraisal, id: 1, brand_model: 'new name' } },
			]);
		const result = await run({
			operation: 'update',
			taskId: '1',
			leadId: '986',
			appraisal: { brand_model: 'new name' },
		});
		expect(result.error).toBeUndefined();
		expect(sml.requests.slice(1)).toEqual([
			{ method: 'GET', path: '/api/lead/986/', headers: auth(), body: undefined },
			{
				method: 'PATCH',
				path: '/api/task/1/',
				headers: jsonAuth(),
				body: { appraisal: { id: 1, brand_model: 'new name' } },
			},
		]);
		expect((result.json[0].appraisal as { brand_model: string }).brand_model).toBe('new name');
	});

	test('update with Keep IDs: a new note is added next to the existing one, which keeps its id', async () => {
		const sml = smlServer()
			.on('GET', '/api/lead/986/', [200, leadWithTask])
			.on('PATCH', '/api/task/1/', [200, task]);
		const result = await run({
			operation: 'update',
			taskId: '1',
			leadId: '986',
			updateFields: { description: 'call again on Monday' },
			note: { entries: [{ content: 'client asked for a discount' }] },
		});
		expect(result.error).toBeUndefined();
		expect(sml.requests[2].body).toEqual({
			description: 'call again on Monday',
			note: [{ id: 5, content: 'first call done' }, { content: 'client asked for a discount' }],
		});
	});

	test('update of plain fields sends only them, without reading anything', async () => {
		const sml = smlServer().on('PATCH', '/api/task/1/', [200, task]);
		const result = await run({
			operation: 'update',
			taskId: '1',
			updateFields: { media: 'SMS', tracking_date_check: true },
		});
		expect(result.error).toBeUndefined();
		expect(sml.requests.slice(1)).toEqual([
			{
				method: 'PATCH',
				path: '/api/task/1/',
				headers: jsonAuth(),
				body: { media: 'SMS', tracking_date_check: true },
			},
		]);
	});

	test('update with Replace sends the appraisal without ids and reads nothing', async () => {
		const sml = smlServer().on('PATCH', '/api/task/1/', [200, task]);
		const result = await run({
			operation: 'update',
			taskId: '1',
			nestedMode: 'replace',
			appraisal: { brand_model: 'Seat León', origin: 'national' },
		});
		expect(result.error).toBeUndefined();
		expect(sml.requests[1].body).toEqual({
			appraisal: { brand_model: 'Seat León', origin: 'national' },
		});
	});

	test('update of the appraisal with Keep IDs but no Lead ID is refused before sending', async () => {
		const result = await run({ operation: 'update', taskId: '1', appraisal: { brand_model: 'x' } });
		expect(result.error?.message).toMatch(
			/^Invalid input in item 0: "Lead ID" \(leadId\) is required to keep the IDs/,
		);
	});

	test('a task that is not on the given lead is reported, and nothing is patched', async () => {
		smlServer().on('GET', '/api/lead/986/', [200, leadWithTask]);
		const result = await run({
			operation: 'update',
			taskId: '77',
			leadId: '986',
			note: { entries: [{ content: 'x' }] },
		});
		expect(result.error?.message).toBe('Task 77 is not one of the tasks of lead 986');
	});

	test('delete: DELETE /api/task/{id}/, answered 204', async () => {
		const sml = smlServer().on('DELETE', '/api/task/1/', [204]);
		const result = await run({ operation: 'delete', taskId: '1' });
		expect(result.error).toBeUndefined();
		expect(sml.requests[1]).toEqual({
			method: 'DELETE',
			path: '/api/task/1/',
			headers: auth(),
			body: undefined,
		});
		expect(result.json).toEqual([{ id: 1, deleted: true }]);
	});
});
