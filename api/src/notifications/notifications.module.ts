import { Module, OnModuleInit } from '@nestjs/common';
import { JobRegistry } from '../jobs';
import { MailTransport } from './mail-transport';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService, SEND_MAIL } from './notifications.service';
import { AFTER_CHECK_PENDING, SESSION_CANCELLED, SESSION_TOMORROW, SessionReminders } from './session-reminders';

/** In-app notifications, session reminders through the job queue, and e-mail (SMTP or the local outbox). */
@Module({
  controllers: [NotificationsController],
  providers: [NotificationsRepository, NotificationsService, MailTransport, SessionReminders],
  exports: [SessionReminders],
})
export class NotificationsModule implements OnModuleInit {
  constructor(
    private readonly registry: JobRegistry,
    private readonly notifications: NotificationsService,
    private readonly reminders: SessionReminders,
  ) {}

  onModuleInit(): void {
    this.registry.register(SEND_MAIL, (payload, context) => this.notifications.sendMail(payload, context));
    this.registry.register(SESSION_TOMORROW, (payload, context) => this.reminders.remindTomorrow(payload, context));
    this.registry.register(SESSION_CANCELLED, (payload) => this.reminders.noticeCancelled(payload));
    this.registry.register(AFTER_CHECK_PENDING, (payload) => this.reminders.remindAfterCheck(payload));
  }
}
