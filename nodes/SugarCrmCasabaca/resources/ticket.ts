import type { IDataObject } from 'n8n-workflow';

import { combine, inCollection, required } from '../../common/fields/fieldSet';
import type { AnyOperationSpec } from '../../common/execution/operation';
import { bodyOperation, pathId, requireWhen } from '../body';
import { fieldsNamed } from '../fields';

const ticketId = pathId('Ticket ID', 'ID of the ticket in SugarCRM');

const subjectWithComment = requireWhen(
	(params: IDataObject) =>
		Boolean((params.additionalFields as IDataObject | undefined)?.comentario_cliente),
	['asunto'],
	'when a client comment is given',
);

const createInteraction = bodyOperation({
	resource: 'ticket',
	operation: 'createInteraction',
	default: true,
	name: 'Create Interaction',
	action: 'Create a ticket interaction',
	description:
		'Create a ticket and its interaction from a web form or an external system (tickets)',
	path: '/api/tickets',
	fields: combine(
		required(
			fieldsNamed('email', 'nombres', 'apellidos', 'celular', 'medio', 'id_interaccion_inconcert'),
		),
		inCollection(
			fieldsNamed(
				'numero_identificacion',
				'tipo_identificacion',
				'user_name',
				'telefono',
				'linea_negocio',
				'tipo_transaccion',
				'anio',
				'placa',
				'campania',
				'asunto',
				'comentario_cliente',
				'description',
				'porcentaje_discapacidad',
				'marca',
				'modelo',
				'precio',
				'color',
				'anioMin',
				'anioMax',
				'kilometraje',
				'combustible',
			),
		),
		inCollection(fieldsNamed('title', 'pageUrl', 'thankyouPageUrl'), {
			name: 'formDetails',
			label: 'Form Details',
			placeholder: 'Add Form Detail',
		}),
	),
	additional: 'pairsAndFormFields',
	rules: [subjectWithComment],
});

const createFromCall = bodyOperation({
	resource: 'ticket',
	operation: 'createFromCall',
	name: 'Create From Call',
	action: 'Create a ticket from a call',
	description:
		"Create a ticket from an inbound or outbound call: the client's identification, names, e-mail and mobile, the Medio ID and the call's external ID (call_ticket)",
	path: '/api/call_ticket',
	fields: combine(
		required(
			fieldsNamed(
				'numero_identificacion',
				'tipo_identificacion',
				'email',
				'nombres',
				'apellidos',
				'celular',
				'medio',
				'id_interaccion_inconcert',
			),
		),
		inCollection(
			fieldsNamed(
				'user_name',
				'telefono',
				'linea_negocio',
				'tipo_transaccion',
				'campania',
				'marca',
				'modelo',
				'comentario_cliente',
				'description',
				'porcentaje_discapacidad',
			),
		),
	),
	additional: 'pairsAndFormFields',
});

const createFromLandingPage = bodyOperation({
	resource: 'ticket',
	operation: 'createFromLandingPage',
	name: 'Create From Landing Page',
	action: 'Create a ticket from a landing page',
	description:
		"Create a ticket from a landing page form: the form name, the client's identification, names, e-mail and mobile, and the dealership (landing_ticket)",
	path: '/api/landing_ticket',
	fields: required(
		fieldsNamed(
			'formulario',
			'numero_identificacion',
			'tipo_identificacion',
			'nombres',
			'apellidos',
			'email',
			'celular',
			'concesionario',
		),
	),
});

const markNotAnswered = bodyOperation({
	resource: 'ticket',
	operation: 'markNotAnswered',
	name: 'Mark Not Answered',
	action: 'Mark a ticket interaction as not answered',
	description:
		'Record that the client of a ticket did not answer, by Ticket ID (not_answer_ticket)',
	path: '/api/not_answer_ticket/{id}',
	id: ticketId,
	fields: combine(),
});

const logUnansweredCall = bodyOperation({
	resource: 'ticket',
	operation: 'logUnansweredCall',
	name: 'Log Unanswered Call',
	action: 'Log an unanswered call on a ticket',
	description:
		'Log an unanswered call to the client of a ticket: Ticket ID, call center user, start, duration and direction (not_answer_call)',
	path: '/api/not_answer_call',
	fields: required(
		fieldsNamed(
			'ticket_id',
			'user_name_call_center',
			'date_start',
			'duration_hours',
			'duration_minutes',
			'direction',
		),
	),
	additional: 'pairsAndFormFields',
});

const close = bodyOperation({
	resource: 'ticket',
	operation: 'close',
	name: 'Close',
	action: 'Close a ticket',
	description: 'Close a ticket, by Ticket ID, with one of the listed reasons (close_ticket)',
	path: '/api/close_ticket/{id}',
	id: ticketId,
	fields: required(fieldsNamed('ticket_motivo_cierre')),
});

const addNotes = bodyOperation({
	resource: 'ticket',
	operation: 'addNotes',
	name: 'Add Notes',
	action: 'Add notes to a ticket',
	description: 'Add notes to a ticket, by Ticket ID (addNotes)',
	path: '/api/ticket/addNotes/{id}',
	id: ticketId,
	fields: combine(
		required(fieldsNamed('notes')),
		inCollection(fieldsNamed('interaction', 'prospeccion')),
	),
});

export const ticketOperations: AnyOperationSpec[] = [
	createInteraction,
	createFromCall,
	createFromLandingPage,
	markNotAnswered,
	logUnansweredCall,
	close,
	addNotes,
];
