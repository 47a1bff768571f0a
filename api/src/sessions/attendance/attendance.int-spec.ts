import { randomUUID } from 'node:crypto';
import { AttendanceBatchResult, AttendanceStatus, MarkOutcome, SessionAttendance, SessionDetail } from '@kunna/contracts';
import { createTestApp, SignedInClient, TestApp, sql } from '../../test-support/test-app';
import { withoutMessageCodes } from '../../test-support/without-message-codes';

/**
 * Attendance marks against real PostgreSQL. Fixture: session U1 today 14:00–14:30 inviting U1's team (staffU1,
 * ambassadorU1, managerU1), led by ambassadorU1.
 */
describe('attendance (integration)', () => {
  let t: TestApp;
  let ambassador: SignedInClient;
  let manager: SignedInClient;

  beforeAll(async () => {
    t = await createTestApp();
    ambassador = await t.as('ambassadorU1');
    manager = await t.as('managerU1');
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
  const marksIn = (sessionId: string) =>
    sql<{ id: string; person_id: string | null; walk_in_name: string | null; status: string; minutes: number | null; walk_in: boolean }>(
      t,
      `select id, person_id, walk_in_name, status, minutes, walk_in from attendance_marks where session_id = $1 order by person_id nulls last`,
      [sessionId],
    );

  it('lists the unit team as invited, unmarked', async () => {
    const response = await ambassador.get(`/api/sessions/${t.fixture.sessions.sessionU1}/attendance`);
    expect(response.status).toBe(200);
    const attendance = response.body as SessionAttendance;
    expect(attendance.rows.map((row) => row.person?.id).sort()).toEqual(
      [t.fixture.people.staffU1.id, t.fixture.people.ambassadorU1.id, t.fixture.people.managerU1.id].sort(),
    );
    expect(attendance.rows.every((row) => row.status === null && !row.walkIn)).toBe(true);
  });

  it('replaying the same batch twice at the same time stores every mark once', async () => {
    const sessionId = await newSession();
    const batch = {
      marks: [
        { id: randomUUID(), personId: t.fixture.people.staffU1.id, status: 'present', recordedAt: new Date().toISOString() },
        { id: randomUUID(), personId: t.fixture.people.managerU1.id, status: 'partial', minutes: 25, recordedAt: new Date().toISOString() },
        // A substitute from U2 and someone without a record: walk-ins.
        { id: randomUUID(), personId: t.fixture.people.staffU2.id, status: 'present', recordedAt: new Date().toISOString() },
        { id: randomUUID(), walkInName: 'Vikarie Vera', status: 'present', recordedAt: new Date().toISOString() },
      ],
    };
    const [first, second] = await Promise.all([
      ambassador.post(`/api/sessions/${sessionId}/attendance`, batch),
      ambassador.post(`/api/sessions/${sessionId}/attendance`, batch),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    // Each mark was applied by exactly one of the two requests and recognised as a replay by the other.
    for (const mark of batch.marks) {
      const outcomes = [first, second].map((response) => (response.body as AttendanceBatchResult).results.find((r) => r.id === mark.id)?.outcome).sort();
      expect(outcomes).toEqual([MarkOutcome.Applied, MarkOutcome.Replayed]);
    }
    const stored = await marksIn(sessionId);
    expect(stored).toHaveLength(4);
    expect(stored.map((mark) => mark.id).sort()).toEqual(batch.marks.map((mark) => mark.id).sort());
    const receipts = await sql<{ count: number }>(t, `select count(*)::int as count from attendance_mark_receipts where session_id = $1`, [sessionId]);
    expect(receipts[0].count).toBe(4);

    // A third replay, later, changes nothing either.
    const third = await ambassador.post(`/api/sessions/${sessionId}/attendance`, batch);
    expect((third.body as AttendanceBatchResult).results.every((r) => r.outcome === MarkOutcome.Replayed)).toBe(true);
    expect(await marksIn(sessionId)).toEqual(stored);

    const attendance = (third.body as AttendanceBatchResult).attendance;
    const byName = new Map(attendance.rows.map((row) => [row.person?.id ?? row.walkInName, row]));
    expect(byName.get(t.fixture.people.staffU2.id)?.walkIn).toBe(true);
    expect(byName.get('Vikarie Vera')?.walkIn).toBe(true);
    expect(byName.get(t.fixture.people.staffU1.id)?.walkIn).toBe(false);
    expect(byName.get(t.fixture.people.managerU1.id)).toMatchObject({ status: 'partial', minutes: 25 });
    // ambassadorU1 is invited and not marked.
    expect(byName.get(t.fixture.people.ambassadorU1.id)?.status).toBeNull();
  });

  it('one batch with several marks for a person, a walk-in marked twice and a repeated mark id keeps the latest of each, once', async () => {
    const sessionId = await newSession();
    const { staffU1, managerU1, ambassadorU1 } = t.fixture.people;
    // The manager already has a newer mark (another tablet): the batch's older one for them is superseded.
    const newer = { id: randomUUID(), personId: managerU1.id, status: 'present', recordedAt: '2026-01-01T10:00:00.000Z' };
    expect((await ambassador.post(`/api/sessions/${sessionId}/attendance`, { marks: [newer] })).status).toBe(200);

    const s1 = { id: randomUUID(), personId: staffU1.id, status: 'absent', recordedAt: '2026-01-01T09:00:00.000Z' };
    const s2 = { id: randomUUID(), personId: staffU1.id, status: 'present', recordedAt: '2026-01-01T09:02:00.000Z' };
    const s3 = { id: randomUUID(), personId: staffU1.id, status: 'excused', recordedAt: '2026-01-01T09:01:00.000Z' };
    const older = { id: randomUUID(), personId: managerU1.id, status: 'absent', recordedAt: '2026-01-01T09:30:00.000Z' };
    const self = { id: randomUUID(), personId: ambassadorU1.id, status: 'present', recordedAt: '2026-01-01T09:00:00.000Z' };
    const w1 = { id: randomUUID(), walkInName: 'Vikarie Vera', status: 'present', recordedAt: '2026-01-01T09:00:00.000Z' };
    const w2 = { id: randomUUID(), walkInName: 'vikarie vera', status: 'partial', minutes: 20, recordedAt: '2026-01-01T09:05:00.000Z' };
    const batch = [s3, w2, older, s1, self, w1, s2, self];
    const response = await ambassador.post(`/api/sessions/${sessionId}/attendance`, { marks: batch });
    expect(response.status).toBe(200);
    const results = (response.body as AttendanceBatchResult).results;
    expect(results.map((r) => r.id)).toEqual(batch.map((m) => m.id));
    expect(results[2].outcome).toBe(MarkOutcome.Superseded);
    expect(results[4].outcome).toBe(MarkOutcome.Applied);
    expect(results[7].outcome).toBe(MarkOutcome.Replayed);
    expect(results[6].outcome).toBe(MarkOutcome.Applied);

    const stored = await marksIn(sessionId);
    const byParticipant = new Map(stored.map((mark) => [mark.person_id ?? mark.walk_in_name?.toLowerCase(), mark]));
    expect(stored).toHaveLength(4);
    expect(byParticipant.get(staffU1.id)).toMatchObject({ id: s2.id, status: 'present' });
    expect(byParticipant.get(managerU1.id)).toMatchObject({ id: newer.id, status: 'present' });
    expect(byParticipant.get(ambassadorU1.id)).toMatchObject({ id: self.id, status: 'present' });
    expect(byParticipant.get('vikarie vera')).toMatchObject({ id: w2.id, status: 'partial', minutes: 20, walk_in: true });

    // Every mark id once among the receipts, and each receipt's outcome is the one answered.
    const receipts = await sql<{ mark_id: string; outcome: string }>(t, `select mark_id, outcome from attendance_mark_receipts where session_id = $1`, [
      sessionId,
    ]);
    expect(receipts.map((r) => r.mark_id).sort()).toEqual([...new Set([newer, ...batch].map((m) => m.id))].sort());
    for (const [index, result] of results.entries()) {
      if (index === 7) continue;
      const receipt = receipts.find((r) => r.mark_id === result.id);
      expect(receipt?.outcome).toBe(result.outcome === MarkOutcome.Superseded ? 'superseded' : 'applied');
    }
  });

  it('two ambassadors marking the same person: the mark made last on its device wins, whatever order they arrive in', async () => {
    const sessionId = await newSession();
    const person = t.fixture.people.staffU1.id;
    const earlier = { id: randomUUID(), personId: person, status: 'absent', recordedAt: '2026-01-01T09:05:00.000Z' };
    const later = { id: randomUUID(), personId: person, status: 'present', recordedAt: '2026-01-01T09:06:00.000Z' };
    // The later mark arrives first (the other tablet was offline).
    const a = await manager.post(`/api/sessions/${sessionId}/attendance`, { marks: [later] });
    expect((a.body as AttendanceBatchResult).results[0].outcome).toBe(MarkOutcome.Applied);
    const b = await ambassador.post(`/api/sessions/${sessionId}/attendance`, { marks: [earlier] });
    expect((b.body as AttendanceBatchResult).results[0].outcome).toBe(MarkOutcome.Superseded);
    let stored = await marksIn(sessionId);
    expect(stored).toEqual([expect.objectContaining({ id: later.id, person_id: person, status: 'present' })]);

    // The same instant on both devices: the larger mark id wins, again whatever the order.
    const [low, high] = [randomUUID(), randomUUID()].sort();
    const at = '2026-01-01T09:10:00.000Z';
    await ambassador.post(`/api/sessions/${sessionId}/attendance`, { marks: [{ id: high, personId: person, status: 'excused', recordedAt: at }] });
    const tie = await manager.post(`/api/sessions/${sessionId}/attendance`, { marks: [{ id: low, personId: person, status: 'absent', recordedAt: at }] });
    expect((tie.body as AttendanceBatchResult).results[0].outcome).toBe(MarkOutcome.Superseded);
    stored = await marksIn(sessionId);
    expect(stored).toEqual([expect.objectContaining({ id: high, status: 'excused' })]);

    // Concurrent marks by both for the same person: one row, the later one.
    const person2 = t.fixture.people.managerU1.id;
    const m1 = { id: randomUUID(), personId: person2, status: 'present', recordedAt: '2026-01-01T09:20:00.000Z' };
    const m2 = { id: randomUUID(), personId: person2, status: 'absent', recordedAt: '2026-01-01T09:21:00.000Z' };
    await Promise.all([
      ambassador.post(`/api/sessions/${sessionId}/attendance`, { marks: [m1] }),
      manager.post(`/api/sessions/${sessionId}/attendance`, { marks: [m2] }),
    ]);
    const rows = (await marksIn(sessionId)).filter((row) => row.person_id === person2);
    expect(rows).toEqual([expect.objectContaining({ id: m2.id, status: 'absent' })]);
  });

  it('a device clock far ahead does not win every later correction', async () => {
    const sessionId = await newSession();
    const person = t.fixture.people.staffU1.id;
    const future = new Date(Date.now() + 24 * 3600 * 1000).toISOString();
    await ambassador.post(`/api/sessions/${sessionId}/attendance`, { marks: [{ id: randomUUID(), personId: person, status: 'absent', recordedAt: future }] });
    // Recorded as received: a correction made a little later wins.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const correction = { id: randomUUID(), personId: person, status: 'present', recordedAt: new Date(Date.now() + 3 * 60 * 1000).toISOString() };
    const response = await manager.post(`/api/sessions/${sessionId}/attendance`, { marks: [correction] });
    expect((response.body as AttendanceBatchResult).results[0].outcome).toBe(MarkOutcome.Applied);
  });

  it('names the field of a bad mark, and refuses reusing a mark id for someone else', async () => {
    const sessionId = await newSession();
    const partial = await ambassador.post(`/api/sessions/${sessionId}/attendance`, {
      marks: [{ id: randomUUID(), personId: t.fixture.people.staffU1.id, status: 'partial', recordedAt: new Date().toISOString() }],
    });
    expect(partial.status).toBe(400);
    expect(withoutMessageCodes(partial.body.details)).toEqual([expect.objectContaining({ field: 'marks.0.minutes' })]);

    const tooLong = await ambassador.post(`/api/sessions/${sessionId}/attendance`, {
      marks: [{ id: randomUUID(), personId: t.fixture.people.staffU1.id, status: 'partial', minutes: 41, recordedAt: new Date().toISOString() }],
    });
    expect(withoutMessageCodes(tooLong.body.details)).toEqual([expect.objectContaining({ field: 'marks.0.minutes' })]);

    const both = await ambassador.post(`/api/sessions/${sessionId}/attendance`, {
      marks: [{ id: randomUUID(), personId: t.fixture.people.staffU1.id, walkInName: 'X', status: 'present', recordedAt: new Date().toISOString() }],
    });
    expect(withoutMessageCodes(both.body.details)).toEqual([expect.objectContaining({ field: 'marks.0.personId' })]);

    // Organisation B's person does not exist here.
    const other = await ambassador.post(`/api/sessions/${sessionId}/attendance`, {
      marks: [{ id: randomUUID(), personId: t.fixture.people.staffU4.id, status: 'present', recordedAt: new Date().toISOString() }],
    });
    expect(other.status).toBe(400);
    expect(withoutMessageCodes(other.body.details)).toEqual([{ field: 'marks.0.personId', message: 'Personen finns inte.' }]);

    const id = randomUUID();
    await ambassador.post(`/api/sessions/${sessionId}/attendance`, {
      marks: [{ id, personId: t.fixture.people.staffU1.id, status: 'present', recordedAt: new Date().toISOString() }],
    });
    const reused = await ambassador.post(`/api/sessions/${sessionId}/attendance`, {
      marks: [{ id, personId: t.fixture.people.managerU1.id, status: 'present', recordedAt: new Date().toISOString() }],
    });
    expect(reused.status).toBe(400);
    expect(withoutMessageCodes(reused.body.details)).toEqual([expect.objectContaining({ field: 'marks.0.id' })]);
    expect(await marksIn(sessionId)).toHaveLength(1);
  });

  it('refuses marks for a cancelled session and for one that has not started', async () => {
    const sessionId = await newSession();
    const cancel = await ambassador.patch(`/api/sessions/${sessionId}`, { cancelled: true, cancelReason: 'Personalbrist' });
    expect(cancel.status).toBe(200);
    const response = await ambassador.post(`/api/sessions/${sessionId}/attendance`, {
      marks: [{ id: randomUUID(), personId: t.fixture.people.staffU1.id, status: AttendanceStatus.Present, recordedAt: new Date().toISOString() }],
    });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('cancelled');

    // The fixture series starts in a week.
    const nextWeek = await firstOfSeries(t, t.fixture.sessions.seriesU1);
    const future = await ambassador.post(`/api/sessions/${nextWeek}/attendance`, {
      marks: [{ id: randomUUID(), personId: t.fixture.people.staffU1.id, status: AttendanceStatus.Present, recordedAt: new Date().toISOString() }],
    });
    expect(future.status).toBe(409);
    expect(future.body.code).toBe('not_started');
  });

  it('finds walk-ins by employee number or name within the organisation only', async () => {
    const staffU2 = t.fixture.people.staffU2;
    // Fixture numbers (T8) are shorter than a search: give this one a longer number for the test.
    const exact = await sql<{ id: string }>(t, `update person set employee_number = 'WALK-IN-77' where id = $1 returning id`, [staffU2.id]);
    expect(exact).toHaveLength(1);
    const found = await ambassador.get(`/api/sessions/${t.fixture.sessions.sessionU1}/walk-in-candidates?q=walk-in-77`);
    expect(found.body[0]).toEqual({ id: staffU2.id, name: 'staffU2 Testsson', unitNames: ['Enhet U2'] });
    await sql(t, `update person set employee_number = $2 where id = $1`, [staffU2.id, staffU2.employeeNumber]);
    const byName = await ambassador.get(`/api/sessions/${t.fixture.sessions.sessionU1}/walk-in-candidates?q=staffU`);
    const ids = (byName.body as Array<{ id: string }>).map((row) => row.id);
    expect(ids).toEqual(expect.arrayContaining([t.fixture.people.staffU1.id, t.fixture.people.staffU2.id, t.fixture.people.staffU3.id]));
    expect(ids).not.toContain(t.fixture.people.staffU4.id);
  });
  it('walk-in search gives names and units only, never employee numbers, and needs at least 3 characters', async () => {
    const path = `/api/sessions/${t.fixture.sessions.sessionU1}/walk-in-candidates`;
    const byName = await ambassador.get(`${path}?q=staffU`);
    expect(byName.status).toBe(200);
    expect(byName.body.length).toBeGreaterThanOrEqual(3);
    for (const row of byName.body as Array<Record<string, unknown>>) expect(Object.keys(row).sort()).toEqual(['id', 'name', 'unitNames']);
    expect(JSON.stringify(byName.body)).not.toContain(`"${t.fixture.people.staffU3.employeeNumber}"`);
    for (const q of ['s', 'st', ' st ']) {
      const short = await ambassador.get(path).query({ q });
      expect(short.status).toBe(400);
      expect(withoutMessageCodes(short.body.details)).toEqual([{ field: 'q', message: 'Skriv minst 3 tecken.' }]);
    }
  });
});

async function firstOfSeries(t: TestApp, seriesId: string): Promise<string> {
  const rows = await sql<{ id: string }>(t, `select id from sessions where series_id = $1 and series_position = 1`, [seriesId]);
  return rows[0].id;
}
