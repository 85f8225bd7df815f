import type { INodeProperties, INodePropertyCollection } from 'n8n-workflow';

import { WolkvoxCrm } from '../../nodes/WolkvoxCrm/WolkvoxCrm.node';
import { wolkvoxOperations } from '../../nodes/WolkvoxCrm/operations';

/** Every endpoint of the seeds and of the API v2 list (wolkvox-v2.md), plus the reference's extras. */
const documented = [
	['POST', '/server/API/v2/cases/insertAttach.php'],
	['POST', '/server/API/v2/custom/insert.php'], // activity: call
	['POST', '/server/API/v2/collections/insertObligation.php'], // management (insertGestion.php on request)
	['POST', '/server/API/v2/custom/insert.php'], // activity: task
	['POST', '/server/API/v2/custom/insert.php'], // activity: meeting (reference)
	['POST', '/server/API/v2/custom/insert.php'], // record
	['POST', '/server/API/v2/custom/insertMany.php'],
	['POST', '/server/API/v2/custom/update.php'],
	['PUT', '/server/API/v2/custom/updateMany.php'],
	['POST', '/server/API/v2/custom/delete.php'],
	['POST', '/server/API/v2/custom/queryDates.php'],
	['POST', '/server/API/v2/cases/insert.php'],
	['POST', '/server/API/v2/cases/queryCases.php'],
	['POST', '/server/API/v2/collections/queryGestion.php'],
	['POST', '/server/API/v2/collections/queryObligation.php'],
	['POST', '/server/API/v2/collections/massiveCollections.php'],
	['GET', '/server/API/v2/token/tokenInformation.php'],
	// Beyond wolkvox-v2.md, from the reference: records by field, case update with attachments,
	// obligations inserted (POST) and updated (PUT) on the management's URL.
	['POST', '/server/API/v2/custom/query.php'],
	['POST', '/server/API/v2/custom/query.php'], // record: create or update (then insert.php or update.php)
	['POST', '/server/API/v2/cases/updateCaseAttachment.php'],
	['POST', '/server/API/v2/collections/insertObligation.php'], // obligation: insert
	['PUT', '/server/API/v2/collections/insertObligation.php'], // obligation: update
	['POST', '/server/API/v2/cases/listHistoryNote.php'], // notes history (External token)
	['POST', '/server/API/v2/cases/update.php'], // case update (form-data)
];

test('every documented endpoint is an operation', () => {
	const offered = wolkvoxOperations.map((spec) => `${spec.method} ${spec.path}`).sort();
	expect(offered).toEqual(documented.map(([method, p]) => `${method} ${p}`).sort());
});

test('the node description lists every operation in its resource dropdown', () => {
	const { properties, usableAsTool, credentials } = new WolkvoxCrm().description;
	// The regular node's dropdowns (the AI tool variant's are tested in test/agentTools/).
	const operations = properties.filter(
		(p: INodeProperties) =>
			p.name === 'operation' && p.displayOptions?.show?.['@tool']?.[0] !== true,
	);
	const listed = operations.flatMap((p) =>
		(p.options ?? []).map(
			(o) => `${p.displayOptions?.show?.resource?.[0]}:${(o as { value: string }).value}`,
		),
	);
	expect(listed.sort()).toEqual(
		wolkvoxOperations.map((spec) => `${spec.resource}:${spec.operation}`).sort(),
	);
	expect(usableAsTool).toBe(true);
	expect(credentials).toEqual([{ name: 'wolkvoxCrmApi', required: true }]);
});

/** Every property of an operation, nested ones included. */
function allProperties(properties: INodeProperties[]): INodeProperties[] {
	return properties.flatMap((property) => {
		const nested =
			property.type === 'collection'
				? (property.options as INodeProperties[])
				: property.type === 'fixedCollection'
					? (property.options as INodePropertyCollection[]).flatMap((group) => group.values)
					: [];
		return [property, ...allProperties(nested)];
	});
}

/** The fields of the three seed endpoints (shared/api/endpoints.json), by operation. */
const seedFields: Record<string, string[]> = {
	'case:createWithAttachments': [
		'operation',
		'case-type',
		'responsible',
		'owner',
		'contact',
		'description',
		'form',
		'status',
		'priority',
		'attachments',
		'solution',
	],
	'activity:createCall': [
		'operation',
		'module',
		'type',
		'fields.status',
		'fields.name',
		'fields.priority',
		'fields.name_module',
		'fields.completion_date',
		'fields.remember',
		'fields.reminder_date',
		'fields.description',
		'fields.id_record',
		'fields.location',
		'fields.wolkvox_owner',
		'fields.phone.type',
		'fields.phone.country',
		'fields.phone.code',
		'fields.phone.value',
	],
	'collection:insertManagement': [
		'operation',
		'fields.tipifycation_code',
		'fields.tipifycation_desc',
		'fields.module',
		'fields.wolkvox_idRecord',
		'fields.id_customer',
		'fields.customer_id',
		'fields.wolkvox_idCall',
		'fields.client_name',
		'fields.client_lastname',
		'fields.client_type_document',
		'fields.client_telephone',
		'fields.agent_name',
		'fields.agent_id',
		'fields.type_interaction',
		'fields.time',
		'fields.date',
		'fields.campaign_id',
		'fields.tipification_code',
		'fields.tipification_description',
		'fields.wolkvox_idCustomer',
		'fields.wolkvox_phoneCall',
		'fields.wolkvox_CrmPhoneCall',
		'fields.obligation',
	],
};

test('every field of the seeds is reachable, with its API name in the description', () => {
	// Filled in by the node, not typed by the user.
	const automatic = new Set([
		'operation',
		'activity:createCall module',
		'activity:createCall type',
	]);
	const missing: string[] = [];
	for (const [op, names] of Object.entries(seedFields)) {
		const spec = wolkvoxOperations.find((s) => `${s.resource}:${s.operation}` === op)!;
		const described = allProperties(spec.properties).map((p) => p.description ?? '');
		for (const name of names) {
			const field = name.split('.').pop()!;
			if (automatic.has(field) || automatic.has(`${op} ${name}`)) continue;
			if (!described.some((d) => d.includes(`(API field: ${field})`)))
				missing.push(`${op} ${name}`);
		}
	}
	expect(missing).toEqual([]);
});

test('every user field names its API field in its description', () => {
	// Parameters that steer the node, and the name / value of a CRM field the user types.
	const steering = new Set([
		'fieldsInput',
		'additionalFields',
		'options',
		'batchSize',
		'idKey',
		'whenFound',
		'whenSeveral',
		'endpoint',
		'name',
		'value',
	]);
	const unnamed = wolkvoxOperations.flatMap((spec) =>
		allProperties(spec.properties)
			.filter(
				(p) =>
					p.type !== 'notice' &&
					!/\(API (field|object): [^)]+\)/.test(p.description ?? '') &&
					!steering.has(p.name),
			)
			.map((p) => `${spec.resource}:${spec.operation} ${p.name}`),
	);
	expect(unnamed).toEqual([]);
});
