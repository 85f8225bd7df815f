/** A case as the API takes it: the rules between its fields, and its body. */
import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { compact } from '../common/fields/schemas';
import type { FieldSet } from '../common/fields/fieldSet';
import { CASE_TYPES, CUSTOM_CASE_TYPE } from './caseFields';
import type { RecordFieldsParams } from './fields';
import { fieldsFrom, schemaOf } from './fields';

export type CaseParams = RecordFieldsParams & {
	'case-type': (typeof CASE_TYPES)[number];
	customCaseType?: string;
	responsible: string;
	owner?: string;
	contact?: string;
	description?: string;
	status: string;
	statusIsClosed?: boolean;
	solution?: string;
	priority: string;
};

/** The conditional rules: a custom type needs its name, a closed status needs a solution. */
function caseRules(params: CaseParams, ctx: z.RefinementCtx) {
	if (params['case-type'] === CUSTOM_CASE_TYPE && !params.customCaseType) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			path: ['customCaseType'],
			message: 'is required for a custom case type',
		});
	}
	if (params.statusIsClosed && !params.solution) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			path: ['solution'],
			message: 'is required when the status is a closed one',
		});
	}
}

/** A case operation's schema: its fields (`P` besides the case's), then the case rules. */
export const caseSchema = <P = object>(fields: FieldSet) =>
	schemaOf<CaseParams & P>(fields).superRefine(caseRules);

/**
 * The case as the API names it, leaving out what was not given; `form` is always sent, `{}` when
 * empty, as in the vendor's examples.
 */
export function caseBody(params: CaseParams): IDataObject {
	return compact({
		'case-type':
			params['case-type'] === CUSTOM_CASE_TYPE ? params.customCaseType : params['case-type'],
		responsible: params.responsible,
		owner: params.owner,
		contact: params.contact,
		description: params.description,
		form: fieldsFrom(params),
		status: params.status,
		priority: params.priority,
		solution: params.solution,
	});
}
