// Jest resolver of `npm run test:zod4`: the modules under nodes/ and credentials/ (and the tests, which wrap the
// nodes' schemas in their own) get zod 4 (the `zod4` dev dependency, an npm alias of zod@^4) where they import `zod`;
// n8n and everything else in node_modules keep zod 3. n8n-core's own dependencies cannot load with zod 4 (they call
// z.string().cidr(), gone in zod 4), and n8n ships zod 3.25 today: this run proves the nodes also work if n8n moves
// to zod 4.
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const SHIPPED = ['nodes', 'credentials', 'test'].map((dir) => path.join(ROOT, dir) + path.sep);

module.exports = (request, options) => {
	const shipped = SHIPPED.some((dir) => (options.basedir + path.sep).startsWith(dir));
	if (shipped && (request === 'zod' || request.startsWith('zod/')))
		return options.defaultResolver(`zod4${request.slice('zod'.length)}`, options);
	return options.defaultResolver(request, options);
};
