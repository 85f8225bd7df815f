/**
 * The cases of pathSegments.test.ts: each operation that fills a value into a path (or wolkvox's id into a
 * header), the field that takes it, how the message names it, and the bad values with what the rule says.
 */
import type { INodeParameters } from 'n8n-workflow';

export type Vendor = 'sugarCrmCasabaca' | 'sml' | 'wolkvoxCrm';

/** What the rule says about each kind of bad text; the message must also name the field. */
export const BAD_TEXT: Array<[string, string, RegExp]> = [
	['dot dot', '..', /must not be "\." or "\.\."/],
	['dot', '.', /must not be "\." or "\.\."/],
	['slash', 'a/b', /must not contain "\/" or "\\"/],
	['leading slash and dot dot', '../admin', /must not contain "\/" or "\\"/],
	['backslash', 'a\\b', /must not contain "\/" or "\\"/],
	['percent-encoded slash', 'a%2Fb', /must not contain "\/" or "\\", not even percent-encoded/],
	['percent-encoded dot dot', '%2e%2e', /must not be "\." or "\.\.", not even percent-encoded/],
	['CR LF', 'a\r\nb', /must not contain line breaks, tabs or other control characters/],
	['TAB', 'a\tb', /control characters/],
	['NUL', 'a\u0000b', /control characters/],
	['blank', '', /is required/],
	['whitespace', '   ', /is required/],
];

/** SML ids are numbers: every bad text fails as one, and a number past 2^53 - 1 as inexact. */
export const BAD_SML_ID: Array<[string, unknown, RegExp]> = [
	['dot dot', '..', /must be a whole number/],
	['dot', '.', /must be a whole number/],
	['slash', '1/2', /must be a whole number/],
	['percent-encoded slash', '1%2F2', /must be a whole number/],
	['CR LF', '1\r\n2', /must be a whole number/],
	['blank', '', /is required/],
	['whitespace', '   ', /is required/],
	[
		'past 2^53 as text',
		'9007199254740993',
		/9007199254740991 \(larger numbers lose digits and cannot be sent exactly\)/,
	],
	[
		'past 2^53 as a number',
		Number('9007199254740993'),
		/9007199254740991 \(larger numbers lose digits/,
	],
	['a fraction', '1.5', /must be a whole number/],
];

export interface Case {
	title: string;
	vendor: Vendor;
	parameters: INodeParameters;
	/** The parameter that takes the bad value. */
	field: string;
	/** How the message names it: "Label" (api name). */
	named: string;
}

export const casabacaCases: Case[] = [
	{
		title: 'Casabaca Ticket > Close',
		vendor: 'sugarCrmCasabaca',
		parameters: {
			resource: 'ticket',
			operation: 'close',
			ticket_motivo_cierre: 'solo_informacion',
		},
		field: 'id',
		named: '"Ticket ID" (id)',
	},
	{
		title: 'Casabaca Ticket > Add Notes',
		vendor: 'sugarCrmCasabaca',
		parameters: { resource: 'ticket', operation: 'addNotes', notes: 'Cliente llamado' },
		field: 'id',
		named: '"Ticket ID" (id)',
	},
	{
		title: 'Casabaca Ticket > Mark Not Answered',
		vendor: 'sugarCrmCasabaca',
		parameters: { resource: 'ticket', operation: 'markNotAnswered' },
		field: 'id',
		named: '"Ticket ID" (id)',
	},
	{
		title: 'Casabaca Appraisal > Get',
		vendor: 'sugarCrmCasabaca',
		parameters: { resource: 'appraisal', operation: 'get' },
		field: 'id',
		named: '"Appraisal ID" (id)',
	},
	{
		title: 'Casabaca Appraisal > Download PDF',
		vendor: 'sugarCrmCasabaca',
		parameters: { resource: 'appraisal', operation: 'downloadPdf', binaryPropertyName: 'data' },
		field: 'id',
		named: '"Appraisal ID" (id)',
	},
	{
		title: 'Casabaca Appraisal > Send by E-Mail',
		vendor: 'sugarCrmCasabaca',
		parameters: { resource: 'appraisal', operation: 'sendEmail' },
		field: 'id',
		named: '"Appraisal ID" (id)',
	},
];

export const wolkvoxCases: Case[] = [
	{
		title: 'wolkvox Record > Update (Wolkvox-id header)',
		vendor: 'wolkvoxCrm',
		parameters: {
			resource: 'record',
			operation: 'update',
			module: 'contacts',
			fieldPairs: { field: [{ name: 'namecontact', value: 'Jane Doe' }] },
		},
		field: 'recordId',
		named: '"Record ID" (wolkvox-id)',
	},
	{
		title: 'wolkvox Record > Update Many',
		vendor: 'wolkvoxCrm',
		parameters: {
			resource: 'record',
			operation: 'updateMany',
			module: 'contacts',
			fieldPairs: { field: [{ name: 'namecontact', value: 'Jane Doe' }] },
		},
		field: 'recordId',
		named: '"Record ID" (wolkvox-id)',
	},
	{
		title: 'wolkvox Case > Update (form-data)',
		vendor: 'wolkvoxCrm',
		parameters: {
			resource: 'case',
			operation: 'update',
			'case-type': 'Complaints',
			responsible: 'agent10@mymodule',
			status: 'abierto',
			priority: 'Alta',
		},
		field: 'recordId',
		named: '"Record ID" (wolkvox-id)',
	},
	{
		title: 'wolkvox Case > Update With Attachments',
		vendor: 'wolkvoxCrm',
		parameters: {
			resource: 'case',
			operation: 'updateWithAttachments',
			'case-type': 'Request',
			responsible: 'ADMIN_@mymodule',
			owner: 'ADMIN_@mymodule',
			contact: 'andres@wolkvox.com',
			description: 'Descripción',
			status: 'abierto',
			priority: 'baja',
			base64Attachments: { entries: [] },
		},
		field: 'recordId',
		named: '"Record ID" (wolkvox-id)',
	},
];

export const smlCases: Case[] = [
	{
		title: 'SML Lead > Get',
		vendor: 'sml',
		parameters: { resource: 'lead', operation: 'get' },
		field: 'leadId',
		named: '"Lead ID" (leadId)',
	},
	{
		title: 'SML Lead > Update',
		vendor: 'sml',
		parameters: { resource: 'lead', operation: 'update', updateFields: { status: 'end' } },
		field: 'leadId',
		named: '"Lead ID" (leadId)',
	},
	{
		title: 'SML Lead > Update, merging nested data (reads the lead first)',
		vendor: 'sml',
		parameters: { resource: 'lead', operation: 'update', vehicle: { brand_model: 'Seat León' } },
		field: 'leadId',
		named: '"Lead ID" (leadId)',
	},
	{
		title: 'SML Lead > Get History',
		vendor: 'sml',
		parameters: { resource: 'lead', operation: 'getHistory', returnAll: false, limit: 5 },
		field: 'leadId',
		named: '"Lead ID" (leadId)',
	},
	{
		title: 'SML Task > Update',
		vendor: 'sml',
		parameters: { resource: 'task', operation: 'update', updateFields: { media: 'SMS' } },
		field: 'taskId',
		named: '"Task ID" (taskId)',
	},
	{
		title: "SML Task > Update, its Lead ID (read to keep the appraisal's ids)",
		vendor: 'sml',
		parameters: {
			resource: 'task',
			operation: 'update',
			taskId: '1',
			appraisal: { brand_model: 'Seat León' },
		},
		field: 'leadId',
		named: '"Lead ID" (leadId)',
	},
	{
		title: 'SML Task > Delete',
		vendor: 'sml',
		parameters: { resource: 'task', operation: 'delete' },
		field: 'taskId',
		named: '"Task ID" (taskId)',
	},
];
