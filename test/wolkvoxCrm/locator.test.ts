/**
 * Version 2 of the wolkvox node: a Record ID (Record > Update, Update Many, Case > Update) is a
 * resource locator whose By URL mode takes the record's address in the CRM, which ends with its ID.
 */
import { WolkvoxCrm } from '../../nodes/WolkvoxCrm/WolkvoxCrm.node';
import { runNode } from '../harness/runNode';
import { answer, credentials, jsonHeaders, OPERATION, wolkvoxServer } from './wolkvox';

const UPDATE = '/server/API/v2/custom/update.php';
const RECORD = '6074aa0801374bb781025cc7d3';

const update = (recordId: unknown, typeVersion = 2) =>
	runNode({
		node: 'wolkvoxCrm',
		typeVersion,
		credentials,
		parameters: {
			resource: 'record',
			operation: 'update',
			module: 'contacts',
			recordId: recordId as never,
			fieldPairs: { field: [{ name: 'namecontact', value: 'Jane Doe' }] },
		},
	});

/** The request Record > Update sends for RECORD, whichever way the ID was given. */
const expected = {
	method: 'POST',
	path: UPDATE,
	headers: { ...jsonHeaders, 'wolkvox-id': RECORD },
	body: {
		operation: OPERATION,
		module: 'contacts',
		'wolkvox-id': RECORD,
		fields: { namecontact: 'Jane Doe' },
	},
};

const url = (value: string) => ({ __rl: true, mode: 'url', value });

const WHERE =
	'on crm0001.wolkvox.com, crm0000.wolkvox.com or crm.wolkvox.com (the documented wolkvox servers); with a custom server, use By ID';

describe('wolkvox Record ID: By URL', () => {
	test.each([
		`https://crm0001.wolkvox.com/index.php/contacts/view/${RECORD}`,
		`https://crm0001.wolkvox.com/contacts/${RECORD}/`,
		`https://crm.wolkvox.com/contacts/${RECORD}?tab=notes`,
	])('the ID is the last part of %s', async (address) => {
		const vendor = wolkvoxServer().on('POST', UPDATE, [200, answer({ wolkvox_id: RECORD })]);
		const result = await update(url(address));
		expect(result.error).toBeUndefined();
		expect(vendor.requests).toEqual([expected]);
	});

	test('an address typed in the editor without a record part is refused by n8n (the mode pattern)', async () => {
		await expect(update(url('https://crm0001.wolkvox.com/'))).rejects.toThrow(
			/Not a valid record URL/,
		);
	});

	test('an expression giving something else than an address is refused before sending', async () => {
		const result = await update(url(`={{ "${RECORD}" }}`));
		expect(result.error?.message).toBe(
			`Invalid input in item 0: "Record ID" (wolkvox-id) must be a record URL like https://crm0001.wolkvox.com/.../6074xxx0801374xxxxx781025xxx7d3 (${WHERE})`,
		);
	});

	test.each([
		`https://example.com/contacts/${RECORD}`,
		`https://crm0001.wolkvox.com.example.com/contacts/${RECORD}`,
		`https://sv0001.crmvox.com/contacts/${RECORD}`,
	])(
		'an address on another host is refused, typed (n8n checks the pattern) or from an expression: %s',
		async (address) => {
			const vendor = wolkvoxServer();
			await expect(update(url(address))).rejects.toThrow(/Not a valid record URL/);
			const result = await update(url(`={{ "${address}" }}`));
			expect(result.error?.message).toBe(
				`Invalid input in item 0: "Record ID" (wolkvox-id) must be a record URL like https://crm0001.wolkvox.com/.../6074xxx0801374xxxxx781025xxx7d3 (${WHERE})`,
			);
			expect(vendor.requests).toEqual([]);
		},
	);

	test('the By URL mode says which addresses it takes', () => {
		const property = new WolkvoxCrm().description.properties.find(
			(p) => p.name === 'recordId' && p.type === 'resourceLocator',
		);
		expect(property?.modes?.find((mode) => mode.name === 'url')?.hint).toBe(
			`The record's address in the web app, ${WHERE}`,
		);
	});
});

describe('wolkvox Record ID: By ID, and version 1', () => {
	test('By ID and a version-1 plain ID send the same request', async () => {
		const v2 = wolkvoxServer().on('POST', UPDATE, [200, answer({ wolkvox_id: RECORD })]);
		expect((await update({ __rl: true, mode: 'id', value: RECORD })).error).toBeUndefined();
		const v1 = wolkvoxServer().on('POST', UPDATE, [200, answer({ wolkvox_id: RECORD })]);
		expect((await update(RECORD, 1)).error).toBeUndefined();
		expect(v2.requests).toEqual([expected]);
		expect(v1.requests).toEqual([expected]);
	});

	test('By ID keeps the header rule: no line breaks in the Wolkvox-id header', async () => {
		const result = await update({ __rl: true, mode: 'id', value: '={{ "64cb\\r\\nX-Evil: 1" }}' });
		expect(result.error?.message).toMatch(
			/^Invalid input in item 0: "Record ID" \(wolkvox-id\) must not contain line breaks/,
		);
	});
});
