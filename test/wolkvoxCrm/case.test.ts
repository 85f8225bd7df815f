import { runNode } from '../harness/runNode';
import {
	OPERATION,
	TOKEN,
	answer,
	credentials,
	formFields,
	jsonHeaders,
	wolkvoxServer,
} from './wolkvox';

const INSERT_ATTACH = '/server/API/v2/cases/insertAttach.php';

/** The fields of the seed's example (insertar casos con adjuntos). */
const seedCase = {
	resource: 'case',
	operation: 'createWithAttachments',
	'case-type': 'Request',
	responsible: 'ADMIN_@mymodule',
	owner: 'ADMIN_@mymodule',
	contact: 'andres@wolkvox.com',
	description: 'Esta es la descripción del caso',
	fieldPairs: {
		field: [{ name: 'Subject', value: 'Este es un campo adicional creado en el CRM' }],
	},
	status: 'abierto',
	priority: 'baja',
};

const seedBody = {
	operation: OPERATION,
	'case-type': 'Request',
	responsible: 'ADMIN_@mymodule',
	owner: 'ADMIN_@mymodule',
	contact: 'andres@wolkvox.com',
	description: 'Esta es la descripción del caso',
	form: { Subject: 'Este es un campo adicional creado en el CRM' },
	status: 'abierto',
	priority: 'baja',
};

const binary = (text: string, fileName: string) => ({
	data: Buffer.from(text).toString('base64'),
	mimeType: 'text/plain',
	fileName,
});

describe('Case > Create With Attachments (cases/insertAttach.php)', () => {
	test("the seed's example: every field, Wolkvox-Token header, operation from the credential, documented answer", async () => {
		const vendor = wolkvoxServer().on('POST', INSERT_ATTACH, [
			200,
			answer({ wolkvox_id: '64cb1a', idPrefijo: 'REQ-12' }),
		]);
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters: { ...seedCase, binaryProperties: '' },
			credentials,
		});
		expect(result.error).toBeUndefined();
		expect(vendor.requests).toEqual([
			{
				method: 'POST',
				path: INSERT_ATTACH,
				headers: jsonHeaders,
				body: { ...seedBody, attachments: [] },
			},
		]);
		expect(result.items).toEqual([
			{ json: { wolkvox_id: '64cb1a', idPrefijo: 'REQ-12' }, pairedItem: { item: 0 } },
		]);
	});

	test("attachments come from the item's binary fields (comma-separated) and base64 texts, encoded by the node", async () => {
		const vendor = wolkvoxServer().on('POST', INSERT_ATTACH, [
			200,
			answer({ wolkvox_id: '64cb1b', idPrefijo: 'REQ-13' }),
		]);
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters: {
				...seedCase,
				binaryProperties: 'data, invoice',
				base64Attachments: {
					attachment: [{ content: 'data:application/pdf;base64,JVBERi0xLjQK' }],
				},
			},
			items: [
				{
					json: {},
					binary: {
						data: binary('hola', 'hola.txt'),
						invoice: binary('factura 12345', 'factura.txt'),
					},
				},
			],
			credentials,
		});
		expect(result.error).toBeUndefined();
		expect(vendor.requests[0].body).toEqual({
			...seedBody,
			attachments: [
				Buffer.from('hola').toString('base64'),
				Buffer.from('factura 12345').toString('base64'),
				'JVBERi0xLjQK',
			],
		});
	});

	test('a binary field the item lacks is reported before anything is sent, for every item', async () => {
		const vendor = wolkvoxServer();
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters: { ...seedCase, binaryProperties: 'invoice' },
			items: [
				{ json: {}, binary: { invoice: binary('a', 'a.txt') } },
				{ json: {}, binary: { data: binary('b', 'b.txt') } },
			],
			credentials,
		});
		expect(vendor.requests).toEqual([]);
		expect(result.error?.message).toBe(
			'Invalid input in item 1: "Input Binary Fields" (binaryProperties) names "invoice", which the item does not have (its binary fields: data)',
		);
	});

	test('a base64 attachment that is not base64 is refused', async () => {
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters: {
				...seedCase,
				binaryProperties: '',
				base64Attachments: { attachment: [{ content: 'not base64!' }] },
			},
			credentials,
		});
		expect(result.error?.message).toBe(
			'Invalid input in item 0: "Base64 Attachments › Attachment 1 › Base64 Content" (attachments) must be base64 text',
		);
	});
});

describe('Case: the solution is required when the status is a closed one', () => {
	test('closed status without a solution: nothing is sent', async () => {
		const vendor = wolkvoxServer();
		const result = await runNode({
			node: 'wolkvoxCrm',
			// An empty required field is caught by n8n itself; one that an expression empties is caught here.
			parameters: {
				...seedCase,
				binaryProperties: '',
				status: 'cerrado',
				statusIsClosed: true,
				solution: '={{ "" }}',
			},
			credentials,
		});
		expect(vendor.requests).toEqual([]);
		expect(result.error?.message).toBe(
			'Invalid input in item 0: "Solution" (solution) is required when the status is a closed one',
		);
	});

	test('closed status with a solution sends it', async () => {
		const vendor = wolkvoxServer().on('POST', INSERT_ATTACH, [
			200,
			answer({ wolkvox_id: '64cb1c', idPrefijo: 'REQ-14' }),
		]);
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters: {
				...seedCase,
				binaryProperties: '',
				status: 'cerrado',
				statusIsClosed: true,
				solution: 'Esto es un ejemplo de solución a un caso.',
			},
			credentials,
		});
		expect(result.error).toBeUndefined();
		expect(vendor.requests[0].body).toEqual({
			...seedBody,
			status: 'cerrado',
			solution: 'Esto es un ejemplo de solución a un caso.',
			attachments: [],
		});
	});

	test('an open status needs no solution, and a hidden solution is not sent', async () => {
		const vendor = wolkvoxServer().on('POST', INSERT_ATTACH, [
			200,
			answer({ wolkvox_id: '1', idPrefijo: '1' }),
		]);
		await runNode({
			node: 'wolkvoxCrm',
			parameters: {
				...seedCase,
				binaryProperties: '',
				statusIsClosed: false,
				solution: 'stale text',
			},
			credentials,
		});
		expect(vendor.requests[0].body).toEqual({ ...seedBody, attachments: [] });
	});
});

describe('Case > Create (cases/insert.php, form-data)', () => {
	test("the page's example, sent as multipart form-data with form as JSON text", async () => {
		const vendor = wolkvoxServer().on('POST', '/server/API/v2/cases/insert.php', [
			200,
			answer({ wolkvox_id: '64cc', idPrefijo: 'REQ-15' }),
		]);
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters: {
				resource: 'case',
				operation: 'create',
				'case-type': 'Request',
				responsible: 'ADMIN_@modulotest01',
				owner: 'ADMIN_@modulotest01',
				contact: 'andres@wolkvox.com',
				description: 'API',
				status: 'Abierto',
				priority: 'Alta',
			},
			credentials: { wolkvoxCrmApi: { ...credentials.wolkvoxCrmApi, operation: 'modulotest01' } },
		});
		expect(result.error).toBeUndefined();
		const [request] = vendor.requests;
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/server/API/v2/cases/insert.php');
		expect(request.headers['wolkvox-token']).toBe(TOKEN);
		expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=\S+$/);
		expect(formFields(request.headers['content-type'], request.body)).toEqual({
			operation: 'modulotest01',
			'case-type': 'Request',
			responsible: 'ADMIN_@modulotest01',
			owner: 'ADMIN_@modulotest01',
			contact: 'andres@wolkvox.com',
			description: 'API',
			form: '{}',
			status: 'Abierto',
			priority: 'Alta',
		});
		expect(result.json).toEqual([{ wolkvox_id: '64cc', idPrefijo: 'REQ-15' }]);
	});

	test('a custom case type is sent by its name; the form may be JSON', async () => {
		const vendor = wolkvoxServer().on('POST', '/server/API/v2/cases/insert.php', [
			200,
			answer({ wolkvox_id: '64cd' }),
		]);
		await runNode({
			node: 'wolkvoxCrm',
			parameters: {
				...seedCase,
				operation: 'create',
				'case-type': '__custom',
				customCaseType: 'Garantía',
				fieldsInput: 'json',
				fieldsJson: '{"Subject": "Motor", "Placa": "ABC123"}',
			},
			credentials,
		});
		const [request] = vendor.requests;
		expect(formFields(request.headers['content-type'], request.body)).toMatchObject({
			'case-type': 'Garantía',
			form: '{"Subject":"Motor","Placa":"ABC123"}',
		});
	});

	test('a custom case type needs its name; the contact must be an e-mail', async () => {
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters: {
				...seedCase,
				operation: 'create',
				'case-type': '__custom',
				customCaseType: '={{ "" }}',
				contact: 'andres',
			},
			credentials,
		});
		expect(result.error?.message).toBe(
			'Invalid input in item 0: "Contact E-Mail" (contact) must be a valid e-mail address; "Custom Case Type" (case-type) is required for a custom case type',
		);
	});
});

describe('Case > Update With Attachments (cases/updateCaseAttachment.php)', () => {
	test('sends the case ID as wolkvox-id with every field and the attachment list', async () => {
		const vendor = wolkvoxServer().on('POST', '/server/API/v2/cases/updateCaseAttachment.php', [
			200,
			answer({ wolkvox_id: '6074aa7d3' }, 'Succesfully edit record'),
		]);
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters: {
				...seedCase,
				operation: 'updateWithAttachments',
				recordId: '6074aa7d3',
				responsible: 'agent10@mymodule',
			},
			items: [{ json: {}, binary: { data: binary('evidencia', 'evidencia.txt') } }],
			credentials,
		});
		expect(result.error).toBeUndefined();
		expect(vendor.requests).toEqual([
			{
				method: 'POST',
				path: '/server/API/v2/cases/updateCaseAttachment.php',
				headers: jsonHeaders,
				body: {
					...seedBody,
					'wolkvox-id': '6074aa7d3',
					responsible: 'agent10@mymodule',
					attachments: [Buffer.from('evidencia').toString('base64')],
				},
			},
		]);
	});
});

describe('Case > Update (cases/update.php, form-data)', () => {
	const UPDATE = '/server/API/v2/cases/update.php';
	const parameters = {
		resource: 'case',
		operation: 'update',
		recordId: '6074ab12cd7d3',
		'case-type': 'Complaints',
		responsible: 'agent10@mymodule',
		status: 'cerrado',
		statusIsClosed: true,
		solution: 'Se reemplazó la pieza',
		priority: 'Alta',
		fieldPairs: { field: [{ name: 'Subject', value: 'Garantía' }] },
		additionalFields: { description: 'Cliente reporta ruido en el motor' },
	};

	test('the required fields with wolkvox-id, form as JSON text and the solution; no file when none is named', async () => {
		const vendor = wolkvoxServer().on('POST', UPDATE, [
			200,
			answer({ wolkvox_id: '6074ab12cd7d3' }, 'Succesfully edit record'),
		]);
		const result = await runNode({ node: 'wolkvoxCrm', parameters, credentials });
		expect(result.error).toBeUndefined();
		const [request] = vendor.requests;
		expect([request.method, request.path, request.headers['wolkvox-token']]).toEqual([
			'POST',
			UPDATE,
			TOKEN,
		]);
		expect(formFields(request.headers['content-type'], request.body)).toEqual({
			operation: OPERATION,
			'wolkvox-id': '6074ab12cd7d3',
			'case-type': 'Complaints',
			responsible: 'agent10@mymodule',
			description: 'Cliente reporta ruido en el motor',
			form: '{"Subject":"Garantía"}',
			status: 'cerrado',
			priority: 'Alta',
			solution: 'Se reemplazó la pieza',
		});
		expect(String(request.body)).not.toContain('filename=');
		expect(result.json).toEqual([{ wolkvox_id: '6074ab12cd7d3' }]);
	});

	test("the named binary field is sent as the form's file part, with its name and type", async () => {
		const vendor = wolkvoxServer().on('POST', UPDATE, [
			200,
			answer({ wolkvox_id: '6074ab12cd7d3' }, 'Succesfully edit record'),
		]);
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters: { ...parameters, binaryProperty: 'invoice' },
			items: [{ json: {}, binary: { invoice: binary('factura 12345', 'factura.txt') } }],
			credentials,
		});
		expect(result.error).toBeUndefined();
		const [request] = vendor.requests;
		const boundary = /boundary=(.+)$/.exec(request.headers['content-type'])![1];
		expect(String(request.body)).toContain(
			`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="factura.txt"\r\nContent-Type: text/plain\r\n\r\nfactura 12345\r\n`,
		);
		expect(formFields(request.headers['content-type'], request.body)['wolkvox-id']).toBe(
			'6074ab12cd7d3',
		);
	});

	test('a binary field the item lacks, or a closed status without a solution, sends nothing', async () => {
		const vendor = wolkvoxServer();
		const missingFile = await runNode({
			node: 'wolkvoxCrm',
			parameters: { ...parameters, binaryProperty: 'invoice' },
			credentials,
		});
		expect(missingFile.error?.message).toBe(
			'Invalid input in item 0: "Input Binary Field" (binaryProperty) names "invoice", which the item does not have (its binary fields: none)',
		);
		const noSolution = await runNode({
			node: 'wolkvoxCrm',
			parameters: { ...parameters, solution: '={{ "" }}' },
			credentials,
		});
		expect(noSolution.error?.message).toBe(
			'Invalid input in item 0: "Solution" (solution) is required when the status is a closed one',
		);
		expect(vendor.requests).toEqual([]);
	});
});
