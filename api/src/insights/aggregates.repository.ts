/**
 * The kept aggregates of the insight reads and their recomputation from the raw rows (issue 15, item 1). Triggers keep
 * each table up to date with every write (see the migrations named below); `rebuildAggregates` rewrites an
 * organisation's rows from the source view, and `aggregateDifferences` lists where kept and recomputed rows disagree
 * (used by the property test and after a rebuild). Plain SQL on any client: the rebuild command runs outside Nest.
 */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

interface KeptAggregate {
  /** The table the triggers keep. */
  table: string;
  /** The view computing the same rows from the source tables. */
  source: string;
  columns: readonly string[];
  /** What reads see, when it is more than the table (compared with the source). */
  resolved?: string;
  /** Statements run before the table is rewritten (the caller holds the transaction; $1 is the organisation). */
  beforeRebuild?: readonly string[];
}

export const KEPT_AGGREGATES: readonly KeptAggregate[] = [
  // migrations/1763901900000-insight-participation-day.ts
  { table: 'insight_participation_day', source: 'insight_participation_source', columns: ['organisation_id', 'who', 'person_id', 'date', 'minutes'] },
  // migrations/1763902700000-participation-person-year.ts (kept from the day rows above, so rebuilt after them): a
  // person's year marked dirty reads from the days until it is settled. The rebuild settles everything, so it takes the
  // settlers' lock and clears the marks.
  {
    table: 'insight_participation_person_year',
    source: 'insight_participation_person_year_source',
    columns: ['organisation_id', 'year', 'person_id', 'minutes', 'first_date', 'last_date'],
    resolved: 'insight_participation_person_year_resolved',
    beforeRebuild: [
      `select pg_advisory_xact_lock(hashtextextended('insight_participation_person_year:' || $1::text, 0))`,
      `delete from insight_participation_person_year_dirty where organisation_id = $1`,
    ],
  },
  // migrations/1763902000000-insight-response-level.ts
  {
    table: 'insight_response_level',
    source: 'insight_response_level_source',
    columns: ['organisation_id', 'response_id', 'measure', 'rating_sum', 'rating_count'],
  },
];

async function rows<T>(client: Queryable, sql: string, parameters: unknown[]): Promise<T[]> {
  const result = (await client.query(sql, parameters)) as { rows?: T[] } | T[];
  return Array.isArray(result) ? result : (result.rows ?? []);
}

/** Rewrites every kept aggregate of one organisation from the raw rows (the caller holds the transaction). */
export async function rebuildAggregates(client: Queryable, organisationId: string): Promise<void> {
  for (const { table, source, columns, beforeRebuild } of KEPT_AGGREGATES) {
    for (const statement of beforeRebuild ?? []) await client.query(statement, [organisationId]);
    await client.query(`delete from ${table} where organisation_id = $1`, [organisationId]);
    await client.query(`insert into ${table} (${columns.join(', ')}) select ${columns.join(', ')} from ${source} where organisation_id = $1`, [organisationId]);
  }
  // The organisation-wide views kept from them (api/src/snapshots) are recomputed after their next read.
  await client.query(`insert into insight_stale (organisation_id) values ($1) on conflict (organisation_id) do nothing`, [organisationId]);
}

/** Rows kept but not recomputed (`kept`) or recomputed but not kept (`missing`), per table; empty when they agree. */
export async function aggregateDifferences(
  client: Queryable,
  organisationId: string,
): Promise<Array<{ table: string; side: 'kept' | 'missing'; row: string }>> {
  const differences: Array<{ table: string; side: 'kept' | 'missing'; row: string }> = [];
  for (const { table, source, columns, resolved } of KEPT_AGGREGATES) {
    const list = columns.join(', ');
    const kept = resolved ?? table;
    const found = await rows<{ side: 'kept' | 'missing'; row: string }>(
      client,
      `(select 'kept' as side, (k.*)::text as row from (select ${list} from ${kept} where organisation_id = $1
                                                      except all select ${list} from ${source} where organisation_id = $1) k)
       union all
       (select 'missing', (m.*)::text from (select ${list} from ${source} where organisation_id = $1
                                             except all select ${list} from ${kept} where organisation_id = $1) m)
       order by 2`,
      [organisationId],
    );
    differences.push(...found.map((difference) => ({ table, ...difference })));
  }
  return differences;
}
