// The package's nodes as tools of n8n's AI Agent, in the real n8n (issue 14, point 4).
// One workflow per node: Manual Trigger -> AI Agent (@n8n/n8n-nodes-langchain.agent), whose chat model is n8n's
// OpenAI Chat Model node with a custom base URL pointing at a loopback mock of the chat-completions API
// (openai-mock.mjs), and whose one tool is our node's tool variant (`<package>.<node>Tool`, made by n8n from
// `usableAsTool: true`) with parameters filled by `$fromAI()`. The mock answers the first request with a call of that
// tool (the tool name n8n derives from the node's name) with arguments it chose, then with a final message once the
// tool's result comes back. Checked: the run succeeds; the sandbox received the request with the mock's arguments;
// the mock's second request carries the node's output as the tool result; the agent outputs the mock's final text.
import fs from 'node:fs';
import path from 'node:path';
import { nodeOutput, parseRun, runCli } from './n8n.mjs';
import { startOpenAiMock } from './openai-mock.mjs';

const OPENAI_CREDENTIAL = { id: 'e2eOpenAiMock', name: 'OpenAI mock (loopback)' };

/** n8n-workflow's nodeNameToToolName: the tool name the agent offers the model for a node. */
const toolName = (nodeName) =>
	nodeName
		.replace(/[^a-zA-Z0-9_-]+/g, '_')
		.slice(0, 64)
		.replace(/[_-]+$/, '');

/** Every check: the tool node (our node's parameters, some from $fromAI), the mock's arguments, what must reach the sandbox. */
const AGENT_CHECKS = [
	{
		id: 'e2eAgentSml',
		node: 'sml',
		toolDescription: 'Get a lead in SML',
		toolNode: 'SML get lead',
		credentials: { smlApi: { id: 'sandboxSmlApi', name: 'SML sandbox' } },
		parameters: {
			resource: 'lead',
			operation: 'get',
			leadId: "={{ $fromAI('leadId', 'The numeric ID of the SML lead to read', 'number') }}",
		},
		prompt: 'What car does the client of SML lead 984 want?',
		args: { leadId: 984 },
		request: (r) =>
			r.vendor === 'sml' && r.method === 'GET' && r.path === '/api/lead/984/' && r.status === 200,
		requestText: 'GET /sml/api/lead/984/ answered 200',
		result: (content) => /"id":\s*984\b/.test(content) && content.includes('brand_model'),
		resultText: 'lead 984 with its brand_model',
	},
	{
		id: 'e2eAgentCasabaca',
		node: 'sugarCrmCasabaca',
		toolDescription: 'Get an appraisal in SugarCRM Casabaca',
		toolNode: 'Casabaca get appraisal',
		credentials: {
			sugarCrmCasabacaApi: { id: 'sandboxCasabacaApi', name: 'SugarCRM Casabaca sandbox' },
		},
		parameters: {
			resource: 'appraisal',
			operation: 'get',
			id: "={{ $fromAI('appraisalId', 'The ID of the Casabaca appraisal (avaluo) to read', 'string') }}",
		},
		prompt: 'What is the plate of Casabaca appraisal 2?',
		args: { appraisalId: '2' },
		request: (r) =>
			r.vendor === 'casabaca' &&
			r.method === 'GET' &&
			r.path === '/api/getAvaluo/2' &&
			r.status === 200,
		requestText: 'GET /casabaca/api/getAvaluo/2 answered 200',
		result: (content) => content.includes('PBX-1021'),
		resultText: 'appraisal 2 with its plate PBX-1021',
	},
	{
		id: 'e2eAgentWolkvox',
		node: 'wolkvoxCrm',
		toolDescription: 'Search cases in wolkvox CRM',
		toolNode: 'wolkvox search cases',
		credentials: { wolkvoxCrmApi: { id: 'sandboxWolkvoxApi', name: 'wolkvox CRM sandbox' } },
		parameters: {
			resource: 'case',
			operation: 'search',
			field:
				"={{ $fromAI('field', 'The case field to search, e.g. idPrefijo (the case number)', 'string') }}",
			value: "={{ $fromAI('value', 'The value the field must have, e.g. CAS-0001', 'string') }}",
		},
		prompt: 'Who is responsible for wolkvox case CAS-0001?',
		args: { field: 'idPrefijo', value: 'CAS-0001' },
		request: (r) => {
			if (r.vendor !== 'wolkvox' || r.status !== 200) return false;
			const all = JSON.stringify({ q: r.query, b: r.body });
			return all.includes('idPrefijo') && all.includes('CAS-0001');
		},
		requestText: 'a wolkvox case search for idPrefijo = CAS-0001, answered 200',
		result: (content) =>
			/"idPrefijo":\s*"CAS-0001"/.test(content) &&
			content.includes('agent10@demo_operation') &&
			content.includes('wolkvox_id'),
		resultText: 'case CAS-0001 with its wolkvox_id and responsible',
	},
];

function agentWorkflow(check, pkgName, mockUrl) {
	const agent = 'AI Agent';
	const model = 'OpenAI Chat Model (mock)';
	return {
		id: check.id,
		name: `e2e: AI Agent uses ${check.toolNode} (not an example)`,
		active: false,
		versionId: `00000000-0000-4000-8000-${check.id.length.toString().padStart(12, '0')}`,
		settings: { executionOrder: 'v1' },
		pinData: {},
		tags: [],
		nodes: [
			{
				id: `${check.id}-trigger`,
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: `${check.id}-agent`,
				name: agent,
				type: '@n8n/n8n-nodes-langchain.agent',
				typeVersion: 3,
				position: [250, 0],
				parameters: { promptType: 'define', text: check.prompt, options: {} },
			},
			{
				id: `${check.id}-model`,
				name: model,
				type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
				typeVersion: 1.3,
				position: [150, 250],
				parameters: {
					model: { __rl: true, mode: 'id', value: 'gpt-e2e-mock' },
					responsesApiEnabled: false,
					options: { baseURL: mockUrl, maxRetries: 0 },
				},
				credentials: { openAiApi: OPENAI_CREDENTIAL },
			},
			{
				id: `${check.id}-tool`,
				name: check.toolNode,
				type: `${pkgName}.${check.node}Tool`,
				typeVersion: 1,
				position: [400, 250],
				parameters: check.parameters,
				credentials: check.credentials,
			},
		],
		connections: {
			Start: { main: [[{ node: agent, type: 'main', index: 0 }]] },
			[model]: { ai_languageModel: [[{ node: agent, type: 'ai_languageModel', index: 0 }]] },
			[check.toolNode]: { ai_tool: [[{ node: agent, type: 'ai_tool', index: 0 }]] },
		},
	};
}

/**
 * Runs the checks with `n8n execute`; returns the results (never throws). Needs the sandbox credentials already
 * imported (run.mjs does that); imports the OpenAI credential and the agent workflows itself.
 */
export async function runAgentChecks({
	Checks,
	userFolder,
	pkg,
	sandbox,
	sandboxJson,
	secrets = [],
	only = '',
	log = (msg) => void msg,
}) {
	const results = [];
	if (only && only !== 'agents') return results;
	const mock = await startOpenAiMock(
		Object.fromEntries(
			AGENT_CHECKS.map((c) => [
				toolName(c.toolNode),
				{
					args: c.args,
					final: (result) =>
						`E2E final answer from ${c.toolNode}: ${result.length} characters read.`,
				},
			]),
		),
	);
	const setup = new Checks('AI Agent: our nodes as tools');
	try {
		const dir = path.join(userFolder, 'agent-workflows');
		fs.mkdirSync(dir, { recursive: true });
		const credFile = path.join(userFolder, 'openai-credential.json');
		fs.writeFileSync(
			credFile,
			JSON.stringify([
				{
					...OPENAI_CREDENTIAL,
					type: 'openAiApi',
					data: { apiKey: 'sk-e2e-mock-key', url: mock.url },
				},
			]),
		);
		const impCred = await runCli(userFolder, ['import:credentials', `--input=${credFile}`]);
		setup.ok(
			impCred.code === 0,
			'the OpenAI credential (base URL: the loopback mock) is imported',
			impCred.stderr.slice(-800),
		);
		for (const check of AGENT_CHECKS)
			fs.writeFileSync(
				path.join(dir, `${check.id}.json`),
				JSON.stringify(agentWorkflow(check, pkg.name, mock.url), null, 2),
			);
		const impWf = await runCli(userFolder, ['import:workflow', '--separate', `--input=${dir}`]);
		setup.ok(
			impWf.code === 0,
			`the ${AGENT_CHECKS.length} agent workflows are imported`,
			impWf.stderr.slice(-800),
		);
		results.push(...setup.results);
		if (impCred.code !== 0 || impWf.code !== 0) return results;

		// One reset for all: it forgets the sandbox's logins, and each check below logs in again (SML, Casabaca) and leaves a
		// valid token in the stored credential for the server checks that follow. Between checks only the request log is cleared.
		await sandboxJson('/__sandbox/reset');
		for (const check of AGENT_CHECKS) {
			const t = new Checks(`AI Agent with the ${check.node} tool (${check.toolNode})`);
			const name = toolName(check.toolNode);
			try {
				await fetch(`${sandbox.url}/__sandbox/requests`, { method: 'DELETE' });
				mock.reset();
				const res = await runCli(userFolder, ['execute', `--id=${check.id}`, '--rawOutput']);
				const run = parseRun(res.stdout);
				const requests = await sandboxJson('/__sandbox/requests');
				log(
					`agent ${check.node}: n8n execute exit ${res.signal || res.code} in ${res.seconds.toFixed(1)} s, run status ${run?.status}, ${mock.requests.length} model requests, ${requests.length} sandbox requests`,
				);
				const err = run?.data?.resultData?.error;
				t.ok(
					run?.status === 'success' && !err,
					'the agent workflow runs to success in n8n execute',
					err
						? `${err.message} ${err.description || ''}`
						: `${res.signal || res.code}\n${res.stdout.slice(-1500)}\n${res.stderr.slice(-1500)}`,
				);
				const first = mock.requests[0];
				t.ok(
					first?.offeredTools?.includes(name),
					`the model is offered the tool "${name}" (n8n's name for the node "${check.toolNode}")`,
					JSON.stringify(first?.offeredTools ?? mock.requests.map((r) => r.path)),
				);
				const offered = (first?.body?.tools || []).find((x) => x.function?.name === name);
				const props = Object.keys(offered?.function?.parameters?.properties || {});
				t.equal(
					props.sort(),
					Object.keys(check.args).sort(),
					"the tool's schema lists exactly the $fromAI() parameters",
				);
				// n8n's automatic tool description: the operation's action (the spec's `action`) in the node's name.
				t.equal(
					offered?.function?.description,
					check.toolDescription,
					"the tool's description is n8n's automatic one, from the operation's action",
				);
				const hit = requests.filter(check.request);
				t.ok(
					hit.length === 1,
					`the tool call reached the sandbox with the mock's arguments ${JSON.stringify(check.args)}: ${check.requestText}`,
					JSON.stringify(
						requests.map((r) => ({
							vendor: r.vendor,
							method: r.method,
							path: r.path,
							query: r.query,
							status: r.status,
						})),
					).slice(0, 1200),
				);
				const second = mock.requests[1];
				const toolMessage = (second?.body?.messages || []).find((m) => m.role === 'tool');
				const content =
					typeof toolMessage?.content === 'string'
						? toolMessage.content
						: JSON.stringify(toolMessage?.content ?? '');
				t.ok(
					toolMessage && check.result(content),
					`the model's second request carries the node's output as the tool result: ${check.resultText}`,
					`${mock.requests.length} model requests; tool message: ${content.slice(0, 600)}`,
				);
				t.ok(
					secrets.every((s) => !content.includes(s)),
					'no password or token in what the model receives',
				);
				const out = nodeOutput(run, 'AI Agent') || [];
				const expected = mock.requests.map((r) => r.answer?.final).find(Boolean);
				t.ok(
					expected && out[0]?.output === expected,
					"the agent outputs the model's final message",
					JSON.stringify(out).slice(0, 400),
				);
				t.ok(
					mock.requests.length === 2,
					'two model requests: the tool call, then the final answer',
					`${mock.requests.length}`,
				);
				if (t.results.some((r) => !r.ok)) {
					fs.writeFileSync(path.join(userFolder, `${check.id}.stdout.txt`), res.stdout);
					fs.writeFileSync(path.join(userFolder, `${check.id}.stderr.txt`), res.stderr);
					fs.writeFileSync(
						path.join(userFolder, `${check.id}.model-requests.json`),
						JSON.stringify(mock.requests, null, 2),
					);
				}
			} catch (e) {
				t.ok(false, 'the agent check completed', e.stack || e.message);
			}
			results.push(...t.results);
		}
	} catch (e) {
		setup.ok(false, 'the agent checks completed', e.stack || e.message);
		results.push(...setup.results.filter((r) => !results.includes(r)));
	} finally {
		await mock.close();
	}
	return results;
}
