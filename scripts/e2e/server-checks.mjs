// Checks that need the running n8n server (n8n start): an example's production trigger, called the way its
// real users call it. Each runs after the sandbox was reset.
import { checkTokenFlow } from './examples.mjs';
import { FAULT_CREDENTIAL_IDS } from './n8n.mjs';

/**
 * What run.mjs hands each check's run().
 * @typedef {{
 *   rest: any,
 *   server: any,
 *   sandbox: any,
 *   sandboxJson: (p: string) => Promise<any>,
 *   otherOrigin: any,
 *   faultCreds: any[],
 * }} ServerCheckContext
 */

/** @type {Array<{ file: string, name: string, run: (t: any, ctx: ServerCheckContext) => Promise<void> }>} */
export const SERVER_CHECKS = [
	{
		file: 'casabaca-web-form-to-landing-ticket.json',
		name: "a web form posts to the published workflow's production webhook",
		async run(t, { rest, server, sandboxJson }) {
			const id = 'exWebFormToCasabaca';
			const wf = await rest.request('GET', `/rest/workflows/${id}`);
			t.ok(
				wf.status === 200,
				'the imported workflow is readable through the REST API',
				`HTTP ${wf.status}`,
			);
			const act = await rest.request('POST', `/rest/workflows/${id}/activate`, {
				versionId: wf.json?.data?.versionId,
			});
			t.ok(
				act.status === 200 && act.json?.data?.active === true,
				'the workflow can be published (activated)',
				`HTTP ${act.status} ${act.text.slice(0, 300)}`,
			);
			// What a browser sends for an HTML <form method="post">.
			const form = new URLSearchParams({
				formulario: 'Exonerados',
				cedula: '0912345678',
				tipo_identificacion: 'C',
				nombres: 'MARÍA JOSÉ',
				apellidos: 'PAREDES LEÓN',
				email: 'maria.paredes@example.com',
				celular: '0991234567',
				concesionario: 'Cumbayá (Casabaca)',
			});
			// Publishing answers before the production webhook is registered: wait until it is (404 until then).
			let r;
			const deadline = Date.now() + 15000;
			do {
				r = await fetch(`${server.url}/webhook/casabaca-landing-form`, {
					method: 'POST',
					body: form,
				});
				if (r.status !== 404) break;
				await new Promise((done) => setTimeout(done, 250));
			} while (Date.now() < deadline);
			const answer = /** @type {any} */ (await r.json().catch(() => null));
			t.ok(
				r.status === 200 && answer && answer.ticket_id && /^TCK-\d+$/.test(answer.ticket_name),
				'POST /webhook/casabaca-landing-form answers 200 with the new ticket (Respond: last node)',
				`HTTP ${r.status} ${JSON.stringify(answer)}`,
			);
			const requests = await sandboxJson('/__sandbox/requests');
			const sent = requests.filter(
				(x) => x.vendor === 'casabaca' && x.path === '/api/landing_ticket' && x.status === 200,
			);
			t.equal(
				sent.map((x) => x.body.datosSugarCRM),
				[
					{
						formulario: 'Exonerados',
						numero_identificacion: '0912345678',
						tipo_identificacion: 'C',
						nombres: 'MARÍA JOSÉ',
						apellidos: 'PAREDES LEÓN',
						email: 'maria.paredes@example.com',
						celular: '0991234567',
						concesionario: 'Cumbayá (Casabaca)',
					},
				],
				'the sandbox received the form fields as one landing_ticket',
			);
			checkTokenFlow(t, requests, 'casabaca');
			const store = await sandboxJson('/__sandbox/store');
			t.ok(
				store.casabaca.tickets.some(
					(x) => x.id === answer?.ticket_id && x.client.email === 'maria.paredes@example.com',
				),
				'the ticket the webhook answered with is stored',
			);
			const execs = await rest.request(
				'GET',
				`/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: id }))}`,
			);
			const list = execs.json?.data?.results || execs.json?.data || [];
			t.ok(
				Array.isArray(list) && list.some((e) => e.mode === 'webhook' && e.status === 'success'),
				'n8n lists a successful webhook execution of the workflow',
				JSON.stringify(execs.json ?? execs.text).slice(0, 300),
			);
			const off = await rest.request('POST', `/rest/workflows/${id}/deactivate`, {});
			t.ok(off.status === 200, 'the workflow can be unpublished again', `HTTP ${off.status}`);
		},
	},
	{
		file: 'sml-web-form-to-lead.json',
		name: 'the same web form posted twice to the production webhook makes one SML lead',
		async run(t, { rest, server, sandboxJson }) {
			const id = 'exWebFormToSml';
			const wf = await rest.request('GET', `/rest/workflows/${id}`);
			const act = await rest.request('POST', `/rest/workflows/${id}/activate`, {
				versionId: wf.json?.data?.versionId,
			});
			t.ok(
				act.status === 200 && act.json?.data?.active === true,
				'the workflow can be published (activated)',
				`HTTP ${act.status} ${act.text.slice(0, 300)}`,
			);
			const email = 'jaime.ortega@example.com';
			const form = new URLSearchParams({
				name: 'Jaime Ortega Gil',
				email,
				phone: '622 334 455',
				vehicle: 'Kia Sportage 1.6 T-GDi',
				message: 'Quiero una oferta de financiación',
			});
			const post = () =>
				fetch(`${server.url}/webhook/sml-lead-form`, { method: 'POST', body: form });
			// Publishing answers before the production webhook is registered: wait until it is (404 until then).
			let r;
			for (const deadline = Date.now() + 15000; ;) {
				r = await post();
				if (r.status !== 404 || Date.now() > deadline) break;
				await new Promise((done) => setTimeout(done, 250));
			}
			const first = /** @type {any} */ (await r.json().catch(() => null));
			// A visitor who sends the form again (a double click, the form service retrying): one after the other.
			const r2 = await post();
			const second = /** @type {any} */ (await r2.json().catch(() => null));
			t.ok(
				r.status === 200 && first?.action === 'created' && Number.isInteger(first?.id),
				'first POST /webhook/sml-lead-form answers 200 with the new lead, action "created"',
				`HTTP ${r.status} ${JSON.stringify(first).slice(0, 300)}`,
			);
			t.ok(
				r2.status === 200 && second?.action === 'updated' && second?.id === first?.id,
				'second POST of the same form answers 200 with the same lead, action "updated"',
				`HTTP ${r2.status} ${JSON.stringify(second).slice(0, 300)}`,
			);
			const requests = await sandboxJson('/__sandbox/requests?vendor=sml');
			t.equal(
				requests
					.filter((x) => x.method === 'POST' && x.path === '/api/lead/')
					.map((x) => [x.status, x.body.client?.email]),
				[[201, email]],
				'SML received one create for the two posts',
			);
			checkTokenFlow(t, requests, 'sml');
			const store = await sandboxJson('/__sandbox/store');
			const leads = store.sml.leads.filter((l) => l.client?.email === email);
			t.equal(
				leads.map((l) => l.id),
				[first?.id],
				'after two posts of the same form the sandbox holds one lead for the client',
			);
			const off = await rest.request('POST', `/rest/workflows/${id}/deactivate`, {});
			t.ok(off.status === 200, 'the workflow can be unpublished again', `HTTP ${off.status}`);
		},
	},
	{
		file: 'faults-tour.json',
		name: "n8n's own credential test of the fault tour's credentials",
		// The editor's "Test" button runs n8n's code, not the node's: it must also show the vendor's refusal, and never
		// follow the redirect with the token.
		async run(t, { rest, sandboxJson, otherOrigin, faultCreds }) {
			const test = async (key) => {
				const c = faultCreds.find((x) => x.id === FAULT_CREDENTIAL_IDS[key][0]);
				const stored = await rest.request('GET', `/rest/credentials/${c.id}?includeData=true`);
				const r = await rest.request('POST', '/rest/credentials/test', {
					credentials: {
						id: c.id,
						name: c.name,
						type: c.type,
						data: stored.json?.data?.data ?? {},
					},
				});
				return r.json?.data ?? { status: `HTTP ${r.status}`, message: r.text.slice(0, 300) };
			};
			for (const [key, vendor, words] of [
				[
					'smlWrongPassword',
					'sml',
					'No se puede iniciar sesión con las credenciales proporcionadas.',
				],
				['casabacaWrongPassword', 'casabaca', 'Password incorrecto'],
			]) {
				const result = await test(key);
				t.ok(
					result.status === 'Error' && String(result.message).includes(words),
					`credential ${FAULT_CREDENTIAL_IDS[key][1]}: the test fails with the vendor's words`,
					JSON.stringify(result),
				);
				const logins = (await sandboxJson(`/__sandbox/requests?vendor=${vendor}`)).length;
				t.equal(
					logins,
					1,
					`credential ${FAULT_CREDENTIAL_IDS[key][1]}: the test sent one request, the refused login`,
				);
			}
			const redirected = await test('wolkvoxRedirect');
			t.ok(
				redirected.status !== 'OK',
				`credential ${FAULT_CREDENTIAL_IDS.wolkvoxRedirect[1]}: the test does not pass`,
				JSON.stringify(redirected),
			);
			t.equal(
				otherOrigin.requests.length,
				0,
				`credential ${FAULT_CREDENTIAL_IDS.wolkvoxRedirect[1]}: the other host received nothing from the test`,
			);
		},
	},
];
