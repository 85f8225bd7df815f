import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { PreparedItem } from './batch';
import { describeItems, executeBatches } from './batch';
import { CredentialSession, REFUSED_BEFORE, RefusedBefore } from '../wire/credentialSession';
import {
	DEFAULT_TIMEOUT_MS,
	readConcurrency,
	readTimeout,
	withoutEngineOptions,
} from './engineOptions';
import { apiRequest, apiRequestBody, appendDescription } from '../wire/http';
import { fillPath } from '../fields/pathSegments';
import type {
	AnyOperationSpec,
	OperationContext,
	RequestPlan,
	ResourceOption,
	VendorApi,
} from './operation';
import { errorItem, forItem, toItems } from './items';
import type { PageRequest } from './pagination';
import { fetchPages, firstRecords } from './pagination';
import { keyedChains, runPool } from './pool';
import { checkToolResource, checkToolUse, isToolNode, withoutEnvelope } from './toolVariant';
import { loginFailureOf } from '../wire/login';
import { failValidation, readParameters, validateParameters } from '../fields/validation';

export function findSpec(
	specs: AnyOperationSpec[],
	resource: string,
	operation: string,
): AnyOperationSpec | undefined {
	return specs.find((spec) => spec.resource === resource && spec.operation === operation);
}

export function operationContext(
	fn: IExecuteFunctions,
	api: VendorApi,
	itemIndex: number,
	timeout = DEFAULT_TIMEOUT_MS,
	session: CredentialSession = new CredentialSession(fn, api),
): OperationContext {
	return {
		fn,
		itemIndex,
		vendor: api.displayName,
		request: async (plan: RequestPlan) =>
			await apiRequestBody.call(fn, api, { timeout, ...plan }, itemIndex, session),
		requestRaw: async (plan: RequestPlan) =>
			await apiRequest.call(fn, api, { timeout, ...plan }, itemIndex, session),
		login: async (attempt) => {
			try {
				return await session.ownLogin(async () => await attempt(timeout));
			} catch (error) {
				const description =
					error instanceof RefusedBefore ? REFUSED_BEFORE : loginFailureOf(error)?.description;
				throw new NodeOperationError(fn.getNode(), error as Error, { itemIndex, description });
			}
		},
	};
}

/** The request a spec describes, before pagination. */
export function planFor(spec: AnyOperationSpec, params: IDataObject): RequestPlan {
	const mapped = spec.request ? spec.request(params) : {};
	return {
		method: spec.method,
		path: fillPath(spec.path, params),
		emptyAnswer: spec.emptyAnswer,
		...mapped,
	};
}

/**
 * Runs one validated item: the spec's own `run`, or its request. A `paginate` spec walks the
 * vendor's pages; a vendor without pages answers the whole list in one request, cut to Limit.
 */
async function runOne(
	ctx: OperationContext,
	api: VendorApi,
	spec: AnyOperationSpec,
	params: IDataObject,
): Promise<unknown> {
	const pageRequest = params as unknown as PageRequest;
	if (spec.run) {
		const output = await spec.run({ ...ctx, path: fillPath(spec.path, params) }, params);
		return spec.paginate ? firstRecords(output, pageRequest) : output;
	}
	const plan = planFor(spec, params);
	let body: unknown;
	if (!spec.paginate) body = await ctx.request(plan);
	else if (api.pages) body = await fetchPages(ctx, plan, pageRequest, api.pages);
	else body = firstRecords(await ctx.request(plan), pageRequest);
	return spec.output ? spec.output(body, params) : body;
}

/**
 * One item as the operation receives it: its parameters read (hidden ones left out), the engine's
 * options (Timeout, Concurrency) taken out, validated by the spec's schema with the path rule and
 * the zone of naive times, then the spec's own checks of the input item. Throws the first problem.
 */
export function readItem(
	fn: IExecuteFunctions,
	spec: AnyOperationSpec,
	itemIndex: number,
): { params: IDataObject; timeout: number } {
	const timeout = readTimeout(fn, itemIndex);
	const given = withoutEngineOptions(readParameters(fn, spec, itemIndex));
	const params = validateParameters(fn, spec, given, itemIndex);
	const problems = spec.checkItem?.(fn, params, itemIndex) ?? [];
	if (problems.length) failValidation(fn, itemIndex, problems);
	return { params, timeout };
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
	resources: ResourceOption[] = [],
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	checkToolResource(this, specs, resources, resource);
	const operation = this.getNodeParameter('operation', 0) as string;
	const spec = findSpec(specs, resource, operation);
	if (!spec) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
		);
	}
	checkToolUse(this, spec, resources);
	const asTool = isToolNode(this);
	const continueOnFail = this.continueOnFail();

	const concurrency = readConcurrency(this, api, spec.batch !== undefined);
	const prepared = items.map((_item, itemIndex): PreparedItem & { timeout?: number } => {
		try {
			return readItem(this, spec, itemIndex);
		} catch (error) {
			if (!continueOnFail) throw forItem(this, error, itemIndex);
			return { error: error as Error };
		}
	});

	// One credential read and one shared login for every request of this run.
	const session = new CredentialSession(this, api);
	const context = (itemIndex: number) =>
		operationContext(this, api, itemIndex, prepared[itemIndex].timeout, session);

	if (spec.batch) {
		return [await executeBatches(this, spec, prepared, context, { continueOnFail, concurrency })];
	}

	const outputs: INodeExecutionData[][] = prepared.map(() => []);
	const sent: number[] = [];
	let failed: { itemIndex: number; error: unknown } | undefined;
	const runItem = async (itemIndex: number) => {
		const entry = prepared[itemIndex];
		if (entry.error) {
			outputs[itemIndex] = [errorItem(entry.error, itemIndex)];
			return;
		}
		sent.push(itemIndex);
		try {
			const output = await runOne(context(itemIndex), api, spec, entry.params as IDataObject);
			outputs[itemIndex] = toItems(
				asTool && api.envelope ? withoutEnvelope(output, api.envelope, !!spec.paginate) : output,
				itemIndex,
			);
		} catch (error) {
			if (continueOnFail) outputs[itemIndex] = [errorItem(error as Error, itemIndex)];
			else if (!failed || itemIndex < failed.itemIndex) failed = { itemIndex, error };
		}
	};
	const serialKeys = spec.serialKeys;
	const chains = serialKeys
		? keyedChains(prepared.length, (itemIndex) => {
				const params = prepared[itemIndex].params;
				return params ? serialKeys(params as IDataObject) : [];
			})
		: prepared.map((_entry, itemIndex) => [itemIndex]);
	await runPool(
		chains.length,
		concurrency,
		async (chainIndex) => {
			for (const itemIndex of chains[chainIndex]) {
				if (failed) return;
				await runItem(itemIndex);
			}
		},
		() => failed !== undefined,
	);
	if (failed)
		throw withInFlight(forItem(this, failed.error, failed.itemIndex), failed.itemIndex, sent, api);
	return [outputs.flat()];
}

/**
 * With several requests in flight, items after the failing one may have been sent already: the
 * error says which, since their results are not in any output and a re-run sends them again.
 */
function withInFlight(error: Error, failedIndex: number, sent: number[], api: VendorApi): Error {
	const later = sent.filter((itemIndex) => itemIndex > failedIndex);
	if (!later.length) return error;
	return appendDescription(
		error,
		`${describeItems(later, true)} had already been sent when it failed (several requests run at once): check them in ${api.displayName} before running the node again.`,
	);
}
