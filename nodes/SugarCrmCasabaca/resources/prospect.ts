import type { IDataObject } from 'n8n-workflow';

import { optionalText } from '../../common/fields';
import type { AnyOperationSpec } from '../../common/operation';
import { clientBlock } from '../catalog';
import { bodyOperation, idProperty } from '../define';
import { appointmentOnly, callType, combine, meeting, notRequired, optional, required, requireWhen } from '../fragments';

const fromQuotation = bodyOperation({
	resource: 'prospect',
	operation: 'createFromQuotation',
	name: 'Create From Quotation',
	action: 'Create a prospect from a quotation',
	description: 'Create a prospect from a quotation made over WhatsApp, web chat or Facebook (quotation)',
	path: '/api/quotation',
	fields: combine(
		required(['user_name_call_center', 'ticket_id', 'comments', 'modelo', 'medio', ...clientBlock('client')]),
		optional(['campania']),
	),
	additional: 'pairs',
});

const fromCallQuotation = bodyOperation({
	resource: 'prospect',
	operation: 'createFromCallQuotation',
	name: 'Create From Call Quotation',
	action: 'Create a prospect from a call quotation',
	description: 'Create a prospect and its call from a quotation made by the 1800 call center (call_quotation)',
	path: '/api/call_quotation',
	fields: combine(
		required(['user_name_call_center', 'date_start', 'duration_hours', 'duration_minutes', 'direction']),
		callType('quotation'),
		required(['ticket_id', 'comments', 'modelo', 'medio', ...clientBlock('client')]),
	),
	additional: 'pairs',
});

const prospectMeeting = meeting('prospect');

const logCall = bodyOperation({
	resource: 'prospect',
	operation: 'logCall',
	name: 'Log Call or Reschedule',
	action: 'Log a call on a prospect',
	description: 'Log a call on a prospect, and schedule or reschedule its appointment (calls_prospeccion)',
	path: '/api/calls_prospeccion',
	fields: combine(
		required(['prospeccion_id', 'user_name_call_center', 'date_start', 'duration_hours', 'duration_minutes', 'status', 'direction']),
		callType('prospect'),
		required(['category', 'notes']),
		required(['user_name_asesor'], appointmentOnly('prospect')),
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
	description: 'Close a prospect with a reason (close_prospeccion)',
	path: '/api/close_prospeccion/{id}',
	id: idProperty('Prospect ID', 'ID of the prospect (prospección) in SugarCRM'),
	fields: required(['prospect_motivo_cierre']),
});

/**
 * Last names are documented as required but "may go blank" for a legal entity (RUC): required by
 * the rule below otherwise, and sent blank ("") rather than left out, since the field is required.
 */
const lastNames = notRequired(['apellidos']);
lastNames.shape.apellidos = optionalText().transform((value) => value ?? '');
lastNames.properties[0].description =
	'Last names of the client; may be blank only when the identification type is RUC (a company) (API field: apellidos)';

const fromWorkshopApp = bodyOperation({
	resource: 'prospect',
	operation: 'createFromWorkshopApp',
	name: 'Create From Workshop App',
	action: 'Create a prospect from the workshop app',
	description: 'Create a prospect from the workshop (APP Talleres) form (forms_prospeccion)',
	path: '/api/forms_prospeccion',
	fields: combine(
		required(['numero_identificacion', 'tipo_identificacion', 'nombres']),
		lastNames,
		required(['email', 'celular', 'agencia', 'fuente_taller', 'modelo']),
		optional(['comentarios', 'tienetoyota', 'interesadorenovacion', 'horaentregainmediata', 'asesorcorreo', 'asesornombre']),
	),
	rules: [
		requireWhen(
			(params: IDataObject) => params.tipo_identificacion !== 'R',
			['apellidos'],
			'unless the identification type is RUC (a company)',
		),
	],
});

export const prospectOperations: AnyOperationSpec[] = [fromQuotation, fromCallQuotation, logCall, close, fromWorkshopApp];
