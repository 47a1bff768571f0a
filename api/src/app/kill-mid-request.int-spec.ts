import { randomUUID } from 'node:crypto';
import { AttendanceBatchResult, CSRF_HEADER, MarkOutcome, SessionDetail } from '@kunna/contracts';
import { ChildApi, killChildren, rolledBack, signInOverHttp, startChildApi, until, writingTransactions } from '../test-support/child-api';
import { createTestApp, sql, TestApp } from '../test-support/test-app';

/**
 * An API process killed with SIGKILL while it writes a 500-mark attendance batch: the database rolls the open
 * transaction back, so either all marks are stored or none; the client's retry (to another process) completes
 * the batch with every mark exactly once.
 */
describe('killing the API in the middle of an attendance sync (integration)', () => {
  let t: TestApp;
  const children: ChildApi[] = [];

  beforeAll(async () => {
    t = await createTestApp();
  }, 60000);
  afterAll(async () => {
    killChildren(children);
    await t?.close();
  });

  it('leaves all or none of the batch, and the retry stores each mark once', async () => {
    const ambassador = await t.as('ambassadorU1');
    const today = (await sql<{ today: string }>(t, `select ((now() at time zone 'Europe/Stockholm')::date)::text as today`))[0].today;
    const created = await ambassador.post('/api/sessions', {
      unitId: t.fixture.unitU1,
      moduleId: t.fixture.library.networkModule.id,
      date: today,
      startTime: '08:00',
      durationMinutes: 30,
      place: 'Avbruten synk',
      facilitatorIds: [t.fixture.people.ambassadorU1.id],
      activityCategory: 'workplace_learning',
      audience: 'unit_team',
    });
    expect(created.status).toBe(201);
    const sessionId = (created.body as SessionDetail).id;
    // The largest batch a client may send, so the transaction is open long enough to be killed inside it.
    const batch = {
      marks: Array.from({ length: 500 }, (_, i) => ({ id: randomUUID(), walkInName: `Drop-in ${i}`, status: 'present', recordedAt: new Date().toISOString() })),
    };

    const child = await startChildApi(t.db.url);
    children.push(child);
    const { cookie, user } = await signInOverHttp(child.base, t.fixture.people.ambassadorU1.email);
    const send = (base: string) =>
      fetch(`${base}/api/sessions/${sessionId}/attendance`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, [CSRF_HEADER]: user.csrfToken },
        body: JSON.stringify(batch),
      });

    const inFlight = send(child.base).then(
      (response) => response.status,
      () => 'connection lost' as const,
    );
    // A transaction of the child that has written (has a transaction id) and not committed: kill it now.
    const writing = await until(async () => (await writingTransactions(t)) > 0, 20000);
    child.process.kill('SIGKILL');
    expect(writing).toBe(true);
    expect(await inFlight).toBe('connection lost');

    // PostgreSQL notices the closed connection and rolls the transaction back.
    const settled = await rolledBack(t);
    expect(settled).toBe(true);
    const afterKill = (await sql<{ n: number }>(t, `select count(*)::int as n from attendance_marks where session_id = $1`, [sessionId]))[0].n;
    expect([0, 500]).toContain(afterKill);
    const receiptsAfterKill = (await sql<{ n: number }>(t, `select count(*)::int as n from attendance_mark_receipts where session_id = $1`, [sessionId]))[0].n;
    expect(receiptsAfterKill).toBe(afterKill);

    // The client retries; the load balancer sends it to a surviving process (the same session cookie works there).
    const retry = await ambassador.post(`/api/sessions/${sessionId}/attendance`, batch);
    expect(retry.status).toBe(200);
    const outcomes = new Set((retry.body as AttendanceBatchResult).results.map((result) => result.outcome));
    expect(outcomes).toEqual(new Set([afterKill === 0 ? MarkOutcome.Applied : MarkOutcome.Replayed]));
    const stored = await sql<{ id: string }>(t, `select id from attendance_marks where session_id = $1`, [sessionId]);
    expect(stored.map((row) => row.id).sort()).toEqual(batch.marks.map((mark) => mark.id).sort());
    expect((await sql<{ n: number }>(t, `select count(*)::int as n from attendance_mark_receipts where session_id = $1`, [sessionId]))[0].n).toBe(500);
  }, 120000);
});
