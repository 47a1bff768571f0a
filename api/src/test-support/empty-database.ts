import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { quoteIdent, withDatabase } from '../database/database-urls';
import { SESSION_TIME_ZONE } from '../database/participation.sql';
import type { TestDatabase } from './test-database';

/**
 * A new database with nothing in it (not cloned from the migrated template), for tests of the
 * migrations themselves. Named like the other test databases so stale ones are cleaned up.
 */
export async function createEmptyDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env['KUNNA_TEST_SERVER_URL'];
  const template = process.env['KUNNA_TEST_TEMPLATE'];
  if (!serverUrl || !template) throw new Error('Run through jest: the global setup provides the test database server.');
  const runPid = template.replace('kunna_tpl_', '');
  const name = `kunna_t_${runPid}_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    // template0: truly empty, whatever was added to template1 on this server.
    await admin.query(`create database ${quoteIdent(name)} template template0 encoding 'UTF8'`);
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
