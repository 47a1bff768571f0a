import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { CatchUpOverview, ParticipationReport, SessionAttendance, SessionSummary, SupportEntry } from '@kunna/contracts';
import { createApp } from '../app/create-app';
import { loadConfig } from '../config/app-config';
import { DEMO_PASSWORD, loadDemoDataIfEmpty } from '../demo';
import { createTestDatabase, TestDatabase } from '../test-support/test-database';

/** The demo shows sessions: Leyla (ambassador at Solgården) has one today, three held ones with attendance, hours. */
describe('demo sessions (integration)', () => {
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
    return { get: (path: string) => request(app.getHttpServer()).get(path).set('Cookie', cookie) };
  }

  it('gives the demo ambassador a session today and a unit with held sessions, attendance, hours and support', async () => {
    const leyla = await signIn('leyla.gustafsson@alvstad.example');
    const today = (await leyla.get('/api/my-sessions')).body as SessionSummary[];
    expect(today).toHaveLength(1);
    expect(today[0]).toMatchObject({ startTime: '14:00', seriesPosition: 4, place: 'Personalrummet (APT)' });
    const unitId = today[0].unit.id;

    const all = (await leyla.get(`/api/sessions?unitId=${unitId}&from=2000-01-01`)).body as SessionSummary[];
    expect(all.map((s) => s.seriesPosition)).toEqual([1, 2, 3, 4, 5]);
    const held = all.slice(0, 3);
    for (const session of held) {
      expect(session.markedCount).toBeGreaterThan(0);
      expect(session.attendedCount).toBeGreaterThan(0);
    }
    const second = (await leyla.get(`/api/sessions/${held[1].id}/attendance`)).body as SessionAttendance;
    expect(second.rows.filter((row) => row.walkInName === 'Vikarie från bemanningen')).toHaveLength(1);

    const manager = await signIn('emma.lindberg@alvstad.example');
    const hours = (await manager.get(`/api/participation?unitId=${unitId}`)).body as ParticipationReport;
    expect(hours.totalMinutes).toBeGreaterThan(0);
    expect(hours.byCategory.map((c) => c.category)).toEqual(expect.arrayContaining(['workplace_learning', 'individual_support']));

    const support = (await manager.get(`/api/support-entries?unitId=${unitId}`)).body as SupportEntry[];
    expect(support).toHaveLength(1);
    expect(support[0]).toMatchObject({ notes: null, notesHidden: true });
    expect(((await leyla.get(`/api/support-entries?unitId=${unitId}`)).body as SupportEntry[])[0].notes).toContain('öva');

    const catchUp = (await manager.get(`/api/sessions/units/${unitId}/catch-up`)).body as CatchUpOverview;
    expect(catchUp.missed.length).toBeGreaterThan(0);
  });

  it('has no scheduled session led by someone not qualified for its module without a recorded reason', async () => {
    // The API refuses such a session without a reason (facilitatorReason); the demo loader writes SQL and must agree.
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows: sessions } = await client.query(`select count(*)::int as count from sessions`);
      expect(sessions[0].count).toBeGreaterThan(0);
      const { rows } = await client.query(
        `select s.id, s.date::text, f.person_id
           from sessions s
           join session_facilitators f on f.session_id = s.id
           join library_module_version v on v.id = s.module_version_id
          where s.status = 'scheduled' and s.facilitator_reason is null
            and s.activity_category in ('workplace_learning', 'web_course_follow_up', 'try_out', 'individual_support')
            and not exists (
              select 1 from ambassador_qualification q
               where q.person_id = f.person_id
                 and (q.module_id = v.module_id or q.module_id = (select source_module_id from library_module where id = v.module_id))
                 and q.valid_from <= s.date and (q.valid_until is null or q.valid_until >= s.date)
                 and (q.revoked_at is null or (q.revoked_at at time zone 'Europe/Stockholm')::date > s.date))`,
      );
      expect(rows).toEqual([]);
    } finally {
      await client.end();
    }
  });
});
