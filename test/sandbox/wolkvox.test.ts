// The local vendor sandbox as wolkvox CRM (sandbox/vendors/wolkvox/), real HTTP on 127.0.0.1.
import { demo } from '../../sandbox';
import { call, forgetSandboxRequests, useSandbox } from './sandbox';

useSandbox();

describe('vendor sandbox', () => {
	afterEach(forgetSandboxRequests);

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
