import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { CheckResults, CompetenceBreakdown, InstrumentSummary, InstrumentTranslations, LanguageRates, MyChecks, SupportSignal } from '@kunna/contracts';
import { createApp } from '../app/create-app';
import { loadConfig } from '../config/app-config';
import { DEMO_PASSWORD, DemoResult, loadDemoDataIfEmpty } from '../demo';
import { createTestDatabase, TestDatabase } from '../test-support/test-database';

/**
 * The demo checks: the network's core items, the Swedish starter instrument and a finished before/after check in
 * Solgården. Twelve staff answered before (self-ratings 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 1, 2), the first ten after
 * (one step up, except every third person): ten pairs, changes 1, 1, 0, 1, 1, 0, 1, 1, 0, 1 → mean 0.7.
 */
describe('demo checks (integration)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let demo: DemoResult;

  beforeAll(async () => {
    db = await createTestDatabase();
    demo = (await loadDemoDataIfEmpty(db.url)) as DemoResult;
    app = await createApp({ ...loadConfig({ ...process.env, WEB_DIST: 'none', LOG_LEVEL: 'silent' }), databaseUrl: db.url }, db.url);
  }, 120000);
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  async function signIn(identifier: string, organisationId?: string) {
    const response = await request(app.getHttpServer()).post('/api/auth/sign-in').send({ identifier, password: DEMO_PASSWORD, organisationId });
    expect(response.status).toBe(200);
    const cookie = ([] as string[])
      .concat(response.headers['set-cookie'] ?? [])
      .map((value) => value.split(';')[0])
      .join('; ');
    return { get: (path: string) => request(app.getHttpServer()).get(path).set('Cookie', cookie) };
  }
  const identifier = (role: string) => demo.accounts.find((a) => a.role === role)?.identifier ?? '';

  it('the manager of Solgården sees the aggregate change of the demo check', async () => {
    const manager = await signIn(identifier('Enhetschef'));
    const instruments = (await manager.get('/api/checks/instruments')).body as InstrumentSummary[];
    expect(instruments.map((i) => [i.title, i.latestVersion])).toEqual([['Digital vardag i omsorgen', 1]]);
    const client = new Client({ connectionString: db.url });
    await client.connect();
    const unitId = (await client.query(`select id from unit where code = 'AO-SOL'`)).rows[0].id as string;
    const organisationId = (await client.query(`select organisation_id from unit where code = 'AO-SOL'`)).rows[0].organisation_id as string;
    const coreItems = (await client.query(`select count(*)::int as n from check_core_item`)).rows[0].n as number;
    await client.end();
    expect(coreItems).toBe(3);

    const results = (await manager.get('/api/checks/results').query({ instrumentId: instruments[0].id, unitId })).body as CheckResults;
    expect(results.suppressed).toBe(false);
    const skills = results.dimensions.find((d) => d.key === 'skills');
    expect(skills?.pairs).toBe(10);
    expect(skills?.meanChange).toBeCloseTo(0.7, 10);

    const ambassador = await signIn(identifier('Digitaliseringsombud'));
    const signals = (await ambassador.get('/api/checks/support-signals').query({ unitId })).body as SupportSignal[];
    expect(signals).toHaveLength(1);

    const staff = await signIn('A1004', organisationId);
    const mine = (await staff.get('/api/checks/me')).body as MyChecks;
    expect(mine.results[0].title).toBe('Tillfälle: digital signering');
    expect(mine.results[0].dimensions.find((d) => d.dimension === 'skills')).toEqual({ dimension: 'skills', before: 1, after: 2, followUp: null });
    expect(mine.results[0].knowledge).toEqual({ before: 0, after: 1, followUp: null });
  });

  it("HR's competence heat map has units with figures and a unit whose figures are withheld", async () => {
    const hr = await signIn('karin.holm@alvstad.example');
    const map = (await hr.get('/api/insights/competence').query({ groupBy: 'unit' })).body as CompetenceBreakdown;
    const rows = Object.fromEntries(map.groups.map((g) => [g.label, g.figures.map((f) => f.meanAfter)]));
    expect(Object.keys(rows).sort()).toEqual([
      'Ekbackens vård- och omsorgsboende',
      'Gruppbostad Linden',
      'Hemtjänst Centrum',
      'Hemtjänst Norr',
      'Solgårdens vård- och omsorgsboende',
    ]);
    // Linden: three pairs, fewer than the minimum of five.
    expect(rows['Gruppbostad Linden'].every((value) => value === null)).toBe(true);
    for (const unit of ['Ekbackens vård- och omsorgsboende', 'Hemtjänst Centrum', 'Hemtjänst Norr', 'Solgårdens vård- och omsorgsboende']) {
      expect(rows[unit].every((value) => value !== null)).toBe(true);
    }
    // Solgården's demo check rates every item alike: after 2, 3, 3, 2, 3, 3, 2, 3, 3, 2 = 2.6 in each dimension and overall.
    for (const value of rows['Solgårdens vård- och omsorgsboende']) expect(value).toBeCloseTo(2.6, 10);
    // The total holds Linden's three pairs too: the total minus the four other units would give their mean, so the
    // privacy gate withholds the total's figures.
    expect(map.total.figures.every((figure) => figure.meanAfter === null)).toBe(true);
    // The dimensions differ within a unit (the demo's per-dimension adjustments).
    expect(new Set(rows['Ekbackens vård- och omsorgsboende']).size).toBeGreaterThan(1);
  });

  it('the demo instrument has machine-made drafts in Arabic, Somali and lätt svenska, shown because it allows drafts', async () => {
    const hr = await signIn('karin.holm@alvstad.example');
    const [instrument] = (await hr.get('/api/checks/instruments')).body as InstrumentSummary[];
    const list = (await hr.get(`/api/checks/instruments/${instrument.id}/translations`)).body as InstrumentTranslations;
    expect(list.allowDraftTranslations).toBe(true);
    const answered = list.items.filter((i) => i.kind !== 'observation');
    for (const item of answered) {
      expect(item.translations.map((tr) => tr.language).sort()).toEqual(['ar', 'so', 'sv-x-easy']);
      expect(item.translations.every((tr) => tr.source === 'machine' && tr.status === 'draft' && tr.reviewedAt === null)).toBe(true);
      // The core items' translations are the network's, shared with every organisation.
      expect(item.translations.every((tr) => tr.shared === (item.coreItemId !== null))).toBe(true);
    }
    const knowledge = list.items.find((i) => i.key === 'fel-signering');
    expect(Object.keys(knowledge?.translations[0].options ?? {}).sort()).toEqual(['a', 'b', 'c']);
  });

  it('HR sees the rates by answer language: Arabic shown, Somali (two people) withheld', async () => {
    const hr = await signIn('karin.holm@alvstad.example');
    const [instrument] = (await hr.get('/api/checks/instruments')).body as InstrumentSummary[];
    const rates = (await hr.get('/api/checks/results/languages').query({ instrumentId: instrument.id })).body as LanguageRates;
    expect(rates.suppressed).toBe(false);
    const byLanguage = Object.fromEntries(rates.languages.map((l) => [l.language, l]));
    expect(byLanguage['ar']).toMatchObject({ started: 5, responseRate: 1, pairingRate: 1, suppressed: false });
    expect(byLanguage['so']).toEqual({ language: 'so', started: null, responseRate: null, pairingRate: null, suppressed: true });
    expect(byLanguage['sv'].suppressed).toBe(false);
  });
});
