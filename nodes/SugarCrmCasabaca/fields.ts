/**
 * Casabaca's documented fields, each declared once (common/fieldSet.ts): its label, its place in
 * the body (relative to `datosSugarCRM`, or from the root for `datos_adicionales.*` and the flat
 * endpoints), its kind and choices. Operations pick them by name (`fieldsNamed`); the call type,
 * the meeting and the client blocks come as blocks from appointment.ts.
 */
import type { FieldDef } from '../common/fieldDef';
import type { LocatorDef } from '../common/fieldDef';
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

type Extra = Partial<FieldDef>;

/**
 * The advisor of an appointment, from node version 2 picked from the advisors (asesores) of the
 * operation's Medio ID; an operation without a Medio ID keeps the plain field.
 */
export const ADVISOR_LOCATOR: LocatorDef = {
	noun: 'advisor',
	search: 'searchAdvisors',
	id: { placeholder: 'e.g. MA_PALACIOS', regex: '.*\\S.*' },
};

/** A FieldDef whose name stays a literal type, so that `fieldsNamed` accepts only declared names. */
export const defineField = <N extends string>(def: FieldDef & { name: N }) => def;

/** Sent as Y-m-d H:i in UTC, as Casabaca documents. */
export const IN_UTC: Extra = { date: { format: 'Y-m-d H:i' } };
const EMAIL: Extra = { placeholder: 'name@email.com' };

const DOCUMENTED = [
	// Flat endpoints (advisors, API users, landing pages)
	defineField({
		name: 'medio',
		label: 'Medio ID',
		kind: 'digits',
		text: 'ID of the medio (source channel) in SugarCRM',
	}),
	defineField({ name: 'name', label: 'Name', text: 'Name of the user' }),
	defineField({
		name: 'register_email',
		label: 'E-Mail',
		kind: 'email',
		text: 'E-mail of the user',
		...EMAIL,
		api: 'email',
	}),
	defineField({
		name: 'register_password',
		label: 'Password',
		kind: 'password',
		text: 'Password of the new API user',
		api: 'password',
	}),
	defineField({ name: 'fuente', label: 'Source Type', text: 'Type of source, e.g. inconcert' }),
	defineField({ name: 'fuente_id', label: 'Source ID', text: 'ID of the source' }),
	defineField({
		name: 'medios',
		label: 'Medio IDs',
		text: 'Medios the user may access, separated by commas, e.g. 2,3,5',
		placeholder: 'e.g. 2,3,5',
	}),
	defineField({ name: 'compania', label: 'Company ID', text: 'ID of the company' }),
	defineField({
		name: 'landing_name',
		label: 'Form Name',
		text: 'Name of the landing page form',
		api: 'name',
	}),
	defineField({
		name: 'autorizador',
		label: 'Authorizer E-Mail',
		kind: 'email',
		text: 'E-mail of the authorizing user',
		...EMAIL,
	}),
	defineField({ name: 'campaign', label: 'Campaign Code', text: 'Code of the campaign' }),
	defineField({
		name: 'business_line_id',
		label: 'Business Line Code',
		text: 'Code of the business line',
	}),
	defineField({
		name: 'user_login',
		label: 'User Login',
		text: 'User login of the landing page owner',
	}),
	defineField({
		name: 'type_transaction',
		label: 'Transaction Type',
		kind: 'enum',
		text: 'Type of transaction',
		options: TRANSACTION_TYPES,
	}),
	defineField({
		name: 'user_assigned_position',
		label: 'Assigned User Position',
		kind: 'digits',
		text: 'Position (role) of the user the tickets are assigned to',
	}),

	// People and tickets
	defineField({
		name: 'numero_identificacion',
		label: 'Identification Number',
		text: 'Identification number of the client',
	}),
	defineField({
		name: 'tipo_identificacion',
		label: 'Identification Type',
		kind: 'enum',
		text: 'Identification type of the client',
		options: ID_TYPES,
	}),
	defineField({ name: 'nombres', label: 'First Names', text: 'First names of the client' }),
	defineField({ name: 'apellidos', label: 'Last Names', text: 'Last names of the client' }),
	defineField({
		name: 'email',
		label: 'E-Mail',
		kind: 'email',
		text: 'E-mail of the client',
		...EMAIL,
	}),
	defineField({
		name: 'celular',
		label: 'Mobile Phone',
		kind: 'digits',
		text: 'Mobile phone of the client',
	}),
	defineField({
		name: 'telefono',
		label: 'Home Phone',
		kind: 'digits',
		text: 'Home phone of the client',
	}),
	defineField({
		name: 'user_name',
		label: 'Advisor User Name',
		text: 'SugarCRM user name of the advisor; required when the source is inConcert',
	}),
	defineField({
		name: 'linea_negocio',
		label: 'Business Line',
		kind: 'enum',
		text: 'Business line',
		options: BUSINESS_LINES,
	}),
	defineField({
		name: 'tipo_transaccion',
		label: 'Transaction Type',
		kind: 'enum',
		text: 'Type of transaction',
		options: TRANSACTION_TYPES,
	}),
	defineField({ name: 'anio', label: 'Vehicle Year', text: 'Year of the vehicle' }),
	defineField({ name: 'placa', label: 'License Plate', text: 'License plate of the vehicle' }),
	defineField({ name: 'campania', label: 'Campaign ID', text: 'ID of the campaign' }),
	defineField({
		name: 'asunto',
		label: 'Subject',
		text: 'Subject; required when a client comment is given',
	}),
	defineField({
		name: 'comentario_cliente',
		label: 'Client Comment',
		kind: 'longText',
		text: 'Comment of the client',
	}),
	defineField({
		name: 'id_interaccion_inconcert',
		label: 'External Interaction ID',
		text: 'ID of the interaction in the external system (e.g. inConcert)',
	}),
	defineField({
		name: 'description',
		label: 'Advisor Comment',
		kind: 'longText',
		text: 'Comment of the advisor',
	}),
	defineField({
		name: 'porcentaje_discapacidad',
		label: 'Disability Percentage',
		kind: 'enum',
		text: 'Disability percentage of the client',
		options: DISABILITY_RANGES,
	}),
	defineField({
		name: 'marca',
		label: 'Brand',
		text: 'Brand of the vehicle (code from the vendor table; required for CarMatch)',
	}),
	defineField({ name: 'modelo', label: 'Model', text: 'Model of the vehicle' }),
	defineField({
		name: 'precio',
		label: 'Price',
		text: 'Price of the vehicle (required for CarMatch)',
	}),
	defineField({
		name: 'color',
		label: 'Color',
		text: 'Color of the vehicle (required for CarMatch)',
	}),
	defineField({
		name: 'anioMin',
		label: 'Minimum Year',
		text: 'Minimum year of the vehicle (required for CarMatch)',
	}),
	defineField({
		name: 'anioMax',
		label: 'Maximum Year',
		text: 'Maximum year of the vehicle (required for CarMatch)',
	}),
	defineField({
		name: 'kilometraje',
		label: 'Mileage',
		text: 'Mileage of the vehicle (required for CarMatch)',
	}),
	defineField({
		name: 'combustible',
		label: 'Fuel',
		kind: 'enum',
		text: 'Fuel of the vehicle (required for CarMatch)',
		options: FUELS,
	}),
	defineField({ name: 'formulario', label: 'Form Name', text: 'Name of the landing page form' }),
	defineField({
		name: 'concesionario',
		label: 'Dealership',
		text: 'Name of the agency / dealership, e.g. Santo Domingo (Casabaca)',
	}),
	defineField({
		name: 'title',
		label: 'Form Title',
		text: 'Title of the web form',
		api: 'datos_adicionales.title',
	}),
	defineField({
		name: 'pageUrl',
		label: 'Form Page URL',
		text: 'URL of the web form',
		api: 'datos_adicionales.pageUrl',
	}),
	defineField({
		name: 'thankyouPageUrl',
		label: 'Thank-You Page URL',
		text: 'URL of the thank-you page',
		api: 'datos_adicionales.thankyouPageUrl',
	}),
	defineField({
		name: 'ticket_motivo_cierre',
		label: 'Closing Reason',
		kind: 'enum',
		text: 'Why the ticket is closed',
		api: 'motivo_cierre',
		options: TICKET_CLOSE_REASONS,
	}),

	// Calls and prospects
	defineField({
		name: 'user_name_call_center',
		label: 'Call Center User Name',
		text: 'SugarCRM user name of the call center agent',
	}),
	defineField({
		name: 'user_name_asesor',
		label: 'Advisor User Name',
		text: 'SugarCRM user name of the advisor; required when the call is an appointment',
	}),
	defineField({ name: 'ticket_id', label: 'Ticket ID', text: 'ID of the SugarCRM ticket' }),
	defineField({
		name: 'comments',
		label: 'Comments',
		kind: 'longText',
		text: 'Comments about the prospect',
	}),
	defineField({
		name: 'date_start',
		label: 'Call Start',
		kind: 'date',
		text: "When the call started; sent as Y-m-d H:i in UTC (a time without a zone is read in the workflow's time zone)",
		...IN_UTC,
	}),
	defineField({
		name: 'duration_hours',
		label: 'Duration Hours',
		kind: 'digits',
		text: 'Hours the call lasted',
		default: '0',
	}),
	defineField({
		name: 'duration_minutes',
		label: 'Duration Minutes',
		kind: 'digits',
		text: 'Minutes the call lasted',
		default: '0',
	}),
	defineField({
		name: 'direction',
		label: 'Direction',
		kind: 'enum',
		text: 'Whether the call was inbound or outbound',
		options: DIRECTIONS,
	}),
	defineField({
		name: 'status',
		label: 'Call Status',
		kind: 'enum',
		text: 'Status of the call (Held is the only documented value)',
		options: [{ name: 'Held', value: 'Held' }],
	}),
	defineField({
		name: 'category',
		label: 'Category',
		kind: 'enum',
		text: 'Category of the call',
		options: CATEGORIES,
	}),
	defineField({ name: 'notes', label: 'Notes', kind: 'longText', text: 'Notes' }),
	defineField({
		name: 'prospeccion_id',
		label: 'Prospect ID',
		text: 'ID of the SugarCRM prospect',
	}),
	defineField({
		name: 'call_ticket_id',
		label: 'Ticket ID',
		text: 'ID of the SugarCRM ticket of the call',
		api: 'ticket.id',
	}),
	defineField({
		name: 'call_ticket_is_closed',
		label: 'Close the Ticket',
		kind: 'boolean',
		text: 'Whether to close the ticket of the call',
		api: 'ticket.is_closed',
		default: false,
	}),
	defineField({
		name: 'call_ticket_motivo_cierre',
		label: 'Ticket Closing Reason',
		kind: 'enum',
		text: 'Why the ticket is closed',
		api: 'ticket.motivo_cierre',
		options: TICKET_CLOSE_REASONS,
	}),
	defineField({
		name: 'prospect_motivo_cierre',
		label: 'Closing Reason',
		kind: 'enum',
		text: 'Why the prospect is closed',
		api: 'motivo_cierre',
		options: PROSPECT_CLOSE_REASONS,
	}),

	// Workshop app form
	defineField({
		name: 'agencia',
		label: 'Agency ID',
		kind: 'digits',
		text: 'S3S ID of the agency',
	}),
	defineField({
		name: 'fuente_taller',
		label: 'Source ID',
		kind: 'digits',
		text: 'Allowed source: 17 (APP Talleres)',
		api: 'fuente',
		default: '17',
	}),
	defineField({ name: 'comentarios', label: 'Comments', kind: 'longText', text: 'Comments' }),
	defineField({
		name: 'tienetoyota',
		label: 'Has a Toyota',
		kind: 'enum',
		text: 'Whether the client has a Toyota',
		options: YES_NO,
	}),
	defineField({
		name: 'interesadorenovacion',
		label: 'Interested in Renewal',
		kind: 'enum',
		text: 'Whether the client is interested in renewing the vehicle',
		options: YES_NO,
	}),
	defineField({
		name: 'horaentregainmediata',
		label: 'Immediate Delivery Time',
		kind: 'date',
		text: 'Date and time of delivery; sent as Y-m-d H:i:s with the clock time given (no zone is documented)',
		date: { format: 'Y-m-d H:i:s', zone: 'asGiven' },
	}),
	defineField({
		name: 'asesorcorreo',
		label: 'Advisor E-Mail',
		kind: 'email',
		text: 'E-mail of the advisor',
		...EMAIL,
	}),
	defineField({ name: 'asesornombre', label: 'Advisor Name', text: 'Name of the advisor' }),

	// Ticket notes
	defineField({
		name: 'interaction',
		label: 'Interaction ID',
		text: 'ID of the interaction, if there is one',
	}),
	defineField({
		name: 'prospeccion',
		label: 'Prospect ID',
		text: 'ID of the prospect created if there was an appointment',
	}),
];

export type FieldName = (typeof DOCUMENTED)[number]['name'];

const BY_NAME = new Map<string, FieldDef>(DOCUMENTED.map((def) => [def.name, def]));

/** The declared fields of these names, in this order. */
export const fieldsNamed = (...names: FieldName[]): FieldDef[] =>
	names.map((name) => BY_NAME.get(name) as FieldDef);
