/** The values Casabaca documents for its enumerated fields, with names for the dropdowns. */
import type { INodePropertyOptions } from 'n8n-workflow';

export const ID_TYPES: INodePropertyOptions[] = [
	{ name: 'Cédula (National ID)', value: 'C' },
	{ name: 'Passport', value: 'P' },
	{ name: 'RUC (Tax ID)', value: 'R' },
];

export const GENDERS: INodePropertyOptions[] = [
	{ name: 'Female', value: 'F' },
	{ name: 'Male', value: 'M' },
];

export const BUSINESS_LINES: INodePropertyOptions[] = [
	{ name: 'Post-Sale (Postventa)', value: '1' },
	{ name: 'New Vehicles (Nuevos)', value: '2' },
	{ name: 'Pre-Owned (Seminuevos)', value: '3' },
	{ name: 'Tax-Exempt (Exonerados)', value: '4' },
];

export const TRANSACTION_TYPES: INodePropertyOptions[] = [
	{ name: 'Sales (Ventas)', value: '1' },
	{ name: 'Trade-Ins (Tomas)', value: '2' },
	{ name: 'Complaints (Quejas)', value: '3' },
	{ name: 'General Information', value: '4' },
];

export const DIRECTIONS: INodePropertyOptions[] = [
	{ name: 'Inbound', value: 'Inbound' },
	{ name: 'Outbound', value: 'Outbound' },
];

export const CATEGORIES: INodePropertyOptions[] = [
	{ name: 'Pre-Sale (Preventa)', value: '1' },
	{ name: 'Post-Sale (Postventa)', value: '2' },
	{ name: 'Prospecting (Prospección)', value: '3' },
];

export const MEETING_TYPES: INodePropertyOptions[] = [
	{ name: 'In Person / Normal', value: '1' },
	{ name: 'Virtual', value: '2' },
];

export const VISIT_TYPES: INodePropertyOptions[] = [
	{ name: 'First Visit', value: '1' },
	{ name: 'Be-Back', value: '2' },
	{ name: 'Previous Visit', value: '3' },
];

export const MEETING_STATUSES: INodePropertyOptions[] = [
	{ name: 'Planned', value: 'Planned' },
	{ name: 'Held', value: 'Held' },
];

export const PROSPECT_CLOSE_REASONS: INodePropertyOptions[] = [
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

export const DISABILITY_RANGES: INodePropertyOptions[] = [
	{ name: '30% to 49%', value: '30_49' },
	{ name: '50% to 74%', value: '50_74' },
	{ name: '75% to 84%', value: '75_84' },
	{ name: '85% to 100%', value: '85_100' },
];

export const FUELS: INodePropertyOptions[] = [
	{ name: 'Gasoline', value: 'gasolina' },
	{ name: 'Diesel', value: 'diesel' },
];

export const YES_NO: INodePropertyOptions[] = [
	{ name: 'Yes', value: '1' },
	{ name: 'No', value: '0' },
];

/** The call types each endpoint documents; the appointment ones bring the meeting block. */
export const CALL_TYPES: Record<'quotation' | 'prospect' | 'call', INodePropertyOptions[]> = {
	quotation: [
		{ name: 'Follow-Up (Seguimiento)', value: 'seguimiento' },
		{ name: 'Automatic (Automática)', value: 'automatica' },
	],
	prospect: [
		{ name: 'Follow-Up (Seguimiento)', value: 'seguimiento' },
		{ name: 'Appointment (Cita)', value: 'cita' },
	],
	call: [
		{ name: 'Follow-Up (Seguimiento)', value: 'seguimiento' },
		{ name: 'Appointment (Cita)', value: 'cita' },
		{ name: 'Chat Appointment (Cita Chat)', value: 'cita_chat' },
	],
};

export const APPOINTMENT_TYPES = ['cita', 'cita_chat'];
