// The bench's workflows and credentials, generated for each run (they point at a mock on a fresh port).
// A workflow holds one or more measured nodes: n8n runs one node at a time, so each node's runData entry gives
// its own execution time, and each node talks to its own base URL at the mock (<mock>/bench/<tag>), which keeps
// its latency and counts apart.
import { randomUUID } from 'node:crypto';
import { SML_LEAD_PATH, SML_USER, STATIC_SML_TOKEN, WOLKVOX_TOKEN } from './mock.mjs';
import { itemEmail } from './mock-upsert.mjs';

/** n8n 2.41's newest HTTP Request node version (n8n-nodes-base HttpRequest.node.js defaultVersion). */
export const HTTP_REQUEST_VERSION = 4.5;
export const WOLKVOX_OPERATION = 'benchoperation';

/** The kit's "average lead" as SML node parameters and as the body SML documents (test/sml/lead.test.ts). */
export const AVERAGE_LEAD = {
	source: 1,
	brand_model: 'Vehículo de prueba',
	vehicle: { price: '10000', km: '120000', year: 2008, gas: 1 },
	client: {
		name: 'Cliente de Ejemplo',
		phone: '666777888',
		email: 'user@example.com',
		province: 638,
		location: 58323,
	},
	additionalFields: { status: 'new', score: '1' },
	note: { entries: [{ content: 'Nota de prueba' }] },
	tags: { entries: [{ content: 'Etiqueta de ejemplo' }] },
};
export const AVERAGE_LEAD_BODY = {
	client: {
		name: 'Cliente de Ejemplo',
		phone: '666777888',
		email: 'user@example.com',
		province: 638,
		location: 58323,
	},
	vehicle: { brand_model: 'Vehículo de prueba', price: '10000', km: '120000', year: 2008, gas: 1 },
	note: [{ content: 'Nota de prueba' }],
	status: 'new',
	score: '1',
	tags: [{ content: 'Etiqueta de ejemplo' }],
	source: 1,
};

/** wolkvox Record > Insert Many as test/wolkvoxCrm/record.test.ts runs it (there in batches of 10 records). */
export const wolkvoxInsertManyParameters = (batchSize) => ({
	resource: 'record',
	operation: 'insertMany',
	module: 'contacts',
	fieldPairs: {
		field: [
			{ name: 'namecontact', value: '={{ $json.name }}' },
			{ name: 'idcontact', value: '={{ $json.id }}' },
		],
	},
	options: { batchSize },
});

/** SML Lead > Create or Update of the average lead, the client's e-mail from the item, matched on it. */
export const UPSERT_NODE_VERSION = 2;
export const UPSERT_PARAMETERS = {
	resource: 'lead',
	operation: 'createOrUpdate',
	...AVERAGE_LEAD,
	client: { ...AVERAGE_LEAD.client, email: '={{ $json.email }}' },
	matchOn: 'email',
	whenFound: 'update',
	whenSeveral: 'newest',
};

const credentialRef = (id) => ({ id, name: `bench ${id}` });

/**
 * Credentials for `n8n import:credentials`, one per measured node that needs one: each run starts without a
 * session token, as a fresh credential would, and reaches the mock under its node's tag.
 */
export function benchCredentials(members, mock) {
	return members
		.filter((m) => m.credential)
		.map((m) =>
			m.credential === 'smlApi'
				? {
						...credentialRef(m.credentialId),
						type: 'smlApi',
						data: {
							baseUrl: mock.base(m.tag),
							username: SML_USER.username,
							password: SML_USER.password,
							authScheme: 'Token',
						},
					}
				: {
						...credentialRef(m.credentialId),
						type: 'wolkvoxCrmApi',
						data: {
							server: 'custom',
							customHost: mock.base(m.tag),
							operation: WOLKVOX_OPERATION,
							token: WOLKVOX_TOKEN,
							externalToken: '',
						},
					},
		);
}

/** A Code node that makes `count` items {i, name, id, email}: the input of the per-item nodes. */
const itemsNode = (name, count) => ({
	name,
	type: 'n8n-nodes-base.code',
	typeVersion: 2,
	parameters: {
		jsCode: `return Array.from({ length: ${count} }, (_, i) => ({ json: { i, name: \`Contact \${i}\`, id: \`ID-\${i}\`, email: \`${itemEmail('${i}')}\` } }));`,
	},
});

/** The HTTP Request node as a user would set it up for the same call: the token typed in as a header. */
const httpParameters = (parameters) => ({
	sendHeaders: true,
	headerParameters: { parameters: [{ name: 'Authorization', value: `Token ${STATIC_SML_TOKEN}` }] },
	options: {},
	...parameters,
});

/**
 * The n8n node of a measured member ({ case, runner, items, tag, nodeName, credentialId }), the name of the
 * Code node that feeds it (null: fed by the trigger's one item), and a node that runs between the two when the member
 * is a pair of nodes (its lookupName: the HTTP Request node's lookup before its write).
 * @returns {[string | null, Record<string, unknown>, Record<string, unknown>?]}
 */
function memberNode(m, mock, { wolkvoxBatch }) {
	const base = mock.base(m.tag);
	if (m.case === 'create' && m.runner === 'SML node') {
		return [
			`Items: ${m.items}`,
			{
				type: 'n8n-nodes-casabaca-wolkvox-sml.sml',
				typeVersion: 1,
				parameters: { resource: 'lead', operation: 'create', ...AVERAGE_LEAD },
				credentials: { smlApi: credentialRef(m.credentialId) },
			},
		];
	}
	if (m.case === 'create') {
		return [
			`Items: ${m.items}`,
			{
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: HTTP_REQUEST_VERSION,
				parameters: httpParameters({
					method: 'POST',
					url: `${base}${SML_LEAD_PATH}`,
					sendBody: true,
					specifyBody: 'json',
					jsonBody: JSON.stringify(AVERAGE_LEAD_BODY),
				}),
			},
		];
	}
	if (m.case === 'upsert' && m.runner === 'SML node') {
		return [
			`Items: ${m.items}`,
			{
				type: 'n8n-nodes-casabaca-wolkvox-sml.sml',
				typeVersion: UPSERT_NODE_VERSION,
				parameters: UPSERT_PARAMETERS,
				credentials: { smlApi: credentialRef(m.credentialId) },
			},
		];
	}
	if (m.case === 'upsert') {
		// What a user builds with the HTTP Request node: a lookup node, then a write node whose method and URL depend on
		// whether the lookup found the item's e-mail exactly (the list filter is a substring match).
		const found = `$json.results.find(l => String((l.client || {}).email || '').trim().toLowerCase() === $('Items: ${m.items}').item.json.email)`;
		return [
			`Items: ${m.items}`,
			{
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: HTTP_REQUEST_VERSION,
				parameters: httpParameters({
					method: `={{ ${found} ? 'PATCH' : 'POST' }}`,
					url: `={{ '${base}${SML_LEAD_PATH}' + (${found} ? ${found}.id + '/' : '') }}`,
					sendBody: true,
					specifyBody: 'json',
					jsonBody: `={{ JSON.stringify(Object.assign(${JSON.stringify(AVERAGE_LEAD_BODY)}, { client: Object.assign(${JSON.stringify(AVERAGE_LEAD_BODY.client)}, { email: $('Items: ${m.items}').item.json.email }) })) }}`,
				}),
			},
			{
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: HTTP_REQUEST_VERSION,
				parameters: httpParameters({
					method: 'GET',
					url: `${base}${SML_LEAD_PATH}`,
					sendQuery: true,
					queryParameters: {
						parameters: [{ name: 'client__email__icontains', value: '={{ $json.email }}' }],
					},
				}),
			},
		];
	}
	if (m.case === 'getAll' && m.runner === 'SML node') {
		const pages = m.warmup ? { returnAll: false, limit: 5 } : { returnAll: true };
		return [
			null,
			{
				type: 'n8n-nodes-casabaca-wolkvox-sml.sml',
				typeVersion: 1,
				parameters: { resource: 'lead', operation: 'getAll', ...pages, filters: {}, options: {} },
				credentials: { smlApi: credentialRef(m.credentialId) },
			},
		];
	}
	if (m.case === 'getAll') {
		return [
			null,
			{
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: HTTP_REQUEST_VERSION,
				parameters: httpParameters({
					method: 'GET',
					url: `${base}${SML_LEAD_PATH}`,
					sendQuery: true,
					queryParameters: { parameters: [{ name: 'page_size', value: m.warmup ? '5' : 'all' }] },
				}),
			},
		];
	}
	if (m.case === 'wolkvox') {
		return [
			`Items: ${m.items}`,
			{
				type: 'n8n-nodes-casabaca-wolkvox-sml.wolkvoxCrm',
				typeVersion: 1,
				parameters: wolkvoxInsertManyParameters(wolkvoxBatch),
				credentials: { wolkvoxCrmApi: credentialRef(m.credentialId) },
			},
		];
	}
	if (m.case === 'baseline') return [null, { ...itemsNode('', 1) }];
	throw new Error(`no workflow node for ${m.case} / ${m.runner}`);
}

/** The lookup node of a member measured as two nodes (the HTTP Request node's Create or Update): null for the others. */
export const lookupName = (m) =>
	m.case === 'upsert' && m.runner.startsWith('HTTP Request') ? `${m.nodeName} (lookup)` : null;

/**
 * A warm-up for each measured node: the same node on 10 items (or a 5-lead page) under its own tag and credential,
 * placed above the measured ones so that it runs first. Without it the first node of a process pays for compiling
 * the code it shares with the others (n8n-core's request helpers, the expression engine): at the bench's small sizes
 * that alone moved a ratio by 2-5×. Measured nodes thus run warm, as in a long-running n8n.
 */
export function warmupsFor(members) {
	return members
		.filter((m) => m.case !== 'baseline')
		.map((m) => ({
			...m,
			warmup: true,
			items: 10,
			tag: `wu${m.tag}`,
			nodeName: `Warm-up: ${m.nodeName}`,
			...(m.credentialId ? { credentialId: `${m.credentialId}Wu` } : {}),
		}));
}

/**
 * One workflow: Manual Trigger -> (Code node making the items, shared by members of the same size) -> the measured
 * nodes, one branch each. Branches run one after another, depth first, top to bottom (executionOrder v1 sorts a
 * node's children by their position), so the order of `members` is the order of the runs.
 */
export function groupWorkflow(id, name, members, mock, options) {
	/** @type {Record<string, unknown>[]} */
	const nodes = [
		{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} },
	];
	const connections = {};
	const connect = (from, to) => {
		connections[from] ??= { main: [[]] };
		connections[from].main[0].push({ node: to, type: 'main', index: 0 });
	};
	members.forEach((m, row) => {
		const [feeder, node, lookup] = memberNode(m, mock, options);
		if (feeder && !nodes.some((n) => n.name === feeder)) {
			nodes.push({ ...itemsNode(feeder, m.items), position: [220, row * 200] });
			connect('Start', feeder);
		}
		if (lookup) {
			nodes.push({ ...lookup, name: lookupName(m), position: [440, row * 200] });
			connect(feeder ?? 'Start', lookupName(m));
		}
		nodes.push({ ...node, name: m.nodeName, position: [lookup ? 660 : 440, row * 200] });
		connect(lookup ? lookupName(m) : (feeder ?? 'Start'), m.nodeName);
	});
	return {
		id,
		name,
		active: false,
		versionId: randomUUID(),
		settings: { executionOrder: 'v1' },
		pinData: {},
		tags: [],
		nodes: nodes.map((n) => ({ id: randomUUID(), position: [0, 0], ...n })),
		connections,
	};
}
