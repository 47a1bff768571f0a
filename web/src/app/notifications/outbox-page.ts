import { Component, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { MailStatus, OutboxMessage, OutboxMessageSummary } from '@kunna/contracts';
import { Page } from '../core/api-client';
import { remote, remoteOnce } from '../core/remote';
import { problemKey } from '../core/problem';
import { ScrollRegion } from '../core/scroll-region';
import { DateFormatPipe } from '../i18n/format';
import { TranslatePipe, TranslationKey } from '../i18n/i18n';
import { NotificationsApi } from './notifications-api';

const STATUS_KEYS: Record<MailStatus, TranslationKey> = {
  [MailStatus.Pending]: 'outbox.statuses.pending',
  [MailStatus.Sent]: 'outbox.statuses.sent',
  [MailStatus.Held]: 'outbox.statuses.held',
};

/** Administrators read the e-mail Kunna sent or holds: the whole list, and one message at /admin/utkorg/:messageId. */
@Component({
  selector: 'k-outbox-page',
  imports: [TranslatePipe, DateFormatPipe, RouterLink, ScrollRegion],
  template: `
    <h1>{{ 'outbox.title' | t }}</h1>
    <p>{{ 'outbox.intro' | t }}</p>

    @if (messageId()) {
      <section aria-labelledby="outbox-message">
        <h2 id="outbox-message">{{ 'outbox.message' | t }}</h2>
        @if (message.problem(); as problem) {
          <p class="error" role="alert">{{ problemKey(problem) | t }}</p>
        }
        @if (message.value(); as mail) {
          <dl class="facts">
            <div>
              <dt>{{ 'outbox.to' | t }}</dt>
              <dd>{{ mail.toAddress }}</dd>
            </div>
            <div>
              <dt>{{ 'outbox.subject' | t }}</dt>
              <dd data-testid="outbox-subject">{{ mail.subject }}</dd>
            </div>
            <div>
              <dt>{{ 'outbox.status' | t }}</dt>
              <dd>{{ statusKeys[mail.status] | t }}</dd>
            </div>
            <div>
              <dt>{{ 'outbox.created' | t }}</dt>
              <dd>{{ mail.createdAt | kDate: true }}</dd>
            </div>
          </dl>
          <pre class="mail-body" data-testid="outbox-body">{{ mail.body }}</pre>
        }
        <p>
          <a routerLink="/admin/utkorg">{{ 'outbox.close' | t }}</a>
        </p>
      </section>
    }

    @if (page.problem(); as problem) {
      <p class="error" role="alert">{{ problemKey(problem) | t }}</p>
    }
    @if (page.value(); as value) {
      @if (value.items.length === 0) {
        <p>{{ 'outbox.empty' | t }}</p>
      } @else {
        <div class="table-wrap">
          <table class="stack">
            <caption class="visually-hidden">
              {{
                'outbox.title' | t
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ 'outbox.created' | t }}</th>
                <th scope="col">{{ 'outbox.to' | t }}</th>
                <th scope="col">{{ 'outbox.subject' | t }}</th>
                <th scope="col">{{ 'outbox.status' | t }}</th>
              </tr>
            </thead>
            <tbody>
              @for (mail of value.items; track mail.id) {
                <tr>
                  <th scope="row">{{ mail.createdAt | kDate: true }}</th>
                  <td class="break" [attr.data-label]="'outbox.to' | t">{{ mail.toAddress }}</td>
                  <td [attr.data-label]="'outbox.subject' | t">
                    <a [routerLink]="['/admin/utkorg', mail.id]">{{ mail.subject }}</a>
                  </td>
                  <td [attr.data-label]="'outbox.status' | t">{{ statusKeys[mail.status] | t }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
        @if (value.items.length < value.total) {
          <p>
            <button type="button" class="secondary" (click)="more()">{{ 'audit.older' | t }}</button>
          </p>
        }
      }
    }
  `,
})
export class OutboxPage {
  /** From the route `admin/utkorg/:messageId`. */
  readonly messageId = input<string | undefined>();
  private readonly api = inject(NotificationsApi);
  /** The first page; 'older' adds the next ones to what is shown. */
  protected readonly page = remoteOnce<Page<OutboxMessageSummary>>(async () => {
    const first = await this.api.outbox(0);
    this.loaded.set(first.items);
    return first;
  });
  /** The opened message; none (and nothing shown) on the list's own address. */
  protected readonly message = remote<string, OutboxMessage>({ params: this.messageId, load: (id) => this.api.outboxMessage(id) });
  protected readonly problemKey = problemKey;
  protected readonly statusKeys = STATUS_KEYS;
  private readonly loaded = signal<OutboxMessageSummary[]>([]);

  protected async more(): Promise<void> {
    const next = await this.api.outbox(this.loaded().length);
    this.loaded.set([...this.loaded(), ...next.items]);
    this.page.set({ items: this.loaded(), total: next.total });
  }
}
