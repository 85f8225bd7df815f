// The package's tool variants served to any MCP client through n8n's MCP Server Trigger (issue 22), in the running
// n8n (n8n start). The e2e publishes a workflow whose MCP Server Trigger (Bearer auth) has one tool per operation
// below (our nodes' tool variants, `<package>.<node>Tool`, parameters from `$fromAI()`), connects with the official
// MCP TypeScript SDK client over Streamable HTTP at the production URL (/mcp/<path>), lists the tools and calls them.
// Checked: the tool list (names, n8n's automatic descriptions, the $fromAI() schemas, no hidden operation named); the
// tool variants n8n serves to the editor, evaluated with the real n8n's own display rules (n8n-workflow's
// NodeHelpers from the n8n under test): hidden operations absent, irreversible ones only with the switch on, Limit 10;
// one read per vendor and SML Lead > Create or Update twice (created, then the same lead updated), each with what
// reached the sandbox and what came back; a saved wolkvox Record > Delete tool refused with its switch off, nothing
// sent; no password or token in any answer.
import { createRequire } from 'node:module';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { N8N_DIR } from './config.mjs';
import { CREDENTIAL_IDS } from './n8n.mjs';

const MCP_PATH = 'e2e-crm-tools';
const BEARER = 'e2e-mcp-bearer-token-3f9a';
const CLIENT_EMAIL = 'mcp.client@example.com';

/** n8n-workflow's nodeNameToToolName: the tool name the MCP client sees for a node. */
const toolName = (nodeName) =>
	nodeName
		.replace(/[^a-zA-Z0-9_-]+/g, '_')
		.slice(0, 64)
		.replace(/[_-]+$/, '');

const fromAI = (key, description, type = 'string') =>
	`={{ $fromAI('${key}', '${description}', '${type}') }}`;
const byId = (value) => ({ __rl: true, mode: 'id', value });
const credential = (type) => ({
	[type]: { id: CREDENTIAL_IDS[type][0], name: CREDENTIAL_IDS[type][1] },
});

/** The tools: node name (n8n makes the tool name of it), our node, its parameters, the $fromAI() keys. */
const TOOLS = [
	{
		node: 'sml_get_lead',
		type: 'sml',
		credentials: credential('smlApi'),
		parameters: {
			resource: 'lead',
			operation: 'get',
			leadId: byId(fromAI('leadId', 'The numeric ID of the SML lead', 'number')),
		},
		keys: ['leadId'],
	},
	{
		node: 'sml_create_or_update_lead',
		type: 'sml',
		credentials: credential('smlApi'),
		parameters: {
			resource: 'lead',
			operation: 'createOrUpdate',
			source: '3',
			brand_model: fromAI('vehicle', 'The brand and model of the car the client wants'),
			client: {
				name: fromAI('name', 'The full name of the client'),
				email: fromAI('email', 'The e-mail of the client'),
			},
			matchOn: 'email',
			whenFound: 'update',
			whenSeveral: 'newest',
		},
		keys: ['vehicle', 'name', 'email'],
	},
	{
		node: 'casabaca_get_appraisal',
		type: 'sugarCrmCasabaca',
		credentials: credential('sugarCrmCasabacaApi'),
		parameters: {
			resource: 'appraisal',
			operation: 'get',
			id: byId(fromAI('appraisalId', 'The ID of the Casabaca appraisal')),
		},
		keys: ['appraisalId'],
	},
	{
		node: 'wolkvox_search_cases',
		type: 'wolkvoxCrm',
		credentials: credential('wolkvoxCrmApi'),
		parameters: {
			resource: 'case',
			operation: 'search',
			field: 'idPrefijo',
			value: fromAI('caseNumber', 'The case number, e.g. CAS-0001'),
		},
		keys: ['caseNumber'],
	},
	{
		// Saved with an irreversible operation and the switch off: the runner must refuse it.
		node: 'wolkvox_delete_contact',
		type: 'wolkvoxCrm',
		credentials: credential('wolkvoxCrmApi'),
		parameters: {
			resource: 'record',
			operation: 'delete',
			module: 'contacts',
			recordIds: fromAI('recordId', 'The ID of the contact to delete'),
		},
		keys: ['recordId'],
	},
];

/** What each tool variant must leave out (hidden) or gate (irreversible): the decisions of nodes/<Vendor>/toolRules.ts. */
const RULES = {
	sml: {
		hidden: ['session:logIn', 'session:logOut'],
		gated: ['lead:clickToCall', 'lead:finalize', 'task:delete'],
	},
	sugarCrmCasabaca: {
		hidden: [
			'appraisal:downloadPdf',
			'apiUser:create',
			'session:createToken',
			'session:expireToken',
		],
		gated: ['ticket:close', 'prospect:close', 'call:createWithAppointment', 'appraisal:sendEmail'],
	},
	wolkvoxCrm: {
		hidden: [
			'case:createWithAttachments',
			'case:updateWithAttachments',
			'record:insertMany',
			'record:updateMany',
			'collection:bulkLoad',
			'token:getUsage',
		],
		gated: ['record:delete'],
	},
};

function mcpWorkflow(pkgName, bearerCredential) {
	const trigger = 'MCP Server Trigger';
	return {
		name: 'e2e: our tools on an MCP server (not an example)',
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'e2e-mcp-trigger',
				name: trigger,
				type: '@n8n/n8n-nodes-langchain.mcpTrigger',
				typeVersion: 2,
				position: [0, 0],
				webhookId: '6f0d3a52-93b8-4d5e-9a21-e2e00000mcp1',
				parameters: { authentication: 'bearerAuth', path: MCP_PATH },
				credentials: { httpBearerAuth: bearerCredential },
			},
			...TOOLS.map((tool, i) => ({
				id: `e2e-mcp-tool-${i}`,
				name: tool.node,
				type: `${pkgName}.${tool.type}Tool`,
				typeVersion: 2,
				position: [i * 200, 250],
				parameters: tool.parameters,
				credentials: tool.credentials,
			})),
		],
		connections: Object.fromEntries(
			TOOLS.map((tool) => [
				tool.node,
				{ ai_tool: [[{ node: trigger, type: 'ai_tool', index: 0 }]] },
			]),
		),
	};
}

/** The option values the editor shows for a dropdown named `name`, with n8n's own display rules. */
function shownOptions(NodeHelpers, description, parameters, name) {
	const node = { name: 'Tool', type: description.name, typeVersion: 2, parameters };
	const values = NodeHelpers.getNodeParameters(
		description.properties,
		parameters,
		true,
		false,
		node,
		description,
	);
	const dropdown = description.properties.find(
		(p) => p.name === name && NodeHelpers.displayParameter(values, p, node, description),
	);
	return { values, options: (dropdown?.options ?? []).map((o) => o.value) };
}

/** A list operation of each node, for the Limit default. */
const LISTS = {
	sml: { resource: 'lead', operation: 'getAll' },
	sugarCrmCasabaca: { resource: 'appraisal', operation: 'getAll' },
	wolkvoxCrm: { resource: 'case', operation: 'search' },
};

/** The served tool variants of our nodes, evaluated with the n8n under test's n8n-workflow. */
function checkServedVariants(t, servedNodes, pkgName) {
	const n8nRequire = createRequire(path.join(N8N_DIR, 'node_modules', 'n8n', 'package.json'));
	const { NodeHelpers } = n8nRequire('n8n-workflow');
	for (const [type, rules] of Object.entries(RULES)) {
		const tool = servedNodes.find((n) => n.name === `${pkgName}.${type}Tool`);
		const regular = servedNodes.find((n) => n.name === `${pkgName}.${type}`);
		if (!t.ok(tool && regular, `${type}Tool and ${type} are served to the editor`)) continue;
		const expected = { on: [], off: [] };
		const actual = { on: [], off: [] };
		const toolResources = shownOptions(NodeHelpers, tool, {}, 'resource').options;
		for (const resource of shownOptions(NodeHelpers, regular, {}, 'resource').options) {
			const list = (description, extra) =>
				shownOptions(NodeHelpers, description, { resource, ...extra }, 'operation').options.map(
					(op) => `${resource}:${op}`,
				);
			const offered = list(regular, {}).filter((key) => !rules.hidden.includes(key));
			const safe = offered.filter((key) => !rules.gated.includes(key));
			expected.on.push(...offered);
			// A resource with gated operations only lists them (the runner refuses them until the switch is on).
			expected.off.push(...(safe.length ? safe : offered));
			if (!toolResources.includes(resource)) continue;
			actual.off.push(...list(tool, {}));
			actual.on.push(...list(tool, { allowIrreversibleActions: true }));
		}
		t.equal(
			actual.on.sort(),
			expected.on.sort(),
			`${type}Tool: every operation but the hidden ones (${rules.hidden.join(', ')}), with Allow Irreversible Actions on`,
		);
		t.equal(
			actual.off.sort(),
			expected.off.sort(),
			`${type}Tool: the irreversible ones (${rules.gated.join(', ')}) only with the switch on`,
		);
		const listed = shownOptions(NodeHelpers, tool, LISTS[type], 'operation').values;
		t.equal(
			[listed.returnAll, listed.limit],
			[false, 10],
			`${type}Tool: ${LISTS[type].resource} ${LISTS[type].operation} starts with Return All off and Limit 10`,
		);
	}
}

/**
 * Runs the checks against the running server; resolves the Checks' results (never throws).
 * @param {{ Checks: any, rest: any, server: { url: string }, sandbox: { url: string },
 *   sandboxJson: (p: string) => Promise<any>, pkg: { name: string, nodes: any[] }, secrets?: string[], only?: string,
 *   log?: (m: string) => void }} ctx
 */
export async function runMcpChecks({
	Checks,
	rest,
	server,
	sandbox,
	sandboxJson,
	pkg,
	secrets = [],
	only = '',
	log = (msg) => void msg,
}) {
	if (only && only !== 'mcp' && only !== 'agents') return [];
	const t = new Checks('MCP Server Trigger: our tool variants for any MCP client');
	let workflowId;
	let client;
	try {
		const nodesRes = await rest.request('GET', '/types/nodes.json');
		checkServedVariants(t, nodesRes.json || [], pkg.name);

		const cred = await rest.request('POST', '/rest/credentials', {
			name: 'MCP bearer (e2e)',
			type: 'httpBearerAuth',
			data: { token: BEARER },
		});
		const credId = cred.json?.data?.id;
		t.ok(
			credId,
			'a Bearer credential for the MCP Server Trigger is created',
			cred.text.slice(0, 300),
		);
		const wf = mcpWorkflow(pkg.name, { id: credId, name: 'MCP bearer (e2e)' });
		const created = await rest.request('POST', '/rest/workflows', wf);
		workflowId = created.json?.data?.id;
		t.ok(workflowId, 'the MCP workflow is created', created.text.slice(0, 300));
		const on = await rest.request('POST', `/rest/workflows/${workflowId}/activate`, {
			versionId: created.json?.data?.versionId,
		});
		t.ok(
			on.status === 200 && on.json?.data?.active === true,
			'the MCP workflow is published',
			on.text.slice(0, 400),
		);
		const url = new URL(`${server.url}/mcp/${MCP_PATH}`);

		// Publishing registers the trigger's webhooks shortly after the REST call answers: wait for them.
		const unauthenticated = () =>
			fetch(url, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					accept: 'application/json, text/event-stream',
				},
				body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
			});
		let refused = await unauthenticated();
		for (let waited = 0; refused.status === 404 && waited < 30000; waited += 500) {
			await new Promise((resolve) => setTimeout(resolve, 500));
			refused = await unauthenticated();
		}
		t.ok(
			refused.status === 401 || refused.status === 403,
			`without the Bearer token the endpoint refuses the call (HTTP ${refused.status})`,
			`HTTP ${refused.status}`,
		);

		client = new Client({ name: 'e2e-mcp-client', version: '1.0.0' });
		await client.connect(
			new StreamableHTTPClientTransport(url, {
				requestInit: { headers: { Authorization: `Bearer ${BEARER}` } },
			}),
		);
		const { tools } = await client.listTools();
		log(
			`MCP tools/list: ${JSON.stringify(tools.map((x) => ({ name: x.name, description: x.description, input: x.inputSchema?.properties })))}`,
		);
		t.equal(
			tools.map((x) => x.name).sort(),
			TOOLS.map((x) => toolName(x.node)).sort(),
			'tools/list names exactly the published tools',
		);
		for (const spec of TOOLS) {
			const listed = tools.find((x) => x.name === toolName(spec.node));
			t.equal(
				Object.keys(listed?.inputSchema?.properties ?? {}).sort(),
				[...spec.keys].sort(),
				`${spec.node}: its input schema is exactly its $fromAI() parameters`,
			);
			const op = (
				pkg.nodes.find((n) => n.type === `${pkg.name}.${spec.type}`)?.description?.properties ?? []
			)
				.filter((p) => p.name === 'operation')
				.flatMap((p) => p.options ?? [])
				.find((o) => o.value === spec.parameters.operation);
			t.ok(
				typeof listed?.description === 'string' && op && listed.description.startsWith(op.action),
				`${spec.node}: n8n's automatic description, from the operation's action ("${op?.action}")`,
				listed?.description,
			);
		}
		const everything = JSON.stringify(tools);
		const hiddenNames = [
			'Log Out',
			'Log In',
			'Expire Token',
			'Download PDF',
			'Insert Many',
			'Bulk Load',
		];
		t.equal(
			hiddenNames.filter((n) => everything.includes(n)),
			[],
			'no hidden operation is named in the tool list',
		);
		t.ok(!everything.includes(BEARER), 'the tool list does not carry the Bearer token');

		const answers = [];
		/** Calls a tool; returns its text and what the sandbox received meanwhile. */
		const call = async (node, args) => {
			await fetch(`${sandbox.url}/__sandbox/requests`, { method: 'DELETE' });
			const result = await client.callTool({ name: toolName(node), arguments: args });
			const text = (result.content ?? []).map((c) => c.text ?? '').join('');
			answers.push(text);
			const requests = await sandboxJson('/__sandbox/requests');
			log(`MCP call ${node}: ${requests.length} sandbox requests, ${text.length} characters back`);
			return { result, text, requests, json: safeJson(text) };
		};
		// What was done: logins and a stored token the sandbox no longer knows (rejected, renewed, sent again) left out.
		const calls = (requests, vendor) =>
			requests
				.filter((r) => r.vendor === vendor && !/login/.test(r.path) && r.status < 400)
				.map((r) => `${r.method} ${r.path} ${r.status}`);

		const lead = await call('sml_get_lead', { leadId: 984 });
		t.equal(
			calls(lead.requests, 'sml'),
			['GET /api/lead/984/ 200'],
			'sml_get_lead: GET /api/lead/984/',
		);
		t.ok(
			Array.isArray(lead.json) &&
				lead.json[0]?.id === 984 &&
				'vehicle_brand_model' in lead.json[0] &&
				!('concessionaire_data' in lead.json[0]),
			'sml_get_lead: the simplified lead 984 comes back (Simplify on in the tool)',
			lead.text.slice(0, 400),
		);
		const appraisal = await call('casabaca_get_appraisal', { appraisalId: '2' });
		t.equal(
			calls(appraisal.requests, 'casabaca'),
			['GET /api/getAvaluo/2 200'],
			'casabaca_get_appraisal: GET /api/getAvaluo/2',
		);
		t.ok(
			Array.isArray(appraisal.json) && appraisal.json[0]?.placa === 'PBX-1021',
			'casabaca_get_appraisal: appraisal 2 (plate PBX-1021) comes back without the data wrapper',
			appraisal.text.slice(0, 400),
		);
		const cases = await call('wolkvox_search_cases', { caseNumber: 'CAS-0001' });
		t.ok(
			calls(cases.requests, 'wolkvox').join() === 'POST /server/API/v2/cases/queryCases.php 200' &&
				cases.requests.some((r) => r.body?.field === 'idPrefijo' && r.body?.value === 'CAS-0001'),
			'wolkvox_search_cases: one queryCases.php for idPrefijo = CAS-0001',
			JSON.stringify(cases.requests.map((r) => [r.method, r.path, r.body])).slice(0, 400),
		);
		t.ok(
			Array.isArray(cases.json) &&
				cases.json.length === 1 &&
				cases.json[0].idPrefijo === 'CAS-0001' &&
				!('code' in cases.json[0]) &&
				!('msg' in cases.json[0]),
			'wolkvox_search_cases: the case comes back, without the code/msg envelope',
			cases.text.slice(0, 400),
		);

		const write = { vehicle: 'Seat Ibiza', name: 'Cliente MCP', email: CLIENT_EMAIL };
		const first = await call('sml_create_or_update_lead', write);
		const posts = first.requests.filter(
			(r) => r.vendor === 'sml' && r.method === 'POST' && r.path === '/api/lead/',
		);
		t.equal(
			posts.map((r) => [
				r.status,
				r.body.source,
				r.body.vehicle?.brand_model,
				r.body.client?.email,
				r.body.client?.name,
			]),
			[[201, 3, 'Seat Ibiza', CLIENT_EMAIL, 'Cliente MCP']],
			'sml_create_or_update_lead: looked up, then one POST /api/lead/ with the arguments (answered 201)',
		);
		const createdLead = Array.isArray(first.json) ? first.json[0] : undefined;
		t.ok(
			createdLead?.action === 'created' && Number.isInteger(createdLead?.id),
			'sml_create_or_update_lead: the new lead comes back with action "created"',
			first.text.slice(0, 300),
		);
		const second = await call('sml_create_or_update_lead', { ...write, vehicle: 'Seat Leon' });
		const again = Array.isArray(second.json) ? second.json[0] : undefined;
		t.ok(
			again?.action === 'updated' &&
				again?.id === createdLead?.id &&
				!second.requests.some((r) => r.method === 'POST' && r.path === '/api/lead/'),
			'sml_create_or_update_lead again: the same lead is updated, nothing created',
			second.text.slice(0, 300),
		);
		const store = await sandboxJson('/__sandbox/store');
		const stored = store.sml.leads.filter((l) => l.client?.email === CLIENT_EMAIL);
		t.equal(
			stored.map((l) => [l.id, l.vehicle?.brand_model]),
			[[createdLead?.id, 'Seat Leon']],
			'the sandbox holds one lead for the client, with the second call’s vehicle',
		);

		const deletion = await call('wolkvox_delete_contact', { recordId: '64cb' });
		t.ok(
			deletion.result.isError === true &&
				deletion.text.includes(
					'Record > Delete deletes the records with the given IDs and cannot be undone, so this tool runs it only with "Allow Irreversible Actions" on',
				),
			'wolkvox_delete_contact (saved with the switch off): an error result naming the switch',
			deletion.text.slice(0, 400),
		);
		t.equal(
			calls(deletion.requests, 'wolkvox'),
			[],
			'wolkvox_delete_contact: nothing reached wolkvox',
		);
		t.equal(
			answers.filter((text) => secrets.some((s) => text.includes(s))).length,
			0,
			'no password or token in any answer',
		);
		log(`MCP answers: ${answers.map((a) => a.slice(0, 160)).join(' | ')}`);
	} catch (e) {
		t.ok(false, 'the MCP checks completed', e.stack || e.message);
	} finally {
		await client?.close().catch(() => {});
		if (workflowId) {
			const off = await rest.request('POST', `/rest/workflows/${workflowId}/deactivate`, {});
			t.ok(off.status === 200, 'the MCP workflow can be unpublished', `HTTP ${off.status}`);
		}
	}
	return t.results;
}

function safeJson(text) {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}
