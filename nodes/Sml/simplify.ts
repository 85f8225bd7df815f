/**
 * Simplify for SML's lead reads (Lead > Get, Lead > Get Many): a lead answer carries its
 * concessionaire, user, source, client, vehicle, tasks, notes and tags, most of them twice (the
 * `*_data` copies). The simplified lead is flat: these fields, null when the lead has none.
 * The README's "Simplify" section lists them; a test keeps the two in step.
 */
import type { IDataObject } from 'n8n-workflow';

import { flatten } from '../common/execution/simplify';

/** Output name: path in the lead answer. */
export const SIMPLE_LEAD_PATHS: Record<string, string> = {
	id: 'id',
	status: 'status',
	score: 'score',
	created: 'created',
	finish_date: 'finish_date',
	pending_tasks: 'pending_tasks',
	concessionaire_id: 'concessionaire',
	concessionaire_name: 'concessionaire_data.name',
	user_id: 'user',
	user_username: 'user_data.username',
	user_email: 'user_data.email',
	source_id: 'source',
	source_channel: 'source_data.channel_data.name',
	source_origin: 'source_data.origin_data.name',
	client_id: 'client.id',
	client_name: 'client.name',
	client_phone: 'client.phone',
	client_email: 'client.email',
	vehicle_id: 'vehicle.id',
	vehicle_brand_model: 'vehicle.brand_model',
	vehicle_price: 'vehicle.price',
	vehicle_km: 'vehicle.km',
	vehicle_year: 'vehicle.year',
	request_id: 'request.id',
};

const list = (value: unknown): IDataObject[] =>
	Array.isArray(value) ? (value as IDataObject[]) : [];

/** Fields made from several parts of the answer. */
export const SIMPLE_LEAD_DERIVED = {
	user_name: 'first and last name of the assigned user',
	task_ids: "IDs of the lead's tasks (request.task)",
	tags: "contents of the lead's tags",
};

export function simplifyLead(lead: IDataObject): IDataObject {
	const user = (lead.user_data ?? {}) as IDataObject;
	const name = [user.first_name, user.last_name].filter(Boolean).join(' ');
	const tasks = list((lead.request as IDataObject | null)?.task);
	return {
		...flatten(lead, SIMPLE_LEAD_PATHS),
		user_name: name || null,
		task_ids: tasks.map((task) => task.id),
		tags: list(lead.tags).map((tag) => tag.content),
	};
}
