// What the package declares (package.json "n8n" section, loaded from dist/) against what the running n8n
// serves to its editor (/types/nodes.json, /types/credentials.json).
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT } from './config.mjs';

const require = createRequire(import.meta.url);

/** n8n adds a "Custom API Call" choice to the Resource and Operation dropdowns of nodes with credentials. */
export const CUSTOM_API_CALL = '__CUSTOM_API_CALL__';

function loadClass(file) {
	const mod = require(path.join(ROOT, file));
	const Cls = Object.values(mod).find((v) => typeof v === 'function');
	if (!Cls) throw new Error(`${file} exports no class`);
	return new Cls();
}

/** The package's nodes and credentials, from package.json and dist/ (run after the build). */
export function packageTypes() {
	const pj = require(path.join(ROOT, 'package.json'));
	const nodes = (pj.n8n?.nodes || []).map((file) => {
		const description = JSON.parse(JSON.stringify(loadClass(file).description));
		return { file, type: `${pj.name}.${description.name}`, description };
	});
	const credentials = (pj.n8n?.credentials || []).map((file) => {
		const c = JSON.parse(JSON.stringify(loadClass(file)));
		return { file, name: c.name, displayName: c.displayName, properties: c.properties || [] };
	});
	return { name: pj.name, version: pj.version, nodes, credentials };
}

/** Resource -> operation values, from a node description. */
export function operationsOf(description) {
	const props = description.properties || [];
	const resource = props.find((p) => p.name === 'resource');
	const out = {};
	const resources = resource ? resource.options.map((o) => o.value) : [''];
	for (const r of resources) {
		const ops = props.filter(
			(p) =>
				p.name === 'operation' &&
				(!resource || (p.displayOptions?.show?.resource || []).includes(r)),
		);
		out[r] = ops.flatMap((p) => (p.options || []).map((o) => o.value));
	}
	return out;
}

function withoutCustomApiCall(properties) {
	return properties.map((p) => {
		if ((p.name === 'resource' || p.name === 'operation') && Array.isArray(p.options)) {
			return { ...p, options: p.options.filter((o) => o.value !== CUSTOM_API_CALL) };
		}
		return p;
	});
}

function firstDifference(a, b, where = '') {
	if (JSON.stringify(a) === JSON.stringify(b)) return null;
	if (a && b && typeof a === 'object' && typeof b === 'object') {
		const keys = Array.isArray(a)
			? [...Array(Math.max(a.length, b.length)).keys()]
			: [...new Set([...Object.keys(a), ...Object.keys(b)])];
		for (const k of keys) {
			const d = firstDifference(
				a[k],
				b[k],
				`${where}/${Array.isArray(a) ? `${k}${a[k]?.name ? `(${a[k].name})` : ''}` : k}`,
			);
			if (d) return d;
		}
	}
	return `${where}: package ${JSON.stringify(a)?.slice(0, 160)} / n8n ${JSON.stringify(b)?.slice(0, 160)}`;
}

/**
 * Compares. Returns { checks: [{name, ok, detail}], notes: [string] }.
 * servedNodes / servedCredentials: the arrays n8n serves at /types/nodes.json and /types/credentials.json.
 */
export function compareTypes(pkg, servedNodes, servedCredentials) {
	const checks = [];
	const notes = new Set();
	const check = (name, ok, detail = '') => checks.push({ name, ok: Boolean(ok), detail });
	for (const node of pkg.nodes) {
		const d = node.description;
		const served = servedNodes.find((n) => n.name === node.type);
		check(`node ${node.type} is listed by n8n`, served);
		if (!served) continue;
		check(
			`node ${node.type}: display name "${d.displayName}"`,
			served.displayName === d.displayName,
			served.displayName,
		);
		check(
			`node ${node.type}: description, version, credentials`,
			JSON.stringify([served.description, served.version, served.credentials]) ===
				JSON.stringify([d.description, d.version, d.credentials]),
		);
		const local = operationsOf(d);
		const remote = operationsOf(served);
		const resources = Object.keys(local);
		const servedResources = Object.keys(remote).filter((r) => r !== CUSTOM_API_CALL);
		check(
			`node ${node.type}: resources ${resources.join(', ')}`,
			JSON.stringify(servedResources) === JSON.stringify(resources),
			servedResources.join(', '),
		);
		let opCount = 0;
		for (const r of resources) {
			const servedOps = (remote[r] || []).filter((o) => o !== CUSTOM_API_CALL);
			opCount += local[r].length;
			check(
				`node ${node.type}: ${r || '(no resource)'} operations ${local[r].join(', ')}`,
				JSON.stringify(servedOps) === JSON.stringify(local[r]),
				servedOps.join(', '),
			);
		}
		// n8n puts its own Poll Times parameter first on every polling node.
		const servedOwn = d.polling
			? withoutCustomApiCall(served.properties).filter((p) => p.name !== 'pollTimes')
			: withoutCustomApiCall(served.properties);
		if (d.polling && served.properties[0]?.name === 'pollTimes')
			notes.add(`n8n adds its Poll Times parameter (pollTimes) to the polling node ${node.type}`);
		const diff = firstDifference(d.properties, servedOwn);
		check(
			`node ${node.type}: all ${d.properties.length} parameters (${opCount} operations) served as declared`,
			!diff,
			diff || '',
		);
		if (
			JSON.stringify(served.properties) !== JSON.stringify(withoutCustomApiCall(served.properties))
		) {
			notes.add(
				`n8n adds a "Custom API Call" (${CUSTOM_API_CALL}) choice to the Resource and Operation dropdowns of ${node.type}`,
			);
		}
		check(`node ${node.type}: icon served`, served.iconUrl, JSON.stringify(served.iconUrl));
		if (d.usableAsTool) {
			const tool = servedNodes.find((n) => n.name === `${node.type}Tool`);
			check(`node ${node.type}: AI tool variant ${node.type}Tool listed (usableAsTool)`, tool);
		}
	}
	for (const cred of pkg.credentials) {
		const served = servedCredentials.find((c) => c.name === cred.name);
		check(`credential ${cred.name} is listed by n8n`, served);
		if (!served) continue;
		check(
			`credential ${cred.name}: display name "${cred.displayName}"`,
			served.displayName === cred.displayName,
			served.displayName,
		);
		const missing = cred.properties.filter((p) => {
			const s = (served.properties || []).find((x) => x.name === p.name);
			return !s || JSON.stringify(s) !== JSON.stringify(p);
		});
		check(
			`credential ${cred.name}: fields ${cred.properties.map((p) => p.name).join(', ')} served as declared`,
			missing.length === 0,
			missing.map((p) => p.name).join(', '),
		);
		const extra = (served.properties || [])
			.filter((p) => !cred.properties.some((x) => x.name === p.name))
			.map((p) => p.name);
		if (extra.length)
			notes.add(`n8n adds fields to the package's credentials: ${extra.join(', ')}`);
	}
	return { checks, notes: [...notes] };
}
