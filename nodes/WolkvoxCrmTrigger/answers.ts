/**
 * Reading wolkvox query answers: `{code, error, msg, data}` where `data` is the list of records, and
 * "nothing found" may come as an empty list or as no data at all.
 */
import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readAnswer } from '../WolkvoxCrm/transport';

export function recordsOf(node: INode, body: unknown, what: string): IDataObject[] {
	const answer = readAnswer(body);
	const data = answer?.data;
	if (Array.isArray(data)) return data as IDataObject[];
	if (answer && (data === undefined || data === null || data === '')) return [];
	throw new NodeOperationError(node, `wolkvox CRM: ${what} did not answer a list of records`, {
		description: `Its answer was ${JSON.stringify(body)?.slice(0, 200)}. Nothing was emitted.`,
	});
}

/** The answer's "Total records", when it gives one. */
export function totalOf(body: unknown): number | undefined {
	const total = Number(readAnswer(body)?.['Total records']);
	return Number.isFinite(total) ? total : undefined;
}
