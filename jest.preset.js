// Shared by every Node-side jest project: TypeScript through ts-jest (no type-check: `npm run typecheck` does that).
const path = require('node:path');

/**
 * Packages published only as ES modules that the API requires (openid-client 6, pg-boss, and what they import). Node
 * loads them through require() natively (require(esm), synchronous because none of them uses top-level
 * await), but jest's CommonJS runtime does so only under `--experimental-vm-modules`; here ts-jest compiles
 * their files to CommonJS instead, like the API's own sources. The path must be the package's folder in
 * node_modules at any depth, so a nested copy (another jose version under a package) is covered as well.
 */
const ESM_ONLY = ['openid-client', 'oauth4webapi', 'jose', 'pg-boss', 'rrule-temporal', 'serialize-error', 'non-error'];
const esmOnlyFiles = `/node_modules/(${ESM_ONLY.join('|')})/.+\\.js$`;

module.exports = {
  testEnvironment: 'node',
  rootDir: __dirname,
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(__dirname, 'api/tsconfig.spec.json'), diagnostics: false }],
    [esmOnlyFiles]: [
      'ts-jest',
      { tsconfig: { allowJs: true, isolatedModules: true, module: 'commonjs', target: 'ES2022', sourceMap: true }, diagnostics: false },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  moduleNameMapper: {
    '^@kunna/contracts$': '<rootDir>/libs/contracts/src/index.ts',
    '^@kunna/migrations$': '<rootDir>/migrations/index.ts',
    '^@kunna/learning-gain$': '<rootDir>/libs/learning-gain/src/index.ts',
    '^@kunna/table-export$': '<rootDir>/libs/table-export/src/index.ts',
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
};
