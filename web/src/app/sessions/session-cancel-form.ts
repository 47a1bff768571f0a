import { Component, inject, input, output, signal } from '@angular/core';
import { SessionDetail } from '@kunna/contracts';
import { Feedback } from '../core/feedback';
import { fieldMessage, problemKey, problemOf } from '../core/problem';
import { I18n, TranslatePipe } from '../i18n/i18n';
import { SessionsApi } from './sessions-api';

/** Cancels the session with a reason (it stays, marked cancelled, so calendars show the cancellation); the invited are told. */
@Component({
  selector: 'k-session-cancel-form',
  imports: [TranslatePipe],
  template: `
    <details class="cancel-session">
      <summary>{{ 'sessionCancel.title' | t }}</summary>
      <form (submit)="cancelSession($event)" novalidate class="narrow-form">
        <div class="field">
          <label for="cancel-reason">{{ 'sessionCancel.reason' | t }}</label>
          <textarea
            id="cancel-reason"
            name="cancelReason"
            rows="2"
            [value]="reason()"
            (input)="reason.set($any($event.target).value)"
            aria-describedby="cancel-reason-hint cancel-reason-error"
            [attr.aria-invalid]="error() ? true : null"
          ></textarea>
          <p id="cancel-reason-hint" class="hint">{{ 'sessionCancel.reasonHint' | t }}</p>
          <p id="cancel-reason-error" class="error">{{ error() }}</p>
        </div>
        <button type="submit" [disabled]="cancelling()">{{ 'sessionCancel.submit' | t }}</button>
      </form>
    </details>
  `,
})
export class SessionCancelForm {
  readonly sessionId = input.required<string>();
  /** The session as it is now: cancelled. */
  readonly cancelled = output<SessionDetail>();
  private readonly api = inject(SessionsApi);
  private readonly i18n = inject(I18n);
  private readonly feedback = inject(Feedback);
  protected readonly reason = signal('');
  protected readonly cancelling = signal(false);
  protected readonly error = signal<string | null>(null);

  protected async cancelSession(event: Event): Promise<void> {
    event.preventDefault();
    const reason = this.reason().trim();
    if (!reason) {
      this.error.set(this.i18n.t('sessionCancel.reason'));
      return;
    }
    this.cancelling.set(true);
    this.error.set(null);
    try {
      this.cancelled.emit(await this.api.update(this.sessionId(), { cancelled: true, cancelReason: reason }));
      this.feedback.tell(this.i18n.t('sessionCancel.done'));
    } catch (error) {
      const problem = problemOf(error);
      this.error.set(fieldMessage(problem, 'cancelReason') ?? problem.serverMessage ?? this.i18n.t(problemKey(problem)));
    } finally {
      this.cancelling.set(false);
    }
  }
}
