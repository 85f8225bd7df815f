import type { IDataObject, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { z } from 'zod';

import { jsonObject, requiredText } from '../../common/fields';
import { fillPath } from '../../common/http';
import type { AnyOperationSpec } from '../../common/operation';
import { defineOperation, executionItems } from '../../common/operation';
import { pathSegment } from '../../common/pathSegments';
import { idProperty } from '../define';

const appraisalId = idProperty('Appraisal ID', 'ID of the appraisal (avalúo) in SugarCRM');
const idShape = { id: pathSegment() };

const PDF_PATH = '/api/pdf/{id}';

const getAll = defineOperation({
	resource: 'appraisal',
	operation: 'getAll',
	name: 'Get Many',
	action: 'Get many appraisals',
	description: 'Retrieve the appraisals (getAvaluos)',
	method: 'GET',
	path: '/api/getAvaluos',
	properties: [],
	schema: z.object({}),
});

const get = defineOperation({
	resource: 'appraisal',
	operation: 'get',
	name: 'Get',
	action: 'Get an appraisal',
	description: 'Retrieve one appraisal (getAvaluo)',
	method: 'GET',
	path: '/api/getAvaluo/{id}',
	properties: [appraisalId],
	schema: z.object(idShape),
});

const createOrUpdate = defineOperation({
	resource: 'appraisal',
	operation: 'createOrUpdate',
	name: 'Create or Update',
	action: 'Create or update an appraisal',
	description: 'Send an appraisal to createUpdateAvaluo; its body is not documented, so it is given as JSON',
	method: 'POST',
	path: '/api/createUpdateAvaluo',
	// Its answer is undocumented: an empty one is no reason to think the write failed.
	emptyAnswer: true,
	properties: [
		{
			displayName: 'Appraisal (JSON)',
			name: 'appraisal',
			type: 'json',
			required: true,
			default: '{}',
			description:
				'The appraisal as a JSON object, sent as the request body as it is (the vendor documents no fields for createUpdateAvaluo)',
		},
	],
	schema: z.object({ appraisal: jsonObject().refine((value) => value !== undefined, 'is required') }),
	request: ({ appraisal }) => ({ body: appraisal as IDataObject }),
});

const binaryProperty: INodeProperties = {
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	required: true,
	default: 'data',
	hint: 'The name of the output binary field to put the PDF in',
};

function readJson(bytes: Buffer): unknown {
	try {
		return JSON.parse(bytes.toString('utf8'));
	} catch {
		return bytes.toString('utf8');
	}
}

/** ": <words>" from a JSON answer (`error`, `message`, or the same inside `data`), or nothing. */
function vendorWords(answer: unknown): string {
	const object = (typeof answer === 'object' && answer !== null ? answer : {}) as IDataObject;
	const data = (typeof object.data === 'object' && object.data !== null ? object.data : {}) as IDataObject;
	const words = object.error ?? object.message ?? data.error ?? data.message ?? data.messsage;
	return words ? `: ${String(words)}` : '';
}

const downloadPdf = defineOperation({
	resource: 'appraisal',
	operation: 'downloadPdf',
	name: 'Download PDF',
	action: 'Download the PDF of an appraisal',
	description: 'Get the PDF of an appraisal as a file (binary data)',
	method: 'GET',
	path: PDF_PATH,
	properties: [appraisalId, binaryProperty],
	schema: z.object({ ...idShape, binaryPropertyName: requiredText() }),
	run: async (ctx, { id, binaryPropertyName }) => {
		const response = await ctx.requestRaw({ method: 'GET', path: fillPath(PDF_PATH, { id }), binary: true });
		const bytes = Buffer.isBuffer(response.body) ? response.body : Buffer.from(response.body as ArrayBuffer);
		if (/json/i.test(String(response.headers['content-type'] ?? ''))) {
			// An HTTP 200 carrying JSON is no PDF: report the vendor's words instead of a broken file.
			throw new NodeApiError(ctx.fn.getNode(), { httpCode: String(response.statusCode), body: readJson(bytes) } as JsonObject, {
				message: `SugarCRM Casabaca: the server sent no PDF for appraisal ${id}${vendorWords(readJson(bytes))}`,
				itemIndex: ctx.itemIndex,
			});
		}
		const fileName = `avaluo-${id}.pdf`;
		const binary = await ctx.fn.helpers.prepareBinaryData(bytes, fileName, 'application/pdf');
		return executionItems([
			{ json: { id, fileName, mimeType: 'application/pdf', fileSize: bytes.length }, binary: { [binaryPropertyName]: binary } },
		]);
	},
});

const sendEmail = defineOperation({
	resource: 'appraisal',
	operation: 'sendEmail',
	name: 'Send by E-Mail',
	action: 'Send an appraisal by e-mail',
	description: 'Have SugarCRM e-mail the appraisal (correo)',
	method: 'GET',
	path: '/api/correo/{id}',
	// Its answer is undocumented: an empty one is no reason to think the e-mail failed.
	emptyAnswer: true,
	properties: [appraisalId],
	schema: z.object(idShape),
});

export const appraisalOperations: AnyOperationSpec[] = [getAll, get, createOrUpdate, downloadPdf, sendEmail];
