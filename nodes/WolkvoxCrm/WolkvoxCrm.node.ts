import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { nodeProperties } from '../common/execution/description';
import { executeOperations } from '../common/execution/runner';
import { LOCATOR_VERSION, NODE_VERSIONS } from '../common/execution/versions';
import { wolkvoxOperations, wolkvoxResources } from './operations';
import { wolkvoxApi } from './transport';

export class WolkvoxCrm implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'wolkvox CRM',
		name: 'wolkvoxCrm',
		icon: { light: 'file:wolkvoxCrm.svg', dark: 'file:wolkvoxCrm.dark.svg' },
		group: ['transform'],
		version: NODE_VERSIONS,
		defaultVersion: LOCATOR_VERSION,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage cases, activities, collections and records of any module in wolkvox CRM',
		defaults: { name: 'wolkvox CRM' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'wolkvoxCrmApi', required: true }],
		properties: nodeProperties(wolkvoxResources, wolkvoxOperations, wolkvoxApi),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations.call(this, wolkvoxApi, wolkvoxOperations, wolkvoxResources);
	}
}
