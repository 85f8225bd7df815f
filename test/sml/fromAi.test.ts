/**
 * The node as an AI agent's tool: parameters filled with $fromAI(). n8n hands the tool's arguments
 * to the node as its input item, and $fromAI() reads them there; a model often sends numbers and
 * booleans as text ("986", "true"), or as JSON numbers in a text field. The validation must read
 * them as the user's own values.
 */
import { runNode } from '../harness/runNode';
import lead984 from './fixtures/lead-984.json';
import { credentials, jsonAuth, loginRequest, page, smlServer } from './sml';

const fromAI = (key: string, type = 'string') =>
	`={{ $fromAI('${key}', 'the ${key}', '${type}') }}`;

const run = (parameters: Record<string, unknown>, args: Record<string, unknown>) =>
	runNode({
		node: 'sml',
		parameters: parameters as never,
		items: [{ json: args as never }],
		credentials,
	});

describe('SML as an AI agent tool ($fromAI)', () => {
	test('Lead > Get: a Lead ID given as text or as a number reaches the same path', async () => {
		for (const leadId of ['984', 984, ' 984 ']) {
			const sml = smlServer().on('GET', '/api/lead/984/', [200, lead984]);
			const result = await run(
				{ resource: 'lead', operation: 'get', leadId: fromAI('leadId', 'number') },
				{ leadId },
			);
			expect(result.error).toBeUndefined();
			expect(sml.requests[1].path).toBe('/api/lead/984/');
			expect(result.json).toEqual([lead984]);
		}
	});

	test('Task > Create: an ID, booleans and dates typed as text are sent with their types', async () => {
		const task = { id: 1, lead: 986, type: 'date' };
		const sml = smlServer().on('POST', '/api/lead_task_create/', [201, task]);
		const result = await run(
			{
				resource: 'task',
				operation: 'create',
				lead: fromAI('lead'),
				type: fromAI('type'),
				additionalFields: {
					planified_realization_date: fromAI('when'),
					realization_date_check: fromAI('check'),
					tracking_date_check: fromAI('track', 'boolean'),
				},
			},
			// As n8n passes a tool call's arguments: inside `query`.
			{
				query: {
					lead: '986',
					type: 'date',
					when: '2019-05-08T09:23:44Z',
					check: 'TRUE',
					track: 'false',
				},
			},
		);
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
					planified_realization_date: '2019-05-08T09:23:44.000Z',
					realization_date_check: true,
					tracking_date_check: false,
				},
			},
		]);
	});

	test('Lead > Get Many: Return All and Limit typed as text ("false", "10")', async () => {
		const sml = smlServer().on('GET', '/api/lead/', [200, page([lead984])]);
		const result = await run(
			{
				resource: 'lead',
				operation: 'getAll',
				returnAll: fromAI('returnAll'),
				limit: fromAI('limit'),
				filters: { search: fromAI('search') },
			},
			{ returnAll: 'false', limit: '10', search: 'Marca' },
		);
		expect(result.error).toBeUndefined();
		expect(sml.requests[1].path).toBe('/api/lead/?search=Marca&page=1&page_size=10');
		expect(result.json).toEqual([lead984]);
	});

	test('booleans as n8n reads them: "1" and "0" as text, 1 and 0 as numbers', async () => {
		for (const [check, track] of [
			['1', '0'],
			[1, 0],
		]) {
			const sml = smlServer().on('POST', '/api/lead_task_create/', [201, { id: 1 }]);
			const result = await run(
				{
					resource: 'task',
					operation: 'create',
					lead: '986',
					type: 'date',
					additionalFields: {
						realization_date_check: fromAI('check'),
						tracking_date_check: fromAI('track', 'boolean'),
					},
				},
				{ check, track },
			);
			expect(result.error).toBeUndefined();
			expect(sml.requests[1].body).toEqual({
				lead: 986,
				type: 'date',
				realization_date_check: true,
				tracking_date_check: false,
			});
		}
	});

	test('Lead > Get Many: Return All given as "1" reads every page', async () => {
		const sml = smlServer().on('GET', '/api/lead/', [200, page([lead984])]);
		const result = await run(
			{ resource: 'lead', operation: 'getAll', returnAll: fromAI('returnAll') },
			{ returnAll: '1' },
		);
		expect(result.error).toBeUndefined();
		expect(sml.requests[1].path).toBe('/api/lead/?page=1&page_size=1000');
	});

	// Nothing is sent: the harness fails a test on any request it did not expect.
	test('values that are not what the field takes fail before anything is sent, naming the field', async () => {
		const badId = await run(
			{ resource: 'lead', operation: 'get', leadId: fromAI('leadId') },
			{ leadId: 'lead 984' },
		);
		expect(badId.error?.message).toMatch(/"Lead ID" \(.*\) must be a whole number/);
		const badBoolean = await run(
			{
				resource: 'task',
				operation: 'create',
				lead: fromAI('lead'),
				type: 'date',
				additionalFields: { realization_date_check: fromAI('check') },
			},
			{ lead: '986', check: 'yes' },
		);
		expect(badBoolean.error?.message).toMatch(/must be true or false/);
	});
});
