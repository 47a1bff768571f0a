import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '@kunna/migrations';
import { createEmptyDatabase, type TestDatabase } from '../test-support/test-database';
import { dataSourceOptions } from './data-source';

/**
 * Every migration runs up on an empty database, then down one by one all the way (leaving nothing
 * behind), then up again to exactly the same schema: a deploy can be rolled back and repeated.
 */
describe('migrations', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createEmptyDatabase();
    dataSource = new DataSource({ ...dataSourceOptions(db.url, { poolSize: 2, applicationName: 'kunna-migration-test' }) });
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('are registered in timestamp order with unique names', () => {
    const names = MIGRATIONS.map((migration) => new migration().name ?? migration.name);
    const timestamps = names.map((name) => Number(/(\d{13})$/.exec(name)?.[1]));
    expect(timestamps.every((stamp) => Number.isFinite(stamp) && stamp > 0)).toBe(true);
    expect([...timestamps].sort((a, b) => a - b)).toEqual(timestamps);
    expect(new Set(names).size).toBe(names.length);
  });

  it('run up, down all the way, and up again to the same schema', async () => {
    expect(await snapshot(db.url)).toEqual(EMPTY);

    const applied = await dataSource.runMigrations({ transaction: 'each' });
    expect(applied.map((migration) => migration.name)).toEqual(MIGRATIONS.map((migration) => new migration().name));
    const first = await snapshot(db.url);
    expect(first.tables.length).toBeGreaterThan(10);
    expect(await dataSource.showMigrations()).toBe(false);

    for (let i = MIGRATIONS.length - 1; i >= 0; i--) {
      await dataSource.undoLastMigration({ transaction: 'each' });
      const rows: Array<{ name: string }> = await dataSource.query(`select name from migrations order by id`);
      expect(rows.map((row) => row.name)).toEqual(MIGRATIONS.slice(0, i).map((migration) => new migration().name));
    }
    // Down leaves nothing behind: no table, column, index, constraint, trigger, function, type, view or policy.
    expect(await snapshot(db.url)).toEqual(EMPTY);

    await dataSource.runMigrations({ transaction: 'each' });
    const second = await snapshot(db.url);
    expect(second).toEqual(first);
  });
});

interface SchemaSnapshot {
  tables: string[];
  columns: string[];
  constraints: string[];
  indexes: string[];
  triggers: string[];
  functions: string[];
  types: string[];
  views: string[];
  sequences: string[];
  policies: string[];
  rowSecurity: string[];
}

/** Nothing at all (TypeORM's own bookkeeping table \`migrations\` is left out of every snapshot). */
const EMPTY: SchemaSnapshot = {
  tables: [],
  columns: [],
  constraints: [],
  indexes: [],
  triggers: [],
  functions: [],
  types: [],
  views: [],
  sequences: [],
  policies: [],
  rowSecurity: [],
};

/** The public schema as text lines, excluding what extensions own (pgcrypto's functions). */
async function snapshot(url: string): Promise<SchemaSnapshot> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const lines = async (sql: string): Promise<string[]> => ((await client.query(sql)).rows as Array<{ line: string }>).map((row) => row.line);
  try {
    return {
      tables: await lines(`select tablename as line from pg_tables where schemaname = 'public' and tablename <> 'migrations' order by 1`),
      columns: await lines(`
        select table_name || '.' || column_name || ' ' || data_type || ' ' || udt_name
               || case when is_nullable = 'NO' then ' not null' else '' end
               || coalesce(' default ' || column_default, '')
               || case when is_identity = 'YES' then ' identity ' || identity_generation else '' end
               || coalesce(' generated ' || generation_expression, '') as line
          from information_schema.columns where table_schema = 'public' and table_name <> 'migrations'
         order by table_name, ordinal_position`),
      constraints: await lines(`
        select c.conrelid::regclass::text || '.' || c.conname || ' ' || c.contype::text || ' ' || pg_get_constraintdef(c.oid) as line
          from pg_constraint c join pg_namespace n on n.oid = c.connamespace
         where n.nspname = 'public' and c.conrelid <> 0 and c.conrelid::regclass::text <> 'migrations' order by 1`),
      indexes: await lines(`select indexdef as line from pg_indexes where schemaname = 'public' and tablename <> 'migrations' order by 1`),
      triggers: await lines(`
        select tgrelid::regclass::text || '.' || tgname || ' ' || pg_get_triggerdef(t.oid) as line
          from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and not t.tgisinternal order by 1`),
      functions: await lines(`
        select p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ') ' || md5(pg_get_functiondef(p.oid)) as line
          from pg_proc p join pg_namespace n on n.oid = p.pronamespace
         where n.nspname = 'public'
           and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
         order by 1`),
      types: await lines(`
        select t.typname || ' ' || t.typtype::text as line from pg_type t join pg_namespace n on n.oid = t.typnamespace
         where n.nspname = 'public' and t.typtype in ('e', 'd', 'c', 'r', 'm')
           and not exists (select 1 from pg_class c where c.reltype = t.oid and c.relkind <> 'c')
           and not exists (select 1 from pg_depend d where d.objid = t.oid and d.deptype = 'e')
         order by 1`),
      views: await lines(`select viewname || ' ' || md5(definition) as line from pg_views where schemaname = 'public' order by 1`),
      sequences: await lines(`select sequencename as line from pg_sequences where schemaname = 'public' and sequencename <> 'migrations_id_seq' order by 1`),
      policies: await lines(
        `select tablename || '.' || policyname || ' ' || cmd || ' ' || coalesce(qual, '') || ' ' || coalesce(with_check, '') as line from pg_policies where schemaname = 'public' order by 1`,
      ),
      rowSecurity: await lines(`
        select c.relname || case when c.relforcerowsecurity then ' forced' else '' end as line
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and c.relrowsecurity order by 1`),
    };
  } finally {
    await client.end();
  }
}
