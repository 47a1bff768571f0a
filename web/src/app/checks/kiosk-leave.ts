import { ChangeDetectionStrategy, Component, ElementRef, inject, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { fieldMessage, problemKey, problemOf, Problem } from '../core/problem';
import { Session } from '../core/session';
import { TranslatePipe } from '../i18n/i18n';

/**
 * Leaving the kiosk tablet: only with the password of the person who started it. Folded away behind a button so
 * that the names stay the tablet's one obvious thing; the password is cleared on every attempt.
 */
@Component({
  selector: 'k-kiosk-leave',
  imports: [TranslatePipe, FormsModule],
  template: `
    @if (open()) {
      <form class="card leave" (ngSubmit)="leave()" novalidate>
        <h2 #title tabindex="-1">{{ 'checks.kiosk.leaveTitle' | t }}</h2>
        <p class="hint">{{ 'checks.kiosk.leaveHint' | t }}</p>
        <div class="field">
          <label for="kiosk-password">{{ 'checks.kiosk.leavePassword' | t }}</label>
          <input
            id="kiosk-password"
            name="password"
            type="password"
            autocomplete="current-password"
            [(ngModel)]="password"
            [attr.aria-invalid]="problem() ? 'true' : null"
            [attr.aria-describedby]="problem() ? 'kiosk-password-error' : null"
          />
        </div>
        @if (problem(); as p) {
          <p id="kiosk-password-error" class="error" role="alert">{{ message(p) | t }}</p>
        }
        <div class="actions">
          <button type="submit" [disabled]="busy()">{{ 'checks.kiosk.leaveSubmit' | t }}</button>
          <button type="button" class="secondary" [disabled]="busy()" (click)="close()">{{ 'common.cancel' | t }}</button>
        </div>
      </form>
    } @else {
      <p class="leave-link">
        <button type="button" class="secondary" (click)="show()">{{ 'checks.kiosk.leave' | t }}</button>
      </p>
    }
  `,
  changeDetection: ChangeDetectionStrategy.Eager,
  styles: `
    .leave {
      margin-top: 2rem;
      max-width: 28rem;
    }
    .leave-link {
      margin-top: 2rem;
    }
  `,
})
export class KioskLeave {
  private readonly session = inject(Session);
  protected readonly open = signal(false);
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected password = '';
  private readonly title = viewChild<ElementRef<HTMLElement>>('title');

  protected show(): void {
    this.open.set(true);
    setTimeout(() => this.title()?.nativeElement.focus(), 0);
  }

  protected close(): void {
    this.password = '';
    this.problem.set(null);
    this.open.set(false);
  }

  protected async leave(): Promise<void> {
    if (!this.password) {
      this.problem.set({ status: 400, serverMessage: null, code: 'passwordMissing', fields: [], retryAfterSeconds: null });
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    try {
      await this.session.leaveKiosk(this.password);
    } catch (error) {
      this.problem.set(problemOf(error));
    } finally {
      this.password = '';
      this.busy.set(false);
    }
  }

  /** Wrong password and lock-out in the reader's language; anything else by status. */
  protected message(problem: Problem) {
    if (problem.code === 'passwordMissing') return 'checks.kiosk.leavePasswordMissing' as const;
    if (problem.code === 'lockedOut') return 'checks.kiosk.leaveLockedOut' as const;
    if (problem.fields.some((field) => field.code === 'wrongPassword') || fieldMessage(problem, 'password')) return 'checks.kiosk.leaveWrongPassword' as const;
    return problemKey(problem);
  }
}
