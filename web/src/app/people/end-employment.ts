import { Component, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { PersonDetail } from '@kunna/contracts';
import { today } from '../core/permissions';
import { Problem, fieldMessage, localProblem, problemKey, problemOf } from '../core/problem';
import { I18n, TranslatePipe } from '../i18n/i18n';
import { PeopleApi } from './people-api';
import { DateInput } from '../i18n/date-input';

/** Ends an employment: memberships and roles end the same day; the person and their history are kept. */
@Component({
  selector: 'k-end-employment',
  imports: [FormsModule, TranslatePipe, DateInput],
  template: `
    <form (ngSubmit)="submit()" novalidate>
      <p class="notice">{{ 'person.end.explain' | t: { name: person().firstName + ' ' + person().lastName } }}</p>
      <div class="field narrow">
        <label for="end-date">{{ 'person.end.date' | t }}</label>
        <k-date-input inputId="end-date" name="endDate" [(ngModel)]="endDate" [invalid]="!!error('endDate')" describedBy="end-date-error" />
        <p id="end-date-error" class="error">{{ error('endDate') }}</p>
      </div>
      <div aria-live="assertive">
        @if (problem(); as problem) {
          @if (!problem.fields.length) {
            <p class="error" role="alert">{{ problem.serverMessage ?? (problemKey(problem) | t) }}</p>
          }
        }
      </div>
      <div class="actions">
        <button type="submit" class="danger" [disabled]="busy()">{{ 'person.end.submit' | t }}</button>
        <button type="button" class="secondary" (click)="cancelled.emit()">{{ 'common.cancel' | t }}</button>
      </div>
    </form>
  `,
})
export class EndEmployment {
  readonly person = input.required<PersonDetail>();
  readonly employmentEnded = output<void>();
  readonly cancelled = output<void>();
  private readonly people = inject(PeopleApi);
  private readonly i18n = inject(I18n);
  protected readonly problemKey = problemKey;
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected endDate = today();

  protected error(field: string): string | null {
    return fieldMessage(this.problem(), field);
  }

  protected async submit(): Promise<void> {
    if (!this.endDate) {
      this.problem.set(localProblem([{ field: 'endDate', message: this.i18n.t('person.end.dateMissing') }]));
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    try {
      await this.people.end(this.person().id, { endDate: this.endDate });
      this.employmentEnded.emit();
    } catch (error) {
      this.problem.set(problemOf(error));
    } finally {
      this.busy.set(false);
    }
  }
}
