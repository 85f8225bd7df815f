/**
 * The node as an AI agent's tool: parameters filled with $fromAI(), whose values n8n hands to the
 * node as its input item. A model sends numbers where text is expected, durations as numbers,
 * dates as text and JSON as text: each must be read as the user's own value.
 */
import { runNode } from '../harness/runNode';
import { casabacaServer, credentials, jsonAuth, loginRequest } from './casabaca';

const fromAI = (key: string, type = 'string') =>
	`={{ $fromAI('${key}', 'the ${key}', '${type}') }}`;

const run = (parameters: Record<string, unknown>, args: Record<string, unknown>) =>
	runNode({
		node: 'sugarCrmCasabaca',
		parameters: parameters as never,
		items: [{ json: { query: args } as never }],
		credentials,
	});

describe('SugarCRM Casabaca as an AI agent tool ($fromAI)', () => {
	test('Appraisal > Get: an Appraisal ID given as a number fills the path', async () => {
		const appraisal = { id: '2', placa: 'PBX-1021' };
		const casabaca = casabacaServer().on('GET', '/api/getAvaluo/2', [200, { data: appraisal }]);
		const result = await run(
			{ resource: 'appraisal', operation: 'get', id: fromAI('appraisalId', 'number') },
			{ appraisalId: 2 },
		);
		expect(result.error).toBeUndefined();
		expect(casabaca.requests[1].path).toBe('/api/getAvaluo/2');
		expect(result.json).toEqual([appraisal]);
	});

	test('Ticket > Log Unanswered Call: a date as text, durations as numbers', async () => {
		const answer = { data: { ticket_id: 'T-1', message: 'ok' } };
		const casabaca = casabacaServer().on('POST', '/api/not_answer_call', [200, answer]);
		const result = await run(
			{
				resource: 'ticket',
				operation: 'logUnansweredCall',
				ticket_id: fromAI('ticket'),
				user_name_call_center: fromAI('user'),
				date_start: fromAI('start'),
				duration_hours: fromAI('hours', 'number'),
				duration_minutes: fromAI('minutes', 'number'),
				direction: fromAI('direction'),
			},
			{
				ticket: 'T-1',
				user: 'CG_RAMOS',
				start: '2021-10-02T14:59:00-05:00',
				hours: 0,
				minutes: 10,
				direction: 'Inbound',
			},
		);
		expect(result.error).toBeUndefined();
		expect(casabaca.requests).toEqual([
			loginRequest,
			{
				method: 'POST',
				path: '/api/not_answer_call',
				headers: jsonAuth(),
				body: {
					datosSugarCRM: {
						user_name_call_center: 'CG_RAMOS',
						date_start: '2021-10-02 19:59',
						duration_hours: '0',
						duration_minutes: '10',
						direction: 'Inbound',
						ticket_id: 'T-1',
					},
				},
			},
		]);
	});

	test('Appraisal > Create or Update: the JSON body given as text is sent as an object', async () => {
		const casabaca = casabacaServer().on('POST', '/api/createUpdateAvaluo', [
			200,
			{ data: { id: '7' } },
		]);
		const result = await run(
			{ resource: 'appraisal', operation: 'createOrUpdate', appraisal: fromAI('appraisal') },
			{ appraisal: '{"placa":"PCY-7933","kilometraje":25000}' },
		);
		expect(result.error).toBeUndefined();
		expect(casabaca.requests[1].body).toEqual({ placa: 'PCY-7933', kilometraje: 25000 });
	});

	// Nothing is sent: the harness fails a test on any request it did not expect.
	test('a direction outside the list or a date that is not one fail before anything is sent', async () => {
		const parameters = {
			resource: 'ticket',
			operation: 'logUnansweredCall',
			ticket_id: 'T-1',
			user_name_call_center: 'CG_RAMOS',
			date_start: fromAI('start'),
			duration_hours: '0',
			duration_minutes: '10',
			direction: fromAI('direction'),
		};
		const badDirection = await run(parameters, {
			start: '2021-10-02 14:59',
			direction: 'inbound call',
		});
		expect(badDirection.error?.message).toMatch(/must be one of/);
		const badDate = await run(parameters, { start: 'tomorrow at 3', direction: 'Inbound' });
		expect(badDate.error?.message).toMatch(/Call Start/);
	});
});
