/** Casabaca's documented fields: the flat endpoints (advisors, API users, landing pages). */
import { TRANSACTION_TYPES } from '../choices';
import { EMAIL, defineField } from './define';

export const FLAT_FIELDS = [
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
];
