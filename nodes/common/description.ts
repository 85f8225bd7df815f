import type { INodeProperties } from 'n8n-workflow';

import { withEngineOptions } from './engineOptions';
import type { AnyOperationSpec, ResourceOption, VendorApi } from './operation';
import { paginationProperties } from './pagination';

/** The Resource dropdown. */
export function resourceProperty(resources: ResourceOption[]): INodeProperties {
	const first = resources[0].value;
	return {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [...resources].sort((a, b) => a.name.localeCompare(b.name)),
		default: first,
	};
}

/** One Operation dropdown per resource, listing that resource's specs. */
export function operationProperties(
	resources: ResourceOption[],
	specs: AnyOperationSpec[],
): INodeProperties[] {
	return resources.map((resource) => {
		const ofResource = specs.filter((spec) => spec.resource === resource.value);
		if (!ofResource.length) throw new Error(`Resource ${resource.value} has no operations`);
		const first = ofResource[0].operation;
		return {
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource.value] } },
			options: ofResource
				.map((spec) => ({
					name: spec.name,
					value: spec.operation,
					action: spec.action,
					description: spec.description,
				}))
				.sort((a, b) => a.name.localeCompare(b.name)),
			default: first,
		};
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
		resourceProperty(resources),
		...operationProperties(resources, specs),
		...fieldProperties(specs, api),
	];
}
