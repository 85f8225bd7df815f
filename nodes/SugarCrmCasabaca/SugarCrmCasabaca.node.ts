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
import { casabacaOperations, casabacaResources } from './operations';
import { casabacaApi } from './transport';

export class SugarCrmCasabaca implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SugarCRM Casabaca',
		name: 'sugarCrmCasabaca',
		icon: { light: 'file:sugarCrmCasabaca.svg', dark: 'file:sugarCrmCasabaca.dark.svg' },
		group: ['transform'],
		version: NODE_VERSIONS,
		defaultVersion: LOCATOR_VERSION,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Create tickets, prospects, calls and appointments in the SugarCRM of Casabaca (Toyota)',
		defaults: { name: 'SugarCRM Casabaca' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'sugarCrmCasabacaApi', required: true }],
		properties: nodeProperties(casabacaResources, casabacaOperations, casabacaApi),
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeOperations.call(this, casabacaApi, casabacaOperations, casabacaResources);
	}
}
