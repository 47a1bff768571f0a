import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { quoteIdent, withDatabase } from '../database/database-urls';
import { SESSION_TIME_ZONE } from '../database/participation.sql';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database cloned from the run's template (see global-setup.ts). */
export function createTestDatabase(): Promise<TestDatabase> {
  return createDatabase((template) => `template ${quoteIdent(template)}`);
}

/**
 * A new database with nothing in it (not cloned from the migrated template), for tests of the migrations themselves.
 * template0: truly empty, whatever was added to template1 on this server.
 */
export function createEmptyDatabase(): Promise<TestDatabase> {
  return createDatabase(() => `template template0 encoding 'UTF8'`);
}

async function createDatabase(from: (template: string) => string): Promise<TestDatabase> {
  const serverUrl = process.env['KUNNA_TEST_SERVER_URL'];
  const template = process.env['KUNNA_TEST_TEMPLATE'];
  if (!serverUrl || !template) throw new Error('Run through jest: the global setup provides the test database server.');
  // The run's pid (from the template name) keeps parallel runs apart and lets stale databases be found.
  const runPid = template.replace('kunna_tpl_', '');
  const name = `kunna_t_${runPid}_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${quoteIdent(name)} ${from(template)}`);
    // The tests' own connections see the dates the API's connections see (Stockholm's; data-source.ts), not the server's.
    await admin.query(`alter database ${quoteIdent(name)} set timezone to '${SESSION_TIME_ZONE}'`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(serverUrl, name),
    name,
    drop: async () => {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${quoteIdent(name)} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
