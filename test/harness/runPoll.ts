/**
 * Runs a polling trigger the way n8n does, through n8n-core:
 * - `poll()` is one scheduled poll: n8n-core's PollTriggerExecutor calls the node's poll() with a
 *   PollContext; what it returns is emitted (an execution would start), a thrown error goes to
 *   `__emitError` (n8n records an error execution). `poll({ activation: true })` is the poll n8n
 *   runs when the workflow is activated, whose error fails the activation instead.
 * - The workflow object and its static data live across polls, as in n8n's active workflows; n8n
 *   saves the static data when a poll emits, and `restart()` reloads the last saved copy.
 * - `fetchTestEvent()` is the editor's Fetch Test Event: a manual execution through
 *   WorkflowExecute, started at the trigger, which calls poll() in manual mode.
 */
import { Container } from '@n8n/di';
import {
	ExecutionLifecycleHooks,
	PollContext,
	PollTriggerExecutor,
	WorkflowExecute,
} from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';

import { SmlTrigger } from '../../nodes/SmlTrigger/SmlTrigger.node';
import { SugarCrmCasabacaTrigger } from '../../nodes/SugarCrmCasabacaTrigger/SugarCrmCasabacaTrigger.node';
import { WolkvoxCrmTrigger } from '../../nodes/WolkvoxCrmTrigger/WolkvoxCrmTrigger.node';
import { SmlApi } from '../../credentials/SmlApi.credentials';
import { SugarCrmCasabacaApi } from '../../credentials/SugarCrmCasabacaApi.credentials';
import { WolkvoxCrmApi } from '../../credentials/WolkvoxCrmApi.credentials';
import { additionalData as engineAdditionalData } from './engineData';
import { TestCredentialsHelper } from './credentialsHelper';

const PACKAGE = 'n8n-nodes-casabaca-wolkvox-sml';

export const triggerClasses: Record<string, INodeType> = {
	smlTrigger: new SmlTrigger(),
	wolkvoxCrmTrigger: new WolkvoxCrmTrigger(),
	sugarCrmCasabacaTrigger: new SugarCrmCasabacaTrigger(),
};

// The credentials the triggers reuse, as n8n loads them (imported here, not through the action nodes).
const credentialTypes = {
	smlApi: new SmlApi(),
	sugarCrmCasabacaApi: new SugarCrmCasabacaApi(),
	wolkvoxCrmApi: new WolkvoxCrmApi(),
};

const nodeTypes: INodeTypes = {
	getByName: (type: string) => triggerClasses[type.replace(`${PACKAGE}.`, '')],
	getByNameAndVersion: (type: string) => triggerClasses[type.replace(`${PACKAGE}.`, '')],
	getKnownTypes: () => ({}),
};

export interface PollOptions {
	/** Internal node name, e.g. "smlTrigger". */
	node: string;
	parameters: INodeParameters;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** Reuse a helper to keep stored tokens across harnesses. */
	credentialsHelper?: TestCredentialsHelper;
	/** The workflow's time zone (its settings), UTC unless a test says otherwise. */
	timezone?: string;
}

export interface PollResult {
	/** What the poll emitted (one item per record), or null when it returned null. */
	emitted: IDataObject[] | null;
	/** The error the poll threw (what n8n records as an error execution). */
	error?: Error & { description?: string | null; httpCode?: string | null };
}

let runs = 0;
let harnesses = 0;

export class PollHarness {
	readonly credentialsHelper: TestCredentialsHelper;

	/** The static data as n8n last saved it to the database (it saves when a poll emits). */
	saved: IDataObject = {};

	private workflow: Workflow;

	/** One workflow per harness, as n8n's ids are: the triggers remember recent polls per workflow and node. */
	private readonly workflowId = `trigger-workflow-${++harnesses}`;

	constructor(private readonly options: PollOptions) {
		this.credentialsHelper =
			options.credentialsHelper ?? new TestCredentialsHelper(credentialTypes);
		if (!options.credentialsHelper) {
			for (const [type, data] of Object.entries(options.credentials ?? {}))
				this.credentialsHelper.set(type, data);
		}
		this.workflow = this.newWorkflow(this.saved);
	}

	/** The trigger node's own static data ('node' scope), as the next poll finds it. */
	get nodeStaticData(): IDataObject {
		return this.workflow.getStaticData('node', this.node(this.workflow));
	}

	/** n8n restarted: the workflow is built again from the static data it saved last. */
	restart() {
		this.workflow = this.newWorkflow(this.saved);
	}

	async poll({ activation = false } = {}): Promise<PollResult> {
		const workflow = this.workflow;
		const node = this.node(workflow);
		const result: PollResult = { emitted: null };
		const emit = (data: INodeExecutionData[][]) => {
			result.emitted = data[0].map((item) => item.json);
			// What n8n's saveStaticData does on emit: the whole object goes to the database.
			this.saved = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
		};
		const emitError = (error: Error) => {
			result.error = error;
		};
		const context = new PollContext(
			workflow,
			node,
			this.additionalData(),
			'trigger',
			// n8n makes one PollContext at activation and uses it for every later poll too.
			'activate',
			emit,
			emitError,
		);
		const execute = Container.get(PollTriggerExecutor).create(workflow, node, context, () => true);
		try {
			await execute(activation);
		} catch (error) {
			result.error = error as PollResult['error'];
		}
		return result;
	}

	/**
	 * One poll as n8n's durable scheduler runs it (N8N_POLLER_DURABLE_CURSORS_ENABLED): the node's
	 * static data is a copy of `cursor`, the position committed so far, and what the poll leaves in
	 * that copy is what n8n would commit with the execution. Resolves the emitted records and that copy.
	 */
	async pollFrom(cursor: IDataObject): Promise<PollResult & { cursor: IDataObject }> {
		const workflow = this.workflow;
		const node = this.node(workflow);
		const snapshot = JSON.parse(JSON.stringify(cursor)) as IDataObject;
		const result: PollResult = { emitted: null };
		const context = new PollContext(
			workflow,
			node,
			this.additionalData(),
			'trigger',
			'update',
			(data: INodeExecutionData[][]) => (result.emitted = data[0].map((item) => item.json)),
			(error: Error) => (result.error = error),
			async () => {},
			async (poll) => await poll(),
			() => snapshot,
		);
		await Container.get(PollTriggerExecutor).create(workflow, node, context, () => true)();
		return { ...result, cursor: snapshot };
	}

	/** Fetch Test Event: a manual execution from the trigger, with the static data n8n has saved. */
	async fetchTestEvent(): Promise<PollResult> {
		const workflow = this.newWorkflow(this.saved);
		const node = this.node(workflow);
		const executionId = `manual-${++runs}`;
		const hooks = new ExecutionLifecycleHooks('manual', executionId, {
			id: this.workflowId,
			name: 'trigger test',
			active: false,
			activeVersionId: null,
			isArchived: false,
			nodes: [node],
			connections: {},
			createdAt: new Date(),
			updatedAt: new Date(),
		});
		let resolveRun: (run: IRun) => void = () => {};
		const finished = new Promise<IRun>((resolve) => (resolveRun = resolve));
		hooks.addHandler('workflowExecuteAfter', (run) => resolveRun(run));
		const additionalData = {
			...this.additionalData('manual'),
			hooks,
			executionId,
		} as IWorkflowExecuteAdditionalData;
		const runData = createRunExecutionData({
			executionData: {
				nodeExecutionStack: [{ node, data: { main: [[{ json: {} }]] }, source: null }],
			},
		});
		await new WorkflowExecute(additionalData, 'manual', runData).processRunExecutionData(workflow);
		const run = await finished;
		const nodeRun = run.data.resultData.runData[node.name]?.[0];
		const items = (nodeRun?.data?.main?.[0] ?? null) as INodeExecutionData[] | null;
		return {
			emitted: items ? items.map((item) => item.json) : null,
			error: (run.data.resultData.error ?? nodeRun?.error) as PollResult['error'],
		};
	}

	private node(workflow: Workflow): INode {
		return workflow.getNode('Trigger')!;
	}

	private newWorkflow(staticData: IDataObject): Workflow {
		const nodeType = triggerClasses[this.options.node];
		const credentialNames = (nodeType.description.credentials ?? []).map((c) => c.name);
		const node: INode = {
			id: 'trigger-node',
			name: 'Trigger',
			type: `${PACKAGE}.${this.options.node}`,
			typeVersion: 1,
			position: [0, 0],
			parameters: this.options.parameters,
			credentials: Object.fromEntries(
				credentialNames.map((name) => [name, { id: `${name}-id`, name: `${name} test` }]),
			),
		};
		return new Workflow({
			id: this.workflowId,
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes,
			// A deep copy, as a fresh read from the database would give.
			staticData: JSON.parse(JSON.stringify(staticData)) as IDataObject,
			settings: { timezone: this.options.timezone ?? 'UTC' },
		});
	}

	/** What n8n gives a poll: no execution id outside a manual run. */
	private additionalData(mode: WorkflowExecuteMode = 'trigger'): IWorkflowExecuteAdditionalData {
		return engineAdditionalData({
			credentialsHelper: this.credentialsHelper,
			executionId: mode === 'manual' ? `manual-${runs}` : undefined,
		});
	}
}
