/**
 * A credential's test request reaches the server through an n8n expression (n8n evaluates it
 * itself), the node through its vendor's base-URL function. Both are written next to each other
 * in the vendor's folder; this test evaluates each credential's expression as n8n does and checks
 * that it gives the URL the node uses, for every input below.
 */
import type { ICredentialType, IDataObject } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { SmlApi } from '../../credentials/SmlApi.credentials';
import { SugarCrmCasabacaApi } from '../../credentials/SugarCrmCasabacaApi.credentials';
import { WolkvoxCrmApi } from '../../credentials/WolkvoxCrmApi.credentials';
import { smlBaseUrl } from '../../nodes/Sml/transport';
import { casabacaBaseUrl } from '../../nodes/SugarCrmCasabaca/transport';
import { WOLKVOX_SERVERS, wolkvoxBaseUrl } from '../../nodes/WolkvoxCrm/server';

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
const node = {
	id: 'x',
	name: 'x',
	type: 'x',
	typeVersion: 1,
	position: [0, 0] as [number, number],
	parameters: {},
};

/** The credential's test baseURL, evaluated by n8n's expression engine with these credential values. */
function testBaseUrl(credential: ICredentialType, values: IDataObject): unknown {
	const expression = credential.test?.request.baseURL;
	if (typeof expression !== 'string')
		throw new Error(`${credential.name} has no test request baseURL`);
	return workflow.expression.getSimpleParameterValue(node, expression, 'internal', {
		$credentials: values,
	});
}

/** Addresses as users type them: bare hosts, schemes in any case, paths, slashes, spaces, nothing. */
const addresses = [
	'crm.example.com',
	'crm.example.com/',
	' https://crm.example.com// ',
	'HTTP://127.0.0.1:5680/sml/',
	'http://127.0.0.1:5680/sml',
	'Https://crm.example.com/api-prefix',
	'',
	'   ',
	'/',
	undefined,
];

describe.each([
	['smlApi', new SmlApi(), smlBaseUrl],
	['sugarCrmCasabacaApi', new SugarCrmCasabacaApi(), casabacaBaseUrl],
])('%s', (_name, credential, baseUrl) => {
	test.each(addresses.map((address) => [JSON.stringify(address) ?? 'no value', address]))(
		'Base URL %s: the test request goes where the node goes',
		(_label, address) => {
			expect(testBaseUrl(credential, { baseUrl: address })).toBe(baseUrl(address));
		},
	);
});

describe('wolkvoxCrmApi', () => {
	const credential = new WolkvoxCrmApi();
	const customHosts = [
		...addresses.filter((address) => address?.trim().replace(/\/+$/, '')),
		'crm01.wolkvox.com/server/API/v2/',
		'https://crm01.wolkvox.com/server/api/v2/token/tokenInformation.php',
		'http://127.0.0.1:5999/sandbox/server/API/v2',
	];
	const choices = [
		...WOLKVOX_SERVERS.map((server) => ({ server, customHost: 'ignored.example.com' })),
		...customHosts.map((customHost) => ({ server: 'custom', customHost })),
	];
	test.each(choices.map((choice) => [JSON.stringify(choice), choice]))(
		'%s: the test request goes where the node goes',
		(_label, choice) => {
			expect(testBaseUrl(credential, choice)).toBe(wolkvoxBaseUrl(choice));
		},
	);
});
