/**
 * The README's operation tables are rendered from the nodes' own specs. This test fails when
 * they drift; `npm run docs:operations` (UPDATE_README=1) rewrites them.
 */
import fs from 'node:fs';
import path from 'node:path';

import type { AnyOperationSpec, ResourceOption } from '../../nodes/common/operation';
import { smlOperations, smlResources } from '../../nodes/Sml/operations';
import { casabacaOperations, casabacaResources } from '../../nodes/SugarCrmCasabaca/operations';
import { wolkvoxOperations, wolkvoxResources } from '../../nodes/WolkvoxCrm/operations';

const README = path.resolve(__dirname, '../../README.md');

const vendors: Record<string, { resources: ResourceOption[]; operations: AnyOperationSpec[] }> = {
	sml: { resources: smlResources, operations: smlOperations },
	casabaca: { resources: casabacaResources, operations: casabacaOperations },
	wolkvox: { resources: wolkvoxResources, operations: wolkvoxOperations },
};

export function renderTable(resources: ResourceOption[], operations: AnyOperationSpec[]): string {
	const rows = resources.flatMap((resource) =>
		operations
			.filter((spec) => spec.resource === resource.value)
			.map((spec) => `| ${resource.name} | ${spec.name} | \`${spec.method} ${spec.path}\` | ${spec.description} |`),
	);
	return ['| Resource | Operation | Endpoint | What it does |', '|---|---|---|---|', ...rows].join('\n');
}

function replaceSection(text: string, vendor: string, table: string): string {
	const start = `<!-- operations:${vendor}:start -->`;
	const end = `<!-- operations:${vendor}:end -->`;
	const from = text.indexOf(start);
	const to = text.indexOf(end);
	if (from < 0 || to < 0) throw new Error(`README has no ${start} ... ${end} markers`);
	return `${text.slice(0, from + start.length)}\n${table}\n${text.slice(to)}`;
}

test('README operation tables match the nodes', () => {
	const current = fs.readFileSync(README, 'utf8');
	let expected = current;
	for (const [vendor, { resources, operations }] of Object.entries(vendors)) {
		expected = replaceSection(expected, vendor, renderTable(resources, operations));
	}
	if (process.env.UPDATE_README === '1') fs.writeFileSync(README, expected);
	else expect(current).toBe(expected);
});
