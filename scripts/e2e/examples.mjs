// What each example workflow must do when n8n runs it against the sandbox: the run's output and what the
// sandbox received. Keyed by the example file name; an example without an entry here fails the e2e run
// (every example must be checked).
import { nodeOutput, WRONG_PASSWORDS } from './n8n.mjs';

const OPERATION = 'demo_operation';
const WOLKVOX_TOKEN = 'wolkvox-demo-internal-token';
const WOLKVOX_EXTERNAL_TOKEN = 'wolkvox-demo-external-token';

const wolkvoxCalls = (requests, file) =>
	requests.filter((r) => r.vendor === 'wolkvox' && r.path === `/server/API/v2/${file}`);

const LOGIN = { sml: '/api/auth/login/', casabaca: '/api/login' };
const rejected = (vendor, r) =>
	vendor === 'sml'
		? r.status === 401
		: r.status === 500 && r.response && r.response.message === 'Unauthenticated.';

/**
 * The token rules of DESIGN.md, as n8n runs them: a vendor logs in at most once per run; a request whose token the
 * vendor rejects (SML: HTTP 401; Casabaca: HTTP 500 "Unauthenticated.", e.g. a token n8n stored in an earlier run)
 * is followed by one login and the same request again; every other request carries the stored token.
 */
export function checkTokenFlow(t, requests, vendor) {
	const calls = requests.filter((r) => r.vendor === vendor);
	const logins = calls.filter((r) => r.path === LOGIN[vendor]);
	t.ok(
		logins.length <= 1,
		`${vendor}: at most one login in the run (the token is stored and reused)`,
		`${logins.length} logins`,
	);
	let ok = true;
	calls.forEach((r, i) => {
		if (!rejected(vendor, r)) return;
		const next = calls[i + 1];
		const retry = calls[i + 2];
		if (!(
			next &&
			next.path === LOGIN[vendor] &&
			retry &&
			retry.method === r.method &&
			retry.path === r.path &&
			JSON.stringify(retry.body) === JSON.stringify(r.body)
		))
			ok = false;
	});
	t.ok(
		ok,
		`${vendor}: a request with a rejected token is followed by one login and the same request`,
	);
	const scheme = vendor === 'sml' ? /^Token [0-9a-f]{40}$/ : /^Bearer \d+\|\w{40}$/;
	t.ok(
		calls
			.filter((r) => r.path !== LOGIN[vendor])
			.every((r) => scheme.test(r.headers.authorization || '')),
		`${vendor}: every other request carries the token (${vendor === 'sml' ? 'Authorization: Token' : 'Authorization: Bearer'})`,
	);
	return { logins: logins.length, rejections: calls.filter((r) => rejected(vendor, r)).length };
}

export const EXAMPLE_CHECKS = {
	'casabaca-web-form-to-landing-ticket.json': {
		summary:
			'Web form (webhook; here its sample-submission trigger) -> SugarCRM Casabaca landing-page ticket',
		// n8n keeps the Casabaca token between executions: run it again with the sandbox's tokens revoked.
		reruns: [
			{
				before: '/__sandbox/revoke-tokens',
				name: 'again, after the sandbox rejected the stored token',
			},
		],
		verify(t, { run, requests, store }) {
			const sample = (nodeOutput(run, 'Sample submission') || [])[0]?.body;
			t.ok(sample && sample.cedula, 'the sample submission has the form fields');
			const calls = requests.filter(
				(r) => r.vendor === 'casabaca' && r.path === '/api/landing_ticket',
			);
			const sent = calls.filter((r) => r.status === 200);
			t.equal(sent.length, 1, 'one landing_ticket request succeeded');
			t.equal(
				sent[0]?.body,
				{
					datosSugarCRM: {
						formulario: sample.formulario,
						numero_identificacion: sample.cedula,
						tipo_identificacion: sample.tipo_identificacion,
						nombres: sample.nombres,
						apellidos: sample.apellidos,
						email: sample.email,
						celular: sample.celular,
						concesionario: sample.concesionario,
					},
				},
				'POST /api/landing_ticket carries the form fields under datosSugarCRM',
			);
			checkTokenFlow(t, requests, 'casabaca');
			const out = nodeOutput(run, 'Create landing-page ticket') || [];
			t.equal(out.length, 1, 'Create landing-page ticket outputs one item');
			t.equal(
				Object.keys(out[0] || {}).sort(),
				['interaction_id', 'ticket_id', 'ticket_name', 'ticket_url'],
				"the output is the answer's data (ticket_id, ticket_name, interaction_id, ticket_url)",
			);
			const ticket = store.casabaca.tickets.find((x) => x.id === out[0]?.ticket_id);
			t.ok(
				ticket &&
					ticket.source === 'landing_ticket' &&
					ticket.client.email === sample.email &&
					ticket.formulario === sample.formulario,
				'the sandbox stored the ticket with the client and the form name',
			);
		},
		verifyRerun(t, { requests }) {
			const c = checkTokenFlow(t, requests, 'casabaca');
			t.equal(
				c,
				{ logins: 1, rejections: 1 },
				'the rejected stored token (HTTP 500 Unauthenticated.) led to exactly one new login and one retry',
			);
		},
	},
	'wolkvox-case-to-casabaca-prospect.json': {
		summary: 'Chain: wolkvox case -> SugarCRM Casabaca ticket -> Casabaca prospect',
		verify(t, { run, requests, store, initialStore }) {
			const kase = initialStore.wolkvox.cases.find((c) => c.idPrefijo === 'CAS-0001');
			t.ok(kase, 'the sandbox starts with case CAS-0001');
			const q = wolkvoxCalls(requests, 'cases/queryCases.php');
			t.equal(
				q.map((r) => r.body),
				[{ operation: OPERATION, field: 'idPrefijo', value: 'CAS-0001' }],
				'wolkvox was asked for the case by idPrefijo',
			);
			t.ok(
				q.every((r) => r.headers['wolkvox-token'] === WOLKVOX_TOKEN),
				'with the Wolkvox-Token header',
			);
			const found = nodeOutput(run, 'Find the wolkvox case') || [];
			t.equal(
				found.map((c) => c.wolkvox_id),
				[kase?.wolkvox_id],
				'Find the wolkvox case outputs that case, one item',
			);

			const tickets = requests.filter(
				(r) => r.vendor === 'casabaca' && r.path === '/api/tickets' && r.status === 200,
			);
			t.equal(tickets.length, 1, 'one Casabaca ticket (interaction) created');
			const d = tickets[0]?.body?.datosSugarCRM || {};
			t.equal(
				[
					d.email,
					d.nombres,
					d.apellidos,
					d.celular,
					d.numero_identificacion,
					d.id_interaccion_inconcert,
					d.comentario_cliente,
				],
				[
					kase.contact,
					'Andrés',
					'Gómez',
					kase.contact_phone,
					kase.contact_identification,
					'wolkvox-CAS-0001',
					kase.description,
				],
				"the ticket carries the case's contact and description",
			);
			const ticketOut = (nodeOutput(run, 'Open Casabaca ticket') || [])[0];
			const quotes = requests.filter((r) => r.vendor === 'casabaca' && r.path === '/api/quotation');
			t.equal(quotes.length, 1, 'one quotation request');
			const qd = quotes[0]?.body?.datosSugarCRM || {};
			t.equal(qd.ticket_id, ticketOut?.ticket_id, 'the prospect refers to the ticket just created');
			t.equal(
				[qd.modelo, qd.client?.gender, qd.client?.email, qd.client?.names, qd.client?.surnames],
				[kase.form.Modelo, kase.form.Genero, kase.contact, 'Andrés', 'Gómez'],
				'the prospect carries the model and the client from the case',
			);
			t.equal(
				quotes[0]?.body?.datos_adicionales,
				{ wolkvox_case: 'CAS-0001', wolkvox_id: kase.wolkvox_id },
				'datos_adicionales links the prospect to the wolkvox case',
			);
			checkTokenFlow(t, requests, 'casabaca');
			const prospect = (nodeOutput(run, 'Create Casabaca prospect') || [])[0];
			t.ok(
				prospect &&
					/^https:\/\/sugarcrm\.casabaca\.com\/#cbp_Prospeccion\//.test(prospect.prospeccion_url),
				'Create Casabaca prospect outputs prospeccion_id and prospeccion_url',
			);
			const stored = store.casabaca.prospects.find((p) => p.id === prospect?.prospeccion_id);
			t.ok(
				stored && stored.ticket_id === ticketOut?.ticket_id && stored.source === 'quotation',
				'the sandbox stored the prospect on that ticket',
			);
		},
	},
	'sml-new-leads-to-wolkvox-cases.json': {
		summary:
			'SML Trigger: a new SML lead -> wolkvox contact + case -> SML lead in commercial management',
		// A polling trigger runs only in an active workflow: scripts/e2e/trigger-checks.mjs activates it in `n8n start`,
		// makes this lead appear at the sandbox, and calls verify with the one execution it started.
		trigger: { appear: '/__sandbox/appear/sml/lead' },
		verify(t, { run, requests, store, made }) {
			const leads = nodeOutput(run, 'New SML lead') || [];
			t.equal(
				leads.map((l) => l.id),
				[made.id],
				'the SML Trigger emitted exactly the lead that appeared, one item',
			);
			const list = requests.filter(
				(r) => r.vendor === 'sml' && r.method === 'GET' && r.path === '/api/lead/',
			);
			t.ok(
				list.length >= 2 && list.every((r) => r.query.status === 'new' && r.query.page === '1'),
				'each poll asked SML for the leads with status=new (first page)',
			);
			checkTokenFlow(t, requests, 'sml');

			const contacts = wolkvoxCalls(requests, 'custom/insert.php');
			t.equal(
				contacts.map((r) => [r.body.operation, r.body.module, r.body.fields.emailcontact]),
				[[OPERATION, 'contacts', made.client.email]],
				"one wolkvox contact insert, with the lead's client e-mail",
			);
			const cases = wolkvoxCalls(requests, 'cases/insert.php');
			t.equal(cases.length, 1, 'one wolkvox case insert');
			t.ok(
				cases.every((r) => r.bodyKind === 'multipart' || r.bodyKind === 'form'),
				'cases/insert.php is sent as form data',
			);
			t.ok(
				cases.every(
					(r) =>
						r.body.operation === OPERATION &&
						r.body['case-type'] === 'Request' &&
						r.body.status === 'open' &&
						r.body.contact === made.client.email,
				),
				"case fields as set in the workflow, for the lead's client",
			);
			t.equal(
				cases.map((r) => JSON.parse(r.body.form || '{}').Subject),
				[`SML lead ${made.id}`],
				'the case form carries the Subject',
			);
			t.ok(
				requests
					.filter((r) => r.vendor === 'wolkvox')
					.every((r) => r.headers['wolkvox-token'] === WOLKVOX_TOKEN && r.response.code === 200),
				'every wolkvox request carries the Wolkvox-Token header and was accepted',
			);

			const opened = nodeOutput(run, 'Open wolkvox case') || [];
			t.ok(
				opened.length === 1 &&
					/^[0-9a-f]{24}$/.test(opened[0].wolkvox_id) &&
					/^CAS-\d{4}$/.test(opened[0].idPrefijo),
				"Open wolkvox case outputs the new case's wolkvox_id and idPrefijo",
			);
			t.equal(
				store.wolkvox.cases
					.filter((c) => c.description.startsWith('SML lead '))
					.map((c) => c.contact),
				[made.client.email],
				"the sandbox stored one case, for the lead's client",
			);

			const status = requests.filter(
				(r) =>
					r.vendor === 'sml' &&
					r.method === 'PATCH' &&
					/^\/api\/lead\/\d+\/change_status\/$/.test(r.path),
			);
			t.equal(
				status.map((r) => [r.path, r.body]),
				[[`/api/lead/${made.id}/change_status/`, { status: 'commercial_management' }]],
				'one change_status, for that lead',
			);
			t.equal(
				store.sml.leads.find((l) => l.id === made.id)?.status,
				'commercial_management',
				'the lead is in commercial_management afterwards',
			);
		},
	},
};

// scripts/e2e/workflows/operations-tour.json: more operations of each node, not a user example.
EXAMPLE_CHECKS['operations-tour.json'] = {
	summary:
		'more operations of each node: SML lead/task life cycle, Casabaca advisors/PDF/landing page, wolkvox records/activities/obligations/notes history/token',
	verify(t, { run, requests, store }) {
		const runData = run.data.resultData.runData;
		const failed = Object.entries(runData)
			.filter(([, r]) => r[0].executionStatus !== 'success')
			.map(([n]) => n);
		t.equal(failed, [], 'every node of the tour succeeded');
		const sml = requests.filter((r) => r.vendor === 'sml');
		const lead = (nodeOutput(run, 'SML create lead') || [])[0];
		t.ok(
			lead &&
				lead.status === 'new' &&
				lead.client?.name === 'Cliente Tour' &&
				lead.note?.[0]?.content === 'Primera nota',
			'SML create lead: 201 lead with client and note',
		);
		const patch = sml.find((r) => r.method === 'PATCH' && r.path === `/api/lead/${lead?.id}/`);
		const readBefore = sml.findIndex(
			(r) => r.method === 'GET' && r.path === `/api/lead/${lead?.id}/`,
		);
		t.ok(
			readBefore >= 0 && readBefore < sml.indexOf(patch),
			'SML update lead (merge) reads the lead before the PATCH',
		);
		t.equal(
			patch?.body,
			{ score: '4', client: { id: lead?.client?.id, name: 'Cliente Tour Renombrado' } },
			"the PATCH carries the client's current id, so SML updates it instead of replacing it",
		);
		const stored = store.sml.leads.find((l) => l.id === lead?.id);
		t.ok(
			stored &&
				stored.client.id === lead.client.id &&
				stored.client.name === 'Cliente Tour Renombrado' &&
				stored.client.email === 'tour@example.com' &&
				stored.score === '4',
			'the stored lead kept its client (same id, e-mail kept) with the new name',
		);
		const task = (nodeOutput(run, 'SML create task') || [])[0];
		t.ok(
			task && task.lead === lead?.id && task.appraisal?.brand_model === 'Toyota Yaris',
			'SML create task: an appraisal task on the lead',
		);
		t.ok(
			sml.some(
				(r) => r.method === 'PATCH' && r.path === `/api/task/${task?.id}/` && r.status === 200,
			),
			'SML update task: PATCH /api/task/{id}/',
		);
		t.ok(
			sml.some(
				(r) => r.method === 'DELETE' && r.path === `/api/task/${task?.id}/` && r.status === 204,
			),
			'SML delete task: DELETE answered 204',
		);
		t.equal(
			nodeOutput(run, 'SML click2call'),
			[{ id: 1, lead: lead?.id, call_control: 135, user: 2 }],
			'SML click2call outputs the documented answer',
		);
		const history = nodeOutput(run, 'SML history') || [];
		t.equal(
			history.length,
			store.sml.history[String(lead?.id)]?.length,
			'SML history: one item per history entry (all pages)',
		);

		const cb = requests.filter((r) => r.vendor === 'casabaca');
		t.ok(
			cb.some((r) => r.path === '/api/asesores' && r.query.medio === '11'),
			'Casabaca advisors: GET /api/asesores?medio=11 (n8n sends no body on a GET)',
		);
		t.equal(
			(nodeOutput(run, 'Casabaca advisors') || []).length,
			3,
			'Casabaca advisors: one item per advisor',
		);
		const pdfRun = runData['Casabaca appraisal PDF']?.[0]?.data?.main?.[0]?.[0];
		const bin = pdfRun?.binary?.data;
		t.ok(
			bin &&
				bin.mimeType === 'application/pdf' &&
				bin.fileName === 'avaluo-1.pdf' &&
				bin.fileExtension === 'pdf',
			'Casabaca appraisal PDF: binary "data" holds avaluo-1.pdf (application/pdf)',
			JSON.stringify(bin),
		);
		const landing = cb.find((r) => r.path === '/api/create_landing_page');
		t.ok(
			landing &&
				JSON.parse(landing.body.datosSugarCRM.properties_form)[0].label === 'Tipo de discapacidad',
			'Casabaca landing page: properties_form is sent as a JSON string',
		);
		t.equal(
			nodeOutput(run, 'Casabaca landing page'),
			[{ status_code: '200', messsage: 'Landing Page creada correctamente' }],
			"Casabaca landing page: the answer's data",
		);

		const caseUpdate = wolkvoxCalls(requests, 'cases/update.php')[0];
		const caseId = (nodeOutput(run, 'wolkvox find case') || [])[0]?.wolkvox_id;
		t.equal(
			caseUpdate && {
				id: caseUpdate.body['wolkvox-id'],
				type: caseUpdate.body['case-type'],
				form: caseUpdate.body.form,
				files: caseUpdate.files.map((f) => [f.field, f.filename, f.contentType, f.size > 0]),
			},
			{
				id: caseId,
				type: 'Request',
				form: '{"Avaluo":"1"}',
				files: [['file', 'avaluo-1.pdf', 'application/pdf', true]],
			},
			'wolkvox update case: form-data with wolkvox-id, form as JSON text and the PDF from Casabaca as its file part',
		);
		const updatedCase = (store.wolkvox.cases || []).find((c) => c.wolkvox_id === caseId);
		t.ok(
			updatedCase?.responsible === 'agent11@demo_operation' &&
				updatedCase.attachments?.some((a) => a.name === 'avaluo-1.pdf'),
			'wolkvox update case: the sandbox case has the new responsible and the PDF attached',
			JSON.stringify(updatedCase),
		);
		const wv = requests.filter((r) => r.vendor === 'wolkvox');
		const notesCalls = wolkvoxCalls(requests, 'cases/listHistoryNote.php');
		t.ok(
			wv.every((r) => r.response.code == 200),
			'wolkvox: every call was accepted',
		);
		t.ok(
			wv
				.filter((r) => !notesCalls.includes(r))
				.every((r) => r.headers['wolkvox-token'] === WOLKVOX_TOKEN),
			'wolkvox: every call but the notes history carries the Internal token',
		);
		t.ok(
			notesCalls.length === 1 && notesCalls[0].headers['wolkvox-token'] === WOLKVOX_EXTERNAL_TOKEN,
			"wolkvox notes history: sent with the credential's External token",
		);
		t.equal(
			notesCalls[0]?.body,
			{ operation: OPERATION, field: 'type case', value: 'Request', limit: 5 },
			'wolkvox notes history: field, value and limit',
		);
		t.ok(
			(nodeOutput(run, 'wolkvox notes history') || []).length >= 1,
			'wolkvox notes history: the demo case comes back',
		);
		const recordId = (nodeOutput(run, 'wolkvox insert record') || [])[0]?.wolkvox_id;
		t.equal(
			wolkvoxCalls(requests, 'custom/update.php').map((r) => r.body),
			[
				{
					operation: OPERATION,
					module: 'Ventas',
					'wolkvox-id': recordId,
					fields: { Categoria: 'Empanadas' },
				},
			],
			'wolkvox update record: wolkvox-id and fields',
		);
		t.equal(
			(nodeOutput(run, 'wolkvox search records') || []).map((r) => [r.wolkvox_id, r.Categoria]),
			[[recordId, 'Empanadas']],
			'wolkvox search records finds the updated record',
		);
		const activity = wolkvoxCalls(requests, 'custom/insert.php').find(
			(r) => r.body.module === 'wolkvox_activities',
		);
		t.ok(
			activity &&
				activity.body.type === 'call' &&
				activity.body.fields.completion_date === '2030-07-30 10:00:00' &&
				activity.body.fields.phone?.value === '3001234567',
			'wolkvox call activity: type call, dates as Y-m-d H:i:s, phone object',
			JSON.stringify(activity?.body),
		);
		t.ok(
			!store.wolkvox.modules.Ventas?.some((r) => r.wolkvox_id === recordId),
			'wolkvox delete record: the record is gone',
		);
		const meeting = wolkvoxCalls(requests, 'custom/insert.php').find(
			(r) => r.body.type === 'meeting',
		);
		t.equal(
			meeting?.body.fields && [
				meeting.body.module,
				meeting.body.fields.id_record,
				meeting.body.fields.start_date,
				meeting.body.fields.participants,
			],
			[
				'wolkvox_activities',
				recordId,
				'2030-08-01 11:00:00',
				['agent10@demo_operation', 'agent11@demo_operation'],
			],
			'wolkvox meeting activity: type meeting on the record, start as Y-m-d H:i:s, participants as a list',
		);
		const debtorId = (nodeOutput(run, 'wolkvox find debtor') || [])[0]?.wolkvox_id;
		const obligationCalls = wolkvoxCalls(requests, 'collections/insertObligation.php');
		t.equal(
			obligationCalls.map((r) => r.method),
			['POST', 'PUT'],
			'wolkvox obligations: inserted with POST, updated with PUT',
		);
		const obligation = store.wolkvox.obligations.find(
			(o) => o.wolkvox_id === debtorId && o.fields.id === 'obl-tour',
		);
		t.ok(
			debtorId &&
				obligation?.fields.name === 'Factura tour' &&
				obligation.fields.days_delay === '40' &&
				obligation.fields.form?.[0]?.value === 'Mensual',
			'wolkvox obligations: the sandbox holds the inserted obligation with its update',
			JSON.stringify(obligation),
		);
		const usage = (nodeOutput(run, 'wolkvox token usage') || [])[0];
		t.equal(
			usage?.token_use_today,
			wv.length,
			'wolkvox token usage counts every call of the run, itself included',
		);
	},
};

// scripts/e2e/workflows/faults-tour.json: what the transport promises when things go wrong, proven in the real n8n
// (test/faults/transport.test.ts proves it with n8n-core, but only imitates n8n's CredentialsHelper). Five items
// through each node, every node set to "On Error: Continue", so the run succeeds and outputs one error item per item.
const FAULT_ITEMS = 5;
const REFUSED_LOGINS = [
	{
		node: 'SML get lead, wrong password',
		vendor: 'sml',
		credential: 'smlApi',
		error: 'SML login failed: No se puede iniciar sesión con las credenciales proporcionadas.',
	},
	{
		node: 'Casabaca get appraisal, wrong password',
		vendor: 'casabaca',
		credential: 'sugarCrmCasabacaApi',
		error: 'SugarCRM Casabaca login failed: Password incorrecto',
	},
];
const REDIRECTED = 'wolkvox search, redirected to another host';
const HTML_ANSWER = 'wolkvox token usage, HTML page';

/** The node's output items as [json, paired input item]: the error items must stay paired with their inputs. */
const outputWithPairing = (run, node) =>
	(run.data.resultData.runData[node]?.[0]?.data?.main?.[0] || []).map((i) => [
		i.json,
		i.pairedItem?.item ?? i.pairedItem,
	]);
const eachItem = (json) => Array.from({ length: FAULT_ITEMS }, (_, i) => [json, i]);

EXAMPLE_CHECKS['faults-tour.json'] = {
	summary:
		'faults in the real n8n: wrong SML and Casabaca passwords over 5 items, a redirect to another host, an HTML answer',
	verify(t, { run, requests, otherOrigin }) {
		t.equal(
			nodeOutput(run, 'Five items')?.length,
			FAULT_ITEMS,
			`the Code node makes ${FAULT_ITEMS} items`,
		);

		// (a) A refused login is tried once per execution and credential: the later items fail with the same words
		// without a new login. It relies on the error's loginRefused mark surviving n8n's CredentialsHelper.
		for (const f of REFUSED_LOGINS) {
			const calls = requests.filter((r) => r.vendor === f.vendor);
			const logins = calls.filter((r) => r.path === LOGIN[f.vendor]);
			t.equal(
				logins.length,
				1,
				`${f.node}: the sandbox received exactly one login in the run, not one per item`,
			);
			t.ok(
				logins.every((r) => r.body?.password === WRONG_PASSWORDS[f.credential] && r.status >= 400),
				`${f.node}: that login carried the wrong password and was refused`,
				JSON.stringify(logins.map((r) => [r.status, r.response])),
			);
			t.equal(
				calls.length - logins.length,
				0,
				`${f.node}: no request without a token followed the refused login`,
			);
			t.equal(
				outputWithPairing(run, f.node),
				eachItem({ error: f.error }),
				`${f.node}: each of the ${FAULT_ITEMS} items has an error item with the vendor's words`,
			);
		}

		// (b) A redirect to another host is not followed: the node names the host, the host receives nothing.
		const faults = requests.filter((r) => r.vendor === 'fault');
		const redirects = faults.filter((r) => r.path.startsWith('/__sandbox/redirect/'));
		t.ok(
			redirects.length === FAULT_ITEMS &&
				redirects.every((r) => r.status === 302 && r.method === 'POST'),
			`${REDIRECTED}: the sandbox answered each item's POST with HTTP 302 to another host`,
			JSON.stringify(redirects.map((r) => [r.method, r.status])),
		);
		t.ok(
			redirects.every((r) => r.headers['wolkvox-token'] === WOLKVOX_TOKEN),
			`${REDIRECTED}: the redirected requests carried the token (what must not follow the redirect)`,
		);
		t.equal(
			otherOrigin.requests.length,
			0,
			`${REDIRECTED}: the other host (${otherOrigin.url}) received no request at all`,
		);
		const redirectError = `wolkvox CRM: POST /server/API/v2/custom/query.php: the server redirected the request (HTTP 302) to another host, ${otherOrigin.url}; it was not followed, so no credential was sent there. If the vendor has moved, put its new address in the credential.`;
		t.equal(
			outputWithPairing(run, REDIRECTED),
			eachItem({ error: redirectError }),
			`${REDIRECTED}: each item's error names the other host and says it was not followed`,
		);

		// (c) An HTTP 200 HTML page where JSON was expected fails the item instead of being output as data.
		const pages = faults.filter((r) => r.path.startsWith('/__sandbox/html/'));
		t.ok(
			pages.length === FAULT_ITEMS && pages.every((r) => r.status === 200),
			`${HTML_ANSWER}: the sandbox answered each item with HTTP 200 and an HTML page`,
			JSON.stringify(pages.map((r) => [r.method, r.status])),
		);
		const out = outputWithPairing(run, HTML_ANSWER);
		t.ok(
			out.length === FAULT_ITEMS &&
				out.every(
					([json, item], i) =>
						item === i &&
						Object.keys(json).join() === 'error' &&
						/^wolkvox CRM: GET \/server\/API\/v2\/token\/tokenInformation\.php: the answer was an HTML or XML page, where JSON was expected: "<!DOCTYPE html> <html>/.test(
							json.error,
						),
				),
			`${HTML_ANSWER}: each item's error says the answer was an HTML page, with its first words`,
			JSON.stringify(out).slice(0, 500),
		);
	},
};

// ---- Create or Update (issue 21): workflows that can run twice without creating twice ----

const SYNC_NODE = 'Create or update wolkvox contact';
const lower = (s) => String(s ?? '').toLowerCase();
/** The wolkvox contacts of a sandbox store, and how many of them carry each of `emails` (e-mail field, any case). */
function contactsByEmail(store, emails) {
	const contacts = store.wolkvox.modules.contacts || [];
	return {
		total: contacts.length,
		counts: emails.map((e) => contacts.filter((c) => lower(c.emailcontact) === lower(e)).length),
	};
}
/** The SML leads the sync reads: status new, with a client e-mail (the workflow's filter). */
const syncedLeads = (store) =>
	store.sml.leads.filter((l) => l.status === 'new' && l.client && l.client.email);

EXAMPLE_CHECKS['sml-leads-to-wolkvox-contacts-sync.json'] = {
	summary:
		'Scheduled sync: SML leads with status new -> wolkvox Record > Create or Update into contacts, matched on emailcontact; run twice',
	// The second run starts from what the first one left (no sandbox reset in between): it must find every contact.
	reruns: [{ name: 'a second time, on what the first run left' }],
	verify(t, { run, requests, store, initialStore }) {
		const leads = syncedLeads(initialStore);
		const emails = leads.map((l) => l.client.email);
		t.ok(leads.length >= 2, `the sandbox starts with ${leads.length} new SML leads with an e-mail`);
		const list = requests.filter(
			(r) => r.vendor === 'sml' && r.method === 'GET' && r.path === '/api/lead/',
		);
		t.ok(
			list.length >= 1 && list.every((r) => r.query.status === 'new'),
			'SML Get Many asked for the leads with status=new',
		);
		t.equal(
			(nodeOutput(run, 'New SML leads') || []).map((l) => l.id).sort(),
			leads.map((l) => l.id).sort(),
			'SML Get Many output every new lead, one item each',
		);
		const queries = wolkvoxCalls(requests, 'custom/query.php');
		t.equal(
			queries.map((r) => [r.body.module, r.body.field, lower(r.body.value)]).sort(),
			emails.map((e) => ['contacts', 'emailcontact', lower(e)]).sort(),
			'one wolkvox query per lead: module contacts, field emailcontact, the lead e-mail',
		);
		const inserts = wolkvoxCalls(requests, 'custom/insert.php');
		t.equal(
			inserts.map((r) => [r.body.module, lower(r.body.fields?.emailcontact)]).sort(),
			emails.map((e) => ['contacts', lower(e)]).sort(),
			'first run: one insert per lead (none of them was a wolkvox contact yet)',
		);
		t.equal(wolkvoxCalls(requests, 'custom/update.php').length, 0, 'first run: no update');
		const out = nodeOutput(run, SYNC_NODE) || [];
		t.equal(
			out.map((o) => o.action),
			emails.map(() => 'created'),
			`${SYNC_NODE} outputs one item per lead, each with action "created"`,
		);
		t.ok(
			out.every((o) => typeof o.wolkvox_id === 'string' && o.wolkvox_id.length > 0),
			'each output item carries the wolkvox_id of its contact',
			JSON.stringify(out[0]),
		);
		const after = contactsByEmail(store, emails);
		const before = contactsByEmail(initialStore, emails);
		t.equal(
			after.counts,
			emails.map(() => 1),
			'the sandbox holds one contact per lead e-mail',
		);
		t.equal(
			after.total,
			before.total + emails.length,
			`contacts: ${before.total} before, ${before.total + emails.length} after (one per lead)`,
		);
		checkTokenFlow(t, requests, 'sml');
	},
	verifyRerun(t, { run, requests, store, initialStore }) {
		const emails = syncedLeads(initialStore).map((l) => l.client.email);
		const out = nodeOutput(run, SYNC_NODE) || [];
		t.ok(
			out.length === emails.length &&
				out.every((o) => o.action === 'updated' || o.action === 'unchanged'),
			`second run: ${out.length} items, every action "updated" or "unchanged" (${[...new Set(out.map((o) => o.action))].join(', ')})`,
			JSON.stringify(out.map((o) => [o.action, o.matchedBy])),
		);
		t.equal(
			wolkvoxCalls(requests, 'custom/insert.php').length,
			0,
			'second run: no wolkvox insert at all',
		);
		t.equal(
			wolkvoxCalls(requests, 'custom/query.php').length,
			emails.length,
			'second run: one query per lead',
		);
		const after = contactsByEmail(store, emails);
		const before = contactsByEmail(initialStore, emails);
		t.equal(
			after.counts,
			emails.map(() => 1),
			`after both runs: still one contact per lead e-mail (${emails.length} contacts, not ${2 * emails.length})`,
		);
		t.equal(
			after.total,
			before.total + emails.length,
			'after both runs: no other contact appeared',
		);
	},
};

const FORM_NODE = 'Create or update SML lead';
/** The sample submission's fields as the workflow's Set node gives them. */
const formSample = (run) => (nodeOutput(run, 'Sample submission') || [])[0]?.body || {};
/** The lead the first run created: the second run must update that one. */
let formLeadId;
const leadsOf = (store, email) =>
	store.sml.leads.filter((l) => lower(l.client?.email) === lower(email));

EXAMPLE_CHECKS['sml-web-form-to-lead.json'] = {
	summary: 'Web form (its sample-submission trigger) -> SML Lead > Create or Update; posted twice',
	reruns: [{ name: 'the same submission again' }],
	verify(t, { run, requests, store, initialStore }) {
		const sample = formSample(run);
		t.ok(sample.email && sample.vehicle, 'the sample submission has the form fields');
		t.equal(
			leadsOf(initialStore, sample.email).length,
			0,
			'the sandbox starts without that client',
		);
		const sml = requests.filter((r) => r.vendor === 'sml');
		const lookups = sml.filter((r) => r.method === 'GET' && r.path === '/api/lead/');
		t.ok(
			lookups.length >= 1 &&
				lookups.every((r) => lower(r.query.client__email__icontains) === lower(sample.email)),
			"the lookup asked SML for the leads of the client's e-mail (client__email__icontains)",
			JSON.stringify(lookups.map((r) => r.query)),
		);
		const creates = sml.filter((r) => r.method === 'POST' && r.path === '/api/lead/');
		t.equal(
			creates.map((r) => [
				r.status,
				r.body.source,
				r.body.vehicle?.brand_model,
				r.body.client && Object.fromEntries(Object.entries(r.body.client).sort()),
			]),
			[[201, 3, sample.vehicle, { email: sample.email, name: sample.name, phone: sample.phone }]],
			'one POST /api/lead/ with the form fields (source 3, the web form), answered 201',
		);
		const out = nodeOutput(run, FORM_NODE) || [];
		t.ok(
			out.length === 1 && out[0].action === 'created' && Number.isInteger(out[0].id),
			`${FORM_NODE} outputs the new lead with action "created"`,
			JSON.stringify(out).slice(0, 300),
		);
		t.equal(leadsOf(store, sample.email).length, 1, 'the sandbox holds one lead for the client');
		checkTokenFlow(t, requests, 'sml');
		formLeadId = out[0]?.id;
	},
	verifyRerun(t, { run, requests, store }) {
		const sample = formSample(run);
		const sml = requests.filter((r) => r.vendor === 'sml');
		t.equal(
			sml.filter((r) => r.method === 'POST' && r.path === '/api/lead/').length,
			0,
			'second submission: no POST /api/lead/',
		);
		const out = nodeOutput(run, FORM_NODE) || [];
		t.ok(
			out.length === 1 && out[0].action === 'updated' && out[0].id === formLeadId,
			`second submission: the same lead (${formLeadId}), action "updated"`,
			JSON.stringify(out.map((o) => [o.id, o.action, o.matchedBy])),
		);
		const patch = sml.filter((r) => r.method === 'PATCH' && r.path === `/api/lead/${formLeadId}/`);
		t.ok(
			patch.length === 1 && patch[0].status === 200 && Number.isInteger(patch[0].body.client?.id),
			"second submission: one PATCH of that lead, carrying its client's id (kept, not replaced)",
			JSON.stringify(patch.map((r) => [r.status, r.body])).slice(0, 400),
		);
		const leads = leadsOf(store, sample.email);
		t.equal(leads.length, 1, 'after two submissions: one lead for the client');
	},
};
