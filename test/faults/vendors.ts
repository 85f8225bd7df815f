/**
 * The three vendors as the fault suite drives them: a credential pointed at a loopback server,
 * the server's side of the login, and one read and one write operation each.
 */
import type http from 'node:http';
import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import type { ReceivedRequest } from '../harness/loopback';
import { json } from '../harness/loopback';

export interface Call {
	parameters: INodeParameters;
	method: string;
	/** Path with query, as the server sees it. */
	path: string;
	/** A documented-looking success answer, and what the node outputs for it. */
	answer: unknown;
	output: unknown;
}

export interface VendorCase {
	label: string;
	node: string;
	/** The name errors start with. */
	vendor: string;
	credentials(
		baseUrl: string,
		overrides?: ICredentialDataDecryptedObject,
	): Record<string, ICredentialDataDecryptedObject>;
	/** Login path and the server's answer (vendors with a static token have none). */
	login?: { path: string; answer: object };
	/** Values that must never reach an output, an error or another host. */
	secrets: string[];
	read: Call;
	write: Call;
}

const SML_PASSWORD = 'Sml-Pa55word';
const SML_TOKEN = 'sml-session-token-1';
const CASABACA_PASSWORD = 'Cas4baca-Pass';
const CASABACA_TOKEN = 'casabaca-token-1';
const WOLKVOX_TOKEN = 'WOLKVOX-STATIC-TOKEN-1';

export const sml: VendorCase = {
	label: 'SML',
	node: 'sml',
	vendor: 'SML',
	credentials: (baseUrl, overrides = {}) => ({
		smlApi: {
			baseUrl,
			username: 'ana@example.com',
			password: SML_PASSWORD,
			authScheme: 'Token',
			sessionToken: '',
			...overrides,
		},
	}),
	login: {
		path: '/api/auth/login/',
		answer: { username: 'ana@example.com', password: SML_PASSWORD, token: SML_TOKEN },
	},
	secrets: [SML_PASSWORD, SML_TOKEN],
	read: {
		parameters: { resource: 'lead', operation: 'get', leadId: '984' },
		method: 'GET',
		path: '/api/lead/984/',
		answer: { id: 984, status: 'new' },
		output: { id: 984, status: 'new' },
	},
	write: {
		parameters: { resource: 'lead', operation: 'clickToCall', leadId: '986' },
		method: 'PATCH',
		path: '/api/netelip/call_control_lead/click2call/',
		answer: { id: 1, lead: 986, call_control: 135, user: 2 },
		output: { id: 1, lead: 986, call_control: 135, user: 2 },
	},
};

export const casabaca: VendorCase = {
	label: 'SugarCRM Casabaca',
	node: 'sugarCrmCasabaca',
	vendor: 'SugarCRM Casabaca',
	credentials: (baseUrl, overrides = {}) => ({
		sugarCrmCasabacaApi: {
			baseUrl,
			autorizador: 'admin@example.com',
			email: 'ana@example.com',
			password: CASABACA_PASSWORD,
			environment: 'dev',
			sessionToken: '',
			...overrides,
		},
	}),
	login: { path: '/api/login', answer: { status_code: 200, token: CASABACA_TOKEN } },
	secrets: [CASABACA_PASSWORD, CASABACA_TOKEN],
	read: {
		parameters: { resource: 'appraisal', operation: 'get', id: '5' },
		method: 'GET',
		path: '/api/getAvaluo/5',
		answer: { data: { id: 5, placa: 'PBA1234' } },
		output: { id: 5, placa: 'PBA1234' },
	},
	write: {
		parameters: {
			resource: 'appraisal',
			operation: 'createOrUpdate',
			appraisal: '{"placa": "PBA1234"}',
		},
		method: 'POST',
		path: '/api/createUpdateAvaluo',
		answer: { data: { id: 6 } },
		output: { id: 6 },
	},
};

export const wolkvox: VendorCase = {
	label: 'wolkvox CRM',
	node: 'wolkvoxCrm',
	vendor: 'wolkvox CRM',
	credentials: (baseUrl, overrides = {}) => ({
		wolkvoxCrmApi: {
			server: 'custom',
			customHost: baseUrl,
			operation: 'tenant1',
			token: WOLKVOX_TOKEN,
			externalToken: '',
			...overrides,
		},
	}),
	secrets: [WOLKVOX_TOKEN],
	read: {
		parameters: { resource: 'token', operation: 'getUsage' },
		method: 'GET',
		path: '/server/API/v2/token/tokenInformation.php?operation=tenant1',
		answer: { code: 200, error: 'null', msg: '1 records', data: { token_limit: 4800 } },
		output: { token_limit: 4800 },
	},
	write: {
		parameters: {
			resource: 'record',
			operation: 'insert',
			module: 'contacts',
			fieldPairs: { field: [{ name: 'namecontact', value: 'Ana Ruiz' }] },
		},
		method: 'POST',
		path: '/server/API/v2/custom/insert.php',
		answer: {
			code: 200,
			error: 'null',
			msg: 'Succesfully create record',
			data: { wolkvox_id: '64cb' },
		},
		output: { wolkvox_id: '64cb' },
	},
};

export const vendors = [sml, casabaca, wolkvox];

/** Answers the vendor's login, if it is one; true when it did. */
export function answerLogin(
	vendor: VendorCase,
	request: ReceivedRequest,
	res: http.ServerResponse,
): boolean {
	if (!vendor.login || request.path !== vendor.login.path) return false;
	json(res, 200, vendor.login.answer);
	return true;
}

/** The requests that are not the login. */
export const withoutLogin = (vendor: VendorCase, requests: ReceivedRequest[]) =>
	requests.filter((request) => !vendor.login || request.path !== vendor.login.path);

/** "GET /path" of each request. */
export const lines = (requests: ReceivedRequest[]) =>
	requests.map((request) => `${request.method} ${request.path}`);
