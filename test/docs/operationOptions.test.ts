/**
 * n8n's lint rules for option names, actions and descriptions ("Get Many", "Get many leads",
 * sentence-cased actions, options sorted by name, a description that is not the name again...)
 * applied to the Resource and Operation dropdowns, which are generated from the operation specs and
 * so are invisible to `npm run lint`. The nodes come from package.json's list, so a node added there
 * (a trigger too) is checked without editing this test.
 */
import path from 'node:path';

import type { INodeProperties, INodeType } from 'n8n-workflow';

import { lintParameters } from './optionLint';

const ROOT = path.resolve(__dirname, '../..');
const packageJson = require('../../package.json') as { n8n: { nodes: string[] } };

/** The node class a built entry (dist/nodes/X/X.node.js) comes from, loaded from its TypeScript source. */
function loadNode(entry: string): INodeType {
	const source = path.join(ROOT, entry.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
	const className = path.basename(source, '.node.ts');
	const NodeClass = (require(source) as Record<string, new () => INodeType>)[className];
	if (typeof NodeClass !== 'function') throw new Error(`${source} exports no class ${className}`);
	return new NodeClass();
}

/** The dropdowns generated from the specs: Resource, and each resource's Operation. */
function generatedDropdowns(node: INodeType): INodeProperties[] {
	return node.description.properties.filter(
		(property) =>
			property.type === 'options' &&
			(property.name === 'resource' || property.name === 'operation'),
	);
}

describe.each(packageJson.n8n.nodes)('%s', (entry) => {
	test('its Resource and Operation options pass n8n’s node-parameter lint rules', () => {
		const node = loadNode(entry);
		const dropdowns = generatedDropdowns(node);
		// A regular node's actions are all generated; a trigger's Event list is written out (and linted) in its file.
		if (!node.description.group.includes('trigger')) expect(dropdowns.length).toBeGreaterThan(1);
		const problems = lintParameters(dropdowns).map(
			(problem) => `${problem.where}: ${problem.rule}: ${problem.message}`,
		);
		expect(problems).toEqual([]);
	});
});

// The rules only match the AST shapes they expect: prove the printed dropdowns are seen at all.
test('a miscased action, a wrong Get Many, unsorted options or a plural resource are caught', () => {
	const option = (name: string, value: string, action: string, description: string) => ({
		name,
		value,
		action,
		description,
	});
	const resource: INodeProperties = {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [{ name: 'Leads', value: 'lead' }],
		default: 'lead',
	};
	const operation: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['lead'] } },
		options: [
			option('Get', 'get', 'get A Lead', 'Retrieve one lead'),
			option('Get All', 'getAll', 'Get all leads', 'Retrieve all leads'),
			option('Create', 'create', 'Create a lead', 'Create'),
			option('Delete', 'delete', 'Delete a lead', 'Discard a lead'),
			option('Update', 'update', 'Update a lead', 'Change a lead'),
		],
		default: 'get',
	};
	const found = lintParameters([resource, operation]).map(
		(problem) => `${problem.where}: ${problem.rule}`,
	);
	const lead = 'Operation (resource lead)';
	expect(found).toEqual(
		expect.arrayContaining([
			'Resource › option "Leads" (lead): n8n-nodes-base/node-param-resource-with-plural-option',
			`${lead}: n8n-nodes-base/node-param-options-type-unsorted-items`,
			`${lead} › option "Get" (get): n8n-nodes-base/node-param-operation-option-action-miscased`,
			`${lead} › option "Get All" (getAll): n8n-nodes-base/node-param-option-name-wrong-for-get-many`,
			`${lead} › option "Get All" (getAll): n8n-nodes-base/node-param-operation-option-action-wrong-for-get-many`,
			`${lead} › option "Get All" (getAll): n8n-nodes-base/node-param-operation-option-description-wrong-for-get-many`,
			`${lead} › option "Create" (create): n8n-nodes-base/node-param-option-description-identical-to-name`,
		]),
	);
});
