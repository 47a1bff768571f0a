import { Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { NotificationItem, NotificationKind, NotificationList } from '@kunna/contracts';
import { remoteOnce } from '../core/remote';
import { problemKey } from '../core/problem';
import { DateFormatPipe } from '../i18n/format';
import { I18n, TranslatePipe } from '../i18n/i18n';
import { NotificationsApi } from './notifications-api';

/** The signed-in person's notifications: reminders, cancellations and checks waiting for an answer. */
@Component({
  selector: 'k-notifications-page',
  imports: [TranslatePipe, DateFormatPipe, RouterLink],
  template: `
    <h1>{{ 'notifications.title' | t }}</h1>
    @if (list.problem(); as problem) {
      <p class="error" role="alert">{{ problemKey(problem) | t }}</p>
    }
    @if (list.value(); as value) {
      @if (value.unread > 0) {
        <p>
          <button type="button" class="secondary" (click)="markAllRead()">{{ 'notifications.markAllRead' | t }}</button>
        </p>
      }
      @if (value.items.length === 0) {
        <p>{{ 'notifications.empty' | t }}</p>
      }
      <ul class="notifications">
        @for (item of value.items; track item.id) {
          <li [class.unread]="!item.readAt" data-testid="notification">
            <p>
              @if (!item.readAt) {
                <strong>{{ 'notifications.unread' | t }}:</strong>
              }
              {{ text(item) }}
              @if (item.details.cancelReason) {
                {{ 'notifications.reason' | t: { reason: item.details.cancelReason } }}
              }
            </p>
            <p class="muted small-block">{{ item.createdAt | kDate: true }}</p>
            @if (item.kind === AfterCheck && item.details.checkCode) {
              <a [routerLink]="['/m', item.details.checkCode]">{{ 'notifications.answer' | t }}</a>
            }
            @if (!item.readAt) {
              <button type="button" class="secondary" (click)="markRead(item)">{{ 'notifications.markRead' | t }}</button>
            }
          </li>
        }
      </ul>
    }
  `,
})
export class NotificationsPage {
  private readonly api = inject(NotificationsApi);
  private readonly i18n = inject(I18n);
  protected readonly list = remoteOnce<NotificationList>(() => this.api.list());
  protected readonly problemKey = problemKey;
  protected readonly AfterCheck = NotificationKind.AfterCheckPending;

  protected text(item: NotificationItem): string {
    const d = item.details;
    return this.i18n.t(`notifications.kind.${item.kind}`, { title: d.sessionTitle ?? '', date: d.date ?? '', time: d.startTime ?? '', place: d.place ?? '' });
  }

  protected async markRead(item: NotificationItem): Promise<void> {
    await this.api.markRead(item.id);
    this.list.reload();
  }

  protected async markAllRead(): Promise<void> {
    await this.api.markAllRead();
    this.list.reload();
  }
}
