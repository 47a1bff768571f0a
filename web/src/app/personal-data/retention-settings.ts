import { Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { PERSONAL_DATA_RETENTION_MAX_MONTHS, PERSONAL_DATA_RETENTION_MIN_MONTHS } from '@kunna/contracts';
import { fieldMessage, Problem, problemOf } from '../core/problem';
import { TranslatePipe } from '../i18n/i18n';
import { PersonalDataApi } from './personal-data-api';

/** How long data about people who have left is kept before it is pseudonymised (administrators). */
@Component({
  selector: 'k-retention-settings',
  imports: [FormsModule, TranslatePipe],
  template: `
    <section aria-labelledby="personal-retention-heading">
      <h2 id="personal-retention-heading">{{ 'personalRetention.title' | t }}</h2>
      <p>{{ 'personalRetention.intro' | t }}</p>
      <form (ngSubmit)="save()">
        <label for="personal-retention-months">{{ 'personalRetention.months' | t: { min: minMonths, max: maxMonths } }}</label>
        <input
          id="personal-retention-months"
          name="retentionMonths"
          type="number"
          inputmode="numeric"
          [min]="minMonths"
          [max]="maxMonths"
          [ngModel]="retentionMonths()"
          (ngModelChange)="retentionMonths.set($event)"
          [attr.aria-describedby]="error() ? 'personal-retention-error personal-retention-hint' : 'personal-retention-hint'"
          [attr.aria-invalid]="error() ? true : null"
        />
        <p id="personal-retention-hint" class="hint">{{ 'personalRetention.hint' | t }}</p>
        @if (error(); as message) {
          <p id="personal-retention-error" class="error" role="alert">{{ message }}</p>
        }
        <button type="submit">{{ 'personalRetention.save' | t }}</button>
        @if (saved()) {
          <p role="status">{{ 'personalRetention.saved' | t }}</p>
        }
      </form>
    </section>
  `,
})
export class RetentionSettings {
  private readonly api = inject(PersonalDataApi);
  protected readonly minMonths = PERSONAL_DATA_RETENTION_MIN_MONTHS;
  protected readonly maxMonths = PERSONAL_DATA_RETENTION_MAX_MONTHS;
  // A signal: the app is zoneless, so a plain field set when the request answers would not be shown.
  protected readonly retentionMonths = signal<number | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly saved = signal(false);

  constructor() {
    void this.api.retention().then((retention) => this.retentionMonths.set(retention.retentionMonths));
  }

  protected async save(): Promise<void> {
    this.saved.set(false);
    this.error.set(null);
    const current = this.retentionMonths();
    const value = current === null || String(current) === '' ? null : Number(current);
    try {
      const saved = await this.api.setRetention(value);
      this.retentionMonths.set(saved.retentionMonths);
      this.saved.set(true);
    } catch (error) {
      const problem: Problem = problemOf(error);
      this.error.set(fieldMessage(problem, 'retentionMonths') ?? problem.serverMessage);
    }
  }
}
