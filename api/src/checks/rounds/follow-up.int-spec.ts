import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { CheckAssignment, CheckKind, MyChecks } from '@kunna/contracts';
import { JobQueue, JobWorker } from '../../jobs';
import { createTestApp, SignedInClient, TestApp } from '../../test-support/test-app';
import { FOLLOW_UP_CHECK, followUpKey, RoundsService } from './rounds.service';
import { withoutMessageCodes } from '../../test-support/without-message-codes';

const DAY_MS = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS);

/**
 * The follow-up check is a job in the queue: scheduled once when the after round opens, opened for the participants
 * when due (driven here with the worker's controlled clock), and cancelled with its check or its session.
 */
jest.setTimeout(60_000);

describe('follow-up checks through the job queue (integration)', () => {
  let t: TestApp;
  let ambassador: SignedInClient;
  let staff: SignedInClient;
  let worker: JobWorker;
  let queue: JobQueue;

  const sql = async <T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> => {
    const client = new Client({ connectionString: t.db.url });
    await client.connect();
    try {
      return (await client.query(text, params)).rows as T[];
    } finally {
      await client.end();
    }
  };
  const followUpRounds = (assignmentId: string) =>
    sql<{ code: string; opens_on: string }>(`select code, opens_on::text from check_round where assignment_id = $1 and kind = 'follow_up'`, [assignmentId]);
  const job = (assignmentId: string) => t.inTenant(() => queue.find(FOLLOW_UP_CHECK, followUpKey(assignmentId)));
  const openAfter = (assignmentId: string) => ambassador.post(`/api/checks/assignments/${assignmentId}/rounds`, { kind: 'after' });
  const newAssignment = async (extra: object = {}): Promise<string> => {
    const id = randomUUID();
    const created = await ambassador.post('/api/checks/assignments', {
      id,
      unitId: t.fixture.unitU1,
      instrumentVersionId: t.fixture.checks.versionA,
      title: 'Uppföljning',
      ...extra,
    });
    expect(created.status).toBe(201);
    expect((await ambassador.post(`/api/checks/assignments/${id}/rounds`, { kind: 'before' })).status).toBe(201);
    return id;
  };

  beforeAll(async () => {
    t = await createTestApp();
    ambassador = await t.as('ambassadorU1');
    staff = await t.as('staffU1');
    worker = t.app.get(JobWorker);
    queue = t.app.get(JobQueue);
  });
  afterAll(() => t?.close());

  it('opening the after round schedules one follow-up, however often it is retried; it opens for the participants when due', async () => {
    const id = await newAssignment({ followUpWeeks: 3 });
    const first = await openAfter(id);
    expect(first.status).toBe(201);
    const retried = await openAfter(id);
    expect(retried.status).toBe(201);
    const assignment = retried.body as CheckAssignment;
    expect(assignment.rounds.map((r) => r.kind)).toEqual(['before', 'after']);
    const [{ due }] = await sql<{ due: string }>(`select (current_date + 21)::text as due`);
    expect(assignment.followUpDueOn).toBe(due);
    // Enqueueing again with the same key (a retried request, a second process) leaves the one job alone.
    const again = await t.inTenant(() =>
      queue.enqueue(FOLLOW_UP_CHECK, { assignmentId: id }, { runAt: inDays(1), uniqueKey: followUpKey(id), organisationId: t.fixture.orgA }),
    );
    expect(again.created).toBe(false);
    expect(await sql(`select 1 from pgboss.job where name = 'checks.follow-up' and singleton_key = $1`, [followUpKey(id)])).toHaveLength(1);

    // Two weeks on: not due yet, nothing opens.
    await worker.runDue({ until: inDays(14) });
    expect(await followUpRounds(id)).toEqual([]);
    expect(((await staff.get('/api/checks/me')).body as MyChecks).pending.filter((p) => p.kind === CheckKind.FollowUp)).toEqual([]);

    // Three weeks and a day on: the follow-up opens, once, and is among the person's open checks.
    await worker.runDue({ until: inDays(22) });
    await worker.runDue({ until: inDays(60) });
    const rounds = await followUpRounds(id);
    expect(rounds).toHaveLength(1);
    expect((await job(id))?.status).toBe('done');
    const mine = (await staff.get('/api/checks/me')).body as MyChecks;
    expect(mine.pending).toContainEqual({ code: rounds[0].code, title: 'Uppföljning', kind: CheckKind.FollowUp, status: null });
    const form = await staff.post(`/api/checks/answer/${rounds[0].code}`);
    expect(form.status).toBe(200);
    expect(form.body.kind).toBe(CheckKind.FollowUp);

    // A late retry of the after request neither schedules nor opens a second follow-up.
    const late = (await openAfter(id)).body as CheckAssignment;
    expect(late.rounds.map((r) => r.kind)).toEqual(['before', 'after', 'follow_up']);
    expect(late.followUpDueOn).toBeNull();
    await worker.runDue({ until: inDays(120) });
    expect(await followUpRounds(id)).toHaveLength(1);
    const audit = await sql(`select 1 from audit_log where action = 'checks.round.open' and target_id = $1 and details->>'scheduled' = 'true'`, [id]);
    expect(audit).toHaveLength(1);
  });

  it('cancelling the check cancels its follow-up and closes its rounds; cancelling again changes nothing', async () => {
    const id = await newAssignment();
    await openAfter(id);
    expect((await job(id))?.status).toBe('pending');
    const missing = await ambassador.post(`/api/checks/assignments/${id}/cancel`, {});
    expect(missing.status).toBe(400);
    expect(withoutMessageCodes(missing.body.details)).toEqual([{ field: 'reason', message: 'Skriv varför mätningen avbryts.' }]);
    const cancelled = await ambassador.post(`/api/checks/assignments/${id}/cancel`, { reason: 'Tillfället blev inte av.' });
    expect(cancelled.status).toBe(200);
    const body = cancelled.body as CheckAssignment;
    expect(body.cancelledAt).not.toBeNull();
    expect(body.followUpDueOn).toBeNull();
    expect((await job(id))?.status).toBe('cancelled');
    expect((await ambassador.post(`/api/checks/assignments/${id}/cancel`, { reason: 'Igen' })).body.cancelledAt).toBe(body.cancelledAt);
    expect((await ambassador.post(`/api/checks/assignments/${id}/rounds`, { kind: 'follow_up' })).status).toBe(409);

    await worker.runDue({ until: inDays(200) });
    expect(await followUpRounds(id)).toEqual([]);
    const afterCode = body.rounds.find((r) => r.kind === CheckKind.After)?.code;
    const mine = (await staff.get('/api/checks/me')).body as MyChecks;
    expect(mine.pending.map((p) => p.code)).not.toContain(afterCode);
    expect((await staff.post(`/api/checks/answer/${afterCode}`)).status).toBe(409);
    // Staff cannot cancel; another organisation's administrator does not find the check.
    expect((await staff.post(`/api/checks/assignments/${id}/cancel`, { reason: 'x' })).status).toBe(403);
    expect((await (await t.as('adminB')).post(`/api/checks/assignments/${id}/cancel`, { reason: 'x' })).status).toBe(404);
  });

  it('cancelling the session cancels the follow-up of its check; restoring the session schedules it again', async () => {
    const sessionId = t.fixture.sessions.sessionU1;
    const id = await newAssignment({ sessionId, followUpWeeks: 2 });
    await openAfter(id);
    const scheduled = await job(id);
    expect(scheduled?.status).toBe('pending');

    const cancel = await ambassador.patch(`/api/sessions/${sessionId}`, { cancelled: true, cancelReason: 'Sjukdom' });
    expect(cancel.status).toBe(200);
    expect((await job(id))?.status).toBe('cancelled');
    await worker.runDue({ until: inDays(30) });
    expect(await followUpRounds(id)).toEqual([]);

    const restore = await ambassador.patch(`/api/sessions/${sessionId}`, { cancelled: false });
    expect(restore.status).toBe(200);
    const rescheduled = await job(id);
    expect(rescheduled?.status).toBe('pending');
    const [{ due }] = await sql<{ due: string }>(`select (current_date + 14)::text as due`);
    expect(rescheduled?.runAt.toISOString().slice(0, 10)).toBe(due);
    await worker.runDue({ until: inDays(15) });
    expect(await followUpRounds(id)).toHaveLength(1);
  });

  it('a failing listener of the cancellation rolls back the whole request: the session and its check stay as they were', async () => {
    const sessionId = t.fixture.sessions.sessionU1;
    const id = await newAssignment({ sessionId, followUpWeeks: 2 });
    await openAfter(id);
    expect((await job(id))?.status).toBe('pending');
    const audits = () => sql(`select 1 from audit_log where action = 'session.cancelled' and target_id = $1`, [sessionId]);
    const auditsBefore = (await audits()).length;

    // The checks listener does its work (cancels the follow-up job, a write in the request's transaction), then fails.
    const rounds = t.app.get(RoundsService);
    const original = rounds.sessionsStatusChanged.bind(rounds);
    const spy = jest.spyOn(rounds, 'sessionsStatusChanged').mockImplementationOnce(async (...args) => {
      await original(...args);
      throw new Error('listener failed');
    });
    try {
      const cancel = await ambassador.patch(`/api/sessions/${sessionId}`, { cancelled: true, cancelReason: 'Sjukdom' });
      expect(cancel.status).toBe(500);
      expect(spy).toHaveBeenCalledWith([sessionId], true);
    } finally {
      spy.mockRestore();
    }
    const [row] = await sql<{ status: string; cancel_reason: string | null }>(`select status, cancel_reason from sessions where id = $1`, [sessionId]);
    expect(row).toEqual({ status: 'scheduled', cancel_reason: null });
    expect((await job(id))?.status).toBe('pending');
    expect(await audits()).toHaveLength(auditsBefore);
  });
});
