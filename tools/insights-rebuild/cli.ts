/**
 * `npm run insights:rebuild [-- --organisation <id>]`
 *
 * Rewrites every kept insight aggregate (api/src/insights/aggregates.repository.ts) from the source rows, one
 * organisation per transaction, on the database of DATABASE_URL (else the embedded PostgreSQL in KUNNA_DATA_DIR), and
 * prints the time each organisation and the whole rebuild took. The triggers keep the aggregates as writes happen;
 * this is for repairs, and proves that what is kept can always be recomputed.
 */
import { Client } from 'pg';
import { resolveDatabase } from '../../api/src/app/database-url';
import { loadConfig } from '../../api/src/config/app-config';
import { KEPT_AGGREGATES, rebuildAggregates } from '../../api/src/insights/aggregates.repository';

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  const database = await resolveDatabase(loadConfig());
  try {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query(`select set_config('kunna.system', 'on', false)`);
      const only = argument('organisation');
      const organisations: Array<{ id: string; name: string }> = (
        await client.query(`select id, name from organisation where $1::uuid is null or id = $1 order by name, id`, [only ?? null])
      ).rows;
      const started = performance.now();
      for (const organisation of organisations) {
        const begun = performance.now();
        await client.query('begin');
        try {
          await rebuildAggregates(client, organisation.id);
          await client.query('commit');
        } catch (error) {
          await client.query('rollback');
          throw error;
        }
        process.stdout.write(`${organisation.name} (${organisation.id}): ${Math.round(performance.now() - begun)} ms\n`);
      }
      // Every row was rewritten: vacuum clears the old ones and marks the pages all-visible, so reads that need only a
      // covering index (the funder report's per-person sums) stay in the index, and analyze gives the planner fresh
      // statistics. Included in the time.
      for (const { table } of KEPT_AGGREGATES) await client.query(`vacuum (analyze) ${table}`);
      // The rewritten day rows marked every person's years, which the rebuild then settled: vacuum returns the space.
      await client.query(`vacuum (analyze) insight_participation_person_year_dirty`);
      process.stdout.write(
        `Rebuilt the insight aggregates of ${organisations.length} organisation(s) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
      );
    } finally {
      await client.end();
    }
  } finally {
    await database.embedded?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
