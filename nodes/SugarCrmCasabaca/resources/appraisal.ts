import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { required } from '../../common/fields/fieldSet';
import type { AnyOperationSpec } from '../../common/execution/operation';
import { defineOperation, executionItems } from '../../common/execution/operation';
import { LISTS_VERSION } from '../../common/execution/pagination';
import { pathSegment } from '../../common/fields/pathSegments';

/** getAvaluos: Get Many, its From List, and the trigger's New Appraisal read the same list. */
export const APPRAISALS_PATH = '/api/getAvaluos';
/** A plain ID in version 1; from version 2 picked from getAvaluos (From List) or typed (By ID). */
const appraisalId = required([
	{
		name: 'id',
		label: 'Appraisal ID',
		text: 'ID of the appraisal (avalúo) in SugarCRM',
		path: true,
		schema: pathSegment,
		locator: {
			noun: 'appraisal',
			search: 'searchAppraisals',
			id: { placeholder: '1', regex: '[^/\\\\\\s]+' },
		},
	},
]);

const getAll = defineOperation({
	resource: 'appraisal',
	operation: 'getAll',
	default: true,
	name: 'Get Many',
	action: 'Get many appraisals',
	description: 'Retrieve a list of appraisals (getAvaluos)',
	method: 'GET',
	path: APPRAISALS_PATH,
	// Casabaca documents no paging: one request, cut to Limit. Saved workflows (published before
	// the pair) keep every appraisal: Return All starts on before LISTS_VERSION.
	paginate: { returnAllBefore: LISTS_VERSION },
	properties: [],
	schema: z.object({}),
});

const get = defineOperation({
	resource: 'appraisal',
	operation: 'get',
	name: 'Get',
	action: 'Get an appraisal',
	description: 'Retrieve one appraisal by its Appraisal ID (getAvaluo)',
	method: 'GET',
	path: '/api/getAvaluo/{id}',
	properties: appraisalId.properties,
	schema: z.object(appraisalId.shape),
});

const appraisalBody = required([
	{
		name: 'appraisal',
		label: 'Appraisal (JSON)',
		kind: 'jsonObject',
		// The whole body, not one of its fields.
		api: false,
		text: 'The appraisal as a JSON object, sent as the request body as it is (the vendor documents no fields for createUpdateAvaluo)',
		default: '{}',
		property: { type: 'json' },
	},
]);

const createOrUpdate = defineOperation({
	resource: 'appraisal',
	operation: 'createOrUpdate',
	name: 'Create or Update',
	action: 'Create or update an appraisal',
	description:
		'Send an appraisal to createUpdateAvaluo; its body is not documented, so it is given as JSON',
	method: 'POST',
	path: '/api/createUpdateAvaluo',
	// Its answer is undocumented: an empty one is no reason to think the write failed.
	emptyAnswer: true,
	properties: appraisalBody.properties,
	schema: z.object(appraisalBody.shape),
	request: ({ appraisal }) => ({ body: appraisal as IDataObject }),
});

const binaryProperty = required([
	{
		name: 'binaryPropertyName',
		label: 'Put Output File in Field',
		api: false,
		text: 'The name of the output binary field to put the PDF in',
		default: 'data',
	},
]);

const downloadPdf = defineOperation({
	resource: 'appraisal',
	operation: 'downloadPdf',
	name: 'Download PDF',
	action: 'Download the PDF of an appraisal',
	description: 'Get the PDF of an appraisal, by Appraisal ID, as a file in a binary field (pdf)',
	method: 'GET',
	path: '/api/pdf/{id}',
	properties: [...appraisalId.properties, ...binaryProperty.properties],
	schema: z.object({ ...appraisalId.shape, ...binaryProperty.shape }),
	run: async (ctx, { id, binaryPropertyName }) => {
		// A JSON answer instead of the PDF fails in the engine, with the vendor's words.
		const response = await ctx.requestRaw({
			method: 'GET',
			path: ctx.path,
			binary: true,
			file: `PDF for appraisal ${id}`,
		});
		const bytes = Buffer.isBuffer(response.body)
			? response.body
			: Buffer.from(response.body as ArrayBuffer);
		const fileName = `avaluo-${id}.pdf`;
		const binary = await ctx.fn.helpers.prepareBinaryData(bytes, fileName, 'application/pdf');
		return executionItems([
			{
				json: { id, fileName, mimeType: 'application/pdf', fileSize: bytes.length },
				binary: { [binaryPropertyName]: binary },
			},
		]);
	},
});

const sendEmail = defineOperation({
	resource: 'appraisal',
	operation: 'sendEmail',
	name: 'Send by E-Mail',
	action: 'Send an appraisal by email',
	description:
		'Have SugarCRM send the appraisal by e-mail, by Appraisal ID; every call sends an e-mail (correo)',
	method: 'GET',
	path: '/api/correo/{id}',
	// Its answer is undocumented: an empty one is no reason to think the e-mail failed.
	emptyAnswer: true,
	properties: appraisalId.properties,
	schema: z.object(appraisalId.shape),
});

export const appraisalOperations: AnyOperationSpec[] = [
	getAll,
	get,
	createOrUpdate,
	downloadPdf,
	sendEmail,
];
