import { Client } from 'pg';
import { CheckResults, CompetenceBreakdown, CompetenceTrend, ParticipationBreakdown } from '@kunna/contracts';
import { JobQueue, JobWorker } from '../jobs';
import { createTestApp, TestApp } from '../test-support/test-app';
import { KeptViews, keptQuery, REFRESH_KEPT_VIEWS } from './snapshots.service';

/**
 * Organisation-wide insight views kept between reads (issue 15): the kept answer is the computed one, a write to any
 * source marks the organisation in the same statement, a read then answers the kept figures with their time and queues
 * one recomputation, and after it ran the answer equals a computation from scratch. Views narrower than the
 * organisation are never kept, and nothing kept names a person.
 */
describe('kept insight views (integration)', () => {
  let t: TestApp;
  let db: Client;
  const period = 'from=2025-01-01&to=2026-12-31';
  const views = () => [
    `/api/insights/participation?groupBy=unit&${period}`,
    `/api/insights/competence?groupBy=unit&${period}`,
    `/api/insights/competence/trend?${period}`,
    `/api/checks/results?instrumentId=${t.fixture.checks.instrumentA}`,
    `/api/insights/costs?${period}`,
  ];
  const stale = async () => (await db.query(`select count(*)::int as n from insight_stale where organisation_id = $1`, [t.fixture.orgA])).rows[0].n as number;
  const kept = async () =>
    (await db.query(`select view, query_key, computed_at from insight_snapshot where organisation_id = $1 order by view, query_key`, [t.fixture.orgA])).rows;
  const read = async <T>(path: string, who: Parameters<TestApp['as']>[0] = 'hrA') => {
    const response = await (await t.as(who)).get(path);
    expect(response.status).toBe(200);
    return response.body as T & { asOf?: string };
  };
  const pendingRefreshes = async () => {
    const job = await t.app.get(JobQueue).find(REFRESH_KEPT_VIEWS, `organisation:${t.fixture.orgA}`);
    return job?.status === 'pending' ? 1 : 0;
  };

  beforeAll(async () => {
    t = await createTestApp();
    db = new Client({ connectionString: t.db.url });
    await db.connect();
    await db.query(`delete from insight_stale`);
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  it('keeps the first answer of each organisation-wide view and answers it again without recomputing', async () => {
    const first = [];
    for (const path of views()) first.push(await read<object>(path));
    for (const answer of first) expect(answer.asOf).toEqual(expect.any(String));
    const rows = await kept();
    expect(rows.map((row) => row.view).sort()).toEqual([
      'checks.results',
      'competence.breakdown',
      'competence.trend',
      'insights.costs',
      'insights.participation',
    ]);
    for (const [index, path] of views().entries()) expect(await read<object>(path)).toEqual(first[index]);
    expect(await kept()).toEqual(rows);
  });

  it('never keeps a view narrower than the organisation', async () => {
    const before = (await kept()).length;
    const manager = await read<CompetenceBreakdown>(`/api/insights/competence?groupBy=unit&${period}`, 'managerU1');
    expect(manager.asOf).toBeUndefined();
    const area = await read<ParticipationBreakdown>(`/api/insights/participation?groupBy=unit&${period}`, 'areaManagerA1');
    expect(area.asOf).toBeUndefined();
    const unit = await read<CheckResults>(`/api/checks/results?instrumentId=${t.fixture.checks.instrumentA}&unitId=${t.fixture.unitU1}`);
    expect(unit.asOf).toBeUndefined();
    expect((await kept()).length).toBe(before);
  });

  it('marks the organisation in the statement that changes a source, and only then', async () => {
    await db.query(`delete from insight_stale`);
    // A person's language is no figure's business; their role title is.
    await db.query(`update person set preferred_language = 'en' where id = $1`, [t.fixture.people.staffU1.id]);
    expect(await stale()).toBe(0);
    await db.query(`update person set role_title = 'vårdbiträde' where id = $1`, [t.fixture.people.staffU1.id]);
    expect(await stale()).toBe(1);
    await db.query(`delete from insight_stale`);
    await db.query(`update organisation set min_group_size = min_group_size where id = $1`, [t.fixture.orgA]);
    expect(await stale()).toBe(0);
    await db.query(`update organisation set min_group_size = min_group_size + 1 where id = $1`, [t.fixture.orgA]);
    expect(await stale()).toBe(1);
    await db.query(`update organisation set min_group_size = min_group_size - 1 where id = $1`, [t.fixture.orgA]);
    await db.query(`delete from insight_stale`);
    await db.query(`update sessions set place = place where organisation_id = $1`, [t.fixture.orgA]);
    expect(await stale()).toBe(1);
    // Another organisation's writes mark that organisation, not this one.
    await db.query(`delete from insight_stale`);
    await db.query(`update unit set name = name where organisation_id = $1`, [t.fixture.orgB]);
    expect((await db.query(`select organisation_id from insight_stale`)).rows).toEqual([{ organisation_id: t.fixture.orgB }]);
    await db.query(`delete from insight_stale`);
  });

  it('recomputes a cheap stale view in the read itself, and queues the refresh all the same', async () => {
    const path = `/api/insights/participation?groupBy=unit&${period}`;
    const before = await read<ParticipationBreakdown>(path);
    // A member leaves U1: a figure the read must show at once in a small organisation.
    await db.query(`update unit_membership set end_date = current_date - 1 where person_id = $1`, [t.fixture.people.staffU1.id]);
    const after = await read<ParticipationBreakdown>(path);
    expect(after.asOf! > before.asOf!).toBe(true);
    expect(after.total.people).toBe(before.total.people - 1);
    expect(await pendingRefreshes()).toBe(1);
    expect(await t.app.get(JobWorker).runDue()).toBe(1);
    expect(await stale()).toBe(0);
    await db.query(`update unit_membership set end_date = null where person_id = $1`, [t.fixture.people.staffU1.id]);
    expect(await t.app.get(JobWorker).runDue()).toBe(0);
  });

  it('answers the kept figures with their time after a write, queues one refresh, and then equals a recomputation', async () => {
    // As in a large organisation, whose views take seconds to compute.
    t.app.get(KeptViews).inlineBelowMs = -1;
    const path = `/api/insights/participation?groupBy=unit&${period}`;
    const before = await read<ParticipationBreakdown>(path);
    // Someone's unit changes: the participation figures move between units.
    await db.query(`update unit_membership set start_date = start_date where person_id = $1`, [t.fixture.people.staffU1.id]);
    expect(await stale()).toBe(1);
    const kept1 = await read<ParticipationBreakdown>(path);
    expect(kept1).toEqual(before);
    expect(await pendingRefreshes()).toBe(1);
    // Reads while it waits queue nothing more.
    await read<ParticipationBreakdown>(path);
    await read<CompetenceTrend>(`/api/insights/competence/trend?${period}`);
    expect(await t.app.get(JobWorker).runDue()).toBe(1);
    expect(await stale()).toBe(0);
    const refreshed = await read<ParticipationBreakdown>(path);
    expect(refreshed.asOf! > before.asOf!).toBe(true);

    // The refresh recomputed every kept view: each equals what a computation from scratch answers now.
    const afterRefresh = [];
    for (const view of views()) afterRefresh.push(await read<object & { asOf?: string }>(view));
    await t.inTenant(() => t.app.get(KeptViews).forget(t.fixture.orgA));
    for (const [index, view] of views().entries()) {
      const { asOf: _kept, ...keptBody } = afterRefresh[index];
      const { asOf: _fresh, ...freshBody } = await read<object & { asOf?: string }>(view);
      expect(keptBody).toEqual(freshBody);
    }
    t.app.get(KeptViews).inlineBelowMs = 500;
  });

  it('keeps aggregates only: no kept answer holds a person id or name', async () => {
    const people = (await db.query(`select id, first_name, last_name from person where organisation_id = $1`, [t.fixture.orgA])).rows as Array<{
      id: string;
      first_name: string;
      last_name: string;
    }>;
    const bodies = (await db.query(`select body::text as body from insight_snapshot where organisation_id = $1`, [t.fixture.orgA])).rows.map(
      (row) => row.body as string,
    );
    expect(bodies.length).toBeGreaterThan(0);
    for (const body of bodies) for (const person of people) expect(body.includes(person.id) || body.includes(`"${person.last_name}"`)).toBe(false);
  });

  it('names a view and its query in one canonical form', () => {
    expect(keptQuery('v', { to: '2026-01-01', from: '2025-01-01', unitId: undefined, roleTitle: '' })).toEqual({
      view: 'v',
      queryKey: '{"from":"2025-01-01","to":"2026-01-01"}',
      query: { from: '2025-01-01', to: '2026-01-01' },
    });
  });
});
