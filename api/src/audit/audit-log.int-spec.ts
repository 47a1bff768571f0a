import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AuditLogPage } from '@kunna/contracts';
import { localDay } from '../test-support/local-day';
import { createTestApp, SignedInClient, TestApp } from '../test-support/test-app';
import { AuditLogService } from './audit-log.service';

/** Organisation admins search their own organisation's audit log and set how long it is kept. */
describe('audit log search and retention (integration)', () => {
  let t: TestApp;
  let owner: Client;
  let adminA: SignedInClient;

  const search = async (query = ''): Promise<AuditLogPage> => {
    const response = await adminA.get(`/api/audit-log${query}`);
    expect(response.status).toBe(200);
    return response.body as AuditLogPage;
  };

  beforeAll(async () => {
    t = await createTestApp();
    owner = new Client({ connectionString: t.db.url });
    await owner.connect();
    adminA = await t.as('adminA');
    await t.as('adminB');
    // A failed sign-in of staffU1 (organisation A) and one of staffU4 (organisation B).
    expect((await t.http().post('/api/auth/sign-in').send({ identifier: t.fixture.people.staffU1.email, password: 'fel-lösenord-123' })).status).toBe(401);
    expect((await t.http().post('/api/auth/sign-in').send({ identifier: t.fixture.people.staffU4.email, password: 'fel-lösenord-123' })).status).toBe(401);
  });
  afterAll(async () => {
    await owner?.end();
    await t?.close();
  });

  it('lists the own organisation’s entries only, newest first, with the actor’s name', async () => {
    const page = await search();
    const [{ n: inA }] = (await owner.query(`select count(*)::int as n from audit_log where organisation_id = $1`, [t.fixture.orgA])).rows;
    expect(page.entries).toHaveLength(inA);
    const ids = page.entries.map((entry) => Number(entry.id));
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    const people = new Set(page.entries.map((entry) => entry.actorPersonId));
    expect(people.has(t.fixture.people.adminA.id)).toBe(true);
    expect(people.has(t.fixture.people.staffU1.id)).toBe(true);
    expect(people.has(t.fixture.people.adminB.id)).toBe(false);
    expect(people.has(t.fixture.people.staffU4.id)).toBe(false);
    const signIn = page.entries.find((entry) => entry.action === 'auth.sign_in' && entry.actorPersonId === t.fixture.people.adminA.id);
    expect(signIn?.actorName).toBe('adminA Testsson');
    expect(page.actions).toEqual(expect.arrayContaining(['auth.sign_in', 'auth.sign_in_failed']));
  });

  it('filters by action, by person, by date, and pages', async () => {
    const failed = await search('?action=auth.sign_in_failed');
    expect(failed.entries.map((entry) => [entry.action, entry.actorPersonId])).toEqual([['auth.sign_in_failed', t.fixture.people.staffU1.id]]);
    const byPerson = await search(`?personId=${t.fixture.people.staffU1.id}`);
    expect(byPerson.entries.length).toBeGreaterThan(0);
    expect(byPerson.entries.every((entry) => entry.actorPersonId === t.fixture.people.staffU1.id || entry.targetId === t.fixture.people.staffU1.id)).toBe(true);
    expect((await search('?to=2020-01-01')).entries).toEqual([]);
    const today = localDay();
    expect((await search(`?from=${today}&to=${today}`)).entries.length).toBeGreaterThanOrEqual(2);

    const first = await search('?limit=1');
    expect(first.entries).toHaveLength(1);
    expect(first.nextBefore).toBe(first.entries[0].id);
    const second = await search(`?limit=1&before=${first.nextBefore}`);
    expect(second.entries).toHaveLength(1);
    expect(Number(second.entries[0].id)).toBeLessThan(Number(first.entries[0].id));
  });

  it('names each entry’s target where it belongs to the organisation, and never another organisation’s', async () => {
    const insert = `insert into audit_log (action, organisation_id, actor_person_id, target_type, target_id, details)
                    values ($1, $2, $3, $4, $5, '{}'::jsonb)`;
    await owner.query(insert, ['unit.updated', t.fixture.orgA, t.fixture.people.adminA.id, 'unit', t.fixture.unitU1]);
    await owner.query(insert, ['person.updated', t.fixture.orgA, t.fixture.people.adminA.id, 'person', t.fixture.people.staffU1.id]);
    await owner.query(insert, ['area.updated', t.fixture.orgA, t.fixture.people.adminA.id, 'area', t.fixture.areaA1]);
    // An entry of organisation A naming organisation B's unit (as a forged or stale id would): no name.
    await owner.query(insert, ['unit.updated', t.fixture.orgA, t.fixture.people.adminA.id, 'unit', t.fixture.unitU4]);
    await owner.query(insert, ['insights.competence_profile.create', t.fixture.orgA, t.fixture.people.adminA.id, 'role_title', 'Undersköterska']);
    const page = await search('?limit=5');
    expect(page.entries.map((entry) => [entry.targetType, entry.targetName])).toEqual([
      ['role_title', null],
      ['unit', null],
      ['area', 'Område A1'],
      ['person', 'staffU1 Testsson'],
      ['unit', 'Enhet U1'],
    ]);
  });

  it('names the field of a bad filter', async () => {
    for (const [query, field] of [
      ['?from=2026-02-30', 'from'],
      ['?personId=not-an-id', 'personId'],
      ['?limit=0', 'limit'],
      ['?action=DROP%20TABLE', 'action'],
    ] as const) {
      const response = await adminA.get(`/api/audit-log${query}`);
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).toContain(field);
    }
  });

  it('sets retention (30–3650 days or null, logged) and purges only expired entries of organisations that set one', async () => {
    expect((await adminA.get('/api/audit-log/retention')).body).toEqual({ retentionDays: null });
    expect((await adminA.put('/api/audit-log/retention', { retentionDays: 10 })).status).toBe(400);
    expect((await adminA.put('/api/audit-log/retention', {})).status).toBe(400);
    expect((await adminA.put('/api/audit-log/retention', { retentionDays: 90 })).body).toEqual({ retentionDays: 90 });
    expect((await adminA.get('/api/audit-log/retention')).body).toEqual({ retentionDays: 90 });
    expect((await search('?action=audit.retention_changed')).entries[0].details).toEqual({ from: null, to: 90 });

    const old = async (organisationId: string, days: number) =>
      (
        await owner.query(
          `insert into audit_log (organisation_id, action, created_at) values ($1, 'test.old', now() - make_interval(days => $2)) returning id::text`,
          [organisationId, days],
        )
      ).rows[0].id as string;
    const expiredA = await old(t.fixture.orgA, 91);
    const keptA = await old(t.fixture.orgA, 89);
    const oldB = await old(t.fixture.orgB, 400);
    expect(await t.app.get(AuditLogService).purgeExpired()).toBe(1);
    const left = (await owner.query(`select id::text from audit_log where id = any($1::bigint[]) order by id`, [[expiredA, keptA, oldB]])).rows.map(
      (row: { id: string }) => row.id,
    );
    expect(left).toEqual([keptA, oldB]);
  });

  it('stays append-only for the API’s database role', async () => {
    const app = t.app.get(DataSource);
    await expect(app.query(`delete from audit_log`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`update audit_log set action = 'x'`)).rejects.toThrow(/permission denied/);
  });
});
