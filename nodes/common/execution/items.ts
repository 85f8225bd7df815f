/**
 * The items an execution outputs, shared by the runner and the batch loop: one output item per
 * record or an error item, each paired with its input item, and errors that name their item.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { OperationOutput } from './operation';
import { isExecutionItems } from './operation';

/** One output item per record, each paired with the input item it came from. */
export function toItems(
	output: OperationOutput | unknown,
	itemIndex: number,
): INodeExecutionData[] {
	const pairedItem = { item: itemIndex };
	if (isExecutionItems(output))
		return output.executionItems.map((item) => ({ ...item, pairedItem }));
	if (Array.isArray(output)) return output.map((json) => ({ json: toJson(json), pairedItem }));
	if (output === undefined || output === null || output === '')
		return [{ json: { success: true }, pairedItem }];
	return [{ json: toJson(output), pairedItem }];
}

function toJson(value: unknown): IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as IDataObject)
		: { data: value as IDataObject[string] };
}

export function errorItem(error: Error, itemIndex: number): INodeExecutionData {
	return { json: { error: error.message }, pairedItem: { item: itemIndex } };
}

/** Gives an error the item it belongs to, keeping n8n's error classes. */
export function forItem(fn: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	return new NodeOperationError(fn.getNode(), error as Error, { itemIndex });
}
