import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createTestApp, TestApp } from '../test-support/test-app';
import { applyTenant } from './db';

/**
 * The database's own wall between organisations: whatever the application asks, PostgreSQL shows and
 * accepts only rows of the transaction's tenant (see migrations/1763900700000-row-level-security.ts).
 */
describe('row-level security', () => {
  let t: TestApp;
  let owner: Client;
  let app: DataSource;

  const ownerRows = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => (await owner.query(sql, params)).rows as T[];

  beforeAll(async () => {
    t = await createTestApp();
    owner = new Client({ connectionString: t.db.url });
    await owner.connect();
    app = t.app.get(DataSource);
  });
  afterAll(async () => {
    await owner?.end();
    await t?.close();
  });

  it('every table with organisation_id has forced row-level security and a tenant policy', async () => {
    const tables = await ownerRows<{ table: string; enabled: boolean; forced: boolean; policies: number }>(`
      select c.relname as table, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
             (select count(*)::int from pg_policies p where p.schemaname = 'public' and p.tablename = c.relname) as policies
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'p')
         and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'organisation_id' and not a.attisdropped)
       order by 1`);
    expect(tables.length).toBeGreaterThanOrEqual(15);
    const unprotected = tables.filter((table) => !table.enabled || !table.forced || table.policies === 0).map((table) => table.table);
    expect(unprotected).toEqual([]);
  });

  it('every view reads with the caller’s rights (security_invoker), so the policies apply through it', async () => {
    const views = await ownerRows<{ view: string; options: string[] | null }>(`
      select c.relname as view, c.reloptions as options from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind = 'v' order by 1`);
    const definers = views.filter((view) => !(view.options ?? []).includes('security_invoker=true')).map((view) => view.view);
    expect(definers).toEqual([]);
  });

  it('the application connects as a role that neither owns the tables nor bypasses row-level security', async () => {
    const [role] = await app.query<Array<{ name: string; superuser: boolean; bypass: boolean; owned: number }>>(`
      select r.rolname as name, r.rolsuper as superuser, r.rolbypassrls as bypass,
             (select count(*)::int from pg_tables t where t.schemaname = 'public' and pg_has_role(r.oid, t.tableowner, 'MEMBER')) as owned
        from pg_roles r where r.rolname = current_user`);
    expect(role).toEqual({ name: 'kunna_app', superuser: false, bypass: false, owned: 0 });
  });

  it('without the tenant context a query sees no rows of any organisation-owned table', async () => {
    const tables = await ownerRows<{ table: string }>(`
      select table_name as table from information_schema.columns
       where table_schema = 'public' and column_name = 'organisation_id' order by 1`);
    let rowsTheOwnerSees = 0;
    for (const { table } of tables) {
      const [{ n: asOwner }] = await ownerRows<{ n: number }>(`select count(*)::int as n from ${table}`);
      const [{ n: asApp }] = await app.query<Array<{ n: number }>>(`select count(*)::int as n from ${table}`);
      rowsTheOwnerSees += asOwner;
      expect({ table, rows: asApp }).toEqual({ table, rows: 0 });
    }
    // The fixture fills these tables, so "no rows" above is the policy's doing, not an empty database.
    expect(rowsTheOwnerSees).toBeGreaterThan(50);
  });

  it('the system flag does nothing for the application role', async () => {
    const count = await app.transaction(async (manager) => {
      await manager.query(`select set_config('kunna.system', 'on', true)`);
      return (await manager.query<Array<{ n: number }>>(`select count(*)::int as n from person`))[0].n;
    });
    expect(count).toBe(0);
  });

  it('a tenant sees its own organisation only, and network content of its own network', async () => {
    const { orgA, orgB, networkId } = t.fixture;
    const seen = await app.transaction(async (manager) => {
      await applyTenant(manager, orgA, t.fixture.people.managerU1.id, { networkId });
      return {
        people: await manager.query<Array<{ id: string }>>(`select distinct organisation_id as id from person`),
        networkModules: (await manager.query<Array<{ n: number }>>(`select count(*)::int as n from library_module where organisation_id is null`))[0].n,
      };
    });
    expect(seen.people.map((row) => row.id)).toEqual([orgA]);
    const [{ n: networkModules }] = await ownerRows<{ n: number }>(`select count(*)::int as n from library_module where organisation_id is null`);
    expect(networkModules).toBeGreaterThan(0);
    expect(seen.networkModules).toBe(networkModules);
    expect(orgB).not.toBe(orgA);
  });

  it('refuses a cross-organisation insert and cannot touch another organisation’s rows', async () => {
    const { orgA, orgB, networkId, areaB1 } = t.fixture;
    const asOrgA = <T>(work: (query: (sql: string, params?: unknown[]) => Promise<unknown>) => Promise<T>) =>
      app.transaction(async (manager) => {
        await applyTenant(manager, orgA, t.fixture.people.adminA.id, { networkId });
        return work((sql, params) => manager.query(sql, params));
      });

    await expect(asOrgA((query) => query(`insert into area (organisation_id, name, kind) values ($1, 'Smugglad', 'other')`, [orgB]))).rejects.toThrow(
      /row-level security/,
    );
    // Control: the same insert for the tenant's own organisation is accepted (then rolled back).
    await expect(
      app.transaction(async (manager) => {
        await applyTenant(manager, orgA, t.fixture.people.adminA.id, { networkId });
        await manager.query(`insert into area (organisation_id, name, kind) values ($1, 'Egen', 'other')`, [orgA]);
        throw new Error('roll back the control');
      }),
    ).rejects.toThrow('roll back the control');

    // Moving a row of one's own organisation into another is refused too.
    await expect(asOrgA((query) => query(`update area set organisation_id = $1 where id = $2`, [orgB, t.fixture.areaA1]))).rejects.toThrow(
      /row-level security/,
    );
    // Another organisation's rows are invisible to updates and deletes: nothing happens.
    const [, updated] = (await asOrgA((query) => query(`update area set name = 'Kapad' where id = $1`, [areaB1]))) as [unknown, number];
    expect(updated).toBe(0);
    const [{ name }] = await ownerRows<{ name: string }>(`select name from area where id = $1`, [areaB1]);
    expect(name).toBe('Område B1');
  });

  it('a network coordinator reads every organisation of the network but writes only its own', async () => {
    const { orgA, orgB, networkId } = t.fixture;
    const organisations = await app.transaction(async (manager) => {
      await applyTenant(manager, orgA, t.fixture.people.coordinator.id, { networkId, coordinatedNetworkIds: [networkId] });
      return (await manager.query<Array<{ id: string }>>(`select distinct organisation_id as id from unit order by 1`)).map((row) => row.id);
    });
    expect(organisations).toEqual([orgA, orgB].sort());
    await expect(
      app.transaction(async (manager) => {
        await applyTenant(manager, orgA, t.fixture.people.coordinator.id, { networkId, coordinatedNetworkIds: [networkId] });
        await manager.query(`insert into area (organisation_id, name, kind) values ($1, 'Samordnarens', 'other')`, [orgB]);
      }),
    ).rejects.toThrow(/row-level security/);
  });

  it('the pre-tenant look-ups find exactly their row (sign-in candidates, live session)', async () => {
    const staff = t.fixture.people.staffU4;
    const candidates = await app.query<Array<{ person_id: string; organisation_id: string }>>(
      `select person_id, organisation_id from kunna_sign_in_candidates($1, null)`,
      [staff.email],
    );
    expect(candidates).toEqual([{ person_id: staff.id, organisation_id: t.fixture.orgB }]);
    expect(await app.query(`select * from kunna_live_session('no-such-session', 30)`)).toEqual([]);
  });
});
