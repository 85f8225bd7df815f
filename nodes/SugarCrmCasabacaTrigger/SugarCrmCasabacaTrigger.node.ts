import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { z } from 'zod';

import { triggerParameters } from '../triggers/parameters';
import { pollWith } from '../triggers/poll';
import { newAppraisalDetector } from './newAppraisal';

const properties: INodeTypeDescription['properties'] = [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		options: [
			{
				name: 'New Appraisal',
				value: 'newAppraisal',
				description:
					'An appraisal (avalúo) with an ID above every ID seen before, read from getAvaluos',
			},
		],
		default: 'newAppraisal',
	},
];

const schema = z.object({ event: z.enum(['newAppraisal']) });

export class SugarCrmCasabacaTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SugarCRM Casabaca Trigger',
		name: 'sugarCrmCasabacaTrigger',
		icon: {
			light: 'file:../SugarCrmCasabaca/sugarCrmCasabaca.svg',
			dark: 'file:../SugarCrmCasabaca/sugarCrmCasabaca.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: '={{"New appraisal"}}',
		description:
			'Starts the workflow when a new appraisal appears in the SugarCRM of Casabaca (Toyota)',
		defaults: { name: 'SugarCRM Casabaca Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'sugarCrmCasabacaApi', required: true }],
		properties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		triggerParameters(this, properties, schema);
		return await pollWith(this, newAppraisalDetector(this));
	}
}
