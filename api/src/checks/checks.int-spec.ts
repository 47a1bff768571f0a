import { randomUUID } from 'node:crypto';
import {
  CheckAssignment,
  CheckForm,
  CheckItemInput,
  CheckItemKind,
  CheckKind,
  CompetenceDimension,
  CoreItem,
  InstrumentDetail,
  InstrumentVersion,
  KioskForm,
  KioskRoster,
  MyChecks,
  SupportSignal,
} from '@kunna/contracts';
import { createTestApp, SignedInClient, TestApp, sql } from '../test-support/test-app';
import { withoutMessageCodes } from '../test-support/without-message-codes';

const item = (key: string, kind: CheckItemKind, dimension: CompetenceDimension | null, extra: Partial<CheckItemInput> = {}): CheckItemInput => ({
  key,
  kind,
  textSv: `Fråga ${key}`,
  textEn: null,
  dimension,
  digCompCode: null,
  thenOf: null,
  form: null,
  multiple: false,
  options: [],
  explanationSv: null,
  explanationEn: null,
  ...extra,
});

const choice = (key: string, form: 'A' | 'B') =>
  item(key, CheckItemKind.Knowledge, CompetenceDimension.Knowledge, {
    form,
    options: [
      { key: 'a', textSv: 'Rätt', textEn: null, correct: true },
      { key: 'b', textSv: 'Fel', textEn: null, correct: false },
    ],
    explanationSv: 'Därför att …',
  });

const ITEMS: CheckItemInput[] = [
  item('s1', CheckItemKind.SelfRating, CompetenceDimension.Skills, { digCompCode: '1.1' }),
  item('s1-then', CheckItemKind.Then, CompetenceDimension.Skills, { thenOf: 's1' }),
  item('a1', CheckItemKind.Attitude, CompetenceDimension.Will),
  choice('k1', 'A'),
  choice('k2', 'B'),
  item('p1', CheckItemKind.PostSession, null),
  item('f1', CheckItemKind.FollowUp, null),
  item('o1', CheckItemKind.Observation, CompetenceDimension.Skills),
];

/**
 * The tenant fixture plus six colleagues in U1 (one of them a substitute) and two in U2, who answer on the
 * ambassador's kiosk tablet. Runs in order: core item → instrument → assignments → answers → results.
 */
jest.setTimeout(60_000);

describe('checks (integration)', () => {
  let t: TestApp;
  let hr: SignedInClient;
  let ambassador: SignedInClient;
  let manager: SignedInClient;
  let staff: SignedInClient;
  let core: CoreItem;
  let version: InstrumentVersion;
  let instrumentId: string;
  let u1Colleagues: string[];

  const colleague = async (name: string, unitId: string, employmentType = 'permanent') => {
    const [{ id }] = await sql<{ id: string }>(
      t,
      `insert into person (organisation_id, employee_number, first_name, last_name, role_title, employment_type, start_date)
       values ($1, $2, $3, 'Kollega', 'undersköterska', $4, '2023-01-01') returning id`,
      [t.fixture.orgA, `C-${name}`, name, employmentType],
    );
    await sql(t, `insert into unit_membership (organisation_id, person_id, unit_id, start_date) values ($1, $2, $3, '2023-01-01')`, [
      t.fixture.orgA,
      id,
      unitId,
    ]);
    return id;
  };

  /** One person's whole answer on the kiosk tablet: ratings by item key, knowledge right or wrong. */
  const kioskAnswer = async (roundId: string, personId: string, ratings: Record<string, number>, knowledgeRight = true) => {
    const start = await ambassador.post(`/api/checks/rounds/${roundId}/kiosk`, { responseId: randomUUID(), personId });
    expect(start.status).toBe(201);
    const form = start.body as KioskForm;
    for (const question of form.questions) {
      let value: object;
      if (question.kind === CheckItemKind.Knowledge) value = { options: [knowledgeRight ? 'a' : 'b'] };
      else if (question.kind === CheckItemKind.PostSession || question.kind === CheckItemKind.FollowUp) value = { choice: 'yes' };
      else value = { rating: ratings[question.key] ?? 2 };
      const saved = await ambassador.put(`/api/checks/kiosk/${form.responseId}/items/${question.key}`, { value });
      expect(saved.status).toBe(200);
    }
    const submitted = await ambassador.post(`/api/checks/kiosk/${form.responseId}/submit`);
    expect(submitted.body).toEqual({ status: 'submitted' });
    return form;
  };

  const roundOf = (assignment: CheckAssignment, kind: CheckKind) => {
    const round = assignment.rounds.find((r) => r.kind === kind);
    if (!round) throw new Error(`no ${kind} round`);
    return round;
  };

  beforeAll(async () => {
    t = await createTestApp();
    hr = await t.as('hrA');
    ambassador = await t.as('ambassadorU1');
    manager = await t.as('managerU1');
    staff = await t.as('staffU1');
    u1Colleagues = [];
    for (const name of ['Ada', 'Bea', 'Cem', 'Dag', 'Eli']) u1Colleagues.push(await colleague(name, t.fixture.unitU1));
    u1Colleagues.push(await colleague('Fri', t.fixture.unitU1, 'substitute'));
  });
  afterAll(() => t?.close());

  describe('instruments', () => {
    it('a network coordinator defines a common core item; others may read but not define', async () => {
      const coordinator = await t.as('coordinator');
      const { key: _key, ...body } = item('x', CheckItemKind.SelfRating, CompetenceDimension.Knowledge);
      const created = await coordinator.post('/api/checks/core-items', { ...body, textSv: 'Jag vet var jag hittar rutinerna' });
      expect(created.status).toBe(201);
      core = created.body as CoreItem;
      expect(core.key).toBe(`core-${core.id}`);
      expect((await hr.post('/api/checks/core-items', body)).status).toBe(403);
      const invalid = await coordinator.post('/api/checks/core-items', { ...body, dimension: 'flit' });
      expect(invalid.status).toBe(400);
      expect(withoutMessageCodes(invalid.body.details)).toEqual([{ field: 'dimension', message: 'Välj kunskap, färdigheter, förmåga eller vilja.' }]);
      const list = await hr.get('/api/checks/core-items');
      expect((list.body as CoreItem[]).map((c) => c.id)).toEqual([core.id]);
    });

    it('HR drafts an instrument: field problems are named, core items are locked in and cannot be edited', async () => {
      const created = await hr.post('/api/checks/instruments', { title: 'Digital signering' });
      expect(created.status).toBe(201);
      instrumentId = (created.body as InstrumentDetail).id;

      const broken = await hr.put(`/api/checks/instruments/${instrumentId}/draft`, {
        title: 'Digital signering',
        descriptionSv: null,
        supportThreshold: 2,
        items: [ITEMS[0], { ...choice('k9', 'A'), options: [{ key: 'a', textSv: 'Bara ett', textEn: null, correct: true }] }],
      });
      expect(broken.status).toBe(400);
      expect(withoutMessageCodes(broken.body.details)).toEqual([{ field: 'items[1].options', message: 'Ge 2–8 svarsalternativ.' }]);

      // An editor who sends back a changed copy of the core item does not change it.
      const tampered = { ...core, textSv: 'Ändrad gemensam fråga', key: core.key };
      const saved = await hr.put(`/api/checks/instruments/${instrumentId}/draft`, {
        title: 'Digital signering',
        descriptionSv: 'Före och efter tillfället om digital signering.',
        supportThreshold: 2,
        items: [tampered, ...ITEMS],
      });
      expect(saved.status).toBe(200);
      const draft = (saved.body as InstrumentDetail).draft;
      expect(draft?.items.map((i) => i.key)).toEqual([core.key, ...ITEMS.map((i) => i.key)]);
      expect(draft?.items[0]).toMatchObject({ coreItemId: core.id, textSv: 'Jag vet var jag hittar rutinerna' });
    });

    it('publishing makes an immutable version with the core item; only HR and administrators edit', async () => {
      expect((await manager.post(`/api/checks/instruments/${instrumentId}/publish`)).status).toBe(403);
      const published = await hr.post(`/api/checks/instruments/${instrumentId}/publish`);
      expect(published.status).toBe(201);
      version = published.body as InstrumentVersion;
      expect(version.version).toBe(1);
      expect(version.items[0].coreItemId).toBe(core.id);
      await expect(sql(t, `update check_instrument_version set title = 'x' where id = $1`, [version.id])).rejects.toThrow(/immutable/);
      const adminB = await t.as('adminB');
      expect((await adminB.get(`/api/checks/instruments/${instrumentId}`)).status).toBe(404);
      expect((await adminB.get(`/api/checks/instrument-versions/${version.id}`)).status).toBe(404);
    });
  });

  describe('answering', () => {
    let assignment: CheckAssignment;

    it('an ambassador assigns the check to their unit (idempotent by client id) and opens the before round', async () => {
      const id = randomUUID();
      const body = { id, unitId: t.fixture.unitU1, instrumentVersionId: version.id, title: 'Tillfälle: digital signering' };
      const first = await ambassador.post('/api/checks/assignments', body);
      expect(first.status).toBe(201);
      const retry = await ambassador.post('/api/checks/assignments', body);
      expect(retry.body.id).toBe(id);
      expect((await sql(t, `select 1 from check_assignment where id = $1`, [id])).length).toBe(1);
      expect((await ambassador.post('/api/checks/assignments', { ...body, id: randomUUID(), unitId: t.fixture.unitU2 })).status).toBe(403);
      const opened = await ambassador.post(`/api/checks/assignments/${id}/rounds`, { kind: 'before' });
      expect(opened.status).toBe(201);
      assignment = opened.body as CheckAssignment;
      expect(assignment.rounds.map((r) => r.kind)).toEqual(['before']);
      // staffU1, ambassadorU1, managerU1 and the six colleagues.
      expect(roundOf(assignment, CheckKind.Before).invited).toBe(9);
    });

    it('the kiosk gives names only, writes answers without reading them back, and refuses a second answer', async () => {
      const before = roundOf(assignment, CheckKind.Before);
      const roster = (await ambassador.get(`/api/checks/rounds/${before.id}/roster`)).body as KioskRoster;
      expect(roster.people).toHaveLength(9);
      expect(roster.people.find((p) => p.personId === t.fixture.people.staffU1.id)?.displayName).toBe('staffU1 T.');

      const form = await kioskAnswer(before.id, t.fixture.people.staffU1.id, { s1: 1, a1: 2, [core.key]: 1 });
      // Before: self-rating, attitude, core item and one knowledge question of the person's form; no then, post-session, follow-up or observation.
      expect(form.questions.map((q) => q.kind).sort()).toEqual(['attitude', 'knowledge', 'self_rating', 'self_rating']);
      expect(JSON.stringify(form)).not.toContain('correct');
      const again = await ambassador.post(`/api/checks/rounds/${before.id}/kiosk`, { responseId: randomUUID(), personId: t.fixture.people.staffU1.id });
      expect(again.status).toBe(409);
      expect(JSON.stringify(again.body)).not.toContain('rating');
      const late = await ambassador.put(`/api/checks/kiosk/${form.responseId}/items/s1`, { value: { rating: 4 } });
      expect(late.status).toBe(409);
    });

    it('answers are validated per item, saved idempotently, and a declined item is recorded as declined', async () => {
      const before = roundOf(assignment, CheckKind.Before);
      const form = (await ambassador.post(`/api/checks/rounds/${before.id}/kiosk`, { responseId: randomUUID(), personId: u1Colleagues[0] })).body as KioskForm;
      const bad = await ambassador.put(`/api/checks/kiosk/${form.responseId}/items/s1`, { value: { rating: 7 } });
      expect(bad.status).toBe(400);
      expect(withoutMessageCodes(bad.body.details)).toEqual([{ field: 'value', message: 'Välj ett av de fyra svaren.' }]);
      await ambassador.put(`/api/checks/kiosk/${form.responseId}/items/s1`, { value: { rating: 2 } });
      await ambassador.put(`/api/checks/kiosk/${form.responseId}/items/s1`, { value: { rating: 1 } });
      await ambassador.put(`/api/checks/kiosk/${form.responseId}/items/a1`, { declined: true });
      const rows = await sql<{ item_key: string; declined: boolean; value: unknown }>(
        t,
        `select item_key, declined, value from check_answer where response_id = $1 order by item_key`,
        [form.responseId],
      );
      expect(rows).toEqual([
        { item_key: 'a1', declined: true, value: null },
        { item_key: 's1', declined: false, value: { rating: 1 } },
      ]);
    });

    it('the person answering on the kiosk gets their own language, and one they pick there is kept on their account', async () => {
      const before = roundOf(assignment, CheckKind.Before);
      const start = () => ambassador.post(`/api/checks/rounds/${before.id}/kiosk`, { responseId: randomUUID(), personId: u1Colleagues[0] });
      const form = (await start()).body as KioskForm;
      expect(form.language).toBe('sv');
      expect((await ambassador.put(`/api/checks/kiosk/${form.responseId}/language`, { preferredLanguage: 'so' })).status).toBe(204);
      expect((await ambassador.put(`/api/checks/kiosk/${form.responseId}/language`, { preferredLanguage: 'xx' })).status).toBe(400);
      const [row] = await sql<{ preferred_language: string }>(t, `select preferred_language from person where id = $1`, [u1Colleagues[0]]);
      expect(row.preferred_language).toBe('so');
      // The next turn (another day, another kiosk) starts in it.
      expect(((await start()).body as KioskForm).language).toBe('so');
      const audit = await sql<{ details: unknown }>(t, `select details from audit_log where action = 'person.updated' and target_id = $1`, [u1Colleagues[0]]);
      expect(audit).toEqual([{ details: { changed: ['preferredLanguage'], via: 'kiosk' } }]);
      await ambassador.put(`/api/checks/kiosk/${form.responseId}/language`, { preferredLanguage: 'sv' });
    });

    it('the remaining colleagues answer the before check; an ambassador records an observation', async () => {
      const before = roundOf(assignment, CheckKind.Before);
      // Before self-ratings s1 of the six colleagues: 1, 1, 2, 2, 3, 1 (Ada's 1 is already saved; she submits now).
      const ada = (await ambassador.post(`/api/checks/rounds/${before.id}/kiosk`, { responseId: randomUUID(), personId: u1Colleagues[0] })).body as KioskForm;
      for (const question of ada.questions.filter((q) => q.key !== 's1' && q.key !== 'a1')) {
        const value = question.kind === CheckItemKind.Knowledge ? { options: ['b'] } : { rating: 2 };
        await ambassador.put(`/api/checks/kiosk/${ada.responseId}/items/${question.key}`, { value });
      }
      await ambassador.post(`/api/checks/kiosk/${ada.responseId}/submit`);
      const ratings = [1, 2, 2, 3, 1];
      for (let i = 1; i < 6; i++) await kioskAnswer(before.id, u1Colleagues[i], { s1: ratings[i - 1] });
      const observed = await ambassador.put(`/api/checks/rounds/${before.id}/observations`, { personId: u1Colleagues[1], itemKey: 'o1', rating: 2 });
      expect(observed.status).toBe(200);
      expect((await manager.put(`/api/checks/rounds/${before.id}/observations`, { personId: u1Colleagues[1], itemKey: 'o1', rating: 2 })).status).toBe(403);
    });

    it('the after round is answered on the person’s own phone through the code, resumably; the follow-up is scheduled', async () => {
      const opened = (await ambassador.post(`/api/checks/assignments/${assignment.id}/rounds`, { kind: 'after' })).body as CheckAssignment;
      assignment = opened;
      // The follow-up is a job that opens its round when due (follow-up.int-spec.ts).
      expect(opened.rounds.map((r) => r.kind)).toEqual(['before', 'after']);
      const [{ expected }] = await sql<{ expected: string }>(t, `select (current_date + 70)::text as expected`);
      expect(opened.followUpDueOn).toBe(expected);

      const code = roundOf(opened, CheckKind.After).code;
      const form = (await staff.post(`/api/checks/answer/${code.toLowerCase()}`)).body as CheckForm;
      expect(form.status).toBe('in_progress');
      expect(form.questions.map((q) => q.kind).sort()).toEqual(['attitude', 'knowledge', 'post_session', 'self_rating', 'self_rating', 'then']);
      await staff.put(`/api/checks/answer/${code}/items/s1`, { value: { rating: 3 } });
      // Resumed later: the saved answer is there, only for the person.
      const resumed = (await staff.post(`/api/checks/answer/${code}`)).body as CheckForm;
      expect(resumed.answers).toEqual([expect.objectContaining({ itemKey: 's1', value: { rating: 3 }, declined: false })]);
      const knowledge = form.questions.find((q) => q.kind === CheckItemKind.Knowledge);
      const answered = await staff.put(`/api/checks/answer/${code}/items/${knowledge?.key}`, { value: { options: ['a'] } });
      expect(answered.body).toMatchObject({ correct: true, correctOptions: ['a'], explanationSv: 'Därför att …' });
      await staff.put(`/api/checks/answer/${code}/items/a1`, { value: { rating: 3 } });
      await staff.put(`/api/checks/answer/${code}/items/${core.key}`, { value: { rating: 2 } });
      await staff.put(`/api/checks/answer/${code}/items/s1-then`, { value: { rating: 1 } });
      await staff.put(`/api/checks/answer/${code}/items/p1`, { value: { choice: 'yes' } });
      const submitted = await staff.post(`/api/checks/answer/${code}/submit`);
      expect(submitted.body.status).toBe('submitted');

      // Someone from another unit cannot answer U1's check.
      const staffU2 = await t.as('staffU2');
      expect((await staffU2.post(`/api/checks/answer/${code}`)).status).toBe(403);
      expect((await (await t.as('staffU4')).post(`/api/checks/answer/${code}`)).status).toBe(404);
    });

    it('opening one’s own form through the link is a POST: a GET creates no response (no side effect on a read)', async () => {
      const code = roundOf(assignment, CheckKind.After).code;
      const responses = async () =>
        (await sql<{ n: number }>(t, `select count(*)::int as n from check_response where person_id = $1`, [t.fixture.people.managerU1.id]))[0].n;
      const before = await responses();
      expect((await manager.get(`/api/checks/answer/${code}`)).status).toBe(404);
      expect(await responses()).toBe(before);
      const opened = await manager.post(`/api/checks/answer/${code}`);
      expect(opened.status).toBe(200);
      expect((opened.body as CheckForm).status).toBe('in_progress');
      expect(await responses()).toBe(before + 1);
      // Opening again resumes the same response.
      expect((await manager.post(`/api/checks/answer/${code}`)).body.responseId).toBe(opened.body.responseId);
      expect(await responses()).toBe(before + 1);
    });

    it('the person sees their own change per dimension; reading it is audited', async () => {
      const mine = (await staff.get('/api/checks/me')).body as MyChecks;
      expect(mine.results).toHaveLength(1);
      expect(mine.results[0].dimensions).toEqual([
        { dimension: 'knowledge', before: 1, after: 2, followUp: null },
        { dimension: 'skills', before: 1, after: 3, followUp: null },
        { dimension: 'will', before: 2, after: 3, followUp: null },
      ]);
      expect(mine.results[0].knowledge.after).toBe(1);
      const audit = await sql(t, `select 1 from audit_log where action = 'checks.results.read_own' and actor_person_id = $1`, [t.fixture.people.staffU1.id]);
      expect(audit.length).toBe(1);
    });

    it('a check can belong to a session of its own unit, and then the session’s invitees are the ones asked', async () => {
      const body = { unitId: t.fixture.unitU1, instrumentVersionId: version.id, title: 'Tillfälle i personalrummet' };
      const wrong = await ambassador.post('/api/checks/assignments', { ...body, id: randomUUID(), sessionId: t.fixture.sessions.sessionU2 });
      expect(wrong.status).toBe(400);
      expect(withoutMessageCodes(wrong.body.details)).toEqual([{ field: 'sessionId', message: 'Välj ett tillfälle i samma enhet.' }]);
      const id = randomUUID();
      expect((await ambassador.post('/api/checks/assignments', { ...body, id, sessionId: t.fixture.sessions.sessionU1 })).status).toBe(201);
      const opened = (await ambassador.post(`/api/checks/assignments/${id}/rounds`, { kind: 'before' })).body as CheckAssignment;
      // A unit-team session invites the unit: the nine members.
      expect(roundOf(opened, CheckKind.Before).invited).toBe(9);
      // A session for a selection invites only those chosen.
      await sql(t, `update sessions set audience = 'selection' where id = $1`, [t.fixture.sessions.sessionU1]);
      await sql(t, `insert into session_invitations (session_id, person_id, organisation_id) values ($1, $2, $3)`, [
        t.fixture.sessions.sessionU1,
        u1Colleagues[2],
        t.fixture.orgA,
      ]);
      const roster = (await ambassador.get(`/api/checks/rounds/${roundOf(opened, CheckKind.Before).id}/roster`)).body as KioskRoster;
      expect(roster.people.map((p) => p.personId)).toEqual([u1Colleagues[2]]);
      await sql(t, `update sessions set audience = 'unit_team' where id = $1`, [t.fixture.sessions.sessionU1]);
    });

    it('the unit’s ambassador sees who may need support (names only), managers do not', async () => {
      const signals = (await ambassador.get(`/api/checks/support-signals?unitId=${t.fixture.unitU1}`)).body as SupportSignal[];
      // Latest check below the threshold 2: Ada (s1 1, knowledge wrong), Bea (1), Fri (1); staffU1's after (3) is fine.
      expect(signals.map((s) => s.personId).sort()).toEqual([u1Colleagues[0], u1Colleagues[1], u1Colleagues[5]].sort());
      expect(Object.keys(signals[0]).sort()).toEqual(['assignmentId', 'assignmentTitle', 'kind', 'name', 'personId']);
      expect((await manager.get(`/api/checks/support-signals?unitId=${t.fixture.unitU1}`)).status).toBe(403);
      const audit = await sql(t, `select details from audit_log where action = 'checks.support_signals.read'`);
      expect(audit.length).toBe(1);
    });
  });
});
