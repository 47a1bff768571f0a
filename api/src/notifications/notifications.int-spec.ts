import { randomUUID } from 'node:crypto';
import { createServer, Server, Socket } from 'node:net';
import { Client } from 'pg';
import { MailStatus, NotificationKind, NotificationList, OutboxMessage, OutboxMessageSummary, SessionDetail } from '@kunna/contracts';
import { JobQueue, JobWorker } from '../jobs';
import { localDay } from '../test-support/local-day';
import { createTestApp, TestApp } from '../test-support/test-app';
import { SEND_MAIL } from './notifications.service';
import { AFTER_CHECK_PENDING, SESSION_CANCELLED, SESSION_TOMORROW, SessionReminders } from './session-reminders';

const HOUR = 3600 * 1000;

describe('reminders, notifications and e-mail (api/src/notifications)', () => {
  let t: TestApp;
  let sql: Client;
  let queue: JobQueue;
  let worker: JobWorker;

  beforeAll(async () => {
    t = await createTestApp();
    sql = new Client({ connectionString: t.db.url });
    await sql.connect();
    queue = t.app.get(JobQueue);
    worker = t.app.get(JobWorker);
  });
  afterAll(async () => {
    await sql?.end();
    await t?.close();
  });

  const inDays = localDay;

  async function schedule(date: string): Promise<SessionDetail> {
    const ambassador = await t.as('ambassadorU1');
    const response = await ambassador.post('/api/sessions', {
      unitId: t.fixture.unitU1,
      moduleId: t.fixture.library.networkModule.id,
      date,
      startTime: '09:00',
      durationMinutes: 40,
      place: `Rum ${randomUUID().slice(0, 8)}`,
      facilitatorIds: [t.fixture.people.ambassadorU1.id],
      activityCategory: 'workplace_learning',
      audience: 'unit_team',
    });
    expect(response.status).toBe(201);
    return response.body as SessionDetail;
  }

  const notificationsOf = async (personId: string, sessionId: string) =>
    (await sql.query(`select kind, details from notification where person_id = $1 and session_id = $2 order by created_at`, [personId, sessionId]))
      .rows as Array<{
      kind: NotificationKind;
      details: Record<string, string>;
    }>;

  it('"session tomorrow" is due a day before, follows a move, and notifies in the app and by e-mail once', async () => {
    const session = await schedule(inDays(3));
    const key = `session:${session.id}:tomorrow`;
    const job = await queue.find(SESSION_TOMORROW, key);
    expect(job?.status).toBe('pending');
    expect(job?.runAt.getTime()).toBe(new Date(session.startsAt).getTime() - 24 * HOUR);

    // Moved a day later: the same job, due a day later (replaced, not a second one).
    const ambassador = await t.as('ambassadorU1');
    const moved = (await ambassador.patch(`/api/sessions/${session.id}`, { date: inDays(4) })).body as SessionDetail;
    const replaced = await queue.find(SESSION_TOMORROW, key);
    expect(replaced?.id).toBe(job?.id);
    expect(replaced?.runAt.getTime()).toBe(new Date(moved.startsAt).getTime() - 24 * HOUR);
    // A change of the note alone leaves it be.
    await ambassador.patch(`/api/sessions/${session.id}`, { note: 'Ta med surfplattan' });
    expect((await queue.find(SESSION_TOMORROW, key))?.runAt.getTime()).toBe(replaced?.runAt.getTime());

    // Nothing before it is due.
    await worker.runDue({ until: new Date(new Date(moved.startsAt).getTime() - 25 * HOUR) });
    expect(await notificationsOf(t.fixture.people.staffU1.id, session.id)).toEqual([]);

    await worker.runDue({ until: new Date(new Date(moved.startsAt).getTime() - 23 * HOUR) });
    const staffNotes = await notificationsOf(t.fixture.people.staffU1.id, session.id);
    expect(staffNotes).toEqual([
      { kind: NotificationKind.SessionTomorrow, details: expect.objectContaining({ date: moved.date, startTime: '09:00', place: moved.place }) },
    ]);
    // The facilitator hears of it too; organisation B's people never.
    expect(await notificationsOf(t.fixture.people.ambassadorU1.id, session.id)).toHaveLength(1);
    const crossing = await sql.query(
      `select count(*)::int as n from notification n join person p on p.id = n.person_id where n.session_id = $1 and p.organisation_id <> $2`,
      [session.id, t.fixture.orgA],
    );
    expect(crossing.rows[0].n).toBe(0);

    // The e-mail went through its own job: without SMTP it is held in the outbox.
    const mails = await sql.query(`select to_address, subject, status, sent_at from mail_outbox where person_id = $1 and subject like $2`, [
      t.fixture.people.staffU1.id,
      `%${moved.date}%`,
    ]);
    expect(mails.rows).toEqual([
      { to_address: t.fixture.people.staffU1.email, subject: expect.stringContaining('Påminnelse'), status: MailStatus.Held, sent_at: expect.any(Date) },
    ]);

    // Running the job again (a retry after a lost commit) adds nothing.
    const again = await t.inTenant(() =>
      t.app.get(SessionReminders).remindTomorrow({ sessionId: session.id }, { runAt: new Date(new Date(moved.startsAt).getTime() - 24 * HOUR) } as never),
    );
    expect(again).toBeUndefined();
    expect(await notificationsOf(t.fixture.people.staffU1.id, session.id)).toHaveLength(1);

    // The person reads their notifications and marks them read; nobody else can.
    const staff = await t.as('staffU1');
    const list = (await staff.get('/api/notifications')).body as NotificationList;
    const mine = list.items.find((item) => item.sessionId === session.id);
    expect(mine?.kind).toBe(NotificationKind.SessionTomorrow);
    expect(list.unread).toBeGreaterThanOrEqual(1);
    const other = await t.as('managerU1');
    expect((await other.post(`/api/notifications/${mine?.id}/read`)).status).toBe(404);
    expect((await staff.post(`/api/notifications/${mine?.id}/read`)).status).toBe(204);
    expect((await staff.post(`/api/notifications/${mine?.id}/read`)).status).toBe(204);
    expect((await staff.post('/api/notifications/not-a-uuid/read')).status).toBe(404);
    const afterRead = (await staff.get('/api/notifications')).body as NotificationList;
    expect(afterRead.items.find((item) => item.id === mine?.id)?.readAt).not.toBeNull();
    expect((await staff.post('/api/notifications/read-all')).status).toBe(204);
    expect(((await staff.get('/api/notifications')).body as NotificationList).unread).toBe(0);
  });

  it('cancelling cancels the reminders and tells everyone at once; the admin reads the e-mail in the outbox', async () => {
    const session = await schedule(inDays(5));
    const ambassador = await t.as('ambassadorU1');
    const cancelled = await ambassador.patch(`/api/sessions/${session.id}`, { cancelled: true, cancelReason: 'Personalbrist' });
    expect(cancelled.status).toBe(200);
    expect((await queue.find(SESSION_TOMORROW, `session:${session.id}:tomorrow`))?.status).toBe('cancelled');
    expect((await queue.find(AFTER_CHECK_PENDING, `session:${session.id}:after-check`))?.status).toBe('cancelled');
    expect((await queue.find(SESSION_CANCELLED, `session:${session.id}:cancelled:1`))?.status).toBe('pending');

    await worker.runDue();
    expect(await notificationsOf(t.fixture.people.staffU1.id, session.id)).toEqual([
      { kind: NotificationKind.SessionCancelled, details: expect.objectContaining({ cancelReason: 'Personalbrist' }) },
    ]);
    // Even far later, no "tomorrow" reminder comes for it.
    await worker.runDue({ until: new Date(Date.now() + 30 * 24 * HOUR) });
    expect(await notificationsOf(t.fixture.people.staffU1.id, session.id)).toHaveLength(1);

    const admin = await t.as('adminA');
    const outbox = await admin.get('/api/mail-outbox');
    expect(outbox.status).toBe(200);
    const summary = (outbox.body as OutboxMessageSummary[]).find(
      (mail) => mail.toAddress === t.fixture.people.staffU1.email && mail.subject.startsWith('Inställt'),
    );
    expect(summary?.status).toBe(MailStatus.Held);
    const one = await admin.get(`/api/mail-outbox/${summary?.id}`);
    expect(one.status).toBe(200);
    expect((one.body as OutboxMessage).body).toContain('Personalbrist');
    // Organisation B's admin sees none of it, and not the message by its id.
    const adminB = await t.as('adminB');
    expect(((await adminB.get('/api/mail-outbox')).body as OutboxMessageSummary[]).some((mail) => mail.id === summary?.id)).toBe(false);
    expect((await adminB.get(`/api/mail-outbox/${summary?.id}`)).status).toBe(404);
    expect((await (await t.as('managerU1')).get('/api/mail-outbox')).status).toBe(403);
  });

  it('"answer the after check" goes to invited people marked present who have not answered the open after round', async () => {
    const sessionId = t.fixture.sessions.sessionU1;
    const { staffU1, ambassadorU1, managerU1 } = t.fixture.people;
    await sql.query(`update check_assignment set session_id = $1 where id = $2`, [sessionId, t.fixture.checks.assignmentU1]);
    const round = await sql.query(
      `insert into check_round (organisation_id, assignment_id, kind, code, opens_on) values ($1, $2, 'after', 'AFTERU1XY', current_date) returning id`,
      [t.fixture.orgA, t.fixture.checks.assignmentU1],
    );
    const recordedAt = new Date().toISOString();
    const ambassador = await t.as('ambassadorU1');
    const marks = await ambassador.post(`/api/sessions/${sessionId}/attendance`, {
      marks: [
        { id: randomUUID(), personId: staffU1.id, status: 'present', recordedAt },
        { id: randomUUID(), personId: ambassadorU1.id, status: 'present', recordedAt },
        { id: randomUUID(), personId: managerU1.id, status: 'absent', recordedAt },
      ],
    });
    expect(marks.status).toBe(200);
    // The ambassador has answered already.
    await sql.query(
      `insert into check_response (id, organisation_id, round_id, person_id, status, form, via, finished_at) values ($1, $2, $3, $4, 'submitted', 'A', 'link', now())`,
      [randomUUID(), t.fixture.orgA, round.rows[0].id, ambassadorU1.id],
    );

    await t.inTenant(() => t.app.get(SessionReminders).scheduled(sessionId));
    const job = await queue.find(AFTER_CHECK_PENDING, `session:${sessionId}:after-check`);
    const ends = await sql.query(`select ends_at from sessions where id = $1`, [sessionId]);
    // Two hours after the end (for attendance to be recorded), or at once when that has passed.
    const due = (ends.rows[0].ends_at as Date).getTime() + 2 * HOUR;
    if (due > Date.now()) expect(job?.runAt.getTime()).toBe(due);
    else expect(job?.runAt.getTime()).toBeLessThanOrEqual(Date.now());
    await worker.runDue({ until: new Date((ends.rows[0].ends_at as Date).getTime() + 3 * HOUR) });

    const after = async (personId: string) => (await notificationsOf(personId, sessionId)).filter((note) => note.kind === NotificationKind.AfterCheckPending);
    expect(await after(staffU1.id)).toEqual([{ kind: NotificationKind.AfterCheckPending, details: expect.objectContaining({ checkCode: 'AFTERU1XY' }) }]);
    expect(await after(ambassadorU1.id)).toEqual([]);
    expect(await after(managerU1.id)).toEqual([]);
    const mail = await sql.query(`select body from mail_outbox where person_id = $1 and subject like 'Svara%'`, [staffU1.id]);
    expect(mail.rows[0].body).toContain('/m/AFTERU1XY');
  });

  describe('with an SMTP server', () => {
    let smtp: FakeSmtp;
    let withSmtp: TestApp;
    let down: TestApp;

    beforeAll(async () => {
      smtp = await FakeSmtp.start();
      withSmtp = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: 'Kunna <kunna@test.example>' });
      // Port 9 (discard) is closed on test machines: the connection is refused at once.
      down = await createTestApp({ SMTP_URL: 'smtp://127.0.0.1:9' });
    });
    afterAll(async () => {
      await withSmtp?.close();
      await down?.close();
      await smtp?.stop();
    });

    async function cancelOne(app: TestApp): Promise<string> {
      const ambassador = await app.as('ambassadorU1');
      const id = app.fixture.sessions.sessionU1;
      // The fixture's session is today at 14:00: a week ahead, so that it has not ended whenever the test runs
      // (a cancelled session that has ended notifies nobody).
      const owner = new Client({ connectionString: app.db.url });
      await owner.connect();
      try {
        await owner.query(
          `update sessions set date = date + 7, starts_at = starts_at + interval '7 days', ends_at = ends_at + interval '7 days' where id = $1`,
          [id],
        );
      } finally {
        await owner.end();
      }
      expect((await ambassador.patch(`/api/sessions/${id}`, { cancelled: true, cancelReason: 'Stormen' })).status).toBe(200);
      return id;
    }

    it('sends the mail over SMTP and records the message id', async () => {
      await cancelOne(withSmtp);
      await withSmtp.app.get(JobWorker).runDue();
      const owner = new Client({ connectionString: withSmtp.db.url });
      await owner.connect();
      try {
        const rows = (
          await owner.query(`select to_address, status, message_id from mail_outbox where to_address = $1`, [withSmtp.fixture.people.staffU1.email])
        ).rows;
        expect(rows).toEqual([{ to_address: withSmtp.fixture.people.staffU1.email, status: MailStatus.Sent, message_id: expect.stringMatching(/@/) }]);
      } finally {
        await owner.end();
      }
      const received = smtp.messages.find((message) => message.to.some((line) => line.includes(withSmtp.fixture.people.staffU1.email)));
      expect(received?.from).toContain('kunna@test.example');
      expect(received?.data).toContain('Stormen');
    });

    it('retries with backoff while the SMTP server cannot be reached, the mail staying pending', async () => {
      await cancelOne(down);
      const worker = down.app.get(JobWorker);
      await worker.runDue();
      const owner = new Client({ connectionString: down.db.url });
      await owner.connect();
      try {
        const mail = (await owner.query(`select id, status from mail_outbox where to_address = $1`, [down.fixture.people.staffU1.email])).rows[0] as {
          id: string;
          status: string;
        };
        expect(mail.status).toBe(MailStatus.Pending);
        const job = await down.app.get(JobQueue).find(SEND_MAIL, `mail:${mail.id}`);
        expect(job?.status).toBe('pending');
        expect(job?.attempts).toBe(1);
        expect(job?.lastError).toMatch(/ECONNREFUSED|connect/i);
        expect(job?.runAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
      } finally {
        await owner.end();
      }
    });
  });
});

/** Just enough of an SMTP server (RFC 5321, no TLS, no auth) to receive what nodemailer sends. */
class FakeSmtp {
  private constructor(
    private readonly server: Server,
    readonly port: number,
    readonly messages: Array<{ from: string; to: string[]; data: string }>,
  ) {}

  static async start(): Promise<FakeSmtp> {
    const messages: FakeSmtp['messages'] = [];
    const server = createServer((socket: Socket) => {
      let buffer = '';
      let inData = false;
      let current = { from: '', to: [] as string[], data: '' };
      socket.write('220 fake ESMTP\r\n');
      socket.on('data', (chunk) => {
        buffer += chunk.toString('utf8');
        let index: number;
        while ((index = buffer.indexOf('\r\n')) >= 0) {
          const line = buffer.slice(0, index);
          buffer = buffer.slice(index + 2);
          if (inData) {
            if (line === '.') {
              inData = false;
              messages.push(current);
              current = { from: '', to: [], data: '' };
              socket.write('250 2.0.0 queued\r\n');
            } else current.data += line + '\n';
            continue;
          }
          const verb = line.slice(0, 4).toUpperCase();
          if (verb === 'EHLO' || verb === 'HELO') socket.write('250 fake\r\n');
          else if (verb === 'MAIL') {
            current.from = line;
            socket.write('250 ok\r\n');
          } else if (verb === 'RCPT') {
            current.to.push(line);
            socket.write('250 ok\r\n');
          } else if (verb === 'DATA') {
            inData = true;
            socket.write('354 go ahead\r\n');
          } else if (verb === 'QUIT') socket.end('221 bye\r\n');
          else socket.write('250 ok\r\n');
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    return new FakeSmtp(server, typeof address === 'object' && address ? address.port : 0, messages);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
