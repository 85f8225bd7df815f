import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { executeBatches } from './batch';
import { DEFAULT_TIMEOUT_MS, apiRequest, apiRequestBody, fillPath } from './http';
import type { AnyOperationSpec, OperationContext, OperationOutput, RequestPlan, VendorApi } from './operation';
import { isExecutionItems } from './operation';
import type { PageRequest } from './pagination';
import { fetchPages } from './pagination';
import { failValidation, readParameters, validateParameters } from './validation';

export function findSpec(specs: AnyOperationSpec[], resource: string, operation: string): AnyOperationSpec | undefined {
	return specs.find((spec) => spec.resource === resource && spec.operation === operation);
}

export function operationContext(
	fn: IExecuteFunctions,
	api: VendorApi,
	itemIndex: number,
	timeout = DEFAULT_TIMEOUT_MS,
): OperationContext {
	return {
		fn,
		itemIndex,
		vendor: api.displayName,
		request: async (plan: RequestPlan) => await apiRequestBody.call(fn, api, { timeout, ...plan }, itemIndex),
		requestRaw: async (plan: RequestPlan) => await apiRequest.call(fn, api, { timeout, ...plan }, itemIndex),
	};
}

/**
 * Options > Timeout of one item. It is the engine's, not the operation's: it is taken out of the
 * parameters the operation's schema sees.
 */
function takeTimeout(fn: IExecuteFunctions, params: IDataObject, itemIndex: number): number {
	const options = params.options;
	if (typeof options === 'object' && options !== null && !Array.isArray(options) && 'timeout' in options) {
		const { timeout: _timeout, ...rest } = options as IDataObject;
		params.options = rest;
	}
	const given = fn.getNodeParameter('options.timeout', itemIndex, DEFAULT_TIMEOUT_MS) as unknown;
	const value = typeof given === 'string' && given.trim() !== '' ? Number(given) : given;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
		failValidation(fn, itemIndex, ['"Options › Timeout" (timeout) must be a whole number of milliseconds, at least 1']);
	}
	return value as number;
}

/** The request a spec describes, before pagination. */
export function planFor(spec: AnyOperationSpec, params: IDataObject): RequestPlan {
	const mapped = spec.request ? spec.request(params) : {};
	return { method: spec.method, path: fillPath(spec.path, params), emptyAnswer: spec.emptyAnswer, ...mapped };
}

/** Runs one validated item: the spec's own `run`, or its request (paged if it says so). */
async function runOne(ctx: OperationContext, spec: AnyOperationSpec, params: IDataObject): Promise<unknown> {
	if (spec.run) return await spec.run(ctx, params);
	const plan = planFor(spec, params);
	const body = spec.paginate ? await fetchPages(ctx, plan, params as unknown as PageRequest) : await ctx.request(plan);
	return spec.output ? spec.output(body, params) : body;
}

/** One output item per record, each paired with the input item it came from. */
export function toItems(output: OperationOutput | unknown, itemIndex: number): INodeExecutionData[] {
	const pairedItem = { item: itemIndex };
	if (isExecutionItems(output)) return output.executionItems.map((item) => ({ ...item, pairedItem }));
	if (Array.isArray(output)) return output.map((json) => ({ json: toJson(json), pairedItem }));
	if (output === undefined || output === null || output === '') return [{ json: { success: true }, pairedItem }];
	return [{ json: toJson(output), pairedItem }];
}

function toJson(value: unknown): IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as IDataObject) : { data: value as IDataObject[string] };
}

function errorItem(error: Error, itemIndex: number): INodeExecutionData {
	return { json: { error: error.message }, pairedItem: { item: itemIndex } };
}

/** Gives an error the item it belongs to, keeping n8n's error classes. */
function forItem(fn: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	return new NodeOperationError(fn.getNode(), error as Error, { itemIndex });
}

/**
 * The execute() of every node in this package. Every item is read and validated before the
 * first request, so a bad item never leaves the others half-sent; with Continue On Fail a
 * failing item yields `{error}` and the others go on.
 */
export async function executeOperations(
	this: IExecuteFunctions,
	api: VendorApi,
	specs: AnyOperationSpec[],
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const spec = findSpec(specs, resource, operation);
	if (!spec) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	const continueOnFail = this.continueOnFail();

	const prepared = items.map((_item, itemIndex) => {
		try {
			const given = readParameters(this, spec, itemIndex);
			const timeout = takeTimeout(this, given, itemIndex);
			const params = validateParameters(this, spec, given, itemIndex);
			const problems = spec.checkItem?.(this, params, itemIndex) ?? [];
			if (problems.length) failValidation(this, itemIndex, problems);
			return { params, timeout };
		} catch (error) {
			if (!continueOnFail) throw forItem(this, error, itemIndex);
			return { error: error as Error };
		}
	});

	if (spec.batch) {
		return [
			await executeBatches(spec, prepared, continueOnFail, {
				context: (itemIndex) => operationContext(this, api, itemIndex, prepared[itemIndex].timeout),
				toItems,
				forItem: (error, itemIndex) => forItem(this, error, itemIndex),
			}),
		];
	}

	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < prepared.length; itemIndex++) {
		const entry = prepared[itemIndex];
		if (entry.error) {
			output.push(errorItem(entry.error, itemIndex));
			continue;
		}
		try {
			const result = await runOne(operationContext(this, api, itemIndex, entry.timeout), spec, entry.params as IDataObject);
			output.push(...toItems(result, itemIndex));
		} catch (error) {
			if (!continueOnFail) throw forItem(this, error, itemIndex);
			output.push(errorItem(error as Error, itemIndex));
		}
	}
	return [output];
}
