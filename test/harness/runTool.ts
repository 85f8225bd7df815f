/**
 * Runs a node's AI tool variant the way n8n runs a tool: a workflow Start -> Agent, the tool node
 * attached to the agent by an ai_tool connection. The test agent asks n8n-core for its tools
 * (getInputConnectionData, which wraps the node with createNodeAsTool: its `$fromAI()` parameters
 * become the tool's schema) and calls the one tool with the test's arguments, as a model would.
 * Also: what the editor shows for a set of parameters, with n8n-workflow's own display rules.
 */
import { WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	IRun,
} from 'n8n-workflow';
import { createRunExecutionData, NodeConnectionTypes, NodeHelpers, Workflow } from 'n8n-workflow';

import { additionalData as engineAdditionalData, manualHooks } from './engineData';
import type { TestCredentialsHelper } from './credentialsHelper';
import { credentialTypes, nodeClasses } from './registry';
import { newCredentialsHelper } from './runNode';
import { toolVariantOf } from './toolVariant';

const PACKAGE = 'n8n-nodes-casabaca-wolkvox-sml';

interface CallableTool {
	name: string;
	schema: unknown;
	invoke(args: IDataObject): Promise<string>;
}

/** A stand-in for the AI Agent: calls its one tool with the arguments in its parameters. */
class TestAgent implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Test Agent',
		name: 'testAgent',
		group: ['transform'],
		version: 1,
		description: 'Calls its tool once',
		defaults: { name: 'Agent' },
		inputs: [NodeConnectionTypes.Main, NodeConnectionTypes.AiTool],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Arguments', name: 'args', type: 'json', default: '{}' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const tools = (await this.getInputConnectionData(NodeConnectionTypes.AiTool, 0)) as
			CallableTool[] | CallableTool;
		const tool = Array.isArray(tools) ? tools[0] : tools;
		const args = this.getNodeParameter('args', 0) as IDataObject;
		try {
			return [[{ json: { tool: tool.name, answer: JSON.parse(await tool.invoke(args)) } }]];
		} catch (error) {
			// A real agent hands the failure to the model as the tool's answer.
			return [[{ json: { tool: tool.name, error: (error as Error).message } }]];
		}
	}
}

export const toolClasses: Record<string, INodeType> = {
	smlTool: toolVariantOf(nodeClasses.sml),
	sugarCrmCasabacaTool: toolVariantOf(nodeClasses.sugarCrmCasabaca),
	wolkvoxCrmTool: toolVariantOf(nodeClasses.wolkvoxCrm),
};

const types: Record<string, INodeType> = {
	...nodeClasses,
	...toolClasses,
	testAgent: new TestAgent(),
};

const nodeTypes: INodeTypes = {
	getByName: (type: string) => types[type.replace(`${PACKAGE}.`, '')],
	getByNameAndVersion: (type: string) => types[type.replace(`${PACKAGE}.`, '')],
	getKnownTypes: () => ({}),
};

export interface ToolRunOptions {
	/** The regular node's internal name, e.g. "sml": its tool variant runs. */
	node: string;
	parameters: INodeParameters;
	/** What the model passes to the tool (the `$fromAI()` keys). */
	args?: IDataObject;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	credentialsHelper?: TestCredentialsHelper;
	/** New tool nodes are version 2. */
	typeVersion?: number;
}

export interface ToolRunResult {
	/** The tool's answer as the agent got it (n8n's JSON of the output items' json). */
	answer?: unknown;
	/** The failure message the agent got instead. */
	error?: string;
	/** The tool's name in the agent's tool list. */
	tool: string;
	run: IRun;
}

let executions = 0;

export async function runTool(options: ToolRunOptions): Promise<ToolRunResult> {
	const executionId = `tool-execution-${++executions}`;
	const credentialsHelper = options.credentialsHelper ?? newCredentialsHelper(options.credentials);
	const toolType = `${options.node}Tool`;
	const credentialNames = (toolClasses[toolType].description.credentials ?? []).map((c) => c.name);
	const nodes: INode[] = [
		{
			id: 'start',
			name: 'Start',
			type: `${PACKAGE}.start`,
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: 'agent',
			name: 'Agent',
			type: `${PACKAGE}.testAgent`,
			typeVersion: 1,
			position: [200, 0],
			parameters: { args: (options.args ?? {}) as never },
		},
		{
			id: 'tool',
			name: 'Tool',
			type: `${PACKAGE}.${toolType}`,
			typeVersion: options.typeVersion ?? 2,
			position: [200, 200],
			parameters: options.parameters,
			credentials: Object.fromEntries(
				credentialNames.map((name) => [name, { id: `${name}-id`, name: `${name} test` }]),
			),
		},
	];
	const connections = {
		Start: { main: [[{ node: 'Agent', type: NodeConnectionTypes.Main, index: 0 }]] },
		Tool: { ai_tool: [[{ node: 'Agent', type: NodeConnectionTypes.AiTool, index: 0 }]] },
	};
	const workflow = new Workflow({
		id: 'tool-workflow',
		nodes,
		connections,
		active: false,
		nodeTypes,
		settings: { timezone: 'UTC' },
	});
	const hooks = manualHooks(executionId, workflow, nodes, 'tool test');
	const additionalData = engineAdditionalData({ hooks, credentialsHelper, executionId });

	let resolveRun: (run: IRun) => void = () => {};
	const finished = new Promise<IRun>((resolve) => (resolveRun = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => resolveRun(run));
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{ node: workflow.getNode('Start')!, data: { main: [[{ json: {} }]] }, source: null },
			],
		},
	});
	await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(
		workflow,
	);
	const run = await finished;
	const agentRun = run.data.resultData.runData.Agent?.[0];
	const failure = run.data.resultData.error ?? agentRun?.error;
	if (failure) throw failure;
	const json = (agentRun?.data?.main?.[0]?.[0]?.json ?? {}) as IDataObject;
	return {
		tool: String(json.tool),
		answer: json.answer,
		error: json.error as string | undefined,
		run,
	};
}

/** The tool variant's (or the regular node's) description, for the display rules below. */
export const descriptionOf = (type: string): INodeTypeDescription =>
	(types[type] ?? toolClasses[type]).description;

/**
 * The parameters n8n keeps for these values (what the editor shows, defaults filled), computed
 * by n8n-workflow's getNodeParameters with the node type's description, as n8n does.
 */
export function shownParameters(
	type: string,
	parameters: INodeParameters,
	typeVersion = 2,
): INodeParameters {
	const description = descriptionOf(type);
	const node = { name: 'Node', type: `${PACKAGE}.${type}`, typeVersion } as INode;
	return (
		NodeHelpers.getNodeParameters(
			description.properties,
			parameters,
			true,
			false,
			node,
			description,
		) ?? {}
	);
}

/** The properties the editor displays for these (complete) parameters, by n8n's displayParameter. */
export function shownProperties(
	type: string,
	parameters: INodeParameters,
	typeVersion = 2,
): INodeProperties[] {
	const description = descriptionOf(type);
	const node = { name: 'Node', type: `${PACKAGE}.${type}`, typeVersion, parameters } as INode;
	const values = shownParameters(type, parameters, typeVersion);
	return description.properties.filter((property) =>
		NodeHelpers.displayParameter(values, property, node, description),
	);
}

/** The values of the Operation dropdown the editor shows for a resource. */
export function operationValues(
	type: string,
	parameters: INodeParameters,
	typeVersion = 2,
): string[] {
	const dropdown = shownProperties(type, parameters, typeVersion).find(
		(property) => property.name === 'operation',
	);
	return ((dropdown?.options ?? []) as Array<{ value: string }>).map((option) => option.value);
}

export { credentialTypes };
