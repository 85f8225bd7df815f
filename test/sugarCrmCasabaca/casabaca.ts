/** What every Casabaca test shares: the credential, the fake server and its login. */
import { FakeVendor } from '../harness/fakeVendor';
import { runNode } from '../harness/runNode';

export const BASE_URL = 'http://api-sugarcrm.casabaca.com';
export const LOGIN_PATH = '/api/login';
export const TOKEN = 'slghn1EDIJjMvYNkAFQvnHGfPDl5srH8X11TKyl';
export const PASSWORD = 'Hol@MunD0';

export const credentials = {
	sugarCrmCasabacaApi: {
		baseUrl: BASE_URL,
		autorizador: 'mart_admin@hotmail.com',
		email: 'mart@hotmail.com',
		password: PASSWORD,
		environment: 'dev',
		sessionToken: '',
	},
};

/** The documented login request. */
export const loginRequest = {
	method: 'POST',
	path: LOGIN_PATH,
	headers: { 'content-type': 'application/json' },
	body: {
		autorizador: 'mart_admin@hotmail.com',
		email: 'mart@hotmail.com',
		password: PASSWORD,
		environment: 'dev',
	},
};

/** A fake Casabaca server that expects one login first (documented answer). */
export const casabacaServer = (token = TOKEN) =>
	new FakeVendor(BASE_URL).on('POST', LOGIN_PATH, [200, { status_code: '200', token }]);

export const auth = (token = TOKEN) => ({ authorization: `Bearer ${token}` });
export const jsonAuth = (token = TOKEN) => ({ ...auth(token), 'content-type': 'application/json' });

export const UNAUTHENTICATED: [number, unknown] = [
	500,
	{ message: 'Unauthenticated.', status_code: 500 },
];

export const run = (
	resource: string,
	operation: string,
	parameters: Record<string, unknown> = {},
	extra: Record<string, unknown> = {},
) =>
	runNode({
		node: 'sugarCrmCasabaca',
		parameters: { resource, operation, ...parameters } as never,
		credentials,
		...extra,
	});
