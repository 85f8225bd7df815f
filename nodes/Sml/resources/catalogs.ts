/** The read-only lists: concessionaires, sources, fuels, clients, provinces, localities, users. */
import { optionalBoolean, optionalId, optionalText, requiredId } from '../../common/fields';
import type { AnyOperationSpec } from '../../common/operation';
import { listOperation } from '../list';

const concessionaire = listOperation({
	resource: 'concessionaire',
	noun: 'concessionaires',
	path: '/api/concessionaire/',
});

const source = listOperation({
	resource: 'source',
	noun: 'sources',
	path: '/api/source/',
});

const gasType = listOperation({
	resource: 'gasType',
	noun: 'fuel types',
	path: '/api/gas_type/',
	search: false,
});

const client = listOperation({
	resource: 'client',
	noun: 'clients',
	path: '/api/clients/',
	filters: [
		{ displayName: 'E-Mail Contains', name: 'email__icontains', type: 'string', default: '', description: 'Part of the client\'s e-mail (API field: email__icontains)' },
		{ displayName: 'Name Contains', name: 'name__icontains', type: 'string', default: '', description: 'Part of the client\'s first or last name (API field: name__icontains)' },
		{ displayName: 'Phone Contains', name: 'phone__icontains', type: 'string', default: '', description: 'Part of the client\'s phone number (API field: phone__icontains)' },
	],
	filterShape: {
		name__icontains: optionalText(),
		phone__icontains: optionalText(),
		email__icontains: optionalText(),
	},
});

const province = listOperation({
	resource: 'province',
	noun: 'provinces',
	path: '/api/provinces/',
	properties: [
		{
			displayName: 'Country ID',
			name: 'country',
			type: 'number',
			required: true,
			default: 28,
			description: 'Country whose provinces to list; 28 is Spain (API field: country)',
		},
	],
	shape: { country: requiredId() },
});

const locality = listOperation({
	resource: 'locality',
	noun: 'localities',
	path: '/api/localities/',
	filters: [
		{
			displayName: 'Province Name or ID',
			name: 'province',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getProvinces' },
			default: '',
			description: 'Only localities of this province (API field: province). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
	],
	filterShape: { province: optionalId() },
});

const tristate = [
	{ name: 'Any', value: '' },
	{ name: 'No', value: 'false' },
	{ name: 'Yes', value: 'true' },
];

const user = listOperation({
	resource: 'user',
	noun: 'users',
	path: '/api/user/',
	filters: [
		{
			displayName: 'Active',
			name: 'is_active',
			type: 'options',
			options: tristate,
			default: '',
			description: 'Only users with (Yes) or without (No) access to the platform (API field: is_active)',
		},
		{
			displayName: 'Concessionaire Name or ID',
			name: 'userconcession__concessionaire__id',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getConcessionaires' },
			default: '',
			description: 'Only users of this concessionaire (API field: userconcession__concessionaire__id). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Online',
			name: 'online',
			type: 'options',
			options: tristate,
			default: '',
			description: 'Only users connected (Yes) or disconnected (No) right now (API field: online)',
		},
	],
	filterShape: {
		online: optionalBoolean(),
		userconcession__concessionaire__id: optionalId(),
		is_active: optionalBoolean(),
	},
});

export const catalogOperations: AnyOperationSpec[] = [concessionaire, source, gasType, client, province, locality, user];
