import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { CSRF_HEADER, ModuleSummary, MyAmbassadorOverview, ProgramAssignment, UnitCoverage } from '@kunna/contracts';
import { createApp } from '../app/create-app';
import { loadConfig } from '../config/app-config';
import { DEMO_PASSWORD, loadDemoDataIfEmpty } from '../demo';
import { createTestDatabase, TestDatabase } from '../test-support/test-database';
import { loadDemoLibraryAndAmbassadors } from './demo-ambassadors';
import { pgClientRunner } from '../library';

/** The demo network: starter library, appointed and qualified ambassadors, assigned programs, an adapted module. */
describe('demo library and ambassadors (integration)', () => {
  let db: TestDatabase;
  let app: INestApplication;

  beforeAll(async () => {
    db = await createTestDatabase();
    await loadDemoDataIfEmpty(db.url);
    app = await createApp({ ...loadConfig({ ...process.env, WEB_DIST: 'none', LOG_LEVEL: 'silent' }), databaseUrl: db.url }, db.url);
  }, 120000);
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  async function signIn(identifier: string) {
    const response = await request(app.getHttpServer()).post('/api/auth/sign-in').send({ identifier, password: DEMO_PASSWORD });
    expect(response.status).toBe(200);
    const cookie = ([] as string[])
      .concat(response.headers['set-cookie'] ?? [])
      .map((value) => value.split(';')[0])
      .join('; ');
    return {
      get: (path: string) => request(app.getHttpServer()).get(path).set('Cookie', cookie),
      post: (path: string) => request(app.getHttpServer()).post(path).set('Cookie', cookie).set(CSRF_HEADER, response.body.csrfToken),
    };
  }

  async function count(sql: string): Promise<number> {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      return (await client.query(sql)).rows[0].n as number;
    } finally {
      await client.end();
    }
  }

  it('loads the starter library and appoints every demo ambassador with an allocation and qualifications', async () => {
    expect(await count(`select count(*)::int as n from library_module where organisation_id is null`)).toBe(13);
    expect(await count(`select count(*)::int as n from library_program`)).toBe(3);
    expect(await count(`select count(*)::int as n from ambassador_appointment`)).toBe(8);
    expect(await count(`select count(*)::int as n from ambassador_appointment_unit where role_assignment_id is null`)).toBe(0);
    // Six ambassadors for all 11 workplace modules, two for four.
    expect(await count(`select count(*)::int as n from ambassador_qualification`)).toBe(6 * 11 + 2 * 4);
  });

  it('shows HR the coverage flags: a leaving ambassador in Hemtjänst Norr', async () => {
    const hr = await signIn('karin.holm@alvstad.example');
    const coverage = (await hr.get('/api/ambassadors/coverage')).body as UnitCoverage[];
    expect(coverage).toHaveLength(6);
    const flagged = coverage.filter((row) => row.flags.length > 0).map((row) => [row.unit.name, row.flags]);
    expect(flagged).toEqual([['Hemtjänst Norr', ['ambassadors_leaving']]]);
    expect(coverage.every((row) => row.activeAmbassadors.length === 1)).toBe(true);
  });

  it('shows the coordinator the private provider without ambassadors', async () => {
    const coordinator = await signIn('sanna.berg@alvstad.example');
    const rows = (await coordinator.get('/api/ambassadors/network-coverage')).body as Array<{
      organisationName: string;
      unitsWithoutAmbassador: number;
      unitCount: number;
    }>;
    expect(rows.find((row) => row.organisationName === 'Omsorgshuset Väst AB')).toMatchObject({ unitCount: 2, unitsWithoutAmbassador: 2 });
  });

  it('gives Älvstad an adapted module whose source has a newer version', async () => {
    const hr = await signIn('karin.holm@alvstad.example');
    const modules = (await hr.get('/api/library/modules')).body as ModuleSummary[];
    const copy = modules.find((module) => module.title === 'Nyckelfria lås i Älvstads hemtjänst');
    expect(copy?.source).toMatchObject({ basedOnVersionNumber: 1, latestVersionNumber: 2, newerVersionAvailable: true });
    const bergsjo = (await (await signIn('admin@bergsjo.example')).get('/api/library/modules')).body as ModuleSummary[];
    expect(bergsjo.map((module) => module.title)).not.toContain('Nyckelfria lås i Älvstads hemtjänst');
  });

  it('shows the demo ambassador what they may deliver, and a unit the programs assigned to it', async () => {
    const ambassador = await signIn('leyla.gustafsson@alvstad.example');
    const mine = (await ambassador.get('/api/ambassadors/me')).body as MyAmbassadorOverview;
    expect(mine.appointments).toHaveLength(1);
    expect(mine.qualifications).toHaveLength(11);
    const unitId = mine.appointments[0].units[0].id;
    const programs = (await ambassador.get(`/api/library/units/${unitId}/programs`)).body as ProgramAssignment[];
    expect(programs.map((assignment) => assignment.programTitle).sort()).toEqual([
      'Fem arbetsplatsträffar om digitala arbetssätt',
      'Introduktion för nyanställda',
      'Utbildning för digitaliseringsombud',
    ]);
  });

  it('adds nothing when run again', async () => {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const [{ id }] = (await client.query(`select id from network`)).rows as Array<{ id: string }>;
      await loadDemoLibraryAndAmbassadors(pgClientRunner(client), id, new Date());
    } finally {
      await client.end();
    }
    expect(await count(`select count(*)::int as n from ambassador_appointment`)).toBe(8);
    expect(await count(`select count(*)::int as n from library_module`)).toBe(14);
    expect(await count(`select count(*)::int as n from library_program_assignment`)).toBe(9);
  });
});
