import { Component, computed } from '@angular/core';
import { TranslatePipe } from '../i18n/i18n';
import { injectInsightQuery } from './insight-query';

/**
 * The period of an Insight page, collapsed to one line so the key figures come first (empty: the API's default,
 * the last twelve months). Lives in the address bar; opened by default when a period is chosen.
 */
@Component({
  selector: 'k-period-filter',
  imports: [TranslatePipe],
  template: `
    <details class="period no-print" [open]="chosen()">
      <summary>
        {{ 'insightPages.period.label' | t }}: {{ chosen() ? query.param('from') + ' – ' + query.param('to') : ('insightPages.period.default' | t) }}
      </summary>
      <div class="fields">
        <div class="field">
          <label for="insight-from">{{ 'insights.from' | t }}</label>
          <input
            id="insight-from"
            type="date"
            [value]="query.param('from')"
            (change)="query.set({ from: valueOf($event) })"
            aria-describedby="insight-period-hint"
          />
        </div>
        <div class="field">
          <label for="insight-to">{{ 'insights.to' | t }}</label>
          <input id="insight-to" type="date" [value]="query.param('to')" (change)="query.set({ to: valueOf($event) })" aria-describedby="insight-period-hint" />
        </div>
      </div>
      <p id="insight-period-hint" class="hint">{{ 'insightPages.period.hint' | t }}</p>
    </details>
  `,
  styles: `
    .period {
      margin: 0 0 0.5rem;
    }
    .period summary {
      cursor: pointer;
      min-height: 2.75rem;
      display: flex;
      align-items: center;
    }
    .fields {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
    }
    .fields .field {
      min-width: min(100%, 11rem);
    }
  `,
})
export class PeriodFilter {
  protected readonly query = injectInsightQuery();
  protected readonly chosen = computed(() => !!(this.query.param('from') || this.query.param('to')));

  protected valueOf(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }
}
