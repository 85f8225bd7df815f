/** What every SML test shares: the credential, the fake server and its login. */
import { FakeVendor } from '../harness/fakeVendor';

export const BASE_URL = 'https://sml.example.com';
export const LOGIN_PATH = '/api/auth/login/';
export const TOKEN = 'a1b2c3-session-token';
export const PASSWORD = 'S3cret-pass';

export const credentials = {
	smlApi: {
		baseUrl: BASE_URL,
		username: 'adam.mora@intelligenia.com',
		password: PASSWORD,
		authScheme: 'Token',
		sessionToken: '',
	},
};

/** The login request the credential sends and the kit's documented answer. */
export const loginRequest = {
	method: 'POST',
	path: LOGIN_PATH,
	headers: { 'content-type': 'application/json' },
	body: { username: 'adam.mora@intelligenia.com', password: PASSWORD },
};

/** A fake SML server that expects one login first. */
export function smlServer(token = TOKEN): FakeVendor {
	return new FakeVendor(BASE_URL).on('POST', LOGIN_PATH, [
		200,
		{ username: 'adam.mora@intelligenia.com', password: PASSWORD, token },
	]);
}

export const auth = (token = TOKEN) => ({ authorization: `Token ${token}` });
export const jsonAuth = (token = TOKEN) => ({ ...auth(token), 'content-type': 'application/json' });

/** A Django REST framework page. */
export const page = (results: unknown[], next: string | null = null, count = results.length) => ({
	count,
	next,
	previous: null,
	results,
});
