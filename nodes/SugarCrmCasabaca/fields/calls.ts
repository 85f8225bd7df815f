/** Casabaca's documented fields: calls and prospects, the workshop app form, ticket notes. */
import {
	CATEGORIES,
	DIRECTIONS,
	PROSPECT_CLOSE_REASONS,
	TICKET_CLOSE_REASONS,
	YES_NO,
} from '../choices';
import { EMAIL, IN_UTC, defineField } from './define';

export const CALL_FIELDS = [
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
