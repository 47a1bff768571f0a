import { Component, ChangeDetectionStrategy } from '@angular/core';
import { TranslatePipe } from '../i18n/i18n';
import { injectInsightQuery } from './insight-query';

/** The period of an Insight page (empty: the API's default, the last twelve months). Lives in the address bar. */
@Component({
  selector: 'k-period-filter',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset class="period no-print">
      <legend>{{ 'insightPages.period.label' | t }}</legend>
      <div class="field">
        <label for="insight-from">{{ 'insights.from' | t }}</label>
        <input id="insight-from" type="date" [value]="query.param('from')" (change)="query.set({ from: valueOf($event) })" aria-describedby="insight-period-hint" />
      </div>
      <div class="field">
        <label for="insight-to">{{ 'insights.to' | t }}</label>
        <input id="insight-to" type="date" [value]="query.param('to')" (change)="query.set({ to: valueOf($event) })" aria-describedby="insight-period-hint" />
      </div>
      <p id="insight-period-hint" class="hint">{{ 'insightPages.period.hint' | t }}</p>
    </fieldset>
  `,
  styles: `
    .period { display: flex; flex-wrap: wrap; gap: 0 1rem; align-items: flex-end; border: 0; padding: 0; margin: 0 0 1rem; min-width: 0; }
    .period legend { font-weight: 600; padding: 0; }
    .period .field { min-width: min(100%, 11rem); }
    .period .hint { flex-basis: 100%; margin: 0.25rem 0 0; }
  `,
})
export class PeriodFilter {
  protected readonly query = injectInsightQuery();

  protected valueOf(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }
}
