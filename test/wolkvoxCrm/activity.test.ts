import { runNode } from '../harness/runNode';
import { OPERATION, answer, credentials, jsonHeaders, wolkvoxServer } from './wolkvox';

const INSERT = '/server/API/v2/custom/insert.php';

/** The values of the seed's table (insertar actividad de tipo llamada). */
const seedCall = {
	resource: 'activity',
	operation: 'createCall',
	status: 'created',
	name: 'Nombre de la actividad',
	priority: 'low',
	name_module: 'cases',
	completion_date: '2023-07-30 00:00:00',
	remember: true,
	reminder_date: '2023-07-29 00:00:00',
	description: 'Esto es una descripción de la actividad',
	id_record: '64cb',
	wolkvox_owner: 'ADMIN_@mimodulo',
	phone: { number: { type: 'telephone', country: 'COLOMBIA', code: '57', value: '1234567898' } },
	additionalFields: { location: 'Medellín' },
};

const seedFields = {
	status: 'created',
	name: 'Nombre de la actividad',
	priority: 'low',
	name_module: 'cases',
	completion_date: '2023-07-30 00:00:00',
	remember: true,
	reminder_date: '2023-07-29 00:00:00',
	description: 'Esto es una descripción de la actividad',
	id_record: '64cb',
	location: 'Medellín',
	wolkvox_owner: 'ADMIN_@mimodulo',
	phone: { type: 'telephone', country: 'COLOMBIA', code: '57', value: '1234567898' },
};

describe('Activity > Create Call (custom/insert.php, module wolkvox_activities, type call)', () => {
	test("the seed's example: every field, the phone block, the documented answer", async () => {
		const vendor = wolkvoxServer().on('POST', INSERT, [200, answer({ wolkvox_id: '64cb' })]);
		const result = await runNode({ node: 'wolkvoxCrm', parameters: seedCall, credentials });
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
					fields: seedFields,
				},
			},
		]);
		expect(result.items).toEqual([{ json: { wolkvox_id: '64cb' }, pairedItem: { item: 0 } }]);
	});

	test('n8n date/time values are sent as Y-m-d H:i:s in the clock time given (wolkvox documents no zone)', async () => {
		const vendor = wolkvoxServer().on('POST', INSERT, [200, answer({ wolkvox_id: '64cc' })]);
		await runNode({
			node: 'wolkvoxCrm',
			parameters: {
				...seedCall,
				completion_date: '2023-07-30T10:15:30-05:00',
				reminder_date: '={{ DateTime.fromISO("2023-07-29T08:00:00", { zone: "America/Bogota" }) }}',
			},
			credentials,
		});
		expect(vendor.requests[0].body).toMatchObject({
			fields: { completion_date: '2023-07-30 10:15:30', reminder_date: '2023-07-29 08:00:00' },
		});
	});

	test('without a reminder, no reminder date is sent; without a phone, no phone block', async () => {
		const vendor = wolkvoxServer().on('POST', INSERT, [200, answer({ wolkvox_id: '64cd' })]);
		const { phone: _phone, additionalFields: _extra, ...withoutPhone } = seedCall;
		await runNode({
			node: 'wolkvoxCrm',
			parameters: { ...withoutPhone, remember: false },
			credentials,
		});
		const { phone: _p, location: _l, reminder_date: _r, ...fields } = seedFields;
		expect(vendor.requests[0].body).toEqual({
			operation: OPERATION,
			module: 'wolkvox_activities',
			type: 'call',
			fields: { ...fields, remember: false },
		});
	});

	test('validation: priority is high/normal/low, the date is a date, the phone number is digits; nothing is sent', async () => {
		const vendor = wolkvoxServer();
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters: {
				...seedCall,
				priority: '={{ "urgent" }}',
				completion_date: '={{ "next week" }}',
				phone: { number: { type: 'telephone', country: 'COLOMBIA', code: '57', value: '123-456' } },
			},
			credentials,
		});
		expect(vendor.requests).toEqual([]);
		expect(result.error?.message).toBe(
			'Invalid input in item 0: "Priority" (priority) must be one of: high, normal, low; ' +
				'"Completion Date" (completion_date) must be a date and time (accepted: 2024-05-06 14:30, 2024-05-06 14:30:00, ' +
				'2024-05-06, ISO 8601 such as 2024-05-06T14:30:00Z or 2024-05-06T14:30:00.000-05:00, or an n8n date); ' +
				'"Phone › Number" (value) must contain digits only',
		);
	});

	test('validation: a reminder needs its date', async () => {
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters: { ...seedCall, reminder_date: '={{ "" }}' },
			credentials,
		});
		expect(result.error?.message).toBe(
			'Invalid input in item 0: "Reminder Date" (reminder_date) is required when Reminder is on',
		);
	});
});

describe('Activity > Create Task (type task)', () => {
	test('sends the task fields without location or phone', async () => {
		const vendor = wolkvoxServer().on('POST', INSERT, [200, answer({ wolkvox_id: '64ce' })]);
		const { phone: _phone, additionalFields: _extra, ...task } = seedCall;
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters: {
				...task,
				operation: 'createTask',
				name: 'Llamar de nuevo al cliente',
				priority: 'high',
			},
			credentials,
		});
		expect(result.error).toBeUndefined();
		const { phone: _p, location: _l, ...fields } = seedFields;
		expect(vendor.requests).toEqual([
			{
				method: 'POST',
				path: INSERT,
				headers: jsonHeaders,
				body: {
					operation: OPERATION,
					module: 'wolkvox_activities',
					type: 'task',
					fields: { ...fields, name: 'Llamar de nuevo al cliente', priority: 'high' },
				},
			},
		]);
		expect(result.json).toEqual([{ wolkvox_id: '64ce' }]);
	});
});

describe('Activity > Create Meeting (custom/insert.php, module wolkvox_activities, type meeting)', () => {
	const { phone: _phone, additionalFields: _extra, ...common } = seedCall;
	const { phone: _p, location: _l, ...commonFields } = seedFields;

	test('the common fields with the start, the location and the participants as a list', async () => {
		const vendor = wolkvoxServer().on('POST', INSERT, [200, answer({ wolkvox_id: '64ce' })]);
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters: {
				...common,
				operation: 'createMeeting',
				start_date: '2023-07-30 09:00:00',
				additionalFields: {
					location: 'Sala 2',
					participants: 'agent10@mimodulo, agent11@mimodulo',
				},
			},
			credentials,
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
					type: 'meeting',
					fields: {
						...commonFields,
						start_date: '2023-07-30 09:00:00',
						location: 'Sala 2',
						participants: ['agent10@mimodulo', 'agent11@mimodulo'],
					},
				},
			},
		]);
		expect(result.json).toEqual([{ wolkvox_id: '64ce' }]);
	});

	test('participants given as a JSON list are sent as given; a bad start date sends nothing', async () => {
		const vendor = wolkvoxServer().on('POST', INSERT, [200, answer({ wolkvox_id: '64cf' })]);
		await runNode({
			node: 'wolkvoxCrm',
			parameters: {
				...common,
				operation: 'createMeeting',
				start_date: '2023-07-30T09:00:00-05:00',
				additionalFields: { participants: '[{"user": "agent10@mimodulo"}]' },
			},
			credentials,
		});
		expect(vendor.requests[0].body).toMatchObject({
			fields: { start_date: '2023-07-30 09:00:00', participants: [{ user: 'agent10@mimodulo' }] },
		});

		const refused = await runNode({
			node: 'wolkvoxCrm',
			parameters: { ...common, operation: 'createMeeting', start_date: 'tomorrow morning' },
			credentials,
		});
		expect(refused.error?.message).toMatch(
			/^Invalid input in item 0: "Start Date" \(start_date\) must be a date and time/,
		);
		expect(vendor.requests).toHaveLength(1);
	});
});
