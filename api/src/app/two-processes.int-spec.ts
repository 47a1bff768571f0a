import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { AttendanceBatchResult, CSRF_HEADER, CurrentUser, MarkOutcome, SessionDetail } from '@kunna/contracts';
import { loadConfig } from '../config/app-config';
import { FIXTURE_PASSWORD } from '../test-support/fixture';
import { createTestApp, TestApp, sql } from '../test-support/test-app';
import { createApp } from './create-app';

/**
 * Two API processes (two Nest applications with their own connection pools) on one database, as behind a
 * load balancer without sticky sessions: whatever one process wrote, the other honours. That each due job
 * runs once with two running workers is proven in `api/src/jobs/jobs.int-spec.ts`.
 */
describe('two API processes on one database (integration)', () => {
  let t: TestApp;
  let second: INestApplication;
  const a = () => request(t.app.getHttpServer());
  const b = () => request(second.getHttpServer());

  beforeAll(async () => {
    t = await createTestApp();
    second = await createApp(
      { ...loadConfig({ ...process.env, WEB_DIST: 'none', LOG_LEVEL: 'silent', KUNNA_JOBS_WORKER: 'false' }), databaseUrl: t.db.url },
      t.db.url,
    );
  }, 60000);
  afterAll(async () => {
    await second?.close();
    await t?.close();
  });

  const signIn = async (via: () => ReturnType<typeof request>, email: string) => {
    const response = await via().post('/api/auth/sign-in').send({ identifier: email, password: FIXTURE_PASSWORD });
    expect(response.status).toBe(200);
    const cookie = ([] as string[])
      .concat(response.headers['set-cookie'] ?? [])
      .map((value) => value.split(';')[0])
      .join('; ');
    return { cookie, user: response.body as CurrentUser };
  };

  it('a session started on one process is valid on the other, and signing out on either ends it on both', async () => {
    const { cookie, user } = await signIn(a, t.fixture.people.staffU1.email);
    const onB = await b().get('/api/auth/me').set('Cookie', cookie);
    expect(onB.status).toBe(200);
    expect((onB.body as CurrentUser).personId).toBe(user.personId);

    // The CSRF token issued by A is accepted by B, and B's sign-out is seen by A at once.
    const out = await b().post('/api/auth/sign-out').set('Cookie', cookie).set(CSRF_HEADER, user.csrfToken);
    expect(out.status).toBeLessThan(300);
    expect((await a().get('/api/auth/me').set('Cookie', cookie)).status).toBe(401);
    expect((await b().get('/api/auth/me').set('Cookie', cookie)).status).toBe(401);
  });

  it('an attendance batch sent to one process and replayed to the other (also concurrently) is stored once', async () => {
    const ambassador = await signIn(a, t.fixture.people.ambassadorU1.email);
    const today = (await sql<{ today: string }>(t, `select ((now() at time zone 'Europe/Stockholm')::date)::text as today`))[0].today;
    const created = await b()
      .post('/api/sessions')
      .set('Cookie', ambassador.cookie)
      .set(CSRF_HEADER, ambassador.user.csrfToken)
      .send({
        unitId: t.fixture.unitU1,
        moduleId: t.fixture.library.networkModule.id,
        date: today,
        startTime: '09:00',
        durationMinutes: 40,
        place: 'Två processer',
        facilitatorIds: [t.fixture.people.ambassadorU1.id],
        activityCategory: 'workplace_learning',
        audience: 'unit_team',
      });
    expect(created.status).toBe(201);
    const sessionId = (created.body as SessionDetail).id;
    const batch = {
      marks: [
        { id: randomUUID(), personId: t.fixture.people.staffU1.id, status: 'present', recordedAt: new Date().toISOString() },
        { id: randomUUID(), personId: t.fixture.people.managerU1.id, status: 'partial', minutes: 20, recordedAt: new Date().toISOString() },
        { id: randomUUID(), walkInName: 'Vikarie Två', status: 'present', recordedAt: new Date().toISOString() },
      ],
    };
    const post = (via: () => ReturnType<typeof request>) =>
      via().post(`/api/sessions/${sessionId}/attendance`).set('Cookie', ambassador.cookie).set(CSRF_HEADER, ambassador.user.csrfToken).send(batch);

    const onA = await post(a);
    expect(onA.status).toBe(200);
    expect((onA.body as AttendanceBatchResult).results.every((result) => result.outcome === MarkOutcome.Applied)).toBe(true);
    // The client lost A's answer and retries through the load balancer, which picks B.
    const onB = await post(b);
    expect(onB.status).toBe(200);
    expect((onB.body as AttendanceBatchResult).results.every((result) => result.outcome === MarkOutcome.Replayed)).toBe(true);
    // Both processes at once, again: nothing new.
    const [again, andAgain] = await Promise.all([post(a), post(b)]);
    expect([again.status, andAgain.status]).toEqual([200, 200]);

    const stored = await sql<{ id: string }>(t, `select id from attendance_marks where session_id = $1`, [sessionId]);
    expect(stored.map((row) => row.id).sort()).toEqual(batch.marks.map((mark) => mark.id).sort());
    const receipts = await sql<{ count: number }>(t, `select count(*)::int as count from attendance_mark_receipts where session_id = $1`, [sessionId]);
    expect(receipts[0].count).toBe(3);
  });
});
