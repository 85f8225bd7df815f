import type {
	IAuthenticateRuleResponseSuccessBody,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { headerAuthentication } from '../nodes/common/wire/login';
import {
	CUSTOM_SERVER,
	USAGE_INFORMATION_PATH,
	WOLKVOX_SERVERS,
	wolkvoxBaseUrlExpression,
} from '../nodes/WolkvoxCrm/server';
import { failureMessage, wolkvoxApi } from '../nodes/WolkvoxCrm/transport';

/**
 * wolkvox answers a refused call with HTTP 200 and a `code` in the body: the test reads it. Its
 * message is the node's own error for that answer (the transport's wording), plus what to check.
 */
const refusedCodes: IAuthenticateRuleResponseSuccessBody[] = [400, 401, 403, 404].flatMap(
	(code) => {
		const nodeError = `${wolkvoxApi.displayName}: ${failureMessage({ statusCode: 200, body: { code }, headers: {} })}`;
		const message = `${nodeError}. Check the token, the operation name, the server and the token's daily quota.`;
		return [code, String(code)].map((value) => ({
			type: 'responseSuccessBody' as const,
			properties: { key: 'code', value, message },
		}));
	},
);

export class WolkvoxCrmApi implements ICredentialType {
	name = 'wolkvoxCrmApi';

	displayName = 'Wolkvox CRM API';

	icon: Icon = {
		light: 'file:../nodes/WolkvoxCrm/wolkvoxCrm.svg',
		dark: 'file:../nodes/WolkvoxCrm/wolkvoxCrm.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-casabaca-wolkvox-sml/n8n-nodes-casabaca-wolkvox-sml#wolkvox-crm-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Server',
			name: 'server',
			type: 'options',
			options: [
				...WOLKVOX_SERVERS.map((host) => ({ name: host, value: host })),
				{ name: 'Custom', value: CUSTOM_SERVER, description: 'Another host, or a full URL' },
			],
			default: 'crm.wolkvox.com',
			description:
				'Server of your CRM operation: log in at https://crm.wolkvox.com and read the host in the address bar. The old sv0001/sv0000.crmvox.com servers were retired on 30 November 2024 (now crm0001/crm0000.wolkvox.com).',
		},
		{
			displayName: 'Custom Host',
			name: 'customHost',
			type: 'string',
			default: '',
			placeholder: 'e.g. crm01.wolkvox.com',
			required: true,
			displayOptions: { show: { server: [CUSTOM_SERVER] } },
			description:
				'Host of your CRM server (https:// is added), or a full base URL with scheme and path, e.g. http://127.0.0.1:8080/sandbox',
		},
		{
			displayName:
				'The sv000x.crmvox.com servers were retired on 30 November 2024: use crm0001.wolkvox.com (was sv0001) or crm0000.wolkvox.com (was sv0000)',
			name: 'retiredServerNotice',
			type: 'notice',
			default: '',
			displayOptions: {
				show: { server: [CUSTOM_SERVER], customHost: [{ _cnd: { regex: 'crmvox\\.com' } }] },
			},
		},
		{
			displayName: 'Operation Name',
			name: 'operation',
			type: 'string',
			default: '',
			placeholder: 'e.g. modulodeprueba',
			required: true,
			description:
				'Name of your CRM operation (the tenant), sent as "operation" in every request. It is the name after the @ in user logins such as ADMIN_@myoperation.',
		},
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'An Internal token of the operation (CRM > Configuration > wolkvox Integration > Tokens), sent in the Wolkvox-Token header. Every call, including the credential test, uses one of its daily uses.',
		},
		{
			displayName: 'External Token',
			name: 'externalToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				"Only for Case > Get Notes History: an External token tied to one company. wolkvox accepts External tokens on that API only, and Internal tokens on every other one. Leave empty if you don't use it.",
		},
		{
			displayName:
				"Testing this credential calls wolkvox's token information API, which consumes one use of the token's daily quota",
			name: 'testQuotaNotice',
			type: 'notice',
			default: '',
		},
	];

	authenticate = headerAuthentication((credentials) => ({
		'Wolkvox-Token': String(credentials.token ?? ''),
	}));

	/** Token information: note that each test consumes one use of the token's daily quota. */
	test: ICredentialTestRequest = {
		request: {
			baseURL: wolkvoxBaseUrlExpression,
			url: USAGE_INFORMATION_PATH,
			method: 'GET',
			qs: { operation: '={{$credentials.operation.trim()}}' },
			// A redirect could carry the token to another host: the test fails instead.
			disableFollowRedirect: true,
		},
		rules: refusedCodes,
	};
}
