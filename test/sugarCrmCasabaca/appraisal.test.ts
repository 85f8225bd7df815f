import { readBinary } from '../harness/runNode';
import { auth, casabacaServer, jsonAuth, run } from './casabaca';

describe('Casabaca Appraisal', () => {
	test('get many: GET /api/getAvaluos, one item per appraisal', async () => {
		const appraisals = [
			{ id: '1', placa: 'PCY-7933' },
			{ id: '2', placa: 'PBA-1234' },
		];
		const casabaca = casabacaServer().on('GET', '/api/getAvaluos', [200, { data: appraisals }]);
		const result = await run('appraisal', 'getAll');
		expect(casabaca.requests[1]).toEqual({
			method: 'GET',
			path: '/api/getAvaluos',
			headers: auth(),
			body: undefined,
		});
		expect(result.json).toEqual(appraisals);
	});

	test('get: GET /api/getAvaluo/{id}', async () => {
		const casabaca = casabacaServer().on('GET', '/api/getAvaluo/1', [
			200,
			{ data: { id: '1', placa: 'PCY-7933' } },
		]);
		const result = await run('appraisal', 'get', { id: '1' });
		expect(casabaca.requests[1]).toEqual({
			method: 'GET',
			path: '/api/getAvaluo/1',
			headers: auth(),
			body: undefined,
		});
		expect(result.json).toEqual([{ id: '1', placa: 'PCY-7933' }]);
	});

	test('create or update: POST /api/createUpdateAvaluo with the JSON object as the body', async () => {
		const casabaca = casabacaServer().on('POST', '/api/createUpdateAvaluo', [
			200,
			{ data: { id: '7' } },
		]);
		const result = await run('appraisal', 'createOrUpdate', {
			appraisal: '{"placa":"PCY-7933","kilometraje":"25000"}',
		});
		expect(casabaca.requests[1]).toEqual({
			method: 'POST',
			path: '/api/createUpdateAvaluo',
			headers: jsonAuth(),
			body: { placa: 'PCY-7933', kilometraje: '25000' },
		});
		expect(result.json).toEqual([{ id: '7' }]);
	});

	test('create or update refuses text that is not a JSON object', async () => {
		const result = await run('appraisal', 'createOrUpdate', { appraisal: '{placa: PCY}' });
		expect(result.error?.message).toBe(
			'Invalid input in item 0: "Appraisal (JSON)" (appraisal) must be valid JSON',
		);
	});

	test('download PDF: GET /api/pdf/{id}, output as binary data named after the appraisal', async () => {
		const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
		const casabaca = casabacaServer().on('GET', '/api/pdf/1', [
			200,
			pdf,
			{ 'content-type': 'application/pdf' },
		]);
		const result = await run('appraisal', 'downloadPdf', { id: '1', binaryPropertyName: 'avaluo' });
		expect(result.error).toBeUndefined();
		expect(casabaca.requests[1]).toMatchObject({
			method: 'GET',
			path: '/api/pdf/1',
			headers: auth(),
		});
		expect(result.json).toEqual([
			{ id: '1', fileName: 'avaluo-1.pdf', mimeType: 'application/pdf', fileSize: pdf.length },
		]);
		const binary = result.items[0].binary!.avaluo;
		expect(binary).toMatchObject({
			fileName: 'avaluo-1.pdf',
			mimeType: 'application/pdf',
			fileExtension: 'pdf',
		});
		expect(await readBinary(binary)).toEqual(pdf);
	});

	test("an HTTP 200 carrying JSON instead of the PDF is a failure with the vendor's words, not a broken file", async () => {
		casabacaServer().on('GET', '/api/pdf/5', [
			200,
			{ error: 'Avalúo sin PDF' },
			{ 'content-type': 'application/json' },
		]);
		const result = await run('appraisal', 'downloadPdf', { id: '5', binaryPropertyName: 'data' });
		expect(result.error?.message).toBe(
			'SugarCRM Casabaca: the server sent no PDF for appraisal 5: Avalúo sin PDF',
		);
		expect(result.items).toEqual([]);
	});

	test("a PDF that is not there gives the vendor's JSON words", async () => {
		casabacaServer().on('GET', '/api/pdf/99', [404, { error: 'Avalúo no existe' }]);
		const result = await run('appraisal', 'downloadPdf', { id: '99', binaryPropertyName: 'data' });
		expect(result.error?.message).toBe('SugarCRM Casabaca: not found (HTTP 404): Avalúo no existe');
	});

	test('send by e-mail: GET /api/correo/{id}', async () => {
		const casabaca = casabacaServer().on('GET', '/api/correo/1', [200, { data: { sent: true } }]);
		const result = await run('appraisal', 'sendEmail', { id: '1' });
		expect(casabaca.requests[1]).toEqual({
			method: 'GET',
			path: '/api/correo/1',
			headers: auth(),
			body: undefined,
		});
		expect(result.json).toEqual([{ sent: true }]);
	});
});
