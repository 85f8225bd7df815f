/**
 * The node as an AI tool. n8n makes a `<name>Tool` node type of every node marked `usableAsTool`
 * and evaluates `displayOptions.show['@tool']` as true there (n8n-workflow: the type's name ends
 * with "Tool"). The engine uses it to offer agents a safe subset: operations a tool call cannot
 * use are left out, those whose effects cannot be undone need Allow Irreversible Actions, lists
 * start at a small Limit. The runner repeats the same checks, so a saved tool or an expression
 * cannot get round them.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toBoolean } from '../fields/schemas';
import type { AnyOperationSpec, ResourceOption, ToolUse } from './operation';

/** The tool variant's switch for operations marked `irreversible`. */
export const ALLOW_IRREVERSIBLE = 'allowIrreversibleActions';

/** Limit's default in the tool variant: the whole list goes into the model's context. */
export const TOOL_LIMIT = 10;

type Show = NonNullable<NonNullable<INodeProperties['displayOptions']>['show']>;

/** The property, shown only in the tool variant (`true`) or only in the regular node (`false`). */
export function onlyInTool(
	property: INodeProperties,
	tool: boolean,
	show: Show = {},
): INodeProperties {
	return {
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...property.displayOptions?.show, ...show, '@tool': [tool] },
		},
	};
}

/** The same rule n8n-workflow applies to `@tool`: the node type's name ends with "Tool". */
export function isToolNode(fn: Pick<IExecuteFunctions, 'getNode'>): boolean {
	return fn.getNode().type.endsWith('Tool');
}

export const offeredToTool = (spec: AnyOperationSpec) => spec.tool?.use !== 'hidden';
export const isIrreversible = (spec: AnyOperationSpec) => spec.tool?.use === 'irreversible';

const label = (spec: AnyOperationSpec, resources: ResourceOption[]) =>
	`${resources.find((r) => r.value === spec.resource)?.name ?? spec.resource} > ${spec.name}`;

/** The switch of one resource: its description says what each gated operation does. */
export function irreversibleSwitch(
	resource: ResourceOption,
	gated: AnyOperationSpec[],
): INodeProperties {
	const each = gated.map((spec) => `${spec.name} ${(spec.tool as ToolUse).why}`).join('; ');
	return onlyInTool(
		{
			displayName: 'Allow Irreversible Actions',
			name: ALLOW_IRREVERSIBLE,
			type: 'boolean',
			default: false,
			description: `Whether the agent may run the ${resource.name} operations whose effects cannot be undone, which are otherwise not offered: ${each}`,
		},
		true,
		{ resource: [resource.value] },
	);
}

/**
 * In the tool variant, refuses a resource none of whose operations a tool offers (a tool saved
 * before they were hidden fails here, naming the resource), before its operation is read.
 */
export function checkToolResource(
	fn: IExecuteFunctions,
	specs: AnyOperationSpec[],
	resources: ResourceOption[],
	resource: string,
): void {
	if (!isToolNode(fn) || specs.some((s) => s.resource === resource && offeredToTool(s))) return;
	const name = resources.find((r) => r.value === resource)?.name ?? resource;
	throw new NodeOperationError(
		fn.getNode(),
		`The ${name} operations are not available to AI agents: use them in a regular node step instead`,
	);
}

/**
 * In the tool variant, refuses a hidden operation (naming it and why) and an irreversible one
 * while Allow Irreversible Actions is off, whatever the saved parameters or an expression say.
 */
export function checkToolUse(
	fn: IExecuteFunctions,
	spec: AnyOperationSpec,
	resources: ResourceOption[],
): void {
	if (!isToolNode(fn) || !spec.tool) return;
	if (spec.tool.use === 'hidden') {
		throw new NodeOperationError(
			fn.getNode(),
			`${label(spec, resources)} is not available to AI agents because ${spec.tool.why}: use it in a regular node step instead`,
		);
	}
	const allowed = fn.getNodeParameter(ALLOW_IRREVERSIBLE, 0, false) as unknown;
	if (toBoolean(allowed) === true) return;
	throw new NodeOperationError(
		fn.getNode(),
		`${label(spec, resources)} ${spec.tool.why} and cannot be undone, so this tool runs it only with "Allow Irreversible Actions" on`,
	);
}

/**
 * The tool variant's answer for an answer that is only the vendor's envelope (`envelope` keys,
 * e.g. wolkvox's code, error and msg) around no records: no records for a list, else the
 * success and the vendor's message, so the model reads no wrapper.
 */
export function withoutEnvelope(
	output: unknown,
	envelope: readonly string[],
	list: boolean,
): unknown {
	if (typeof output !== 'object' || output === null || Array.isArray(output)) return output;
	const keys = Object.keys(output);
	if (!keys.length || !keys.every((key) => envelope.includes(key))) return output;
	if (list) return [];
	const message = (output as IDataObject).msg ?? (output as IDataObject).message;
	return message === undefined ? { success: true } : { success: true, message };
}

/** A vendor's decisions for its tool variant, by `resource:operation`. */
export type ToolRules = Record<string, ToolUse | { hiddenFields: string[]; why: string }>;

/**
 * The specs with their tool rules applied: `tool` set, or the named fields shown only in the
 * regular node. A rule naming no spec or field fails at load, so a renamed operation is noticed.
 */
export function withToolRules(specs: AnyOperationSpec[], rules: ToolRules): AnyOperationSpec[] {
	const keyOf = (spec: AnyOperationSpec) => `${spec.resource}:${spec.operation}`;
	for (const key of Object.keys(rules)) {
		if (!specs.some((spec) => keyOf(spec) === key))
			throw new Error(`Tool rule for no operation: ${key}`);
	}
	return specs.map((spec) => {
		const rule = rules[keyOf(spec)];
		if (!rule) return spec;
		if ('use' in rule) return { ...spec, tool: rule };
		for (const name of rule.hiddenFields) {
			if (!spec.properties.some((property) => property.name === name))
				throw new Error(`Tool rule for no field: ${keyOf(spec)} ${name}`);
		}
		return {
			...spec,
			properties: spec.properties.map((property) =>
				rule.hiddenFields.includes(property.name) ? onlyInTool(property, false) : property,
			),
		};
	});
}
