// Build, pack and install this package into an n8n user folder, as a community package.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NODE24_BIN_DIR, ROOT } from './config.mjs';
import { installCommunityPackage } from './n8n.mjs';
import { packageTypes } from './types.mjs';

export function sh(cmd, cmdArgs, opts = {}) {
	const res = spawnSync(cmd, cmdArgs, {
		cwd: ROOT,
		encoding: 'utf8',
		env: { ...process.env, PATH: `${NODE24_BIN_DIR}${path.delimiter}${process.env.PATH}` },
		...opts,
	});
	if (res.status !== 0)
		throw new Error(
			`${cmd} ${cmdArgs.join(' ')} failed (${res.status}):\n${res.stdout}\n${res.stderr}`,
		);
	return res.stdout;
}

/**
 * npm run build (unless skipBuild), npm pack, and install the tarball in <userFolder>/.n8n/nodes.
 * Returns the package's declared types (packageTypes()) and the tarball's name.
 * @param {string} userFolder
 * @param {{ skipBuild?: boolean, log?: (msg: string) => void }} [opts]
 */
export function buildPackAndInstall(userFolder, { skipBuild = false, log = () => {} } = {}) {
	if (!skipBuild) {
		log('npm run build');
		sh('npm', ['run', 'build', '--silent']);
	}
	const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-pack-'));
	try {
		const packOut = sh('npm', ['pack', '--silent', '--pack-destination', packDir])
			.trim()
			.split('\n')
			.pop();
		const tarball = path.join(packDir, packOut);
		const pkg = packageTypes();
		installCommunityPackage(userFolder, tarball, pkg.name, pkg.version);
		return { pkg, tarball: path.basename(tarball) };
	} finally {
		fs.rmSync(packDir, { recursive: true, force: true });
	}
}
