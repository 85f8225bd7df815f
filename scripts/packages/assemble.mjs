#!/usr/bin/env node
// The last step of `npm run build`: assembles the single-vendor packages (vendors.mjs) in packages/<name>/ from the
// compiled dist/ and README.md, so that all four packages come from the same sources (docs/ARCHITECTURE.md).
// Each gets only the files its node, trigger and credential reach (their requires and `file:` icons, followed from
// the entry files), its codex files with the node types renamed to its own package, its package.json, a README made
// of its vendor's sections of README.md, LICENSE and CHANGELOG.md.
// packages/<name>/package.json is committed (n8n's scanner finds a package's source by that file's name); the rest
// is build output. `--check` writes nothing and fails when a committed package.json differs from what it would write.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMBINED, VENDOR_PACKAGES } from './vendors.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The only modules shipped code may require besides its own files (n8n provides them). */
const PROVIDED = new Set(['n8n-workflow', 'zod']);

/**
 * Every file reachable from the entry files: compiled modules through their require() calls, icons through their
 * `file:` references (relative to the requiring file, as n8n reads them).
 * @param {string[]} entries paths relative to ROOT (dist/...)
 */
export function reachableFiles(entries) {
	const files = new Set();
	const queue = entries.map((e) => path.join(ROOT, e));
	while (queue.length) {
		const file = /** @type {string} */ (queue.pop());
		if (files.has(file)) continue;
		if (!fs.existsSync(file))
			throw new Error(`${path.relative(ROOT, file)} is missing: run tsc first`);
		files.add(file);
		if (!file.endsWith('.js')) continue;
		const code = fs.readFileSync(file, 'utf8');
		for (const [, request] of code.matchAll(/require\("([^"]+)"\)/g)) {
			if (!request.startsWith('.')) {
				if (!PROVIDED.has(request.split('/')[0]))
					throw new Error(
						`${path.relative(ROOT, file)} requires ${request}, which n8n does not provide`,
					);
				continue;
			}
			const base = path.resolve(path.dirname(file), request);
			const found = [`${base}.js`, path.join(base, 'index.js'), base].find((f) => fs.existsSync(f));
			if (!found) throw new Error(`${path.relative(ROOT, file)}: cannot resolve ${request}`);
			queue.push(found);
		}
		for (const [, icon] of code.matchAll(/["']file:([^"']+)["']/g))
			queue.push(path.resolve(path.dirname(file), icon));
	}
	return [...files].map((f) => path.relative(ROOT, f)).sort();
}

/** The codex file next to a node entry (dist/nodes/X/X.node.js -> X.node.json), when it has one. */
const codexOf = (entry) => entry.replace(/\.js$/, '.json');

/**
 * A section of README.md by its heading line, down to the next heading of the same or a higher level (or, with
 * `intro`, to its first subsection), with its heading set to level 2 (`title` replaces its text).
 * @param {string} readme
 * @param {{ heading: string, title?: string, intro?: boolean }} spec
 */
export function readmeSection(readme, { heading, title, intro = false }) {
	const lines = readme.split('\n');
	// Headings inside fenced code blocks (a shell comment such as `# restart n8n`) are not headings.
	let fenced = false;
	const isHeading = lines.map((line) => {
		if (/^```/.test(line)) fenced = !fenced;
		return !fenced && /^#{1,6} /.test(line);
	});
	const start = lines.findIndex((line, i) => isHeading[i] && line === heading);
	if (start < 0)
		throw new Error(`README.md has no heading "${heading}" (scripts/packages/vendors.mjs)`);
	const level = heading.indexOf(' ');
	let end = start + 1;
	while (end < lines.length) {
		const m = isHeading[end] ? /^(#+) /.exec(lines[end]) : null;
		if (m && (m[1].length <= level || intro)) break;
		end++;
	}
	// README.md's markers (<!-- operations:sml:start -->...) mean nothing in another file.
	const body = lines
		.slice(start + 1, end)
		.filter((line) => !/^<!-- .* -->$/.test(line))
		.join('\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
	return `## ${title ?? heading.slice(level + 1)}\n\n${body}\n`;
}

/** Relative links and images of README.md point into the repository once the README is elsewhere. */
function absoluteLinks(markdown, repoUrl) {
	const blob = (target) =>
		/^(https?:|#|mailto:)/.test(target)
			? target
			: `${repoUrl}/blob/HEAD/${target.replace(/^\.\//, '')}`;
	return markdown
		.replace(/\]\(([^)\s]+)\)/g, (_, target) => `](${blob(target)})`)
		.replace(/ src="([^"]+)"/g, (_, target) => ` src="${blob(target)}"`);
}

/** The repository's web address, from package.json's repository.url. */
const repositoryUrl = (root) => root.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

/** @param {any} root the root package.json @param {import('./vendors.mjs').VendorPackage} pkg */
export function packageJsonOf(root, pkg) {
	return {
		name: pkg.name,
		version: root.version,
		description: pkg.description,
		keywords: ['n8n-community-node-package', 'n8n', ...pkg.keywords],
		license: root.license,
		author: root.author,
		homepage: root.homepage,
		repository: { ...root.repository, directory: `packages/${pkg.name}` },
		bugs: root.bugs,
		engines: root.engines,
		files: ['dist', 'CHANGELOG.md'],
		scripts: { prepublishOnly: 'node ../../scripts/packages/publish-guard.mjs' },
		n8n: { n8nNodesApiVersion: 1, credentials: pkg.credentials, nodes: pkg.nodes },
		peerDependencies: { 'n8n-workflow': '*' },
	};
}

/** @param {any} root @param {import('./vendors.mjs').VendorPackage} pkg @param {string} readme */
export function readmeOf(root, pkg, readme) {
	const repo = repositoryUrl(root);
	const head = [
		`<!-- Generated by scripts/packages/assemble.mjs (npm run build) from the README.md of ${repo}: edit that one. -->`,
		`# ${pkg.name}`,
		'',
		`${pkg.description}: the **${pkg.title}** node (also usable as an AI agent tool), the **${pkg.title} Trigger** ` +
			`and the ${pkg.title} credential. The same nodes, with the same names, versions and parameters, are also in ` +
			`[${COMBINED}](https://www.npmjs.com/package/${COMBINED}) together with the other vendors' nodes: install ` +
			'one of the two packages, not both.',
		'',
		'## Install in n8n',
		'',
		`In n8n: *Settings > Community Nodes > Install*, enter \`${pkg.name}\`, accept the risk notice, and install. ` +
			'Or, in the n8n user folder (`~/.n8n`, or `$N8N_USER_FOLDER/.n8n`):',
		'',
		'```bash',
		'mkdir -p ~/.n8n/nodes && cd ~/.n8n/nodes',
		`npm install ${pkg.name}`,
		'# restart n8n',
		'```',
		'',
	].join('\n');
	const sections = pkg.readme.map((spec) => readmeSection(readme, spec));
	const tail = [
		'## More',
		'',
		`Errors and retries, limits, AI agents, scaling and the development of these nodes: [the full README](${repo}#readme).`,
		'',
		'## License',
		'',
		`[${root.license}](LICENSE)`,
		'',
	].join('\n');
	return absoluteLinks([head, ...sections, tail].join('\n'), repo);
}

/** The files of one package: { relative path inside the package: contents (Buffer or string) }. */
function packageFiles(root, pkg, readme) {
	/** @type {Record<string, Buffer | string>} */
	const out = {};
	for (const file of reachableFiles([...pkg.nodes, ...pkg.credentials]))
		out[file] = fs.readFileSync(path.join(ROOT, file));
	for (const node of pkg.nodes) {
		const codex = path.join(ROOT, codexOf(node));
		if (!fs.existsSync(codex)) continue;
		const json = JSON.parse(fs.readFileSync(codex, 'utf8'));
		json.node = json.node.replace(`${COMBINED}.`, `${pkg.name}.`);
		out[codexOf(node)] = `${JSON.stringify(json, null, '\t')}\n`;
	}
	out['package.json'] = `${JSON.stringify(packageJsonOf(root, pkg), null, 2)}\n`;
	out['README.md'] = readmeOf(root, pkg, readme);
	for (const file of ['LICENSE', 'CHANGELOG.md'])
		out[file] = fs.readFileSync(path.join(ROOT, file));
	return out;
}

function main() {
	const check = process.argv.includes('--check');
	const root = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
	const problems = [];
	for (const pkg of VENDOR_PACKAGES) {
		const dir = path.join(ROOT, 'packages', pkg.name);
		const manifest = `${JSON.stringify(packageJsonOf(root, pkg), null, 2)}\n`;
		if (check) {
			const committed = path.join(dir, 'package.json');
			const current = fs.existsSync(committed) ? fs.readFileSync(committed, 'utf8') : '';
			if (current !== manifest) problems.push(`packages/${pkg.name}/package.json`);
			continue;
		}
		const files = packageFiles(root, pkg, fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'));
		fs.rmSync(dir, { recursive: true, force: true });
		for (const [file, contents] of Object.entries(files)) {
			fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
			fs.writeFileSync(path.join(dir, file), contents);
		}
		const js = Object.keys(files).filter((f) => f.endsWith('.js')).length;
		console.log(`packages/${pkg.name}: ${js} modules, ${Object.keys(files).length} files`);
	}
	if (problems.length) {
		console.error(
			`${problems.join(', ')}: not what scripts/packages/assemble.mjs writes (run npm run build and commit them)`,
		);
		process.exitCode = 1;
	}
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
