import { Client } from 'pg';
import { FixturePersonKey } from '../test-support/fixture';
import { createTestApp, TestApp } from '../test-support/test-app';

/**
 * Data minimisation in exports: the individual-level ones (the funders' participant report in JSON, CSV and XLSX;
 * the team dashboard whose member tables the page downloads) answer only roles that may see those people, and every
 * read is in the audit log; the aggregate ones carry no personal data.
 */
describe('insights exports: individual level only for those who may see the individuals, and logged', () => {
  let t: TestApp;
  let owner: Client;
  const period = { from: '2025-01-01', to: '2025-12-31' };

  beforeAll(async () => {
    t = await createTestApp();
    owner = new Client({ connectionString: t.db.url });
    await owner.connect();
  });

  afterAll(async () => {
    await owner.end();
    await t.close();
  });

  const auditRows = async (action: string) =>
    (
      await owner.query<{ actor_person_id: string; target_id: string; details: Record<string, unknown> }>(
        `select actor_person_id, target_id, details from audit_log where action = $1 order by id`,
        [action],
      )
    ).rows;

  it('gives the participant report to HR and administrators only, and logs each read with its format', async () => {
    for (const key of ['staffU1', 'ambassadorU1', 'managerU1', 'areaManagerA1', 'coordinator'] as FixturePersonKey[]) {
      const client = await t.as(key);
      for (const format of ['json', 'csv', 'xlsx']) {
        expect((await client.get('/api/insights/participant-report').query({ ...period, format })).status).toBe(403);
      }
    }
    expect(await auditRows('insights.participant_report.read')).toEqual([]);

    const hr = await t.as('hrA');
    for (const format of ['json', 'csv', 'xlsx']) {
      const response = await hr.get('/api/insights/participant-report').query({ ...period, format });
      expect(response.status).toBe(200);
      expect(response.headers['cache-control']).toBe('no-store');
    }
    const admin = await t.as('adminA');
    expect((await admin.get('/api/insights/participant-report').query(period)).status).toBe(200);
    const rows = await auditRows('insights.participant_report.read');
    expect(rows.map((row) => [row.actor_person_id, row.target_id, row.details['format']])).toEqual([
      [t.fixture.people.hrA.id, t.fixture.orgA, 'json'],
      [t.fixture.people.hrA.id, t.fixture.orgA, 'csv'],
      [t.fixture.people.hrA.id, t.fixture.orgA, 'xlsx'],
      [t.fixture.people.adminA.id, t.fixture.orgA, 'json'],
    ]);
  });

  it('gives a unit’s member-level team dashboard to its managers and up only, and logs each read', async () => {
    const f = t.fixture;
    const path = (unitId: string) => `/api/insights/units/${unitId}/team`;
    expect((await (await t.as('ambassadorU1')).get(path(f.unitU1)).query(period)).status).toBe(403);
    expect((await (await t.as('staffU1')).get(path(f.unitU1)).query(period)).status).toBe(403);
    expect([403, 404]).toContain((await (await t.as('managerU2')).get(path(f.unitU1)).query(period)).status);
    expect((await (await t.as('adminB')).get(path(f.unitU1)).query(period)).status).toBe(404);
    expect(await auditRows('insights.team.read')).toEqual([]);

    const manager = await t.as('managerU1');
    expect((await manager.get(path(f.unitU1)).query(period)).status).toBe(200);
    expect(await auditRows('insights.team.read')).toEqual([
      { actor_person_id: f.people.managerU1.id, target_id: f.unitU1, details: { from: period.from, to: period.to } },
    ]);
  });

  it('keeps the network comparison to aggregates: no person appears in it', async () => {
    const response = await (await t.as('coordinator')).get('/api/network/insights/participation').query(period);
    expect(response.status).toBe(200);
    const text = JSON.stringify(response.body);
    for (const person of Object.values(t.fixture.people)) {
      expect(text).not.toContain(person.id);
      expect(text).not.toContain(person.email);
      expect(text).not.toContain(person.employeeNumber);
    }
    expect(text).not.toContain('Testsson');
  });
});
