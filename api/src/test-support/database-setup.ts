import { Client } from 'pg';
import { migrate } from '../database/data-source';
import { ensureDatabase, quoteIdent, withDatabase } from '../database/database-urls';
import { startEmbeddedPostgres } from '../database/embedded-postgres';
import { PROJECT_ROOT } from '../config/app-config';
import * as path from 'node:path';

declare global {
  var __KUNNA_TEST_DB_STOP__: (() => Promise<void>) | undefined;
}

/**
 * Integration and API tests run against real PostgreSQL: `TEST_DATABASE_URL` when set (CI points it at
 * the PostgreSQL 15 server), otherwise an embedded server in .data/pg-test. The migrations run once
 * into a template database; each test file clones it, so files run in parallel on clean data.
 */
export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env['TEST_DATABASE_URL'];
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres({
      dataDir: path.join(PROJECT_ROOT, '.data/pg-test'),
      port: Number(process.env['TEST_EMBEDDED_PG_PORT'] ?? 54330),
      durable: false,
    });
    serverUrl = await ensureDatabase(embedded.serverUrl, 'postgres');
    globalThis.__KUNNA_TEST_DB_STOP__ = embedded.stop;
  }
  const template = `kunna_tpl_${process.pid}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await dropStaleDatabases(admin);
    await admin.query(`create database ${quoteIdent(template)}`);
  } finally {
    await admin.end();
  }
  await migrate(withDatabase(serverUrl, template));
  process.env['KUNNA_TEST_SERVER_URL'] = serverUrl;
  process.env['KUNNA_TEST_TEMPLATE'] = template;
}

/** Databases left behind by runs that were killed (their process is gone). */
async function dropStaleDatabases(admin: Client): Promise<void> {
  const rows = await admin.query(`select datname from pg_database where datname ~ '^kunna_(tpl|t)_[0-9]+'`);
  for (const { datname } of rows.rows as Array<{ datname: string }>) {
    const pid = Number(/^kunna_(?:tpl|t)_(\d+)/.exec(datname)?.[1]);
    if (pid && isAlive(pid)) continue;
    await admin.query(`drop database if exists ${quoteIdent(datname)} with (force)`);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
