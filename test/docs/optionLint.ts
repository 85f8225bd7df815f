/**
 * Runs n8n's own lint rules for node parameters (eslint-plugin-n8n-nodes-base, the `node-param-*`
 * rules of its `nodes` config, which eslint.config.mjs and n8n's package scanner apply) on
 * parameters built at run time. The Resource and Operation dropdowns are generated from the
 * operation specs, so eslint never sees them in the source; here they are printed back as the
 * object literals the rules read, and linted in memory.
 */
import { Linter } from 'eslint';
import type { INodeProperties } from 'n8n-workflow';

// The parser eslint.config.mjs uses for .ts files (its types need a newer moduleResolution than ours).
const tsParser = require('@typescript-eslint/parser') as Linter.Parser;
// The plugin ships no types; its `rules` and `configs` are what eslint.config.mjs uses too.
const n8nNodesPlugin = require('eslint-plugin-n8n-nodes-base') as {
	rules: Record<string, unknown>;
	configs: { nodes: { rules: Linter.RulesRecord } };
};

const PLUGIN = 'n8n-nodes-base';

/** The plugin's rules for node parameters, at the severity its `nodes` config gives them. */
export const nodeParamRules: Linter.RulesRecord = Object.fromEntries(
	Object.entries(n8nNodesPlugin.configs.nodes.rules).filter(([rule]) =>
		rule.startsWith(`${PLUGIN}/node-param-`),
	),
);

/** A lint finding, named by where a reader finds it in the node: parameter, option, rule, message. */
export interface OptionProblem {
	where: string;
	rule: string;
	message: string;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * Source text of a value. Keys stay bare identifiers because the rules only match
 * `name: '...'`-style properties (a quoted key is a different AST node and would pass unseen).
 */
function literal(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value).filter(
			([, v]) => v !== undefined && typeof v !== 'function',
		);
		return `{ ${entries.map(([k, v]) => `${IDENTIFIER.test(k) ? k : JSON.stringify(k)}: ${literal(v)}`).join(', ')} }`;
	}
	return JSON.stringify(value) ?? 'undefined';
}

function parameterLabel(parameter: INodeProperties): string {
	const resource = parameter.displayOptions?.show?.resource;
	return resource
		? `${parameter.displayName} (resource ${String(resource)})`
		: parameter.displayName;
}

/**
 * Prints the parameters one option per line, so a finding's line names the option it is about.
 * Returns the source and the label of each line (1-based, as eslint counts).
 */
function printParameters(parameters: INodeProperties[]): { source: string; labels: string[] } {
	const lines: Array<{ text: string; label: string }> = [
		{ text: 'export const properties = [', label: 'properties' },
	];
	for (const parameter of parameters) {
		const label = parameterLabel(parameter);
		const { options, ...rest } = parameter;
		if (!options) {
			lines.push({ text: `${literal(rest)},`, label });
			continue;
		}
		lines.push({ text: `${literal(rest).slice(0, -2)}, options: [`, label });
		for (const option of options) {
			const name = 'displayName' in option ? option.displayName : option.name;
			const value = 'value' in option ? ` (${String(option.value)})` : '';
			lines.push({ text: `${literal(option)},`, label: `${label} › option "${name}"${value}` });
		}
		lines.push({ text: '] },', label });
	}
	lines.push({ text: '];', label: 'properties' });
	return {
		source: lines.map((line) => line.text).join('\n'),
		labels: lines.map((line) => line.label),
	};
}

/** n8n's node-parameter lint findings for the given parameters (empty: they pass). */
export function lintParameters(parameters: INodeProperties[]): OptionProblem[] {
	const { source, labels } = printParameters(parameters);
	const messages = new Linter({ configType: 'flat' }).verify(
		source,
		[
			{
				files: ['**/*.ts'],
				languageOptions: { parser: tsParser },
				plugins: { [PLUGIN]: n8nNodesPlugin as never },
				rules: nodeParamRules,
			},
		],
		// A node file's name: some rules skip other files (e.g. GenericFunctions.ts).
		{ filename: 'nodes/Generated/Generated.node.ts' },
	);
	return messages.map((message) => ({
		where: labels[message.line - 1] ?? `line ${message.line}`,
		rule: message.ruleId ?? 'parse error',
		message: message.message,
	}));
}
