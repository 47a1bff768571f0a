import type { Config } from 'jest';
import { createRequire } from 'node:module';

// Node 24 loads this file itself as an ES module (type stripping): no `require`, so the CommonJS preset comes
// through createRequire.
const require = createRequire(import.meta.url);
const preset = require('../../jest.preset.js');

/**
 * Browser tests (`npm run e2e:web` starts the server and runs this): Debian's Chromium through
 * playwright-core against E2E_BASE_URL, one file after another.
 */
const config: Config = {
  ...preset,
  displayName: 'web-e2e',
  testMatch: ['<rootDir>/e2e/web/**/*.e2e-spec.ts'],
  testTimeout: 120_000,
  maxWorkers: 1,
  testSequencer: '<rootDir>/e2e/web/sequencer.cjs',
  reporters: ['default', '<rootDir>/scripts/jest-plain-summary.cjs'],
};

export default config;
