import { DataSource } from 'typeorm';
import { createTestDatabase } from '../test-support/test-database';
import type { TestDatabase } from '../test-support/test-database';
import { dataSourceOptions } from './data-source';

/**
 * The few tables written through TypeORM's entity API (entities.ts) must be what their entities describe: the
 * migrations create the schema, and an entity that drifts from them makes `manager.insert` or `findOne` fail at run
 * time (the SQL of the repositories is checked by row-types.int-spec.ts instead). TypeORM's schema builder compares
 * them and lists the SQL it would run to make the database fit the entities (a missing table or column included);
 * here that list must be empty except for one deliberate, checked difference:
 *
 * Entities describe tables and columns (name, type, nullability, default, primary key, generation,
 * and any index, unique or check they declare). Foreign keys, check constraints, unique constraints and
 * indexes that only the migrations declare are not mirrored in the entities, and the builder proposes to
 * drop them; those proposals are accepted after confirming the object exists and is not a primary key.
 * Anything else (a missing or extra table or column, a different type, nullability or default, a
 * constraint an entity declares that the migrations lack) fails with the SQL the builder would run.
 */
describe('schema drift between migrations and the entities', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = new DataSource({ ...dataSourceOptions(db.url, { poolSize: 2, applicationName: 'kunna-drift-test' }) });
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('the schema builder finds nothing to change but migration-only constraints and indexes', async () => {
    const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
    const unexplained: string[] = [];
    for (const { query } of upQueries) {
      if (!(await isExplained(dataSource, query))) unexplained.push(query);
    }
    expect(unexplained).toEqual([]);
  });
});

/** Is this builder query one of the accepted differences described above? */
async function isExplained(dataSource: DataSource, query: string): Promise<boolean> {
  const dropConstraint = /^ALTER TABLE "([^"]+)" DROP CONSTRAINT "([^"]+)"$/.exec(query);
  if (dropConstraint) {
    const [, table, name] = dropConstraint;
    const rows: Array<{ contype: string }> = await dataSource.query(
      `select contype::text from pg_constraint where conrelid = to_regclass($1) and conname = $2`,
      [`public."${table}"`, name],
    );
    return rows.length === 1 && ['f', 'c', 'u', 'x'].includes(rows[0].contype);
  }
  const dropIndex = /^DROP INDEX "public"\."([^"]+)"$/.exec(query);
  if (dropIndex) {
    const rows: Array<{ primary: boolean }> = await dataSource.query(
      `select i.indisprimary as primary from pg_index i join pg_class c on c.oid = i.indexrelid
        join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relname = $1`,
      [dropIndex[1]],
    );
    return rows.length === 1 && !rows[0].primary;
  }
  // TypeORM spells an entity's CURRENT_DATE default as ('now'::text)::date (how PostgreSQL before 10
  // stored it) and so always sees a difference; accepted only when the database default is CURRENT_DATE.
  const currentDate = /^ALTER TABLE "([^"]+)" ALTER COLUMN "([^"]+)" SET DEFAULT \('now'::text\)::date$/.exec(query);
  if (currentDate) {
    const rows: Array<{ column_default: string | null }> = await dataSource.query(
      `select column_default from information_schema.columns where table_schema = 'public' and table_name = $1 and column_name = $2`,
      [currentDate[1], currentDate[2]],
    );
    return rows.length === 1 && /^(CURRENT_DATE|\('now'::text\)::date)$/i.test(rows[0].column_default ?? '');
  }
  return false;
}
