// Mirrors the config of n8n's community-package scanner (@n8n/scan-community-package,
// buildScanConfig): the community-nodes recommended rules, no-console, and the
// community / credentials / nodes rule sets of eslint-plugin-n8n-nodes-base with the
// scanner's own overrides. Inline eslint-disable comments are ignored, as in the scanner.
// The developer tooling (scripts/, the vendor sandbox) is plain JavaScript run by Node: ESLint's recommended rules
// with Node's globals, none of the n8n rules (they are about nodes and credentials), and console allowed (CLI tools).
import js from '@eslint/js';
import tsParser from '@typescript-eslint/parser';
import globals from 'globals';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesPlugin from 'eslint-plugin-n8n-nodes-base';
import { defineConfig } from 'eslint/config';

const TOOLING = ['scripts/**', 'sandbox/**', 'test/**'];
const communityRecommended = n8nCommunityNodesPlugin.configs.recommended;

export default defineConfig(
	{ ignores: ['dist/**', 'node_modules/**', 'examples/**'] },
	{ linterOptions: { noInlineConfig: true } },
	{ ...communityRecommended, ignores: [...(communityRecommended.ignores ?? []), ...TOOLING] },
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
	{
		files: ['scripts/**/*.{js,mjs,cjs}', 'sandbox/**/*.js'],
		rules: { ...js.configs.recommended.rules, 'no-console': 'off' }, // CLI tools: the console is their output
	},
	{
		// The tests: ESLint's recommended rules where they fit TypeScript. tsc (noUnusedLocals, noUnusedParameters,
		// strict) already judges names, types and overloads, so the rules that misread them are off.
		files: ['test/**/*.ts'],
		rules: {
			...js.configs.recommended.rules,
			'no-undef': 'off',
			'no-unused-vars': 'off',
			'no-redeclare': 'off',
			'no-dupe-class-members': 'off',
		},
		languageOptions: { globals: { ...globals.node, ...globals.jest } },
	},
	{
		// Writes numbers past 2^53 on purpose: they are the ids that have lost digits, which must be refused.
		files: ['test/common/pathSegments.test.ts'],
		rules: { 'no-loss-of-precision': 'off' },
	},
	{
		files: ['scripts/**/*.mjs'],
		languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals: globals.nodeBuiltin },
	},
	{
		// No "type": "module" in package.json: .js is CommonJS, as .cjs.
		files: ['scripts/**/*.{js,cjs}', 'sandbox/**/*.js'],
		languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs', globals: globals.node },
	},
);
