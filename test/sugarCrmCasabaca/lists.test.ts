/**
 * Return All / Limit on Casabaca's lists (Appraisal > Get Many, Advisor > Get Many). Casabaca
 * documents no paging: one request, its `data` cut to Limit. Version 1 (saved workflows, which carry
 * neither parameter) returns everything by default; later versions have n8n's defaults.
 */
import { SugarCrmCasabaca } from '../../nodes/SugarCrmCasabaca/SugarCrmCasabaca.node';
import { auth, casabacaServer, loginRequest, run } from './casabaca';

const appraisals = (count: number) =>
	Array.from({ length: count }, (_, i) => ({ id: String(i + 1), placa: `PCY-${1000 + i}` }));

const lists = [
	{
		label: 'Appraisal > Get Many (GET /api/getAvaluos)',
		resource: 'appraisal',
		path: '/api/getAvaluos',
		sentPath: '/api/getAvaluos',
		parameters: {},
	},
	{
		label: 'Advisor > Get Many (GET /api/asesores)',
		resource: 'advisor',
		path: '/api/asesores',
		sentPath: '/api/asesores?medio=11',
		parameters: { medio: '11' },
	},
];

describe.each(lists)('$label: Return All / Limit', (list) => {
	const get = async (extra: Record<string, unknown>, count: number, typeVersion?: number) => {
		const found = appraisals(count);
		const casabaca = casabacaServer().on('GET', list.path, [200, { data: found }]);
		const result = await run(
			list.resource,
			'getAll',
			{ ...list.parameters, ...extra },
			{ typeVersion },
		);
		expect(result.error).toBeUndefined();
		// The login, then one request: the query carries no paging parameter.
		expect(casabaca.requests).toEqual([
			loginRequest,
			{ method: 'GET', path: list.sentPath, headers: auth(), body: undefined },
		]);
		return { found, json: result.json };
	};

	test('a workflow saved without the pair (version 1) still gets every record', async () => {
		const { found, json } = await get({}, 70);
		expect(json).toEqual(found);
	});

	test('Limit keeps the first records of data', async () => {
		const { found, json } = await get({ returnAll: false, limit: 3 }, 10);
		expect(json).toEqual(found.slice(0, 3));
	});

	test('Return All keeps every record', async () => {
		const { found, json } = await get({ returnAll: true }, 10, 2);
		expect(json).toEqual(found);
	});

	test("a new node (version 2) has n8n's defaults: Return All off, Limit 50", async () => {
		const { json } = await get({}, 70, 2);
		expect(json).toHaveLength(50);
	});

	test('a Limit above the list keeps the whole list', async () => {
		const { found, json } = await get({ returnAll: false, limit: 100 }, 4);
		expect(json).toEqual(found);
	});
});

test('Casabaca lists: Return All is on in version 1, off from version 2', () => {
	const properties = new SugarCrmCasabaca().description.properties;
	for (const resource of ['appraisal', 'advisor']) {
		const returnAll = properties.filter(
			(p) => p.name === 'returnAll' && p.displayOptions?.show?.resource?.includes(resource),
		);
		expect(returnAll.map((p) => [p.default, p.displayOptions?.show?.['@version']])).toEqual([
			[true, [{ _cnd: { lt: 2 } }]],
			[false, [{ _cnd: { gte: 2 } }]],
		]);
	}
});
