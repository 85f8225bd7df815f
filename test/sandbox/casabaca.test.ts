// The local vendor sandbox as SugarCRM Casabaca (sandbox/vendors/casabaca/), real HTTP on 127.0.0.1.
import { demo } from '../../sandbox';
import { call, forgetSandboxRequests, useSandbox } from './sandbox';

useSandbox();

describe('vendor sandbox', () => {
	afterEach(forgetSandboxRequests);

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
});
