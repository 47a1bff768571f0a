import { Inject, Injectable } from '@nestjs/common';
import { MailStatus, NotificationDetails, NotificationKind, NotificationList, OutboxMessage, OutboxMessageSummary } from '@kunna/contracts';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { defineJobKind, JobContext, JobQueue, PermanentJobError } from '../jobs';
import { notFound } from '../common/http-errors';
import { MailTransport } from './mail-transport';
import { mailText } from './mail-texts';
import { NotificationsRepository, Recipient } from './notifications.repository';

export type SendMailPayload = { mailId: string };
/** One e-mail; retried with the queue's backoff while the SMTP server is away. */
export const SEND_MAIL = defineJobKind<SendMailPayload>('mail.send', { maxAttempts: 8 });

const LIST_LIMIT = 100;

/** In-app notifications and the e-mail that goes with them (see README.md). */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly repository: NotificationsRepository,
    private readonly jobs: JobQueue,
    private readonly transport: MailTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Notifies one person, once per `dedupeKey` (a retried job changes nothing), and queues an e-mail when they have an
   * address. `path` is the page of the web app the notification leads to.
   */
  async notify(
    organisationId: string,
    recipient: Recipient,
    kind: NotificationKind,
    sessionId: string | null,
    details: NotificationDetails,
    dedupeKey: string,
    path: string,
  ): Promise<boolean> {
    const id = await this.repository.insertNotification({ organisationId, personId: recipient.personId, kind, sessionId, details, dedupeKey });
    if (!id) return false;
    if (recipient.email) {
      const text = mailText(kind, details, recipient.language, `${this.config.publicUrl}${path}`);
      const mailId = await this.repository.insertMail({ organisationId, personId: recipient.personId, toAddress: recipient.email, ...text });
      await this.jobs.enqueue(SEND_MAIL, { mailId }, { uniqueKey: `mail:${mailId}`, organisationId });
    }
    return true;
  }

  async list(personId: string): Promise<NotificationList> {
    return { items: await this.repository.notificationsOf(personId, LIST_LIMIT), unread: await this.repository.unreadCount(personId) };
  }

  async markRead(personId: string, notificationId: string): Promise<void> {
    if (!(await this.repository.markRead(personId, notificationId))) throw notFound();
  }

  markAllRead(personId: string): Promise<void> {
    return this.repository.markAllRead(personId);
  }

  outbox(organisationId: string, limit: number, offset: number): Promise<{ items: OutboxMessageSummary[]; total: number }> {
    return this.repository.outbox(organisationId, limit, offset);
  }

  async outboxMessage(organisationId: string, messageId: string): Promise<OutboxMessage> {
    const message = await this.repository.outboxMessage(organisationId, messageId);
    if (!message) throw notFound();
    return message;
  }

  /**
   * The mail job. The row is locked and its status checked first, so a message is handed over once; only if the
   * process dies between the SMTP server's answer and the commit can it go out twice.
   */
  async sendMail(payload: SendMailPayload, _context: JobContext): Promise<void> {
    const mail = await this.repository.mailForSending(payload.mailId);
    if (!mail) throw new PermanentJobError(`mail ${payload.mailId} does not exist`);
    if (mail.status !== MailStatus.Pending) return;
    if (!this.transport.configured) {
      await this.repository.markMail(mail.id, MailStatus.Held, null);
      return;
    }
    const messageId = await this.transport.send({ to: mail.toAddress, subject: mail.subject, text: mail.body });
    await this.repository.markMail(mail.id, MailStatus.Sent, messageId);
  }
}
