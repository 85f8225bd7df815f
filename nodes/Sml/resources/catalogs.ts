/** The read-only lists: concessionaires, sources, fuels, clients, provinces, localities, users. */
import type { FieldDef } from '../../common/fields/fieldDef';
import { required } from '../../common/fields/fieldSet';
import type { AnyOperationSpec } from '../../common/execution/operation';
import { listOperation } from '../pages';

const concessionaire = listOperation({
	resource: 'concessionaire',
	default: true,
	noun: 'concessionaires',
	path: '/api/concessionaire/',
});

const source = listOperation({
	resource: 'source',
	default: true,
	noun: 'sources',
	path: '/api/source/',
});

const gasType = listOperation({
	resource: 'gasType',
	default: true,
	noun: 'fuel types',
	path: '/api/gas_type/',
	search: false,
});

const client = listOperation({
	resource: 'client',
	default: true,
	noun: 'clients',
	path: '/api/clients/',
	filters: [
		{
			name: 'name__icontains',
			label: 'Name Contains',
			text: "Part of the client's first or last name",
		},
		{
			name: 'phone__icontains',
			label: 'Phone Contains',
			text: "Part of the client's phone number",
		},
		{ name: 'email__icontains', label: 'E-Mail Contains', text: "Part of the client's e-mail" },
	],
});

const province = listOperation({
	resource: 'province',
	default: true,
	noun: 'provinces',
	path: '/api/provinces/',
	fields: required([
		{
			name: 'country',
			label: 'Country ID',
			kind: 'id',
			default: 28,
			property: { type: 'number' },
			text: 'Country whose provinces to list; 28 is Spain',
		},
	]),
});

const locality = listOperation({
	resource: 'locality',
	default: true,
	noun: 'localities',
	path: '/api/localities/',
	filters: [
		{
			name: 'province',
			label: 'Province Name or ID',
			kind: 'id',
			load: { method: 'getProvinces' },
			text: 'Only localities of this province',
		},
	],
});

/** A yes/no filter that may also be left at Any (then it is not sent). */
const anyNoYes = (def: FieldDef): FieldDef => ({
	...def,
	kind: 'boolean',
	property: {
		type: 'options',
		options: [
			{ name: 'Any', value: '' },
			{ name: 'No', value: 'false' },
			{ name: 'Yes', value: 'true' },
		],
		default: '',
		// Not "Whether …", which n8n's style asks of a boolean field: this one is a dropdown.
		description: `${def.text} (API field: ${def.name})`,
	},
});

const user = listOperation({
	resource: 'user',
	default: true,
	noun: 'users',
	path: '/api/user/',
	filters: [
		anyNoYes({
			name: 'online',
			label: 'Online',
			text: 'Only users connected (Yes) or disconnected (No) right now',
		}),
		{
			name: 'userconcession__concessionaire__id',
			label: 'Concessionaire Name or ID',
			kind: 'id',
			load: { method: 'getConcessionaires' },
			text: 'Only users of this concessionaire',
		},
		anyNoYes({
			name: 'is_active',
			label: 'Active',
			text: 'Only users with (Yes) or without (No) access to the platform',
		}),
	],
});

export const catalogOperations: AnyOperationSpec[] = [
	concessionaire,
	source,
	gasType,
	client,
	province,
	locality,
	user,
];
