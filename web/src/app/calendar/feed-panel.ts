import { Component, inject, input, linkedSignal, signal } from '@angular/core';
import { CalendarFeedStatus } from '@kunna/contracts';
import { ConfirmDialog } from '../core/confirm-dialog';
import { Feedback } from '../core/feedback';
import { remote } from '../core/remote';
import { Problem, problemKey, problemOf } from '../core/problem';
import { DateFormatPipe } from '../i18n/format';
import { I18n, TranslatePipe } from '../i18n/i18n';
import { CalendarApi } from './calendar-api';

/**
 * "Kalender": create, copy, replace or turn off a secret calendar subscription link, the person's own (no unitId) or a
 * unit's. Only a hash of the link is kept on the server, so the link itself is shown once, right after it is made.
 */
@Component({
  selector: 'k-feed-panel',
  imports: [TranslatePipe, DateFormatPipe],
  template: `
    <section [attr.aria-labelledby]="headingId()">
      <h2 [id]="headingId()">{{ 'calendar.title' | t }}</h2>
      <p>{{ (unitId() ? 'calendar.unitIntro' : 'calendar.myIntro') | t }}</p>
      @if (feed.value(); as status) {
        @if (status.active) {
          <p data-testid="feed-status">{{ 'calendar.active' | t: { date: (status.createdAt | kDate: true) } }}</p>
        } @else {
          <p data-testid="feed-status">{{ 'calendar.inactive' | t }}</p>
        }
        @if (url(); as link) {
          <div class="field">
            <label [for]="inputId()">{{ 'calendar.url' | t }}</label>
            <input [id]="inputId()" type="text" readonly [value]="link" [attr.aria-describedby]="inputId() + '-hint'" (focus)="select($event)" />
            <p [id]="inputId() + '-hint'" class="hint">{{ 'calendar.shownOnce' | t }}</p>
          </div>
        }
        <div class="toolbar">
          @if (url()) {
            <button type="button" (click)="copy()">{{ 'calendar.copy' | t }}</button>
          }
          @if (status.active) {
            <button type="button" class="secondary" [disabled]="busy()" (click)="create(true)">{{ 'calendar.rotate' | t }}</button>
            <button type="button" class="secondary" [disabled]="busy()" (click)="revoke()">{{ 'calendar.revoke' | t }}</button>
          } @else {
            <button type="button" [disabled]="busy()" (click)="create(false)">{{ 'calendar.create' | t }}</button>
          }
        </div>
      }
      @if (problem() ?? feed.problem(); as failure) {
        <p class="error" role="alert">{{ failure.serverMessage ?? (problemKey(failure) | t) }}</p>
      }
    </section>
  `,
})
export class FeedPanel {
  /** A unit's feed; the signed-in person's own without it. */
  readonly unitId = input<string | null>(null);
  private readonly api = inject(CalendarApi);
  private readonly i18n = inject(I18n);
  private readonly confirmDialog = inject(ConfirmDialog);
  private readonly feedback = inject(Feedback);
  protected readonly problemKey = problemKey;
  protected readonly feed = remote<{ unitId: string | null }, CalendarFeedStatus>({
    params: () => ({ unitId: this.unitId() }),
    load: ({ unitId }) => this.api.status(unitId),
  });
  /** The address just made: shown once, and not for another unit's feed. */
  protected readonly url = linkedSignal<string | null, string | null>({ source: this.unitId, computation: () => null });
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly headingId = () => (this.unitId() ? 'unit-calendar' : 'my-calendar');
  protected readonly inputId = () => `${this.headingId()}-url`;

  protected async create(rotate: boolean): Promise<void> {
    if (rotate) {
      const sure = await this.confirmDialog.ask({
        title: this.i18n.t('feedback.calendarRotateTitle'),
        text: this.i18n.t('calendar.rotateConfirm'),
        confirm: this.i18n.t('calendar.rotate'),
        destructive: true,
      });
      if (!sure) return;
    }
    await this.act(async () => {
      const created = await this.api.create(this.unitId());
      this.url.set(created.url);
      this.feed.set({ active: true, createdAt: created.createdAt });
    });
  }

  protected async revoke(): Promise<void> {
    await this.act(async () => {
      await this.api.revoke(this.unitId());
      this.url.set(null);
      this.feed.set({ active: false, createdAt: null });
      this.feedback.tell(this.i18n.t('calendar.revoked'));
    });
  }

  protected async copy(): Promise<void> {
    const link = this.url();
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      this.feedback.tell(this.i18n.t('calendar.copied'));
    } catch {
      // Without clipboard access (an insecure origin, a denied permission) the field stays selectable by hand.
      (document.getElementById(this.inputId()) as HTMLInputElement | null)?.select();
    }
  }

  protected select(event: FocusEvent): void {
    (event.target as HTMLInputElement).select();
  }

  private async act(work: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    try {
      await work();
    } catch (error) {
      this.problem.set(problemOf(error));
    } finally {
      this.busy.set(false);
    }
  }
}
