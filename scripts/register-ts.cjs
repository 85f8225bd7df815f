// `node -r ./scripts/register-ts.cjs <file>.ts` runs a TypeScript script that imports the nodes' sources
// (e.g. scripts/docs/operationTables.ts) without a build and without ts-node/tsx: each .ts file is transpiled
// on require by the TypeScript compiler the package already has, with tsconfig.json's options.
// Types are not checked here (`npm run typecheck` does that); the sources compile file by file, as under
// ts-jest (tsconfig.test.json's isolatedModules).
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const root = path.resolve(__dirname, '..');
const { config } = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, root);
const compilerOptions = { ...options, sourceMap: false, inlineSourceMap: true, declaration: false };

require.extensions['.ts'] = (module, filename) => {
	const source = fs.readFileSync(filename, 'utf8');
	const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: filename });
	module._compile(outputText, filename);
};
