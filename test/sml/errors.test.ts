import { runNode, newCredentialsHelper } from '../harness/runNode';
import lead984 from './fixtures/lead-984.json';
import { LOGIN_PATH, TOKEN, credentials, smlServer } from './sml';

describe('SML validation happens before anything is sent', () => {
	test('an invalid item stops the run before the first request, naming the item and the field', async () => {
		// No interceptor at all: any request would fail the test (see test/harness/nockSetup.ts).
		const result = await runNode({
			node: 'sml',
			parameters: {
				resource: 'lead',
				operation: 'create',
				source: '={{ $json.source }}',
				brand_model: 'Seat Ibiza',
				client: { name: 'Ana', email: '={{ $json.email }}' },
			},
			items: [
				{ json: { source: 1, email: 'ana@example.com' } },
				{ json: { source: 1, email: 'not-an-email' } },
			],
			credentials,
		});
		expect(result.error?.message).toBe(
			'Invalid input in item 1: "Client › E-Mail" (email) must be a valid e-mail address',
		);
		expect(result.error?.context?.itemIndex).toBe(1);
		expect(result.error?.description).toMatch(/Nothing was sent/);
	});

	test('every faulty field of the item is listed', async () => {
		const result = await runNode({
			node: 'sml',
			// An empty required field is caught by n8n itself; one that an expression empties is caught here.
			parameters: {
				resource: 'lead',
				operation: 'create',
				source: 'abc',
				brand_model: '={{ "" }}',
				additionalFields: { score: '9' },
			},
			credentials,
		});
		expect(result.error?.message).toBe(
			'Invalid input in item 0: "Source Name or ID" (source) must be a whole number; "Vehicle Brand and Model" (brand_model) is required; "Additional Fields › Score" (score) must be one of: 1, 2, 3, 4',
		);
	});

	test('Continue On Fail: the invalid item yields its error, the valid ones are sent, each paired with its input', async () => {
		const sml = smlServer()
			.on('POST', '/api/lead/', [201, { ...lead984, id: 1 }])
			.on('POST', '/api/lead/', [201, { ...lead984, id: 3 }]);
		const result = await runNode({
			node: 'sml',
			parameters: {
				resource: 'lead',
				operation: 'create',
				source: 1,
				brand_model: '={{ $json.model }}',
			},
			items: [
				{ json: { model: 'Seat Ibiza' } },
				{ json: { model: '' } },
				{ json: { model: 'Seat León' } },
			],
			continueOnFail: true,
			credentials,
		});
		expect(result.error).toBeUndefined();
		expect(sml.without(LOGIN_PATH).map((r) => r.body)).toEqual([
			{ source: 1, vehicle: { brand_model: 'Seat Ibiza' } },
			{ source: 1, vehicle: { brand_model: 'Seat León' } },
		]);
		expect(result.items.map((item) => [item.json.id ?? item.json.error, item.pairedItem])).toEqual([
			[1, { item: 0 }],
			['Invalid input in item 1: "Vehicle Brand and Model" (brand_model) is required', { item: 1 }],
			[3, { item: 2 }],
		]);
	});
});

describe('SML error answers become readable errors', () => {
	const get = async (status: number, body: unknown, continueOnFail = false) => {
		smlServer().on('GET', '/api/lead/984/', [status, body]);
		return await runNode({
			node: 'sml',
			parameters: { resource: 'lead', operation: 'get', leadId: '984' },
			credentials,
			continueOnFail,
		});
	};

	test.each([
		[
			400,
			{
				client: { email: ['Introduzca una dirección de correo electrónico válida.'] },
				source: ['Este campo es requerido.'],
			},
			'SML: the server rejected the data (HTTP 400): client.email: Introduzca una dirección de correo electrónico válida.; source: Este campo es requerido.',
		],
		[
			400,
			{ non_field_errors: ['El lead ya está finalizado.'] },
			'SML: the server rejected the data (HTTP 400): El lead ya está finalizado.',
		],
		[
			400,
			{ request: { task: [{}, { type: ['"visit" no es una elección válida.'] }] } },
			'SML: the server rejected the data (HTTP 400): request.task[1].type: "visit" no es una elección válida.',
		],
		[
			403,
			{ detail: 'Usted no tiene permiso para realizar esta acción.' },
			'SML: permission denied (HTTP 403): Usted no tiene permiso para realizar esta acción.',
		],
		[404, { detail: 'No encontrado.' }, 'SML: not found (HTTP 404): No encontrado.'],
		[500, '<html><body>Server Error (500)</body></html>', 'SML: the SML server failed (HTTP 500)'],
	])('HTTP %i', async (status, body, message) => {
		const result = await get(status, body);
		expect(result.error?.message).toBe(message);
		expect(result.error?.httpCode).toBe(String(status));
		expect(JSON.stringify(result.run.data.resultData)).not.toContain(TOKEN);
	});

	test('a 401 that persists after the new login names the credentials', async () => {
		const sml = smlServer('second-token')
			.on('GET', '/api/lead/984/', [401, { detail: 'Invalid token.' }])
			.on('GET', '/api/lead/984/', [401, { detail: 'Invalid token.' }]);
		const helper = newCredentialsHelper({
			smlApi: { ...credentials.smlApi, sessionToken: 'first-token' },
		});
		const result = await runNode({
			node: 'sml',
			parameters: { resource: 'lead', operation: 'get', leadId: '984' },
			credentialsHelper: helper,
		});
		expect(sml.requests).toHaveLength(3);
		expect(result.error?.message).toBe(
			"SML: not authenticated (HTTP 401): Invalid token. Check the credential's values.",
		);
		expect(JSON.stringify(result.run.data.resultData)).not.toMatch(/first-token|second-token/);
	});

	test("with Continue On Fail a vendor error becomes that item's {error}", async () => {
		const result = await get(404, { detail: 'No encontrado.' }, true);
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([
			{ json: { error: 'SML: not found (HTTP 404): No encontrado.' }, pairedItem: { item: 0 } },
		]);
	});
});
