/**
 * The AI tool variants at run time, called the way n8n calls a tool (test/harness/runTool.ts:
 * n8n-core's createNodeAsTool and tool invocation, `$fromAI()` arguments): the irreversible gate
 * and the hidden operations are refused before anything is sent, whatever was saved; lists start
 * at Limit 10; answers are compact; a vendor's refusal reaches the agent as one sentence.
 */
import { simplifyLead } from '../../nodes/Sml/simplify';
import { FakeVendor } from '../harness/fakeVendor';
import { runNode } from '../harness/runNode';
import { runTool } from '../harness/runTool';
import {
	BASE_URL as CASABACA_URL,
	credentials as casabacaCredentials,
	casabacaServer,
	auth as casabacaAuth,
} from '../sugarCrmCasabaca/casabaca';
import lead984 from '../sml/fixtures/lead-984.json';
import { BASE_URL as SML_URL, credentials, jsonAuth, page, smlServer, auth } from '../sml/sml';
import {
	answer,
	credentials as wolkvoxCredentials,
	jsonHeaders,
	OPERATION,
	wolkvoxServer,
} from '../wolkvoxCrm/wolkvox';

const fromAI = (key: string, type = 'string') =>
	`={{ $fromAI('${key}', 'the ${key}', '${type}') }}`;
const leadLocator = { __rl: true, mode: 'id', value: fromAI('leadId', 'number') };

describe('the irreversible gate', () => {
	test('SML Lead > Finalize in a tool with the switch off: refused, nothing sent (no login either)', async () => {
		const sml = new FakeVendor(SML_URL);
		const result = await runTool({
			node: 'sml',
			parameters: { resource: 'lead', operation: 'finalize', leadId: leadLocator },
			args: { leadId: 984 },
			credentials,
		});
		expect(result.error).toBe(
			'Lead > Finalize closes the lead by setting its status to end and cannot be undone, so this tool runs it only with "Allow Irreversible Actions" on',
		);
		expect(sml.requests).toEqual([]);
	});

	test('SML Lead > Finalize in a tool with the switch on: sent as in the regular node', async () => {
		const sml = smlServer().on('PATCH', '/api/lead/984/', [200, { ...lead984, status: 'end' }]);
		const result = await runTool({
			node: 'sml',
			parameters: {
				resource: 'lead',
				operation: 'finalize',
				allowIrreversibleActions: true,
				leadId: leadLocator,
			},
			args: { leadId: 984 },
			credentials,
		});
		expect(result.error).toBeUndefined();
		expect(sml.requests[1]).toEqual({
			method: 'PATCH',
			path: '/api/lead/984/',
			headers: jsonAuth(),
			body: { status: 'end' },
		});
		expect(result.answer).toEqual([{ ...lead984, status: 'end' }]);
	});

	test('Casabaca Appraisal > Send by E-Mail and wolkvox Record > Delete are refused with the switch off', async () => {
		const casabaca = new FakeVendor(CASABACA_URL);
		const email = await runTool({
			node: 'sugarCrmCasabaca',
			parameters: {
				resource: 'appraisal',
				operation: 'sendEmail',
				id: { __rl: true, mode: 'id', value: '2' },
			},
			credentials: casabacaCredentials,
		});
		expect(email.error).toBe(
			'Appraisal > Send by E-Mail has SugarCRM send the appraisal by e-mail, once per call and cannot be undone, so this tool runs it only with "Allow Irreversible Actions" on',
		);
		const wolkvox = wolkvoxServer();
		const deletion = await runTool({
			node: 'wolkvoxCrm',
			parameters: {
				resource: 'record',
				operation: 'delete',
				module: 'contacts',
				recordIds: '64cb',
			},
			credentials: wolkvoxCredentials,
		});
		expect(deletion.error).toBe(
			'Record > Delete deletes the records with the given IDs and cannot be undone, so this tool runs it only with "Allow Irreversible Actions" on',
		);
		expect([casabaca.requests, wolkvox.requests]).toEqual([[], []]);
	});

	test('the regular node (version 2) runs Finalize without any switch', async () => {
		const sml = smlServer().on('PATCH', '/api/lead/984/', [200, { ...lead984, status: 'end' }]);
		const result = await runNode({
			node: 'sml',
			typeVersion: 2,
			parameters: {
				resource: 'lead',
				operation: 'finalize',
				leadId: { __rl: true, mode: 'id', value: '984' },
			},
			credentials,
		});
		expect(result.error).toBeUndefined();
		expect(sml.requests[1].body).toEqual({ status: 'end' });
	});
});

describe('saved tools with an operation that is now hidden', () => {
	test('SML Session > Log Out: refused, naming the operation and why', async () => {
		const sml = new FakeVendor(SML_URL);
		const result = await runTool({
			node: 'sml',
			parameters: { resource: 'session', operation: 'logOut' },
			credentials,
		});
		expect(result.error).toBe(
			'The Session operations are not available to AI agents: use them in a regular node step instead',
		);
		expect(sml.requests).toEqual([]);
	});

	test('Casabaca Appraisal > Download PDF: refused, naming the operation and why', async () => {
		const casabaca = new FakeVendor(CASABACA_URL);
		const result = await runTool({
			node: 'sugarCrmCasabaca',
			parameters: {
				resource: 'appraisal',
				operation: 'downloadPdf',
				id: { __rl: true, mode: 'id', value: '2' },
			},
			credentials: casabacaCredentials,
		});
		expect(result.error).toBe(
			'Appraisal > Download PDF is not available to AI agents because it outputs a binary file, which an agent cannot read (Appraisal > Get reads the appraisal): use it in a regular node step instead',
		);
		expect(casabaca.requests).toEqual([]);
	});

	test('wolkvox Record > Insert Many and Token > Get Usage: refused', async () => {
		const wolkvox = wolkvoxServer();
		const bulk = await runTool({
			node: 'wolkvoxCrm',
			parameters: { resource: 'record', operation: 'insertMany', module: 'contacts' },
			credentials: wolkvoxCredentials,
		});
		expect(bulk.error).toBe(
			'Record > Insert Many is not available to AI agents because it is a bulk load that sends many input items per request, while a tool call is one item: use it in a regular node step instead',
		);
		const usage = await runTool({
			node: 'wolkvoxCrm',
			parameters: { resource: 'token' },
			credentials: wolkvoxCredentials,
		});
		expect(usage.error).toBe(
			'The Token operations are not available to AI agents: use them in a regular node step instead',
		);
		expect(wolkvox.requests).toEqual([]);
	});

	test('wolkvox Record > Update saved with a binary field: the tool leaves it out and sends the fields', async () => {
		const wolkvox = wolkvoxServer().on('POST', '/server/API/v2/custom/update.php', [
			200,
			answer({ wolkvox_id: '64cb' }, 'Succesfully edit record'),
		]);
		const result = await runTool({
			node: 'wolkvoxCrm',
			parameters: {
				resource: 'record',
				operation: 'update',
				module: 'contacts',
				recordId: { __rl: true, mode: 'id', value: fromAI('recordId') },
				fieldPairs: { field: [{ name: 'namecontact', value: fromAI('name') }] },
				binaryProperties: 'data',
			},
			args: { recordId: '64cb', name: 'Jane Doe' },
			credentials: wolkvoxCredentials,
		});
		expect(result.error).toBeUndefined();
		expect(wolkvox.requests).toEqual([
			{
				method: 'POST',
				path: '/server/API/v2/custom/update.php',
				headers: { ...jsonHeaders, 'wolkvox-id': '64cb' },
				body: {
					operation: OPERATION,
					module: 'contacts',
					'wolkvox-id': '64cb',
					fields: { namecontact: 'Jane Doe' },
				},
			},
		]);
		expect(result.answer).toEqual([{ wolkvox_id: '64cb' }]);
	});
});

describe('compact answers', () => {
	test('SML Lead > Get: the simplified lead (Simplify on by default)', async () => {
		const sml = smlServer().on('GET', '/api/lead/984/', [200, lead984]);
		const result = await runTool({
			node: 'sml',
			parameters: { resource: 'lead', operation: 'get', leadId: leadLocator },
			args: { leadId: 984 },
			credentials,
		});
		expect(result.tool).toBe('Tool');
		expect(sml.requests[1]).toEqual({
			method: 'GET',
			path: '/api/lead/984/',
			headers: auth(),
			body: undefined,
		});
		expect(result.answer).toEqual([simplifyLead(lead984)]);
	});

	test('SML Lead > Get Many: Limit 10 unless the tool sets one (one page of 10 asked)', async () => {
		const leads = Array.from({ length: 10 }, (_, i) => ({ ...lead984, id: i + 1 }));
		const sml = smlServer().on('GET', '/api/lead/?page=1&page_size=10', [
			200,
			page(leads, `${SML_URL}/api/lead/?page=2&page_size=10`, 25),
		]);
		const result = await runTool({
			node: 'sml',
			parameters: { resource: 'lead', operation: 'getAll' },
			credentials,
		});
		expect(sml.requests.map((r) => r.path)).toEqual([
			'/api/auth/login/',
			'/api/lead/?page=1&page_size=10',
		]);
		expect(result.answer).toEqual(leads.map((lead) => simplifyLead(lead)));
	});

	test('Casabaca Appraisal > Get Many: the first 10 records, without the data wrapper', async () => {
		const appraisals = Array.from({ length: 12 }, (_, i) => ({
			id: String(i + 1),
			placa: `PBA-${i}`,
		}));
		const casabaca = casabacaServer().on('GET', '/api/getAvaluos', [200, { data: appraisals }]);
		const result = await runTool({
			node: 'sugarCrmCasabaca',
			parameters: { resource: 'appraisal', operation: 'getAll' },
			credentials: casabacaCredentials,
		});
		expect(casabaca.requests[1]).toEqual({
			method: 'GET',
			path: '/api/getAvaluos',
			headers: casabacaAuth(),
			body: undefined,
		});
		expect(result.answer).toEqual(appraisals.slice(0, 10));
	});

	test('wolkvox Case > Search that finds nothing: no records, not the code/msg envelope', async () => {
		const empty = { code: 200, error: 'null', msg: '0 records were are found' };
		wolkvoxServer().on('POST', '/server/API/v2/cases/queryCases.php', [200, empty]);
		const parameters = {
			resource: 'case',
			operation: 'search',
			field: 'idPrefijo',
			value: fromAI('caseNumber'),
		};
		const inTool = await runTool({
			node: 'wolkvoxCrm',
			parameters,
			args: { caseNumber: 'CAS-0009' },
			credentials: wolkvoxCredentials,
		});
		expect(inTool.answer).toEqual([]);
	});

	test('wolkvox Record > Delete with the switch on: the success and the vendor’s message only', async () => {
		wolkvoxServer().on('POST', '/server/API/v2/custom/delete.php', [
			200,
			{ code: 200, error: null, msg: 'Succesfully delete record' },
		]);
		const result = await runTool({
			node: 'wolkvoxCrm',
			parameters: {
				resource: 'record',
				operation: 'delete',
				allowIrreversibleActions: true,
				module: 'contacts',
				recordIds: fromAI('recordId'),
			},
			args: { recordId: '64cb' },
			credentials: wolkvoxCredentials,
		});
		expect(result.answer).toEqual([{ success: true, message: 'Succesfully delete record' }]);
	});
});

describe('errors reach the agent as one sentence naming the field', () => {
	test('an argument the validation refuses', async () => {
		const sml = new FakeVendor(SML_URL);
		const result = await runTool({
			node: 'sml',
			parameters: {
				resource: 'lead',
				operation: 'get',
				leadId: { __rl: true, mode: 'id', value: fromAI('leadId') },
			},
			args: { leadId: 'lead 984' },
			credentials,
		});
		expect(result.error).toBe(
			'Invalid input in item 0: "Lead ID" (leadId) must be a whole number\n\nDetails: Nothing was sent to the server for this item. Fix the field(s) named above and run again.',
		);
		expect(sml.requests).toEqual([]);
	});

	test('SML’s 400 naming its fields', async () => {
		smlServer().on('POST', '/api/lead/', [
			400,
			{ client: { email: ['Introduzca una dirección de correo electrónico válida.'] } },
		]);
		const result = await runTool({
			node: 'sml',
			parameters: {
				resource: 'lead',
				operation: 'create',
				source: 1,
				brand_model: 'Seat Ibiza',
				additionalFields: { client: { email: fromAI('email') } },
			},
			args: { email: 'jane@example' },
			credentials,
		});
		expect(result.error).toBe(
			'SML: the server rejected the data (HTTP 400): client.email: Introduzca una dirección de correo electrónico válida.',
		);
	});

	test('wolkvox’s refusal inside an HTTP 200', async () => {
		wolkvoxServer().on('POST', '/server/API/v2/cases/queryCases.php', [
			200,
			{ code: 400, error: 'BAD REQUEST', msg: 'THE FIELD status CAN NOT BE QUERIED' },
		]);
		const result = await runTool({
			node: 'wolkvoxCrm',
			parameters: { resource: 'case', operation: 'search', field: 'status', value: 'abierto' },
			credentials: wolkvoxCredentials,
		});
		expect(result.error).toBe(
			'wolkvox CRM: code 400 BAD REQUEST: THE FIELD status CAN NOT BE QUERIED (HTTP 200)',
		);
	});
});
