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
import { listSearch } from './methods/listSearch';
import { loadOptions } from './methods/loadOptions';
import { smlOperations, smlResources } from './operations';
import { smlApi } from './transport';

export class Sml implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SML',
		name: 'sml',
		icon: { light: 'file:sml.svg', dark: 'file:sml.dark.svg' },
		group: ['transform'],
		version: NODE_VERSIONS,
		defaultVersion: LOCATOR_VERSION,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage car-dealer leads, tasks and clients in SML',
		defaults: { name: 'SML' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'smlApi', required: true }],
		properties: nodeProperties(smlResources, smlOperations, smlApi),
	};

	methods = { loadOptions, listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations.call(this, smlApi, smlOperations, smlResources);
	}
}
