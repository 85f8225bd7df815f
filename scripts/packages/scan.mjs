#!/usr/bin/env node
// npm run lint:packages: what n8n's package scanner (@n8n/scan-community-package) checks, run offline on each of the
// four packages as `npm pack` makes it (after `npm run build`). The scanner downloads the tarball, unpacks it and
// lints its compiled `**/*.js` and its package.json with ESLint (inline disable comments ignored) under the config
// below: @n8n/eslint-plugin-community-nodes' recommended rules, no-console, and eslint-plugin-n8n-nodes-base's
// community, credentials and nodes rule sets with the scanner's own exceptions. It also lints the source the npm
// provenance statement names: the folder of the repository whose package.json has the package's name, files
// `package.json` and `{nodes,credentials}/**/*.{js,ts,json}`; that leg is run here on what git holds of this working
// tree (no build output). Errors fail a package, warnings are shown. Provenance itself exists only for a package
// published by CI (publish.yml).
// Also checked, as n8n's rules ask: no dependencies, `n8n-workflow: "*"` as the only peer dependency, only the files
// a user needs in the tarball. Prints each package's tarball size.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesPlugin from 'eslint-plugin-n8n-nodes-base';
import { ESLint } from 'eslint';
import { defineConfig } from 'eslint/config';
import fg from 'fast-glob';
import { COMBINED, VENDOR_PACKAGES } from './vendors.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The scanner's ESLint configuration (buildScanConfig in scan-community-package's scanner.mjs). */
const scanConfig = defineConfig(
	n8nCommunityNodesPlugin.configs.recommended,
	{ rules: { 'no-console': 'error' } },
	{ plugins: { 'n8n-nodes-base': n8nNodesPlugin } },
	{ files: ['package.json'], rules: { ...n8nNodesPlugin.configs.community.rules } },
	{
		files: ['**/credentials/**/*.ts'],
		rules: {
			...n8nNodesPlugin.configs.credentials.rules,
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		files: ['**/nodes/**/*.ts'],
		rules: {
			...n8nNodesPlugin.configs.nodes.rules,
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
	{ files: ['**/*.json'], languageOptions: { parser: tsParser } },
	{ files: ['**/*.ts'], languageOptions: { parser: tsParser } },
);

/** ESLint over `patterns` in `dir`, as the scanner runs it: { errors, warnings, report }. */
async function lint(dir, patterns) {
	const eslint = new ESLint({
		cwd: dir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: scanConfig,
	});
	const files = fg.sync(patterns, {
		cwd: dir,
		absolute: true,
		ignore: ['node_modules/**', '**/package-lock.json'],
	});
	const results = await eslint.lintFiles(files);
	const count = (key) => results.reduce((n, r) => n + r[key], 0);
	const report = await (await eslint.loadFormatter('stylish')).format(results);
	return {
		files: files.length,
		errors: count('errorCount'),
		warnings: count('warningCount'),
		report,
	};
}

/** `npm pack` of the package in `dir` into `dest`: the tarball and npm's figures. */
function pack(dir, dest) {
	const res = spawnSync('npm', ['pack', '--json', '--silent', '--pack-destination', dest], {
		cwd: dir,
		encoding: 'utf8',
	});
	if (res.status !== 0) throw new Error(`npm pack in ${dir} failed:\n${res.stderr}`);
	const [info] = JSON.parse(res.stdout);
	return { ...info, tarball: path.join(dest, info.filename) };
}

/** What the rules ask of a published package.json besides ESLint's rules. */
function manifestProblems(pj) {
	const problems = [];
	if (Object.keys(pj.dependencies ?? {}).length) problems.push('has runtime dependencies');
	if (JSON.stringify(pj.peerDependencies) !== JSON.stringify({ 'n8n-workflow': '*' }))
		problems.push(
			`peerDependencies are ${JSON.stringify(pj.peerDependencies)}, not {"n8n-workflow":"*"}`,
		);
	if (!pj.keywords?.includes('n8n-community-node-package'))
		problems.push('lacks the keyword n8n-community-node-package');
	return problems;
}

/** Files a user does not need (sources, tests, maps, declarations, tooling) found in the tarball. */
const extraFiles = (files) =>
	files
		.map((f) => f.path)
		.filter(
			(f) =>
				!/^(package\.json|README\.md|LICENSE|CHANGELOG\.md)$/.test(f) &&
				!/^dist\/(nodes|credentials)\/.+\.(js|json|svg|png)$/.test(f),
		);

/** The folder of this repository whose package.json is named `name` (the scanner's findPackageRoot). */
function sourceRoot(name) {
	const manifests = fg.sync('**/package.json', {
		cwd: ROOT,
		absolute: true,
		ignore: ['**/node_modules/**', '.cache/**', '**/dist/**'],
	});
	const found = manifests.find((m) => JSON.parse(fs.readFileSync(m, 'utf8')).name === name);
	return found && path.dirname(found);
}

/**
 * What a checkout of the repository holds of a package's folder (files git tracks or would add: no build output),
 * copied to `dest`: the scanner lints the source from GitHub, where dist/ and packages/<name>/dist/ do not exist.
 */
function sourceCopy(root, dest) {
	const listed = spawnSync(
		'git',
		['ls-files', '--cached', '--others', '--exclude-standard', '-z', '--', '.'],
		{
			cwd: root,
			encoding: 'utf8',
		},
	);
	if (listed.status !== 0) throw new Error(`git ls-files in ${root} failed: ${listed.stderr}`);
	for (const file of listed.stdout.split('\0').filter(Boolean)) {
		if (
			!/^(package\.json$|nodes\/|credentials\/)/.test(file) ||
			!fs.existsSync(path.join(root, file))
		)
			continue;
		fs.mkdirSync(path.dirname(path.join(dest, file)), { recursive: true });
		fs.copyFileSync(path.join(root, file), path.join(dest, file));
	}
	return dest;
}

async function main() {
	const packages = [
		{ name: COMBINED, dir: ROOT },
		...VENDOR_PACKAGES.map((p) => ({ name: p.name, dir: path.join(ROOT, 'packages', p.name) })),
	];
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-packages-'));
	let failed = false;
	try {
		for (const { name, dir } of packages) {
			if (!fs.existsSync(path.join(dir, 'dist')))
				throw new Error(
					`${path.relative(ROOT, dir) || '.'}/dist is missing: run npm run build first`,
				);
			const info = pack(dir, work);
			const unpacked = path.join(work, name);
			fs.mkdirSync(unpacked);
			const tar = spawnSync('tar', ['-xzf', info.tarball, '-C', unpacked, '--strip-components=1']);
			if (tar.status !== 0) throw new Error(`tar failed for ${info.tarball}`);
			const tarballLeg = await lint(unpacked, ['**/*.js', 'package.json']);
			const root = sourceRoot(name);
			const sourceLeg = root
				? await lint(sourceCopy(root, path.join(work, `${name}-source`)), [
						'package.json',
						'{nodes,credentials}/**/*.{js,ts,json}',
					])
				: undefined;
			const problems = [
				...manifestProblems(
					JSON.parse(fs.readFileSync(path.join(unpacked, 'package.json'), 'utf8')),
				),
				...extraFiles(info.files).map((f) => `ships ${f}`),
				...(root
					? []
					: ['no package.json of this name in the repository: the scanner cannot find its source']),
			];
			const errors = tarballLeg.errors + (sourceLeg?.errors ?? 0);
			const ok = errors === 0 && problems.length === 0;
			failed ||= !ok;
			console.log(
				`${ok ? 'PASS' : 'FAIL'} ${info.filename}: ${(info.size / 1024).toFixed(1)} kB packed, ` +
					`${(info.unpackedSize / 1024).toFixed(1)} kB unpacked, ${info.entryCount} files; ` +
					`tarball: ${tarballLeg.files} files linted, ${tarballLeg.errors} errors, ${tarballLeg.warnings} warnings; ` +
					`source (${path.relative(ROOT, root ?? ROOT) || '.'}): ` +
					(sourceLeg
						? `${sourceLeg.files} files linted, ${sourceLeg.errors} errors, ${sourceLeg.warnings} warnings`
						: 'not found'),
			);
			for (const p of problems) console.log(`  ${p}`);
			for (const leg of [tarballLeg, sourceLeg]) if (leg?.report.trim()) console.log(leg.report);
		}
	} finally {
		fs.rmSync(work, { recursive: true, force: true });
	}
	if (failed) process.exitCode = 1;
}

await main();
