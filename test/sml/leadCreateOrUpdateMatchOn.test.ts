/**
 * SML Lead > Create or Update, Match On: Phone (compared on its digits), E-Mail or Phone (one lookup per
 * given key) and E-Mail and Phone (one lookup with both filters).
 */
import type { RecordedRequest } from '../harness/fakeVendor';
import { page, smlServer } from './sml';
import { PAGE, leadOf, run, lookup, post, patch, keptIds, anaClient } from './createOrUpdate';

describe('SML Lead > Create or Update: matching by phone, e-mail or phone, e-mail and phone', () => {
	test('Phone: compared on its digits ("+34 600-11-22" is "34600112 2", not "346001122 3")', async () => {
		const found = leadOf(12, { phone: '34600112 2' });
		const sml = smlServer()
			.on('GET', '/api/lead/', [200, page([leadOf(13, { phone: '346001122 3' }), found])])
			.on('PATCH', '/api/lead/12/', [200, found]);
		const client = { name: 'Ana Ruiz', phone: '+34 600-11-22' };
		const result = await run({ client, matchOn: 'phone' });
		expect(result.error).toBeUndefined();
		expect(sml.requests.slice(1)).toEqual([
			lookup('client__phone__icontains=+34 600-11-22'),
			patch(12, keptIds(12, client)),
		]);
		expect(result.json[0]).toMatchObject({ id: 12, action: 'updated', matchedBy: 'phone' });
	});

	/** Answers the e-mail and the phone lookups by their query, whatever order they arrive in. */
	const byFilter =
		(email: unknown[], phone: unknown[]) =>
		(request: RecordedRequest): [number, unknown] => [
			200,
			page(request.path.includes('client__email__icontains') ? email : phone),
		];

	test('E-Mail or Phone: one lookup per given key; a lead found by its phone only is matched by "phone"', async () => {
		const both = byFilter(
			[leadOf(12, { email: 'diana@x.com', phone: '600112233' })],
			[
				leadOf(12, { email: 'diana@x.com', phone: '600112233' }),
				leadOf(9, { phone: '600 11 22 33' }),
			],
		);
		const sml = smlServer()
			.on('GET', '/api/lead/', both)
			.on('GET', '/api/lead/', both)
			.on('PATCH', '/api/lead/12/', [200, leadOf(12, anaClient)]);
		const client = { ...anaClient, phone: '600112233' };
		const result = await run({ client, matchOn: 'emailOrPhone' });
		expect(result.error).toBeUndefined();
		expect(
			sml.requests
				.slice(1, 3)
				.map((r) => r.path)
				.sort(),
		).toEqual([
			`/api/lead/?client__email__icontains=ana@x.com&${PAGE}`,
			`/api/lead/?client__phone__icontains=600112233&${PAGE}`,
		]);
		expect(sml.requests[3]).toEqual(patch(12, keptIds(12, client)));
		expect(result.json[0]).toMatchObject({ id: 12, action: 'updated', matchedBy: 'phone' });
	});

	test('E-Mail or Phone: a lead matching both is "email and phone"; with only the e-mail given, one lookup', async () => {
		const both = byFilter(
			[leadOf(12, { email: 'ana@x.com', phone: '600112233' })],
			[leadOf(12, { email: 'ana@x.com', phone: '600112233' })],
		);
		const sml = smlServer().on('GET', '/api/lead/', both).on('GET', '/api/lead/', both);
		const result = await run({
			client: { ...anaClient, phone: '600112233' },
			matchOn: 'emailOrPhone',
			whenFound: 'nothing',
		});
		expect(result.error).toBeUndefined();
		expect(sml.without('/api/auth/login/').map((r) => r.method)).toEqual(['GET', 'GET']);
		expect(result.json[0]).toMatchObject({
			id: 12,
			action: 'unchanged',
			matchedBy: 'email and phone',
		});

		const onlyEmail = smlServer().on('GET', '/api/lead/', [200, page([leadOf(12, anaClient)])]);
		const second = await run({ client: anaClient, matchOn: 'emailOrPhone', whenFound: 'nothing' });
		expect(onlyEmail.requests.slice(1)).toEqual([lookup('client__email__icontains=ana@x.com')]);
		expect(second.json[0]).toMatchObject({ id: 12, action: 'unchanged', matchedBy: 'email' });
	});

	test('E-Mail and Phone: one lookup with both filters; a lead with the e-mail but another phone is no match', async () => {
		const sml = smlServer()
			.on('GET', '/api/lead/', [200, page([leadOf(12, { email: 'ana@x.com', phone: '699' })])])
			.on('POST', '/api/lead/', [201, leadOf(13, anaClient)]);
		const client = { ...anaClient, phone: '600112233' };
		const result = await run({ client, matchOn: 'emailAndPhone' });
		expect(result.error).toBeUndefined();
		expect(sml.requests.slice(1)).toEqual([
			lookup('client__email__icontains=ana@x.com&client__phone__icontains=600112233'),
			post({ source: 1, vehicle: { brand_model: 'Golf' }, client }),
		]);
		expect(result.json[0]).toMatchObject({ id: 13, action: 'created', matchedBy: null });
	});
});
