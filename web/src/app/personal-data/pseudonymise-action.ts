import { Component, inject, input, output, signal, ChangeDetectionStrategy } from '@angular/core';
import { PersonDetail } from '@kunna/contracts';
import { Problem, problemKey, problemOf } from '../core/problem';
import { I18n, TranslatePipe } from '../i18n/i18n';
import { PersonalDataApi } from './personal-data-api';

/** Administrators pseudonymise someone who has left, now, after a confirmation step (it cannot be undone). */
@Component({
  selector: 'k-pseudonymise-action',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.Eager,
  template: `
    <p>{{ 'pseudonymise.intro' | t }}</p>
    @if (confirming()) {
      <p class="notice">{{ 'pseudonymise.explain' | t: { name: name() } }}</p>
      <div class="actions">
        <button type="button" class="danger" [disabled]="busy()" (click)="pseudonymise()">{{ 'pseudonymise.confirm' | t }}</button>
        <button type="button" class="secondary" (click)="confirming.set(false)">{{ 'common.cancel' | t }}</button>
      </div>
    } @else {
      <button type="button" class="secondary" (click)="confirming.set(true)">{{ 'pseudonymise.start' | t }}</button>
    }
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
  protected readonly problemKey = problemKey;
  protected readonly busy = signal(false);
  protected readonly confirming = signal(false);
  protected readonly problem = signal<Problem | null>(null);

  protected name(): string {
    return `${this.person().firstName} ${this.person().lastName}`;
  }

  protected async pseudonymise(): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    try {
      const result = await this.api.pseudonymise(this.person().id);
      this.confirming.set(false);
      this.changed.emit(this.i18n.t('pseudonymise.done', { name: result.name }));
    } catch (error) {
      this.problem.set(problemOf(error));
    } finally {
      this.busy.set(false);
    }
  }
}
