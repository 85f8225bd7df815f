#!/usr/bin/env node
// npm run screenshots — looks at the package as a user does: opens the n8n editor (the n8n installed by the
// e2e tooling) in headless Chromium, adds each node of the package to a canvas through the nodes panel,
// and saves PNGs of its actions list and of its parameter panel into docs/screenshots/.
// Needs Debian's chromium (installed with apt-get when missing and running as root) and playwright-core.
// Options: --skip-build (reuse dist/), --out=<folder> (default docs/screenshots).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { CACHE_DIR, ROOT } from './e2e/config.mjs';
import { ensureN8n } from './e2e/install-n8n.mjs';
import { credentialsFor, N8nRest, OWNER, runCli, startServer } from './e2e/n8n.mjs';
import { buildPackAndInstall } from './e2e/package.mjs';

const require = createRequire(import.meta.url);
const { startSandbox } = require('../sandbox/index.js');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// Flags that work on these machines (closed network; root).
const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/**
 * What to show for each node (by its display name): the actions a user picks in the nodes panel, optional
 * dropdown choices (parameter name, option shown), fields to add from a collection ("Add Filter" > "Status"), and
 * a dropdown to leave open (its options loaded from the sandbox), or a resource locator whose "From List" to leave open
 * (locator: its parameter name; the list is loaded from the sandbox through the node's listSearch method).
 * Nodes are added at their newest version (version 2: resource locators, Simplify).
 * The parameter panel of each is saved; a node without
 * an entry gets its first action. File names: <node name>-actions.png, <node name>-<action>[-<suffix>].png.
 */
const SHOTS = {
	SML: [
		{ action: 'Create a lead', open: 'source' },
		// Version 2: the Lead ID locator (From List) and the Simplify toggle; then the locator's list, open.
		{ action: 'Get a lead' },
		{ action: 'Get a lead', locator: 'leadId', suffix: 'lead-list' },
		{ action: 'Get many leads', add: [['Add Filter', 'Status']] },
	],
	'SugarCRM Casabaca': [
		{ action: 'Create a ticket from a landing page' },
		{ action: 'Create a call with its appointment', choose: [['type', 'Appointment (Cita)']] },
	],
	'wolkvox CRM': [
		{ action: 'Create a case with attachments' },
		{ action: 'Create a call activity' },
	],
};

const args = process.argv.slice(2);
const outDir = path.resolve(
	ROOT,
	(args.find((a) => a.startsWith('--out=')) || '--out=docs/screenshots').slice(6),
);
const log = (m) => console.log(`[screenshots] ${m}`);
const slug = (s) =>
	s
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');

function ensureChromium() {
	if (fs.existsSync(CHROMIUM)) return;
	if (process.getuid?.() !== 0)
		throw new Error(
			`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)`,
		);
	log('installing Debian chromium with apt-get');
	/** @type {[string, string[]][]} */
	const cmds = [
		['apt-get', ['update', '-qq']],
		['apt-get', ['install', '-y', '-qq', 'chromium']],
	];
	for (const cmd of cmds) {
		const r = spawnSync(cmd[0], cmd[1], {
			stdio: 'inherit',
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		});
		if (r.status !== 0) throw new Error(`${cmd[0]} ${cmd[1].join(' ')} failed`);
	}
}

/**
 * The part of the page an element's content fills: from the element's top (or, with column, the top of the
 * panel column holding it) to the bottom of its lowest visible leaf (or of the lowest element matching last),
 * n8n's "I wish this node would..." link left out.
 */
async function contentClip(locator, { column = false, last = '*' } = {}) {
	return await locator.evaluate(
		(el, [col, lastSelector]) => {
			// Runs in the page, whose global object is the window (this file is typed for Node: no DOM globals).
			const win = /** @type {{ innerWidth: number }} */ (/** @type {unknown} */ (globalThis));
			let box = el;
			if (col)
				while (
					box.parentElement &&
					box.parentElement.getBoundingClientRect().width < win.innerWidth * 0.5
				)
					box = box.parentElement;
			const c = box.getBoundingClientRect();
			let bottom = c.top;
			for (const leaf of el.querySelectorAll(lastSelector)) {
				if (
					(lastSelector === '*' && leaf.children.length) ||
					leaf.closest('[data-test-id="node-feature-request"]')
				)
					continue;
				const r = leaf.getBoundingClientRect();
				if (r.height > 0 && r.width > 0 && r.bottom <= c.bottom + 1)
					bottom = Math.max(bottom, r.bottom);
			}
			return { x: c.x, y: c.y, width: c.width, height: Math.min(c.height, bottom - c.y + 16) };
		},
		[column, last],
	);
}

async function main() {
	ensureChromium();
	const { chromium, selectors } = require('playwright-core');
	selectors.setTestIdAttribute('data-test-id');
	ensureN8n();
	const userFolder = path.join(CACHE_DIR, 'screenshots-user');
	fs.rmSync(userFolder, { recursive: true, force: true });
	fs.mkdirSync(userFolder, { recursive: true });
	const { pkg } = buildPackAndInstall(userFolder, {
		skipBuild: args.includes('--skip-build'),
		log,
	});
	const sb = await startSandbox({ port: 0, quiet: true });
	const creds = credentialsFor(sb, pkg);
	fs.writeFileSync(path.join(userFolder, 'credentials.json'), JSON.stringify(creds));
	const imp = await runCli(userFolder, [
		'import:credentials',
		`--input=${path.join(userFolder, 'credentials.json')}`,
	]);
	if (imp.code !== 0) throw new Error(`import:credentials failed:\n${imp.stdout}\n${imp.stderr}`);
	const server = await startServer(userFolder);
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		args: CHROMIUM_ARGS,
		headless: true,
	});
	const saved = [];
	try {
		await new N8nRest(server.url).ownerLogin(); // sets the owner account up
		// A tall window, so that the parameter panel shows its fields without scrolling.
		const context = await browser.newContext({
			viewport: { width: 1440, height: 3000 },
			deviceScaleFactor: 1,
		});
		const page = await context.newPage();
		page.on('dialog', (d) => d.accept().catch(() => {}));
		await page.goto(`${server.url}/signin`);
		await page.fill('input[name=emailOrLdapLoginId]', OWNER.email);
		await page.fill('input[name=password]', OWNER.password);
		await page.click('button:has-text("Sign in")');
		await page.waitForURL(/\/home\//, { timeout: 30000 });
		fs.mkdirSync(outDir, { recursive: true });

		// Trigger nodes have no panel item of their own: n8n lists their events as "Triggers" of the node of the same
		// name (e.g. SML), in its actions picture.
		for (const node of pkg.nodes.filter((n) => !n.description.group?.includes('trigger'))) {
			const name = node.description.displayName;
			const allActions = node.description.properties
				.filter((p) => p.name === 'operation')
				.flatMap((p) => p.options.map((o) => o.action))
				.filter(Boolean);
			const wanted = (SHOTS[name] || []).filter((a) => allActions.includes(a.action));
			if (!wanted.length) wanted.push({ action: allActions[0] });
			for (const [
				i,
				{ action, add = [], choose = [], open, locator, suffix },
			] of wanted.entries()) {
				await page.goto(`${server.url}/workflow/new`);
				await page.getByTestId('canvas-plus-button').click();
				await page.getByTestId('node-creator-search-bar').waitFor();
				await page.keyboard.type(name);
				await page
					.getByTestId('node-creator-item-name')
					.filter({ hasText: new RegExp(`^${name}$`) })
					.first()
					.click();
				const creator = page.getByTestId('node-creator');
				const actionItem = creator.getByText(action, { exact: true }).first();
				// From an empty canvas the panel lists a node's triggers first (this package has trigger nodes), its
				// actions folded under "Actions (n)": unfold them.
				const folded = creator.getByText(/^Actions \(\d+\)$/).first();
				await actionItem.or(folded).first().waitFor();
				if (!(await actionItem.isVisible())) await folded.click();
				await actionItem.waitFor();
				if (i === 0) {
					const file = path.join(outDir, `${slug(name)}-actions.png`);
					await page.waitForTimeout(500);
					await page.screenshot({
						path: file,
						clip: await contentClip(creator, { last: '[data-test-id="item-iterator-item"]' }),
					});
					saved.push(file);
				}
				await creator.getByText(action, { exact: true }).first().click();
				const ndv = page.getByTestId('ndv');
				await ndv.waitFor();
				await page.getByTestId('node-parameters').waitFor();
				for (const [param, option] of choose) {
					await page.getByTestId(`parameter-input-${param}`).click();
					await page
						.locator('.el-select-dropdown__item:visible', { hasText: option })
						.first()
						.click();
				}
				for (const [button, option] of add) {
					const params = page.getByTestId('node-parameters');
					const byPlaceholder = params.getByPlaceholder(button, { exact: true });
					await (
						(await byPlaceholder.count())
							? byPlaceholder
							: params.getByText(button, { exact: true })
					)
						.first()
						.click();
					await page
						.getByTestId('collection-parameter-option')
						.filter({ hasText: option })
						.first()
						.click();
				}
				await page.mouse.move(5, 5); // no hover or focus effects in the picture
				// An expression as a string: it runs in the page, whose `document` this Node-typed file does not know.
				await page.evaluate('document.activeElement && document.activeElement.blur()');
				// Let dropdowns that load their options from the sandbox (e.g. SML sources) settle.
				await page.waitForTimeout(2000);
				if (open) {
					// Show a dropdown whose options n8n loaded from the vendor (the sandbox) through the node.
					await page.getByTestId(`parameter-input-${open}`).click();
					await page
						.locator('.el-select-dropdown__item:visible')
						.first()
						.waitFor({ timeout: 15000 });
					await page.waitForTimeout(500);
				}
				if (locator) {
					// Open a resource locator's "From List": n8n asks the node's listSearch method, which asks the sandbox.
					await page
						.getByTestId(`resource-locator-${locator}`)
						.getByTestId('rlc-input')
						.first()
						.click();
					await page.getByTestId('rlc-item').first().waitFor({ timeout: 15000 });
					await page.waitForTimeout(500);
				}
				const file = path.join(
					outDir,
					`${slug(name)}-${slug(action)}${suffix ? `-${suffix}` : ''}.png`,
				);
				// The NDV's parameter column, from its tabs to its last field (the empty input/output panes are left out).
				let clip = await contentClip(page.getByTestId('node-parameters'), { column: true });
				if (locator) {
					// The open list is a popover outside the column: the picture covers both.
					const boxes = [];
					for (const el of await page.locator('[data-test-id="rlc-item"]:visible').all())
						boxes.push(await el.boundingBox());
					for (const el of await page
						.locator('[data-test-id="resource-locator-dropdown"]:visible')
						.all())
						boxes.push(await el.boundingBox());
					for (const b of boxes.filter(Boolean)) {
						const x = Math.min(clip.x, b.x);
						const y = Math.min(clip.y, b.y);
						const right = Math.max(clip.x + clip.width, b.x + b.width + 8);
						const bottom = Math.max(clip.y + clip.height, b.y + b.height + 8);
						clip = { x, y, width: right - x, height: bottom - y };
					}
				}
				await page.screenshot({ path: file, clip });
				saved.push(file);
				await page.keyboard.press('Escape');
			}
		}
		await context.close();
	} finally {
		await browser.close();
		await server.stop();
		await sb.close();
	}
	for (const f of saved) log(`saved ${path.relative(ROOT, f)}`);
	fs.rmSync(userFolder, { recursive: true, force: true });
}

main().catch((e) => {
	console.error(e.stack || e);
	process.exit(1);
});
