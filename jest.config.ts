import type { Config } from 'jest';

const preset = require('./jest.preset.js');

/**
 * `npm test`: unit tests, integration tests against real PostgreSQL, and API end-to-end tests through HTTP.
 * The database projects share one global setup (embedded PostgreSQL, or TEST_DATABASE_URL).
 */
const config: Config = {
  globalSetup: '<rootDir>/api/src/test-support/global-setup.ts',
  globalTeardown: '<rootDir>/api/src/test-support/global-teardown.ts',
  transform: preset.transform,
  moduleNameMapper: preset.moduleNameMapper,
  projects: [
    { ...preset, displayName: 'unit', testMatch: ['<rootDir>/api/src/**/*.spec.ts', '<rootDir>/libs/*/src/**/*.spec.ts'] },
    { ...preset, displayName: 'integration', testMatch: ['<rootDir>/api/src/**/*.int-spec.ts'], testTimeout: 60000 },
    { ...preset, displayName: 'api-e2e', testMatch: ['<rootDir>/e2e/api/**/*.e2e-spec.ts'], testTimeout: 60000 },
  ],
};

export default config;
