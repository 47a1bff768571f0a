import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { NetworkComparison } from '@kunna/contracts';
import { createTestApp, TestApp } from '../../test-support/test-app';

/**
 * The network coordinator's comparison on a fixture with known answers, every figure computed by hand.
 *
 * Core items of the network: C1 (färdigheter, self-rating) and C2 (vilja, attitude); the tenant fixture's retired core
 * item has no answers and is left out. Organisation A (minimum 3) asks both in unit U1: before round 60 days ago, after
 * 20 days ago. Organisation B (minimum 5, the default) asks C1 in U4.
 *
 *   person        C1 before → after   C2 before → after
 *   staffU1       1 → 3               2 → 3
 *   ambassadorU1  2 → 3               2 → 4
 *   managerU1     2 → 4               declined → 3
 *   staffU2       1 → (none)          –
 *   staffU4 (B)   1 → 2               –
 *
 * Shared modules: only "Nätverksmodul" (the others are organisations' own). Sessions of it in the period:
 *   S1 A/U1 10 days ago, led by ambassadorU1: staffU1 and ambassadorU1 present, managerU1 absent   → held
 *   S2 A/U2 5 days ago, led by staffU2: staffU1 partial 10 of 30 minutes                          → held
 *   S3 B/U4 3 days ago, B's adaptation of the module, led by staffU4: staffU4 present             → held
 *   S4 A/U1 8 days ago, cancelled (staffU2 present)                                               → not held
 *   S5 A/U1 7 days ago, led by staffU2: only staffU2 absent                                       → not held
 * ambassadorU1, staffU2 (A) and staffU4 (B) are appointed ambassadors in the tenant fixture.
 * The tenant fixture's own sessions of the module have no marks.
 */
describe('network comparison (integration)', () => {
  let t: TestApp;
  let db: Client;
  let from: string;
  let to: string;
  const core = { c1: '', c2: '' };

  beforeAll(async () => {
    t = await createTestApp();
    db = new Client({ connectionString: t.db.url });
    await db.connect();
    const f = t.fixture;
    const one = async (sql: string, params: unknown[]) => ((await db.query(sql, params)).rows[0] as { id: string }).id;
    const day = async (offset: number) =>
      ((await db.query(`select ((now() at time zone 'Europe/Stockholm')::date + $1::int)::text as d`, [offset])).rows[0] as { d: string }).d;
    from = await day(-90);
    to = await day(0);
    await db.query(`update organisation set min_group_size = 3 where id = $1`, [f.orgA]);
    const ITEM = (key: string, kind: string, dimension: string, coreItemId: string | null) => ({
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
      coreItemId,
    });
    core.c1 = await one(`insert into check_core_item (network_id, item) values ($1, $2) returning id`, [
      f.networkId,
      JSON.stringify(ITEM('c1', 'self_rating', 'skills', null)),
    ]);
    core.c2 = await one(`insert into check_core_item (network_id, item) values ($1, $2) returning id`, [
      f.networkId,
      JSON.stringify(ITEM('c2', 'attitude', 'will', null)),
    ]);
    const check = async (organisationId: string, unitId: string, items: object[]) => {
      const instrument = await one(`insert into check_instrument (organisation_id, title) values ($1, 'Kärnfrågor') returning id`, [organisationId]);
      const version = await one(
        `insert into check_instrument_version (organisation_id, instrument_id, version, title, support_threshold, items) values ($1, $2, 1, 'Kärnfrågor', 2, $3) returning id`,
        [organisationId, instrument, JSON.stringify(items)],
      );
      const assignment = randomUUID();
      await db.query(`insert into check_assignment (id, organisation_id, unit_id, instrument_version_id, title) values ($1, $2, $3, $4, 'Kärnfrågor')`, [
        assignment,
        organisationId,
        unitId,
        version,
      ]);
      const round = async (kind: string, offset: number) =>
        one(`insert into check_round (organisation_id, assignment_id, kind, code, opens_on) values ($1, $2, $3, $4, $5) returning id`, [
          organisationId,
          assignment,
          kind,
          `N${randomUUID().slice(0, 7)}`.toUpperCase(),
          await day(offset),
        ]);
      return { before: await round('before', -60), after: await round('after', -20) };
    };
    const answer = async (organisationId: string, roundId: string, personId: string, ratings: Record<string, number | null>) => {
      const response = randomUUID();
      await db.query(
        `insert into check_response (id, organisation_id, round_id, person_id, status, form, via, finished_at) values ($1, $2, $3, $4, 'submitted', 'A', 'kiosk', now())`,
        [response, organisationId, roundId, personId],
      );
      for (const [key, rating] of Object.entries(ratings)) {
        await db.query(`insert into check_answer (response_id, item_key, organisation_id, declined, value) values ($1, $2, $3, $4, $5)`, [
          response,
          key,
          organisationId,
          rating === null,
          rating === null ? null : JSON.stringify({ rating }),
        ]);
      }
    };
    const a = await check(f.orgA, f.unitU1, [
      ITEM('core-c1', 'self_rating', 'skills', core.c1),
      ITEM('core-c2', 'attitude', 'will', core.c2),
      ITEM('own', 'self_rating', 'skills', null),
    ]);
    const p = f.people;
    await answer(f.orgA, a.before, p.staffU1.id, { 'core-c1': 1, 'core-c2': 2, own: 4 });
    await answer(f.orgA, a.after, p.staffU1.id, { 'core-c1': 3, 'core-c2': 3, own: 1 });
    await answer(f.orgA, a.before, p.ambassadorU1.id, { 'core-c1': 2, 'core-c2': 2 });
    await answer(f.orgA, a.after, p.ambassadorU1.id, { 'core-c1': 3, 'core-c2': 4 });
    await answer(f.orgA, a.before, p.managerU1.id, { 'core-c1': 2, 'core-c2': null });
    await answer(f.orgA, a.after, p.managerU1.id, { 'core-c1': 4, 'core-c2': 3 });
    await answer(f.orgA, a.before, p.staffU2.id, { 'core-c1': 1 });
    const b = await check(f.orgB, f.unitU4, [ITEM('core-c1', 'self_rating', 'skills', core.c1)]);
    await answer(f.orgB, b.before, p.staffU4.id, { 'core-c1': 1 });
    await answer(f.orgB, b.after, p.staffU4.id, { 'core-c1': 2 });

    // Sessions of the shared module and of organisation B's adaptation of it.
    const networkVersion = (await db.query(`select v.id from library_module_version v where v.title = 'Nätverksmodul' and v.status = 'published'`)).rows[0] as {
      id: string;
    };
    const adaptation = await one(
      `insert into library_module (network_id, organisation_id, ownership, source_module_id) values ($1, $2, 'organisation', $3) returning id`,
      [f.networkId, f.orgB, f.library.networkModule.id],
    );
    const adaptedVersion = await one(
      `insert into library_module_version (module_id, network_id, organisation_id, version_number, status, title, summary, learning_goals, competence_dimensions,
                                           digcomp_codes, target_groups, format, duration_minutes, facilitator_guide, knowledge_items, source_version_id)
       select $1, network_id, $2, 1, 'draft', 'Bergsjös variant', summary, learning_goals, competence_dimensions, digcomp_codes, target_groups, format,
              duration_minutes, facilitator_guide, knowledge_items, id
         from library_module_version where id = $3 returning id`,
      [adaptation, f.orgB, networkVersion.id],
    );
    await db.query(`update library_module_version set status = 'published', published_at = now() where id = $1`, [adaptedVersion]);
    const session = async (organisationId: string, unitId: string, versionId: string, offset: number, leader: string, cancelled = false) => {
      const id = await one(
        `insert into sessions (organisation_id, unit_id, module_version_id, date, start_time, duration_minutes, starts_at, ends_at, place, activity_category, audience, status, cancelled_at, cancel_reason)
         values ($1, $2, $3, $4::date, '10:00', 30, timezone('Europe/Stockholm', $4::date + time '10:00'), timezone('Europe/Stockholm', $4::date + time '10:30'),
                 'Rummet', 'workplace_learning', 'unit_team', $5, $6, $7) returning id`,
        [
          organisationId,
          unitId,
          versionId,
          await day(offset),
          cancelled ? 'cancelled' : 'scheduled',
          cancelled ? new Date() : null,
          cancelled ? 'Sjukdom' : null,
        ],
      );
      await db.query(`insert into session_facilitators (session_id, person_id, organisation_id) values ($1, $2, $3)`, [id, leader, organisationId]);
      return id;
    };
    const mark = (organisationId: string, sessionId: string, personId: string, status: string, minutes: number | null = null) =>
      db.query(
        `insert into attendance_marks (id, organisation_id, session_id, person_id, status, minutes, recorded_at, recorded_by) values ($1, $2, $3, $4, $5, $6, now(), $4)`,
        [randomUUID(), organisationId, sessionId, personId, status, minutes],
      );
    const s1 = await session(f.orgA, f.unitU1, networkVersion.id, -10, p.ambassadorU1.id);
    await mark(f.orgA, s1, p.staffU1.id, 'present');
    await mark(f.orgA, s1, p.ambassadorU1.id, 'present');
    await mark(f.orgA, s1, p.managerU1.id, 'absent');
    const s2 = await session(f.orgA, f.unitU2, networkVersion.id, -5, p.staffU2.id);
    await mark(f.orgA, s2, p.staffU1.id, 'partial', 10);
    const s3 = await session(f.orgB, f.unitU4, adaptedVersion, -3, p.staffU4.id);
    await mark(f.orgB, s3, p.staffU4.id, 'present');
    const s4 = await session(f.orgA, f.unitU1, networkVersion.id, -8, p.ambassadorU1.id, true);
    await mark(f.orgA, s4, p.staffU2.id, 'present');
    const s5 = await session(f.orgA, f.unitU1, networkVersion.id, -7, p.staffU2.id);
    await mark(f.orgA, s5, p.staffU2.id, 'absent');
  });

  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  it("compares the core items per organisation, suppressing small groups, and counts the shared modules' use", async () => {
    const response = await (await t.as('coordinator')).get(`/api/network/insights/comparison?from=${from}&to=${to}`);
    expect(response.status).toBe(200);
    const body = response.body as NetworkComparison;
    expect(body.coreItems.map((item) => item.id)).toEqual([core.c1, core.c2]);
    const rows = Object.fromEntries(body.organisations.map((row) => [row.organisation.name, row]));
    // A, C1: pairs 1→3, 2→3, 2→4 (staffU2 has no after): 3 people; before 5/3 = 1.67, after 10/3 = 3.33, change 5/3 = 1.67.
    // A, C2: managerU1 declined before, so 2 pairs < 3: suppressed. The instrument's own item is not compared.
    expect(rows['Kommun A'].minimumGroupSize).toBe(3);
    expect(rows['Kommun A'].items).toEqual([
      { coreItemId: core.c1, people: 3, meanBefore: 1.67, meanAfter: 3.33, meanChange: 1.67, suppressed: false },
      { coreItemId: core.c2, people: null, meanBefore: null, meanAfter: null, meanChange: null, suppressed: true },
    ]);
    // B: one pair against a minimum of 5; C2 not asked at all.
    expect(rows['Kommun B'].items.map((item) => [item.suppressed, item.people, item.meanAfter])).toEqual([
      [true, null, null],
      [true, null, null],
    ]);
    // Cascade: in A, ambassadorU1 (S1) and staffU2 (S2) led held sessions; reached: staffU1 at S1 (at S2 only 10 of 30
    // minutes, not attended; the leader never counts). In B, staffU4 led S3 and was its only participant.
    expect([rows['Kommun A'].cascade, rows['Kommun B'].cascade]).toEqual([
      { ambassadorsLeading: 2, colleaguesReached: 1 },
      { ambassadorsLeading: 1, colleaguesReached: 0 },
    ]);
    // Nätverksmodul: held by A (twice) and B (its adaptation, once); participants staffU1, ambassadorU1, staffU4.
    expect(body.sharedModules).toEqual([
      { module: { id: t.fixture.library.networkModule.id, title: 'Nätverksmodul' }, organisations: 2, sessionsHeld: 3, participants: 3 },
    ]);
  });

  it('is for network coordinators only', async () => {
    expect((await (await t.as('hrA')).get('/api/network/insights/comparison')).status).toBe(403);
    expect((await (await t.as('adminB')).get('/api/network/insights/comparison')).status).toBe(403);
  });
});
