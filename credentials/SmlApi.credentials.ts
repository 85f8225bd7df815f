import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { headerAuthentication, sessionTokenProperty } from '../nodes/common/wire/login';
import { smlLogin } from '../nodes/Sml/login';
import { smlBaseUrlExpression } from '../nodes/Sml/transport';

export class SmlApi implements ICredentialType {
	name = 'smlApi';

	displayName = 'SML API';

	icon: Icon = { light: 'file:../nodes/Sml/sml.svg', dark: 'file:../nodes/Sml/sml.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-casabaca-wolkvox-sml/n8n-nodes-casabaca-wolkvox-sml#sml-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://crm.example.com',
			required: true,
			description: "Address of your SML server (the kit's {nombre_dominio}), without /api",
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			description: 'Your SML user name (usually your e-mail address)',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Authorization Scheme',
			name: 'authScheme',
			type: 'options',
			options: [
				{ name: 'Token (Django REST Framework)', value: 'Token' },
				{ name: 'Bearer', value: 'Bearer' },
				{ name: 'JWT', value: 'JWT' },
			],
			default: 'Token',
			description:
				'How the session token is sent back in the Authorization header. The SML kit does not say; Token is the Django REST framework default.',
		},
		sessionTokenProperty,
	];

	/** Logs in once; n8n stores the token and calls this again only when a request gets HTTP 401. */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return {
			sessionToken: await smlLogin(
				async (options) => await this.helpers.httpRequest(options),
				credentials,
			),
		};
	}

	authenticate = headerAuthentication((credentials) => ({
		Authorization: `${String(credentials.authScheme || 'Token')} ${String(credentials.sessionToken)}`,
	}));

	test: ICredentialTestRequest = {
		request: {
			baseURL: smlBaseUrlExpression,
			url: '/api/concessionaire/',
			qs: { page_size: 1 },
			// A redirect could carry the token to another host: the test fails instead.
			disableFollowRedirect: true,
		},
	};
}
