// `npm run test:zod4`: the same unit tests, with zod 4 for the shipped modules (nodes/, credentials/) only
// (test/harness/zod4Resolver.js says why only those).
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = { ...base, resolver: '<rootDir>/test/harness/zod4Resolver.js' };
