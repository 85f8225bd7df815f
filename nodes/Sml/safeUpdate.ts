/**
 * SML deletes and recreates any nested object (client, vehicle, request, task, note, tag,
 * appraisal) that a PATCH sends without its `id`. These helpers build update bodies that carry
 * the current ids, so an update changes what the user asked for and nothing is lost.
 */
import type { IDataObject } from 'n8n-workflow';

import { compact } from '../common/fields';

/** "Keep IDs" (the default) or "Replace" (send exactly what the user gave, without ids). */
export type NestedMode = 'merge' | 'replace';

export const nestedModeOptions = [
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
];

const idOf = (value: unknown) => (value as IDataObject | null | undefined)?.id as number | undefined;

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
	const changed = new Map(given.filter((entry) => entry.id !== undefined).map((entry) => [entry.id, entry]));
	return [
		...existing.map((entry) => changed.get(entry.id) ?? keepContent(entry)),
		...given.filter((entry) => entry.id === undefined || !existing.some((e) => e.id === entry.id)),
	];
}

const TASK_WRITABLE = [
	'type',
	'subtype',
	'description',
	'media',
	'planified_realization_date',
	'planified_tracking_date',
	'realization_date_check',
	'tracking_date_check',
] as const;

/** An existing task sent back unchanged: its writable fields and the ids of what it holds. */
export function keepTask(task: IDataObject): IDataObject {
	const kept: IDataObject = { id: task.id };
	for (const key of TASK_WRITABLE) if (task[key] !== undefined && task[key] !== null) kept[key] = task[key];
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
	if (given.appraisal) merged.appraisal = withCurrentId(current.appraisal, given.appraisal as IDataObject);
	merged.note = mergeContentList(current.note, (given.note as IDataObject[] | undefined) ?? []);
	return merged;
}

/** The current tasks (kept) plus the given ones (changed by id, or added). */
export function mergeTasks(current: unknown, given: IDataObject[]): IDataObject[] {
	const existing = Array.isArray(current) ? (current as IDataObject[]) : [];
	const byId = new Map(given.filter((task) => task.id !== undefined).map((task) => [task.id, task]));
	return [
		...existing.map((task) => {
			const change = byId.get(task.id);
			return change ? mergeTask(task, change) : keepTask(task);
		}),
		...given.filter((task) => task.id === undefined || !existing.some((t) => t.id === task.id)),
	];
}
