// The local vendor sandbox (sandbox/, `npm run sandbox`): real HTTP on 127.0.0.1.
import nock from 'nock';

import { demo, startSandbox, type Sandbox } from '../../sandbox';
import { unexpectedRequests } from '../harness/nockSetup';

let sb: Sandbox;

// nock reports every request that no interceptor answered, also those it lets through to 127.0.0.1:
// forget the sandbox's own before the shared afterEach checks (this describe's hooks run first).
const forgetSandboxRequests = () => {
	const others = unexpectedRequests.filter((r) => !r.includes(`${sb.url}/`));
	unexpectedRequests.splice(0, unexpectedRequests.length, ...others);
};

beforeAll(async () => {
	nock.enableNetConnect('127.0.0.1');
	sb = await startSandbox({ port: 0, quiet: true });
});

afterAll(async () => {
	await sb.close();
	nock.disableNetConnect();
});

beforeEach(() => sb.reset());

interface Answer {
	status: number;
	body: any;
	headers: Headers;
	raw: Buffer;
}

async function call(
	method: string,
	path: string,
	body?: unknown,
	headers: Record<string, string> = {},
): Promise<Answer> {
	const r = await fetch(`${sb.url}${path}`, {
		method,
		headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const raw = Buffer.from(await r.arrayBuffer());
	let parsed: unknown;
	try {
		parsed = JSON.parse(raw.toString('utf8'));
	} catch {
		parsed = raw.toString('utf8');
	}
	return { status: r.status, body: parsed, headers: r.headers, raw };
}

describe('vendor sandbox', () => {
	afterEach(forgetSandboxRequests);

	describe('sandbox basics', () => {
		it('listens on 127.0.0.1 and gives the credential values for n8n', () => {
			expect(sb.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
			expect(sb.credentials.smlApi).toEqual({
				baseUrl: `${sb.url}/sml`,
				username: demo.sml.username,
				password: demo.sml.password,
				authScheme: 'Token',
			});
			expect(sb.credentials.wolkvoxCrmApi).toEqual({
				server: 'custom',
				customHost: `${sb.url}/wolkvox`,
				operation: demo.wolkvox.operation,
				token: demo.wolkvox.token,
				externalToken: demo.wolkvox.externalToken,
			});
			expect(sb.credentials.sugarCrmCasabacaApi.baseUrl).toBe(`${sb.url}/casabaca`);
		});

		it('records requests, and forgets them and the stored data on reset', async () => {
			await call('POST', '/sml/api/auth/login/', {
				username: demo.sml.username,
				password: demo.sml.password,
			});
			const log = await call('GET', '/__sandbox/requests');
			expect(log.body).toEqual([
				expect.objectContaining({
					vendor: 'sml',
					method: 'POST',
					path: '/api/auth/login/',
					bodyKind: 'json',
					status: 200,
				}),
			]);
			expect((await call('POST', '/__sandbox/reset')).status).toBe(200);
			expect((await call('GET', '/__sandbox/requests')).body).toEqual([]);
		});
	});

	describe('fault hooks', () => {
		it('/__sandbox/redirect/<host:port>/... answers 302 to that host, with the rest of the path and the query', async () => {
			const r = await fetch(
				`${sb.url}/__sandbox/redirect/127.0.0.2:4567/wolkvox/server/API/v2/custom/query.php?operation=x`,
				{ method: 'POST', redirect: 'manual' },
			);
			expect(r.status).toBe(302);
			expect(r.headers.get('location')).toBe(
				'http://127.0.0.2:4567/wolkvox/server/API/v2/custom/query.php?operation=x',
			);
			const log = await call('GET', '/__sandbox/requests');
			expect(log.body).toEqual([
				expect.objectContaining({
					vendor: 'fault',
					method: 'POST',
					path: '/__sandbox/redirect/127.0.0.2:4567/wolkvox/server/API/v2/custom/query.php',
					status: 302,
				}),
			]);
		});

		it('/__sandbox/html/... answers 200 with an HTML page, whatever the method', async () => {
			for (const method of ['GET', 'POST']) {
				const r = await call(method, '/__sandbox/html/sml/api/lead/1/');
				expect(r.status).toBe(200);
				expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
				expect(r.body).toMatch(/^<!DOCTYPE html>/);
			}
		});
	});

	describe('SML', () => {
		async function login(): Promise<Record<string, string>> {
			const r = await call('POST', '/sml/api/auth/login/', {
				username: demo.sml.username,
				password: demo.sml.password,
			});
			expect(r.status).toBe(200);
			expect(r.body).toEqual({
				username: demo.sml.username,
				password: demo.sml.password,
				token: expect.stringMatching(/^[0-9a-f]{40}$/),
			});
			return { authorization: `Token ${r.body.token}` };
		}

		it('refuses a wrong login with 400 non_field_errors and a missing token with 401 detail', async () => {
			const bad = await call('POST', '/sml/api/auth/login/', {
				username: demo.sml.username,
				password: 'nope',
			});
			expect(bad).toMatchObject({
				status: 400,
				body: {
					non_field_errors: 'No se puede iniciar sesión con las credenciales proporcionadas.',
				},
			});
			expect(await call('POST', '/sml/api/auth/login/', {})).toMatchObject({
				status: 400,
				body: { username: ['Este campo es requerido.'], password: ['Este campo es requerido.'] },
			});
			expect(await call('GET', '/sml/api/lead/')).toMatchObject({
				status: 401,
				body: { detail: expect.any(String) },
			});
			expect(
				await call('GET', '/sml/api/lead/', undefined, { authorization: 'Token 0000' }),
			).toMatchObject({ status: 401, body: { detail: 'Token inválido.' } });
		});

		it('accepts the Token, Bearer and JWT schemes and forgets the token on logout', async () => {
			const auth = await login();
			const token = auth.authorization.split(' ')[1];
			for (const scheme of ['Token', 'Bearer', 'JWT']) {
				expect(
					(
						await call('GET', '/sml/api/gas_type/', undefined, {
							authorization: `${scheme} ${token}`,
						})
					).status,
				).toBe(200);
			}
			expect((await call('POST', '/sml/api/auth/logout/', undefined, auth)).status).toBe(200);
			expect((await call('GET', '/sml/api/gas_type/', undefined, auth)).status).toBe(401);
		});

		it('paginates lists with page / page_size (and page_size=all)', async () => {
			const auth = await login();
			const first = await call('GET', '/sml/api/lead/?page_size=5', undefined, auth);
			expect(first.body).toMatchObject({
				count: 14,
				previous: null,
				next: `${sb.url}/sml/api/lead/?page_size=5&page=2`,
			});
			expect(first.body.results).toHaveLength(5);
			const last = await call('GET', '/sml/api/lead/?page_size=5&page=3', undefined, auth);
			expect(last.body).toMatchObject({
				count: 14,
				next: null,
				previous: `${sb.url}/sml/api/lead/?page_size=5&page=2`,
			});
			expect(last.body.results).toHaveLength(4);
			expect((await call('GET', '/sml/api/lead/?page_size=5&page=4', undefined, auth)).status).toBe(
				404,
			);
			const all = await call('GET', '/sml/api/lead/?page_size=all&status=new', undefined, auth);
			expect(all.body).toMatchObject({ count: 4, next: null, previous: null });
			expect(all.body.results.map((l: { status: string }) => l.status)).toEqual([
				'new',
				'new',
				'new',
				'new',
			]);
			expect((await call('GET', '/sml/api/provinces/', undefined, auth)).body).toEqual({
				country: ['Este campo es requerido.'],
			});
		});

		it('filters the lead list as the kit documents: e-mail and phone substrings (any case), status, concessionaire__in', async () => {
			const auth = await login();
			const ids = async (query: string) =>
				(
					await call('GET', `/sml/api/lead/?page_size=all&${query}`, undefined, auth)
				).body.results.map((lead: { id: number }) => lead.id);
			expect(await ids('client__email__icontains=ANA.GARCIA@EXAMPLE')).toEqual([984]);
			expect(await ids('client__email__icontains=na.garcia@example.com')).toEqual([984]);
			expect(await ids('client__phone__icontains=6112233')).toEqual([984]);
			expect(await ids('client__email__icontains=example.com&status=tracing')).toEqual([
				997, 991, 990,
			]);
			expect(await ids('status=end&concessionaire__in=2')).toEqual([995]);
			expect(await ids('status=end&concessionaire__in=1,2')).toEqual([995, 994, 993]);
			expect(
				await ids('client__email__icontains=ana.garcia@example.com&client__phone__icontains=699'),
			).toEqual([]);
		});

		it('creates a lead (201), answers 400 field errors, and reads it back', async () => {
			const auth = await login();
			const invalid = await call(
				'POST',
				'/sml/api/lead/',
				{
					source: 99,
					vehicle: {},
					client: { name: 'A', email: 'x' },
					request: { task: [{ type: 'appraisal' }] },
				},
				auth,
			);
			expect(invalid).toMatchObject({
				status: 400,
				body: {
					source: ['Clave primaria "99" inválida - objeto no existe.'],
					vehicle: { brand_model: ['Este campo es requerido.'] },
					client: { email: ['Introduzca una dirección de correo electrónico válida.'] },
					request: { task: [{ appraisal: ['Este campo es requerido.'] }] },
				},
			});
			const created = await call(
				'POST',
				'/sml/api/lead/',
				{ source: 1, vehicle: { brand_model: 'Marca y modelo de ejemplo' } },
				auth,
			);
			expect(created.status).toBe(201);
			expect(created.body).toMatchObject({
				status: 'new',
				client: null,
				vehicle: { brand_model: 'Marca y modelo de ejemplo', sold: false },
				request: { task: [] },
			});
			const read = await call('GET', `/sml/api/lead/${created.body.id}/`, undefined, auth);
			expect(read.body).toEqual(created.body);
		});

		it('keeps nested objects sent with their id and replaces those sent without', async () => {
			const auth = await login();
			const lead = (
				await call(
					'POST',
					'/sml/api/lead/',
					{
						source: 1,
						vehicle: { brand_model: 'A' },
						client: { name: 'Ana', phone: '600' },
						note: [{ content: 'one' }],
					},
					auth,
				)
			).body;
			const kept = await call(
				'PATCH',
				`/sml/api/lead/${lead.id}/`,
				{
					score: 4,
					vehicle: { id: lead.vehicle.id, brand_model: 'B' },
					client: { id: lead.client.id, name: 'Ana María' },
				},
				auth,
			);
			expect(kept.body).toMatchObject({
				score: '4',
				vehicle: { id: lead.vehicle.id, brand_model: 'B' },
				client: { id: lead.client.id, name: 'Ana María', phone: '600' },
			});
			const replaced = await call(
				'PATCH',
				`/sml/api/lead/${lead.id}/`,
				{ client: { name: 'Otra' }, note: [{ content: 'two' }] },
				auth,
			);
			expect(replaced.body.client).toMatchObject({ name: 'Otra', phone: null });
			expect(replaced.body.client.id).not.toBe(lead.client.id);
			expect(replaced.body.note.map((n: { content: string }) => n.content)).toEqual(['two']);
			const wrongId = await call(
				'PATCH',
				`/sml/api/lead/${lead.id}/`,
				{ vehicle: { id: 1, brand_model: 'C' } },
				auth,
			);
			expect(wrongId.status).toBe(400);
			const history = await call(
				'GET',
				`/sml/api/lead_history/${lead.id}/get_history/`,
				undefined,
				auth,
			);
			expect(history.body.count).toBe(3);
		});

		it('creates, changes and deletes tasks; click2call answers the documented shape', async () => {
			const auth = await login();
			const leadId = 984;
			const task = await call(
				'POST',
				'/sml/api/lead_task_create/',
				{ lead: leadId, type: 'appraisal', appraisal: { brand_model: 'X', origin: 'foreign' } },
				auth,
			);
			expect(task).toMatchObject({
				status: 201,
				body: {
					lead: leadId,
					type: 'appraisal',
					media: 'Phone',
					appraisal: { brand_model: 'X', origin: 'foreign' },
				},
			});
			const updated = await call(
				'PATCH',
				`/sml/api/task/${task.body.id}/`,
				{ description: 'hecho', realization_date_check: true },
				auth,
			);
			expect(updated.body).toMatchObject({
				id: task.body.id,
				description: 'hecho',
				realization_date_check: true,
			});
			expect(updated.body).not.toHaveProperty('lead');
			expect((await call('DELETE', `/sml/api/task/${task.body.id}/`, undefined, auth)).status).toBe(
				204,
			);
			expect((await call('DELETE', `/sml/api/task/${task.body.id}/`, undefined, auth)).status).toBe(
				404,
			);
			const c2c = await call(
				'PATCH',
				'/sml/api/netelip/call_control_lead/click2call/',
				{ lead: leadId },
				auth,
			);
			expect(c2c.body).toEqual({
				id: expect.any(Number),
				lead: leadId,
				call_control: expect.any(Number),
				user: 2,
			});
		});
	});

	describe('SugarCRM Casabaca', () => {
		async function login(): Promise<Record<string, string>> {
			const r = await call('POST', '/casabaca/api/login', {
				autorizador: demo.casabaca.autorizador,
				email: demo.casabaca.email,
				password: demo.casabaca.password,
				environment: 'dev',
			});
			expect(r.body).toEqual({ status_code: '200', token: expect.stringMatching(/^\d+\|\w{40}$/) });
			return { authorization: `Bearer ${r.body.token}` };
		}

		it('rejects a bad password (500) and a missing or unknown token with HTTP 500 Unauthenticated.', async () => {
			const bad = await call('POST', '/casabaca/api/login', {
				autorizador: demo.casabaca.autorizador,
				email: demo.casabaca.email,
				password: 'x',
				environment: 'dev',
			});
			expect(bad).toMatchObject({ status: 500, body: { message: 'Password incorrecto' } });
			expect(await call('GET', '/casabaca/api/getAvaluos')).toMatchObject({
				status: 500,
				body: { message: 'Unauthenticated.', status_code: 500 },
			});
			const auth = await login();
			expect((await call('GET', '/casabaca/api/logout', undefined, auth)).body).toEqual({
				status_code: 200,
				token: 'Token has deleted succesfully',
			});
			expect(await call('GET', '/casabaca/api/getAvaluos', undefined, auth)).toMatchObject({
				status: 500,
				body: { message: 'Unauthenticated.' },
			});
		});

		it('creates a landing-page ticket, and answers 422 {errors} on bad input', async () => {
			const auth = await login();
			const body = {
				datosSugarCRM: {
					formulario: 'Exonerados',
					numero_identificacion: '1719932079',
					tipo_identificacion: 'C',
					nombres: 'FREDDY ROBERTO',
					apellidos: 'RODRIGUEZ VARGAS',
					email: 'mart@hotmail.com',
					celular: '0987519882',
					concesionario: 'Santo Domingo (Casabaca)',
				},
			};
			const ok = await call('POST', '/casabaca/api/landing_ticket', body, auth);
			expect(ok.body).toEqual({
				data: {
					ticket_id: expect.any(String),
					ticket_name: expect.stringMatching(/^TCK-\d+$/),
					interaction_id: expect.any(String),
					ticket_url: `https://sugarcrm.casabaca.com/#cbt_Tickets/${ok.body.data.ticket_id}`,
				},
			});
			const bad = await call(
				'POST',
				'/casabaca/api/landing_ticket',
				{ datosSugarCRM: { ...body.datosSugarCRM, nombres: '', tipo_identificacion: 'X' } },
				auth,
			);
			expect(bad).toMatchObject({
				status: 422,
				body: {
					errors: {
						nombres: ['Nombres son requeridos'],
						tipo_identificacion: [expect.stringContaining('C(Cedula)')],
					},
				},
			});
			const store = (await call('GET', '/__sandbox/store')).body;
			expect(
				store.casabaca.tickets.find((t: { id: string }) => t.id === ok.body.data.ticket_id),
			).toMatchObject({ source: 'landing_ticket', formulario: 'Exonerados' });
		});

		it('fails a landing page with HTTP 200 and data.status_code "400"', async () => {
			const auth = await login();
			const bad = await call(
				'POST',
				'/casabaca/api/create_landing_page',
				{ datosSugarCRM: { name: 'X' } },
				auth,
			);
			expect(bad).toMatchObject({
				status: 200,
				body: { data: { status_code: '400', messsage: 'Revise que sus datos sean correctos' } },
			});
			const good = await call(
				'POST',
				'/casabaca/api/create_landing_page',
				{
					datosSugarCRM: {
						name: 'Exonerados',
						medio: '18',
						properties_form: '[{"label":"Tipo","value":"tipo","validations":"required"}]',
						autorizador: 'a@b.co',
						campaign: 'C',
						business_line_id: 'L',
						user_login: 'tde',
						user_assigned_position: '2',
					},
				},
				auth,
			);
			expect(good.body).toEqual({
				data: { status_code: '200', messsage: 'Landing Page creada correctamente' },
			});
		});

		it('checks prospects (prefixed 422 keys, 404 {error}, planned-meeting 500) and serves the appraisal PDF', async () => {
			const auth = await login();
			const q = await call(
				'POST',
				'/casabaca/api/quotation',
				{ datosSugarCRM: { user_name_call_center: 'NOPE' } },
				auth,
			);
			expect(q.status).toBe(422);
			expect(q.body.errors['datosSugarCRM.user_name_call_center']).toEqual([
				'User-name inválido, call center no se encuentra registrado',
			]);
			expect(
				await call(
					'POST',
					'/casabaca/api/close_prospeccion/nope',
					{ datosSugarCRM: { motivo_cierre: '1' } },
					auth,
				),
			).toMatchObject({ status: 404, body: { error: 'Prospección no existe, id inválido' } });
			const pdf = await call('GET', '/casabaca/api/pdf/1', undefined, auth);
			expect(pdf.status).toBe(200);
			expect(pdf.headers.get('content-type')).toBe('application/pdf');
			expect(pdf.raw.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
			const text = pdf.raw.toString('latin1');
			const xref = Number(/startxref\n(\d+)/.exec(text)![1]);
			expect(text.slice(xref, xref + 4)).toBe('xref');
			const offsets = Array.from(text.slice(xref).matchAll(/(\d{10}) 00000 n /g), (m) =>
				Number(m[1]),
			);
			expect(offsets).toHaveLength(5);
			offsets.forEach((offset, i) =>
				expect(text.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`),
			);
		});
	});

	describe('wolkvox', () => {
		const W = { 'wolkvox-token': demo.wolkvox.token };
		const op = demo.wolkvox.operation;

		it('answers failures inside HTTP 200 with a code: missing token, wrong token, wrong operation', async () => {
			expect(
				await call('POST', '/wolkvox/server/API/v2/custom/query.php', { operation: op }),
			).toMatchObject({ status: 200, body: { code: 401, msg: 'PLEASE ENTER THE WOLKVOX-TOKEN' } });
			expect(
				await call(
					'POST',
					'/wolkvox/server/API/v2/custom/query.php',
					{ operation: op },
					{ 'wolkvox-token': 'x' },
				),
			).toMatchObject({ status: 200, body: { code: 403, msg: 'PLEASE VALIDATE TOKEN' } });
			expect(
				(await call('POST', '/wolkvox/server/API/v2/custom/query.php', { operation: 'other' }, W))
					.body.code,
			).toBe(403);
			expect(
				(await call('POST', '/wolkvox/server/API/v2/custom/query.php', { operation: op }, W)).body,
			).toMatchObject({ code: 400, msg: expect.stringContaining('SOME PARAMETERS ARE REQUIRED') });
			expect(
				(await call('POST', '/wolkvox/server/API/v2/custom/nothing.php', { operation: op }, W))
					.body,
			).toMatchObject({ code: 400, msg: 'THE API YOU WANT TO CONSULT DOES NOT EXIST' });
		});

		it('creates a case with attachments and finds it again; a closed case needs a solution', async () => {
			const kase = {
				operation: op,
				'case-type': 'Request',
				responsible: `ADMIN_@${op}`,
				owner: `ADMIN_@${op}`,
				contact: 'andres@example.com',
				description: 'Prueba',
				form: { Subject: 'Hola' },
				status: 'open',
				priority: 'low',
				attachments: [Buffer.from('hola').toString('base64')],
			};
			const created = await call('POST', '/wolkvox/server/API/v2/cases/insertAttach.php', kase, W);
			expect(created.body).toEqual({
				code: 200,
				error: 'null',
				msg: 'Succesfully create record',
				data: {
					wolkvox_id: expect.stringMatching(/^[0-9a-f]{24}$/),
					idPrefijo: expect.stringMatching(/^CAS-\d{4}$/),
				},
			});
			const found = await call(
				'POST',
				'/wolkvox/server/API/v2/cases/queryCases.php',
				{ operation: op, field: 'wolkvox-id', value: created.body.data.wolkvox_id },
				W,
			);
			expect(found.body).toMatchObject({
				code: 200,
				'Total records': 1,
				data: [{ description: 'Prueba', form: { Subject: 'Hola' }, attachments: [{ size: 4 }] }],
			});
			expect(
				(
					await call(
						'POST',
						'/wolkvox/server/API/v2/cases/insertAttach.php',
						{ ...kase, status: 'cerrado' },
						W,
					)
				).body.code,
			).toBe(400);
			expect(
				(
					await call(
						'POST',
						'/wolkvox/server/API/v2/cases/insertAttach.php',
						{ ...kase, contact: 'nobody@example.com' },
						W,
					)
				).body.code,
			).toBe(404);
		});

		it('query.php finds records by a field value (whole value, any case), says "0 records" as the CRM does, and newer records have higher ids', async () => {
			const custom = '/wolkvox/server/API/v2/custom';
			const insert = async (emailcontact: string) =>
				(
					await call(
						'POST',
						`${custom}/insert.php`,
						{ operation: op, module: 'contacts', fields: { namecontact: 'Ana', emailcontact } },
						W,
					)
				).body.data.wolkvox_id as string;
			const diana = await insert('diana@x.com');
			const ana = await insert('ana@x.com');
			const again = await insert('ana@x.com');
			expect([diana, ana, again]).toEqual([...[diana, ana, again]].sort());
			for (const id of [diana, ana, again]) expect(id).toMatch(/^[0-9a-f]{24}$/);
			const query = async (value: string) =>
				(
					await call(
						'POST',
						`${custom}/query.php`,
						{ operation: op, module: 'contacts', field: 'emailcontact', value },
						W,
					)
				).body;
			expect(await query('ANA@x.com')).toEqual({
				code: 200,
				error: 'null',
				msg: '2 records were are found',
				'Total records': 2,
				data: [
					expect.objectContaining({ wolkvox_id: ana, emailcontact: 'ana@x.com' }),
					expect.objectContaining({ wolkvox_id: again, emailcontact: 'ana@x.com' }),
				],
			});
			expect(await query('nobody@x.com')).toEqual({
				code: 200,
				error: 'null',
				msg: '0 records were are found',
				'Total records': 0,
				data: [],
			});
			const updated = await call(
				'POST',
				`${custom}/update.php`,
				{
					operation: op,
					module: 'contacts',
					'wolkvox-id': again,
					fields: { namecontact: 'Ana R' },
				},
				{ ...W, 'wolkvox-id': again },
			);
			expect(updated.body).toMatchObject({ code: 200, data: { wolkvox_id: again } });
			expect((await query('ana@x.com')).data[1]).toMatchObject({ namecontact: 'Ana R' });
		});

		it('inserts a call activity on a record and counts token uses', async () => {
			const rec = await call(
				'POST',
				'/wolkvox/server/API/v2/custom/insert.php',
				{ operation: op, module: 'Ventas', fields: { Categoria: 'Arepas' } },
				W,
			);
			const id = rec.body.data.wolkvox_id;
			const activity = {
				operation: op,
				module: 'wolkvox_activities',
				type: 'call',
				fields: {
					status: 'created',
					name: 'Llamar',
					priority: 'low',
					name_module: 'Ventas',
					completion_date: '2023-07-30 00:00:00',
					remember: true,
					reminder_date: '2023-07-29 00:00:00',
					description: 'd',
					id_record: id,
					location: 'x',
					wolkvox_owner: `ADMIN_@${op}`,
					phone: { type: 'telephone', country: 'COLOMBIA', code: '57', value: '1234567898' },
				},
			};
			expect(
				(await call('POST', '/wolkvox/server/API/v2/custom/insert.php', activity, W)).body,
			).toMatchObject({ code: 200, data: { wolkvox_id: expect.any(String) } });
			const bad = { ...activity, fields: { ...activity.fields, completion_date: '30/07/2023' } };
			expect(
				(await call('POST', '/wolkvox/server/API/v2/custom/insert.php', bad, W)).body.code,
			).toBe(400);
			const usage = await call(
				'GET',
				`/wolkvox/server/API/v2/token/tokenInformation.php?operation=${op}`,
				undefined,
				W,
			);
			expect(usage.body).toMatchObject({
				code: '200',
				data: { token_limit: 4800, token_use_today: 4, available_consumition_options: 4796 },
			});
		});

		it('records a collections management and queries it back', async () => {
			const store = (await call('GET', '/__sandbox/store')).body;
			const record = store.wolkvox.modules.collections[0].wolkvox_id;
			const m = await call(
				'POST',
				'/wolkvox/server/API/v2/collections/insertObligation.php',
				{
					operation: op,
					fields: {
						tipifycation_code: '10',
						tipifycation_desc: 'Promesa de pago',
						module: 'collections',
						wolkvox_idRecord: record,
						customer_id: '123',
					},
				},
				W,
			);
			expect(m.body).toMatchObject({ code: 200, data: { wolkvox_id: expect.any(String) } });
			const q = await call(
				'POST',
				'/wolkvox/server/API/v2/collections/queryGestion.php',
				{ operation: op, field: 'customer_id', value: '123' },
				W,
			);
			expect(q.body).toMatchObject({
				code: 200,
				data: [{ tipifycation_desc: 'Promesa de pago', wolkvox_idRecord: record }],
			});
		});
	});
});
