/**
 * n8n's Simplify option for read operations with large answers: on (the default from
 * LOCATOR_VERSION on), each record becomes a flat set of the fields people map most; off, or in
 * version 1 (where the option does not exist), the answer is output as it came.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { OperationOutput } from './operation';

import { optionalBoolean } from '../fields/schemas';
import { fromVersion, LOCATOR_VERSION } from './versions';

export const simplifyProperty: INodeProperties = fromVersion(LOCATOR_VERSION, {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
});

/** Absent in version 1: the raw answer. */
export const simplifyShape = {
	simplify: optionalBoolean().transform((value) => value ?? false),
};

/** A spec's `output`: every record (one, or a list) through `simplify` when the option is on. */
export function simplifiedOutput(simplify: (record: IDataObject) => IDataObject) {
	return (body: unknown, params: IDataObject): OperationOutput => {
		if (params.simplify && Array.isArray(body))
			return body.map((record) => simplify(record as IDataObject));
		if (params.simplify && typeof body === 'object' && body !== null)
			return simplify(body as IDataObject);
		return body as OperationOutput;
	};
}

/** Reads `path` ("client.name") in a record; null when any step is missing. */
export function pick(record: IDataObject, path: string): IDataObject[string] {
	let current: unknown = record;
	for (const key of path.split('.')) {
		if (typeof current !== 'object' || current === null) return null;
		current = (current as IDataObject)[key];
	}
	return (current ?? null) as IDataObject[string];
}

/** A flat record made of the given `output name: path` pairs (missing ones are null). */
export function flatten(record: IDataObject, paths: Record<string, string>): IDataObject {
	return Object.fromEntries(
		Object.entries(paths).map(([name, path]) => [name, pick(record, path)]),
	);
}
