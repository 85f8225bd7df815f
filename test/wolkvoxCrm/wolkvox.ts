/** What every wolkvox test shares: the credential, the fake server, the headers and the answers. */
import { FakeVendor } from '../harness/fakeVendor';

export const SERVER = 'crm0001.wolkvox.com';
export const BASE_URL = `https://${SERVER}`;
export const TOKEN = 'A8K3J7F2-wolkvox-token';
export const OPERATION = 'modulodeprueba';

export const credentials = {
	wolkvoxCrmApi: { server: SERVER, customHost: '', operation: OPERATION, token: TOKEN },
};

/** A credential pointing at a custom host or base URL. */
export const customCredentials = (customHost: string) => ({
	wolkvoxCrmApi: { ...credentials.wolkvoxCrmApi, server: 'custom', customHost },
});

export const wolkvoxServer = (baseUrl = BASE_URL) => new FakeVendor(baseUrl);

/** The headers a JSON request carries. */
export const jsonHeaders = { 'wolkvox-token': TOKEN, 'content-type': 'application/json' };

/** The documented answer envelope. */
export const answer = (data?: unknown, msg = 'Succesfully create record') => ({
	code: 200,
	error: 'null',
	msg,
	...(data === undefined ? {} : { data }),
});

/** Reads a multipart/form-data body into its fields (text parts only). */
export function formFields(contentType: string, body: unknown): Record<string, string> {
	const boundary = /boundary=(.+)$/.exec(contentType)?.[1];
	if (!boundary) throw new Error(`Not a multipart content type: ${contentType}`);
	const fields: Record<string, string> = {};
	for (const part of String(body).split(`--${boundary}`)) {
		const match = /^\r\nContent-Disposition: form-data; name="([^"]+)"\r\n\r\n([\s\S]*)\r\n$/.exec(
			part,
		);
		if (match) fields[match[1]] = match[2];
	}
	return fields;
}
