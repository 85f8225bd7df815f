/** What n8n reads of the three triggers: their registration, codex files, icons and credentials. */
import fs from 'node:fs';
import path from 'node:path';

import { triggerClasses } from '../harness/runPoll';

const ROOT = path.resolve(__dirname, '../..');
const packageJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
	name: string;
	n8n: { nodes: string[]; credentials: string[] };
};

const FOLDERS: Record<string, string> = {
	smlTrigger: 'SmlTrigger',
	wolkvoxCrmTrigger: 'WolkvoxCrmTrigger',
	sugarCrmCasabacaTrigger: 'SugarCrmCasabacaTrigger',
};

describe.each(Object.entries(FOLDERS))('%s', (name, folder) => {
	const { description } = triggerClasses[name];

	test('is a polling trigger listed in package.json, reusing a credential of the package', () => {
		expect(packageJson.n8n.nodes).toContain(`dist/nodes/${folder}/${folder}.node.js`);
		expect(description).toMatchObject({
			name,
			polling: true,
			group: ['trigger'],
			inputs: [],
			version: 1,
		});
		expect(description.displayName).toMatch(/ Trigger$/);
		const credential = description.credentials?.[0]?.name ?? '';
		const credentialClass = credential.charAt(0).toUpperCase() + credential.slice(1);
		expect(packageJson.n8n.credentials).toContain(
			`dist/credentials/${credentialClass}.credentials.js`,
		);
	});

	test("has a codex file and the vendor's icons", () => {
		const codex = JSON.parse(
			fs.readFileSync(path.join(ROOT, 'nodes', folder, `${folder}.node.json`), 'utf8'),
		);
		expect(codex.node).toBe(`${packageJson.name}.${name}`);
		const icon = description.icon as { light: string; dark: string };
		for (const file of [icon.light, icon.dark]) {
			expect(file).toMatch(/^file:\.\.\/[A-Za-z]+\/[A-Za-z]+(\.dark)?\.svg$/);
			expect(fs.existsSync(path.join(ROOT, 'nodes', folder, file.slice('file:'.length)))).toBe(
				true,
			);
		}
	});
});

test('the wolkvox CRM Trigger says, above its parameters, that each poll uses the daily quota', () => {
	const [first] = triggerClasses.wolkvoxCrmTrigger.description.properties;
	expect(first.type).toBe('notice');
	expect(first.displayName).toMatch(
		/^Each poll uses the token's daily quota: one call per poll when nothing is new/,
	);
});
