// The workflow the queue-mode test calls: Webhook → SML Create Lead → wolkvox CRM Insert (custom record) →
// SugarCRM Casabaca ticket (Create From Landing Page) → the answer. Every call carries a unique marker that each vendor
// stores (SML: the client's e-mail; wolkvox: the record's field `marker`; Casabaca: the ticket client's e-mail), so the
// sandbox can tell, per call, how many records each vendor received. Node parameters as in
// scripts/e2e/workflows/operations-tour.json and examples/casabaca-web-form-to-landing-ticket.json.

export const WEBHOOK_PATH = 'scale-lead';
export const WOLKVOX_MODULE = 'scale_leads';

const PKG = 'n8n-nodes-casabaca-wolkvox-sml';
const body = (field) => `={{ $('Webhook').item.json.body.${field} }}`;

/** The body of call number i: the marker, and the data the vendors need (valid e-mail, numeric phone). */
export function callBody(marker, i) {
	return {
		marker,
		email: `${marker}@example.com`,
		phone: `09${String(i).padStart(8, '0')}`,
		name: `Scale ${marker}`,
	};
}

/** A marker: `scale-<run tag>-<phase letter><call number>`. */
export const newMarker = (runTag, phase, i) => `scale-${runTag}-${phase}${i}`;
/** The markers of one phase in a text (an execution's stored data). */
export const phaseMarkers = (phase) => new RegExp(`scale-[0-9a-f]+-${phase}\\d+`, 'g');
const fromEmail = (email) => /^(scale-[0-9a-f]+-[a-z]\d+)@example\.com$/.exec(email ?? '')?.[1];

/** The marker of a record in each vendor's store or request body (undefined when it is not one of the test's). */
export const markerOf = {
	smlLead: (lead) => fromEmail(lead?.client?.email),
	wolkvoxRecord: (rec) => rec?.marker,
	casabacaTicket: (ticket) => fromEmail(ticket?.client?.email),
	email: fromEmail,
};

/**
 * The workflow for POST /rest/workflows. credentialIds: credential type -> id of the credential created in this n8n.
 */
export function leadWorkflow(credentialIds) {
	const cred = (type, name) => ({ [type]: { id: credentialIds[type], name } });
	const node = (id, name, type, position, parameters, extra = {}) => ({
		id: `5ca1e000-0000-4000-8000-00000000000${id}`,
		name,
		type,
		typeVersion: 1,
		position,
		parameters,
		...extra,
	});
	const nodes = [
		{
			...node(1, 'Webhook', 'n8n-nodes-base.webhook', [0, 0], {
				httpMethod: 'POST',
				path: WEBHOOK_PATH,
				responseMode: 'lastNode',
				responseData: 'firstEntryJson',
				options: {},
			}),
			typeVersion: 2,
			webhookId: '5ca1e000-0000-4000-8000-0000000000ff',
		},
		node(
			2,
			'SML Create Lead',
			`${PKG}.sml`,
			[220, 0],
			{
				resource: 'lead',
				operation: 'create',
				source: '1',
				brand_model: 'Toyota Corolla 1.8 Hybrid',
				vehicle: { year: 2021, gas: '3' },
				client: { name: body('name'), email: body('email'), phone: body('phone') },
				note: { entries: [{ content: body('marker') }] },
			},
			{ credentials: cred('smlApi', 'SML sandbox') },
		),
		node(
			3,
			'wolkvox Insert',
			`${PKG}.wolkvoxCrm`,
			[440, 0],
			{
				resource: 'record',
				operation: 'insert',
				module: WOLKVOX_MODULE,
				fieldsInput: 'pairs',
				fieldPairs: {
					field: [
						{ name: 'marker', value: body('marker') },
						{ name: 'sml_lead', value: "={{ String($('SML Create Lead').item.json.id) }}" },
					],
				},
			},
			{ credentials: cred('wolkvoxCrmApi', 'wolkvox CRM sandbox') },
		),
		node(
			4,
			'Casabaca Ticket',
			`${PKG}.sugarCrmCasabaca`,
			[660, 0],
			{
				resource: 'ticket',
				operation: 'createFromLandingPage',
				formulario: 'Cotizacion',
				numero_identificacion: body('phone'),
				tipo_identificacion: 'C',
				nombres: body('name'),
				apellidos: 'Queue Mode',
				email: body('email'),
				celular: body('phone'),
				concesionario: 'Cumbayá (Casabaca)',
			},
			{ credentials: cred('sugarCrmCasabacaApi', 'SugarCRM Casabaca sandbox') },
		),
		{
			...node(5, 'Answer', 'n8n-nodes-base.set', [880, 0], {
				mode: 'manual',
				assignments: {
					assignments: [
						['marker', body('marker')],
						['executionId', '={{ $execution.id }}'],
						['smlLeadId', "={{ String($('SML Create Lead').item.json.id) }}"],
						['wolkvoxId', "={{ $('wolkvox Insert').item.json.wolkvox_id }}"],
						['casabacaTicketId', "={{ $('Casabaca Ticket').item.json.ticket_id }}"],
					].map(([name, value], i) => ({
						id: `5ca1e000-0000-4000-8000-1000000000${i}0`,
						name,
						value,
						type: 'string',
					})),
				},
				options: {},
			}),
			typeVersion: 3.4,
		},
	];
	const chain = nodes.map((n) => n.name);
	const connections = Object.fromEntries(
		chain
			.slice(0, -1)
			.map((from, i) => [from, { main: [[{ node: chain[i + 1], type: 'main', index: 0 }]] }]),
	);
	return {
		name: 'Queue-mode scale test: webhook → SML → wolkvox → Casabaca',
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
		active: false,
	};
}
