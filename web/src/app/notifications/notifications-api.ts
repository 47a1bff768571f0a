import { Injectable, inject, signal } from '@angular/core';
import { ApiRoutes, NotificationList, OutboxMessage, OutboxMessageSummary, routePath } from '@kunna/contracts';
import { ApiClient, Page } from '../core/api-client';

/** The signed-in person's notifications (with the unread count the shell's bell shows) and the organisation's outbox. */
@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly client = inject(ApiClient);
  /** Unread notifications of the signed-in person, as last fetched. */
  readonly unread = signal(0);

  async list(): Promise<NotificationList> {
    const list = await this.client.get<NotificationList>(ApiRoutes.notifications.mine);
    this.unread.set(list.unread);
    return list;
  }

  /** Refreshes the unread count; a failure leaves the last count (the bell is not worth an error message). */
  async refreshUnread(): Promise<void> {
    try {
      await this.list();
    } catch {
      return;
    }
  }

  markRead(notificationId: string): Promise<void> {
    return this.client.post(routePath(ApiRoutes.notifications.read, { notificationId }));
  }

  markAllRead(): Promise<void> {
    return this.client.post(ApiRoutes.notifications.readAll);
  }

  outbox(offset: number): Promise<Page<OutboxMessageSummary>> {
    return this.client.page<OutboxMessageSummary>(ApiRoutes.notifications.outbox, { limit: 50, offset });
  }

  outboxMessage(messageId: string): Promise<OutboxMessage> {
    return this.client.get<OutboxMessage>(routePath(ApiRoutes.notifications.outboxMessage, { messageId }));
  }
}
