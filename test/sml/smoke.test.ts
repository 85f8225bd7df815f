import nock from 'nock';

import { runNode } from '../harness/runNode';

const credentials = { smlApi: { baseUrl: 'https://sml.example.com', username: 'ana', password: 'secret', authScheme: 'Token', sessionToken: '' } };

test('smoke: get a lead', async () => {
	nock('https://sml.example.com').post('/api/auth/login/', { username: 'ana', password: 'secret' }).reply(200, { username: 'ana', password: 'secret', token: 'tok1' });
	nock('https://sml.example.com', { reqheaders: { authorization: 'Token tok1' } }).get('/api/lead/984/').reply(200, { id: 984 });
	const result = await runNode({ node: 'sml', parameters: { resource: 'lead', operation: 'get', leadId: '984' }, credentials });
	expect(result.error).toBeUndefined();
	expect(result.json).toEqual([{ id: 984 }]);
});
