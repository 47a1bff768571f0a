import { randomUUID } from 'node:crypto';
import { AttendanceBatchResult, MarkOutcome, SessionAttendance, SessionDetail } from '@kunna/contracts';
import { createTestApp, SignedInClient, TestApp, sql } from '../../test-support/test-app';

/** Clearing one attendance mark (DELETE /api/sessions/:sessionId/attendance/:markId) against real PostgreSQL. */
describe('attendance: clearing a mark (integration)', () => {
  let t: TestApp;
  let ambassador: SignedInClient;
  let manager: SignedInClient;
  let staff: SignedInClient;

  beforeAll(async () => {
    t = await createTestApp();
    ambassador = await t.as('ambassadorU1');
    manager = await t.as('managerU1');
    staff = await t.as('staffU1');
  }, 60000);
  afterAll(async () => {
    await t?.close();
  });

  const newSession = async (): Promise<string> => {
    const response = await ambassador.post('/api/sessions', {
      unitId: t.fixture.unitU1,
      moduleId: t.fixture.library.networkModule.id,
      date: (await sql<{ today: string }>(t, `select ((now() at time zone 'Europe/Stockholm')::date)::text as today`))[0].today,
      startTime: '09:00',
      durationMinutes: 40,
      place: `Rum ${randomUUID().slice(0, 6)}`,
      facilitatorIds: [t.fixture.people.ambassadorU1.id],
      activityCategory: 'workplace_learning',
      audience: 'unit_team',
    });
    expect(response.status).toBe(201);
    return (response.body as SessionDetail).id;
  };
  const mark = async (sessionId: string, personId: string, status: string, recordedAt = new Date().toISOString(), id = randomUUID()) => {
    const response = await ambassador.post(`/api/sessions/${sessionId}/attendance`, { marks: [{ id, personId, status, recordedAt }] });
    expect(response.status).toBe(200);
    return { id, outcome: (response.body as AttendanceBatchResult).results[0].outcome };
  };
  const statusOf = async (sessionId: string, personId: string) => {
    const response = await ambassador.get(`/api/sessions/${sessionId}/attendance`);
    return (response.body as SessionAttendance).rows.find((row) => row.person?.id === personId)?.status ?? null;
  };
  const clearedAudits = (sessionId: string) =>
    sql<{ count: number }>(t, `select count(*)::int as count from audit_log where action = 'attendance.cleared' and target_id = $1`, [sessionId]);

  it('clears the mark in force: the person is unmarked again, the receipt says cleared, one audit entry; repeating is harmless', async () => {
    const sessionId = await newSession();
    const staffId = t.fixture.people.staffU1.id;
    const { id } = await mark(sessionId, staffId, 'present');
    expect(await statusOf(sessionId, staffId)).toBe('present');

    const first = await ambassador.delete(`/api/sessions/${sessionId}/attendance/${id}`);
    expect(first.status).toBe(204);
    expect(await statusOf(sessionId, staffId)).toBeNull();
    const [receipt] = await sql<{ outcome: string; cleared_by: string; cleared_at: Date | null }>(
      t,
      `select outcome, cleared_by, cleared_at from attendance_mark_receipts where mark_id = $1`,
      [id],
    );
    expect(receipt.outcome).toBe('cleared');
    expect(receipt.cleared_by).toBe(t.fixture.people.ambassadorU1.id);
    expect(receipt.cleared_at).not.toBeNull();
    expect((await clearedAudits(sessionId))[0].count).toBe(1);

    const again = await manager.delete(`/api/sessions/${sessionId}/attendance/${id}`);
    expect(again.status).toBe(204);
    expect((await clearedAudits(sessionId))[0].count).toBe(1);
  });

  it('a mark recorded before the clearing that arrives later stays out; one made after it counts', async () => {
    const sessionId = await newSession();
    const managerId = t.fixture.people.managerU1.id;
    const start = Date.now();
    const { id } = await mark(sessionId, managerId, 'present', new Date(start - 60_000).toISOString());
    const cleared = await ambassador.delete(`/api/sessions/${sessionId}/attendance/${id}?clearedAt=${encodeURIComponent(new Date(start).toISOString())}`);
    expect(cleared.status).toBe(204);

    // A tablet that was offline syncs a mark it made before the clearing.
    const late = await mark(sessionId, managerId, 'absent', new Date(start - 30_000).toISOString());
    expect(late.outcome).toBe(MarkOutcome.Superseded);
    expect(await statusOf(sessionId, managerId)).toBeNull();

    const fresh = await mark(sessionId, managerId, 'excused', new Date(start + 1_000).toISOString());
    expect(fresh.outcome).toBe(MarkOutcome.Applied);
    expect(await statusOf(sessionId, managerId)).toBe('excused');
  });

  it('a walk-in by name can be cleared, and leaves the list', async () => {
    const sessionId = await newSession();
    const id = randomUUID();
    const response = await ambassador.post(`/api/sessions/${sessionId}/attendance`, {
      marks: [{ id, walkInName: 'Vera Vikarie', status: 'present', recordedAt: new Date().toISOString() }],
    });
    expect(response.status).toBe(200);
    expect((await ambassador.delete(`/api/sessions/${sessionId}/attendance/${id}`)).status).toBe(204);
    const list = (await ambassador.get(`/api/sessions/${sessionId}/attendance`)).body as SessionAttendance;
    expect(list.rows.some((row) => row.walkInName === 'Vera Vikarie')).toBe(false);
  });

  it('refuses to clear a mark that a newer one replaced (409 markReplaced), in the caller language', async () => {
    const sessionId = await newSession();
    const staffId = t.fixture.people.staffU1.id;
    const older = await mark(sessionId, staffId, 'present');
    const newer = await mark(sessionId, staffId, 'absent', new Date(Date.now() + 1_000).toISOString());
    expect(newer.outcome).toBe(MarkOutcome.Applied);
    expect(await statusOf(sessionId, staffId)).toBe('absent');
    const response = await ambassador.delete(`/api/sessions/${sessionId}/attendance/${older.id}`).set('Accept-Language', 'en');
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('markReplaced');
    expect(response.body.message).toBe('The mark has already been replaced by a newer one. Reload the list and try again.');
    expect(await statusOf(sessionId, staffId)).toBe('absent');
  });

  it('answers 404 for an unknown mark, a mark of another session and a malformed id; staff may not clear', async () => {
    const sessionId = await newSession();
    const otherSessionId = await newSession();
    const { id } = await mark(otherSessionId, t.fixture.people.staffU1.id, 'present');
    expect((await ambassador.delete(`/api/sessions/${sessionId}/attendance/${randomUUID()}`)).status).toBe(404);
    expect((await ambassador.delete(`/api/sessions/${sessionId}/attendance/${id}`)).status).toBe(404);
    expect((await ambassador.delete(`/api/sessions/${sessionId}/attendance/not-a-mark`)).status).toBe(404);
    expect((await staff.delete(`/api/sessions/${otherSessionId}/attendance/${id}`)).status).toBe(403);
    expect(await statusOf(otherSessionId, t.fixture.people.staffU1.id)).toBe('present');
    const bad = await ambassador.delete(`/api/sessions/${otherSessionId}/attendance/${id}?clearedAt=igår`);
    expect(bad.status).toBe(400);
  });
});
