/**
 * SML deletes and recreates any nested object (client, vehicle, request, task, note, tag,
 * appraisal) that a PATCH sends without its `id`. These helpers build update bodies that carry
 * the current ids, so an update changes what the user asked for and nothing is lost.
 */
import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { masked } from '../common/wire/answer';
import { optionalTopLevel } from '../common/fields/fieldSet';
import { compact } from '../common/fields/schemas';
import type { OperationContext } from '../common/execution/operation';
import { taskDetails, taskType } from './fields';
import { smlApi } from './transport';

/** "Keep IDs" (the default) or "Replace" (send exactly what the user gave, without ids). */
export const nestedMode = (text: string) =>
	optionalTopLevel([
		{
			name: 'nestedMode',
			label: 'Nested Data',
			kind: 'enum',
			// How the node sends the nested objects, not a field of SML's.
			api: false,
			options: [
				{
					name: 'Update in Place (Keep IDs)',
					value: 'merge',
					description:
						'Read the current record first and send the IDs of the nested objects you change, so SML updates them; existing notes, tags and tasks are kept',
				},
				{
					name: 'Replace',
					value: 'replace',
					description:
						'Send only what you give, without IDs: SML deletes the nested objects you send and creates them again',
				},
			],
			default: 'merge',
			text,
			schema: () => z.enum(['merge', 'replace']).default('merge'),
		},
	]);

const idOf = (value: unknown) =>
	(value as IDataObject | null | undefined)?.id as number | undefined;

/** A nested object with the id of its current counterpart, when there is one. */
export function withCurrentId(current: unknown, given: IDataObject): IDataObject {
	const id = idOf(current);
	return id === undefined ? given : { id, ...given };
}

/** The writable part of an existing note or tag. */
const keepContent = (entry: IDataObject): IDataObject => ({ id: entry.id, content: entry.content });

/**
 * The current notes or tags plus the given ones: an entry with an id replaces that entry,
 * one without is added.
 */
export function mergeContentList(current: unknown, given: IDataObject[]): IDataObject[] {
	const existing = Array.isArray(current) ? (current as IDataObject[]) : [];
	const changed = new Map(
		given.filter((entry) => entry.id !== undefined).map((entry) => [entry.id, entry]),
	);
	return [
		...existing.map((entry) => changed.get(entry.id) ?? keepContent(entry)),
		...given.filter((entry) => entry.id === undefined || !existing.some((e) => e.id === entry.id)),
	];
}

const TASK_WRITABLE = [taskType, ...taskDetails].map((field) => field.name);

/** An existing task sent back unchanged: its writable fields and the ids of what it holds. */
export function keepTask(task: IDataObject): IDataObject {
	const kept: IDataObject = { id: task.id };
	for (const key of TASK_WRITABLE)
		if (task[key] !== undefined && task[key] !== null) kept[key] = task[key];
	const appraisal = task.appraisal as IDataObject | null | undefined;
	if (appraisal) {
		const { gas_data: _gasData, ...writable } = appraisal;
		kept.appraisal = compact(writable);
	}
	if (Array.isArray(task.note)) kept.note = (task.note as IDataObject[]).map(keepContent);
	return kept;
}

/** A task the user changes, on top of its current state. */
export function mergeTask(current: IDataObject | undefined, given: IDataObject): IDataObject {
	if (!current) return given;
	const merged: IDataObject = { ...keepTask(current), ...given };
	if (given.appraisal)
		merged.appraisal = withCurrentId(current.appraisal, given.appraisal as IDataObject);
	merged.note = mergeContentList(current.note, (given.note as IDataObject[] | undefined) ?? []);
	return merged;
}

/** The current tasks (kept) plus the given ones (changed by id, or added). */
export function mergeTasks(current: unknown, given: IDataObject[]): IDataObject[] {
	const existing = Array.isArray(current) ? (current as IDataObject[]) : [];
	const byId = new Map(
		given.filter((task) => task.id !== undefined).map((task) => [task.id, task]),
	);
	return [
		...existing.map((task) => {
			const change = byId.get(task.id);
			return change ? mergeTask(task, change) : keepTask(task);
		}),
		...given.filter((task) => task.id === undefined || !existing.some((t) => t.id === task.id)),
	];
}

/* ------------------------------------------------- the read a merge builds on */

const isRecord = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const hasId = (value: unknown) =>
	isRecord(value) &&
	(typeof value.id === 'number' || (typeof value.id === 'string' && value.id.trim() !== ''));

const absent = (value: unknown) => value === undefined || value === null;

type Check = (value: unknown, name: string) => string | undefined;

/** A nested object the merge copies an id from: absent, or an object with an id. */
const objectWithId: Check = (value, name) => {
	if (absent(value)) return undefined;
	if (!isRecord(value)) return `its ${name} is not an object`;
	return hasId(value) ? undefined : `its ${name} has no id`;
};

/** A list the merge sends back entry by entry: absent, or a list of objects with ids. */
const listWithIds =
	(entryCheck?: Check): Check =>
	(value, name) => {
		if (absent(value)) return undefined;
		if (!Array.isArray(value)) return `its ${name} is not a list`;
		for (const [index, entry] of value.entries()) {
			const entryName = `${name}[${index}]`;
			if (!hasId(entry)) return `its ${entryName} is not an object with an id`;
			const problem = entryCheck?.(entry, entryName);
			if (problem) return problem;
		}
		return undefined;
	};

/** A task as keepTask and mergeTask read it. */
const taskShape: Check = (task, name) =>
	objectWithId((task as IDataObject).appraisal, `${name}.appraisal`) ??
	listWithIds()((task as IDataObject).note, `${name}.note`);

/** The request and its tasks: all a task update reads from the lead. */
const requestShape = (lead: IDataObject) =>
	objectWithId(lead.request, 'request') ??
	(isRecord(lead.request) ? listWithIds(taskShape)(lead.request.task, 'request.task') : undefined);

/** Everything a lead update copies ids from. */
const leadShape = (lead: IDataObject) =>
	objectWithId(lead.client, 'client') ??
	objectWithId(lead.vehicle, 'vehicle') ??
	requestShape(lead) ??
	listWithIds()(lead.note, 'note') ??
	listWithIds()(lead.tags, 'tags');

const QUOTE_LENGTH = 100;

/** At most the first 100 characters of a text answer, with any secret of the credential masked. */
function clip(text: string, secrets: string[]): string {
	// Control characters and line breaks would garble a one-line error message.
	const shown = masked(text, secrets)
		.replace(/[\s\u0000-\u001f\u007f]+/g, ' ')
		.trim();
	return shown.length > QUOTE_LENGTH ? `${shown.slice(0, QUOTE_LENGTH)}…` : shown;
}

const quote = (text: string, secrets: string[]) => `"${clip(text, secrets)}"`;

/** What came back, in words, for an answer that is not a JSON object. */
function describeText(answer: string, secrets: string[]): string {
	const text = answer.trim();
	if (!text) return 'an empty answer';
	if (text.startsWith('<')) {
		// The title names the page (a login form, a proxy's "502 Bad Gateway"); the rest is markup.
		const title = /<title[^>]*>([^<]*)</i.exec(text)?.[1]?.trim();
		return title ? `an HTML page titled ${quote(title, secrets)}` : 'an HTML page';
	}
	// A JSON string and a broken JSON answer may both arrive as text, depending on the transport.
	return `a text answer: ${quote(text, secrets)}`;
}

/** What came back, in words, when it is not an object with an id. */
export function describeOther(answer: unknown, secrets: string[]): string {
	if (answer === undefined) return 'an empty answer';
	if (answer === null) return 'null';
	if (typeof answer === 'string') return describeText(answer, secrets);
	if (Buffer.isBuffer(answer)) return describeText(answer.toString('utf8'), secrets);
	if (Array.isArray(answer))
		return `a list of ${answer.length} ${answer.length === 1 ? 'entry' : 'entries'}`;
	if (!isRecord(answer)) return `the value ${quote(String(answer), secrets)}`;
	const fields = Object.keys(answer).slice(0, 5).join(', ');
	return fields
		? `an object without an id, with fields ${clip(fields, secrets)}`
		: 'an empty object';
}

/**
 * Why an answer to GET /api/lead/{id}/ cannot be the base of a Keep IDs update, in words ("not
 * that lead (it was null)"), or undefined when it can. `scope` 'request' checks only what a task
 * update reads (the request and its tasks). Text answers reach here as strings: the engine hands
 * over what it could not parse, and this check must hold whatever the transport does with them.
 */
export function leadAnswerProblem(
	answer: unknown,
	leadId: number,
	scope: 'lead' | 'request' = 'lead',
	secrets: string[] = [],
): string | undefined {
	if (!hasId(answer)) return `not that lead (it was ${describeOther(answer, secrets)})`;
	const { id } = answer as IDataObject;
	if (String(id) !== String(leadId)) {
		return `not that lead (it was lead ${typeof id === 'number' ? id : quote(id as string, secrets)})`;
	}
	const problem =
		scope === 'lead' ? leadShape(answer as IDataObject) : requestShape(answer as IDataObject);
	return problem ? `lead ${leadId} in a shape the update cannot rely on (${problem})` : undefined;
}

/** Secrets of the credential, to mask in a quoted answer (a debug page may echo a header). */
export async function credentialSecrets(ctx: OperationContext): Promise<string[]> {
	try {
		const credentials = await ctx.fn.getCredentials(smlApi.credentialType, ctx.itemIndex);
		return [credentials.password, credentials.sessionToken].filter(
			(value): value is string => typeof value === 'string' && value.length >= 4,
		);
	} catch {
		return [];
	}
}

export interface LeadRead {
	/** What the user runs, e.g. "Lead > Update". */
	action: string;
	/** The lead's documented path (Lead > Get's), filled. */
	path: string;
	leadId: number;
	/** Set when the lead is read to find one of its tasks (SML cannot read a task alone). */
	taskId?: number;
}

/**
 * Reads the lead a Keep IDs update copies its ids from. Anything else (an empty answer, a login
 * page, another lead, a lead of another shape) would make the update go out without ids, and SML
 * would delete and recreate the client, vehicle, tasks and notes: so the item fails, unsent.
 */
export async function readLeadForUpdate(
	ctx: OperationContext,
	{ action, path, leadId, taskId }: LeadRead,
): Promise<IDataObject> {
	const answer = await ctx.request({ method: 'GET', path });
	const scope = taskId === undefined ? 'lead' : 'request';
	if (leadAnswerProblem(answer, leadId, scope) === undefined) return answer as IDataObject;
	const problem = leadAnswerProblem(answer, leadId, scope, await credentialSecrets(ctx));
	const purpose = taskId === undefined ? '' : ` to find task ${taskId}`;
	throw new NodeOperationError(
		ctx.fn.getNode(),
		`SML: ${action} read lead ${leadId}${purpose} before updating it, but the answer was ${problem}; nothing was sent, so nothing was changed`,
		{
			itemIndex: ctx.itemIndex,
			description:
				'Keep IDs sends the current IDs of the nested objects, and SML deletes and recreates any it gets without one, so the update needs the current lead. Try again; if the answer stays wrong, check the Base URL of the credential (a proxy or login page may be answering), or set Nested Data to Replace.',
		},
	);
}

/** The task as its lead holds it (SML has no call to read a task alone), for a Keep IDs update. */
export async function readTaskForUpdate(
	ctx: OperationContext,
	read: Omit<LeadRead, 'action' | 'taskId'> & { taskId: number },
): Promise<IDataObject> {
	const lead = await readLeadForUpdate(ctx, { ...read, action: 'Task > Update' });
	const tasks = ((lead.request as IDataObject | null)?.task ?? []) as IDataObject[];
	const current = tasks.find((task) => String(task.id) === String(read.taskId));
	if (current) return current;
	throw new NodeOperationError(
		ctx.fn.getNode(),
		`Task ${read.taskId} is not one of the tasks of lead ${read.leadId}`,
		{
			itemIndex: ctx.itemIndex,
			description:
				'Check the Lead ID: it must be the lead the task belongs to. Nothing was sent, so nothing was changed.',
		},
	);
}
