/**
 * Record > Create or Update: custom/query.php by one field, an exact comparison on our side, then
 * insert.php or update.php. Through n8n-core with nock for the wire; the lookups that fail (no insert
 * may follow them) and items running at once against real servers in
 * test/faults/wolkvoxCreateOrUpdate.test.ts, a sync run twice against the sandbox in
 * test/sandbox/wolkvoxCreateOrUpdate.test.ts.
 */
import type { IDataObject } from 'n8n-workflow';
import type { RecordedRequest } from '../harness/fakeVendor';
import { runNode } from '../harness/runNode';
import { OPERATION, TOKEN, answer, credentials, wolkvoxServer } from './wolkvox';
import {
	QUERY,
	INSERT,
	UPDATE,
	found,
	parameters,
	contact,
	queryRequest,
	insertRequest,
	updateRequest,
	run,
} from './createOrUpdate';

describe('Record > Create or Update: one item', () => {
	test('no record has the value (the documented "0 records" answer): query, then insert; action created', async () => {
		const vendor = wolkvoxServer()
			.on('POST', QUERY, [200, found([])])
			.on('POST', INSERT, [200, answer({ wolkvox_id: '64cb' })]);
		const result = await run([contact('ana@x.com')], {}, { typeVersion: 2 });
		expect(result.error).toBeUndefined();
		expect(vendor.requests).toEqual([
			queryRequest('ana@x.com'),
			insertRequest({ namecontact: 'Ana Ruiz', emailcontact: 'ana@x.com' }),
		]);
		expect(result.items).toEqual([
			{
				json: { wolkvox_id: '64cb', action: 'created', matchedBy: null },
				pairedItem: { item: 0 },
			},
		]);
		expect(JSON.stringify(result.items)).not.toContain(TOKEN);
	});

	test('"0 records were are found" without any data list is no match too', async () => {
		const vendor = wolkvoxServer()
			.on('POST', QUERY, [200, { code: '200', error: 'null', msg: '0 records were are found' }])
			.on('POST', INSERT, [200, answer({ wolkvox_id: '64cb' })]);
		const result = await run([contact('ana@x.com')]);
		expect(result.error).toBeUndefined();
		expect(vendor.requests.map((request) => request.path)).toEqual([QUERY, INSERT]);
		expect(result.json).toEqual([{ wolkvox_id: '64cb', action: 'created', matchedBy: null }]);
	});

	test('the substring trap: the CRM answering diana@x.com for ana@x.com is no match, so it inserts', async () => {
		const vendor = wolkvoxServer()
			.on('POST', QUERY, [200, found([{ wolkvox_id: '64ca', emailcontact: 'diana@x.com' }])])
			.on('POST', INSERT, [200, answer({ wolkvox_id: '64cb' })]);
		const result = await run([contact('ana@x.com')]);
		expect(vendor.requests).toEqual([
			queryRequest('ana@x.com'),
			insertRequest({ namecontact: 'Ana Ruiz', emailcontact: 'ana@x.com' }),
		]);
		expect(result.json).toEqual([{ wolkvox_id: '64cb', action: 'created', matchedBy: null }]);
	});

	test('case and blanks do not matter: " Ana@X.com " matches ana@x.com; update.php with the Wolkvox-id header', async () => {
		const vendor = wolkvoxServer()
			.on('POST', QUERY, [
				200,
				found([
					{ wolkvox_id: '64ca', emailcontact: 'diana@x.com', namecontact: 'Diana' },
					{ wolkvox_id: '64cb', emailcontact: 'ana@x.com ', namecontact: 'Ana' },
				]),
			])
			.on('POST', UPDATE, [200, answer({ wolkvox_id: '64cb' }, 'Succesfully edit record')]);
		const result = await run([contact(' Ana@X.com ')]);
		expect(result.error).toBeUndefined();
		expect(vendor.requests).toEqual([
			// The value looked up and written is trimmed (a later lookup then finds it); its case is kept.
			queryRequest('Ana@X.com'),
			updateRequest('64cb', { namecontact: 'Ana Ruiz', emailcontact: 'Ana@X.com' }),
		]);
		expect(result.items).toEqual([
			{
				json: { wolkvox_id: '64cb', action: 'updated', matchedBy: 'emailcontact' },
				pairedItem: { item: 0 },
			},
		]);
	});

	test('a typed field ({value}) is compared by its value; any other field can be matched on', async () => {
		const vendor = wolkvoxServer()
			.on('POST', QUERY, [
				200,
				found([{ wolkvox_id: '7f01', 'ID Contacto': { type: 'text', value: '1017000001' } }]),
			])
			.on('POST', UPDATE, [200, answer({ wolkvox_id: '7f01' }, 'Succesfully edit record')]);
		const result = await run([{ json: {} }], {
			module: 'Nomina',
			matchField: 'ID Contacto',
			fieldsInput: 'json',
			fieldsJson: '{"ID Contacto": 1017000001, "Dias Laborados": 15}',
		});
		expect(result.error).toBeUndefined();
		expect(vendor.requests).toEqual([
			queryRequest('1017000001', 'ID Contacto', 'Nomina'),
			{
				...updateRequest('7f01', { 'ID Contacto': 1017000001, 'Dias Laborados': 15 }),
				body: {
					operation: OPERATION,
					module: 'Nomina',
					'wolkvox-id': '7f01',
					fields: { 'ID Contacto': 1017000001, 'Dias Laborados': 15 },
				},
			},
		]);
		expect(result.json).toEqual([
			{ wolkvox_id: '7f01', action: 'updated', matchedBy: 'ID Contacto' },
		]);
	});

	test('When Found > Do Nothing and Output It: only the lookup is sent; the record found is the output', async () => {
		const record = { wolkvox_id: '64cb', emailcontact: 'ana@x.com', namecontact: 'Ana' };
		const vendor = wolkvoxServer().on('POST', QUERY, [200, found([record])]);
		const result = await run([contact('ana@x.com')], { whenFound: 'nothing' });
		expect(vendor.requests).toEqual([queryRequest('ana@x.com')]);
		expect(result.items).toEqual([
			{
				json: { ...record, action: 'unchanged', matchedBy: 'emailcontact' },
				pairedItem: { item: 0 },
			},
		]);
	});
});

describe('Record > Create or Update: several records match', () => {
	const three = [
		{ wolkvox_id: '64cb00000000000000000009', emailcontact: 'ana@x.com' },
		{ wolkvox_id: '64CD00000000000000000001', emailcontact: 'ANA@x.com' },
		{ wolkvox_id: '64cc000000000000000000ff', emailcontact: 'ana@x.com' },
		{ wolkvox_id: '64ff00000000000000000000', emailcontact: 'diana@x.com' },
	];

	test('Update the Newest (default): the highest wolkvox_id among the exact matches is updated', async () => {
		const vendor = wolkvoxServer()
			.on('POST', QUERY, [200, found(three)])
			.on('POST', UPDATE, [200, answer({ wolkvox_id: '64CD00000000000000000001' })]);
		const result = await run([contact('ana@x.com')]);
		expect(vendor.requests).toEqual([
			queryRequest('ana@x.com'),
			updateRequest('64CD00000000000000000001', {
				namecontact: 'Ana Ruiz',
				emailcontact: 'ana@x.com',
			}),
		]);
		expect(result.json).toEqual([
			{ wolkvox_id: '64CD00000000000000000001', action: 'updated', matchedBy: 'emailcontact' },
		]);
	});

	test('a longer id is a higher one (ids are numbers written in hexadecimal digits)', async () => {
		const vendor = wolkvoxServer()
			.on('POST', QUERY, [
				200,
				found([
					{ wolkvox_id: 'ff', emailcontact: 'ana@x.com' },
					{ wolkvox_id: '100', emailcontact: 'ana@x.com' },
				]),
			])
			.on('POST', UPDATE, [200, answer({ wolkvox_id: '100' })]);
		await run([contact('ana@x.com')]);
		expect((vendor.requests[1].body as IDataObject)['wolkvox-id']).toBe('100');
	});

	test('Do Nothing with several matches outputs the newest, unchanged', async () => {
		wolkvoxServer().on('POST', QUERY, [200, found(three)]);
		const result = await run([contact('ana@x.com')], { whenFound: 'nothing' });
		expect(result.json).toEqual([{ ...three[1], action: 'unchanged', matchedBy: 'emailcontact' }]);
	});

	test('Fail the Item: nothing is written and the error lists the matching IDs', async () => {
		const vendor = wolkvoxServer().on('POST', QUERY, [200, found(three)]);
		const result = await run([contact('ana@x.com')], { whenSeveral: 'fail' });
		expect(vendor.requests).toEqual([queryRequest('ana@x.com')]);
		expect(result.error?.message).toBe(
			'wolkvox CRM: 3 records of contacts have emailcontact "ana@x.com": 64cb00000000000000000009, 64CD00000000000000000001, 64cc000000000000000000ff',
		);
		expect(result.error?.description).toBe(
			'When Several Match is Fail the Item. Nothing was created or updated for this item. Merge the records in the CRM, or choose Update the Newest.',
		);
		expect(result.error?.context?.itemIndex).toBe(0);
	});

	test('Fail the Item with one exact match (and a substring one) updates it', async () => {
		const vendor = wolkvoxServer()
			.on('POST', QUERY, [200, found([three[0], three[3]])])
			.on('POST', UPDATE, [200, answer({ wolkvox_id: three[0].wolkvox_id })]);
		const result = await run([contact('ana@x.com')], { whenSeveral: 'fail' });
		expect(vendor.requests.map((request) => request.path)).toEqual([QUERY, UPDATE]);
		expect(result.json[0]).toMatchObject({ action: 'updated', wolkvox_id: three[0].wolkvox_id });
	});
});

describe('Record > Create or Update: an answer that is not the documented record list is an error, never "no match"', () => {
	test.each([
		[
			'records without the compared field',
			found([{ wolkvox_id: '64cb', namecontact: 'Ana' }]),
			'record 64cb has no field "emailcontact"',
		],
		[
			'a record without wolkvox_id',
			found([{ emailcontact: 'ana@x.com' }]),
			'record 1 of the list has no wolkvox_id',
		],
		[
			'data that is no list',
			answer({ emailcontact: 'ana@x.com' }),
			'its data is not a list of records',
		],
		[
			'no data and no word of 0 records',
			{ code: 200, error: 'null', msg: 'Succesfully' },
			'it has no list of records (data) and does not say that 0 were found',
		],
		[
			'a list shorter than its "Total records"',
			{ ...found([]), 'Total records': 3 },
			'it counts 3 records ("Total records") but lists 0: the list cannot be read to its end',
		],
		['a code of 2xx other than 200', { ...found([]), code: 206 }, 'its code is 206, not 200'],
		['no code at all', { data: [] }, 'its code is null, not 200'],
		[
			'a list instead of the envelope',
			[{ wolkvox_id: '64cb' }],
			'the answer is not the documented {code, msg, data} object',
		],
		[
			'a compared field that is an object without value',
			found([{ wolkvox_id: '64cb', emailcontact: { type: 'email' } }]),
			'record 64cb holds "emailcontact" as neither text nor a number',
		],
	])('%s', async (_label, body, problem) => {
		const vendor = wolkvoxServer().on('POST', QUERY, [200, body]);
		const result = await run([contact('ana@x.com')]);
		expect(result.error?.message).toBe(
			`wolkvox CRM: the lookup (POST ${QUERY}) answered what Create or Update cannot read: ${problem}`,
		);
		expect(result.error?.description).toBe(
			'A record is never created while the lookup is in doubt. Nothing was created or updated for this item.',
		);
		expect(vendor.requests.map((request) => request.path)).toEqual([QUERY]);
	});

	test('a wolkvox failure code inside HTTP 200 fails the item in the vendor’s words; nothing is inserted', async () => {
		const vendor = wolkvoxServer().on('POST', QUERY, [
			200,
			{ code: 403, error: 'FORBIDDEN', msg: 'TOKEN LIMIT EXCEEDED', data: null },
		]);
		const result = await run([contact('ana@x.com')]);
		expect(result.error?.message).toBe(
			'wolkvox CRM: code 403 FORBIDDEN: TOKEN LIMIT EXCEEDED (HTTP 200)',
		);
		expect(result.error?.description).toBe(
			'FORBIDDEN. The lookup failed, so no record was created: a record is never created while the lookup is in doubt. Nothing was created or updated for this item.',
		);
		expect(vendor.requests.map((request) => request.path)).toEqual([QUERY]);
	});

	test('a matching record whose ID cannot go into a header is not updated', async () => {
		const vendor = wolkvoxServer().on('POST', QUERY, [
			200,
			found([{ wolkvox_id: '64cb\r\nX-Other: 1', emailcontact: 'ana@x.com' }]),
		]);
		const result = await run([contact('ana@x.com')]);
		expect(result.error?.message).toBe(
			'wolkvox CRM: the lookup gave a record ID that cannot be sent back: it must not contain line breaks, tabs or other control characters: it is sent in an HTTP header',
		);
		expect(vendor.requests.map((request) => request.path)).toEqual([QUERY]);
	});
});

describe('Record > Create or Update: validation, before anything is sent', () => {
	test.each([
		[
			'a Match On Field missing from Fields',
			parameters({ matchField: 'telephonecontact' }),
			'"Match On Field" (field) is "telephonecontact", which is not among the record\'s Fields: add it there with the value to match',
		],
		[
			'a Match On Field that only objects have ("constructor")',
			parameters({ matchField: 'constructor' }),
			'"Match On Field" (field) is "constructor", which is not among the record\'s Fields: add it there with the value to match',
		],
		[
			'an empty value to match',
			parameters({ fieldPairs: { field: [{ name: 'emailcontact', value: '  ' }] } }),
			'"Match On Field" (field) is "emailcontact", whose value in Fields is empty: give the value to match',
		],
		[
			'no Match On Field (an expression giving nothing)',
			parameters({ matchField: '={{ "" }}' }),
			'"Match On Field" (field) is required',
		],
		[
			'a When Found that is not a choice',
			parameters({ whenFound: 'merge' }),
			'"When Found" (whenFound) must be one of: update, nothing',
		],
	])('%s names the field and the item', async (_label, given, problem) => {
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters: given,
			items: [contact('ana@x.com'), contact('ana@x.com')],
			credentials,
		});
		expect(result.error?.message).toBe(`Invalid input in item 0: ${problem}`);
	});
});

/** A wolkvox CRM in memory for nock: query.php finds what insert.php stored (case-insensitively). */
function crmInMemory(
	vendor: ReturnType<typeof wolkvoxServer>,
	plan: { queries: number; inserts: number; updates: number },
) {
	const stored: IDataObject[] = [];
	const fieldsOf = (request: RecordedRequest) => (request.body as { fields: IDataObject }).fields;
	for (let i = 0; i < plan.queries; i++) {
		vendor.on('POST', QUERY, (request) => {
			const { field, value } = request.body as { field: string; value: string };
			const hits = stored.filter(
				(record) => String(record[field]).toLowerCase() === value.toLowerCase(),
			);
			return [200, found(hits)];
		});
	}
	for (let i = 0; i < plan.inserts; i++) {
		vendor.on('POST', INSERT, (request) => {
			const record = {
				wolkvox_id: `64cb${String(stored.length).padStart(4, '0')}`,
				...fieldsOf(request),
			};
			stored.push(record);
			return [200, answer({ wolkvox_id: record.wolkvox_id })];
		});
	}
	for (let i = 0; i < plan.updates; i++) {
		vendor.on('POST', UPDATE, (request) => {
			const id = request.headers['wolkvox-id'];
			Object.assign(
				stored.find((record) => record.wolkvox_id === id)!,
				fieldsOf(request),
			);
			return [200, answer({ wolkvox_id: id }, 'Succesfully edit record')];
		});
	}
	return stored;
}

describe('Record > Create or Update: duplicates within one run, at the most Concurrency wolkvox allows (2)', () => {
	// Repeats next to each other: without the within-run rule both would be looked up before either is inserted.
	const emails = [
		'a@x.com',
		'A@x.com ',
		'b@x.com',
		'b@x.com',
		'c@x.com',
		'd@x.com',
		'C@X.COM',
		'a@x.com',
	];

	test('8 items with 4 distinct e-mails: 4 inserts at the server, the repeats update what the first inserted', async () => {
		const vendor = wolkvoxServer();
		const stored = crmInMemory(vendor, { queries: 8, inserts: 4, updates: 4 });
		const result = await run(
			emails.map((email, i) => contact(email, `Name ${i}`)),
			{ options: { concurrency: 2 } },
		);
		expect(result.error).toBeUndefined();
		expect(vendor.requests.filter((request) => request.path === INSERT)).toHaveLength(4);
		// Each record holds what the last item of its value wrote (trimmed, in its case): one value's items ran in order.
		const byEmail = [...stored].sort((x, y) =>
			String(x.emailcontact).localeCompare(String(y.emailcontact), 'en', { sensitivity: 'base' }),
		);
		expect(byEmail.map(({ emailcontact, namecontact }) => [emailcontact, namecontact])).toEqual([
			['a@x.com', 'Name 7'],
			['b@x.com', 'Name 3'],
			['C@X.COM', 'Name 6'],
			['d@x.com', 'Name 5'],
		]);
		expect(result.items.map(({ json: { action }, pairedItem }) => [action, pairedItem])).toEqual([
			['created', { item: 0 }],
			['updated', { item: 1 }],
			['created', { item: 2 }],
			['updated', { item: 3 }],
			['created', { item: 4 }],
			['created', { item: 5 }],
			['updated', { item: 6 }],
			['updated', { item: 7 }],
		]);
	});

	test('Continue On Fail: a failing item yields its error, paired; the others go on', async () => {
		const vendor = wolkvoxServer()
			.on('POST', QUERY, [200, found([])])
			.on('POST', QUERY, [200, answer({ not: 'a list' })])
			.on('POST', QUERY, [
				200,
				found([
					{ wolkvox_id: '64c1', emailcontact: 'c@x.com' },
					{ wolkvox_id: '64c2', emailcontact: 'c@x.com' },
				]),
			])
			.on('POST', INSERT, [200, answer({ wolkvox_id: '64a1' })]);
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters: parameters({ whenSeveral: 'fail', options: { concurrency: 1 } }),
			items: [contact('a@x.com'), contact('b@x.com'), contact('c@x.com')],
			credentials,
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(vendor.requests.map((request) => request.path)).toEqual([QUERY, INSERT, QUERY, QUERY]);
		expect(result.items).toEqual([
			{ json: { wolkvox_id: '64a1', action: 'created', matchedBy: null }, pairedItem: { item: 0 } },
			{
				json: {
					error: `wolkvox CRM: the lookup (POST ${QUERY}) answered what Create or Update cannot read: its data is not a list of records`,
				},
				pairedItem: { item: 1 },
			},
			{
				json: {
					error: 'wolkvox CRM: 2 records of contacts have emailcontact "c@x.com": 64c1, 64c2',
				},
				pairedItem: { item: 2 },
			},
		]);
	});
});
