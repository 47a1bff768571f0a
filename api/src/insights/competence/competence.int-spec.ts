import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { CompetenceBreakdown, CompetenceFigures, CompetenceGroup, CompetenceTrend, UnitCompetence } from '@kunna/contracts';
import { JobWorker } from '../../jobs';
import { KeptViews } from '../../snapshots';
import { createTestApp, TestApp } from '../../test-support/test-app';

/**
 * Competence levels and gains on a fixture with known answers, every figure computed by hand.
 *
 * Organisation A (minimum group size 3; the tenant fixture's own checks removed) gets area A3 with units U5, U6, U7
 * and one instrument: k (kunskap), s1 and s2 (färdigheter), a (förmåga), w (vilja, attitude), all on the four steps.
 * Each unit has one check: before round 2025-02-10 (Q1), after round 2025-05-12 (Q2). Answers (k, s1, s2, a, w):
 *
 *   person  unit  role title       type        before          after
 *   P1      U5    undersköterska   permanent   1 1 2 1 2       2 2 3 2 3
 *   P2      U5    undersköterska   permanent   2 2 2 2 3       3 3 3 2 3
 *   P3      U5    undersköterska   permanent   1 1 1 1 2       1 2 2 2 4
 *   P4      U5    undersköterska   permanent   3 3 3 3 3       4 4 4 3 4
 *   P5      U5    undersköterska   permanent   2 2 2 2 2       (no after: drop-out)
 *   Q1..Q3  U6    undersköterska   permanent   1 / 2 / 3 on every item, after 2 / 3 / 3
 *   Q4      U6    vårdbiträde      substitute  1 everywhere    2 everywhere
 *   R1, R2  U7    vårdbiträde      permanent   1 / 2           4 / 4
 *
 * A dimension's value for a person is the mean of its items; overall is the mean of all five items. Lowest level =
 * below 2. CI = mean change ± t(0.975, n−1) · sd/√n, rounded to two decimals like every mean.
 */
describe('competence insight (integration)', () => {
  let t: TestApp;
  let db: Client;
  const ids = {} as Record<string, string>;
  const period = 'from=2025-01-01&to=2025-12-31';
  const ITEM = (key: string, kind: string, dimension: string) => ({
    key,
    kind,
    dimension,
    textSv: key,
    textEn: null,
    digCompCode: null,
    thenOf: null,
    form: null,
    multiple: false,
    options: [],
    explanationSv: null,
    explanationEn: null,
    coreItemId: null,
  });
  const ITEMS = [
    ITEM('k', 'self_rating', 'knowledge'),
    ITEM('s1', 'self_rating', 'skills'),
    ITEM('s2', 'self_rating', 'skills'),
    ITEM('a', 'self_rating', 'ability'),
    ITEM('w', 'attitude', 'will'),
  ];
  const KEYS = ['k', 's1', 's2', 'a', 'w'];

  beforeAll(async () => {
    t = await createTestApp();
    db = new Client({ connectionString: t.db.url });
    await db.connect();
    const f = t.fixture;
    const one = async (sql: string, params: unknown[]) => ((await db.query(sql, params)).rows[0] as { id: string }).id;
    for (const table of ['check_answer', 'check_response', 'privacy_release', 'check_round', 'check_assignment'])
      await db.query(`delete from ${table} where organisation_id = $1`, [f.orgA]);
    await db.query(`update organisation set min_group_size = 3 where id = $1`, [f.orgA]);
    ids.area = await one(`insert into area (organisation_id, name, kind) values ($1, 'Område A3', 'home_care') returning id`, [f.orgA]);
    for (const unit of ['U5', 'U6', 'U7']) {
      ids[unit] = await one(`insert into unit (organisation_id, area_id, name, code) values ($1, $2, $3, $4) returning id`, [
        f.orgA,
        ids.area,
        `Enhet ${unit}`,
        unit,
      ]);
    }
    const instrument = await one(`insert into check_instrument (organisation_id, title) values ($1, 'Kompetens') returning id`, [f.orgA]);
    const version = await one(
      `insert into check_instrument_version (organisation_id, instrument_id, version, title, support_threshold, items) values ($1, $2, 1, 'Kompetens', 2, $3) returning id`,
      [f.orgA, instrument, JSON.stringify(ITEMS)],
    );
    const rounds: Record<string, { before: string; after: string }> = {};
    for (const unit of ['U5', 'U6', 'U7']) {
      const assignment = randomUUID();
      await db.query(`insert into check_assignment (id, organisation_id, unit_id, instrument_version_id, title) values ($1, $2, $3, $4, 'Kompetens')`, [
        assignment,
        f.orgA,
        ids[unit],
        version,
      ]);
      const round = (kind: string, day: string) =>
        one(`insert into check_round (organisation_id, assignment_id, kind, code, opens_on) values ($1, $2, $3, $4, $5) returning id`, [
          f.orgA,
          assignment,
          kind,
          `${unit}${kind}`.toUpperCase().slice(0, 8),
          day,
        ]);
      rounds[unit] = { before: await round('before', '2025-02-10'), after: await round('after', '2025-05-12') };
    }
    let seq = 700;
    const answer = async (roundId: string, personId: string, ratings: number[]) => {
      const response = randomUUID();
      await db.query(
        `insert into check_response (id, organisation_id, round_id, person_id, status, form, via, finished_at) values ($1, $2, $3, $4, 'submitted', 'A', 'kiosk', now())`,
        [response, f.orgA, roundId, personId],
      );
      for (const [i, key] of KEYS.entries()) {
        await db.query(`insert into check_answer (response_id, item_key, organisation_id, value) values ($1, $2, $3, $4)`, [
          response,
          key,
          f.orgA,
          JSON.stringify({ rating: ratings[i] }),
        ]);
      }
    };
    const person = async (name: string, unit: string, title: string, type: string, before: number[], after: number[] | null) => {
      const id = await one(
        `insert into person (organisation_id, employee_number, first_name, last_name, role_title, employment_type, start_date) values ($1, $2, $3, 'Test', $4, $5, '2024-01-01') returning id`,
        [f.orgA, `C${seq++}`, name, title, type],
      );
      await db.query(`insert into unit_membership (organisation_id, person_id, unit_id, start_date) values ($1, $2, $3, '2024-01-01')`, [
        f.orgA,
        id,
        ids[unit],
      ]);
      await answer(rounds[unit].before, id, before);
      if (after) await answer(rounds[unit].after, id, after);
      ids[name] = id;
    };
    const all = (v: number) => [v, v, v, v, v];
    await person('P1', 'U5', 'undersköterska', 'permanent', [1, 1, 2, 1, 2], [2, 2, 3, 2, 3]);
    await person('P2', 'U5', 'undersköterska', 'permanent', [2, 2, 2, 2, 3], [3, 3, 3, 2, 3]);
    await person('P3', 'U5', 'undersköterska', 'permanent', [1, 1, 1, 1, 2], [1, 2, 2, 2, 4]);
    await person('P4', 'U5', 'undersköterska', 'permanent', [3, 3, 3, 3, 3], [4, 4, 4, 3, 4]);
    await person('P5', 'U5', 'undersköterska', 'permanent', all(2), null);
    await person('Q1', 'U6', 'undersköterska', 'permanent', all(1), all(2));
    await person('Q2', 'U6', 'undersköterska', 'permanent', all(2), all(3));
    await person('Q3', 'U6', 'undersköterska', 'permanent', all(3), all(3));
    await person('Q4', 'U6', 'vårdbiträde', 'substitute', all(1), all(2));
    await person('R1', 'U7', 'vårdbiträde', 'permanent', all(1), all(4));
    await person('R2', 'U7', 'vårdbiträde', 'permanent', all(2), all(4));
  });

  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  const get = async <T>(path: string, who: 'hrA' | 'managerU1' | 'areaManagerA1' = 'hrA'): Promise<T> => {
    const response = await (await t.as(who)).get(path);
    expect(response.status).toBe(200);
    return response.body as T;
  };
  /** [dimension, invited, pairs, response rate, mean before, mean after, change, CI lower, CI upper, lowest before %, lowest after %] */
  const row = (f: CompetenceFigures) => [
    f.dimension,
    f.invited,
    f.pairs,
    f.responseRate,
    f.meanBefore,
    f.meanAfter,
    f.meanChange,
    f.confidenceInterval?.lower ?? null,
    f.confidenceInterval?.upper ?? null,
    f.lowestBefore,
    f.lowestAfter,
  ];
  const byKey = (groups: CompetenceGroup[]) => Object.fromEntries(groups.map((g) => [g.label, g]));

  it('computes the organisation total per dimension and overall', async () => {
    const breakdown = await get<CompetenceBreakdown>(`/api/insights/competence?${period}&groupBy=unit`);
    expect(breakdown.minimumGroupSize).toBe(3);
    expect(breakdown.total.people).toBe(11);
    // Pairs: everyone but P5 (10 of 11 invited = 90.9 %).
    // kunskap before 1,2,1,3,1,2,3,1,1,2 = 17/10 = 1.7; after 2,3,1,4,2,3,3,2,4,4 = 28/10 = 2.8; changes 1,1,0,1,1,1,0,1,3,2:
    //   mean 1.1, sd 0.8756, se 0.2769, t(9) 2.2622 → 1.1 ± 0.626 = 0.47..1.73; below 2 before: P1,P3,Q1,Q4,R1 = 50 %, after: P3 = 10 %.
    // färdigheter (s1+s2)/2: before 1.5,2,1,3,1,2,3,1,1,2 = 1.75; after 2.5,3,2,4,2,3,3,2,4,4 = 2.95; change 1.2, CI 0.64..1.76;
    //   below 2 before: P1 (1.5), P3, Q1, Q4, R1 = 50 %; after none.
    // förmåga: before 1,2,1,3,1,2,3,1,1,2 = 1.7; after 2,2,2,3,2,3,3,2,4,4 = 2.7; change 1.0, CI 0.33..1.67; lowest 50 % → 0 %.
    // vilja: before 2,3,2,3,1,2,3,1,1,2 = 2.0; after 3,3,4,4,2,3,3,2,4,4 = 3.2; change 1.2, CI 0.54..1.86; lowest 30 % → 0 %.
    // overall (mean of five items): before 1.4,2.2,1.2,3,1,2,3,1,1,2 = 1.78; after 2.4,2.8,2.2,3.8,2,3,3,2,4,4 = 2.92;
    //   change 1.14, CI 0.56..1.72; lowest (below 2) before P1 1.4, P3 1.2, Q1, Q4, R1 = 50 %, after 0 %.
    expect(breakdown.total.figures.map(row)).toEqual([
      ['knowledge', 11, 10, 90.9, 1.7, 2.8, 1.1, 0.47, 1.73, 50, 10],
      ['skills', 11, 10, 90.9, 1.75, 2.95, 1.2, 0.64, 1.76, 50, 0],
      ['ability', 11, 10, 90.9, 1.7, 2.7, 1, 0.33, 1.67, 50, 0],
      ['will', 11, 10, 90.9, 2, 3.2, 1.2, 0.54, 1.86, 30, 0],
      ['overall', 11, 10, 90.9, 1.78, 2.92, 1.14, 0.56, 1.72, 50, 0],
    ]);
  });

  it('suppresses a unit below the minimum and, by secondary suppression, the smallest other unit', async () => {
    const groups = byKey((await get<CompetenceBreakdown>(`/api/insights/competence?${period}&groupBy=unit`)).groups);
    // U7 has 2 people (< 3); alone it could be derived as total − U5 − U6, so U6 (4, the smallest shown) goes too.
    expect([groups['Enhet U7'].suppressed, groups['Enhet U7'].reason, groups['Enhet U7'].people]).toEqual([true, 'belowMinimum', 2]);
    expect([groups['Enhet U6'].suppressed, groups['Enhet U6'].reason]).toEqual([true, 'secondary']);
    expect(groups['Enhet U6'].figures.every((f) => f.suppressed && f.meanAfter === null && f.pairs === null)).toBe(true);
    expect(groups['Enhet U5'].areaName).toBe('Område A3');
    // U5: P1..P4 paired of 5 invited (80 %).
    // kunskap 1,2,1,3 → 2,3,1,4: 1.75 → 2.5, change 0.75, sd 0.5, t(3) 3.1824 → 0.75 ± 0.7956 = −0.05..1.55; lowest 2/4 → 1/4.
    // färdigheter 1.5,2,1,3 → 2.5,3,2,4: 1.875 → 2.875 (1.88 → 2.88), every change 1: sd 0, CI 1..1; lowest P1, P3 → none.
    // förmåga 1,2,1,3 → 2,2,2,3: 1.75 → 2.25, changes 1,0,1,0: sd 0.577, CI 0.5 ± 0.9187 = −0.42..1.42.
    // vilja 2,3,2,3 → 3,3,4,4: 2.5 → 3.5, changes 1,0,2,1: sd 0.8165, CI 1 ± 1.299 = −0.3..2.3; nobody below 2.
    // overall 1.4,2.2,1.2,3 → 2.4,2.8,2.2,3.8: 1.95 → 2.8, changes 1,0.6,1,0.8: mean 0.85, sd 0.1915, CI 0.85 ± 0.3047 = 0.55..1.15.
    expect(groups['Enhet U5'].figures.map(row)).toEqual([
      ['knowledge', 5, 4, 80, 1.75, 2.5, 0.75, -0.05, 1.55, 50, 25],
      ['skills', 5, 4, 80, 1.88, 2.88, 1, 1, 1, 50, 0],
      ['ability', 5, 4, 80, 1.75, 2.25, 0.5, -0.42, 1.42, 50, 0],
      ['will', 5, 4, 80, 2.5, 3.5, 1, -0.3, 2.3, 0, 0],
      ['overall', 5, 4, 80, 1.95, 2.8, 0.85, 0.55, 1.15, 50, 0],
    ]);
  });

  it('groups by role title and employment type', async () => {
    const roles = byKey((await get<CompetenceBreakdown>(`/api/insights/competence?${period}&groupBy=role_title`)).groups);
    // undersköterska: P1..P5, Q1..Q3 (8, 7 pairs); vårdbiträde: Q4, R1, R2 (3, all paired) 1,1,2 → 2,4,4 everywhere.
    expect(roles['undersköterska'].figures.map(row)[0]).toEqual(['knowledge', 8, 7, 87.5, 1.86, 2.57, 0.71, 0.26, 1.17, 42.9, 14.3]);
    // vårdbiträde: changes 1,3,2: mean 2, sd 1, t(2) 4.3027 → 2 ± 2.484 = −0.48..4.48; lowest 2/3 → 0.
    expect(roles['vårdbiträde'].figures.map(row)[4]).toEqual(['overall', 3, 3, 100, 1.33, 3.33, 2, -0.48, 4.48, 66.7, 0]);
    const types = byKey((await get<CompetenceBreakdown>(`/api/insights/competence?${period}&groupBy=employment_type`)).groups);
    // One substitute (Q4): below the minimum; the 10 permanent staff leave a rest of one person: difference rule.
    expect([types['substitute'].reason, types['permanent'].reason]).toEqual(['belowMinimum', 'complementary']);
  });

  it('withholds a filtered view that differs from an unfiltered one by fewer than the minimum (differencing)', async () => {
    // Permanent staff are 10 of 11: organisation − permanent = Q4 alone.
    const permanent = await get<CompetenceBreakdown>(`/api/insights/competence?${period}&employmentType=permanent&groupBy=unit`);
    expect([permanent.total.suppressed, permanent.total.reason, permanent.total.people]).toEqual([true, 'differencing', 10]);
    expect(permanent.groups.every((g) => g.suppressed && g.reason === 'differencing')).toBe(true);
    // U6 on its own: 4 people, but the breakdown by unit hides it (else total − U5 − U6 = U7).
    const u6 = await get<CompetenceBreakdown>(`/api/insights/competence?${period}&unitId=${ids.U6}`);
    expect([u6.total.suppressed, u6.total.reason]).toEqual([true, 'differencing']);
    // undersköterska: 8 of 11, the rest (3) reaches the minimum: shown, with U5 (5) and U6's undersköterskor (3).
    const nurses = byKey((await get<CompetenceBreakdown>(`/api/insights/competence?${period}&roleTitle=Undersköterska&groupBy=unit`)).groups);
    expect([nurses['Enhet U5'].suppressed, nurses['Enhet U6'].suppressed, nurses['Enhet U6'].people]).toEqual([false, false, 3]);
  });

  it('gives the mean level per dimension per quarter', async () => {
    const trend = await get<CompetenceTrend>(`/api/insights/competence/trend?${period}`);
    expect(trend.quarters.map((q) => [q.quarter, q.from, q.to])).toEqual([
      ['2025-Q1', '2025-01-01', '2025-03-31'],
      ['2025-Q2', '2025-04-01', '2025-06-30'],
      ['2025-Q3', '2025-07-01', '2025-09-30'],
      ['2025-Q4', '2025-10-01', '2025-12-31'],
    ]);
    const point = (q: number) => trend.quarters[q].points.map((p) => [p.dimension, p.people, p.mean, p.suppressed]);
    // Q1 would be the 11 before answers (kunskap 19/11 = 1.73 …), but the breakdown above released the means before
    // of the 10 pairs, and 11 × Q1 − 10 × that is P5's before answer (the drop-out): the same values across views, so
    // the privacy gate withholds the quarter.
    expect(point(0)).toEqual([
      ['knowledge', 11, null, true],
      ['skills', 11, null, true],
      ['ability', 11, null, true],
      ['will', 11, null, true],
      ['overall', 11, null, true],
    ]);
    // Q2: the 10 after answers (the means after above).
    expect(point(1)).toEqual([
      ['knowledge', 10, 2.8, false],
      ['skills', 10, 2.95, false],
      ['ability', 10, 2.7, false],
      ['will', 10, 3.2, false],
      ['overall', 10, 2.92, false],
    ]);
    expect(point(2).every(([, people, mean, suppressed]) => people === 0 && mean === null && suppressed === false)).toBe(true);
    // By quarter too, permanent staff differ from everyone by one person (Q4): withheld.
    const permanent = await get<CompetenceTrend>(`/api/insights/competence/trend?${period}&employmentType=permanent`);
    expect(permanent.quarters[0].points.map((p) => [p.people, p.mean, p.suppressed])[0]).toEqual([10, null, true]);
  });

  it("gives the unit's block on the team view exactly when the organisation's breakdown shows the unit", async () => {
    const u5 = await get<UnitCompetence>(`/api/insights/units/${ids.U5}/competence?${period}`);
    expect([u5.unit.suppressed, u5.unit.people]).toEqual([false, 5]);
    expect(u5.unit.figures.map(row)[4]).toEqual(['overall', 5, 4, 80, 1.95, 2.8, 0.85, 0.55, 1.15, 50, 0]);
    const u6 = await get<UnitCompetence>(`/api/insights/units/${ids.U6}/competence?${period}`);
    expect([u6.unit.suppressed, u6.unit.reason, u6.unit.figures[0].meanAfter]).toEqual([true, 'secondary', null]);
    const u7 = await get<UnitCompetence>(`/api/insights/units/${ids.U7}/competence?${period}`);
    expect([u7.unit.suppressed, u7.unit.reason]).toEqual([true, 'belowMinimum']);
  });

  it('keeps callers to their scope', async () => {
    // The U1 manager sees only U1 (no checks there now); a filter on U5 answers like a missing object.
    const own = await get<CompetenceBreakdown>(`/api/insights/competence?${period}`, 'managerU1');
    expect(own.total.people).toBe(0);
    const manager = await t.as('managerU1');
    expect((await manager.get(`/api/insights/competence?${period}&unitId=${ids.U5}`)).status).toBe(404);
    expect((await manager.get(`/api/insights/units/${ids.U5}/competence?${period}`)).status).toBe(403);
    // The area manager of A1 does not see area A3.
    const area = await get<CompetenceBreakdown>(`/api/insights/competence?${period}`, 'areaManagerA1');
    expect(area.total.people).toBe(0);
    const bad = await (await t.as('hrA')).get(`/api/insights/competence?groupBy=nope&from=2025-13-01`);
    expect(bad.status).toBe(400);
  });

  // The attack an outside probe described: read a view, let one person answer, read it again: the difference of the
  // two releases is that person's change. The privacy gate keeps what was released and withholds the second read.
  it("withholds the same view read again after one person's answer arrived (unit block, breakdown and trend)", async () => {
    const u5Before = await get<UnitCompetence>(`/api/insights/units/${ids.U5}/competence?${period}`);
    expect(u5Before.unit.figures.every((f) => !f.suppressed)).toBe(true);
    const trendBefore = await get<CompetenceTrend>(`/api/insights/competence/trend?${period}&unitId=${ids.U5}`);
    expect(trendBefore.quarters[1].points[4]).toMatchObject({ people: 4, suppressed: false });
    // P5, the drop-out, answers the after round.
    const [{ id: round }] = (
      await db.query(`select r.id from check_round r join check_assignment a on a.id = r.assignment_id where a.unit_id = $1 and r.kind = 'after'`, [ids.U5])
    ).rows;
    const response = randomUUID();
    await db.query(
      `insert into check_response (id, organisation_id, round_id, person_id, status, form, via, finished_at) values ($1, $2, $3, $4, 'submitted', 'A', 'kiosk', now())`,
      [response, t.fixture.orgA, round, ids.P5],
    );
    for (const key of KEYS)
      await db.query(`insert into check_answer (response_id, item_key, organisation_id, value) values ($1, $2, $3, $4)`, [
        response,
        key,
        t.fixture.orgA,
        JSON.stringify({ rating: 4 }),
      ]);

    const u5After = await get<UnitCompetence>(`/api/insights/units/${ids.U5}/competence?${period}`);
    expect(u5After.unit).toMatchObject({ suppressed: true, reason: 'differencing' });
    expect(u5After.unit.figures.every((f) => f.meanAfter === null && f.meanChange === null)).toBe(true);
    const breakdown = await get<CompetenceBreakdown>(`/api/insights/competence?${period}&groupBy=unit&unitId=${ids.U5}`);
    expect(breakdown.total.figures.every((f) => f.meanAfter === null)).toBe(true);
    // The HR trend is kept between reads: in a large organisation (whose views take long to compute) it answers the
    // figures already released right after the answer, with their time, and queues a recomputation; once that ran,
    // the new release is withheld.
    t.app.get(KeptViews).inlineBelowMs = -1;
    const trendKept = await get<CompetenceTrend>(`/api/insights/competence/trend?${period}&unitId=${ids.U5}`);
    expect(trendKept).toEqual(trendBefore);
    expect(trendKept.asOf).toEqual(expect.any(String));
    expect(await t.app.get(JobWorker).runDue()).toBeGreaterThanOrEqual(1);
    const trendAfter = await get<CompetenceTrend>(`/api/insights/competence/trend?${period}&unitId=${ids.U5}`);
    expect(trendAfter.asOf! > trendKept.asOf!).toBe(true);
    expect(trendAfter.quarters[1].points[4]).toMatchObject({ people: 5, mean: null, suppressed: true });
    // What did not change is answered as before: the first quarter holds the same five answers (withheld then too,
    // as P5's before answer is the difference to the unit's four pairs).
    expect(trendAfter.quarters[0].points[4]).toEqual(trendBefore.quarters[0].points[4]);
  });
});
