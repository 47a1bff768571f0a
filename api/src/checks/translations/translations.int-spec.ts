import { randomUUID } from 'node:crypto';
import {
  CheckAssignment,
  CheckForm,
  CheckItemInput,
  CheckItemKind,
  CheckKind,
  CheckResults,
  CompetenceDimension,
  CoreItem,
  CSRF_HEADER,
  InstrumentDetail,
  InstrumentTranslations,
  InstrumentVersion,
  ItemTranslation,
  KioskForm,
  LanguageRates,
  MyChecks,
} from '@kunna/contracts';
import { FIXTURE_PASSWORD } from '../../test-support/fixture';
import { createTestApp, SignedInClient, TestApp, sql } from '../../test-support/test-app';
import { withoutMessageCodes } from '../../test-support/without-message-codes';

const base = (key: string, kind: CheckItemKind, dimension: CompetenceDimension | null, extra: Partial<CheckItemInput> = {}): CheckItemInput => ({
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

const ITEMS: CheckItemInput[] = [
  base('s1', CheckItemKind.SelfRating, CompetenceDimension.Skills, { textSv: 'Jag kan signera digitalt' }),
  base('k1', CheckItemKind.Knowledge, CompetenceDimension.Knowledge, {
    textSv: 'Vad gör du om signeringen inte går igenom?',
    options: [
      { key: 'a', textSv: 'Frågar ombudet', textEn: null, correct: true },
      { key: 'b', textSv: 'Skriver på papper och slänger det', textEn: null, correct: false },
    ],
    explanationSv: 'Ombudet hjälper dig.',
  }),
];

const AR_S1 = 'أستطيع التوقيع رقمياً';
const AR_K1 = 'ماذا تفعل إذا لم ينجح التوقيع؟';

/**
 * Translated check items (issue 18): provenance and review (who and when), drafts hidden unless the owner allows
 * them, the network's shared translations of core items, recordings, the answer's language, pairing of answers
 * given in different languages, and the by-language rates behind the privacy gate. Runs in order.
 */
jest.setTimeout(90_000);

describe('translated check items (integration)', () => {
  let t: TestApp;
  let hr: SignedInClient;
  let coordinator: SignedInClient;
  let ambassador: SignedInClient;
  let staff: SignedInClient;
  let core: CoreItem;
  let instrumentId: string;
  let version: InstrumentVersion;
  let assignment: CheckAssignment;
  let colleagues: string[];
  let s1Arabic: ItemTranslation;
  let k1Arabic: ItemTranslation;

  const question = (form: CheckForm | KioskForm, key: string) => {
    const found = form.questions.find((q) => q.key === key);
    if (!found) throw new Error(`no question ${key}`);
    return found;
  };
  const roundOf = (kind: CheckKind) => {
    const round = assignment.rounds.find((r) => r.kind === kind);
    if (!round) throw new Error(`no ${kind} round`);
    return round;
  };

  beforeAll(async () => {
    t = await createTestApp();
    hr = await t.as('hrA');
    coordinator = await t.as('coordinator');
    ambassador = await t.as('ambassadorU1');
    staff = await t.as('staffU1');
    colleagues = [];
    for (const name of ['Amal', 'Bashir', 'Cecilia', 'Deqa', 'Edvin']) {
      const [{ id }] = await sql<{ id: string }>(
        t,
        `insert into person (organisation_id, employee_number, first_name, last_name, role_title, employment_type, start_date)
         values ($1, $2, $3, 'Kollega', 'undersköterska', 'permanent', '2023-01-01') returning id`,
        [t.fixture.orgA, `T-${name}`, name],
      );
      await sql(t, `insert into unit_membership (organisation_id, person_id, unit_id, start_date) values ($1, $2, $3, '2023-01-01')`, [
        t.fixture.orgA,
        id,
        t.fixture.unitU1,
      ]);
      colleagues.push(id);
    }
    const { key: _key, ...coreBody } = base('x', CheckItemKind.SelfRating, CompetenceDimension.Knowledge, { textSv: 'Jag vet var rutinerna finns' });
    core = (await coordinator.post('/api/checks/core-items', coreBody)).body as CoreItem;
    instrumentId = ((await hr.post('/api/checks/instruments', { title: 'Digital signering' })).body as InstrumentDetail).id;
    const saved = await hr.put(`/api/checks/instruments/${instrumentId}/draft`, {
      title: 'Digital signering',
      descriptionSv: null,
      supportThreshold: 2,
      items: ITEMS,
    });
    expect(saved.status).toBe(200);
    version = (await hr.post(`/api/checks/instruments/${instrumentId}/publish`)).body as InstrumentVersion;
    const id = randomUUID();
    expect(
      (await ambassador.post('/api/checks/assignments', { id, unitId: t.fixture.unitU1, instrumentVersionId: version.id, title: 'Signering' })).status,
    ).toBe(201);
    assignment = (await ambassador.post(`/api/checks/assignments/${id}/rounds`, { kind: 'before' })).body as CheckAssignment;
  });
  afterAll(() => t?.close());

  it('a translation records who made it, when and how; it starts as a draft; mistakes are named', async () => {
    const created = await hr.post(`/api/checks/instruments/${instrumentId}/translations`, {
      itemKey: 's1',
      language: 'ar',
      text: AR_S1,
      source: 'machine',
    });
    expect(created.status).toBe(201);
    s1Arabic = created.body as ItemTranslation;
    expect(s1Arabic).toMatchObject({
      itemKey: 's1',
      language: 'ar',
      text: AR_S1,
      source: 'machine',
      status: 'draft',
      shared: false,
      stale: false,
      sourceText: 'Jag kan signera digitalt',
      createdBy: t.fixture.people.hrA.id,
      reviewedBy: null,
      reviewedAt: null,
    });
    expect(Date.now() - Date.parse(s1Arabic.createdAt)).toBeLessThan(60_000);

    const k1 = await hr.post(`/api/checks/instruments/${instrumentId}/translations`, {
      itemKey: 'k1',
      language: 'ar',
      text: AR_K1,
      options: { a: 'أسأل المرشد', b: 'أكتب على ورقة وأرميها' },
      source: 'human',
    });
    expect(k1.status).toBe(201);
    k1Arabic = k1.body as ItemTranslation;

    const again = await hr.post(`/api/checks/instruments/${instrumentId}/translations`, { itemKey: 's1', language: 'ar', text: 'x', source: 'human' });
    expect(again.status).toBe(409);
    const wrong = await hr.post(`/api/checks/instruments/${instrumentId}/translations`, {
      itemKey: 'k1',
      language: 'so',
      text: 'x',
      options: { z: 'y' },
      source: 'human',
    });
    expect(wrong.status).toBe(400);
    expect(withoutMessageCodes(wrong.body.details)).toEqual([{ field: 'options.z', message: 'Svarsalternativet finns inte i frågan.' }]);
    const swedish = await hr.post(`/api/checks/instruments/${instrumentId}/translations`, { itemKey: 's1', language: 'sv', text: 'x', source: 'human' });
    expect(swedish.status).toBe(400);
    expect(
      (
        await (
          await t.as('managerU1')
        ).post(`/api/checks/instruments/${instrumentId}/translations`, { itemKey: 's1', language: 'so', text: 'x', source: 'human' })
      ).status,
    ).toBe(403);
    expect((await (await t.as('adminB')).get(`/api/checks/instruments/${instrumentId}/translations`)).status).toBe(404);
  });

  it('a draft translation is not shown when the owner has not allowed drafts; reviewing it records who and when', async () => {
    const code = roundOf(CheckKind.Before).code;
    const draftHidden = (await staff.post(`/api/checks/answer/${code}?language=ar`)).body as CheckForm;
    expect(draftHidden.language).toBe('ar');
    expect(question(draftHidden, 's1')).toMatchObject({ language: 'sv', text: 'Jag kan signera digitalt', translationStatus: null });
    expect(JSON.stringify(draftHidden)).not.toContain(AR_S1);

    const before = Date.now();
    const reviewed = await hr.post(`/api/checks/translations/${s1Arabic.id}/review`);
    expect(reviewed.status).toBe(200);
    expect(reviewed.body).toMatchObject({ status: 'reviewed', reviewedBy: t.fixture.people.hrA.id, reviewedByName: expect.stringMatching(/\S/) });
    const reviewedAt = Date.parse((reviewed.body as ItemTranslation).reviewedAt ?? '');
    expect(reviewedAt).toBeGreaterThanOrEqual(before - 5_000);
    expect(reviewedAt).toBeLessThanOrEqual(Date.now() + 5_000);
    const [row] = await sql<{ reviewed_by: string; status: string }>(t, `select reviewed_by, status from check_item_translation where id = $1`, [s1Arabic.id]);
    expect(row).toEqual({ reviewed_by: t.fixture.people.hrA.id, status: 'reviewed' });
    const audit = await sql(t, `select 1 from audit_log where action = 'checks.translation.review' and target_id = $1 and actor_person_id = $2`, [
      s1Arabic.id,
      t.fixture.people.hrA.id,
    ]);
    expect(audit).toHaveLength(1);

    const shown = (await staff.post(`/api/checks/answer/${code}?language=ar`)).body as CheckForm;
    expect(question(shown, 's1')).toMatchObject({
      language: 'ar',
      text: AR_S1,
      textSv: 'Jag kan signera digitalt',
      translationStatus: 'reviewed',
      translationSource: 'machine',
    });
    // k1's translation is still a draft: Swedish, option by option.
    expect(question(shown, 'k1')).toMatchObject({ language: 'sv', text: ITEMS[1].textSv, translationStatus: null });
    expect(question(shown, 'k1').options.map((o) => o.text)).toEqual(['Frågar ombudet', 'Skriver på papper och slänger det']);
  });

  it('drafts are shown, marked as drafts, once the owner allows them; a changed text must be reviewed again', async () => {
    const settings = await hr.put(`/api/checks/instruments/${instrumentId}/translation-settings`, { allowDraftTranslations: true });
    expect(settings.status).toBe(200);
    expect((settings.body as InstrumentTranslations).allowDraftTranslations).toBe(true);
    const code = roundOf(CheckKind.Before).code;
    const form = (await staff.post(`/api/checks/answer/${code}?language=ar`)).body as CheckForm;
    expect(question(form, 'k1')).toMatchObject({ language: 'ar', text: AR_K1, translationStatus: 'draft', translationSource: 'human' });
    expect(question(form, 'k1').options.map((o) => o.text)).toEqual(['أسأل المرشد', 'أكتب على ورقة وأرميها']);

    const changed = await hr.put(`/api/checks/translations/${s1Arabic.id}`, { text: `${AR_S1}.` });
    expect(changed.body).toMatchObject({ status: 'draft', reviewedBy: null, reviewedAt: null, text: `${AR_S1}.` });
    expect((await hr.post(`/api/checks/translations/${s1Arabic.id}/review`)).body.status).toBe('reviewed');

    const list = (await hr.get(`/api/checks/instruments/${instrumentId}/translations`)).body as InstrumentTranslations;
    expect(list.items.map((i) => i.key)).toEqual([core.key, 's1', 'k1']);
    expect(list.items.find((i) => i.key === 's1')?.translations).toEqual([
      expect.objectContaining({ language: 'ar', status: 'reviewed', reviewedBy: t.fixture.people.hrA.id }),
    ]);
  });

  it('the network shares its core item translations; the organisation’s own translation comes first', async () => {
    const shared = await coordinator.post(`/api/checks/core-items/${core.id}/translations`, {
      itemKey: 'ignored',
      language: 'so',
      text: 'Waan ogahay halka ay hababku yaalliin',
      source: 'machine',
    });
    expect(shared.status).toBe(201);
    expect(shared.body).toMatchObject({ shared: true, itemKey: core.key, status: 'draft' });
    // Only the coordinator changes what the whole network shares.
    expect((await hr.post(`/api/checks/translations/${shared.body.id}/review`)).status).toBe(403);
    expect((await coordinator.post(`/api/checks/translations/${shared.body.id}/review`)).body).toMatchObject({
      status: 'reviewed',
      reviewedBy: t.fixture.people.coordinator.id,
    });

    const code = roundOf(CheckKind.Before).code;
    const somali = (await staff.post(`/api/checks/answer/${code}?language=so`)).body as CheckForm;
    expect(question(somali, core.key)).toMatchObject({ language: 'so', text: 'Waan ogahay halka ay hababku yaalliin' });
    // The organisation adapts it with its own wording, which then comes first.
    const own = await hr.post(`/api/checks/instruments/${instrumentId}/translations`, {
      itemKey: core.key,
      language: 'so',
      text: 'Waan garanayaa meesha hababka',
      source: 'human',
    });
    expect(own.status).toBe(201);
    await hr.post(`/api/checks/translations/${own.body.id}/review`);
    const adapted = (await staff.post(`/api/checks/answer/${code}?language=so`)).body as CheckForm;
    expect(question(adapted, core.key)).toMatchObject({ text: 'Waan garanayaa meesha hababka' });
    const list = (await hr.get(`/api/checks/instruments/${instrumentId}/translations`)).body as InstrumentTranslations;
    expect(list.items[0].translations.map((tr) => tr.shared)).toEqual([false, true]);
  });

  it('a recording per item and language: uploaded by the owner, typed by its bytes, played by the person answering', async () => {
    const signIn = await t.http().post('/api/auth/sign-in').send({ identifier: t.fixture.people.hrA.email, password: FIXTURE_PASSWORD });
    const cookie = ([] as string[])
      .concat(signIn.headers['set-cookie'] ?? [])
      .map((c) => c.split(';')[0])
      .join('; ');
    const upload = (bytes: Buffer, name: string) =>
      t
        .http()
        .put(`/api/checks/instruments/${instrumentId}/audio/s1/ar`)
        .set('Cookie', cookie)
        .set(CSRF_HEADER, signIn.body.csrfToken)
        .attach('file', bytes, name);
    const wav = Buffer.concat([Buffer.from('RIFF'), Buffer.from([36, 0, 0, 0]), Buffer.from('WAVEfmt '), Buffer.alloc(28)]);
    const notAudio = await upload(Buffer.from('<html>hej</html>'), 'fraga.wav');
    expect(notAudio.status).toBe(400);
    const uploaded = await upload(wav, 'fråga 1.wav');
    expect(uploaded.status).toBe(200);
    expect(uploaded.body).toMatchObject({ itemKey: 's1', language: 'ar', contentType: 'audio/wav', byteSize: wav.length });

    const form = (await staff.post(`/api/checks/answer/${roundOf(CheckKind.Before).code}?language=ar`)).body as CheckForm;
    const audioUrl = question(form, 's1').audioUrl;
    expect(audioUrl).toBe(`/api/checks/instruments/${instrumentId}/audio/s1/ar`);
    expect(question(form, 'k1').audioUrl).toBeNull();
    const played = await staff.get(audioUrl ?? '');
    expect(played.status).toBe(200);
    expect(played.headers['content-type']).toBe('audio/wav');
    expect(Buffer.compare(played.body as Buffer, wav)).toBe(0);
    expect((await (await t.as('staffU4')).get(audioUrl ?? '')).status).toBe(404);
    expect((await hr.delete(`/api/checks/instruments/${instrumentId}/audio/k1/ar`)).status).toBe(404);
    expect((await hr.delete(`/api/checks/instruments/${instrumentId}/audio/s1/ar`)).status).toBe(204);
    expect((await staff.get(audioUrl ?? '')).status).toBe(404);
    expect((await hr.put(`/api/checks/instruments/${instrumentId}/audio/s1/ar`)).status).toBe(400);
    // Put back for the pages that show it.
    expect((await upload(wav, 'fråga 1.wav')).status).toBe(200);
    // On the kiosk tablet the recording comes through the response being answered.
    const kiosk = (
      await ambassador.post(`/api/checks/rounds/${roundOf(CheckKind.Before).id}/kiosk?language=ar`, { responseId: randomUUID(), personId: colleagues[0] })
    ).body as KioskForm;
    const kioskUrl = question(kiosk, 's1').audioUrl;
    expect(kioskUrl).toBe(`/api/checks/kiosk/${kiosk.responseId}/audio/s1/ar`);
    const kioskPlayed = await ambassador.get(kioskUrl ?? '');
    expect(kioskPlayed.status).toBe(200);
    expect(Buffer.compare(kioskPlayed.body as Buffer, wav)).toBe(0);
    expect((await ambassador.get(`/api/checks/kiosk/${kiosk.responseId}/audio/k1/ar`)).status).toBe(404);
  });

  it('answers record their language; answers in Arabic pair with the same person’s Swedish answers', async () => {
    // Before: everyone in Swedish on the kiosk (staffU1 through the link, in Swedish, switching from Arabic).
    const beforeCode = roundOf(CheckKind.Before).code;
    const sv = (await staff.post(`/api/checks/answer/${beforeCode}?language=sv`)).body as CheckForm;
    expect(sv.language).toBe('sv');
    for (const q of sv.questions) {
      const value = q.kind === CheckItemKind.Knowledge ? { options: ['b'] } : { rating: 1 };
      expect((await staff.put(`/api/checks/answer/${beforeCode}/items/${q.key}`, { value })).status).toBe(200);
    }
    await staff.post(`/api/checks/answer/${beforeCode}/submit`);
    const answerInKiosk = async (roundId: string, personId: string, language: string, rating: number) => {
      const form = (await ambassador.post(`/api/checks/rounds/${roundId}/kiosk?language=${language}`, { responseId: randomUUID(), personId }))
        .body as KioskForm;
      expect(form.language).toBe(language);
      for (const q of form.questions) {
        const value = q.kind === CheckItemKind.Knowledge ? { options: ['a'] } : { rating };
        expect((await ambassador.put(`/api/checks/kiosk/${form.responseId}/items/${q.key}`, { value })).status).toBe(200);
      }
      await ambassador.post(`/api/checks/kiosk/${form.responseId}/submit`);
      return form;
    };
    for (const person of colleagues) await answerInKiosk(roundOf(CheckKind.Before).id, person, 'sv', 1);

    assignment = (await ambassador.post(`/api/checks/assignments/${assignment.id}/rounds`, { kind: 'after' })).body as CheckAssignment;
    const afterCode = roundOf(CheckKind.After).code;
    const ar = (await staff.post(`/api/checks/answer/${afterCode}?language=ar`)).body as CheckForm;
    expect(question(ar, 's1').text).toBe(`${AR_S1}.`);
    for (const q of ar.questions.filter((q) => q.kind !== CheckItemKind.PostSession)) {
      const value = q.kind === CheckItemKind.Knowledge ? { options: ['a'] } : { rating: 4 };
      expect((await staff.put(`/api/checks/answer/${afterCode}/items/${q.key}`, { value })).status).toBe(200);
    }
    expect((await staff.post(`/api/checks/answer/${afterCode}/submit`)).body.status).toBe('submitted');
    // Two colleagues answer the after check in Arabic on the tablet, three in Swedish.
    for (const [index, person] of colleagues.entries()) await answerInKiosk(roundOf(CheckKind.After).id, person, index < 2 ? 'ar' : 'sv', 3);

    const languages = await sql<{ language: string; kind: string; n: number }>(
      t,
      `select s.language, r.kind, count(*)::int as n from check_response s join check_round r on r.id = s.round_id
        where r.assignment_id = $1 group by 1, 2 order by 2, 1`,
      [assignment.id],
    );
    expect(languages).toEqual([
      { language: 'ar', kind: 'after', n: 3 },
      { language: 'sv', kind: 'after', n: 3 },
      { language: 'sv', kind: 'before', n: 6 },
    ]);
    const answerLanguages = await sql<{ language: string }>(
      t,
      `select distinct c.language from check_answer c join check_response s on s.id = c.response_id join check_round r on r.id = s.round_id
        where s.person_id = $1 and r.kind = 'after'`,
      [t.fixture.people.staffU1.id],
    );
    expect(answerLanguages).toEqual([{ language: 'ar' }]);

    // The person's own before (Swedish) and after (Arabic) pair up per dimension.
    const mine = (await staff.get('/api/checks/me')).body as MyChecks;
    expect(mine.results[0].dimensions).toEqual(expect.arrayContaining([{ dimension: 'skills', before: 1, after: 4, followUp: null }]));
    // And in the group figures every language counts as the same item: six pairs of six.
    const results = (await hr.get(`/api/checks/results?instrumentId=${instrumentId}&unitId=${t.fixture.unitU1}`)).body as CheckResults;
    expect(results.suppressed).toBe(false);
    expect(results.dimensions.find((d) => d.key === 'skills')).toMatchObject({ pairs: 6, meanBefore: 1 });
  });

  it('HR sees response and pairing rates by answer language; a language with too few people is withheld', async () => {
    const path = `/api/checks/results/languages?instrumentId=${instrumentId}&unitId=${t.fixture.unitU1}`;
    const rates = await hr.get(path);
    expect(rates.status).toBe(200);
    const body = rates.body as LanguageRates;
    expect(body.minimumGroupSize).toBeGreaterThan(3);
    expect(body.suppressed).toBe(false);
    // Arabic: three people, below the minimum: nothing but the fact that it is withheld.
    expect(body.languages).toEqual([
      { language: 'ar', started: null, responseRate: null, pairingRate: null, suppressed: true },
      { language: 'sv', started: 6, responseRate: 1, pairingRate: 1, suppressed: false },
    ]);
    expect((await (await t.as('managerU1')).get(path)).status).toBe(403);
    expect((await hr.get(`/api/checks/results/languages?instrumentId=${randomUUID()}`)).status).toBe(404);
    const audit = await sql(t, `select 1 from audit_log where action = 'checks.language_rates.read'`);
    expect(audit).toHaveLength(1);
  });

  it('deleting a translation brings the Swedish text back', async () => {
    expect((await hr.delete(`/api/checks/translations/${k1Arabic.id}`)).status).toBe(204);
    expect((await hr.delete(`/api/checks/translations/${k1Arabic.id}`)).status).toBe(404);
    const list = (await hr.get(`/api/checks/instruments/${instrumentId}/translations`)).body as InstrumentTranslations;
    expect(list.items.find((i) => i.key === 'k1')?.translations).toEqual([]);
  });
});
