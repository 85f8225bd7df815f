/**
 * Keep IDs updates read the lead first and copy the nested ids from it. A read answered 200 with
 * something that is not that lead (empty, broken JSON, null, a login page, another lead) must stop
 * the item before its PATCH: without the ids SML deletes and recreates the client, vehicle, tasks
 * and notes. Run against a real HTTP server, so the answers are what n8n's HTTP stack makes of them.
 */
import type { ServerResponse } from 'node:http';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { leadAnswerProblem } from '../../nodes/Sml/keepIds';
import type { LoopbackServer, ReceivedRequest } from '../harness/loopback';
import { closeAllServers, json, startServer, text, toPath } from '../harness/loopback';
import { runNode } from '../harness/runNode';
import lead984 from '../sml/fixtures/lead-984.json';
import task from '../sml/fixtures/task.json';
import { LOGIN_PATH, PASSWORD, TOKEN, credentials } from '../sml/sml';

/** Lead 986 as SML returns it: client 55, vehicle 1038, request 1032 with task 1 (appraisal 1, note 5), note 3, tag 4. */
const lead = (id: number): IDataObject => ({
	...lead984,
	id,
	client: { id: 55, name: 'Cliente de Ejemplo', phone: '666777888', email: 'user@example.com' },
	vehicle: { ...lead984.vehicle, id: 1038 },
	request: {
		id: 1032,
		task: [
			{
				...task,
				id: 1,
				lead: id,
				note: [
					{ id: 5, content: 'first call done', modified: '2019-05-09T07:28:28.530Z', history: [] },
				],
				appraisal: { ...task.appraisal, id: 1, brand_model: 'old name' },
			},
		],
	},
	note: [{ id: 3, content: 'Nota de prueba', modified: '2019-05-09T07:28:28.530Z', history: [] }],
	tags: [
		{ id: 4, content: 'Etiqueta de ejemplo', modified: '2019-05-09T07:28:28.530Z', history: [] },
	],
});

type Answer = (res: ServerResponse) => void;

const HTML_LOGIN =
	'<!DOCTYPE html>\n<html lang="es">\n<head><meta charset="utf-8"><title>Iniciar sesión | SML</title></head>\n<body><form method="post"><input name="username"></form></body>\n</html>';

/**
 * 200 answers to the read that are not the lead asked for, and how the error names them. The
 * engine may refuse an answer that is not JSON before the update sees it (`transport`, what its
 * message says): either refusal will do, as long as the item fails and nothing is patched.
 */
const BAD_READS: Array<{ name: string; answer: Answer; words: string; transport?: RegExp }> = [
	{
		name: 'an empty body',
		answer: (res) => res.writeHead(200, { 'content-type': 'application/json' }).end(),
		words: 'not that lead (it was an empty answer)',
		transport: /empty/,
	},
	{
		name: 'malformed JSON',
		answer: (res) => text(res, 200, '{"id": 98', 'application/json'),
		words: 'not that lead (it was a text answer: "{"id": 98")',
		transport: /not valid JSON.*"\{"id": 98"/,
	},
	{
		name: 'null',
		answer: (res) => json(res, 200, null),
		words: 'not that lead (it was null)',
	},
	{
		name: 'an HTML page',
		answer: (res) => text(res, 200, HTML_LOGIN, 'text/html; charset=utf-8'),
		words: 'not that lead (it was an HTML page titled "Iniciar sesión | SML")',
		transport: /HTML/,
	},
	{
		name: 'another lead',
		answer: (res) => json(res, 200, lead(985)),
		words: 'not that lead (it was lead 985)',
	},
];

/** Lead 986 whose task list is an object: the task cannot be looked up, its ids cannot be copied. */
const tasksNotAList: Answer = (res) =>
	json(res, 200, { ...lead(986), request: { id: 1032, task: { id: 1 } } });

/**
 * SML behind its login: GET /api/lead/{id}/ answers with `reads[id]` (404 when not given);
 * PATCH of a lead or task echoes a success. Every request is recorded by the server.
 */
async function smlServer(reads: Record<number, Answer>): Promise<LoopbackServer> {
	return await startServer((request, res) => {
		const { pathname } = new URL(request.path, 'http://127.0.0.1');
		if (request.method === 'POST' && pathname === LOGIN_PATH) {
			json(res, 200, { username: 'adam.mora@intelligenia.com', password: PASSWORD, token: TOKEN });
			return;
		}
		if (request.headers.authorization !== `Token ${TOKEN}`) {
			json(res, 401, { detail: 'Las credenciales de autenticación no se proveyeron.' });
			return;
		}
		const leadRead = /^\/api\/lead\/(\d+)\/$/.exec(pathname);
		if (request.method === 'GET' && leadRead && reads[Number(leadRead[1])]) {
			reads[Number(leadRead[1])](res);
			return;
		}
		if (request.method === 'PATCH' && leadRead) {
			json(res, 200, {
				...lead(Number(leadRead[1])),
				...(JSON.parse(request.body) as IDataObject),
			});
			return;
		}
		const taskPatch = /^\/api\/task\/(\d+)\/$/.exec(pathname);
		if (request.method === 'PATCH' && taskPatch) {
			json(res, 200, {
				...task,
				id: Number(taskPatch[1]),
				...(JSON.parse(request.body) as IDataObject),
			});
			return;
		}
		json(res, 404, { detail: 'No encontrado.' });
	});
}

const byMethod = (requests: ReceivedRequest[], method: string) =>
	requests.filter((request) => request.method === method);

async function run(
	server: LoopbackServer,
	parameters: INodeParameters,
	options: { items?: INodeExecutionData[]; continueOnFail?: boolean } = {},
) {
	return await runNode({
		node: 'sml',
		parameters,
		credentials: { smlApi: { ...credentials.smlApi, baseUrl: server.url } },
		...options,
	});
}

const leadUpdate = (parameters: INodeParameters = {}): INodeParameters => ({
	resource: 'lead',
	operation: 'update',
	leadId: '986',
	client: { phone: '600111222' },
	note: { entries: [{ content: 'Client called back' }] },
	...parameters,
});

const taskUpdate = (parameters: INodeParameters = {}): INodeParameters => ({
	resource: 'task',
	operation: 'update',
	taskId: '1',
	leadId: '986',
	appraisal: { brand_model: 'new name' },
	...parameters,
});

/**
 * The item failed with the update's own refusal, or (for an answer that is not JSON) with the
 * engine's refusal of that very read.
 */
function expectRefused(
	message: string | undefined,
	mine: string,
	transport?: RegExp,
	leadId = 986,
) {
	if (transport && message !== mine) {
		expect(message).toMatch(new RegExp(`^SML: GET /api/lead/${leadId}/: .*${transport.source}`));
	} else {
		expect(message).toBe(mine);
	}
}

const leadMessage = (words: string, leadId = 986) =>
	`SML: Lead > Update read lead ${leadId} before updating it, but the answer was ${words}; nothing was sent, so nothing was changed`;

const taskMessage = (words: string, leadId = 986, taskId = 1) =>
	`SML: Task > Update read lead ${leadId} to find task ${taskId} before updating it, but the answer was ${words}; nothing was sent, so nothing was changed`;

/**
 * Closes the servers, and forgets the requests to them that nock reports as unmatched (they were
 * meant to pass): inside each describe, so it runs before the shared check of unmatched requests.
 */
function realServers() {
	afterEach(closeAllServers);
}

describe('SML Lead > Update (Keep IDs): a read that is not the lead sends no PATCH', () => {
	realServers();

	test.each(BAD_READS)('the read answers 200 with $name', async ({ answer, words, transport }) => {
		const server = await smlServer({ 986: answer });
		const result = await run(server, leadUpdate());
		expectRefused(result.error?.message, leadMessage(words), transport);
		expect(result.json).toEqual([]);
		expect(byMethod(server.requests, 'GET').map((request) => request.path)).toEqual([
			'/api/lead/986/',
		]);
		expect(byMethod(server.requests, 'PATCH')).toEqual([]);
	});

	test.each([
		{
			name: 'its client is a text',
			change: { client: 'Cliente de Ejemplo' },
			words: 'its client is not an object',
		},
		{
			name: 'its vehicle has no id',
			change: { vehicle: { brand_model: 'x' } },
			words: 'its vehicle has no id',
		},
		{
			name: 'its notes are not a list',
			change: { note: { id: 3, content: 'x' } },
			words: 'its note is not a list',
		},
		{
			name: 'a tag has no id',
			change: { tags: [{ content: 'x' }] },
			words: 'its tags[0] is not an object with an id',
		},
		{
			name: 'its tasks are not a list',
			change: { request: { id: 1032, task: 'none' } },
			words: 'its request.task is not a list',
		},
	])('the read answers lead 986, but $name', async ({ change, words }) => {
		const server = await smlServer({ 986: (res) => json(res, 200, { ...lead(986), ...change }) });
		const result = await run(server, leadUpdate());
		expect(result.error?.message).toBe(
			leadMessage(`lead 986 in a shape the update cannot rely on (${words})`),
		);
		expect(byMethod(server.requests, 'PATCH')).toEqual([]);
	});

	test('a text answer is quoted short, and a secret it echoes is masked', async () => {
		const echo = `Debug: Authorization: Token ${TOKEN}; password=${PASSWORD}; ${'x'.repeat(200)}`;
		const server = await smlServer({ 986: (res) => json(res, 200, echo) });
		const result = await run(server, leadUpdate());
		const shown = `Debug: Authorization: Token ***; password=***; ${'x'.repeat(53)}…`;
		expect(result.error?.message).toBe(
			leadMessage(`not that lead (it was a text answer: "${shown}")`),
		);
		expect(JSON.stringify(result.error)).not.toContain(TOKEN);
		expect(JSON.stringify(result.error)).not.toContain(PASSWORD);
		expect(byMethod(server.requests, 'PATCH')).toEqual([]);
	});

	test('control: the right lead is read, and the PATCH carries its ids', async () => {
		const server = await smlServer({ 986: (res) => json(res, 200, lead(986)) });
		const result = await run(server, leadUpdate());
		expect(result.error).toBeUndefined();
		const patches = toPath(byMethod(server.requests, 'PATCH'), '/api/lead/986/');
		expect(patches.map((request) => JSON.parse(request.body))).toEqual([
			{
				client: { id: 55, phone: '600111222' },
				note: [{ id: 3, content: 'Nota de prueba' }, { content: 'Client called back' }],
			},
		]);
	});

	test('Replace reads nothing and sends the PATCH, whatever a read would answer', async () => {
		const server = await smlServer({ 986: (res) => json(res, 200, null) });
		const result = await run(server, leadUpdate({ nestedMode: 'replace' }));
		expect(result.error).toBeUndefined();
		expect(byMethod(server.requests, 'GET')).toEqual([]);
		expect(byMethod(server.requests, 'PATCH').map((request) => JSON.parse(request.body))).toEqual([
			{ client: { phone: '600111222' }, note: [{ content: 'Client called back' }] },
		]);
	});

	test('Continue On Fail: the good item is patched once, the bad one yields its {error}', async () => {
		const server = await smlServer({
			986: (res) => json(res, 200, lead(986)),
			987: (res) => json(res, 200, { detail: 'No encontrado.' }),
		});
		const result = await run(server, leadUpdate({ leadId: '={{ $json.leadId }}', note: {} }), {
			items: [{ json: { leadId: 986 } }, { json: { leadId: 987 } }],
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		const patches = byMethod(server.requests, 'PATCH');
		expect(patches.map((request) => [request.path, JSON.parse(request.body)])).toEqual([
			['/api/lead/986/', { client: { id: 55, phone: '600111222' } }],
		]);
		expect(result.items).toEqual([
			{
				json: expect.objectContaining({ id: 986, client: { id: 55, phone: '600111222' } }),
				pairedItem: { item: 0 },
			},
			{
				json: {
					error: leadMessage(
						'not that lead (it was an object without an id, with fields detail)',
						987,
					),
				},
				pairedItem: { item: 1 },
			},
		]);
	});
});

describe('SML Task > Update (Keep IDs): a read that is not the lead sends no PATCH', () => {
	realServers();

	test.each([
		...BAD_READS,
		{
			name: "a lead whose tasks aren't a list",
			answer: tasksNotAList,
			words: 'lead 986 in a shape the update cannot rely on (its request.task is not a list)',
		},
		{
			name: 'a lead whose task has notes that are not a list',
			answer: (res: ServerResponse) =>
				json(res, 200, {
					...lead(986),
					request: { id: 1032, task: [{ id: 1, note: 'first call done' }] },
				}),
			words:
				'lead 986 in a shape the update cannot rely on (its request.task[0].note is not a list)',
		},
	])('the read answers 200 with $name', async ({ answer, words, transport }) => {
		const server = await smlServer({ 986: answer });
		const result = await run(server, taskUpdate());
		expectRefused(result.error?.message, taskMessage(words), transport);
		expect(result.json).toEqual([]);
		expect(byMethod(server.requests, 'GET').map((request) => request.path)).toEqual([
			'/api/lead/986/',
		]);
		expect(byMethod(server.requests, 'PATCH')).toEqual([]);
	});

	test('a lead without the task is refused as before, unsent', async () => {
		const server = await smlServer({ 986: (res) => json(res, 200, lead(986)) });
		const result = await run(server, taskUpdate({ taskId: '77' }));
		expect(result.error?.message).toBe('Task 77 is not one of the tasks of lead 986');
		expect(byMethod(server.requests, 'PATCH')).toEqual([]);
	});

	test('control: the right lead is read, and the PATCH carries the appraisal id and the kept note', async () => {
		const server = await smlServer({ 986: (res) => json(res, 200, lead(986)) });
		const result = await run(
			server,
			taskUpdate({ note: { entries: [{ content: 'asked for a discount' }] } }),
		);
		expect(result.error).toBeUndefined();
		expect(
			byMethod(server.requests, 'PATCH').map((request) => [request.path, JSON.parse(request.body)]),
		).toEqual([
			[
				'/api/task/1/',
				{
					appraisal: { id: 1, brand_model: 'new name' },
					note: [{ id: 5, content: 'first call done' }, { content: 'asked for a discount' }],
				},
			],
		]);
	});

	test('Replace reads nothing and sends the PATCH without ids', async () => {
		const server = await smlServer({ 986: tasksNotAList });
		const result = await run(server, taskUpdate({ nestedMode: 'replace' }));
		expect(result.error).toBeUndefined();
		expect(byMethod(server.requests, 'GET')).toEqual([]);
		expect(byMethod(server.requests, 'PATCH').map((request) => JSON.parse(request.body))).toEqual([
			{ appraisal: { brand_model: 'new name' } },
		]);
	});

	test('Continue On Fail: the bad item yields its {error}, the good one is patched once', async () => {
		const server = await smlServer({
			986: (res) => json(res, 200, lead(985)),
			988: (res) =>
				json(res, 200, {
					...lead(988),
					request: { id: 2, task: [{ ...task, id: 2, appraisal: { ...task.appraisal, id: 7 } }] },
				}),
		});
		const result = await run(
			server,
			taskUpdate({ taskId: '={{ $json.taskId }}', leadId: '={{ $json.leadId }}' }),
			{
				items: [{ json: { taskId: 1, leadId: 986 } }, { json: { taskId: 2, leadId: 988 } }],
				continueOnFail: true,
			},
		);
		expect(result.error).toBeUndefined();
		expect(
			byMethod(server.requests, 'PATCH').map((request) => [request.path, JSON.parse(request.body)]),
		).toEqual([['/api/task/2/', { appraisal: { id: 7, brand_model: 'new name' } }]]);
		expect(result.items).toEqual([
			{ json: { error: taskMessage('not that lead (it was lead 985)') }, pairedItem: { item: 0 } },
			{
				json: expect.objectContaining({ id: 2, appraisal: { id: 7, brand_model: 'new name' } }),
				pairedItem: { item: 1 },
			},
		]);
	});
});

describe('the read check holds on its own, whatever the transport hands over', () => {
	test.each([
		{ name: 'undefined', answer: undefined, words: 'not that lead (it was an empty answer)' },
		{ name: 'an empty string', answer: '', words: 'not that lead (it was an empty answer)' },
		{ name: 'blank text', answer: ' \n', words: 'not that lead (it was an empty answer)' },
		{
			name: 'broken JSON text',
			answer: '{"id": 98',
			words: 'not that lead (it was a text answer: "{"id": 98")',
		},
		{
			name: 'broken JSON bytes',
			answer: Buffer.from('{"id": 98'),
			words: 'not that lead (it was a text answer: "{"id": 98")',
		},
		{ name: 'plain text', answer: 'ok', words: 'not that lead (it was a text answer: "ok")' },
		{
			name: 'a login page',
			answer: HTML_LOGIN,
			words: 'not that lead (it was an HTML page titled "Iniciar sesión | SML")',
		},
		{
			name: 'an HTML page without a title',
			answer: '<html><body>Bad Gateway</body></html>',
			words: 'not that lead (it was an HTML page)',
		},
		{
			name: 'a list holding the lead',
			answer: [lead(986)],
			words: 'not that lead (it was a list of 1 entry)',
		},
		{ name: 'a bare number', answer: 986, words: 'not that lead (it was the value "986")' },
		{ name: 'an empty object', answer: {}, words: 'not that lead (it was an empty object)' },
		{
			name: 'a DRF error object',
			answer: { detail: 'No encontrado.' },
			words: 'not that lead (it was an object without an id, with fields detail)',
		},
		{
			name: 'a lead with another id as text',
			answer: { ...lead(986), id: '9860' },
			words: 'not that lead (it was lead "9860")',
		},
	])('$name', ({ answer, words }) => {
		expect(leadAnswerProblem(answer, 986)).toBe(words);
	});

	test('a quoted text is cut to 100 characters, on one line, with the secrets given masked', () => {
		const answer = `Token ${TOKEN}\n\tpassword ${PASSWORD} ${'y'.repeat(150)}`;
		const shown = `Token *** password *** ${'y'.repeat(77)}…`;
		expect(leadAnswerProblem(answer, 986, 'lead', [TOKEN, PASSWORD])).toBe(
			`not that lead (it was a text answer: "${shown}")`,
		);
	});

	test('the lead asked for passes, its id as a number or as text; absent nested data is fine', () => {
		expect(leadAnswerProblem(lead(986), 986)).toBeUndefined();
		expect(leadAnswerProblem({ ...lead(986), id: '986' }, 986)).toBeUndefined();
		expect(leadAnswerProblem({ ...lead984, id: 986 }, 986)).toBeUndefined();
		expect(leadAnswerProblem({ id: 986, client: null, request: null }, 986)).toBeUndefined();
	});

	test('a task update checks the request and its tasks only', () => {
		const odd = { ...lead(986), vehicle: 'none' };
		expect(leadAnswerProblem(odd, 986, 'request')).toBeUndefined();
		expect(leadAnswerProblem(odd, 986)).toBe(
			'lead 986 in a shape the update cannot rely on (its vehicle is not an object)',
		);
		expect(leadAnswerProblem({ id: 986, request: [] }, 986, 'request')).toBe(
			'lead 986 in a shape the update cannot rely on (its request is not an object)',
		);
		expect(
			leadAnswerProblem(
				{ id: 986, request: { id: 1, task: [{ id: 1, appraisal: {} }] } },
				986,
				'request',
			),
		).toBe(
			'lead 986 in a shape the update cannot rely on (its request.task[0].appraisal has no id)',
		);
	});
});
