/** The three vendors as the trigger tests meet them: credentials, logins and answers. */
import { FakeVendor } from '../harness/fakeVendor';

export const SML_URL = 'https://sml.example.com';
export const SML_TOKEN = 'sml-session-token-1';
export const smlCredentials = {
	smlApi: {
		baseUrl: SML_URL,
		username: 'ana@dealer.example',
		password: 'Sml-Pass-1',
		authScheme: 'Token',
		sessionToken: '',
	},
};
/** A fake SML that expects one login first. */
export const smlServer = (token = SML_TOKEN) =>
	new FakeVendor(SML_URL).on('POST', '/api/auth/login/', [
		200,
		{ username: 'ana@dealer.example', password: 'Sml-Pass-1', token },
	]);
export const smlLogin = {
	method: 'POST',
	path: '/api/auth/login/',
	headers: { 'content-type': 'application/json' },
	body: { username: 'ana@dealer.example', password: 'Sml-Pass-1' },
};
export const smlAuth = (token = SML_TOKEN) => ({ authorization: `Token ${token}` });

/** A Django REST framework page. */
export const page = (results: unknown[], next: string | null = null, count = results.length) => ({
	count,
	next,
	previous: null,
	results,
});

/** An SML lead as the list gives it (the fields the trigger reads, and a client). */
export const lead = (id: number, status = 'new', source = 1) => ({
	id,
	status,
	source,
	concessionaire: 1,
	created: `2025-03-01T10:${String(id % 60).padStart(2, '0')}:00Z`,
	client: { id: 500 + id, name: `Cliente ${id}`, email: `cliente${id}@example.com` },
});

export const CASABACA_URL = 'https://api-sugarcrm.casabaca.com';
export const CASABACA_TOKEN = '7|abcdefghijklmnopqrstuvwxyz0123456789ABCD';
export const casabacaCredentials = {
	sugarCrmCasabacaApi: {
		baseUrl: CASABACA_URL,
		autorizador: 'autorizador@casabaca.example',
		email: 'api@casabaca.example',
		password: 'Casabaca-Pass-1',
		environment: 'prod',
		sessionToken: '',
	},
};
export const casabacaServer = (token = CASABACA_TOKEN) =>
	new FakeVendor(CASABACA_URL).on('POST', '/api/login', [200, { status_code: '200', token }]);
export const casabacaLogin = {
	method: 'POST',
	path: '/api/login',
	headers: { 'content-type': 'application/json' },
	body: {
		autorizador: 'autorizador@casabaca.example',
		email: 'api@casabaca.example',
		password: 'Casabaca-Pass-1',
		environment: 'prod',
	},
};
export const casabacaAuth = (token = CASABACA_TOKEN) => ({ authorization: `Bearer ${token}` });
export const appraisal = (id: number) => ({
	id: String(id),
	placa: `PCY-${1000 + id}`,
	marca: 'TOYOTA',
	estado: 'Pendiente',
});

export const WOLKVOX_URL = 'https://crm0001.wolkvox.com';
export const WOLKVOX_TOKEN = 'wolkvox-internal-token-1';
export const WOLKVOX_OPERATION = 'concesionario';
export const wolkvoxCredentials = {
	wolkvoxCrmApi: {
		server: 'crm0001.wolkvox.com',
		customHost: '',
		operation: WOLKVOX_OPERATION,
		token: WOLKVOX_TOKEN,
	},
};
export const wolkvoxServer = () => new FakeVendor(WOLKVOX_URL);
export const wolkvoxHeaders = {
	'wolkvox-token': WOLKVOX_TOKEN,
	'content-type': 'application/json',
};
/** The documented answer envelope of a query. */
export const found = (records: unknown[], total = records.length) => ({
	code: 200,
	error: 'null',
	msg: `${records.length} records were are found`,
	'Total records': total,
	data: records,
});
