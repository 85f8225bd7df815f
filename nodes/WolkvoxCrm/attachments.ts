/**
 * Files from the input item: the attachment fields (binary field names and base64 texts), the
 * file part of a form-data body, the checks that run before anything is sent, and the reading of
 * the files into the body.
 */
import type { IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { fixedList, optionalText, requiredText, typeMessages } from '../common/fields/schemas';
import type { FieldSet } from '../common/fields/fieldSet';
import { listProperty, optionalTopLevel, requiredUnmarked } from '../common/fields/fieldSet';
import type { OperationContext } from '../common/execution/operation';
import { headerValueProblem } from '../common/fields/pathSegments';
import type { FormFile } from './transport';

/** Binary field names: a comma-separated text, or a list from an expression. */
const binaryNames = () =>
	z
		.union(
			[z.array(z.string()), optionalText()],
			typeMessages('must be binary field names separated by commas'),
		)
		.transform((value) =>
			(Array.isArray(value) ? value : (value ?? '').split(','))
				.map((name) => name.trim())
				.filter(Boolean),
		);

const base64Text = () =>
	requiredText().pipe(
		z
			.string()
			.transform((text) => text.replace(/^data:[^,]*;base64,/i, '').replace(/\s+/g, ''))
			.pipe(z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64 text')),
	);

/** Files to attach: binary fields of the input item, then base64 texts. */
export function attachmentFields({ binaryDefault = 'data' } = {}): FieldSet {
	const binary = optionalTopLevel([
		{
			name: 'binaryProperties',
			label: 'Input Binary Fields',
			api: 'attachments',
			default: binaryDefault,
			placeholder: 'e.g. data, invoice',
			text: "Comma-separated names of the input item's binary fields to attach; the node sends each file base64-encoded. Leave empty to attach none.",
			schema: binaryNames,
		},
	]);
	const content = requiredUnmarked([
		{
			name: 'content',
			label: 'Base64 Content',
			api: 'attachments',
			text: 'The file as base64; a data: URL prefix is removed',
			schema: base64Text,
		},
	]);
	const base64 = listProperty(
		{
			name: 'base64Attachments',
			label: 'Base64 Attachments',
			placeholder: 'Add Base64 Attachment',
			api: 'attachments',
			text: 'Files already encoded as base64 text, sent after the binary fields',
			entry: { name: 'attachment', label: 'Attachment' },
			apiWord: 'field',
		},
		content.properties,
	);
	return {
		properties: [...binary.properties, base64],
		shape: {
			...binary.shape,
			base64Attachments: fixedList('attachment', z.object(content.shape)).transform((entries) =>
				entries.map((entry) => entry.content as string),
			),
		},
		fields: binary.fields,
	};
}

export type AttachmentParams = {
	binaryProperties: string[];
	base64Attachments: string[];
};

/* ------------------------------------------------------------------ checks */

/**
 * Checked with the validation of every item: each named binary field must exist on the item.
 * `label` names the parameter that holds the names.
 */
function checkBinaryFields(
	fn: IExecuteFunctions,
	names: string[],
	itemIndex: number,
	label = '"Input Binary Fields" (binaryProperties)',
): string[] {
	const binary = fn.getInputData()[itemIndex]?.binary ?? {};
	const present = Object.keys(binary);
	return names
		.filter((name) => !binary[name])
		.map(
			(name) =>
				`${label} names "${name}", which the item does not have (its binary fields: ${present.length ? present.join(', ') : 'none'})`,
		);
}

export const checkBinaryProperties = (
	fn: IExecuteFunctions,
	params: AttachmentParams,
	itemIndex: number,
) => checkBinaryFields(fn, params.binaryProperties, itemIndex);

const FILE_FIELD_LABEL = '"Input Binary Field" (binaryProperty)';

/** The binary field sent as a form-data file part must exist, and its MIME type must fit in the part's header. */
export function checkFormFile(
	fn: IExecuteFunctions,
	name: string | undefined,
	itemIndex: number,
): string[] {
	if (!name) return [];
	const missing = checkBinaryFields(fn, [name], itemIndex, FILE_FIELD_LABEL);
	if (missing.length) return missing;
	const mimeType = fn.getInputData()[itemIndex]?.binary?.[name]?.mimeType;
	const problem = mimeType ? headerValueProblem(mimeType) : undefined;
	return problem ? [`${FILE_FIELD_LABEL} names "${name}", whose MIME type ${problem}`] : [];
}

/* ----------------------------------------------------------------- reading */

/** A binary field of the item as a form-data file part. */
export async function readFormFile(ctx: OperationContext, name: string): Promise<FormFile> {
	const binary = ctx.fn.helpers.assertBinaryData(ctx.itemIndex, name);
	return {
		fileName: binary.fileName ?? name,
		mimeType: binary.mimeType,
		data: await ctx.fn.helpers.getBinaryDataBuffer(ctx.itemIndex, name),
	};
}

/** The files of the item's binary fields, then the given base64 texts, as the API's list of base64 strings. */
export async function readAttachments(
	ctx: OperationContext,
	params: AttachmentParams,
): Promise<string[]> {
	const files: string[] = [];
	for (const name of params.binaryProperties) {
		const buffer = await ctx.fn.helpers.getBinaryDataBuffer(ctx.itemIndex, name);
		files.push(buffer.toString('base64'));
	}
	return [...files, ...params.base64Attachments];
}
