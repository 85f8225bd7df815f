/**
 * The fields of a case, declared once for the case operations (resources/case.ts) and the case's
 * rules and body (caseBody.ts): its type, the users and contact it involves, and its state. Only
 * cases use them; the fields that other resources share are in fields.ts.
 */
import type { FieldDef } from '../common/fields/fieldDef';
import { combine, optionalTopLevel, required, requiredUnmarked } from '../common/fields/fieldSet';
import { recordFieldsInput } from './fields';

/** The Case Type choice that reveals Custom Case Type. */
export const CUSTOM_CASE_TYPE = '__custom';

/** The documented case types, as an error message lists them, then the custom choice. */
export const CASE_TYPES = [
	'Request',
	'Complaints',
	'Claims',
	'Suggestions',
	CUSTOM_CASE_TYPE,
] as const;

export const caseType = combine(
	requiredUnmarked([
		{
			name: 'case-type',
			label: 'Case Type',
			kind: 'enum',
			options: [
				{ name: 'Claim', value: 'Claims', description: 'Reclamo' },
				{ name: 'Complaint', value: 'Complaints', description: 'Queja' },
				{
					name: 'Custom Type',
					value: CUSTOM_CASE_TYPE,
					description: 'A case type created in your cases module',
				},
				{ name: 'Request', value: 'Request', description: 'Petición' },
				{ name: 'Suggestion', value: 'Suggestions', description: 'Sugerencia' },
			],
			values: CASE_TYPES,
			default: 'Request',
			text: 'Type of the case',
		},
	]),
	required(
		[
			{
				name: 'customCaseType',
				label: 'Custom Case Type',
				api: 'case-type',
				text: 'Name of a case type created in your cases module',
			},
		],
		{ 'case-type': [CUSTOM_CASE_TYPE] },
	),
);

const user = (name: string, label: string, text: string): FieldDef => ({
	name,
	label,
	placeholder: 'e.g. ADMIN_@myoperation',
	text: `${text}: the user's "wolkvox e-mail" from the users list of your operation; the user must exist`,
});

export const caseResponsible = required([
	user('responsible', 'Responsible', 'User responsible for the case'),
]);

/** Required to create a case; the update page requires none of them (Update: additional fields). */
export const caseParties: FieldDef[] = [
	user('owner', 'Owner', 'Owner of the case'),
	{
		name: 'contact',
		label: 'Contact E-Mail',
		kind: 'email',
		placeholder: 'name@email.com',
		text: 'E-mail of the contact of the case, as in the "contact e-mail" column of the contacts module; the contact must exist',
	},
	{
		name: 'description',
		label: 'Description',
		text: 'Description of the case',
		property: { typeOptions: { rows: 3 } },
	},
];

/** Status (with its solution when closed), priority and the case's form fields. */
export const caseState = combine(
	required([
		{
			name: 'status',
			label: 'Status',
			placeholder: 'e.g. abierto',
			text: 'Status of the case; it must exist in the cases module for this case type',
		},
	]),
	optionalTopLevel([
		{
			name: 'statusIsClosed',
			label: 'Status Is Closed',
			api: 'solution',
			kind: 'boolean',
			text: 'Whether the status is a closed one in your cases module; wolkvox then requires a solution',
		},
	]),
	required(
		[
			{
				name: 'solution',
				label: 'Solution',
				kind: 'longText',
				text: 'How the case was solved; required when the status is a closed one',
			},
		],
		{ statusIsClosed: [true] },
	),
	required([
		{
			name: 'priority',
			label: 'Priority',
			placeholder: 'e.g. baja',
			text: 'Priority of the case; it must exist in the cases module for this case type',
		},
	]),
	recordFieldsInput('Case Form Fields', 'form', 'extra case fields (e.g. Subject)'),
);

/** Every field of a case, as Create takes them. */
export const caseFields = combine(caseType, caseResponsible, required(caseParties), caseState);

/** The filter fields the query-cases page lists, with English labels. */
const CASE_FILTER_FIELDS = [
	['Case Expired', 'case expired'],
	['Case ID', 'idCase'],
	['Case Prefix ID', 'idPrefijo'],
	['Case Type', 'type case'],
	['Company ID', 'company id'],
	['Company Name', 'company name'],
	['Company Name (companyName)', 'companyName'],
	['Contact E-Mail', 'email contact'],
	['Contact Identification', 'contact identification'],
	['Contact Name', 'name contact'],
	['Contact Phone', 'contact phone'],
	['Contact Record ID', 'contact wolkvox id'],
	['Description', 'description'],
	['Owner ID', 'owner id'],
	['Owner Name', 'owner name'],
	['Owner User', 'owner user'],
	['Prefix', 'prefix'],
	['Priority', 'priority'],
	['Reason', 'reason'],
	['Record ID (wolkvox-id)', 'wolkvox-id'],
	['Reopened', 'reopened'],
	['Responsible ID', 'responsible id'],
	['Responsible Name', 'responsible name'],
	['Responsible User', 'responsible user'],
	['Solution', 'solution'],
	['Status', 'status'],
] as const;

/** A case field and the value it must have: the filter of Search and of Get Notes History. */
export const caseFilter = (defaultField: string, value: Pick<FieldDef, 'placeholder' | 'text'>) =>
	combine(
		requiredUnmarked([
			{
				name: 'field',
				label: 'Field',
				kind: 'enum',
				options: CASE_FILTER_FIELDS.map(([name, option]) => ({ name, value: option })),
				default: defaultField,
				text: 'Case field to filter on',
			},
		]),
		required([{ name: 'value', label: 'Value', ...value }]),
	);
