import { createRequire } from 'node:module';
import type { Config } from 'jest';

const require = createRequire(import.meta.url);

const preset = require('./jest.preset.js');
const { createCjsPreset } = require('jest-preset-angular/presets');

/** Angular unit tests: jsdom, zoneless TestBed (jest-preset-angular 16), the web app's own tsconfig. */
const angular = createCjsPreset({ tsconfig: '<rootDir>/web/tsconfig.spec.json' });

/**
 * The database projects share one global setup (embedded PostgreSQL, or TEST_DATABASE_URL): jest runs a
 * global hook once per distinct file, with the transform of a project that declares it, and not at all
 * when only the unit or web projects run.
 */
const database = {
  globalSetup: '<rootDir>/api/src/test-support/global-setup.ts',
  globalTeardown: '<rootDir>/api/src/test-support/global-teardown.ts',
};

/**
 * `npm test`: unit tests (API, libs, web), integration tests against real PostgreSQL, and API end-to-end
 * tests through HTTP.
 */
const config: Config = {
  // A global option in jest 30 (ignored inside `projects`): database tests create, migrate and drop databases,
  // which takes longer than jest's 5 s default on a busy 2-core machine.
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/scripts/jest-plain-summary.cjs'],
  projects: [
    { ...preset, displayName: 'unit', testMatch: ['<rootDir>/api/src/**/*.spec.ts', '<rootDir>/libs/*/src/**/*.spec.ts'] },
    { ...preset, ...database, displayName: 'integration', testMatch: ['<rootDir>/api/src/**/*.int-spec.ts', '<rootDir>/tools/**/*.int-spec.ts'] },
    { ...preset, ...database, displayName: 'api-e2e', testMatch: ['<rootDir>/e2e/api/**/*.e2e-spec.ts'] },
    // `npm run test:load` only (minutes of sustained load; not part of `npm test`).
    { ...preset, ...database, displayName: 'load', testMatch: ['<rootDir>/e2e/load/**/*.load-spec.ts'] },
    {
      ...angular,
      displayName: 'web',
      rootDir: import.meta.dirname,
      testMatch: ['<rootDir>/web/src/**/*.spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/web/src/test-setup.ts'],
      moduleNameMapper: {
        '^@kunna/contracts$': '<rootDir>/libs/contracts/src/index.ts',
        '^@kunna/table-export$': '<rootDir>/libs/table-export/src/index.ts',
      },
    },
  ],
};

export default config;
