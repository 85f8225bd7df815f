import type { IDataObject } from 'n8n-workflow';

import type { FieldDef } from '../../common/fields/fieldDef';
import type { FieldSet } from '../../common/fields/fieldSet';
import { toSchema } from '../../common/fields/fieldDef';
import { combine, optionalTopLevel, inCollection, required } from '../../common/fields/fieldSet';
import type { AnyOperationSpec } from '../../common/execution/operation';
import { QUOTATION_CLIENT, appointmentOnly, callType, meeting } from '../appointment';
import { bodyOperation, pathId, requireWhen } from '../body';
import { fieldsNamed } from '../fields';

const fromQuotation = bodyOperation({
	resource: 'prospect',
	operation: 'createFromQuotation',
	default: true,
	name: 'Create From Quotation',
	action: 'Create a prospect from a quotation',
	description:
		'Create a prospect from a quotation made over WhatsApp, web chat or Facebook (quotation)',
	path: '/api/quotation',
	fields: combine(
		required([
			...fieldsNamed('user_name_call_center', 'ticket_id', 'comments', 'modelo', 'medio'),
			...QUOTATION_CLIENT,
		]),
		inCollection(fieldsNamed('campania')),
	),
	additional: 'pairs',
});

const fromCallQuotation = bodyOperation({
	resource: 'prospect',
	operation: 'createFromCallQuotation',
	name: 'Create From Call Quotation',
	action: 'Create a prospect from a call quotation',
	description:
		'Create a prospect and its call from a quotation made by the 1800 call center (call_quotation)',
	path: '/api/call_quotation',
	fields: combine(
		required(
			fieldsNamed(
				'user_name_call_center',
				'date_start',
				'duration_hours',
				'duration_minutes',
				'direction',
			),
		),
		callType('quotation'),
		required([...fieldsNamed('ticket_id', 'comments', 'modelo', 'medio'), ...QUOTATION_CLIENT]),
	),
	additional: 'pairs',
});

const prospectMeeting = meeting('prospect');

const logCall = bodyOperation({
	resource: 'prospect',
	operation: 'logCall',
	name: 'Log Call or Reschedule',
	action: 'Log a call on a prospect',
	description:
		'Log a call on a prospect, and schedule or reschedule its appointment (calls_prospeccion)',
	path: '/api/calls_prospeccion',
	fields: combine(
		required(
			fieldsNamed(
				'prospeccion_id',
				'user_name_call_center',
				'date_start',
				'duration_hours',
				'duration_minutes',
				'status',
				'direction',
			),
		),
		callType('prospect'),
		required(fieldsNamed('category', 'notes')),
		required(fieldsNamed('user_name_asesor'), appointmentOnly('prospect')),
		prospectMeeting.fields,
	),
	additional: 'pairs',
	rules: [prospectMeeting.rule],
});

const close = bodyOperation({
	resource: 'prospect',
	operation: 'close',
	name: 'Close',
	action: 'Close a prospect',
	description:
		'Close a prospect, by Prospect ID, with one of the listed reasons (close_prospeccion)',
	path: '/api/close_prospeccion/{id}',
	id: pathId('Prospect ID', 'ID of the prospect (prospección) in SugarCRM'),
	fields: required(fieldsNamed('prospect_motivo_cierre')),
});

/**
 * Last names are documented as required but "may go blank" for a legal entity (RUC): required by
 * the rule below otherwise, and sent blank ("") rather than left out, since the field is required.
 */
const companyLastNames: FieldDef = {
	...fieldsNamed('apellidos')[0],
	text: 'Last names of the client; may be blank only when the identification type is RUC (a company)',
};
const lastNames: FieldSet = {
	...optionalTopLevel([companyLastNames]),
	shape: { apellidos: toSchema(companyLastNames).transform((value) => value ?? '') },
};

const fromWorkshopApp = bodyOperation({
	resource: 'prospect',
	operation: 'createFromWorkshopApp',
	name: 'Create From Workshop App',
	action: 'Create a prospect from the workshop app',
	description: 'Create a prospect from the workshop (APP Talleres) form (forms_prospeccion)',
	path: '/api/forms_prospeccion',
	fields: combine(
		required(fieldsNamed('numero_identificacion', 'tipo_identificacion', 'nombres')),
		lastNames,
		required(fieldsNamed('email', 'celular', 'agencia', 'fuente_taller', 'modelo')),
		inCollection(
			fieldsNamed(
				'comentarios',
				'tienetoyota',
				'interesadorenovacion',
				'horaentregainmediata',
				'asesorcorreo',
				'asesornombre',
			),
		),
	),
	rules: [
		requireWhen(
			(params: IDataObject) => params.tipo_identificacion !== 'R',
			['apellidos'],
			'unless the identification type is RUC (a company)',
		),
	],
});

export const prospectOperations: AnyOperationSpec[] = [
	fromQuotation,
	fromCallQuotation,
	logCall,
	close,
	fromWorkshopApp,
];
