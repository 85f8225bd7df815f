#!/usr/bin/env node
// prepublishOnly of all four packages: `npm publish` goes on only inside GitHub Actions with an OIDC token and
// --provenance, i.e. in .github/workflows/publish.yml. n8n's scanner rejects a version without an npm provenance
// statement, and npm signs one only there, so a publish from a laptop would put out a version n8n can never install
// (and npm versions cannot be reused). A dry run (`npm publish --dry-run`) is let through.
const env = process.env;
const reasons = [
	env.GITHUB_ACTIONS === 'true' ? '' : 'it is not running in GitHub Actions',
	env.ACTIONS_ID_TOKEN_REQUEST_URL
		? ''
		: "the job has no OIDC token (publish.yml's `id-token: write`)",
	env.npm_config_provenance === 'true' ? '' : 'it was not asked for provenance (--provenance)',
].filter(Boolean);

if (env.npm_config_dry_run === 'true') {
	console.log('publish-guard: dry run, nothing is published');
} else if (reasons.length) {
	console.error(
		[
			`publish-guard: refusing to publish ${env.npm_package_name}@${env.npm_package_version}: ${reasons.join('; ')}.`,
			'Releases are published by .github/workflows/publish.yml when a version tag (v<version>) is pushed, with an',
			"npm provenance statement, without which n8n's community-package scanner rejects the package. See the README,",
			'"For maintainers".',
		].join('\n'),
	);
	process.exitCode = 1;
}
