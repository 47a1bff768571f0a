import { Injectable } from '@nestjs/common';
import { MailStatus, NotificationDetails, NotificationItem, NotificationKind, OutboxMessage, OutboxMessageSummary, uiLanguageFor } from '@kunna/contracts';
import { Db } from '../database/db';

/** What reminders need to know about a session. */
export interface ReminderSession {
  id: string;
  organisationId: string;
  title: string;
  date: string;
  startTime: string;
  place: string;
  durationMinutes: number;
  startsAt: Date;
  endsAt: Date;
  status: 'scheduled' | 'cancelled';
  cancelReason: string | null;
  revision: number;
}

export interface Recipient {
  personId: string;
  email: string | null;
  language: 'sv' | 'en';
}

const OUTBOX_COLUMNS = `id, to_address as "toAddress", subject, status, created_at as "createdAt", sent_at as "sentAt"`;

/** An outbox message as selected: its times are the columns' Dates, not yet the contract's strings. */
type OutboxRow<Message extends OutboxMessageSummary> = Omit<Message, 'createdAt' | 'sentAt'> & { createdAt: Date; sentAt: Date | null };

@Injectable()
export class NotificationsRepository {
  constructor(private readonly db: Db) {}

  // --- notifications ---

  /** Inserts a notification once per person and key; null when it existed (a retried job). */
  async insertNotification(notification: {
    organisationId: string;
    personId: string;
    kind: NotificationKind;
    sessionId: string | null;
    details: NotificationDetails;
    dedupeKey: string;
  }): Promise<string | null> {
    const rows: Array<{ id: string }> = await this.db.manager.query(
      `insert into notification (organisation_id, person_id, kind, session_id, details, dedupe_key)
       values ($1, $2, $3, $4, $5::jsonb, $6)
       on conflict (person_id, dedupe_key) do nothing returning id`,
      [
        notification.organisationId,
        notification.personId,
        notification.kind,
        notification.sessionId,
        JSON.stringify(notification.details),
        notification.dedupeKey,
      ],
    );
    return rows[0]?.id ?? null;
  }

  async notificationsOf(personId: string, limit: number): Promise<NotificationItem[]> {
    const rows: Array<{ id: string; kind: NotificationKind; session_id: string | null; details: NotificationDetails; created_at: Date; read_at: Date | null }> =
      await this.db.manager.query(
        `select id, kind, session_id, details, created_at, read_at from notification where person_id = $1 order by created_at desc, id limit $2`,
        [personId, limit],
      );
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      sessionId: row.session_id,
      details: row.details,
      createdAt: row.created_at.toISOString(),
      readAt: row.read_at?.toISOString() ?? null,
    }));
  }

  async unreadCount(personId: string): Promise<number> {
    const rows: Array<{ count: number }> = await this.db.manager.query(
      `select count(*)::int as count from notification where person_id = $1 and read_at is null`,
      [personId],
    );
    return rows[0].count;
  }

  /** Marks one of the person's notifications read (again harmless); false when it is not theirs. */
  async markRead(personId: string, notificationId: string): Promise<boolean> {
    // An UPDATE answers [rows, affected count] through TypeORM's driver.
    const [, affected]: [unknown[], number] = await this.db.manager.query(
      `update notification set read_at = coalesce(read_at, now()) where id = $1 and person_id = $2`,
      [notificationId, personId],
    );
    return affected > 0;
  }

  async markAllRead(personId: string): Promise<void> {
    await this.db.manager.query(`update notification set read_at = now() where person_id = $1 and read_at is null`, [personId]);
  }

  // --- e-mail ---

  async insertMail(mail: { organisationId: string; personId: string | null; toAddress: string; subject: string; body: string }): Promise<string> {
    const rows: Array<{ id: string }> = await this.db.manager.query(
      `insert into mail_outbox (organisation_id, person_id, to_address, subject, body) values ($1, $2, $3, $4, $5) returning id`,
      [mail.organisationId, mail.personId, mail.toAddress, mail.subject, mail.body],
    );
    return rows[0].id;
  }

  /** The message with its row locked, so that two workers cannot both send it. */
  async mailForSending(mailId: string): Promise<(OutboxRow<OutboxMessage> & { organisationId: string }) | null> {
    const rows: Array<OutboxRow<OutboxMessage> & { organisationId: string }> = await this.db.manager.query(
      `select ${OUTBOX_COLUMNS}, body, message_id as "messageId", organisation_id as "organisationId" from mail_outbox where id = $1 for update`,
      [mailId],
    );
    return rows[0] ?? null;
  }

  async markMail(mailId: string, status: MailStatus.Sent | MailStatus.Held, messageId: string | null): Promise<void> {
    await this.db.manager.query(`update mail_outbox set status = $2, message_id = $3, sent_at = now() where id = $1`, [mailId, status, messageId]);
  }

  async outbox(organisationId: string, limit: number, offset: number): Promise<{ items: OutboxMessageSummary[]; total: number }> {
    const items: Array<OutboxRow<OutboxMessageSummary>> = await this.db.manager.query(
      `select ${OUTBOX_COLUMNS} from mail_outbox where organisation_id = $1 order by created_at desc, id limit $2 offset $3`,
      [organisationId, limit, offset],
    );
    const [{ total }]: Array<{ total: number }> = await this.db.manager.query(`select count(*)::int as total from mail_outbox where organisation_id = $1`, [
      organisationId,
    ]);
    return { items: items.map((item) => ({ ...item, createdAt: item.createdAt.toISOString(), sentAt: item.sentAt?.toISOString() ?? null })), total };
  }

  async outboxMessage(organisationId: string, messageId: string): Promise<OutboxMessage | null> {
    const rows: Array<OutboxRow<OutboxMessage>> = await this.db.manager.query(
      `select ${OUTBOX_COLUMNS}, body, message_id as "messageId" from mail_outbox where organisation_id = $1 and id = $2`,
      [organisationId, messageId],
    );
    const row = rows[0];
    return row ? { ...row, createdAt: row.createdAt.toISOString(), sentAt: row.sentAt?.toISOString() ?? null } : null;
  }

  // --- sessions, for reminders ---

  async session(sessionId: string): Promise<ReminderSession | null> {
    const rows: ReminderSession[] = await this.db.manager.query(
      `select s.id, s.organisation_id as "organisationId", v.title, to_char(s.date, 'YYYY-MM-DD') as date,
              to_char(s.start_time, 'HH24:MI') as "startTime", s.place, s.duration_minutes as "durationMinutes", s.starts_at as "startsAt", s.ends_at as "endsAt",
              s.status, s.cancel_reason as "cancelReason", s.revision
         from sessions s join library_module_version v on v.id = s.module_version_id
        where s.id = $1`,
      [sessionId],
    );
    return rows[0] ?? null;
  }

  /** Invited people and facilitators who can still be reached (employed, not pseudonymised or disabled). */
  async participants(sessionId: string): Promise<Recipient[]> {
    return this.recipients(
      `select person_id from session_invitees where session_id = $1
       union select person_id from session_facilitators where session_id = $1`,
      [sessionId],
    );
  }

  /**
   * Invited people marked present at the session who have not submitted (or declined) the open after round of a check
   * assigned to the session, with the round's code.
   */
  async pendingAfterCheck(sessionId: string, today: string): Promise<Array<Recipient & { code: string }>> {
    const rows: Array<{ person_id: string; email: string | null; preferred_language: string; code: string }> = await this.db.manager.query(
      `select distinct on (p.id) p.id as person_id, p.email, p.preferred_language, r.code
         from check_assignment a
         join check_round r on r.assignment_id = a.id and r.kind = 'after'
         join session_invitees i on i.session_id = a.session_id
         join attendance_marks m on m.session_id = a.session_id and m.person_id = i.person_id and m.status = 'present'
         join person p on p.id = i.person_id
        where a.session_id = $1 and r.opens_on <= $2::date and (r.closes_on is null or r.closes_on >= $2::date)
          and p.pseudonymised_at is null and p.disabled_at is null
          and not exists (select 1 from check_response c where c.round_id = r.id and c.person_id = p.id and c.status in ('submitted', 'declined'))
        order by p.id, r.code`,
      [sessionId, today],
    );
    return rows.map((row) => ({ personId: row.person_id, email: row.email, language: uiLanguageFor(row.preferred_language), code: row.code }));
  }

  async today(): Promise<string> {
    const rows: Array<{ today: string }> = await this.db.manager.query(`select to_char((now() at time zone 'Europe/Stockholm')::date, 'YYYY-MM-DD') as today`);
    return rows[0].today;
  }

  private async recipients(personIdsSql: string, params: unknown[]): Promise<Recipient[]> {
    const rows: Array<{ id: string; email: string | null; preferred_language: string }> = await this.db.manager.query(
      `select p.id, p.email, p.preferred_language from person p
        where p.id in (${personIdsSql}) and p.pseudonymised_at is null and p.disabled_at is null
        order by p.id`,
      params,
    );
    return rows.map((row) => ({ personId: row.id, email: row.email, language: uiLanguageFor(row.preferred_language) }));
  }
}
