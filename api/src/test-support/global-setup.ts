import * as path from 'node:path';
import { register } from 'tsconfig-paths';

// Jest loads global setup with Node's own require, outside its module mapping: map the workspace paths here.
const root = path.resolve(__dirname, '../../..');
register({
  baseUrl: root,
  paths: {
    '@kunna/contracts': ['libs/contracts/src/index.ts'],
    '@kunna/learning-gain': ['libs/learning-gain/src/index.ts'],
    '@kunna/migrations': ['migrations/index.ts'],
  },
});

export default async function globalSetup(): Promise<void> {
  const { default: setup } = await import('./database-setup');
  await setup();
}
