// The resolver of `npm run test:zod4` gives zod 4 to the shipped modules only: otherwise that run proves nothing.
import path from 'node:path';

const resolver = require('./zod4Resolver') as (
	request: string,
	options: {
		basedir: string;
		defaultResolver: (request: string, options: { basedir: string }) => string;
	},
) => string;

const ROOT = path.resolve(__dirname, '..', '..');
const defaultResolver = (request: string, options: { basedir: string }) =>
	require.resolve(request, { paths: [options.basedir] });
const resolveFrom = (dir: string, request: string) =>
	resolver(request, { basedir: path.join(ROOT, dir), defaultResolver });
const versionOf = (file: string) => {
	let dir = path.dirname(file);
	while (!require('node:fs').existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
	return (require(path.join(dir, 'package.json')) as { version: string }).version;
};

describe('zod4Resolver (npm run test:zod4)', () => {
	it('maps zod to zod 4 under nodes/, credentials/ and test/', () => {
		for (const dir of ['nodes/common', 'nodes/Sml/resources', 'credentials', 'test/common']) {
			const file = resolveFrom(dir, 'zod');
			expect(file.startsWith(path.join(ROOT, 'node_modules', 'zod4') + path.sep)).toBe(true);
			expect(versionOf(file)).toMatch(/^4\./);
		}
	});

	it('keeps zod 3 for n8n (n8n-core, n8n-workflow) and the rest of node_modules', () => {
		for (const dir of ['node_modules/n8n-workflow/dist', 'node_modules/n8n-core/dist']) {
			const file = resolveFrom(dir, 'zod');
			expect(file.includes(`${path.sep}zod4${path.sep}`)).toBe(false);
			expect(versionOf(file)).toMatch(/^3\./);
		}
	});

	it('leaves other modules alone', () => {
		expect(resolveFrom('nodes/common', 'n8n-workflow')).toBe(
			require.resolve('n8n-workflow', { paths: [path.join(ROOT, 'nodes')] }),
		);
	});
});
