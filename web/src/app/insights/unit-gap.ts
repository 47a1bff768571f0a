import { Component, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { UnitCompetenceGap } from '@kunna/contracts';
import type { CellValue } from '@kunna/table-export';
import { remote } from '../core/remote';
import { problemKey } from '../core/problem';
import { I18n, TranslatePipe } from '../i18n/i18n';
import { CompetenceLabels } from './competence-label';
import { ExportTable } from './export-table';
import { InsightsApi } from './insights-api';

/**
 * The manager's view of the unit's gap to the competence profiles: aggregates only (no person is named), withheld
 * below the minimum group size, with the library modules that build the largest gaps.
 */
@Component({
  selector: 'k-unit-gap',
  imports: [TranslatePipe, ExportTable, RouterLink],
  template: `
    <h3>{{ 'profiles.gap.title' | t }}</h3>
    @if (data.problem(); as problem) {
      <p class="error" role="alert">{{ problem.serverMessage ?? (problemKey(problem) | t) }}</p>
    } @else if (data.value(); as value) {
      @if (value.competences.length === 0) {
        <p>{{ 'profiles.gap.noProfiles' | t }}</p>
      } @else if (value.suppressed) {
        <p role="status">{{ 'profiles.gap.hidden' | t: { n: value.minimumGroupSize } }}</p>
      } @else {
        <p class="hint">{{ 'profiles.gap.lead' | t }}</p>
        <k-export-table [caption]="'profiles.gap.caption' | t" [headers]="headers()" [rows]="rows(value)" fileName="enhetens-kompetensgap" />
        @if (value.suggestions.length > 0) {
          <h4>{{ 'profiles.gap.suggestions' | t }}</h4>
          <ul class="suggestions">
            @for (suggestion of value.suggestions; track suggestion.competence) {
              <li>
                {{ 'profiles.gap.suggestionLine' | t: { competence: labels.label(suggestion.competence) } }}
                @for (module of suggestion.modules; track module.id; let last = $last) {
                  <a [routerLink]="['/bibliotek/moduler', module.id]">{{ module.title }}</a>{{ last ? '' : ', ' }}
                } @empty {
                  {{ 'profiles.gap.noModules' | t }}
                }
              </li>
            }
          </ul>
        }
      }
    }
  `,
})
export class UnitGap {
  readonly unitId = input.required<string>();
  private readonly api = inject(InsightsApi);
  private readonly i18n = inject(I18n);
  protected readonly labels = inject(CompetenceLabels);
  protected readonly problemKey = problemKey;
  protected readonly data = remote<string, UnitCompetenceGap>({ params: this.unitId, load: (unitId) => this.api.unitCompetenceGap(unitId) });

  protected headers(): string[] {
    return ['competence', 'targeted', 'measured', 'shareBelow', 'meanGap'].map((k) => this.i18n.t(`profiles.gap.${k}` as 'profiles.gap.competence'));
  }

  protected rows(value: UnitCompetenceGap): CellValue[][] {
    const hidden = this.i18n.t('profiles.gap.hiddenCell');
    return value.competences.map((c) => [
      this.labels.label(c.competence),
      c.targeted,
      c.suppressed ? hidden : c.measured,
      c.suppressed ? hidden : c.shareBelow,
      c.suppressed ? hidden : c.meanGap,
    ]);
  }
}
