import type { INodeProperties } from 'n8n-workflow';

import { withEngineOptions } from './engineOptions';
import type { AnyOperationSpec, ResourceOption, VendorApi } from './operation';
import { paginationProperties } from './pagination';
import {
	ALLOW_IRREVERSIBLE,
	irreversibleSwitch,
	isIrreversible,
	offeredToTool,
	onlyInTool,
} from './toolVariant';

/** The Resource dropdown: the tool variant's lists only the resources it offers operations of. */
export function resourceProperties(
	resources: ResourceOption[],
	specs: AnyOperationSpec[] = [],
): INodeProperties[] {
	const sorted = [...resources].sort((a, b) => a.name.localeCompare(b.name));
	const first = resources[0].value;
	const property: INodeProperties = {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: sorted,
		default: first,
	};
	const inTool = sorted.filter((resource) =>
		specs.some((spec) => spec.resource === resource.value && offeredToTool(spec)),
	);
	if (!specs.length || inTool.length === sorted.length) return [property];
	return [
		onlyInTool(property, false),
		onlyInTool({ ...property, options: inTool, default: toolDefault(first, inTool) }, true),
	];
}

/** The resource's Operation dropdown listing these specs, with the regular default when it is there. */
function operationDropdown(
	resource: ResourceOption,
	specs: AnyOperationSpec[],
	regularDefault: string,
): INodeProperties {
	const options = specs
		.map((spec) => ({
			name: spec.name,
			value: spec.operation,
			action: spec.action,
			description: spec.description,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.value] } },
		options,
		default: toolDefault(regularDefault, options),
	};
}

/** A saved node keeps no default value: a variant keeps the regular default wherever it can. */
const toolDefault = (regular: string | number | boolean, options: Array<{ value: string }>) =>
	options.some((option) => option.value === regular) ? regular : options[0].value;

/** The one spec of a resource marked `default: true`: none or several is a declaration error. */
function defaultOperation(resource: ResourceOption, specs: AnyOperationSpec[]): string {
	const marked = specs.filter((spec) => spec.default).map((spec) => spec.operation);
	if (marked.length !== 1)
		throw new Error(
			`Resource ${resource.value} needs exactly one operation marked default: true (found ${marked.length ? marked.join(', ') : 'none'})`,
		);
	return marked[0];
}

/**
 * One Operation dropdown per resource, listing that resource's specs. Where the AI tool variant
 * offers less (common/execution/toolVariant.ts), the regular node keeps the full list and the tool variant
 * gets its own: without the hidden operations, and with the irreversible ones only when Allow
 * Irreversible Actions is on (that switch comes first; a resource with nothing else lists them,
 * and the runner refuses them until it is on).
 */
export function operationProperties(
	resources: ResourceOption[],
	specs: AnyOperationSpec[],
): INodeProperties[] {
	return resources.flatMap((resource) => {
		const ofResource = specs.filter((spec) => spec.resource === resource.value);
		if (!ofResource.length) throw new Error(`Resource ${resource.value} has no operations`);
		const first = defaultOperation(resource, ofResource);
		const all = operationDropdown(resource, ofResource, first);
		const offered = ofResource.filter(offeredToTool);
		const safe = offered.filter((spec) => !isIrreversible(spec));
		if (safe.length === ofResource.length) return [all];
		const variants = [onlyInTool(all, false)];
		if (safe.length === offered.length || !safe.length) {
			// One list: nothing hidden besides, or only gated ones (refused until the switch is on).
			if (safe.length < offered.length) variants.push(irreversibleSwitch(resource, offered));
			if (offered.length)
				variants.push(onlyInTool(operationDropdown(resource, offered, first), true));
			return variants;
		}
		variants.push(irreversibleSwitch(resource, offered.filter(isIrreversible)));
		variants.push(
			onlyInTool(operationDropdown(resource, safe, first), true, {
				[ALLOW_IRREVERSIBLE]: [false],
			}),
		);
		variants.push(
			onlyInTool(operationDropdown(resource, offered, first), true, {
				[ALLOW_IRREVERSIBLE]: [true],
			}),
		);
		return variants;
	});
}

/** Every spec's parameters, shown only for its resource and operation. */
export function fieldProperties(specs: AnyOperationSpec[], api: VendorApi): INodeProperties[] {
	return specs.flatMap((spec) => {
		// Return All / Limit go after the plain fields and before the optional collections.
		const isBag = (property: INodeProperties) => property.type === 'collection';
		const own = spec.paginate
			? [
					...spec.properties.filter((property) => !isBag(property)),
					...paginationProperties(spec.paginate),
					...spec.properties.filter(isBag),
				]
			: spec.properties;
		return withEngineOptions(own, api, spec.batch !== undefined).map((property) => ({
			...property,
			displayOptions: {
				...property.displayOptions,
				show: {
					...property.displayOptions?.show,
					resource: [spec.resource],
					operation: [spec.operation],
				},
			},
		}));
	});
}

/** Resource, operation and field properties, in the order n8n shows them. */
export function nodeProperties(
	resources: ResourceOption[],
	specs: AnyOperationSpec[],
	api: VendorApi,
): INodeProperties[] {
	return [
		...resourceProperties(resources, specs),
		...operationProperties(resources, specs),
		...fieldProperties(specs, api),
	];
}
