import type { INodeProperties } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { SmlApi } from '../../credentials/SmlApi.credentials';
import { Sml } from '../../nodes/Sml/Sml.node';
import { smlOperations } from '../../nodes/Sml/operations';

/** The 21 endpoints of the SML developer kit (method, path). */
const documented = [
	['POST', '/api/auth/login/'],
	['POST', '/api/auth/logout/'],
	['GET', '/api/concessionaire/'],
	['GET', '/api/lead/'],
	['GET', '/api/lead/{id}/'],
	['POST', '/api/lead/'],
	['GET', '/api/source/'],
	['GET', '/api/gas_type/'],
	['GET', '/api/clients/'],
	['GET', '/api/provinces/'],
	['GET', '/api/localities/'],
	['PATCH', '/api/lead/{id}/'], // assign
	['GET', '/api/user/'],
	['PATCH', '/api/lead/{id}/change_status/'],
	['PATCH', '/api/lead/{id}/'], // update
	['POST', '/api/lead_task_create/'],
	['PATCH', '/api/task/{id}/'],
	['DELETE', '/api/task/{id}/'],
	['GET', '/api/lead_history/{id}/get_history/'],
	['PATCH', '/api/lead/{id}/'], // finalize
	['PATCH', '/api/netelip/call_control_lead/click2call/'],
];

const normalise = (path: string) => path.replace(/\{\w+\}/g, '{id}');

/** Operations built from several documented endpoints: their spec names the endpoint that writes. */
const composed = [['POST', '/api/lead/']]; // Lead > Create or Update (GET /api/lead/, then POST or PATCH)

test('every documented endpoint is an operation (one spec each, PATCH /api/lead/{id}/ three times)', () => {
	const offered = smlOperations.map((spec) => `${spec.method} ${normalise(spec.path)}`).sort();
	expect(offered).toEqual(
		[...documented, ...composed].map(([method, path]) => `${method} ${path}`).sort(),
	);
});

test('the node description lists every operation in its resource dropdown', () => {
	const { properties } = new Sml().description;
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
		smlOperations.map((spec) => `${spec.resource}:${spec.operation}`).sort(),
	);
	expect(new Sml().description.usableAsTool).toBe(true);
});

test('the credential test request normalises the base URL', () => {
	const { test: testRequest } = new SmlApi();
	const workflow = new Workflow({
		nodes: [],
		connections: {},
		active: false,
		nodeTypes: {
			getByName: () => undefined,
			getByNameAndVersion: () => undefined,
			getKnownTypes: () => ({}),
		} as never,
	});
	const resolve = (baseUrl: string) =>
		workflow.expression.getSimpleParameterValue(
			{ id: 'x', name: 'x', type: 'x', typeVersion: 1, position: [0, 0], parameters: {} },
			testRequest.request.baseURL as string,
			'internal',
			{ $credentials: { baseUrl } },
		);
	expect(resolve('crm.example.com/')).toBe('https://crm.example.com');
	expect(resolve(' http://127.0.0.1:5680/sml ')).toBe('http://127.0.0.1:5680/sml');
	expect(testRequest.request.url).toBe('/api/concessionaire/');
});
