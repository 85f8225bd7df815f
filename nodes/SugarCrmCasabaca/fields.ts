/**
 * Casabaca's documented fields, each declared once (common/fieldSet.ts): its label, its place in
 * the body (relative to `datosSugarCRM`, or from the root for `datos_adicionales.*` and the flat
 * endpoints), its kind and choices. Operations pick them by name (`fieldsNamed`); the call type,
 * the meeting and the client blocks come as blocks from appointment.ts.
 */
import type { FieldDef, FieldKind } from '../common/fieldSet';
import type { LocatorDef } from '../common/locator';
import {
	BUSINESS_LINES,
	CATEGORIES,
	DIRECTIONS,
	DISABILITY_RANGES,
	FUELS,
	ID_TYPES,
	PROSPECT_CLOSE_REASONS,
	TICKET_CLOSE_REASONS,
	TRANSACTION_TYPES,
	YES_NO,
} from './choices';

type Extra = Omit<Partial<FieldDef>, 'name' | 'label' | 'kind' | 'text'>;

/**
 * The advisor of an appointment, from node version 2 picked from the advisors (asesores) of the
 * operation's Medio ID; an operation without a Medio ID keeps the plain field.
 */
export const ADVISOR_LOCATOR: LocatorDef = {
	noun: 'advisor',
	search: 'searchAdvisors',
	id: { placeholder: 'e.g. MA_PALACIOS', regex: '.*\\S.*' },
};

/** A field in one line; its API name is its parameter name unless `extra.api` says otherwise. */
export const field = <N extends string>(
	name: N,
	label: string,
	kind: FieldKind,
	text: string,
	extra: Extra = {},
) => ({
	...extra,
	name,
	label,
	kind,
	text,
});

/** Sent as Y-m-d H:i in UTC, as Casabaca documents. */
export const IN_UTC: Extra = { date: { format: 'Y-m-d H:i' } };
const EMAIL: Extra = { placeholder: 'name@email.com' };

const DOCUMENTED = [
	// Flat endpoints (advisors, API users, landing pages)
	field('medio', 'Medio ID', 'digits', 'ID of the medio (source channel) in SugarCRM'),
	field('name', 'Name', 'text', 'Name of the user'),
	field('register_email', 'E-Mail', 'email', 'E-mail of the user', { ...EMAIL, api: 'email' }),
	field('register_password', 'Password', 'password', 'Password of the new API user', {
		api: 'password',
	}),
	field('fuente', 'Source Type', 'text', 'Type of source, e.g. inconcert'),
	field('fuente_id', 'Source ID', 'text', 'ID of the source'),
	field(
		'medios',
		'Medio IDs',
		'text',
		'Medios the user may access, separated by commas, e.g. 2,3,5',
		{
			placeholder: 'e.g. 2,3,5',
		},
	),
	field('compania', 'Company ID', 'text', 'ID of the company'),
	field('landing_name', 'Form Name', 'text', 'Name of the landing page form', { api: 'name' }),
	field('autorizador', 'Authorizer E-Mail', 'email', 'E-mail of the authorizing user', EMAIL),
	field('campaign', 'Campaign Code', 'text', 'Code of the campaign'),
	field('business_line_id', 'Business Line Code', 'text', 'Code of the business line'),
	field('user_login', 'User Login', 'text', 'User login of the landing page owner'),
	field('type_transaction', 'Transaction Type', 'enum', 'Type of transaction', {
		options: TRANSACTION_TYPES,
	}),
	field(
		'user_assigned_position',
		'Assigned User Position',
		'digits',
		'Position (role) of the user the tickets are assigned to',
	),

	// People and tickets
	field(
		'numero_identificacion',
		'Identification Number',
		'text',
		'Identification number of the client',
	),
	field('tipo_identificacion', 'Identification Type', 'enum', 'Identification type of the client', {
		options: ID_TYPES,
	}),
	field('nombres', 'First Names', 'text', 'First names of the client'),
	field('apellidos', 'Last Names', 'text', 'Last names of the client'),
	field('email', 'E-Mail', 'email', 'E-mail of the client', EMAIL),
	field('celular', 'Mobile Phone', 'digits', 'Mobile phone of the client'),
	field('telefono', 'Home Phone', 'digits', 'Home phone of the client'),
	field(
		'user_name',
		'Advisor User Name',
		'text',
		'SugarCRM user name of the advisor; required when the source is inConcert',
	),
	field('linea_negocio', 'Business Line', 'enum', 'Business line', { options: BUSINESS_LINES }),
	field('tipo_transaccion', 'Transaction Type', 'enum', 'Type of transaction', {
		options: TRANSACTION_TYPES,
	}),
	field('anio', 'Vehicle Year', 'text', 'Year of the vehicle'),
	field('placa', 'License Plate', 'text', 'License plate of the vehicle'),
	field('campania', 'Campaign ID', 'text', 'ID of the campaign'),
	field('asunto', 'Subject', 'text', 'Subject; required when a client comment is given'),
	field('comentario_cliente', 'Client Comment', 'longText', 'Comment of the client'),
	field(
		'id_interaccion_inconcert',
		'External Interaction ID',
		'text',
		'ID of the interaction in the external system (e.g. inConcert)',
	),
	field('description', 'Advisor Comment', 'longText', 'Comment of the advisor'),
	field(
		'porcentaje_discapacidad',
		'Disability Percentage',
		'enum',
		'Disability percentage of the client',
		{
			options: DISABILITY_RANGES,
		},
	),
	field(
		'marca',
		'Brand',
		'text',
		'Brand of the vehicle (code from the vendor table; required for CarMatch)',
	),
	field('modelo', 'Model', 'text', 'Model of the vehicle'),
	field('precio', 'Price', 'text', 'Price of the vehicle (required for CarMatch)'),
	field('color', 'Color', 'text', 'Color of the vehicle (required for CarMatch)'),
	field('anioMin', 'Minimum Year', 'text', 'Minimum year of the vehicle (required for CarMatch)'),
	field('anioMax', 'Maximum Year', 'text', 'Maximum year of the vehicle (required for CarMatch)'),
	field('kilometraje', 'Mileage', 'text', 'Mileage of the vehicle (required for CarMatch)'),
	field('combustible', 'Fuel', 'enum', 'Fuel of the vehicle (required for CarMatch)', {
		options: FUELS,
	}),
	field('formulario', 'Form Name', 'text', 'Name of the landing page form'),
	field(
		'concesionario',
		'Dealership',
		'text',
		'Name of the agency / dealership, e.g. Santo Domingo (Casabaca)',
	),
	field('title', 'Form Title', 'text', 'Title of the web form', { api: 'datos_adicionales.title' }),
	field('pageUrl', 'Form Page URL', 'text', 'URL of the web form', {
		api: 'datos_adicionales.pageUrl',
	}),
	field('thankyouPageUrl', 'Thank-You Page URL', 'text', 'URL of the thank-you page', {
		api: 'datos_adicionales.thankyouPageUrl',
	}),
	field('ticket_motivo_cierre', 'Closing Reason', 'enum', 'Why the ticket is closed', {
		api: 'motivo_cierre',
		options: TICKET_CLOSE_REASONS,
	}),

	// Calls and prospects
	field(
		'user_name_call_center',
		'Call Center User Name',
		'text',
		'SugarCRM user name of the call center agent',
	),
	field(
		'user_name_asesor',
		'Advisor User Name',
		'text',
		'SugarCRM user name of the advisor; required when the call is an appointment',
	),
	field('ticket_id', 'Ticket ID', 'text', 'ID of the SugarCRM ticket'),
	field('comments', 'Comments', 'longText', 'Comments about the prospect'),
	field(
		'date_start',
		'Call Start',
		'date',
		"When the call started; sent as Y-m-d H:i in UTC (a time without a zone is read in the workflow's time zone)",
		IN_UTC,
	),
	field('duration_hours', 'Duration Hours', 'digits', 'Hours the call lasted', { default: '0' }),
	field('duration_minutes', 'Duration Minutes', 'digits', 'Minutes the call lasted', {
		default: '0',
	}),
	field('direction', 'Direction', 'enum', 'Whether the call was inbound or outbound', {
		options: DIRECTIONS,
	}),
	field('status', 'Call Status', 'enum', 'Status of the call (Held is the only documented value)', {
		options: [{ name: 'Held', value: 'Held' }],
	}),
	field('category', 'Category', 'enum', 'Category of the call', { options: CATEGORIES }),
	field('notes', 'Notes', 'longText', 'Notes'),
	field('prospeccion_id', 'Prospect ID', 'text', 'ID of the SugarCRM prospect'),
	field('call_ticket_id', 'Ticket ID', 'text', 'ID of the SugarCRM ticket of the call', {
		api: 'ticket.id',
	}),
	field(
		'call_ticket_is_closed',
		'Close the Ticket',
		'boolean',
		'Whether to close the ticket of the call',
		{
			api: 'ticket.is_closed',
			default: false,
		},
	),
	field('call_ticket_motivo_cierre', 'Ticket Closing Reason', 'enum', 'Why the ticket is closed', {
		api: 'ticket.motivo_cierre',
		options: TICKET_CLOSE_REASONS,
	}),
	field('prospect_motivo_cierre', 'Closing Reason', 'enum', 'Why the prospect is closed', {
		api: 'motivo_cierre',
		options: PROSPECT_CLOSE_REASONS,
	}),

	// Workshop app form
	field('agencia', 'Agency ID', 'digits', 'S3S ID of the agency'),
	field('fuente_taller', 'Source ID', 'digits', 'Allowed source: 17 (APP Talleres)', {
		api: 'fuente',
		default: '17',
	}),
	field('comentarios', 'Comments', 'longText', 'Comments'),
	field('tienetoyota', 'Has a Toyota', 'enum', 'Whether the client has a Toyota', {
		options: YES_NO,
	}),
	field(
		'interesadorenovacion',
		'Interested in Renewal',
		'enum',
		'Whether the client is interested in renewing the vehicle',
		{
			options: YES_NO,
		},
	),
	field(
		'horaentregainmediata',
		'Immediate Delivery Time',
		'date',
		'Date and time of delivery; sent as Y-m-d H:i:s with the clock time given (no zone is documented)',
		{ date: { format: 'Y-m-d H:i:s', zone: 'asGiven' } },
	),
	field('asesorcorreo', 'Advisor E-Mail', 'email', 'E-mail of the advisor', EMAIL),
	field('asesornombre', 'Advisor Name', 'text', 'Name of the advisor'),

	// Ticket notes
	field('interaction', 'Interaction ID', 'text', 'ID of the interaction, if there is one'),
	field(
		'prospeccion',
		'Prospect ID',
		'text',
		'ID of the prospect created if there was an appointment',
	),
];

export type FieldName = (typeof DOCUMENTED)[number]['name'];

const BY_NAME = new Map<string, FieldDef>(DOCUMENTED.map((def) => [def.name, def]));

/** The declared fields of these names, in this order. */
export const fieldsNamed = (...names: FieldName[]): FieldDef[] =>
	names.map((name) => BY_NAME.get(name) as FieldDef);
