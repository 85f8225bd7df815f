/**
 * What the AI tool variant of each node shows, evaluated with n8n-workflow's own display rules
 * (getNodeParameters / displayParameter with the variant's description, whose name ends in "Tool"):
 * the operations a tool call cannot use are gone, the irreversible ones need Allow Irreversible
 * Actions, lists start at Limit 10. The regular node keeps everything.
 */
import type { AnyOperationSpec } from '../../nodes/common/execution/operation';
import { smlOperations } from '../../nodes/Sml/operations';
import { casabacaOperations } from '../../nodes/SugarCrmCasabaca/operations';
import { wolkvoxOperations } from '../../nodes/WolkvoxCrm/operations';
import {
	descriptionOf,
	operationValues,
	shownParameters,
	shownProperties,
} from '../harness/runTool';

interface Expected {
	node: string;
	specs: AnyOperationSpec[];
	hidden: string[];
	gated: string[];
	hiddenResources: string[];
}

const nodes: Expected[] = [
	{
		node: 'sml',
		specs: smlOperations,
		hidden: ['session:logIn', 'session:logOut'],
		gated: ['lead:clickToCall', 'lead:finalize', 'task:delete'],
		hiddenResources: ['session'],
	},
	{
		node: 'sugarCrmCasabaca',
		specs: casabacaOperations,
		hidden: [
			'appraisal:downloadPdf',
			'apiUser:create',
			'session:createToken',
			'session:expireToken',
		],
		gated: ['ticket:close', 'prospect:close', 'call:createWithAppointment', 'appraisal:sendEmail'],
		hiddenResources: ['apiUser', 'session'],
	},
	{
		node: 'wolkvoxCrm',
		specs: wolkvoxOperations,
		hidden: [
			'case:createWithAttachments',
			'case:updateWithAttachments',
			'record:insertMany',
			'record:updateMany',
			'collection:bulkLoad',
			'token:getUsage',
		],
		gated: ['record:delete'],
		hiddenResources: ['token'],
	},
];

const keys = (specs: AnyOperationSpec[]) => specs.map((s) => `${s.resource}:${s.operation}`);
const resourcesOf = (specs: AnyOperationSpec[]) => [...new Set(specs.map((s) => s.resource))];
const ofResource = (list: string[], resource: string) =>
	list
		.filter((key) => key.startsWith(`${resource}:`))
		.map((key) => key.slice(resource.length + 1))
		.sort();

describe.each(nodes)('$node', ({ node, specs, hidden, gated, hiddenResources }) => {
	const tool = `${node}Tool`;
	const all = keys(specs);

	test('the rules name existing operations, and every bulk operation is hidden', () => {
		for (const key of [...hidden, ...gated]) expect(all).toContain(key);
		const bulk = keys(specs.filter((spec) => spec.batch));
		expect(bulk.filter((key) => !hidden.includes(key))).toEqual([]);
		expect(keys(specs.filter((s) => s.tool?.use === 'hidden')).sort()).toEqual([...hidden].sort());
		expect(keys(specs.filter((s) => s.tool?.use === 'irreversible')).sort()).toEqual(
			[...gated].sort(),
		);
	});

	test('the Resource dropdown of the tool leaves out the resources it offers nothing of', () => {
		const resourceValues = (type: string) => {
			const dropdown = shownProperties(type, {}).find((p) => p.name === 'resource');
			return ((dropdown?.options ?? []) as Array<{ value: string }>).map((o) => o.value).sort();
		};
		expect(resourceValues(node)).toEqual(resourcesOf(specs).sort());
		expect(resourceValues(tool)).toEqual(
			resourcesOf(specs)
				.filter((resource) => !hiddenResources.includes(resource))
				.sort(),
		);
	});

	test.each([1, 2])(
		'version %i: the regular node offers every operation, the tool the safe ones, and the gated ones only with the switch on',
		(typeVersion) => {
			for (const resource of resourcesOf(specs)) {
				const regular = operationValues(node, { resource }, typeVersion).sort();
				expect(regular).toEqual(ofResource(all, resource));
				const offTool = operationValues(tool, { resource }, typeVersion).sort();
				const onTool = operationValues(
					tool,
					{ resource, allowIrreversibleActions: true },
					typeVersion,
				).sort();
				const offered = all.filter((key) => !hidden.includes(key));
				expect(onTool).toEqual(ofResource(offered, resource));
				const safe = ofResource(
					offered.filter((key) => !gated.includes(key)),
					resource,
				);
				// A resource with gated operations only lists them; the runner refuses them until the switch is on.
				expect(offTool).toEqual(safe.length ? safe : onTool);
			}
		},
	);

	test('Allow Irreversible Actions: only in the tool, off by default, saying what each gated operation does', () => {
		for (const resource of resourcesOf(specs)) {
			const gatedHere = specs.filter(
				(s) => s.resource === resource && gated.includes(`${s.resource}:${s.operation}`),
			);
			expect(
				shownProperties(node, { resource }).some((p) => p.name === 'allowIrreversibleActions'),
			).toBe(false);
			const toggle = shownProperties(tool, { resource }).find(
				(p) => p.name === 'allowIrreversibleActions',
			);
			if (!gatedHere.length) {
				expect(toggle).toBeUndefined();
				continue;
			}
			expect(toggle?.default).toBe(false);
			expect(shownParameters(tool, { resource }).allowIrreversibleActions).toBe(false);
			for (const spec of gatedHere) {
				expect(toggle?.description).toContain(`${spec.name} ${spec.tool?.why}`);
			}
		}
	});

	test('a new tool node keeps the regular default operation wherever the tool offers it', () => {
		for (const resource of resourcesOf(specs).filter((r) => !hiddenResources.includes(r))) {
			const regular = shownParameters(node, { resource }).operation as string;
			const inTool = shownParameters(tool, { resource }).operation as string;
			if (operationValues(tool, { resource }).includes(regular)) expect(inTool).toBe(regular);
			else expect(operationValues(tool, { resource })).toContain(inTool);
		}
	});

	test('lists: Limit 10 in the tool, 50 in the regular node, Return All off in both (version 2)', () => {
		for (const spec of specs.filter((s) => s.paginate && s.tool?.use !== 'hidden')) {
			const params = {
				resource: spec.resource,
				operation: spec.operation,
				allowIrreversibleActions: true,
			};
			const regular = shownParameters(node, params);
			const inTool = shownParameters(tool, params);
			expect([spec.operation, regular.returnAll, regular.limit]).toEqual([
				spec.operation,
				false,
				50,
			]);
			expect([spec.operation, inTool.returnAll, inTool.limit]).toEqual([spec.operation, false, 10]);
		}
	});

	test('the tool variant has n8n’s name, and the regular description has no tool-only entry shown', () => {
		expect(descriptionOf(tool).name).toBe(tool);
		expect(descriptionOf(tool).displayName.endsWith(' Tool')).toBe(true);
	});
});

test('wolkvox: the tool variant has no binary field on Record > Update and Case > Update', () => {
	for (const [resource, field] of [
		['record', 'binaryProperties'],
		['case', 'binaryProperty'],
	]) {
		const params = { resource, operation: 'update' };
		expect(shownParameters('wolkvoxCrm', params)).toHaveProperty(field);
		expect(shownParameters('wolkvoxCrmTool', params)).not.toHaveProperty(field);
		// The base64 attachments stay: a model can send a file as text.
		if (resource === 'record')
			expect(shownParameters('wolkvoxCrmTool', params)).toHaveProperty('base64Attachments');
	}
});

test('SML: Simplify is on by default in the tool (version 2) and absent in version 1, as in the regular node', () => {
	for (const operation of ['get', 'getAll']) {
		expect(shownParameters('smlTool', { resource: 'lead', operation }).simplify).toBe(true);
		expect(shownParameters('smlTool', { resource: 'lead', operation }, 1)).not.toHaveProperty(
			'simplify',
		);
	}
});

test('version 1 tools keep their whole lists (Return All on where version 1 had no pair), with Limit 10', () => {
	const params = { resource: 'appraisal', operation: 'getAll' };
	expect(shownParameters('sugarCrmCasabacaTool', params, 1)).toMatchObject({
		returnAll: true,
	});
	expect(shownParameters('sugarCrmCasabacaTool', { ...params, returnAll: false }, 1)).toMatchObject(
		{ returnAll: false, limit: 10 },
	);
});
