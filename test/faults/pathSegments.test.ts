/**
 * Values filled into a path (and wolkvox's id, sent in a header) against a real HTTP server: a bad
 * value fails its item with a message naming the item and the field, and the server receives
 * nothing at all, not even a login. A good value reaches the server exactly as given.
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeExecutionData,
	INodeParameters,
} from 'n8n-workflow';
import type { LoopbackServer, ReceivedRequest } from '../harness/loopback';
import { closeAllServers, json, startServer } from '../harness/loopback';
import { runNode } from '../harness/runNode';
import {
	credentials as casabacaCredentials,
	LOGIN_PATH as CASABACA_LOGIN,
	TOKEN as CASABACA_TOKEN,
} from '../sugarCrmCasabaca/casabaca';
import {
	credentials as smlCredentials,
	LOGIN_PATH as SML_LOGIN,
	PASSWORD as SML_PASSWORD,
	TOKEN as SML_TOKEN,
} from '../sml/sml';
import { credentials as wolkvoxCredentials, formFields } from '../wolkvoxCrm/wolkvox';
import { BAD_SML_ID, BAD_TEXT, casabacaCases, smlCases, wolkvoxCases } from './pathCases';
import type { Case, Vendor } from './pathCases';

const PDF = Buffer.from('%PDF-1.4 appraisal');

/** One server that plays the three vendors well enough: logins, a PDF, and a success for the rest. */
async function vendorServer(): Promise<LoopbackServer> {
	return await startServer((request, res) => {
		const path = request.path.split('?')[0];
		if (request.method === 'POST' && path === CASABACA_LOGIN) {
			json(res, 200, { status_code: '200', token: CASABACA_TOKEN });
		} else if (request.method === 'POST' && path === SML_LOGIN) {
			json(res, 200, {
				username: 'adam.mora@intelligenia.com',
				password: SML_PASSWORD,
				token: SML_TOKEN,
			});
		} else if (path.startsWith('/api/pdf/')) {
			res.writeHead(200, { 'content-type': 'application/pdf' }).end(PDF);
		} else if (path.startsWith('/server/API/v2/')) {
			json(res, 200, {
				code: 200,
				error: 'null',
				msg: 'Succesfully edit record',
				data: { wolkvox_id: '64cb' },
			});
		} else if (path.startsWith('/api/lead_history/')) {
			json(res, 200, { count: 0, next: null, previous: null, results: [] });
		} else {
			json(res, 200, { status_code: '200', data: { id: 'done' }, id: 1 });
		}
	});
}

function credentialsFor(
	vendor: Vendor,
	server: LoopbackServer,
): Record<string, ICredentialDataDecryptedObject> {
	if (vendor === 'sugarCrmCasabaca') {
		return {
			sugarCrmCasabacaApi: { ...casabacaCredentials.sugarCrmCasabacaApi, baseUrl: server.url },
		};
	}
	if (vendor === 'sml') return { smlApi: { ...smlCredentials.smlApi, baseUrl: server.url } };
	// A custom server may be a full URL with its scheme: http on the loopback interface.
	return {
		wolkvoxCrmApi: {
			...wolkvoxCredentials.wolkvoxCrmApi,
			server: 'custom',
			customHost: server.url,
		},
	};
}

async function run(
	vendor: Vendor,
	parameters: INodeParameters,
	options: {
		items?: INodeExecutionData[];
		continueOnFail?: boolean;
		credentials?: IDataObject;
	} = {},
) {
	const server = await vendorServer();
	const credentials = credentialsFor(vendor, server);
	if (options.credentials) Object.assign(Object.values(credentials)[0], options.credentials);
	const result = await runNode({
		node: vendor,
		parameters,
		items: options.items,
		continueOnFail: options.continueOnFail,
		credentials,
	});
	return { ...result, server };
}

const sent = (requests: ReceivedRequest[]) =>
	requests.map((request) => `${request.method} ${request.path}`);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Runs the case with the bad value and checks the message and that nothing reached the server.
 * The value comes from the input item through an expression, as ids do in a workflow (and as an
 * empty one must: n8n itself stops a required field left empty in the editor).
 */
async function expectRefused(testCase: Case, value: unknown, message: RegExp) {
	const { error, server } = await run(
		testCase.vendor,
		{ ...testCase.parameters, [testCase.field]: '={{ $json.value }}' },
		{ items: [{ json: { value } as IDataObject }] },
	);
	expect(error?.message).toMatch(
		new RegExp(`^Invalid input in item 0: ${escape(testCase.named)} `),
	);
	expect(error?.message).toMatch(message);
	expect(error?.description).toMatch(/Nothing was sent/);
	expect(sent(server.requests)).toEqual([]);
}

describe('values filled into a path or a header, against a real HTTP server', () => {
	afterEach(closeAllServers);

	describe.each([...casabacaCases, ...wolkvoxCases])('$title', (testCase) => {
		test.each(BAD_TEXT)('%s: refused before anything is sent', async (_kind, value, message) => {
			await expectRefused(testCase, value, message);
		});
	});

	describe.each(smlCases)('$title', (testCase) => {
		test.each(BAD_SML_ID)('%s: refused before anything is sent', async (_kind, value, message) => {
			await expectRefused(testCase, value, message);
		});
	});

	describe('numbers past 2^53 - 1 given to a text id', () => {
		test('Casabaca: a number that has lost digits is refused, not sent as another record', async () => {
			await expectRefused(
				casabacaCases[0],
				Number('9007199254740993'),
				/must be a whole number no larger than 9007199254740991/,
			);
		});

		test('Casabaca: the same id as text is sent exactly, digit for digit', async () => {
			const { error, server } = await run('sugarCrmCasabaca', {
				resource: 'appraisal',
				operation: 'get',
				id: '9007199254740993',
			});
			expect(error).toBeUndefined();
			expect(sent(server.requests)).toEqual([
				`POST ${CASABACA_LOGIN}`,
				'GET /api/getAvaluo/9007199254740993',
			]);
		});
	});

	describe('the wolkvox record id is sent in the Wolkvox-id header', () => {
		test('a line break that would start another header is refused', async () => {
			await expectRefused(wolkvoxCases[0], '64cb\r\nX-Injected: 1', /must not contain line breaks/);
		});

		test('a character outside Latin-1, which Node cannot put in a header, is refused', async () => {
			await expectRefused(
				wolkvoxCases[0],
				'64cb€',
				/must contain only Latin-1 characters: it is sent in an HTTP header/,
			);
		});

		test('Record > Delete checks every id of its list, naming the faulty one', async () => {
			const { error, server } = await run('wolkvoxCrm', {
				resource: 'record',
				operation: 'delete',
				module: 'contacts',
				recordIds: '64cb, ../x',
			});
			expect(error?.message).toMatch(
				/^Invalid input in item 0: "Record IDs 2" \(wolkvox-id\) must not contain "\/"/,
			);
			expect(sent(server.requests)).toEqual([]);
		});
	});

	describe('every item is checked before the first request', () => {
		test('a bad id in the second item stops the run: not even the good first item or the login is sent', async () => {
			const { error, server } = await run(
				'sugarCrmCasabaca',
				{
					resource: 'ticket',
					operation: 'close',
					id: '={{ $json.id }}',
					ticket_motivo_cierre: 'solo_informacion',
				},
				{
					items: [{ json: { id: '7c093743-5b5d-01ec-f0b4-604a99b319d3' } }, { json: { id: '..' } }],
				},
			);
			expect(error?.message).toMatch(
				/^Invalid input in item 1: "Ticket ID" \(id\) must not be "\." or "\.\."/,
			);
			expect(sent(server.requests)).toEqual([]);
		});

		test('with Continue On Fail the bad item yields its error and the good one is sent as given', async () => {
			const {
				error,
				json: output,
				server,
			} = await run(
				'sml',
				{ resource: 'task', operation: 'delete', taskId: '={{ $json.id }}' },
				{
					items: [{ json: { id: '9007199254740993' } }, { json: { id: 77 } }],
					continueOnFail: true,
				},
			);
			expect(error).toBeUndefined();
			expect(output[0].error).toMatch(
				/^Invalid input in item 0: "Task ID" \(taskId\) must be a whole number between/,
			);
			expect(output[1]).toEqual({ id: 77, deleted: true });
			expect(sent(server.requests)).toEqual([`POST ${SML_LOGIN}`, 'DELETE /api/task/77/']);
		});
	});

	describe('other values sent in headers', () => {
		test('Case > Update: a file whose MIME type holds a line break is refused before anything is sent', async () => {
			const { error, server } = await run(
				'wolkvoxCrm',
				{ ...wolkvoxCases[2].parameters, recordId: '6074ab12cd7d3', binaryProperty: 'data' },
				{
					items: [
						{
							json: {},
							binary: {
								data: {
									data: PDF.toString('base64'),
									mimeType: 'application/pdf\r\nX-Injected: 1',
									fileName: 'a.pdf',
								},
							},
						},
					],
				},
			);
			expect(error?.message).toMatch(
				/^Invalid input in item 0: "Input Binary Field" \(binaryProperty\) names "data", whose MIME type must not contain line breaks/,
			);
			expect(sent(server.requests)).toEqual([]);
		});

		test('Case > Get Notes History: an External Token with a line break is refused before it is sent', async () => {
			const { error, server } = await run(
				'wolkvoxCrm',
				{ resource: 'case', operation: 'getNotesHistory', field: 'type case', value: 'Request' },
				{ credentials: { externalToken: 'ext-token\r\nX-Injected: 1' } },
			);
			expect(error?.message).toBe('The External Token of the wolkvox CRM credential is not valid');
			expect(error?.description).toMatch(/must not contain line breaks/);
			expect(JSON.stringify(error)).not.toContain('ext-token');
			expect(sent(server.requests)).toEqual([]);
		});
	});

	describe('good values are sent exactly', () => {
		test('Casabaca Ticket > Close: POST /api/close_ticket/<id>', async () => {
			const { error, server } = await run('sugarCrmCasabaca', {
				...casabacaCases[0].parameters,
				id: '7c093743-5b5d-01ec-f0b4-604a99b319d3',
			});
			expect(error).toBeUndefined();
			expect(sent(server.requests)).toEqual([
				`POST ${CASABACA_LOGIN}`,
				'POST /api/close_ticket/7c093743-5b5d-01ec-f0b4-604a99b319d3',
			]);
		});

		test('Casabaca Appraisal > Download PDF: a dot inside an id, and a space, stay in their segment', async () => {
			const { error, server, items } = await run('sugarCrmCasabaca', {
				...casabacaCases[4].parameters,
				id: 'a.b c',
			});
			expect(error).toBeUndefined();
			expect(sent(server.requests)).toEqual([`POST ${CASABACA_LOGIN}`, 'GET /api/pdf/a.b%20c']);
			expect(items[0].binary?.data.mimeType).toBe('application/pdf');
		});

		test('SML Lead > Get: the largest safe id, digit for digit', async () => {
			const { error, server } = await run('sml', {
				...smlCases[0].parameters,
				leadId: '9007199254740991',
			});
			expect(error).toBeUndefined();
			expect(sent(server.requests)).toEqual([
				`POST ${SML_LOGIN}`,
				'GET /api/lead/9007199254740991/',
			]);
		});

		test('SML Task > Update: PATCH /api/task/<id>/', async () => {
			const { error, server } = await run('sml', { ...smlCases[4].parameters, taskId: '12' });
			expect(error).toBeUndefined();
			expect(sent(server.requests)).toEqual([`POST ${SML_LOGIN}`, 'PATCH /api/task/12/']);
		});

		test('wolkvox Record > Update: the id in the Wolkvox-id header and the body', async () => {
			const { error, server } = await run('wolkvoxCrm', {
				...wolkvoxCases[0].parameters,
				recordId: '64cb',
			});
			expect(error).toBeUndefined();
			expect(sent(server.requests)).toEqual(['POST /server/API/v2/custom/update.php']);
			expect(server.requests[0].headers['wolkvox-id']).toBe('64cb');
			expect(JSON.parse(server.requests[0].body)['wolkvox-id']).toBe('64cb');
		});

		test('wolkvox Case > Update: the id in the form-data body', async () => {
			const { error, server } = await run('wolkvoxCrm', {
				...wolkvoxCases[2].parameters,
				recordId: '6074ab12cd7d3',
			});
			expect(error).toBeUndefined();
			expect(sent(server.requests)).toEqual(['POST /server/API/v2/cases/update.php']);
			const [request] = server.requests;
			expect(formFields(String(request.headers['content-type']), request.body)['wolkvox-id']).toBe(
				'6074ab12cd7d3',
			);
		});
	});
});
