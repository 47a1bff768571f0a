/**
 * `npm run migration:run`
 *
 * Runs the pending migrations on the database of DATABASE_URL (else the embedded PostgreSQL in KUNNA_DATA_DIR) and
 * names each one applied: what every start does first, for a deployment that migrates before it starts the new
 * version's processes (docs/operations.md › Migrations).
 */
import { resolveDatabase } from '../../api/src/app/database-url';
import { loadConfig } from '../../api/src/config/app-config';
import { migrate } from '../../api/src/database/data-source';

async function main(): Promise<void> {
  const database = await resolveDatabase(loadConfig());
  try {
    const applied = await migrate(database.url);
    process.stdout.write(
      applied.length === 0 ? 'No pending migrations.\n' : `Applied ${applied.length} migration(s):\n${applied.map((name) => `  ${name}\n`).join('')}`,
    );
  } finally {
    await database.embedded?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
