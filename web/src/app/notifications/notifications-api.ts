import { Injectable, inject, signal } from '@angular/core';
import { ApiRoutes, NotificationList, OutboxMessage, OutboxMessageSummary } from '@kunna/contracts';
import { ApiClient, Page } from '../core/api-client';

/** The signed-in person's notifications (with the unread count the shell's bell shows) and the organisation's outbox. */
@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly client = inject(ApiClient);
  /** Unread notifications of the signed-in person, as last fetched. */
  readonly unread = signal(0);

  async list(): Promise<NotificationList> {
    const list = await this.client.call('GET', ApiRoutes.notifications.mine);
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
    return this.client.call('POST', ApiRoutes.notifications.read, { params: { notificationId } });
  }

  markAllRead(): Promise<void> {
    return this.client.call('POST', ApiRoutes.notifications.readAll);
  }

  outbox(offset: number): Promise<Page<OutboxMessageSummary>> {
    return this.client.page(ApiRoutes.notifications.outbox, { query: { limit: 50, offset } });
  }

  outboxMessage(messageId: string): Promise<OutboxMessage> {
    return this.client.call('GET', ApiRoutes.notifications.outboxMessage, { params: { messageId } });
  }
}
