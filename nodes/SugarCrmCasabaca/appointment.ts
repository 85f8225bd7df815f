/**
 * What scheduling an appointment takes: the call type whose appointment values ask for it, the
 * meeting block with its client (written once for calls_prospeccion and calls), and the client
 * block the quotations share with it.
 */
import type { IDataObject } from 'n8n-workflow';

import type { FieldDef, Show } from '../common/fields/fieldDef';
import type { FieldSet } from '../common/fields/fieldSet';
import { combine, inCollection, required } from '../common/fields/fieldSet';
import { requireWhen } from './body';
import {
	APPOINTMENT_TYPES,
	BUSINESS_LINES,
	CALL_TYPES,
	GENDERS,
	ID_TYPES,
	MEETING_STATUSES,
	MEETING_TYPES,
	VISIT_TYPES,
} from './choices';
import { IN_UTC, defineField } from './fields/define';

/** A client block (quotations, and the client of a meeting): defined once, placed by prefix. */
function clientFields(prefix: 'client' | 'meeting_client'): FieldDef[] {
	const api = prefix.replace('_', '.');
	const whose = prefix === 'client' ? 'the client to quote' : 'the client of the appointment';
	const label = prefix === 'client' ? 'Client' : 'Meeting Client';
	return [
		defineField({
			name: `${prefix}_tipo_identificacion`,
			label: `${label} Identification Type`,
			kind: 'enum',
			text: `Identification type of ${whose}`,
			api: `${api}.tipo_identificacion`,
			options: ID_TYPES,
		}),
		defineField({
			name: `${prefix}_numero_identificacion`,
			label: `${label} Identification Number`,
			text: `Identification number of ${whose}`,
			api: `${api}.numero_identificacion`,
		}),
		defineField({
			name: `${prefix}_gender`,
			label: `${label} Gender`,
			kind: 'enum',
			text: `Gender of ${whose}`,
			api: `${api}.gender`,
			options: GENDERS,
		}),
		defineField({
			name: `${prefix}_names`,
			label: `${label} First Names`,
			text: `First names of ${whose}`,
			api: `${api}.names`,
		}),
		defineField({
			name: `${prefix}_surnames`,
			label: `${label} Last Names`,
			text: `Last names of ${whose}`,
			api: `${api}.surnames`,
		}),
		defineField({
			name: `${prefix}_phone_home`,
			label: `${label} Home Phone`,
			kind: 'digits',
			text: `Home phone of ${whose}`,
			api: `${api}.phone_home`,
		}),
		defineField({
			name: `${prefix}_cellphone_number`,
			label: `${label} Mobile Phone`,
			kind: 'digits',
			text: `Mobile phone of ${whose}`,
			api: `${api}.cellphone_number`,
		}),
		defineField({
			name: `${prefix}_email`,
			label: `${label} E-Mail`,
			kind: 'email',
			text: `E-mail of ${whose}`,
			api: `${api}.email`,
			placeholder: 'name@email.com',
		}),
	];
}

/** The client to quote (quotation, call_quotation). */
export const QUOTATION_CLIENT = clientFields('client');

/** A field of the meeting block: `meeting_<key>` in the node, `meeting.<key>` in the body. */
const meetingField = (key: string, def: Omit<FieldDef, 'name' | 'api'>): FieldDef => ({
	...def,
	name: `meeting_${key}`,
	api: `meeting.${key}`,
});

/** Only calls documents the meeting's own status. */
const meetingStatus = meetingField('status', {
	label: 'Meeting Status',
	kind: 'enum',
	text: 'Status of the appointment',
	options: MEETING_STATUSES,
});

/** Required for an appointment, in the documented order. */
const MEETING = [
	meetingField('date', {
		label: 'Meeting Date',
		kind: 'date',
		text: "When the appointment is; sent as Y-m-d H:i in UTC (a time without a zone is read in the workflow's time zone)",
		...IN_UTC,
	}),
	meetingField('duration_hours', {
		label: 'Meeting Duration Hours',
		kind: 'digits',
		text: 'Hours the appointment lasts',
		default: '0',
	}),
	meetingField('duration_minutes', {
		label: 'Meeting Duration Minutes',
		kind: 'digits',
		text: 'Minutes the appointment lasts',
		default: '0',
	}),
	meetingField('subject', { label: 'Meeting Subject', text: 'Subject of the appointment' }),
	meetingField('comments', {
		label: 'Meeting Comments',
		kind: 'longText',
		text: 'Comments about the appointment',
	}),
	meetingField('location', {
		label: 'Meeting Location',
		text: 'Where the appointment takes place',
	}),
	meetingField('type', {
		label: 'Meeting Type',
		kind: 'enum',
		text: 'Type of appointment',
		options: MEETING_TYPES,
	}),
	meetingField('visit_type', {
		label: 'Visit Type',
		kind: 'enum',
		text: 'Type of visit',
		options: VISIT_TYPES,
	}),
	meetingField('linea_negocio', {
		label: 'Meeting Business Line',
		kind: 'enum',
		text: 'Business line of the appointment',
		options: BUSINESS_LINES,
	}),
];

const MEETING_CLIENT = clientFields('meeting_client');
const isHomePhone = (def: FieldDef) => def.name === 'meeting_client_phone_home';

/** Documented as optional in the meeting block of both endpoints. */
const MEETING_OPTIONAL = [
	meetingField('marca', {
		label: 'Meeting Vehicle Brand',
		text: 'Brand of the vehicle (code from the vendor table)',
	}),
	meetingField('modelo', {
		label: 'Meeting Vehicle Model',
		text: 'Model of the vehicle (code from the vendor table)',
	}),
	...MEETING_CLIENT.filter(isHomePhone),
];

/** Shown and required only for an appointment. */
export const appointmentOnly = (kind: 'prospect' | 'call'): Show => ({
	type: CALL_TYPES[kind]
		.map((option) => String(option.value))
		.filter((value) => APPOINTMENT_TYPES.includes(value)),
});

export const isAppointment = (params: IDataObject) =>
	APPOINTMENT_TYPES.includes(String(params.type));

/** The call type (`type`), whose appointment values bring the meeting block. */
export function callType(kind: keyof typeof CALL_TYPES): FieldSet {
	const text =
		kind === 'quotation'
			? 'Type of the call'
			: 'Type of the call; an appointment adds the meeting fields';
	return required([
		{
			name: 'type',
			label: 'Call Type',
			kind: 'enum',
			options: CALL_TYPES[kind],
			default: 'seguimiento',
			text,
		},
	]);
}

/**
 * The meeting block (`meeting`, with its `client`): shown and required only when the call is an
 * appointment, as is the advisor who receives it.
 */
export function meeting(kind: 'prospect' | 'call') {
	const requiredFields = [
		...(kind === 'call' ? [meetingStatus] : []),
		...MEETING,
		...MEETING_CLIENT.filter((def) => !isHomePhone(def)),
	];
	return {
		fields: combine(
			required(requiredFields, appointmentOnly(kind)),
			inCollection(
				MEETING_OPTIONAL,
				{
					name: 'meetingOptions',
					label: 'Meeting Additional Fields',
					placeholder: 'Add Meeting Field',
				},
				appointmentOnly(kind),
			),
		),
		rule: requireWhen(
			isAppointment,
			['user_name_asesor', ...requiredFields.map((def) => def.name)],
			'when the call is an appointment',
		),
	};
}
