import type { IDataObject, IHttpRequestMethods, INodeProperties } from 'n8n-workflow';
import type { ZodTypeAny } from 'zod';
import { z } from 'zod';

import type { AnyOperationSpec, OperationSpec } from '../common/operation';
import { defineOperation } from '../common/operation';
import { pathSegment } from '../common/pathSegments';
import type { FieldSet } from './fragments';
import { additionalData, buildBody, withAdditionalData } from './fragments';

type Rule = (params: IDataObject, ctx: z.RefinementCtx) => void;

/** The id in the URL of an operation (`{id}` in the documented path). */
export const idProperty = (displayName: string, description: string): INodeProperties => ({
	displayName,
	name: 'id',
	type: 'string',
	required: true,
	default: '',
	description,
});

interface BodyOperation {
	resource: string;
	operation: string;
	name: string;
	action: string;
	description: string;
	method?: IHttpRequestMethods;
	path: string;
	/** The id in the path, when there is one. */
	id?: INodeProperties;
	fields: FieldSet;
	/** `datos_adicionales`: key/value pairs, and the form's `fields` list when true. */
	additional?: 'pairs' | 'pairsAndFormFields';
	rules?: Rule[];
	/** The flat endpoints (advisors, API users) send their fields without `datosSugarCRM`. */
	wrap?: boolean;
	/** Send the fields as the query string instead of a body (a GET: n8n never sends a GET body). */
	inQuery?: boolean;
	output?: OperationSpec['output'];
}

/** An operation whose body is made of catalog fields, the Casabaca shape of almost every endpoint. */
export function bodyOperation(definition: BodyOperation): AnyOperationSpec {
	const extra = definition.additional ? additionalData(definition.additional === 'pairsAndFormFields') : undefined;
	const shape: Record<string, ZodTypeAny> = {
		...(definition.id ? { id: pathSegment() } : {}),
		...definition.fields.shape,
		...extra?.shape,
	};
	const rules = definition.rules ?? [];
	return defineOperation({
		resource: definition.resource,
		operation: definition.operation,
		name: definition.name,
		action: definition.action,
		description: definition.description,
		method: definition.method ?? 'POST',
		path: definition.path,
		properties: [...(definition.id ? [definition.id] : []), ...definition.fields.properties, ...(extra?.properties ?? [])],
		schema: z
			.object(shape)
			.superRefine((params, ctx) => rules.forEach((rule) => rule(params, ctx)))
			.transform((params) => withAdditionalData(params)),
		request: (params) => {
			const body = buildBody(params, definition.fields.names, definition.wrap ?? true);
			return definition.inQuery ? { qs: body } : { body };
		},
		output: definition.output,
	});
}
