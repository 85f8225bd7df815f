/**
 * Every documented Casabaca field, defined once: its label, its place in the request body
 * (relative to `datosSugarCRM`, or from the root for `datos_adicionales.*` and the flat
 * endpoints), its kind and options. Operations list which fields they take, required or optional;
 * properties, validation and the body are derived from here.
 */
import type { INodePropertyOptions } from 'n8n-workflow';

export type FieldKind = 'text' | 'longText' | 'digits' | 'email' | 'enum' | 'utcDate' | 'dateTimeSeconds' | 'boolean' | 'password';

export interface FieldDef {
	/** Parameter name in the node (unique per operation). */
	name: string;
	label: string;
	/** Path in the body, e.g. "client.names". */
	api: string;
	/** Sentence describing the field (no final period). */
	text: string;
	kind: FieldKind;
	options?: INodePropertyOptions[];
	placeholder?: string;
	default?: string | boolean;
}

export const ID_TYPES: INodePropertyOptions[] = [
	{ name: 'Cédula (National ID)', value: 'C' },
	{ name: 'Passport', value: 'P' },
	{ name: 'RUC (Tax ID)', value: 'R' },
];
const GENDERS: INodePropertyOptions[] = [
	{ name: 'Female', value: 'F' },
	{ name: 'Male', value: 'M' },
];
const BUSINESS_LINES: INodePropertyOptions[] = [
	{ name: 'Post-Sale (Postventa)', value: '1' },
	{ name: 'New Vehicles (Nuevos)', value: '2' },
	{ name: 'Pre-Owned (Seminuevos)', value: '3' },
	{ name: 'Tax-Exempt (Exonerados)', value: '4' },
];
const TRANSACTION_TYPES: INodePropertyOptions[] = [
	{ name: 'Sales (Ventas)', value: '1' },
	{ name: 'Trade-Ins (Tomas)', value: '2' },
	{ name: 'Complaints (Quejas)', value: '3' },
	{ name: 'General Information', value: '4' },
];
const DIRECTIONS: INodePropertyOptions[] = [
	{ name: 'Inbound', value: 'Inbound' },
	{ name: 'Outbound', value: 'Outbound' },
];
const CATEGORIES: INodePropertyOptions[] = [
	{ name: 'Pre-Sale (Preventa)', value: '1' },
	{ name: 'Post-Sale (Postventa)', value: '2' },
	{ name: 'Prospecting (Prospección)', value: '3' },
];
const MEETING_TYPES: INodePropertyOptions[] = [
	{ name: 'In Person / Normal', value: '1' },
	{ name: 'Virtual', value: '2' },
];
const VISIT_TYPES: INodePropertyOptions[] = [
	{ name: 'First Visit', value: '1' },
	{ name: 'Be-Back', value: '2' },
	{ name: 'Previous Visit', value: '3' },
];
const MEETING_STATUSES: INodePropertyOptions[] = [
	{ name: 'Planned', value: 'Planned' },
	{ name: 'Held', value: 'Held' },
];
const PROSPECT_CLOSE_REASONS: INodePropertyOptions[] = [
	{ name: 'Not Eligible for Financing', value: '1' },
	{ name: 'Information Only', value: '2' },
	{ name: 'Not Contacted', value: '3' },
	{ name: 'Gives Up (Desiste)', value: '4' },
	{ name: 'Future Purchase', value: '5' },
];
export const TICKET_CLOSE_REASONS: INodePropertyOptions[] = [
	{ name: 'Chat Abandoned', value: 'abandono_chat' },
	{ name: 'Information Only', value: 'solo_informacion' },
	{ name: 'Gives Up (Desiste)', value: 'desiste' },
	{ name: 'No Answer', value: 'no_contesta' },
	{ name: 'Future Purchase', value: 'compra_futura' },
];
const DISABILITY_RANGES: INodePropertyOptions[] = [
	{ name: '30% to 49%', value: '30_49' },
	{ name: '50% to 74%', value: '50_74' },
	{ name: '75% to 84%', value: '75_84' },
	{ name: '85% to 100%', value: '85_100' },
];
const FUELS: INodePropertyOptions[] = [
	{ name: 'Gasoline', value: 'gasolina' },
	{ name: 'Diesel', value: 'diesel' },
];
const YES_NO: INodePropertyOptions[] = [
	{ name: 'Yes', value: '1' },
	{ name: 'No', value: '0' },
];

/** The appointment call types: they bring the meeting block. */
export const APPOINTMENT_TYPES = ['cita', 'cita_chat'];

const f = (name: string, label: string, kind: FieldKind, text: string, extra: Partial<FieldDef> = {}): FieldDef => ({
	name,
	label,
	kind,
	text,
	api: name,
	...extra,
});

/** A client block (quotations, and the client of a meeting): defined once, placed by prefix. */
function clientFields(prefix: 'client' | 'meeting_client'): FieldDef[] {
	const api = prefix.replace('_', '.');
	const whose = prefix === 'client' ? 'the client to quote' : 'the client of the appointment';
	const label = prefix === 'client' ? 'Client' : 'Meeting Client';
	return [
		f(`${prefix}_tipo_identificacion`, `${label} Identification Type`, 'enum', `Identification type of ${whose}`, { api: `${api}.tipo_identificacion`, options: ID_TYPES }),
		f(`${prefix}_numero_identificacion`, `${label} Identification Number`, 'text', `Identification number of ${whose}`, { api: `${api}.numero_identificacion` }),
		f(`${prefix}_gender`, `${label} Gender`, 'enum', `Gender of ${whose}`, { api: `${api}.gender`, options: GENDERS }),
		f(`${prefix}_names`, `${label} First Names`, 'text', `First names of ${whose}`, { api: `${api}.names` }),
		f(`${prefix}_surnames`, `${label} Last Names`, 'text', `Last names of ${whose}`, { api: `${api}.surnames` }),
		f(`${prefix}_phone_home`, `${label} Home Phone`, 'digits', `Home phone of ${whose}`, { api: `${api}.phone_home` }),
		f(`${prefix}_cellphone_number`, `${label} Mobile Phone`, 'digits', `Mobile phone of ${whose}`, { api: `${api}.cellphone_number` }),
		f(`${prefix}_email`, `${label} E-Mail`, 'email', `E-mail of ${whose}`, { api: `${api}.email`, placeholder: 'name@email.com' }),
	];
}

const definitions: FieldDef[] = [
	// Flat endpoints (advisors, API users, landing pages)
	f('medio', 'Medio ID', 'digits', 'ID of the medio (source channel) in SugarCRM'),
	f('name', 'Name', 'text', 'Name of the user'),
	f('register_email', 'E-Mail', 'email', 'E-mail of the user', { api: 'email', placeholder: 'name@email.com' }),
	f('register_password', 'Password', 'password', 'Password of the new API user', { api: 'password' }),
	f('fuente', 'Source Type', 'text', 'Type of source, e.g. inconcert'),
	f('fuente_id', 'Source ID', 'text', 'ID of the source'),
	f('medios', 'Medio IDs', 'text', 'Medios the user may access, separated by commas, e.g. 2,3,5', { placeholder: 'e.g. 2,3,5' }),
	f('compania', 'Company ID', 'text', 'ID of the company'),
	f('landing_name', 'Form Name', 'text', 'Name of the landing page form', { api: 'name' }),
	f('autorizador', 'Authorizer E-Mail', 'email', 'E-mail of the authorizing user', { placeholder: 'name@email.com' }),
	f('campaign', 'Campaign Code', 'text', 'Code of the campaign'),
	f('business_line_id', 'Business Line Code', 'text', 'Code of the business line'),
	f('user_login', 'User Login', 'text', 'User login of the landing page owner'),
	f('type_transaction', 'Transaction Type', 'enum', 'Type of transaction', { options: TRANSACTION_TYPES }),
	f('user_assigned_position', 'Assigned User Position', 'digits', 'Position (role) of the user the tickets are assigned to'),

	// People and tickets
	f('numero_identificacion', 'Identification Number', 'text', 'Identification number of the client'),
	f('tipo_identificacion', 'Identification Type', 'enum', 'Identification type of the client', { options: ID_TYPES }),
	f('nombres', 'First Names', 'text', 'First names of the client'),
	f('apellidos', 'Last Names', 'text', 'Last names of the client'),
	f('email', 'E-Mail', 'email', 'E-mail of the client', { placeholder: 'name@email.com' }),
	f('celular', 'Mobile Phone', 'digits', 'Mobile phone of the client'),
	f('telefono', 'Home Phone', 'digits', 'Home phone of the client'),
	f('user_name', 'Advisor User Name', 'text', "SugarCRM user name of the advisor; required when the source is inConcert"),
	f('linea_negocio', 'Business Line', 'enum', 'Business line', { options: BUSINESS_LINES }),
	f('tipo_transaccion', 'Transaction Type', 'enum', 'Type of transaction', { options: TRANSACTION_TYPES }),
	f('anio', 'Vehicle Year', 'text', 'Year of the vehicle'),
	f('placa', 'License Plate', 'text', 'License plate of the vehicle'),
	f('campania', 'Campaign ID', 'text', 'ID of the campaign'),
	f('asunto', 'Subject', 'text', 'Subject; required when a client comment is given'),
	f('comentario_cliente', 'Client Comment', 'longText', 'Comment of the client'),
	f('id_interaccion_inconcert', 'External Interaction ID', 'text', 'ID of the interaction in the external system (e.g. inConcert)'),
	f('description', 'Advisor Comment', 'longText', 'Comment of the advisor'),
	f('porcentaje_discapacidad', 'Disability Percentage', 'enum', 'Disability percentage of the client', { options: DISABILITY_RANGES }),
	f('marca', 'Brand', 'text', 'Brand of the vehicle (code from the vendor table; required for CarMatch)'),
	f('modelo', 'Model', 'text', 'Model of the vehicle'),
	f('precio', 'Price', 'text', 'Price of the vehicle (required for CarMatch)'),
	f('color', 'Color', 'text', 'Color of the vehicle (required for CarMatch)'),
	f('anioMin', 'Minimum Year', 'text', 'Minimum year of the vehicle (required for CarMatch)'),
	f('anioMax', 'Maximum Year', 'text', 'Maximum year of the vehicle (required for CarMatch)'),
	f('kilometraje', 'Mileage', 'text', 'Mileage of the vehicle (required for CarMatch)'),
	f('combustible', 'Fuel', 'enum', 'Fuel of the vehicle (required for CarMatch)', { options: FUELS }),
	f('formulario', 'Form Name', 'text', 'Name of the landing page form'),
	f('concesionario', 'Dealership', 'text', 'Name of the agency / dealership, e.g. Santo Domingo (Casabaca)'),
	f('title', 'Form Title', 'text', 'Title of the web form', { api: 'datos_adicionales.title' }),
	f('pageUrl', 'Form Page URL', 'text', 'URL of the web form', { api: 'datos_adicionales.pageUrl' }),
	f('thankyouPageUrl', 'Thank-You Page URL', 'text', 'URL of the thank-you page', { api: 'datos_adicionales.thankyouPageUrl' }),

	// Prospects, calls and appointments
	f('user_name_call_center', 'Call Center User Name', 'text', 'SugarCRM user name of the call center agent'),
	f('user_name_asesor', 'Advisor User Name', 'text', 'SugarCRM user name of the advisor; required when the call is an appointment'),
	f('ticket_id', 'Ticket ID', 'text', 'ID of the SugarCRM ticket'),
	f('comments', 'Comments', 'longText', 'Comments about the prospect'),
	f('date_start', 'Call Start', 'utcDate', 'When the call started; sent as Y-m-d H:i in UTC (a time without a zone is read in the workflow\'s time zone)'),
	f('duration_hours', 'Duration Hours', 'digits', 'Hours the call lasted', { default: '0' }),
	f('duration_minutes', 'Duration Minutes', 'digits', 'Minutes the call lasted', { default: '0' }),
	f('direction', 'Direction', 'enum', 'Whether the call was inbound or outbound', { options: DIRECTIONS }),
	// Its options differ per endpoint: see callType() in fragments.ts.
	f('type', 'Call Type', 'enum', 'Type of the call'),
	f('status', 'Call Status', 'enum', 'Status of the call (Held is the only documented value)', { options: [{ name: 'Held', value: 'Held' }] }),
	f('category', 'Category', 'enum', 'Category of the call', { options: CATEGORIES }),
	f('notes', 'Notes', 'longText', 'Notes'),
	f('prospeccion_id', 'Prospect ID', 'text', 'ID of the SugarCRM prospect'),
	f('call_ticket_id', 'Ticket ID', 'text', 'ID of the SugarCRM ticket of the call', { api: 'ticket.id' }),
	f('call_ticket_is_closed', 'Close the Ticket', 'boolean', 'Whether to close the ticket of the call', { api: 'ticket.is_closed', default: false }),
	f('call_ticket_motivo_cierre', 'Ticket Closing Reason', 'enum', 'Why the ticket is closed', { api: 'ticket.motivo_cierre', options: TICKET_CLOSE_REASONS }),
	f('meeting_status', 'Meeting Status', 'enum', 'Status of the appointment', { api: 'meeting.status', options: MEETING_STATUSES }),
	f('meeting_date', 'Meeting Date', 'utcDate', 'When the appointment is; sent as Y-m-d H:i in UTC (a time without a zone is read in the workflow\'s time zone)', { api: 'meeting.date' }),
	f('meeting_duration_hours', 'Meeting Duration Hours', 'digits', 'Hours the appointment lasts', { api: 'meeting.duration_hours', default: '0' }),
	f('meeting_duration_minutes', 'Meeting Duration Minutes', 'digits', 'Minutes the appointment lasts', { api: 'meeting.duration_minutes', default: '0' }),
	f('meeting_subject', 'Meeting Subject', 'text', 'Subject of the appointment', { api: 'meeting.subject' }),
	f('meeting_comments', 'Meeting Comments', 'longText', 'Comments about the appointment', { api: 'meeting.comments' }),
	f('meeting_location', 'Meeting Location', 'text', 'Where the appointment takes place', { api: 'meeting.location' }),
	f('meeting_type', 'Meeting Type', 'enum', 'Type of appointment', { api: 'meeting.type', options: MEETING_TYPES }),
	f('meeting_visit_type', 'Visit Type', 'enum', 'Type of visit', { api: 'meeting.visit_type', options: VISIT_TYPES }),
	f('meeting_linea_negocio', 'Meeting Business Line', 'enum', 'Business line of the appointment', { api: 'meeting.linea_negocio', options: BUSINESS_LINES }),
	f('meeting_marca', 'Meeting Vehicle Brand', 'text', 'Brand of the vehicle (code from the vendor table)', { api: 'meeting.marca' }),
	f('meeting_modelo', 'Meeting Vehicle Model', 'text', 'Model of the vehicle (code from the vendor table)', { api: 'meeting.modelo' }),
	...clientFields('client'),
	...clientFields('meeting_client'),
	f('prospect_motivo_cierre', 'Closing Reason', 'enum', 'Why the prospect is closed', { api: 'motivo_cierre', options: PROSPECT_CLOSE_REASONS }),
	f('ticket_motivo_cierre', 'Closing Reason', 'enum', 'Why the ticket is closed', { api: 'motivo_cierre', options: TICKET_CLOSE_REASONS }),

	// Workshop app form
	f('agencia', 'Agency ID', 'digits', 'S3S ID of the agency'),
	f('fuente_taller', 'Source ID', 'digits', 'Allowed source: 17 (APP Talleres)', { api: 'fuente', default: '17' }),
	f('comentarios', 'Comments', 'longText', 'Comments'),
	f('tienetoyota', 'Has a Toyota', 'enum', 'Whether the client has a Toyota', { options: YES_NO }),
	f('interesadorenovacion', 'Interested in Renewal', 'enum', 'Whether the client is interested in renewing the vehicle', { options: YES_NO }),
	f('horaentregainmediata', 'Immediate Delivery Time', 'dateTimeSeconds', 'Date and time of delivery; sent as Y-m-d H:i:s with the clock time given (no zone is documented)'),
	f('asesorcorreo', 'Advisor E-Mail', 'email', 'E-mail of the advisor', { placeholder: 'name@email.com' }),
	f('asesornombre', 'Advisor Name', 'text', 'Name of the advisor'),

	// Ticket notes
	f('interaction', 'Interaction ID', 'text', 'ID of the interaction, if there is one'),
	f('prospeccion', 'Prospect ID', 'text', 'ID of the prospect created if there was an appointment'),
];

export const FIELDS: ReadonlyMap<string, FieldDef> = new Map(definitions.map((def) => [def.name, def]));

export function field(name: string): FieldDef {
	const def = FIELDS.get(name);
	if (!def) throw new Error(`Unknown Casabaca field ${name}`);
	return def;
}

/** The parameter names of a client block. */
export const clientBlock = (prefix: 'client' | 'meeting_client') => clientFields(prefix).map((def) => def.name);

/** The parameter names of the meeting block (its client included). */
export const MEETING_FIELDS = [
	'meeting_date',
	'meeting_duration_hours',
	'meeting_duration_minutes',
	'meeting_subject',
	'meeting_comments',
	'meeting_location',
	'meeting_type',
	'meeting_visit_type',
	'meeting_linea_negocio',
	...clientBlock('meeting_client'),
];
