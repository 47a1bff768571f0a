// Shared by every Node-side jest project: TypeScript through ts-jest (no type-check: `npm run typecheck` does that).
const path = require('node:path');

module.exports = {
  testEnvironment: 'node',
  rootDir: __dirname,
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(__dirname, 'api/tsconfig.spec.json'), diagnostics: false }],
  },
  moduleNameMapper: {
    '^@kunna/contracts$': '<rootDir>/libs/contracts/src/index.ts',
    '^@kunna/migrations$': '<rootDir>/migrations/index.ts',
    '^@kunna/learning-gain$': '<rootDir>/libs/learning-gain/src/index.ts',
    '^@kunna/table-export$': '<rootDir>/libs/table-export/src/index.ts',
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
};
