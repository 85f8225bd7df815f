/**
 * The options every operation has because the engine, not the operation, acts on them: Timeout
 * and Concurrency. They sit in the operation's Options collection (or a new one) and are taken out
 * of the parameters before the operation's schema sees them.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { VendorApi } from './operation';
import { failValidation } from '../fields/validation';

/** Time limit of one request when the operation's Options > Timeout is not set. */
export const DEFAULT_TIMEOUT_MS = 60_000;

/** Requests in flight when a vendor says nothing of its own (see VendorApi.concurrency). */
export const DEFAULT_CONCURRENCY = { default: 16, max: 50 };

export const timeoutOption: INodeProperties = {
	displayName: 'Timeout',
	name: 'timeout',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: DEFAULT_TIMEOUT_MS,
	description:
		'Milliseconds to wait for the server to answer before the item fails. A write that times out may still have been saved: the error says so.',
};

/** Bulk operations send one batch at a time unless told otherwise: then a failure says exactly what was sent. */
const concurrencyOf = (api: VendorApi, batched: boolean) => {
	const { default: initial, max } = api.concurrency ?? DEFAULT_CONCURRENCY;
	return { initial: batched ? 1 : initial, max };
};

export function concurrencyOption(api: VendorApi, batched = false): INodeProperties {
	const { initial, max } = concurrencyOf(api, batched);
	const what = batched ? 'batches' : 'requests';
	return {
		displayName: 'Concurrency',
		name: 'concurrency',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: max },
		default: initial,
		description: `How many ${what} to send at once (1 to ${max}); outputs keep the input order. When one fails without Continue On Fail, no further one is started, those already sent finish, and the node fails with the first failure's error.`,
	};
}

/** The operation's own Options collection with the engine's options in it, or a new one holding only them. */
export function withEngineOptions(
	properties: INodeProperties[],
	api: VendorApi,
	batched = false,
): INodeProperties[] {
	const engine = [timeoutOption, concurrencyOption(api, batched)];
	const existing = properties.find(
		(property) => property.name === 'options' && property.type === 'collection',
	);
	const options = [...((existing?.options as INodeProperties[] | undefined) ?? []), ...engine].sort(
		(a, b) => a.displayName.localeCompare(b.displayName),
	);
	if (!existing) {
		return [
			...properties,
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options,
			},
		];
	}
	return properties.map((property) =>
		property === existing ? { ...existing, options } : property,
	);
}

const ENGINE_OPTION_NAMES = new Set(['timeout', 'concurrency']);

/** Takes the engine's options out of an item's parameters: the operation's schema never sees them. */
export function withoutEngineOptions(params: IDataObject): IDataObject {
	const options = params.options;
	if (typeof options !== 'object' || options === null || Array.isArray(options)) return params;
	const own = Object.entries(options as IDataObject).filter(
		([name]) => !ENGINE_OPTION_NAMES.has(name),
	);
	return { ...params, options: Object.fromEntries(own) };
}

/** A whole number from a number field or an expression, or undefined when it is none. */
const wholeNumber = (value: unknown) => {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof number === 'number' && Number.isInteger(number) ? number : undefined;
};

/** Options > Timeout of one item, in milliseconds. */
export function readTimeout(fn: IExecuteFunctions, itemIndex: number): number {
	const value = wholeNumber(fn.getNodeParameter('options.timeout', itemIndex, DEFAULT_TIMEOUT_MS));
	if (value === undefined || value < 1) {
		failValidation(fn, itemIndex, [
			'"Options › Timeout" (timeout) must be a whole number of milliseconds, at least 1',
		]);
	}
	return value;
}

/** Options > Concurrency, read once for the node (from its first item). */
export function readConcurrency(fn: IExecuteFunctions, api: VendorApi, batched = false): number {
	const { initial, max } = concurrencyOf(api, batched);
	const value = wholeNumber(fn.getNodeParameter('options.concurrency', 0, initial));
	if (value === undefined || value < 1 || value > max) {
		failValidation(fn, 0, [
			`"Options › Concurrency" (concurrency) must be a whole number from 1 to ${max}`,
		]);
	}
	return value;
}
