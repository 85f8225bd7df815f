/**
 * The AI tool variant of a node, made the way n8n makes it: n8n-workflow and n8n-core do not export
 * the function, which lives in n8n's CLI (`convertNodeToAiTool`, packages/cli/src/tool-generation,
 * n8n 2.41). For every node marked `usableAsTool` it copies the description, appends "Tool" to the
 * name (which makes n8n-workflow evaluate `displayOptions.show['@tool']` as true), " Tool" to the
 * display name, has no main input and one ai_tool output, and adds the Tool Description fields. The
 * class keeps the node's own execute(): n8n-core runs that for every tool call. The e2e checks the
 * real n8n's variant against this one (scripts/e2e/mcp-checks.mjs).
 */
import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { deepCopy, NodeConnectionTypes } from 'n8n-workflow';

export function toolVariantOf(node: INodeType): INodeType {
	const description = deepCopy(node.description) as INodeTypeDescription;
	if (!description.usableAsTool) throw new Error(`${description.name} is not usable as a tool`);
	description.name += 'Tool';
	description.displayName += ' Tool';
	description.inputs = [];
	description.outputs = [NodeConnectionTypes.AiTool];
	delete description.usableAsTool;
	const descriptionType: INodeProperties = {
		displayName: 'Tool Description',
		name: 'descriptionType',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Set Automatically', value: 'auto' },
			{ name: 'Set Manually', value: 'manual' },
		],
		default: 'auto',
	};
	const toolDescription: INodeProperties = {
		displayName: 'Description',
		name: 'toolDescription',
		type: 'string',
		default: node.description.description,
		required: true,
		displayOptions: { show: { descriptionType: ['manual'] } },
	};
	description.properties = [descriptionType, toolDescription, ...description.properties];
	const variant = Object.create(node) as INodeType;
	variant.description = description;
	return variant;
}
