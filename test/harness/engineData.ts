/**
 * What n8n-core needs around a node run besides the workflow: lifecycle hooks and the
 * "additional data" (local URLs, no task runner). One home for the three harnesses (node, tool, poll).
 */
import { ExecutionLifecycleHooks } from 'n8n-core';
import type { INode, IWorkflowExecuteAdditionalData, Workflow } from 'n8n-workflow';

/** The hooks of a manual run of `workflow` (saved under `name`). */
export function manualHooks(
	executionId: string,
	workflow: Workflow,
	nodes: INode[],
	name: string,
): ExecutionLifecycleHooks {
	return new ExecutionLifecycleHooks('manual', executionId, {
		id: workflow.id,
		name,
		active: false,
		activeVersionId: null,
		isArchived: false,
		nodes,
		connections: workflow.connectionsBySourceNode,
		createdAt: new Date(),
		updatedAt: new Date(),
	});
}

/** The additional data of a run on 127.0.0.1, with `fields` (hooks, credentials helper, ids) added. */
export function additionalData(fields: Record<string, unknown>): IWorkflowExecuteAdditionalData {
	return {
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		variables: {},
		logAiEvent: () => {},
		setExecutionStatus: () => {},
		getRunExecutionData: async () => undefined,
		startRunnerTask: async () => {
			throw new Error('Task runners are not used by these nodes');
		},
		...fields,
	} as unknown as IWorkflowExecuteAdditionalData;
}
