import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { CompetenceProfile, MyCompetenceGap, UnitCompetenceGap } from '@kunna/contracts';
import { createTestApp, TestApp } from '../../test-support/test-app';

/**
 * Competence profiles and gaps on a fixture with known answers, every figure computed by hand.
 *
 * Organisation A, minimum group size 3, the tenant fixture's own checks removed. One instrument: k (kunskap), s
 * (färdigheter, DigComp 2.1), a (förmåga), w (vilja, attitude). Profiles:
 *   undersköterska (whole organisation): knowledge 3, skills 3, will 3, digcomp:2.1 3
 *   Undersköterska in area A2:            skills 4, ability 2
 *   vårdbiträde (whole organisation):     will 2
 *
 * Unit U1 (area A1): staffU1, ambassadorU1, managerU1, N1 (undersköterska) and N2 (vårdbiträde). Answers (k s a w):
 *   staffU1       before 2025-02-10: 1 1 1 1      after 2025-05-12: 2 3 2 declined
 *   ambassadorU1  before: 3 2 3 4
 *   managerU1     never answered (targeted, not measured)
 *   N1            before: 1 declined 2 3
 *   N2            before: 1 1 1 1
 * Unit U2: staffU2 before 2 2 2 2 (one person measured: the whole unit is withheld).
 * Area A2's unit U3: staffU3, never answered.
 */
describe('competence profiles and gaps (integration)', () => {
  let t: TestApp;
  let db: Client;
  const ids = {} as Record<string, string>;
  const ITEM = (key: string, kind: string, dimension: string, digCompCode: string | null = null) => ({
    key,
    kind,
    dimension,
    textSv: key,
    textEn: null,
    digCompCode,
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
    ITEM('s', 'self_rating', 'skills', '2.1'),
    ITEM('a', 'self_rating', 'ability'),
    ITEM('w', 'attitude', 'will'),
  ];
  const KEYS = ['k', 's', 'a', 'w'];
  const profiles = { general: randomUUID(), areaA2: randomUUID(), assistant: randomUUID() };

  beforeAll(async () => {
    t = await createTestApp();
    db = new Client({ connectionString: t.db.url });
    await db.connect();
    const f = t.fixture;
    const one = async (sql: string, params: unknown[]) => ((await db.query(sql, params)).rows[0] as { id: string }).id;
    for (const table of ['check_answer', 'check_response', 'privacy_release', 'check_round', 'check_assignment'])
      await db.query(`delete from ${table} where organisation_id = $1`, [f.orgA]);
    await db.query(`update organisation set min_group_size = 3 where id = $1`, [f.orgA]);
    // The suggestions: the network module's version 2 also builds vilja (will); organisation B's module never shows.
    const v2 = await one(
      `insert into library_module_version (module_id, network_id, organisation_id, version_number, status, title, summary, learning_goals, competence_dimensions,
                                           digcomp_codes, target_groups, format, duration_minutes, facilitator_guide, knowledge_items)
       select module_id, network_id, organisation_id, 2, 'draft', title, summary, learning_goals, '{knowledge,will}', digcomp_codes, target_groups, format,
              duration_minutes, facilitator_guide, knowledge_items
         from library_module_version where title = 'Nätverksmodul' and version_number = 1 returning id`,
      [],
    );
    await db.query(`update library_module_version set status = 'published', published_at = now() where id = $1`, [v2]);
    const instrument = await one(`insert into check_instrument (organisation_id, title) values ($1, 'Profiltest') returning id`, [f.orgA]);
    const version = await one(
      `insert into check_instrument_version (organisation_id, instrument_id, version, title, support_threshold, items) values ($1, $2, 1, 'Profiltest', 2, $3) returning id`,
      [f.orgA, instrument, JSON.stringify(ITEMS)],
    );
    const rounds: Record<string, { before: string; after: string }> = {};
    for (const [name, unit] of [
      ['U1', f.unitU1],
      ['U2', f.unitU2],
    ] as const) {
      const assignment = randomUUID();
      await db.query(`insert into check_assignment (id, organisation_id, unit_id, instrument_version_id, title) values ($1, $2, $3, $4, 'Profiltest')`, [
        assignment,
        f.orgA,
        unit,
        version,
      ]);
      const round = (kind: string, day: string) =>
        one(`insert into check_round (organisation_id, assignment_id, kind, code, opens_on) values ($1, $2, $3, $4, $5) returning id`, [
          f.orgA,
          assignment,
          kind,
          `P${name}${kind}`.toUpperCase().slice(0, 8),
          day,
        ]);
      rounds[name] = { before: await round('before', '2025-02-10'), after: await round('after', '2025-05-12') };
    }
    const answer = async (roundId: string, personId: string, ratings: Array<number | null>) => {
      const response = randomUUID();
      await db.query(
        `insert into check_response (id, organisation_id, round_id, person_id, status, form, via, finished_at) values ($1, $2, $3, $4, 'submitted', 'A', 'kiosk', now())`,
        [response, f.orgA, roundId, personId],
      );
      for (const [i, key] of KEYS.entries()) {
        const rating = ratings[i];
        await db.query(`insert into check_answer (response_id, item_key, organisation_id, declined, value) values ($1, $2, $3, $4, $5)`, [
          response,
          key,
          f.orgA,
          rating === null,
          rating === null ? null : JSON.stringify({ rating }),
        ]);
      }
    };
    const newPerson = async (name: string, title: string) => {
      const id = await one(
        `insert into person (organisation_id, employee_number, first_name, last_name, role_title, employment_type, start_date) values ($1, $2, $3, 'Test', $4, 'permanent', '2024-01-01') returning id`,
        [f.orgA, `G${name}`, name, title],
      );
      await db.query(`insert into unit_membership (organisation_id, person_id, unit_id, start_date) values ($1, $2, $3, '2024-01-01')`, [f.orgA, id, f.unitU1]);
      return id;
    };
    ids.N1 = await newPerson('N1', 'undersköterska');
    ids.N2 = await newPerson('N2', 'vårdbiträde');
    await answer(rounds.U1.before, f.people.staffU1.id, [1, 1, 1, 1]);
    await answer(rounds.U1.after, f.people.staffU1.id, [2, 3, 2, null]);
    await answer(rounds.U1.before, f.people.ambassadorU1.id, [3, 2, 3, 4]);
    await answer(rounds.U1.before, ids.N1, [1, null, 2, 3]);
    await answer(rounds.U1.before, ids.N2, [1, 1, 1, 1]);
    await answer(rounds.U2.before, f.people.staffU2.id, [2, 2, 2, 2]);
  });

  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  const put = async (who: 'hrA' | 'adminA' | 'managerU1' | 'adminB', id: string, body: object) =>
    (await t.as(who)).put(`/api/insights/competence-profiles/${id}`).send(body);

  it('lets HR set profiles, idempotently, and lists them', async () => {
    const general = {
      roleTitle: 'undersköterska',
      areaId: null,
      targets: [
        { competence: 'knowledge', level: 3 },
        { competence: 'skills', level: 3 },
        { competence: 'will', level: 3 },
        { competence: 'digcomp:2.1', level: 3 },
      ],
    };
    const first = await put('hrA', profiles.general, general);
    expect(first.status).toBe(200);
    const retry = await put('hrA', profiles.general, general);
    expect(retry.status).toBe(200);
    expect((retry.body as CompetenceProfile).targets).toHaveLength(4);
    expect(
      (
        await put('adminA', profiles.areaA2, {
          roleTitle: 'Undersköterska',
          areaId: t.fixture.areaA2,
          targets: [
            { competence: 'skills', level: 4 },
            { competence: 'ability', level: 2 },
          ],
        })
      ).status,
    ).toBe(200);
    expect((await put('hrA', profiles.assistant, { roleTitle: 'vårdbiträde', areaId: null, targets: [{ competence: 'will', level: 2 }] })).status).toBe(200);
    const list = (await (await t.as('hrA')).get('/api/insights/competence-profiles')).body as CompetenceProfile[];
    expect(list.map((p) => [p.roleTitle, p.area?.name ?? null, p.targets.map((x) => `${x.competence}=${x.level}`).join(' ')])).toEqual([
      ['undersköterska', null, 'digcomp:2.1=3 knowledge=3 skills=3 will=3'],
      ['Undersköterska', 'Område A2', 'ability=2 skills=4'],
      ['vårdbiträde', null, 'will=2'],
    ]);
  });

  it('refuses bad input by field, a second profile for the same title and area, and other organisations', async () => {
    const bad = await put('hrA', randomUUID(), { roleTitle: 'x', areaId: null, targets: [{ competence: 'digcomp:9.9', level: 5 }] });
    expect(bad.status).toBe(400);
    expect((bad.body as { details: Array<{ field: string }> }).details.map((d) => d.field)).toEqual(['targets[0].competence', 'targets[0].level']);
    const clash = await put('hrA', randomUUID(), { roleTitle: 'UNDERSKÖTERSKA', areaId: null, targets: [{ competence: 'will', level: 1 }] });
    expect([clash.status, (clash.body as { details: Array<{ field: string }> }).details[0].field]).toEqual([409, 'roleTitle']);
    // A manager cannot edit profiles.
    expect((await put('managerU1', randomUUID(), { roleTitle: 'x', areaId: null, targets: [{ competence: 'will', level: 1 }] })).status).toBe(403);
    // Another organisation's profile id or area answers 404 and changes nothing.
    expect((await put('adminB', profiles.general, { roleTitle: 'kapad', areaId: null, targets: [{ competence: 'will', level: 1 }] })).status).toBe(404);
    expect((await (await t.as('adminB')).delete(`/api/insights/competence-profiles/${profiles.general}`)).status).toBe(404);
    expect((await put('hrA', randomUUID(), { roleTitle: 'x', areaId: t.fixture.areaB1, targets: [{ competence: 'will', level: 1 }] })).status).toBe(404);
    const list = (await (await t.as('hrA')).get('/api/insights/competence-profiles')).body as CompetenceProfile[];
    expect(list.find((p) => p.id === profiles.general)?.roleTitle).toBe('undersköterska');
    expect((await (await t.as('adminB')).get('/api/insights/competence-profiles')).body).toEqual([]);
  });

  it('computes the unit gap per competence and suggests modules for the largest gaps', async () => {
    for (const who of ['managerU1', 'hrA'] as const) {
      const response = await (await t.as(who)).get(`/api/insights/units/${t.fixture.unitU1}/competence-gap`);
      expect(response.status).toBe(200);
      const gap = response.body as UnitCompetenceGap;
      // Measured: staffU1, ambassadorU1, N1 (undersköterska), N2 (vårdbiträde); managerU1 never answered.
      expect([gap.minimumGroupSize, gap.measuredPeople, gap.suppressed]).toEqual([3, 4, false]);
      expect(gap.competences.map((c) => [c.competence, c.targeted, c.measured, c.shareBelow, c.meanGap, c.suppressed])).toEqual([
        // knowledge, target 3: staffU1 2 (latest), ambassadorU1 3, N1 1 → gaps 1, 0, 2 = 1.00; below 2 of 3 = 66.7 %.
        ['knowledge', 4, 3, 66.7, 1, false],
        // skills: staffU1 3, ambassadorU1 2; N1 declined → 2 measured < 3: withheld.
        ['skills', 4, null, null, null, true],
        // will: staffU1 1 (the after was declined, the before stands) gap 2; ambassadorU1 4, N1 3 gap 0; N2 1 against
        // vårdbiträde's 2 gap 1 → (2 + 0 + 0 + 1) / 4 = 0.75; below 2 of 4 = 50 %.
        ['will', 5, 4, 50, 0.75, false],
        // DigComp 2.1 is the s item: withheld like skills.
        ['digcomp:2.1', 4, null, null, null, true],
      ]);
      // Largest gaps first: knowledge (1.00), then will (0.75); organisation B's module never appears.
      expect(gap.suggestions.map((s) => [s.competence, s.modules.map((m) => m.title)])).toEqual([
        ['knowledge', ['Egen modul A', 'Nätverksmodul']],
        ['will', ['Nätverksmodul']],
      ]);
    }
  });

  it('withholds a unit with fewer than the minimum measured', async () => {
    const gap = (await (await t.as('hrA')).get(`/api/insights/units/${t.fixture.unitU2}/competence-gap`)).body as UnitCompetenceGap;
    // staffU2 alone is measured (managerU2 never answered): 1 < 3.
    expect([gap.measuredPeople, gap.suppressed, gap.suggestions]).toEqual([1, true, []]);
    expect(gap.competences.map((c) => [c.competence, c.targeted, c.measured, c.meanGap, c.suppressed])).toEqual([
      ['knowledge', 2, null, null, true],
      ['skills', 2, null, null, true],
      ['will', 2, null, null, true],
      ['digcomp:2.1', 2, null, null, true],
    ]);
  });

  it('answers 404 for another organisation and 403 to staff on the unit gap', async () => {
    expect((await (await t.as('adminB')).get(`/api/insights/units/${t.fixture.unitU1}/competence-gap`)).status).toBe(404);
    expect((await (await t.as('staffU1')).get(`/api/insights/units/${t.fixture.unitU1}/competence-gap`)).status).toBe(403);
  });

  it('shows each person their own gap against their profile', async () => {
    const mine = (await (await t.as('staffU1')).get('/api/insights/me/competence-gap')).body as MyCompetenceGap;
    expect(mine.profile).toEqual({ roleTitle: 'undersköterska', areaName: null });
    expect(mine.competences).toEqual([
      { competence: 'knowledge', target: 3, level: 2, gap: 1, measuredOn: '2025-05-12' },
      { competence: 'skills', target: 3, level: 3, gap: 0, measuredOn: '2025-05-12' },
      { competence: 'will', target: 3, level: 1, gap: 2, measuredOn: '2025-02-10' },
      { competence: 'digcomp:2.1', target: 3, level: 3, gap: 0, measuredOn: '2025-05-12' },
    ]);
    // staffU3 works in area A2: the area's profile wins; never answered, so no level yet.
    const area = (await (await t.as('staffU3')).get('/api/insights/me/competence-gap')).body as MyCompetenceGap;
    expect(area).toEqual({
      profile: { roleTitle: 'Undersköterska', areaName: 'Område A2' },
      competences: [
        { competence: 'skills', target: 4, level: null, gap: null, measuredOn: null },
        { competence: 'ability', target: 2, level: null, gap: null, measuredOn: null },
      ],
    });
    // Organisation B has no profiles.
    expect((await (await t.as('staffU4')).get('/api/insights/me/competence-gap')).body).toEqual({ profile: null, competences: [] });
  });

  it('lets HR remove a profile', async () => {
    expect((await (await t.as('hrA')).delete(`/api/insights/competence-profiles/${profiles.assistant}`)).status).toBe(204);
    expect((await (await t.as('hrA')).delete(`/api/insights/competence-profiles/${profiles.assistant}`)).status).toBe(404);
  });
});
