import { randomUUID } from 'node:crypto';
import { CheckAssignment, CheckItemKind, CheckResults, InstrumentDetail, InstrumentVersion, KioskForm } from '@kunna/contracts';
import { createTestApp, SignedInClient, TestApp, sql } from '../../api/src/test-support/test-app';

jest.setTimeout(60_000);

/**
 * Privacy of check results through HTTP. Organisation A keeps the default minimum group size 5.
 * U1: staffU1, ambassadorU1, managerU1 and six colleagues (Fri is a substitute) — the six answer before and after.
 * U2: staffU2, managerU2 and two colleagues — the two answer before and after (4 invited: below the minimum).
 * Self-rating s1 of the six: before 1, 1, 2, 2, 3, 1; after 3, 2, 3, 3, 4, 2.
 */
describe('check results never reveal a person (API)', () => {
  let t: TestApp;
  let manager: SignedInClient;
  let areaManager: SignedInClient;
  let instrumentId: string;
  let u1: CheckAssignment;
  const u1People: string[] = [];

  const colleague = async (name: string, unitId: string, employmentType = 'permanent') => {
    const [{ id }] = await sql<{ id: string }>(
      t,
      `insert into person (organisation_id, employee_number, first_name, last_name, role_title, employment_type, start_date)
       values ($1, $2, $3, 'Kollega', 'undersköterska', $4, '2023-01-01') returning id`,
      [t.fixture.orgA, `P-${name}`, name, employmentType],
    );
    await sql(t, `insert into unit_membership (organisation_id, person_id, unit_id, start_date) values ($1, $2, $3, '2023-01-01')`, [
      t.fixture.orgA,
      id,
      unitId,
    ]);
    return id;
  };

  const answerOnKiosk = async (runner: SignedInClient, roundId: string, personId: string, s1: number) => {
    const form = (await runner.post(`/api/checks/rounds/${roundId}/kiosk`, { responseId: randomUUID(), personId })).body as KioskForm;
    for (const q of form.questions) {
      const value = q.kind === CheckItemKind.Knowledge ? { options: ['a'] } : q.kind === CheckItemKind.PostSession ? { choice: 'yes' } : { rating: s1 };
      expect((await runner.put(`/api/checks/kiosk/${form.responseId}/items/${q.key}`, { value })).status).toBe(200);
    }
    expect((await runner.post(`/api/checks/kiosk/${form.responseId}/submit`)).status).toBe(200);
  };

  const assign = async (runner: SignedInClient, unitId: string, versionId: string) => {
    const id = randomUUID();
    await runner.post('/api/checks/assignments', { id, unitId, instrumentVersionId: versionId, title: 'Digital signering' });
    await runner.post(`/api/checks/assignments/${id}/rounds`, { kind: 'before' });
    return (await runner.get(`/api/checks/assignments/${id}`)).body as CheckAssignment;
  };
  const round = (a: CheckAssignment, kind: string) => a.rounds.find((r) => r.kind === kind)!;

  const results = async (client: SignedInClient, query: Record<string, string>) => {
    const response = await client.get('/api/checks/results').query({ instrumentId, ...query });
    expect(response.status).toBe(200);
    return response.body as CheckResults;
  };

  beforeAll(async () => {
    t = await createTestApp();
    manager = await t.as('managerU1');
    areaManager = await t.as('areaManagerA1');
    const hr = await t.as('hrA');
    instrumentId = ((await hr.post('/api/checks/instruments', { title: 'Digital signering' })).body as InstrumentDetail).id;
    const knowledge = (key: string, form: 'A' | 'B') => ({
      key,
      kind: 'knowledge',
      textSv: `Kunskap ${key}`,
      textEn: null,
      dimension: 'knowledge',
      digCompCode: null,
      thenOf: null,
      form,
      multiple: false,
      options: [
        { key: 'a', textSv: 'Rätt', textEn: null, correct: true },
        { key: 'b', textSv: 'Fel', textEn: null, correct: false },
      ],
      explanationSv: null,
      explanationEn: null,
    });
    await hr.put(`/api/checks/instruments/${instrumentId}/draft`, {
      title: 'Digital signering',
      descriptionSv: null,
      supportThreshold: 2,
      items: [
        {
          key: 's1',
          kind: 'self_rating',
          textSv: 'Jag kan signera digitalt',
          textEn: null,
          dimension: 'skills',
          digCompCode: null,
          thenOf: null,
          form: null,
          multiple: false,
          options: [],
          explanationSv: null,
          explanationEn: null,
        },
        knowledge('k1', 'A'),
        knowledge('k2', 'B'),
        {
          key: 'o1',
          kind: 'observation',
          textSv: 'Signerar utan hjälp',
          textEn: null,
          dimension: 'skills',
          digCompCode: null,
          thenOf: null,
          form: null,
          multiple: false,
          options: [],
          explanationSv: null,
          explanationEn: null,
        },
      ],
    });
    const version = (await hr.post(`/api/checks/instruments/${instrumentId}/publish`)).body as InstrumentVersion;

    for (const name of ['Ada', 'Bea', 'Cem', 'Dag', 'Eli']) u1People.push(await colleague(name, t.fixture.unitU1));
    u1People.push(await colleague('Fri', t.fixture.unitU1, 'substitute'));
    const u2People = [await colleague('Gun', t.fixture.unitU2), await colleague('Hus', t.fixture.unitU2)];

    const ambassador = await t.as('ambassadorU1');
    u1 = await assign(ambassador, t.fixture.unitU1, version.id);
    const before = [1, 1, 2, 2, 3, 1];
    const after = [3, 2, 3, 3, 4, 2];
    for (let i = 0; i < 6; i++) await answerOnKiosk(ambassador, round(u1, 'before').id, u1People[i], before[i]);
    await ambassador.post(`/api/checks/assignments/${u1.id}/rounds`, { kind: 'after' });
    u1 = (await ambassador.get(`/api/checks/assignments/${u1.id}`)).body as CheckAssignment;
    for (let i = 0; i < 6; i++) await answerOnKiosk(ambassador, round(u1, 'after').id, u1People[i], after[i]);

    const managerU2 = await t.as('managerU2');
    let u2 = await assign(managerU2, t.fixture.unitU2, version.id);
    for (const id of u2People) await answerOnKiosk(managerU2, round(u2, 'before').id, id, 1);
    await managerU2.post(`/api/checks/assignments/${u2.id}/rounds`, { kind: 'after' });
    u2 = (await managerU2.get(`/api/checks/assignments/${u2.id}`)).body as CheckAssignment;
    for (const id of u2People) await answerOnKiosk(managerU2, round(u2, 'after').id, id, 4);
  });
  afterAll(() => t?.close());

  it('a manager gets the unit’s aggregate, matching a hand computation, and nothing per person', async () => {
    const body = await results(manager, { unitId: t.fixture.unitU1 });
    expect(body).toMatchObject({ suppressed: false, reason: null, minimumGroupSize: 5 });
    const skills = body.dimensions.find((d) => d.key === 'skills')!;
    // Changes 2, 1, 1, 1, 1, 1: mean 7/6, SD √(1/6), d_z = (7/6)/√(1/6) = 2.8577; CI 7/6 ± t(0.975, 5)·√(1/6)/√6.
    expect(skills).toMatchObject({ invited: 9, pairs: 6, suppressed: false });
    expect(skills.meanBefore).toBeCloseTo(10 / 6, 10);
    expect(skills.meanAfter).toBeCloseTo(17 / 6, 10);
    expect(skills.meanChange).toBeCloseTo(7 / 6, 10);
    expect(skills.effectSizeDz).toBeCloseTo(2.857738, 5);
    expect(skills.confidenceInterval?.lower).toBeCloseTo(0.738237, 5);
    expect(skills.confidenceInterval?.upper).toBeCloseTo(1.595097, 5);
    expect(JSON.stringify(body)).not.toMatch(new RegExp(u1People.join('|')));
    // The same set of answers read again is the same release: the differencing check does not grow with every read.
    const releases = async () => (await sql<{ n: number }>(t, `select count(*)::int as n from privacy_release`))[0].n;
    const stored = await releases();
    expect(await results(manager, { unitId: t.fixture.unitU1 })).toEqual(body);
    expect(await releases()).toBe(stored);
  });

  it('no route a manager may call returns another person’s answers', async () => {
    const afterCode = round(u1, 'after').code;
    // The link opens the manager's own (empty) form, never someone else's.
    const own = await manager.post(`/api/checks/answer/${afterCode}`);
    expect(own.status).toBe(200);
    expect(own.body.answers).toEqual([]);
    // The kiosk is write-only: a finished answer cannot be reopened or read back.
    const reopen = await manager.post(`/api/checks/rounds/${round(u1, 'after').id}/kiosk`, { responseId: randomUUID(), personId: u1People[0] });
    expect(reopen.status).toBe(409);
    expect(JSON.stringify(reopen.body)).not.toMatch(/rating|options/);
    const [{ id: adaResponse }] = await sql<{ id: string }>(t, `select id from check_response where person_id = $1 limit 1`, [u1People[0]]);
    expect((await manager.put(`/api/checks/kiosk/${adaResponse}/items/s1`, { value: { rating: 1 } })).status).toBe(409);
    // An ambassador's observation of Ada is hers alone: the manager may neither record nor read one.
    const ambassador = await t.as('ambassadorU1');
    const observation = { personId: u1People[0], itemKey: 'o1', rating: 1 };
    expect((await ambassador.put(`/api/checks/rounds/${round(u1, 'after').id}/observations`, observation)).status).toBe(200);
    expect((await manager.put(`/api/checks/rounds/${round(u1, 'after').id}/observations`, observation)).status).toBe(403);
    const person = await manager.get(`/api/people/${u1People[0]}`);
    expect(person.status).toBe(200);
    expect(JSON.stringify(person.body)).not.toMatch(/rating|observ/i);
    // Support signals are for the unit's ambassadors only; the assignment gives counts.
    expect((await manager.get(`/api/checks/support-signals?unitId=${t.fixture.unitU1}`)).status).toBe(403);
    const assignment = await manager.get(`/api/checks/assignments/${u1.id}`);
    expect(JSON.stringify(assignment.body)).not.toMatch(/rating|"answers"|observ/);
    // The follow-up is scheduled, not yet open.
    expect(assignment.body.rounds.map((r: { answered: number }) => r.answered)).toEqual([6, 6]);
    expect(assignment.body.followUpDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Own results are one's own: the manager answered nothing.
    expect((await manager.get('/api/checks/me')).body.results).toEqual([]);
    // Another unit's and another organisation's figures are out of reach.
    expect((await manager.get('/api/checks/results').query({ instrumentId, unitId: t.fixture.unitU2 })).status).toBe(403);
    expect((await manager.get('/api/checks/results').query({ instrumentId, areaId: t.fixture.areaA1 })).status).toBe(403);
    expect((await manager.get('/api/checks/results').query({ instrumentId })).status).toBe(403);
    const managerB = await t.as('managerU4');
    expect((await managerB.get('/api/checks/results').query({ instrumentId, unitId: t.fixture.unitU4 })).status).toBe(404);
  });

  it('a group below the minimum size is suppressed entirely', async () => {
    const u2 = await results(areaManager, { unitId: t.fixture.unitU2 });
    expect(u2).toEqual({ minimumGroupSize: 5, suppressed: true, reason: 'belowMinimum', dimensions: [] });
    const substitutes = await results(manager, { unitId: t.fixture.unitU1, employmentType: 'substitute' });
    expect(substitutes).toEqual({ minimumGroupSize: 5, suppressed: true, reason: 'belowMinimum', dimensions: [] });
  });

  it('two overlapping aggregates can never be subtracted: area minus unit, unit minus subgroup, now minus earlier', async () => {
    // The area A1 = U1 (released above) + U2's two people: area − U1 would give U2's four answers.
    const area = await results(areaManager, { areaId: t.fixture.areaA1 });
    expect(area).toEqual({ minimumGroupSize: 5, suppressed: true, reason: 'differencing', dimensions: [] });
    // The memory is the organisation's, not the caller's: HR is refused the same.
    expect(await results(await t.as('hrA'), { areaId: t.fixture.areaA1 })).toMatchObject({ suppressed: true, reason: 'differencing' });
    // U1's permanent staff = U1 − Fri: the difference would be Fri's two answers.
    const permanent = await results(manager, { unitId: t.fixture.unitU1, employmentType: 'permanent' });
    expect(permanent).toMatchObject({ suppressed: true, reason: 'differencing' });
    // The same group again reveals nothing new and is shown.
    expect((await results(areaManager, { unitId: t.fixture.unitU1 })).suppressed).toBe(false);
    // One more answer later: the new figure minus the earlier one would be that one person.
    const staff = await t.as('staffU1');
    const code = round(u1, 'after').code;
    const form = (await staff.post(`/api/checks/answer/${code}`)).body as { questions: Array<{ key: string; kind: string }> };
    for (const q of form.questions) {
      await staff.put(`/api/checks/answer/${code}/items/${q.key}`, {
        value: q.kind === 'knowledge' ? { options: ['a'] } : q.kind === 'post_session' ? { choice: 'yes' } : { rating: 4 },
      });
    }
    await staff.post(`/api/checks/answer/${code}/submit`);
    expect(await results(manager, { unitId: t.fixture.unitU1 })).toMatchObject({ suppressed: true, reason: 'differencing' });
    const audit = await sql<{ n: number }>(t, `select count(*)::int as n from audit_log where action = 'checks.results.suppressed'`);
    expect(audit[0].n).toBe(6);
  });
});

/**
 * The subtraction an outside probe found (issue 16, item 3): a unit of nine, five of them permanent and four
 * substitutes, each answering before and after. The unit and the unit filtered to permanent staff differ by four
 * people (eight answers, which a log of answers counted as enough): their means would give the four's mean.
 */
describe('check results: a unit and the same unit filtered to permanent staff cannot be subtracted (API)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('never releases both, in either order', async () => {
    const hr = await t.as('hrA');
    const instrumentId = ((await hr.post('/api/checks/instruments', { title: 'Läkemedelsrutiner' })).body as InstrumentDetail).id;
    await hr.put(`/api/checks/instruments/${instrumentId}/draft`, {
      title: 'Läkemedelsrutiner',
      descriptionSv: null,
      supportThreshold: 2,
      items: [
        {
          key: 's1',
          kind: 'self_rating',
          textSv: 'Jag kan rutinen',
          textEn: null,
          dimension: 'skills',
          digCompCode: null,
          thenOf: null,
          form: null,
          multiple: false,
          options: [],
          explanationSv: null,
          explanationEn: null,
        },
      ],
    });
    const version = (await hr.post(`/api/checks/instruments/${instrumentId}/publish`)).body as InstrumentVersion;
    const people: string[] = [];
    for (const [index, type] of ['permanent', 'permanent', 'permanent', 'permanent', 'permanent', 'substitute', 'substitute', 'hourly', 'hourly'].entries()) {
      const [{ id }] = await sql<{ id: string }>(
        t,
        `insert into person (organisation_id, employee_number, first_name, last_name, role_title, employment_type, start_date)
         values ($1, $2, 'Kollega', $3, 'undersköterska', $4, '2023-01-01') returning id`,
        [t.fixture.orgA, `Q-${index}`, `Nummer ${index}`, type],
      );
      await sql(t, `insert into unit_membership (organisation_id, person_id, unit_id, start_date) values ($1, $2, $3, '2023-01-01')`, [
        t.fixture.orgA,
        id,
        t.fixture.unitU1,
      ]);
      people.push(id);
    }
    const ambassador = await t.as('ambassadorU1');
    const manager = await t.as('managerU1');
    const id = randomUUID();
    await ambassador.post('/api/checks/assignments', { id, unitId: t.fixture.unitU1, instrumentVersionId: version.id, title: 'Läkemedelsrutiner' });
    for (const kind of ['before', 'after'] as const) {
      await ambassador.post(`/api/checks/assignments/${id}/rounds`, { kind });
      const assignment = (await ambassador.get(`/api/checks/assignments/${id}`)).body as CheckAssignment;
      const roundId = assignment.rounds.find((r) => r.kind === kind)!.id;
      for (const [index, personId] of people.entries()) {
        const form = (await ambassador.post(`/api/checks/rounds/${roundId}/kiosk`, { responseId: randomUUID(), personId })).body as KioskForm;
        expect(
          (await ambassador.put(`/api/checks/kiosk/${form.responseId}/items/s1`, { value: { rating: kind === 'before' ? 1 : 1 + (index % 3) } })).status,
        ).toBe(200);
        expect((await ambassador.post(`/api/checks/kiosk/${form.responseId}/submit`)).status).toBe(200);
      }
    }
    const read = async (query: Record<string, string>) => {
      const response = await manager.get('/api/checks/results').query({ instrumentId, unitId: t.fixture.unitU1, ...query });
      expect(response.status).toBe(200);
      return response.body as CheckResults;
    };
    // Unit first, then permanent staff: the second is withheld.
    expect(await read({})).toMatchObject({ suppressed: false });
    expect(await read({ employmentType: 'permanent' })).toEqual({ minimumGroupSize: 5, suppressed: true, reason: 'differencing', dimensions: [] });
    // Permanent staff first (in a fresh release log): withheld, as its complement in the unit is four; the unit stays readable.
    await sql(t, `delete from privacy_release`);
    expect(await read({ employmentType: 'permanent' })).toMatchObject({ suppressed: true, reason: 'differencing' });
    expect(await read({})).toMatchObject({ suppressed: false });
  });
});
