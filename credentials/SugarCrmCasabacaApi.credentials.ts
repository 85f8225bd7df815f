import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { headerAuthentication, sessionTokenProperty } from '../nodes/common/wire/login';
import { casabacaLogin } from '../nodes/SugarCrmCasabaca/login';
import {
	CASABACA_DEFAULT_URL,
	casabacaBaseUrlExpression,
} from '../nodes/SugarCrmCasabaca/transport';

export class SugarCrmCasabacaApi implements ICredentialType {
	name = 'sugarCrmCasabacaApi';

	displayName = 'SugarCRM Casabaca API';

	icon: Icon = {
		light: 'file:../nodes/SugarCrmCasabaca/sugarCrmCasabaca.svg',
		dark: 'file:../nodes/SugarCrmCasabaca/sugarCrmCasabaca.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-casabaca-wolkvox-sml/n8n-nodes-casabaca-wolkvox-sml#sugarcrm-casabaca-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: CASABACA_DEFAULT_URL,
			required: true,
			hint: 'The vendor documents http://api-sugarcrm.casabaca.com: both http:// and https:// are accepted (https:// is added when no scheme is given)',
			description: 'Address of the Casabaca SugarCRM API, without /api',
		},
		{
			displayName: 'Authorizer E-Mail',
			name: 'autorizador',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			required: true,
			description:
				'E-mail of the authorizing user given to you by Casabaca (API field: autorizador)',
		},
		{
			displayName: 'User E-Mail',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			required: true,
			description: 'E-mail of your API user (API field: email)',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Password of your API user (API field: password)',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Production', value: 'prod' },
				{ name: 'Development', value: 'dev' },
			],
			default: 'prod',
			description: 'SugarCRM environment the token is issued for (API field: environment)',
		},
		sessionTokenProperty,
	];

	/** Creates a token once; n8n stores it and calls this again only when the token is rejected. */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return {
			sessionToken: await casabacaLogin(
				async (options) => await this.helpers.httpRequest(options),
				credentials,
			),
		};
	}

	authenticate = headerAuthentication((credentials) => ({
		Authorization: `Bearer ${String(credentials.sessionToken)}`,
		Accept: 'application/json',
	}));

	test: ICredentialTestRequest = {
		request: {
			baseURL: casabacaBaseUrlExpression,
			url: '/api/getAvaluos',
			// A redirect could carry the token to another host: the test fails instead.
			disableFollowRedirect: true,
		},
	};
}
