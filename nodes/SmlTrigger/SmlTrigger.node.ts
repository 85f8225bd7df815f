import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { loadOptions } from '../Sml/methods/loadOptions';
import { triggerParameters } from '../triggers/parameters';
import { pollWith } from '../triggers/poll';
import { newLeadDetector } from './newLead';
import { smlTriggerProperties, smlTriggerSchema } from './properties';
import { statusChangedDetector } from './statusChanged';

export class SmlTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SML Trigger',
		name: 'smlTrigger',
		icon: { light: 'file:../Sml/sml.svg', dark: 'file:../Sml/sml.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"] === "newLead" ? "New lead" : "Lead status changed"}}',
		description: 'Starts the workflow when a lead is created in SML or its status changes',
		defaults: { name: 'SML Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'smlApi', required: true }],
		properties: smlTriggerProperties,
	};

	methods = {
		loadOptions: {
			getConcessionaires: loadOptions.getConcessionaires,
			getSources: loadOptions.getSources,
		},
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const params = triggerParameters(this, smlTriggerProperties, smlTriggerSchema);
		if (params.event === 'newLead') return await pollWith(this, newLeadDetector(this, params));
		return await pollWith(this, statusChangedDetector(this, params));
	}
}
