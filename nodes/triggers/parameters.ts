/**
 * A trigger's parameters, read and validated before anything is sent. A poll has no items, so the
 * error names the field only: `"Module" (module) is required`.
 */
import type { IDataObject, INodeProperties, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { ZodType, ZodTypeDef } from 'zod';

import { describeField } from '../common/fields/validation';

/** The values of the trigger's top-level parameters; hidden ones (display conditions unmet) are left out. */
function readParameters(fn: IPollFunctions, properties: INodeProperties[]): IDataObject {
	const params: IDataObject = {};
	for (const property of properties) {
		if (property.type === 'notice') continue;
		const value = fn.getNodeParameter(property.name, null) as IDataObject[string] | null;
		if (value !== null) params[property.name] = value;
	}
	return params;
}

export function triggerParameters<P>(
	fn: IPollFunctions,
	properties: INodeProperties[],
	schema: ZodType<P, ZodTypeDef, unknown>,
): P {
	const result = schema.safeParse(readParameters(fn, properties));
	if (result.success) return result.data;
	const problems = result.error.issues.map((issue) => {
		if (!issue.path.length) return issue.message;
		const { label, name } = describeField(properties, issue.path);
		const message =
			issue.code === 'invalid_type' && issue.received === 'undefined'
				? 'is required'
				: issue.message;
		return `"${label}" (${name}) ${message}`;
	});
	throw new NodeOperationError(fn.getNode(), `Invalid parameter: ${problems.join('; ')}`, {
		description: 'Nothing was sent: fix the parameter in the trigger node.',
	});
}
