import { DataSource } from 'typeorm';
import { createTestApp, TestApp } from '../test-support/test-app';
import { createTestDatabase, TestDatabase } from '../test-support/test-database';
import { dataSourceOptions } from './data-source';
import { applyTenant, Db } from './db';

interface Settings {
  organisation: string | null;
  person: string | null;
  pid: number;
}

const READ = `select current_setting('kunna.organisation_id', true) as organisation,
                     current_setting('kunna.person_id', true) as person, pg_backend_pid() as pid`;

async function read(source: { query: (sql: string) => Promise<unknown> }): Promise<Settings> {
  const rows = (await source.query(READ)) as Settings[];
  return rows[0];
}

/** Unset, or reset to empty by the end of a transaction-local setting: either way, no tenant. */
function expectNoTenant(settings: Settings): void {
  expect(['', null]).toContain(settings.organisation);
  expect(['', null]).toContain(settings.person);
}

/**
 * The tenant (organisation, person) is set per transaction with set_config(..., true): it must be
 * visible inside that transaction and gone afterwards, on the very same pooled connection.
 */
describe('transaction-local tenant settings', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    // One connection: every transaction below reuses the same server process.
    dataSource = new DataSource({ ...dataSourceOptions(db.url, { poolSize: 1, applicationName: 'kunna-tenant-test' }) });
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('are visible inside the transaction and gone after commit on the same connection', async () => {
    const before = await read(dataSource);
    const inside = await new Db(dataSource).transaction((manager) => read(manager), { organisationId: 'org-a', personId: 'person-1' });
    expect(inside).toEqual({ organisation: 'org-a', person: 'person-1', pid: before.pid });
    const after = await read(dataSource);
    expect(after.pid).toBe(before.pid);
    expectNoTenant(after);
  });

  it('are gone after a rollback too', async () => {
    const { pid } = await read(dataSource);
    await expect(
      new Db(dataSource).transaction(
        async (manager) => {
          expect((await read(manager)).organisation).toBe('org-b');
          throw new Error('fail the transaction');
        },
        { organisationId: 'org-b', personId: 'person-2' },
      ),
    ).rejects.toThrow('fail the transaction');
    const after = await read(dataSource);
    expect(after.pid).toBe(pid);
    expectNoTenant(after);
  });

  it('the next tenant on the connection sees only its own values', async () => {
    const first = await new Db(dataSource).transaction((manager) => read(manager), { organisationId: 'org-a', personId: 'person-1' });
    const second = await new Db(dataSource).transaction((manager) => read(manager), { organisationId: 'org-b', personId: null });
    expect(second).toEqual({ organisation: 'org-b', person: '', pid: first.pid });
    // A transaction without a tenant (a background job) sees none.
    const job = await new Db(dataSource).transaction((manager) => read(manager));
    expectNoTenant(job);
  });

  it('control: a session-level setting (set_config(..., false)) would leak, so the checks above can fail', async () => {
    await dataSource.query(`select set_config('kunna.organisation_id', 'leaked', false)`);
    try {
      expect((await read(dataSource)).organisation).toBe('leaked');
    } finally {
      await dataSource.query(`select set_config('kunna.organisation_id', '', false)`);
    }
  });

  it('applyTenant within parallel transactions on separate connections keeps them apart', async () => {
    const pooled = new DataSource({ ...dataSourceOptions(db.url, { poolSize: 4, applicationName: 'kunna-tenant-test-2' }) });
    await pooled.initialize();
    try {
      const results = await Promise.all(
        ['org-1', 'org-2', 'org-3', 'org-4'].map((organisation) =>
          pooled.transaction(async (manager) => {
            await applyTenant(manager, organisation, `person-of-${organisation}`);
            await manager.query('select pg_sleep(0.05)');
            return { organisation, seen: await read(manager) };
          }),
        ),
      );
      for (const { organisation, seen } of results) {
        expect(seen.organisation).toBe(organisation);
        expect(seen.person).toBe(`person-of-${organisation}`);
      }
      expect(new Set(results.map((result) => result.seen.pid)).size).toBe(4);
    } finally {
      await pooled.destroy();
    }
  });
});

describe('tenant settings of API requests', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('no pooled connection keeps a tenant after signed-in requests of two organisations', async () => {
    const a = await t.as('managerU1');
    const b = await t.as('managerU4');
    for (let i = 0; i < 5; i++) {
      expect((await a.get('/api/auth/me')).status).toBe(200);
      expect((await b.get('/api/auth/me')).status).toBe(200);
    }
    // Hold every connection of the app's pool at once, so each one used by the requests above is read.
    const dataSource = t.app.get(DataSource);
    const poolSize = (dataSource.options as { poolSize?: number }).poolSize ?? 10;
    const seen = await Promise.all(
      Array.from({ length: poolSize }, () => dataSource.query(`${READ}, pg_sleep(0.2)`).then((rows: Array<Settings & { pg_sleep: unknown }>) => rows[0])),
    );
    expect(new Set(seen.map((row) => row.pid)).size).toBe(poolSize);
    for (const row of seen) expectNoTenant(row);
  });
});
