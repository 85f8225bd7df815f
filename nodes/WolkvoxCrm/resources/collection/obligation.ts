/**
 * The obligations (debts) of a record of the collections (cobranzas) module: get, insert and
 * update one, and the bulk load of case files with their obligations.
 */
import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { compact, fixedList } from '../../../common/fields/schemas';
import type { FieldDef } from '../../../common/fields/fieldDef';
import {
	combine,
	optionalTopLevel,
	inCollection,
	required,
	listProperty,
	requiredUnmarked,
} from '../../../common/fields/fieldSet';
import type { AnyOperationSpec } from '../../../common/execution/operation';
import { defineOperation } from '../../../common/execution/operation';
import type { RecordFieldsParams } from '../../fields';
import { batchOptions, batchSizeOf, fieldsFrom, recordFieldsInput, schemaOf } from '../../fields';

/** The documented URL of obligations (insert: POST, update: PUT) and of managements. */
export const OBLIGATION_PATH = '/server/API/v2/collections/insertObligation.php';

const collectionRecordId: FieldDef = {
	name: 'wolkvox_id',
	label: 'Collection Record ID',
	placeholder: 'e.g. 61fa3',
	text: 'ID of the record of the collections module',
};

/* --------------------------------------------------------------------- get */

const getFields = required([
	{
		name: 'obligation',
		label: 'Obligation',
		placeholder: 'e.g. 6669999 API',
		text: 'Identifier of the obligation',
	},
	collectionRecordId,
]);

const getObligation = defineOperation({
	resource: 'collection',
	operation: 'getObligation',
	name: 'Get Obligation',
	action: 'Get an obligation of a collection record',
	description: 'Retrieve an obligation, by its code, of a record of the collections module',
	method: 'POST',
	path: '/server/API/v2/collections/queryObligation.php',
	properties: getFields.properties,
	schema: z.object(getFields.shape),
	request: ({ obligation, wolkvox_id }) => ({ body: { obligation, wolkvox_id } }),
});

/* ---------------------------------------------------------- insert / update */

/** A name / value pair of the obligation's `form` list. */
const formEntry = combine(
	requiredUnmarked([
		{ name: 'name', label: 'Name', placeholder: 'e.g. Titulation', text: 'Name of the field' },
	]),
	optionalTopLevel([{ name: 'value', label: 'Value', text: 'Value of the field' }]),
);

const formProperty = listProperty(
	{
		name: 'form',
		label: 'Extra Obligation Fields',
		placeholder: 'Add Obligation Field',
		api: 'fields.form',
		text: 'Other fields of the obligation, sent as a list of name/value pairs',
		entry: { name: 'field', label: 'Field' },
		apiWord: 'field',
	},
	formEntry.properties,
);

const obligationFields = combine(
	required([
		collectionRecordId,
		{
			name: 'id',
			label: 'Obligation Code',
			placeholder: 'e.g. obl1',
			text: 'Code of the obligation within the record',
		},
	]),
	// The attributes besides its code, as the insert and update pages list them.
	inCollection([
		{
			name: 'name',
			label: 'Name',
			text: 'Name of the obligation, e.g. Invoice 12345 - Pending Payment',
		},
		{ name: 'total_balance', label: 'Total Balance', text: 'Total balance of the obligation' },
		{ name: 'portfolio_type', label: 'Portfolio Type', text: 'Portfolio type, e.g. VIP Client' },
		{ name: 'last_pay', label: 'Last Payment', text: 'Amount of the last payment' },
		{
			name: 'last_pay_date',
			label: 'Last Payment Date',
			placeholder: 'e.g. 06-06-2023',
			text: 'Date of the last payment, as your operation writes it (the example is 06-06-2023)',
		},
		{
			name: 'expiring_date',
			label: 'Expiring Date',
			placeholder: 'e.g. 07-07-2023',
			text: 'Due date of the obligation, as your operation writes it (the example is 07-07-2023)',
		},
		{ name: 'days_delay', label: 'Days Overdue', text: 'Days the obligation is overdue' },
	]),
	{
		properties: [formProperty],
		shape: { form: fixedList('field', z.object(formEntry.shape)) },
		fields: [],
	},
);

type ObligationParams = {
	wolkvox_id: string;
	id: string;
	additionalFields: IDataObject;
	form: Array<{ name: string; value?: string }>;
};

/**
 * Insert (POST) and update (PUT) share the URL and the body: the update page matches the
 * obligation on its code (`fields.id`).
 */
function obligationOperation(kind: 'insert' | 'update') {
	const insert = kind === 'insert';
	return defineOperation({
		resource: 'collection',
		operation: insert ? 'insertObligation' : 'updateObligation',
		name: insert ? 'Insert Obligation' : 'Update Obligation',
		action: insert
			? 'Insert an obligation on a collection record'
			: 'Update an obligation of a collection record',
		description: insert
			? 'Add an obligation (a debt) to a record of the collections module'
			: 'Change an obligation of a record of the collections module, found by its code',
		method: insert ? 'POST' : 'PUT',
		path: OBLIGATION_PATH,
		properties: obligationFields.properties,
		schema: schemaOf<ObligationParams>(obligationFields),
		request: ({ wolkvox_id, id, additionalFields, form }) => {
			// An entry's value left empty is sent as an empty text.
			const entries = form.map(({ name, value }) => ({ name, value: value ?? '' }));
			return {
				body: {
					wolkvox_id,
					fields: {
						id,
						...compact(additionalFields),
						...(entries.length ? { form: entries } : {}),
					},
				},
			};
		},
	});
}

/* --------------------------------------------------------------- bulk load */

const bulkLoadFields = combine(
	required([
		{
			name: 'Identification',
			label: 'Identification',
			text: 'Unique identification of the debtor',
		},
		{ name: 'Name', label: 'Name', text: 'Name of the debtor' },
		{
			name: 'Email',
			label: 'Email',
			kind: 'email',
			placeholder: 'name@email.com',
			text: 'E-mail address of the debtor',
		},
		{ name: 'Telephone', label: 'Telephone', text: 'Phone number of the debtor' },
	]),
	inCollection([
		{ name: 'Address', label: 'Address', text: 'Address of the debtor' },
		{
			name: 'obligations',
			label: 'Obligations (JSON)',
			kind: 'jsonArray',
			default: '[]',
			property: { type: 'json' },
			text: 'The obligations of the case file as a JSON list, e.g. [{"name": "Invoice 12345", "total_balance": "10000", "days_delay": "90"}]. The vendor page does not show the key of this list: it is sent as "obligations"; if your operation expects another key, put the list in Custom Fields (JSON) under that key instead',
		},
	]),
	recordFieldsInput(
		'Custom Fields',
		'collections[].custom_field',
		'custom fields of the case file',
	),
	batchOptions('case files'),
);

type BulkLoadParams = RecordFieldsParams & {
	Identification: string;
	Name: string;
	Email: string;
	Telephone: string;
	additionalFields: { Address?: string; obligations?: IDataObject[] };
	options: { batchSize?: number };
};

/** Each item's case file, as the bulk page lists its keys (custom fields among them). */
const bulkLoadSchema = schemaOf<BulkLoadParams>(bulkLoadFields).transform((params) => {
	const caseFile: IDataObject = {
		Identification: params.Identification,
		Name: params.Name,
		Email: params.Email,
		Telephone: params.Telephone,
		...compact({ Address: params.additionalFields.Address }),
		...fieldsFrom(params),
	};
	if (params.additionalFields.obligations)
		caseFile.obligations = params.additionalFields.obligations;
	return { caseFile, options: params.options };
});

const bulkLoad = defineOperation({
	resource: 'collection',
	operation: 'bulkLoad',
	name: 'Bulk Load Case Files',
	action: 'Bulk load collection case files with their obligations',
	description:
		'Insert or update case files (one per input item) with their obligations, many per request',
	method: 'POST',
	path: '/server/API/v2/collections/massiveCollections.php',
	properties: bulkLoadFields.properties,
	schema: bulkLoadSchema,
	batch: {
		size: (params) => batchSizeOf(params),
		request: (chunk) => ({ body: { collections: chunk.map((params) => params.caseFile) } }),
	},
});

export const obligationOperations: AnyOperationSpec[] = [
	getObligation,
	obligationOperation('insert'),
	obligationOperation('update'),
	bulkLoad,
];
