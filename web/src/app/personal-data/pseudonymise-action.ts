import { Component, inject, input, output, signal } from '@angular/core';
import { PersonDetail } from '@kunna/contracts';
import { ConfirmDialog } from '../core/confirm-dialog';
import { Problem, problemKey, problemOf } from '../core/problem';
import { I18n, TranslatePipe } from '../i18n/i18n';
import { PersonalDataApi } from './personal-data-api';

/** Administrators pseudonymise someone who has left, now, after confirming in the shared dialog (it cannot be undone). */
@Component({
  selector: 'k-pseudonymise-action',
  imports: [TranslatePipe],
  template: `
    <p>{{ 'pseudonymise.intro' | t }}</p>
    <button type="button" class="secondary" [disabled]="busy()" (click)="pseudonymise()">{{ 'pseudonymise.start' | t }}</button>
    <div aria-live="assertive">
      @if (problem(); as problem) {
        <p class="error" role="alert">{{ problem.serverMessage ?? (problemKey(problem) | t) }}</p>
      }
    </div>
  `,
})
export class PseudonymiseAction {
  readonly person = input.required<PersonDetail>();
  readonly changed = output<string>();
  private readonly api = inject(PersonalDataApi);
  private readonly i18n = inject(I18n);
  private readonly confirmDialog = inject(ConfirmDialog);
  protected readonly problemKey = problemKey;
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);

  protected name(): string {
    return `${this.person().firstName} ${this.person().lastName}`;
  }

  protected async pseudonymise(): Promise<void> {
    const sure = await this.confirmDialog.ask({
      title: this.i18n.t('feedback.pseudonymiseTitle'),
      text: this.i18n.t('pseudonymise.explain', { name: this.name() }),
      confirm: this.i18n.t('pseudonymise.confirm'),
      destructive: true,
    });
    if (!sure) return;
    this.busy.set(true);
    this.problem.set(null);
    try {
      const result = await this.api.pseudonymise(this.person().id);
      this.changed.emit(this.i18n.t('pseudonymise.done', { name: result.name }));
    } catch (error) {
      this.problem.set(problemOf(error));
    } finally {
      this.busy.set(false);
    }
  }
}
