import { combine, inCollection, required } from '../../common/fields/fieldSet';
import type { AnyOperationSpec } from '../../common/execution/operation';
import { appointmentOnly, callType, meeting } from '../appointment';
import { bodyOperation } from '../body';
import { fieldsNamed } from '../fields';
import { ADVISOR_LOCATOR } from '../fields/define';

const callMeeting = meeting('call');

const createWithAppointment = bodyOperation({
	resource: 'call',
	operation: 'createWithAppointment',
	default: true,
	name: 'Create With Appointment',
	action: 'Create a call with its appointment',
	description:
		'Log a call on a ticket, optionally close the ticket, and schedule an appointment (calls)',
	path: '/api/calls',
	fields: combine(
		required(
			fieldsNamed(
				'user_name_call_center',
				'date_start',
				'duration_hours',
				'duration_minutes',
				'status',
				'direction',
			),
		),
		callType('call'),
		required(
			fieldsNamed(
				'category',
				'medio',
				'notes',
				'call_ticket_id',
				'call_ticket_is_closed',
				'call_ticket_motivo_cierre',
			),
		),
		required(
			fieldsNamed('user_name_asesor').map((def) => ({ ...def, locator: ADVISOR_LOCATOR })),
			appointmentOnly('call'),
		),
		inCollection(fieldsNamed('campania')),
		callMeeting.fields,
	),
	additional: 'pairs',
	rules: [callMeeting.rule],
});

export const callOperations: AnyOperationSpec[] = [createWithAppointment];
