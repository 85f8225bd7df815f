import { runNode } from '../harness/runNode';
import { OPERATION, answer, credentials, jsonHeaders, wolkvoxServer } from './wolkvox';

const DOCUMENTED = '/server/API/v2/collections/insertObligation.php';
const CODE_SAMPLES = '/server/API/v2/collections/insertGestion.php';

/** Every field of the seed (insertar gestión), with values. */
const seedFields = {
	tipifycation_code: 'PP01',
	tipifycation_desc: 'Promesa de pago',
	module: 'collections',
	id_customer: '1017234567',
	customer_id: 'C-889',
	wolkvox_idRecord: '61fa3',
	wolkvox_idCall: '20240506143000123',
	client_name: 'Juan',
	client_lastname: 'Pérez',
	client_type_document: 'CC',
	client_telephone: '3001234567',
	agent_name: 'Laura Gómez',
	agent_id: '1005',
	type_interaction: 'llamada',
	time: '00:03:25',
	date: '2024-05-06 14:30:00',
	campaign_id: '77',
	tipification_code: 'PP01',
	tipification_description: 'Promesa de pago',
	wolkvox_idCustomer: '998877',
	wolkvox_phoneCall: '3001234567',
	wolkvox_CrmPhoneCall: '573001234567',
	obligation: '6669999 API',
};

const {
	tipifycation_code,
	tipifycation_desc,
	module: crmModule,
	wolkvox_idRecord,
	...optionalFields
} = seedFields;

const insertManagement = {
	resource: 'collection',
	operation: 'insertManagement',
	tipifycation_code,
	tipifycation_desc,
	module: crmModule,
	wolkvox_idRecord,
	additionalFields: optionalFields,
};

describe('Collection Management > Insert Management', () => {
	test("every field of the seed, to the documented URL (insertObligation.php) by default; the seed's answer", async () => {
		const vendor = wolkvoxServer().on('POST', DOCUMENTED, [200, answer({ wolkvox_id: '123cb' })]);
		const result = await runNode({ node: 'wolkvoxCrm', parameters: insertManagement, credentials });
		expect(result.error).toBeUndefined();
		expect(vendor.requests).toEqual([
			{
				method: 'POST',
				path: DOCUMENTED,
				headers: jsonHeaders,
				body: { operation: OPERATION, fields: seedFields },
			},
		]);
		expect(result.items).toEqual([{ json: { wolkvox_id: '123cb' }, pairedItem: { item: 0 } }]);
	});

	test("the Endpoint option switches to the code samples' insertGestion.php", async () => {
		const vendor = wolkvoxServer().on('POST', CODE_SAMPLES, [200, answer({ wolkvox_id: '123cc' })]);
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters: {
				resource: 'collection',
				operation: 'insertManagement',
				tipifycation_code: 'NC',
				tipifycation_desc: 'No contesta',
				wolkvox_idRecord: '61fa3',
				options: { endpoint: 'insertGestion.php' },
			},
			credentials,
		});
		expect(result.error).toBeUndefined();
		expect(vendor.requests).toEqual([
			{
				method: 'POST',
				path: CODE_SAMPLES,
				headers: jsonHeaders,
				body: {
					operation: OPERATION,
					fields: {
						tipifycation_code: 'NC',
						tipifycation_desc: 'No contesta',
						wolkvox_idRecord: '61fa3',
						module: 'collections',
					},
				},
			},
		]);
	});

	test('the interaction date accepts a date/time value, sent as Y-m-d H:i:s in its own clock time', async () => {
		const vendor = wolkvoxServer().on('POST', DOCUMENTED, [200, answer({ wolkvox_id: '1' })]);
		await runNode({
			node: 'wolkvoxCrm',
			parameters: {
				...insertManagement,
				additionalFields: {
					date: '={{ DateTime.fromISO("2024-05-06T14:30:00", { zone: "America/Bogota" }) }}',
				},
			},
			credentials,
		});
		expect(vendor.requests[0].body).toEqual({
			operation: OPERATION,
			fields: {
				tipifycation_code,
				tipifycation_desc,
				module: crmModule,
				wolkvox_idRecord,
				date: '2024-05-06 14:30:00',
			},
		});
	});

	test('the four mandatory fields are checked before sending', async () => {
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters: {
				...insertManagement,
				tipifycation_code: '={{ "" }}',
				wolkvox_idRecord: '={{ "" }}',
			},
			credentials,
		});
		expect(result.error?.message).toBe(
			'Invalid input in item 0: "Typification Code" (tipifycation_code) is required; "Collection Record ID" (wolkvox_idRecord) is required',
		);
	});
});

describe('Collection Management > Search Managements and Get Obligation', () => {
	test('queryGestion.php: field and value; each management becomes an item', async () => {
		const managements = [{ ...seedFields, wolkvox_id: '123cb' }];
		const vendor = wolkvoxServer().on('POST', '/server/API/v2/collections/queryGestion.php', [
			200,
			answer(managements, '1 records were are found'),
		]);
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters: {
				resource: 'collection',
				operation: 'searchManagements',
				field: 'customer_id',
				value: '123',
			},
			credentials,
		});
		expect(vendor.requests).toEqual([
			{
				method: 'POST',
				path: '/server/API/v2/collections/queryGestion.php',
				headers: jsonHeaders,
				body: { operation: OPERATION, field: 'customer_id', value: '123' },
			},
		]);
		expect(result.json).toEqual(managements);
	});

	test('queryObligation.php: obligation and wolkvox_id', async () => {
		const obligation = {
			id: '6669999 API',
			name: 'Invoice 12345 - Pending Payment',
			total_balance: '10000',
		};
		const vendor = wolkvoxServer().on('POST', '/server/API/v2/collections/queryObligation.php', [
			200,
			answer(obligation, '1 records were are found'),
		]);
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters: {
				resource: 'collection',
				operation: 'getObligation',
				obligation: '6669999 API',
				wolkvox_id: '61fa3',
			},
			credentials,
		});
		expect(vendor.requests).toEqual([
			{
				method: 'POST',
				path: '/server/API/v2/collections/queryObligation.php',
				headers: jsonHeaders,
				body: { operation: OPERATION, obligation: '6669999 API', wolkvox_id: '61fa3' },
			},
		]);
		expect(result.json).toEqual([obligation]);
	});
});

describe('Collection Management > Insert / Update Obligation (insertObligation.php)', () => {
	// The vendor page's example obligation.
	const obligationParameters = {
		wolkvox_id: '61fa3',
		id: 'obl1',
		additionalFields: {
			name: 'Invoice 12345 - Pending Payment',
			total_balance: '10000',
			portfolio_type: 'VIP Client',
			last_pay: '2000',
			last_pay_date: '06-06-2023',
			expiring_date: '07-07-2023',
			days_delay: '90',
		},
		form: {
			field: [
				{ name: 'Titulation', value: 'Titulo' },
				{ name: 'Frequency', value: 'Mensual' },
			],
		},
	};
	const obligationBody = {
		operation: OPERATION,
		wolkvox_id: '61fa3',
		fields: {
			id: 'obl1',
			name: 'Invoice 12345 - Pending Payment',
			total_balance: '10000',
			portfolio_type: 'VIP Client',
			last_pay: '2000',
			last_pay_date: '06-06-2023',
			expiring_date: '07-07-2023',
			days_delay: '90',
			form: [
				{ name: 'Titulation', value: 'Titulo' },
				{ name: 'Frequency', value: 'Mensual' },
			],
		},
	};

	test.each([
		['insertObligation', 'POST', 'Succesfully create record'],
		['updateObligation', 'PUT', 'Succesfully edit record'],
	] as const)(
		'%s: %s with the record id and every field of the obligation',
		async (operation, method, msg) => {
			const vendor = wolkvoxServer().on(method, DOCUMENTED, [
				200,
				answer({ wolkvox_id: '61fa3', obligation: 'obl1' }, msg),
			]);
			const result = await runNode({
				node: 'wolkvoxCrm',
				parameters: { resource: 'collection', operation, ...obligationParameters },
				credentials,
			});
			expect(result.error).toBeUndefined();
			expect(vendor.requests).toEqual([
				{ method, path: DOCUMENTED, headers: jsonHeaders, body: obligationBody },
			]);
			expect(result.json).toEqual([{ wolkvox_id: '61fa3', obligation: 'obl1' }]);
		},
	);

	test('only the code is needed; empty fields are left out', async () => {
		const vendor = wolkvoxServer().on('PUT', DOCUMENTED, [
			200,
			answer({ wolkvox_id: '61fa3' }, 'Succesfully edit record'),
		]);
		await runNode({
			node: 'wolkvoxCrm',
			parameters: {
				resource: 'collection',
				operation: 'updateObligation',
				wolkvox_id: '61fa3',
				id: 'obl1',
				additionalFields: { days_delay: '120' },
			},
			credentials,
		});
		expect(vendor.requests[0].body).toEqual({
			operation: OPERATION,
			wolkvox_id: '61fa3',
			fields: { id: 'obl1', days_delay: '120' },
		});
	});

	test('a missing obligation code is refused before sending', async () => {
		const vendor = wolkvoxServer();
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters: {
				resource: 'collection',
				operation: 'insertObligation',
				wolkvox_id: '61fa3',
				id: '={{ "" }}',
			},
			credentials,
		});
		expect(result.error?.message).toBe(
			'Invalid input in item 0: "Obligation Code" (id) is required',
		);
		expect(vendor.requests).toEqual([]);
	});
});

describe('Collection Management > Bulk Load Case Files (massiveCollections.php)', () => {
	const debtors = [
		{ id: '12345', name: 'John Doe', email: 'john.doe@wolkvox.com', phone: '31949' },
		{ id: '12346', name: 'Ana Ruiz', email: 'ana.ruiz@wolkvox.com', phone: '31950' },
		{ id: '12347', name: 'Luis Mora', email: 'luis.mora@wolkvox.com', phone: '31951' },
	];
	const parameters = {
		resource: 'collection',
		operation: 'bulkLoad',
		Identification: '={{ $json.id }}',
		Name: '={{ $json.name }}',
		Email: '={{ $json.email }}',
		Telephone: '={{ $json.phone }}',
		additionalFields: {
			Address: '1234 Elm Street, Los Angeles',
			obligations:
				'={{ [{ id: "obl-" + $json.id, name: "Invoice " + $json.id, total_balance: "10000" }] }}',
		},
		fieldPairs: { field: [{ name: 'Segmento', value: 'VIP' }] },
		options: { batchSize: 2 },
	};
	const caseFile = (d: (typeof debtors)[number]) => ({
		Identification: d.id,
		Name: d.name,
		Email: d.email,
		Telephone: d.phone,
		Address: '1234 Elm Street, Los Angeles',
		Segmento: 'VIP',
		obligations: [{ id: `obl-${d.id}`, name: `Invoice ${d.id}`, total_balance: '10000' }],
	});

	test('one case file per input item, sent in batches, each output paired with its item', async () => {
		const path = '/server/API/v2/collections/massiveCollections.php';
		const vendor = wolkvoxServer()
			.on('POST', path, [200, answer(undefined, '2 records were inserted')])
			.on('POST', path, [200, answer(undefined, '1 records were inserted')]);
		const result = await runNode({
			node: 'wolkvoxCrm',
			parameters,
			items: debtors.map((json) => ({ json })),
			credentials,
		});
		expect(result.error).toBeUndefined();
		expect(vendor.requests).toEqual([
			{
				method: 'POST',
				path,
				headers: jsonHeaders,
				body: { operation: OPERATION, collections: debtors.slice(0, 2).map(caseFile) },
			},
			{
				method: 'POST',
				path,
				headers: jsonHeaders,
				body: { operation: OPERATION, collections: debtors.slice(2).map(caseFile) },
			},
		]);
		expect(result.items).toEqual([
			{ json: answer(undefined, '2 records were inserted'), pairedItem: { item: 0 } },
			{ json: answer(undefined, '2 records were inserted'), pairedItem: { item: 1 } },
			{ json: answer(undefined, '1 records were inserted'), pairedItem: { item: 2 } },
		]);
	});

	test('an invalid case file stops the load before any batch is sent', async () => {
		const vendor = wolkvoxServer();
		const items = debtors.map((json, i) => ({
			json: i === 2 ? { ...json, email: 'not-an-email' } : json,
		}));
		const result = await runNode({ node: 'wolkvoxCrm', parameters, items, credentials });
		expect(vendor.requests).toEqual([]);
		expect(result.error?.message).toBe(
			'Invalid input in item 2: "Email" (Email) must be a valid e-mail address',
		);
	});
});
