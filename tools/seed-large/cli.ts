/**
 * `npm run seed:large -- --staff 100000 [--seed 1] [--today 2026-12-01] [--reset]`
 *
 * Migrates the database (DATABASE_URL, else the embedded PostgreSQL in KUNNA_DATA_DIR), loads the demo data when it
 * is empty, then generates the large network (tools/seed-large/seed-large.ts). `--reset` drops and recreates the
 * DATABASE_URL database first (never the embedded default: point KUNNA_DATA_DIR at a fresh folder instead).
 */
import { Client } from 'pg';
import { resolveDatabase } from '../../api/src/app/database-url';
import { loadConfig } from '../../api/src/config/app-config';
import { migrate } from '../../api/src/database/data-source';
import { quoteIdent, withDatabase } from '../../api/src/database/database-urls';
import { loadDemoDataIfEmpty } from '../../api/src/demo/demo-data';
import { seedLarge } from './seed-large';

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function resetDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!name || name === 'postgres') throw new Error('--reset needs a DATABASE_URL naming its own database (not postgres).');
  const admin = new Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${quoteIdent(name)} with (force)`);
    await admin.query(`create database ${quoteIdent(name)}`);
  } finally {
    await admin.end();
  }
}

async function main(): Promise<void> {
  const staff = Number(argument('staff') ?? '10000');
  const seed = Number(argument('seed') ?? '1');
  const today = argument('today') ?? new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
  const config = loadConfig();
  if (process.argv.includes('--reset')) {
    if (!config.databaseUrl) throw new Error('--reset only works with DATABASE_URL.');
    await resetDatabase(config.databaseUrl);
  }
  const database = await resolveDatabase(config);
  try {
    const started = Date.now();
    await migrate(database.url);
    await loadDemoDataIfEmpty(database.url, new Date(`${today}T12:00:00Z`));
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const result = await seedLarge(client, { staff, seed, today });
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(`Generated --staff ${staff} --seed ${seed} (today ${today}) in ${seconds} s\n`);
      for (const [name, count] of Object.entries(result.counts)) process.stdout.write(`  ${name.padEnd(18)} ${count}\n`);
      process.stdout.write(`Sign-ins (password ${result.password}):\n`);
      for (const account of result.accounts) process.stdout.write(`  ${account.role.padEnd(11)} ${account.email}  (${account.organisation})\n`);
    } finally {
      await client.end();
    }
  } finally {
    await database.embedded?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
