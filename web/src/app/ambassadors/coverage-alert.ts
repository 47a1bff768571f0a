import { Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { COVERAGE_LEAVING_DAYS, UnitCoverage } from '@kunna/contracts';
import { remote } from '../core/remote';
import { Session } from '../core/session';
import { TranslatePipe } from '../i18n/i18n';
import { coverageFlagKey } from '../library/library-labels';
import { AmbassadorsApi } from './ambassadors-api';

/**
 * On the start page of managers, area managers, HR and administrators: the units in their scope with no active
 * ambassador, or whose only ambassadors leave within 60 days, so the flag reaches them without opening the overview.
 * Shows nothing when every unit is covered.
 */
@Component({
  selector: 'k-coverage-alert',
  imports: [TranslatePipe, RouterLink],
  template: `
    @if (flagged().length) {
      <section class="notice" aria-labelledby="coverage-alert">
        <h2 id="coverage-alert">{{ 'ambassadors.alert.title' | t: { count: flagged().length } }}</h2>
        <ul>
          @for (unit of flagged(); track unit.unit.id) {
            <li>
              <a [routerLink]="['/ombud']" [queryParams]="{ unitId: unit.unit.id }">{{ unit.unit.name }}</a>:
              @for (flag of unit.flags; track flag; let last = $last) {
                {{ coverageFlagKey(flag) | t: { days: leavingDays } }}{{ last ? '' : ';' }}
              }
            </li>
          }
        </ul>
      </section>
    }
  `,
})
export class CoverageAlert {
  private readonly api = inject(AmbassadorsApi);
  private readonly session = inject(Session);
  protected readonly coverageFlagKey = coverageFlagKey;
  protected readonly leavingDays = COVERAGE_LEAVING_DAYS;
  private readonly coverage = remote<true, UnitCoverage[]>({
    params: () => this.session.may('ambassadors.coverage') || undefined,
    load: () => this.api.coverage(),
  });
  protected readonly flagged = computed(() => (this.coverage.value() ?? []).filter((unit) => unit.flags.length > 0));
}
