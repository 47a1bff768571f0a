import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '@kunna/migrations';
import { loadDemoDataIfEmpty } from '../demo/demo-data';
import { createEmptyDatabase, type TestDatabase } from '../test-support/test-database';
import { dataSourceOptions, migrate } from './data-source';

const TODAY = new Date('2026-11-24T09:00:00Z');

/** Rows per table (the migrations' own bookkeeping aside): what a restore or a migration round trip must keep. */
async function counts(url: string): Promise<Record<string, number>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`select set_config('kunna.system', 'on', false)`);
    const tables = (await client.query(`select tablename from pg_tables where schemaname = 'public' and tablename <> 'migrations' order by 1`)).rows as Array<{
      tablename: string;
    }>;
    const result: Record<string, number> = {};
    for (const { tablename } of tables) {
      result[tablename] = Number((await client.query(`select count(*)::int as n from "${tablename}"`)).rows[0].n);
    }
    return result;
  } finally {
    await client.end();
  }
}

/** The major version of a PostgreSQL client tool, or of the server. */
function toolMajor(tool: string): number | null {
  try {
    return Number(/(\d+)/.exec(execFileSync(tool, ['--version'], { encoding: 'utf8' }))?.[1]);
  } catch {
    return null;
  }
}

describe('backup and restore with pg_dump / pg_restore (docs/operations.md)', () => {
  let source: TestDatabase;
  let target: TestDatabase;

  beforeAll(async () => {
    source = await createEmptyDatabase();
    target = await createEmptyDatabase();
    const migrator = new DataSource(dataSourceOptions(source.url, { poolSize: 1 }));
    await migrator.initialize();
    await migrator.runMigrations({ transaction: 'each' });
    await migrator.destroy();
    await loadDemoDataIfEmpty(source.url, TODAY);
  });
  afterAll(async () => {
    await source?.drop();
    await target?.drop();
  });

  it('restores the demo data into a new database with the same rows in every table, and row-level security intact', async () => {
    const client = new Client({ connectionString: source.url });
    await client.connect();
    const serverMajor = Number((await client.query(`show server_version_num`)).rows[0].server_version_num) / 10000;
    await client.end();
    const dumpMajor = toolMajor('pg_dump');
    if (dumpMajor === null || dumpMajor < Math.floor(serverMajor)) {
      // pg_dump cannot read a newer server (the embedded PostgreSQL); CI runs this against PostgreSQL 15 with pg_dump 15.
      process.stdout.write(`backup test needs pg_dump >= ${Math.floor(serverMajor)} (found ${dumpMajor ?? 'none'}): not run here\n`);
      return;
    }
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kunna-backup-')), 'kunna.dump');
    try {
      execFileSync('pg_dump', ['--format=custom', `--file=${file}`, `--dbname=${source.url}`]);
      execFileSync('pg_restore', ['--exit-on-error', '--no-owner', `--dbname=${target.url}`, file]);
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
    const before = await counts(source.url);
    expect(before['person']).toBeGreaterThan(20);
    expect(before['attendance_marks'] ?? 0).toBeGreaterThanOrEqual(0);
    expect(await counts(target.url)).toEqual(before);

    const restored = new Client({ connectionString: target.url });
    await restored.connect();
    try {
      const [{ n }] = (await restored.query(`select count(*)::int as n from pg_class where relforcerowsecurity`)).rows;
      expect(n).toBeGreaterThanOrEqual(15);
      const [{ applied }] = (await restored.query(`select count(*)::int as applied from migrations`)).rows;
      expect(applied).toBe(MIGRATIONS.length);
    } finally {
      await restored.end();
    }
  });
});

describe('migrations on the demo data', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let demo: Record<string, number>;

  beforeAll(async () => {
    db = await createEmptyDatabase();
    dataSource = new DataSource(dataSourceOptions(db.url, { poolSize: 2, applicationName: 'kunna-migrations-demo' }));
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    await loadDemoDataIfEmpty(db.url, TODAY);
    demo = await counts(db.url);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('the latest migration goes down and up again; every table it does not create keeps its rows', async () => {
    const before = await counts(db.url);
    await dataSource.undoLastMigration({ transaction: 'each' });
    const untouched = Object.keys(await counts(db.url));
    await dataSource.runMigrations({ transaction: 'each' });
    const after = await counts(db.url);
    expect(untouched.length).toBeGreaterThan(20);
    for (const table of untouched) expect({ table, rows: after[table] }).toEqual({ table, rows: before[table] });
  });

  it('a migration that rewrites a table is followed by a vacuum, so index-only scans of it stay in the index (RewritesTables)', async () => {
    const rewriting = MIGRATIONS.map((migration) => new migration()).filter((migration) => 'rewrites' in migration);
    expect(rewriting.map((migration) => migration.name)).toContain('CsvField1763902900000');
    while ((await dataSource.query<Array<{ name: string }>>(`select name from migrations order by id desc limit 1`))[0].name !== 'CsvField1763902900000') {
      await dataSource.undoLastMigration({ transaction: 'each' });
    }
    await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await migrate(db.url)).toContain('CsvField1763902900000');
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query(`select set_config('kunna.system', 'on', false)`);
      await client.query(`set enable_seqscan = off`);
      await client.query(`set enable_bitmapscan = off`);
      const plan = await client.query(
        `explain (analyze, costs off, timing off, summary off)
         select organisation_id, last_name, first_name, employee_number, csv_identity from person where pseudonymised_at is null
          order by organisation_id, last_name, first_name, employee_number`,
      );
      const lines = (plan.rows as Array<{ 'QUERY PLAN': string }>).map((row) => row['QUERY PLAN']).join('\n');
      expect(lines).toContain('Index Only Scan using person_report_idx');
      expect(lines).toContain('Heap Fetches: 0');
      expect(lines).toMatch(/rows=[1-9]/);
    } finally {
      await client.end();
    }
  });

  it('every migration goes down with data present, and up again; the demo data loads the same', async () => {
    const before = demo;
    for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    expect((await dataSource.query<Array<{ n: number }>>(`select count(*)::int as n from migrations`))[0].n).toBe(0);
    await dataSource.runMigrations({ transaction: 'each' });
    await loadDemoDataIfEmpty(db.url, TODAY);
    expect(await counts(db.url)).toEqual(before);
  });
});
