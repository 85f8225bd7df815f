import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyCollection,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { ZodIssue } from 'zod';

import type { AnyOperationSpec } from '../execution/operation';
import { resolveNaiveDates } from './dates';
import { apiNameOf } from './fieldDef';
import { pageRequestSchema, paginationProperties } from '../execution/pagination';
import { pathProblems } from './pathSegments';

/** Values of the operation's top-level parameters for one item; hidden ones are left out. */
export function readParameters(
	fn: IExecuteFunctions,
	spec: AnyOperationSpec,
	itemIndex: number,
): IDataObject {
	const params: IDataObject = {};
	const names = new Set(spec.properties.map((property) => property.name));
	if (spec.paginate) {
		names.add('returnAll');
		names.add('limit');
	}
	for (const name of names) {
		// A parameter whose display conditions are not met is absent: the fallback says so.
		const value = fn.getNodeParameter(name, itemIndex, null) as IDataObject[string] | null;
		if (value !== null) params[name] = value;
	}
	return params;
}

interface FieldLabel {
	label: string;
	name: string;
}

/** Follows a validation path through the node's properties to what the user sees. */
export function describeField(
	properties: INodeProperties[],
	path: Array<string | number>,
): FieldLabel {
	const labels: string[] = [];
	let name = path.filter((part) => typeof part === 'string').pop() ?? '';
	let current: INodeProperties[] | undefined = properties;
	for (let i = 0; i < path.length; i++) {
		const part = path[i];
		if (typeof part === 'number') {
			if (labels.length) labels[labels.length - 1] += ` ${part + 1}`;
			continue;
		}
		let property: INodeProperties | undefined = current?.find((p) => p.name === part);
		if (!property && i === 0) {
			// A rule may name an optional field by itself: look for it in the top-level collections.
			const bag = properties.find(
				(p) =>
					p.type === 'collection' && (p.options as INodeProperties[]).some((o) => o.name === part),
			);
			property = (bag?.options as INodeProperties[] | undefined)?.find((o) => o.name === part);
			if (bag) labels.push(bag.displayName);
		}
		if (!property) {
			labels.push(part);
			current = undefined;
			continue;
		}
		labels.push(property.displayName);
		name = apiNameOf(property) ?? property.name;
		if (property.type === 'collection') {
			current = property.options as INodeProperties[];
		} else if (property.type === 'fixedCollection') {
			const groups = property.options as INodePropertyCollection[];
			const group = groups.find((g) => g.name === path[i + 1]);
			if (group) {
				i++;
				// "Tasks › Task 2" reads better than "Tasks 2" for a list of entries.
				if (groups.length > 1 || property.typeOptions?.multipleValues)
					labels.push(group.displayName);
				current = group.values;
			} else {
				current = undefined;
			}
		} else {
			current = undefined;
		}
	}
	return { label: labels.join(' › '), name };
}

function fieldText(spec: AnyOperationSpec, path: Array<string | number>, message: string): string {
	const properties = spec.paginate
		? [...spec.properties, ...paginationProperties()]
		: spec.properties;
	const { label, name } = describeField(properties, path);
	return `"${label}" (${name}) ${message}`;
}

function issueText(spec: AnyOperationSpec, issue: ZodIssue): string {
	if (!issue.path.length) return issue.message;
	const message =
		issue.code === 'invalid_type' && issue.received === 'undefined' ? 'is required' : issue.message;
	return fieldText(spec, issue.path, message);
}

/**
 * Validates one item's parameters with the operation's schema. Fails with a
 * NodeOperationError that names the item and every faulty field, before anything is sent.
 */
export function validateParameters(
	fn: IExecuteFunctions,
	spec: AnyOperationSpec,
	params: IDataObject,
	itemIndex: number,
): IDataObject {
	const result = spec.schema.safeParse(params);
	// Return All / Limit are the engine's: read here for every list, whatever the schema keeps.
	const pages = spec.paginate
		? pageRequestSchema(spec.paginate, fn.getNode().typeVersion).safeParse(params)
		: undefined;
	const issues = [
		...(result.success ? [] : result.error.issues),
		...(pages && !pages.success ? pages.error.issues : []),
	];
	if (!result.success || (pages && !pages.success)) {
		const texts = issues.map((issue) => issueText(spec, issue));
		return failValidation(fn, itemIndex, [...new Set(texts)]);
	}
	// What the schema made of the pair (e.g. a legacy limit option) comes first.
	const parsed = pages?.success ? { ...pages.data, ...result.data } : result.data;
	const data = resolveNaiveDates(parsed, fn.getTimezone());
	// Whatever a schema lets through, a value filled into the path must stay one segment of it.
	const segmentProblems = pathProblems(spec, data).map(({ name, problem }) =>
		fieldText(spec, [name], problem),
	);
	if (segmentProblems.length) failValidation(fn, itemIndex, segmentProblems);
	return data;
}

export function failValidation(
	fn: IExecuteFunctions,
	itemIndex: number,
	problems: string[],
): never {
	throw new NodeOperationError(
		fn.getNode(),
		`Invalid input in item ${itemIndex}: ${problems.join('; ')}`,
		{
			itemIndex,
			description:
				'Nothing was sent to the server for this item. Fix the field(s) named above and run again.',
		},
	);
}
