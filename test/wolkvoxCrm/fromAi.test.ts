/**
 * The node as an AI agent's tool: parameters filled with $fromAI(), whose values n8n hands to the
 * node as its input item. A model sends booleans as text ("true"), record IDs as numbers, dates as
 * text and JSON as text: each must be read as the user's own value.
 */
import { runNode } from '../harness/runNode';
import { OPERATION, answer, credentials, jsonHeaders, wolkvoxServer } from './wolkvox';

const INSERT = '/server/API/v2/custom/insert.php';

const fromAI = (key: string, type = 'string') =>
	`={{ $fromAI('${key}', 'the ${key}', '${type}') }}`;

const run = (parameters: Record<string, unknown>, args: Record<string, unknown>) =>
	runNode({
		node: 'wolkvoxCrm',
		parameters: parameters as never,
		items: [{ json: { query: args } as never }],
		credentials,
	});

const call = {
	resource: 'activity',
	operation: 'createCall',
	name: fromAI('name'),
	name_module: fromAI('module'),
	id_record: fromAI('recordId', 'number'),
	wolkvox_owner: 'ADMIN_@mimodulo',
	priority: fromAI('priority'),
	completion_date: fromAI('due'),
	description: fromAI('description'),
	status: 'created',
	remember: fromAI('remind'),
	reminder_date: fromAI('reminder'),
};

describe('wolkvox CRM as an AI agent tool ($fromAI)', () => {
	test('Activity > Create Call: a boolean as text, a record ID as a number, dates as text', async () => {
		const vendor = wolkvoxServer().on('POST', INSERT, [200, answer({ wolkvox_id: '64cb' })]);
		const result = await run(call, {
			name: 'Llamar al cliente',
			module: 'cases',
			recordId: 640,
			priority: 'high',
			due: '2030-07-30 10:00:00',
			description: 'Confirmar pedido',
			remind: ' True ',
			reminder: '2030-07-29T09:00:00',
		});
		expect(result.error).toBeUndefined();
		expect(vendor.requests).toEqual([
			{
				method: 'POST',
				path: INSERT,
				headers: jsonHeaders,
				body: {
					operation: OPERATION,
					module: 'wolkvox_activities',
					type: 'call',
					fields: {
						status: 'created',
						name: 'Llamar al cliente',
						priority: 'high',
						name_module: 'cases',
						completion_date: '2030-07-30 10:00:00',
						remember: true,
						reminder_date: '2030-07-29 09:00:00',
						description: 'Confirmar pedido',
						id_record: '640',
						wolkvox_owner: 'ADMIN_@mimodulo',
					},
				},
			},
		]);
		expect(result.json).toEqual([{ wolkvox_id: '64cb' }]);
	});

	test('Activity > Create Call: "false" as text needs no reminder date', async () => {
		const vendor = wolkvoxServer().on('POST', INSERT, [200, answer({ wolkvox_id: '64cc' })]);
		const result = await run(call, {
			name: 'Llamar',
			module: 'cases',
			recordId: '640',
			priority: 'low',
			due: '2030-07-30 10:00',
			description: 'Sin recordatorio',
			remind: 'false',
		});
		expect(result.error).toBeUndefined();
		const fields = (vendor.requests[0].body as { fields: Record<string, unknown> }).fields;
		expect(fields.remember).toBe(false);
		expect(fields).not.toHaveProperty('reminder_date');
	});

	test('Record > Insert: the fields as JSON text', async () => {
		const vendor = wolkvoxServer().on('POST', INSERT, [200, answer({ wolkvox_id: '65aa' })]);
		const result = await run(
			{
				resource: 'record',
				operation: 'insert',
				module: 'contacts',
				fieldsInput: 'json',
				fieldsJson: fromAI('fields'),
			},
			{ fields: '{"namecontact":"Ana","telephonecontact":"3001234567"}' },
		);
		expect(result.error).toBeUndefined();
		expect(vendor.requests[0].body).toEqual({
			operation: OPERATION,
			module: 'contacts',
			fields: { namecontact: 'Ana', telephonecontact: '3001234567' },
		});
	});

	// Nothing is sent: the harness fails a test on any request it did not expect.
	test('a reminder that is not true or false, or a due date that is not one, fail before anything is sent', async () => {
		const args = { name: 'x', module: 'cases', recordId: 1, priority: 'low', description: 'x' };
		const badBoolean = await run(call, { ...args, due: '2030-07-30 10:00', remind: 'yes please' });
		expect(badBoolean.error?.message).toMatch(/must be true or false/);
		const badDate = await run(call, { ...args, due: 'next Monday', remind: 'false' });
		expect(badDate.error?.message).toMatch(/Completion Date/);
	});
});
