import type { INodeProperties, INodePropertyCollection } from 'n8n-workflow';

import { SugarCrmCasabacaApi } from '../../credentials/SugarCrmCasabacaApi.credentials';
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
	expect(casabacaOperations.map((spec) => `${spec.method} ${spec.path}`).sort()).toEqual(
		[...documented].sort(),
	);
});

test('every field of an operation is unique, described with its API name, and usable as a tool', () => {
	const { description } = new SugarCrmCasabaca();
	expect(description.usableAsTool).toBe(true);
	for (const spec of casabacaOperations) {
		// A field shown in different node versions (a plain ID, then a resource locator) is one field per version.
		const names = spec.properties.map(
			(property) =>
				`${property.name}${JSON.stringify(property.displayOptions?.show?.['@version'] ?? '')}`,
		);
		expect({
			op: spec.operation,
			duplicates: names.filter((name, i) => names.indexOf(name) !== i),
		}).toEqual({ op: spec.operation, duplicates: [] });
	}
	// Every body field names its API field; the others are the URL id, the output field and the free JSON body.
	const notInBody = ['id', 'binaryPropertyName', 'appraisal'];
	const fields = casabacaOperations
		.flatMap((spec) => spec.properties)
		.flatMap((p) => (p.type === 'collection' ? (p.options as typeof description.properties) : [p]))
		.filter((p) => !notInBody.includes(p.name));
	for (const property of fields)
		expect(`${property.name}: ${property.description}`).toMatch(/\(API (field|object|list): /);
});

/** A property and everything nested in it (collections, fixed collections). */
function allProperties(properties: INodeProperties[]): INodeProperties[] {
	return properties.flatMap((property) => {
		const nested =
			property.type === 'collection'
				? (property.options as INodeProperties[])
				: property.type === 'fixedCollection'
					? (property.options as INodePropertyCollection[]).flatMap((group) => group.values)
					: [];
		return [property, ...allProperties(nested)];
	});
}

/**
 * The documented fields of every endpoint (the `casabaca` entries of shared/api/endpoints.json, paths
 * relative to `datosSugarCRM`). The login's fields are the credential's.
 */
const documentedFields: Record<string, string[]> = {
	'GET /api/asesores': ['medio'],
	'POST /api/register': ['name', 'email', 'password', 'fuente', 'fuente_id', 'medios', 'compania'],
	'GET /api/logout': [],
	'GET /api/getAvaluos': [],
	'GET /api/getAvaluo/{id}': ['id'],
	'POST /api/createUpdateAvaluo': [],
	'GET /api/pdf/{id}': ['id'],
	'GET /api/correo/{id}': ['id'],
	'POST /api/create_landing_page': [
		'name',
		'medio',
		'properties_form',
		'autorizador',
		'campaign',
		'business_line_id',
		'user_login',
		'type_transaction',
		'user_assigned_position',
	],
	'POST /api/quotation': [
		'user_name_call_center',
		'ticket_id',
		'comments',
		'modelo',
		'medio',
		'campania',
		'client.tipo_identificacion',
		'client.numero_identificacion',
		'client.gender',
		'client.names',
		'client.surnames',
		'client.phone_home',
		'client.cellphone_number',
		'client.email',
		'datos_adicionales',
	],
	'POST /api/call_quotation': [
		'user_name_call_center',
		'date_start',
		'duration_hours',
		'duration_minutes',
		'direction',
		'type',
		'ticket_id',
		'comments',
		'modelo',
		'medio',
		'client.tipo_identificacion',
		'client.numero_identificacion',
		'client.gender',
		'client.names',
		'client.surnames',
		'client.phone_home',
		'client.cellphone_number',
		'client.email',
		'datos_adicionales',
	],
	'POST /api/calls_prospeccion': [
		'user_name_asesor',
		'user_name_call_center',
		'date_start',
		'duration_hours',
		'duration_minutes',
		'status',
		'direction',
		'type',
		'category',
		'notes',
		'prospeccion_id',
		'meeting.date',
		'meeting.duration_hours',
		'meeting.duration_minutes',
		'meeting.subject',
		'meeting.comments',
		'meeting.location',
		'meeting.type',
		'meeting.visit_type',
		'meeting.linea_negocio',
		'meeting.marca',
		'meeting.modelo',
		'meeting.client.tipo_identificacion',
		'meeting.client.numero_identificacion',
		'meeting.client.gender',
		'meeting.client.names',
		'meeting.client.surnames',
		'meeting.client.phone_home',
		'meeting.client.cellphone_number',
		'meeting.client.email',
		'datos_adicionales',
	],
	'POST /api/close_prospeccion/{id}': ['id', 'motivo_cierre'],
	'POST /api/forms_prospeccion': [
		'numero_identificacion',
		'tipo_identificacion',
		'nombres',
		'apellidos',
		'email',
		'celular',
		'agencia',
		'fuente',
		'modelo',
		'comentarios',
		'tienetoyota',
		'interesadorenovacion',
		'horaentregainmediata',
		'asesorcorreo',
		'asesornombre',
	],
	'POST /api/calls': [
		'user_name_asesor',
		'user_name_call_center',
		'date_start',
		'duration_hours',
		'duration_minutes',
		'status',
		'direction',
		'type',
		'category',
		'medio',
		'campania',
		'notes',
		'ticket.id',
		'ticket.is_closed',
		'ticket.motivo_cierre',
		'meeting.status',
		'meeting.date',
		'meeting.duration_hours',
		'meeting.duration_minutes',
		'meeting.subject',
		'meeting.comments',
		'meeting.location',
		'meeting.type',
		'meeting.visit_type',
		'meeting.linea_negocio',
		'meeting.marca',
		'meeting.modelo',
		'meeting.client.tipo_identificacion',
		'meeting.client.numero_identificacion',
		'meeting.client.gender',
		'meeting.client.names',
		'meeting.client.surnames',
		'meeting.client.phone_home',
		'meeting.client.cellphone_number',
		'meeting.client.email',
		'datos_adicionales',
	],
	'POST /api/tickets': [
		'numero_identificacion',
		'tipo_identificacion',
		'email',
		'user_name',
		'nombres',
		'apellidos',
		'celular',
		'telefono',
		'linea_negocio',
		'tipo_transaccion',
		'anio',
		'placa',
		'medio',
		'campania',
		'asunto',
		'comentario_cliente',
		'id_interaccion_inconcert',
		'description',
		'porcentaje_discapacidad',
		'marca',
		'modelo',
		'precio',
		'color',
		'anioMin',
		'anioMax',
		'kilometraje',
		'combustible',
		'datos_adicionales.title',
		'datos_adicionales.pageUrl',
		'datos_adicionales.thankyouPageUrl',
		'datos_adicionales.fields',
	],
	'POST /api/call_ticket': [
		'numero_identificacion',
		'tipo_identificacion',
		'email',
		'user_name',
		'nombres',
		'apellidos',
		'celular',
		'telefono',
		'linea_negocio',
		'tipo_transaccion',
		'medio',
		'campania',
		'id_interaccion_inconcert',
		'marca',
		'modelo',
		'comentario_cliente',
		'description',
		'porcentaje_discapacidad',
		'datos_adicionales.fields',
	],
	'POST /api/landing_ticket': [
		'formulario',
		'numero_identificacion',
		'tipo_identificacion',
		'nombres',
		'apellidos',
		'email',
		'celular',
		'concesionario',
	],
	'POST /api/not_answer_ticket/{id}': ['id'],
	'POST /api/not_answer_call': [
		'user_name_call_center',
		'date_start',
		'duration_hours',
		'duration_minutes',
		'direction',
		'ticket_id',
		'datos_adicionales.fields',
	],
	'POST /api/close_ticket/{id}': ['id', 'motivo_cierre'],
	'POST /api/ticket/addNotes/{id}': ['id', 'notes', 'interaction', 'prospeccion'],
};

test('every documented field is reachable, its API name in the description', () => {
	const missing: string[] = [];
	for (const [endpoint, names] of Object.entries(documentedFields)) {
		const spec = casabacaOperations.find((s) => `${s.method} ${s.path}` === endpoint)!;
		const properties = allProperties(spec.properties);
		const described = properties.map((p) => p.description ?? '');
		for (const name of names) {
			const found =
				name === 'id'
					? properties.some((p) => p.name === 'id' && p.required)
					: name === 'datos_adicionales'
						? described.some((d) => d.includes('(API object: datos_adicionales)'))
						: name === 'datos_adicionales.fields'
							? described.some((d) => d.includes('(API list: datos_adicionales.fields'))
							: described.some((d) => d.includes(`(API field: ${name})`));
			if (!found) missing.push(`${endpoint} ${name}`);
		}
	}
	expect(missing).toEqual([]);
});

test("the login fields are the credential's, each naming its API field", () => {
	const described = new SugarCrmCasabacaApi().properties.map((p) => p.description ?? '');
	for (const name of ['autorizador', 'email', 'password', 'environment']) {
		expect(described.some((d) => d.includes(`(API field: ${name})`))).toBe(true);
	}
});

test('meeting fields and the advisor appear only for appointments; booleans read "Whether ..."', () => {
	const { properties } = new SugarCrmCasabaca().description;
	const appointments: Record<string, string[]> = {
		logCall: ['cita'],
		createWithAppointment: ['cita', 'cita_chat'],
	};
	for (const [operation, types] of Object.entries(appointments)) {
		const own = properties.filter((p) => p.displayOptions?.show?.operation?.includes(operation));
		const meetingOnes = own.filter(
			(p) => p.name.startsWith('meeting') || p.name === 'user_name_asesor',
		);
		expect(meetingOnes.length).toBeGreaterThan(10);
		for (const property of meetingOnes)
			expect({ name: property.name, type: property.displayOptions?.show?.type }).toEqual({
				name: property.name,
				type: types,
			});
		const others = own.filter((p) => !meetingOnes.includes(p));
		for (const property of others) expect(property.displayOptions?.show?.type).toBeUndefined();
	}
	const booleans = allProperties(properties).filter((p) => p.type === 'boolean');
	for (const property of booleans) expect(property.description).toMatch(/^Whether /);
});
