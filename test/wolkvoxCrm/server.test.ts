import { runNode } from '../harness/runNode';
import { FakeVendor } from '../harness/fakeVendor';
import { OPERATION, answer, credentials, customCredentials, jsonHeaders } from './wolkvox';

const INSERT = '/server/API/v2/custom/insert.php';

const insert = (name = 'Ana') => ({
	resource: 'record',
	operation: 'insert',
	module: 'contacts',
	fieldPairs: { field: [{ name: 'namecontact', value: name }] },
});

describe('the server of the credential', () => {
	test.each([
		['sv0001.crmvox.com', 'crm0001.wolkvox.com'],
		['https://sv0000.crmvox.com/', 'crm0000.wolkvox.com'],
		['wolkvox_server.crmvox.com', 'crm0001.wolkvox.com or crm0000.wolkvox.com'],
	])(
		'the retired host %s is refused, naming %s, and nothing is sent',
		async (host, replacement) => {
			const result = await runNode({
				node: 'wolkvoxCrm',
				parameters: insert(),
				credentials: customCredentials(host),
			});
			expect(result.error?.message).toContain(
				`was retired on 30 November 2024: use ${replacement} instead`,
			);
		},
	);

	test('a custom full base URL with scheme and path prefix is used as is (local sandbox)', async () => {
		const vendor = new FakeVendor('http://127.0.0.1:5999').on('POST', `/sandbox${INSERT}`, [
			200,
			answer({ wolkvox_id: 'sb1' }),
		]);
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters: insert(),
			credentials: customCredentials('http://127.0.0.1:5999/sandbox/'),
		});
		expect(result.error).toBeUndefined();
		expect(vendor.requests).toEqual([
			{
				method: 'POST',
				path: `/sandbox${INSERT}`,
				headers: jsonHeaders,
				body: { operation: OPERATION, module: 'contacts', fields: { namecontact: 'Ana' } },
			},
		]);
	});

	test('a bare custom host means https; a pasted /server/API/v2 suffix is dropped', async () => {
		const vendor = new FakeVendor('https://crm01.wolkvox.com')
			.on('POST', INSERT, [200, answer({ wolkvox_id: '1' })])
			.on('POST', INSERT, [200, answer({ wolkvox_id: '2' })]);
		await runNode({
			node: 'wolkvoxCrm',
			parameters: insert(),
			credentials: customCredentials(' crm01.wolkvox.com '),
		});
		await runNode({
			node: 'wolkvoxCrm',
			parameters: insert(),
			credentials: customCredentials('https://crm01.wolkvox.com/server/API/v2'),
		});
		expect(vendor.requests.map((r) => r.path)).toEqual([INSERT, INSERT]);
	});

	test('each documented server is reached over https', async () => {
		const vendor = new FakeVendor('https://crm.wolkvox.com').on('POST', INSERT, [
			200,
			answer({ wolkvox_id: '1' }),
		]);
		await runNode({
			node: 'wolkvoxCrm',
			parameters: insert(),
			credentials: { wolkvoxCrmApi: { ...credentials.wolkvoxCrmApi, server: 'crm.wolkvox.com' } },
		});
		expect(vendor.requests).toHaveLength(1);
	});
});
