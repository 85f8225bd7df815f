/**
 * Renders the README's operation tables from the nodes' own operation specs, between the
 * `<!-- operations:<vendor>:start/end -->` markers, and the AI tool table (`<!-- tools:start/end -->`).
 * `npm run docs:operations` rewrites README.md; test/docs/operationTables.test.ts fails when the
 * README differs from what this renders.
 */
import fs from 'node:fs';
import path from 'node:path';

import type { AnyOperationSpec, ResourceOption } from '../../nodes/common/execution/operation';
import { smlOperations, smlResources } from '../../nodes/Sml/operations';
import { casabacaOperations, casabacaResources } from '../../nodes/SugarCrmCasabaca/operations';
import { wolkvoxOperations, wolkvoxResources } from '../../nodes/WolkvoxCrm/operations';

export const README = path.resolve(__dirname, '../../README.md');

/** Each README section (its marker name) and the specs it lists. */
const vendors: Record<string, { resources: ResourceOption[]; operations: AnyOperationSpec[] }> = {
	sml: { resources: smlResources, operations: smlOperations },
	casabaca: { resources: casabacaResources, operations: casabacaOperations },
	wolkvox: { resources: wolkvoxResources, operations: wolkvoxOperations },
};

/** One vendor's table: a row per operation, grouped by resource in the vendor's resource order. */
export function renderTable(resources: ResourceOption[], operations: AnyOperationSpec[]): string {
	const rows = resources.flatMap((resource) =>
		operations
			.filter((spec) => spec.resource === resource.value)
			.map(
				(spec) =>
					`| ${resource.name} | ${spec.name} | \`${spec.method} ${spec.path}\` | ${spec.description} |`,
			),
	);
	return ['| Resource | Operation | Endpoint | What it does |', '|---|---|---|---|', ...rows].join(
		'\n',
	);
}

/** Node display names, in the README's order, for the AI tool table. */
const NODE_NAMES: Record<string, string> = {
	sml: 'SML',
	casabaca: 'SugarCRM Casabaca',
	wolkvox: 'wolkvox CRM',
};

/** What the AI tool variants leave out or gate (the specs' `tool`): every other operation is offered. */
export function renderToolTable(): string {
	const rows = Object.entries(vendors).flatMap(([vendor, { resources, operations }]) =>
		(['hidden', 'irreversible'] as const).flatMap((use) =>
			resources.flatMap((resource) =>
				operations
					.filter((spec) => spec.resource === resource.value && spec.tool?.use === use)
					.map(
						(spec) =>
							`| ${NODE_NAMES[vendor]} | ${resource.name} > ${spec.name} | ${use === 'hidden' ? 'not offered' : 'only with *Allow Irreversible Actions*'} | ${spec.tool?.why} |`,
					),
			),
		),
	);
	return ['| Node | Operation | In the tool | Why |', '|---|---|---|---|', ...rows].join('\n');
}

function replaceSection(text: string, marker: string, table: string): string {
	const start = `<!-- ${marker}:start -->`;
	const end = `<!-- ${marker}:end -->`;
	const from = text.indexOf(start);
	const to = text.indexOf(end);
	if (from < 0 || to < 0) throw new Error(`README has no ${start} ... ${end} markers`);
	return `${text.slice(0, from + start.length)}\n${table}\n${text.slice(to)}`;
}

/** The README text with every vendor's table rendered afresh; the rest is kept as it is. */
export function withOperationTables(readme: string): string {
	let text = readme;
	for (const [vendor, { resources, operations }] of Object.entries(vendors)) {
		text = replaceSection(text, `operations:${vendor}`, renderTable(resources, operations));
	}
	return replaceSection(text, 'tools', renderToolTable());
}

if (require.main === module) {
	const current = fs.readFileSync(README, 'utf8');
	const updated = withOperationTables(current);
	if (updated === current) {
		process.stdout.write('README.md operation tables are up to date\n');
	} else {
		fs.writeFileSync(README, updated);
		process.stdout.write('README.md operation tables rewritten\n');
	}
}
