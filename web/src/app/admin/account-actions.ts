import { Component, inject, input, output, signal } from '@angular/core';
import { PersonDetail } from '@kunna/contracts';
import { ConfirmDialog } from '../core/confirm-dialog';
import { Problem, problemKey, problemOf } from '../core/problem';
import { I18n, TranslatePipe } from '../i18n/i18n';
import { PeopleApi } from '../people/people-api';

/** Administrators disable an account (all its sessions end) after confirming in the shared dialog, or enable it again. */
@Component({
  selector: 'k-account-actions',
  imports: [TranslatePipe],
  template: `
    @if (person().disabled) {
      <p>{{ 'person.accountDisabledText' | t }}</p>
      <button type="button" [disabled]="busy()" (click)="enable()">{{ 'admin.enable' | t }}</button>
    } @else {
      <button type="button" class="secondary" [disabled]="busy()" (click)="disable()">{{ 'admin.disable' | t }}</button>
    }
    <div aria-live="assertive">
      @if (problem(); as problem) {
        <p class="error" role="alert">{{ problem.serverMessage ?? (problemKey(problem) | t) }}</p>
      }
    </div>
  `,
})
export class AccountActions {
  readonly person = input.required<PersonDetail>();
  readonly changed = output<string>();
  private readonly people = inject(PeopleApi);
  private readonly i18n = inject(I18n);
  private readonly confirmDialog = inject(ConfirmDialog);
  protected readonly problemKey = problemKey;
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);

  protected async disable(): Promise<void> {
    const sure = await this.confirmDialog.ask({
      title: this.i18n.t('feedback.disableTitle'),
      text: this.i18n.t('admin.disableExplain', { name: `${this.person().firstName} ${this.person().lastName}` }),
      confirm: this.i18n.t('admin.disableConfirm'),
      destructive: true,
    });
    if (sure) await this.act(() => this.people.disable(this.person().id), 'admin.disabled');
  }

  protected enable(): Promise<void> {
    return this.act(() => this.people.enable(this.person().id), 'admin.enabled');
  }

  private async act(call: () => Promise<void>, done: 'admin.disabled' | 'admin.enabled'): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    try {
      await call();
      this.changed.emit(this.i18n.t(done, { name: `${this.person().firstName} ${this.person().lastName}` }));
    } catch (error) {
      this.problem.set(problemOf(error));
    } finally {
      this.busy.set(false);
    }
  }
}
