/**
 * Issue 9: an impossible or ambiguous date fails its item before anything is sent (not even the
 * login), names the item and the field, and with Continue On Fail leaves the other items alone.
 */
import { FakeVendor } from '../harness/fakeVendor';
import { runNode } from '../harness/runNode';
import * as casabaca from '../sugarCrmCasabaca/casabaca';
import * as sml from '../sml/sml';
import * as wolkvox from '../wolkvoxCrm/wolkvox';

/** The error n8n-core records for the run (a plain copy of the NodeOperationError thrown). */
const validationError = (message: string) => ({
	name: 'NodeOperationError',
	message,
	description:
		'Nothing was sent to the server for this item. Fix the field(s) named above and run again.',
	context: expect.objectContaining({ itemIndex: 0 }),
});

const ACCEPTED =
	'(accepted: 2024-05-06 14:30, 2024-05-06 14:30:00, 2024-05-06, ISO 8601 such as 2024-05-06T14:30:00Z or ' +
	'2024-05-06T14:30:00.000-05:00, or an n8n date)';

describe('SML Task > Create: Planned Realization Date (sent as ISO 8601)', () => {
	const FIELD = '"Additional Fields › Planned Realization Date" (planified_realization_date)';
	const parameters = {
		resource: 'task',
		operation: 'create',
		lead: '986',
		type: 'date',
		additionalFields: { planified_realization_date: '={{ $json.when }}' },
	};
	const task = {
		id: 7,
		lead: 986,
		type: 'date',
		planified_realization_date: '2024-02-29T10:00:00Z',
	};

	test('30 February fails the item and nothing reaches the server, not even the login', async () => {
		const server = new FakeVendor(sml.BASE_URL);
		const result = await runNode({
			node: 'sml',
			parameters,
			items: [{ json: { when: '2024-02-30 10:00' } }],
			credentials: sml.credentials,
		});
		expect(result.error).toMatchObject(
			validationError(
				`Invalid input in item 0: ${FIELD} must be a real date: February 2024 has days 01 to 29 ${ACCEPTED}`,
			),
		);
		expect(server.requests).toEqual([]);
	});

	test('Continue On Fail: 29 February 2023 yields its {error}, 29 February 2024 is sent exactly', async () => {
		const server = sml.smlServer().on('POST', '/api/lead_task_create/', [201, task]);
		const result = await runNode({
			node: 'sml',
			parameters,
			items: [{ json: { when: '2023-02-29 10:00' } }, { json: { when: '2024-02-29 10:00' } }],
			continueOnFail: true,
			credentials: sml.credentials,
		});
		expect(result.error).toBeUndefined();
		expect(server.requests).toEqual([
			sml.loginRequest,
			{
				method: 'POST',
				path: '/api/lead_task_create/',
				headers: sml.jsonAuth(),
				body: { lead: 986, type: 'date', planified_realization_date: '2024-02-29T10:00:00.000Z' },
			},
		]);
		expect(result.items).toEqual([
			{
				json: {
					error: `Invalid input in item 0: ${FIELD} must be a real date: February 2023 has days 01 to 28 ${ACCEPTED}`,
				},
				pairedItem: { item: 0 },
			},
			{ json: task, pairedItem: { item: 1 } },
		]);
	});
});

describe('Casabaca Ticket > Log Unanswered Call: Call Start (sent as Y-m-d H:i in UTC)', () => {
	const FIELD = '"Call Start" (date_start)';
	const parameters = {
		resource: 'ticket',
		operation: 'logUnansweredCall',
		ticket_id: '10438baf-0d83-9533-4fb3-602ea326288b',
		user_name_call_center: 'CG_RAMOS',
		date_start: '={{ $json.when }}',
		duration_hours: '0',
		duration_minutes: '10',
		direction: 'Inbound',
	};
	const answer = {
		data: {
			call_id: '1043801af-0d83-9533-4fb3-602ea313128b',
			ticket_id: '10438baf-0d83-9533-4fb3-602ea326288b',
		},
	};

	test('month 13 fails the item and nothing reaches the server, not even the login', async () => {
		const server = new FakeVendor(casabaca.BASE_URL);
		const result = await runNode({
			node: 'sugarCrmCasabaca',
			parameters,
			items: [{ json: { when: '2024-13-01 10:00' } }],
			credentials: casabaca.credentials,
		});
		expect(result.error).toMatchObject(
			validationError(
				`Invalid input in item 0: ${FIELD} must be a real date: there is no month 13 ${ACCEPTED}`,
			),
		);
		expect(server.requests).toEqual([]);
	});

	test('Continue On Fail: a day/month date yields its {error}, an ISO time with an offset is sent exactly', async () => {
		const server = casabaca.casabacaServer().on('POST', '/api/not_answer_call', [200, answer]);
		const result = await runNode({
			node: 'sugarCrmCasabaca',
			parameters,
			items: [
				{ json: { when: '2024-02-29T10:00:00-05:00' } },
				{ json: { when: '01/02/2024 10:00' } },
			],
			continueOnFail: true,
			credentials: casabaca.credentials,
		});
		expect(result.error).toBeUndefined();
		expect(server.requests).toEqual([
			casabaca.loginRequest,
			{
				method: 'POST',
				path: '/api/not_answer_call',
				headers: casabaca.jsonAuth(),
				body: {
					datosSugarCRM: {
						user_name_call_center: 'CG_RAMOS',
						date_start: '2024-02-29 15:00',
						duration_hours: '0',
						duration_minutes: '10',
						direction: 'Inbound',
						ticket_id: '10438baf-0d83-9533-4fb3-602ea326288b',
					},
				},
			},
		]);
		expect(result.items).toEqual([
			{ json: answer.data, pairedItem: { item: 0 } },
			{
				json: {
					error: `Invalid input in item 1: ${FIELD} must be written year first: day/month and month/day forms are ambiguous ${ACCEPTED}`,
				},
				pairedItem: { item: 1 },
			},
		]);
	});
});

describe('wolkvox Activity > Create Call: Completion Date (sent as Y-m-d H:i:s, clock time as given)', () => {
	const FIELD = '"Completion Date" (completion_date)';
	const INSERT = '/server/API/v2/custom/insert.php';
	const parameters = {
		resource: 'activity',
		operation: 'createCall',
		status: 'created',
		name: 'Nombre de la actividad',
		priority: 'low',
		name_module: 'cases',
		completion_date: '={{ $json.when }}',
		remember: false,
		description: 'Esto es una descripción de la actividad',
		id_record: '64cb',
		wolkvox_owner: 'ADMIN_@mimodulo',
	};

	test.each([
		['hour 25', '2024-01-01 25:00:00', 'must be a real time: hours go from 00 to 23'],
		[
			'24:00',
			'2024-01-01 24:00',
			'must be a real time: hours go from 00 to 23 (write 24:00 as 00:00 of the next day)',
		],
		['minute 60', '2024-01-01 10:60:00', 'must be a real time: minutes go from 00 to 59'],
		[
			'an offset beyond 18 hours',
			'2024-01-01T10:00:00+19:00',
			'must have a time-zone offset from -18:00 to +18:00',
		],
	])('%s fails the item and nothing reaches the server', async (_, when, reason) => {
		const server = wolkvox.wolkvoxServer();
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters,
			items: [{ json: { when } }],
			credentials: wolkvox.credentials,
		});
		expect(result.error).toMatchObject(
			validationError(`Invalid input in item 0: ${FIELD} ${reason} ${ACCEPTED}`),
		);
		expect(server.requests).toEqual([]);
	});

	test("an invalid Luxon DateTime from an expression fails with Luxon's explanation", async () => {
		const server = wolkvox.wolkvoxServer();
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters: {
				...parameters,
				completion_date: '={{ DateTime.fromObject({ year: 2023, month: 2, day: 29 }) }}',
			},
			credentials: wolkvox.credentials,
		});
		expect(result.error?.message).toBe(
			`Invalid input in item 0: ${FIELD} must be a valid date: you specified 29 (of type number) as a day, which is invalid ${ACCEPTED}`,
		);
		expect(server.requests).toEqual([]);
	});

	test('Continue On Fail: the bad item yields its {error}, a leap-day Luxon DateTime is sent exactly', async () => {
		const server = wolkvox
			.wolkvoxServer()
			.on('POST', INSERT, [200, wolkvox.answer({ wolkvox_id: '64cc' })]);
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters: {
				...parameters,
				completion_date:
					'={{ $json.when === "picker" ? DateTime.fromISO("2024-02-29T23:30:00", { zone: "America/Bogota" }) : $json.when }}',
			},
			items: [{ json: { when: '2024-02-30 00:00:00' } }, { json: { when: 'picker' } }],
			continueOnFail: true,
			credentials: wolkvox.credentials,
		});
		expect(result.error).toBeUndefined();
		expect(server.requests).toEqual([
			{
				method: 'POST',
				path: INSERT,
				headers: wolkvox.jsonHeaders,
				body: {
					operation: wolkvox.OPERATION,
					module: 'wolkvox_activities',
					type: 'call',
					fields: {
						status: 'created',
						name: 'Nombre de la actividad',
						priority: 'low',
						name_module: 'cases',
						completion_date: '2024-02-29 23:30:00',
						remember: false,
						description: 'Esto es una descripción de la actividad',
						id_record: '64cb',
						wolkvox_owner: 'ADMIN_@mimodulo',
					},
				},
			},
		]);
		expect(result.items).toEqual([
			{
				json: {
					error: `Invalid input in item 0: ${FIELD} must be a real date: February 2024 has days 01 to 29 ${ACCEPTED}`,
				},
				pairedItem: { item: 0 },
			},
			{ json: { wolkvox_id: '64cc' }, pairedItem: { item: 1 } },
		]);
	});
});
