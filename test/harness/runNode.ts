/**
 * Runs a two-node workflow (Start -> node under test) through n8n-core's WorkflowExecute,
 * the engine n8n itself uses, and returns what the node output or the error it raised.
 */
import { Container } from '@n8n/di';
import { BinaryDataService, LoadOptionsContext, WorkflowExecute } from 'n8n-core';
import type {
	IBinaryData,
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeListSearchResult,
	INodeParameters,
	INodePropertyOptions,
	INodeType,
	INodeTypes,
	IRun,
	IVersionedNodeType,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';

import { additionalData as engineAdditionalData, manualHooks } from './engineData';
import { TestCredentialsHelper } from './credentialsHelper';
import { credentialTypes, nodeClasses } from './registry';

const PACKAGE = 'n8n-nodes-casabaca-wolkvox-sml';

const nodeTypes: INodeTypes = {
	getByName: (type: string) =>
		nodeClasses[type.replace(`${PACKAGE}.`, '')] as INodeType | IVersionedNodeType,
	getByNameAndVersion: (type: string) => nodeClasses[type.replace(`${PACKAGE}.`, '')],
	getKnownTypes: () => ({}),
};

let binaryDataReady: Promise<void> | undefined;

/** n8n-core keeps binary data in memory ("default" mode) unless told otherwise. */
async function initBinaryData() {
	binaryDataReady ??= Container.get(BinaryDataService).init();
	await binaryDataReady;
}

/** The bytes of a binary output, read back through n8n-core's binary data service. */
export async function readBinary(binary: IBinaryData): Promise<Buffer> {
	return await Container.get(BinaryDataService).getAsBuffer(binary);
}

export interface RunOptions {
	/** Internal node name, e.g. "sml". */
	node: string;
	parameters: INodeParameters;
	/** Input items; one empty item by default. */
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	/** Credential values by type; ignored when `credentialsHelper` is given. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** Reuse a helper to keep stored tokens across executions. */
	credentialsHelper?: TestCredentialsHelper;
	/** The workflow's time zone (its settings), UTC unless a test says otherwise. */
	timezone?: string;
	/** The node's typeVersion: 1 (what saved workflows hold) unless a test says otherwise. */
	typeVersion?: number;
}

export interface RunResult {
	/** The node's output items (first output), without pairedItem. */
	json: IDataObject[];
	items: INodeExecutionData[];
	/** The error that stopped the workflow, if any. */
	error?: Error & { description?: string; context?: IDataObject; httpCode?: string | null };
	credentialsHelper: TestCredentialsHelper;
	run: IRun;
}

export function newCredentialsHelper(
	credentials: Record<string, ICredentialDataDecryptedObject> = {},
) {
	const helper = new TestCredentialsHelper(credentialTypes);
	for (const [type, data] of Object.entries(credentials)) helper.set(type, data);
	return helper;
}

interface Setup {
	node: string;
	parameters: INodeParameters;
	continueOnFail?: boolean;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	credentialsHelper?: TestCredentialsHelper;
	timezone?: string;
	typeVersion?: number;
}

/** n8n gives every execution its own id; state kept per execution (refused logins) relies on it. */
let executions = 0;

/** The Start -> node workflow and the additional data n8n-core needs to run it. */
function buildWorkflow(options: Setup) {
	const executionId = `test-execution-${++executions}`;
	const credentialsHelper = options.credentialsHelper ?? newCredentialsHelper(options.credentials);
	const nodeType = nodeClasses[options.node];
	const credentialNames = (nodeType.description.credentials ?? []).map((c) => c.name);

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
			id: 'under-test',
			name: 'Node',
			type: `${PACKAGE}.${options.node}`,
			typeVersion: options.typeVersion ?? 1,
			position: [200, 0],
			parameters: options.parameters,
			continueOnFail: options.continueOnFail ?? false,
			credentials: Object.fromEntries(
				credentialNames.map((name) => [name, { id: `${name}-id`, name: `${name} test` }]),
			),
		},
	];
	const workflow = new Workflow({
		id: 'test-workflow',
		nodes,
		connections: { Start: { main: [[{ node: 'Node', type: 'main', index: 0 }]] } },
		active: false,
		nodeTypes,
		settings: { timezone: options.timezone ?? 'UTC' },
	});

	const hooks = manualHooks(executionId, workflow, nodes, 'test');

	const additionalData = engineAdditionalData({
		hooks,
		credentialsHelper,
		executionId,
		// What the editor sends while a dropdown loads: the node's current parameters.
		currentNodeParameters: options.parameters,
	});

	return { workflow, hooks, additionalData, credentialsHelper, nodeType };
}

/** Calls one of the node's loadOptions methods through n8n-core's LoadOptionsContext. */
export async function loadOptions(
	options: Setup & { method: string; path?: string },
): Promise<INodePropertyOptions[]> {
	const { workflow, additionalData, nodeType } = buildWorkflow(options);
	const method = nodeType.methods?.loadOptions?.[options.method];
	if (!method) throw new Error(`No loadOptions method ${options.method}`);
	const context = new LoadOptionsContext(
		workflow,
		workflow.getNode('Node')!,
		additionalData,
		options.path ?? '',
	);
	return await method.call(context);
}

/** Calls one of the node's listSearch methods (a resource locator's "From List") like the editor. */
export async function listSearch(
	options: Setup & { method: string; filter?: string; paginationToken?: string },
): Promise<INodeListSearchResult> {
	const { workflow, additionalData, nodeType } = buildWorkflow(options);
	const method = nodeType.methods?.listSearch?.[options.method];
	if (!method) throw new Error(`No listSearch method ${options.method}`);
	const context = new LoadOptionsContext(workflow, workflow.getNode('Node')!, additionalData, '');
	return await method.call(context, options.filter, options.paginationToken);
}

export async function runNode(options: RunOptions): Promise<RunResult> {
	await initBinaryData();
	const { workflow, hooks, additionalData, credentialsHelper } = buildWorkflow(options);
	let resolveRun: (run: IRun) => void = () => {};
	const finished = new Promise<IRun>((resolve) => (resolveRun = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => resolveRun(run));

	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{
					node: workflow.getNode('Start')!,
					data: { main: [options.items ?? [{ json: {} }]] },
					source: null,
				},
			],
		},
	});

	await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(
		workflow,
	);
	const run = await finished;

	const nodeRun = run.data.resultData.runData.Node?.[0];
	const items = (nodeRun?.data?.main?.[0] ?? []) as INodeExecutionData[];
	return {
		items,
		json: items.map((item) => item.json),
		error: (run.data.resultData.error ?? nodeRun?.error) as RunResult['error'],
		credentialsHelper,
		run,
	};
}
