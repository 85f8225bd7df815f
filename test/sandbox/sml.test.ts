// The local vendor sandbox as SML (sandbox/vendors/sml/), real HTTP on 127.0.0.1.
import { demo } from '../../sandbox';
import { call, forgetSandboxRequests, sb, useSandbox } from './sandbox';

useSandbox();

describe('vendor sandbox', () => {
	afterEach(forgetSandboxRequests);

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
});
