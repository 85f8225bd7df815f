import { casabacaServer, jsonAuth, run } from './casabaca';
import { anyData, meetingBody, meetingParams } from './meeting';

describe('Casabaca Call', () => {
	test('create with appointment: POST /api/calls with the ticket and the meeting', async () => {
		const answer = {
			data: {
				call_id: '3d5a6040-cf8d-116a-85c0-60515e1f2ff2',
				ticket_id: 'b9400c64-9a35-cf31-cf26-604bcac73032',
				prospeccion_id: 'b9400c64-9a35-cf31-cf26-604bcac73032',
				meeting_id: '3b970e6d-46e8-3455-1250-6054d939216c',
			},
		};
		const casabaca = casabacaServer().on('POST', '/api/calls', [200, answer]);
		const result = await run('call', 'createWithAppointment', {
			user_name_asesor: 'CG_RAMOS',
			user_name_call_center: 'CG_RAMOS',
			date_start: '2021-10-02 19:59',
			duration_hours: '0',
			duration_minutes: '10',
			status: 'Held',
			direction: 'Inbound',
			type: 'cita',
			category: '2',
			medio: '10',
			notes: 'Llamar lunes',
			additionalFields: { campania: '5e686580-ee19-11ea-97ea-000c297d72b1' },
			call_ticket_id: '10438baf-0d83-9533-4fb3-602ea326288b',
			call_ticket_is_closed: true,
			call_ticket_motivo_cierre: 'solo_informacion',
			meeting_status: 'Held',
			...meetingParams,
			meetingOptions: { ...meetingParams.meetingOptions, meeting_client_phone_home: '022072845' },
			...anyData,
		});
		expect(result.error).toBeUndefined();
		expect(casabaca.requests[1]).toEqual({
			method: 'POST',
			path: '/api/calls',
			headers: jsonAuth(),
			body: {
				datosSugarCRM: {
					user_name_asesor: 'CG_RAMOS',
					user_name_call_center: 'CG_RAMOS',
					date_start: '2021-10-02 19:59',
					duration_hours: '0',
					duration_minutes: '10',
					status: 'Held',
					direction: 'Inbound',
					type: 'cita',
					category: '2',
					medio: '10',
					campania: '5e686580-ee19-11ea-97ea-000c297d72b1',
					notes: 'Llamar lunes',
					ticket: {
						id: '10438baf-0d83-9533-4fb3-602ea326288b',
						is_closed: true,
						motivo_cierre: 'solo_informacion',
					},
					meeting: { status: 'Held', ...meetingBody },
				},
				datos_adicionales: { anyproperty1: 'anyData1', anyproperty1N: 'anyData2' },
			},
		});
		expect(result.json).toEqual([answer.data]);
	});

	test('the chat appointment type also needs the meeting (cita_chat)', async () => {
		const result = await run('call', 'createWithAppointment', {
			user_name_asesor: 'CG_RAMOS',
			user_name_call_center: 'CG_RAMOS',
			date_start: '2021-10-02 19:59',
			status: 'Held',
			direction: 'Inbound',
			type: 'cita_chat',
			category: '2',
			medio: '10',
			notes: 'x',
			call_ticket_id: 't',
			call_ticket_is_closed: false,
			call_ticket_motivo_cierre: 'abandono_chat',
			meeting_status: 'Planned',
			...meetingParams,
			meeting_location: '={{ "" }}',
		});
		expect(result.error?.message).toBe(
			'Invalid input in item 0: "Meeting Location" (meeting.location) is required when the call is an appointment',
		);
	});

	test('a chat appointment without the optional home phone, brand and model: the meeting is sent without them', async () => {
		const answer = { data: { call_id: 'c', ticket_id: 't', prospeccion_id: 'p', meeting_id: 'm' } };
		const casabaca = casabacaServer().on('POST', '/api/calls', [200, answer]);
		const result = await run('call', 'createWithAppointment', {
			user_name_asesor: 'CG_RAMOS',
			user_name_call_center: 'CG_RAMOS',
			date_start: '2021-10-02T14:59:00-05:00',
			duration_hours: '0',
			duration_minutes: '3',
			status: 'Held',
			direction: 'Outbound',
			type: 'cita_chat',
			category: '1',
			medio: '10',
			notes: 'Cita por chat',
			call_ticket_id: 't',
			call_ticket_is_closed: false,
			call_ticket_motivo_cierre: 'abandono_chat',
			meeting_status: 'Planned',
			...meetingParams,
			meetingOptions: {},
			meeting_date: '2021-10-04T09:30:00-05:00',
			meeting_type: '2',
		});
		expect(result.error).toBeUndefined();
		const { marca: _brand, modelo: _model, client: meetingClient, ...meetingRest } = meetingBody;
		const { phone_home: _phone, ...clientWithoutPhone } = meetingClient;
		expect(casabaca.requests[1]).toEqual({
			method: 'POST',
			path: '/api/calls',
			headers: jsonAuth(),
			body: {
				datosSugarCRM: {
					user_name_asesor: 'CG_RAMOS',
					user_name_call_center: 'CG_RAMOS',
					date_start: '2021-10-02 19:59',
					duration_hours: '0',
					duration_minutes: '3',
					status: 'Held',
					direction: 'Outbound',
					type: 'cita_chat',
					category: '1',
					medio: '10',
					notes: 'Cita por chat',
					ticket: { id: 't', is_closed: false, motivo_cierre: 'abandono_chat' },
					meeting: {
						status: 'Planned',
						...meetingRest,
						date: '2021-10-04 14:30',
						type: '2',
						client: clientWithoutPhone,
					},
				},
			},
		});
		expect(result.json).toEqual([answer.data]);
	});
});
