import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { triggerParameters } from '../triggers/parameters';
import { pollWith } from '../triggers/poll';
import { newCaseDetector } from './newCase';
import { newRecordDetector } from './newRecord';
import { wolkvoxTriggerProperties, wolkvoxTriggerSchema } from './properties';

export class WolkvoxCrmTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'wolkvox CRM Trigger',
		name: 'wolkvoxCrmTrigger',
		icon: {
			light: 'file:../WolkvoxCrm/wolkvoxCrm.svg',
			dark: 'file:../WolkvoxCrm/wolkvoxCrm.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{$parameter["event"] === "newCase" ? "New case" : "New record in " + $parameter["module"]}}',
		description:
			"Starts the workflow when a record or a case is created in wolkvox CRM (each poll uses the token's daily quota)",
		defaults: { name: 'wolkvox CRM Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'wolkvoxCrmApi', required: true }],
		properties: wolkvoxTriggerProperties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const params = triggerParameters(this, wolkvoxTriggerProperties, wolkvoxTriggerSchema);
		if (params.event === 'newCase')
			return await pollWith(this, newCaseDetector(this, params.caseStatus));
		return await pollWith(
			this,
			newRecordDetector(this, params.module, params.options.timezone ?? this.getTimezone()),
		);
	}
}
