import { SugarCrmCasabaca } from '../../nodes/SugarCrmCasabaca/SugarCrmCasabaca.node';
import { casabacaOperations } from '../../nodes/SugarCrmCasabaca/operations';

/** The 23 endpoints of the Casabaca API document (method, path). */
const documented = [
	'GET /api/asesores',
	'POST /api/register',
	'POST /api/login',
	'GET /api/logout',
	'GET /api/getAvaluos',
	'GET /api/getAvaluo/{id}',
	'POST /api/createUpdateAvaluo',
	'GET /api/pdf/{id}',
	'GET /api/correo/{id}',
	'POST /api/create_landing_page',
	'POST /api/quotation',
	'POST /api/call_quotation',
	'POST /api/calls_prospeccion',
	'POST /api/close_prospeccion/{id}',
	'POST /api/forms_prospeccion',
	'POST /api/calls',
	'POST /api/tickets',
	'POST /api/call_ticket',
	'POST /api/landing_ticket',
	'POST /api/not_answer_ticket/{id}',
	'POST /api/not_answer_call',
	'POST /api/close_ticket/{id}',
	'POST /api/ticket/addNotes/{id}',
];

test('every documented endpoint is exactly one operation', () => {
	expect(casabacaOperations.map((spec) => `${spec.method} ${spec.path}`).sort()).toEqual([...documented].sort());
});

test('every field of an operation is unique, described with its API name, and usable as a tool', () => {
	const { description } = new SugarCrmCasabaca();
	expect(description.usableAsTool).toBe(true);
	for (const spec of casabacaOperations) {
		const names = spec.properties.map((property) => property.name);
		expect({ op: spec.operation, duplicates: names.filter((name, i) => names.indexOf(name) !== i) }).toEqual({ op: spec.operation, duplicates: [] });
	}
	// Every body field names its API field; the others are the URL id, the output field and the free JSON body.
	const notInBody = ['id', 'binaryPropertyName', 'appraisal'];
	const fields = casabacaOperations
		.flatMap((spec) => spec.properties)
		.flatMap((p) => (p.type === 'collection' ? (p.options as typeof description.properties) : [p]))
		.filter((p) => !notInBody.includes(p.name));
	for (const property of fields) expect(`${property.name}: ${property.description}`).toMatch(/\(API (field|object|list): /);
});
