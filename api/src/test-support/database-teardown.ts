import { Client } from 'pg';
import { quoteIdent } from '../database/database-urls';

export default async function globalTeardown(): Promise<void> {
  const serverUrl = process.env['KUNNA_TEST_SERVER_URL'];
  const template = process.env['KUNNA_TEST_TEMPLATE'];
  if (serverUrl && template) {
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      const rows = await admin.query(`select datname from pg_database where datname = $1 or datname like $2`, [template, `kunna_t_${process.pid}_%`]);
      for (const { datname } of rows.rows as Array<{ datname: string }>) {
        await admin.query(`drop database if exists ${quoteIdent(datname)} with (force)`);
      }
    } finally {
      await admin.end();
    }
  }
  await globalThis.__KUNNA_TEST_DB_STOP__?.();
}
