import { Component, computed, inject, input } from '@angular/core';
import { CompetenceFigures, UnitCompetence as UnitCompetenceData } from '@kunna/contracts';
import type { CellValue } from '@kunna/table-export';
import { remote } from '../core/remote';
import { problemKey } from '../core/problem';
import { I18n, TranslatePipe, TranslationKey } from '../i18n/i18n';
import { ExportTable } from './export-table';
import { InsightsApi } from './insights-api';

/** The unit manager's competence block on the team view: the unit's before/after, lowest-level lift and response rate. */
@Component({
  selector: 'k-unit-competence',
  imports: [TranslatePipe, ExportTable],
  template: `
    <h3>{{ 'competence.unitBlock.title' | t }}</h3>
    @if (data.problem(); as problem) {
      <p class="error" role="alert">{{ problem.serverMessage ?? (problemKey(problem) | t) }}</p>
    } @else if (data.value(); as value) {
      @if (value.unit.suppressed) {
        <p role="status">{{ 'competence.unitBlock.hidden' | t: { n: value.minimumGroupSize } }}</p>
      } @else {
        @if (overall(); as o) {
          <p>{{ 'competence.unitBlock.summary' | t: { pairs: o.pairs ?? 0, invited: o.invited ?? 0, rate: number(o.responseRate) } }}</p>
          @if (o.lowestBefore !== null) {
            <p>{{ 'competence.unitBlock.lift' | t: { before: number(o.lowestBefore), after: number(o.lowestAfter) } }}</p>
          }
        }
        <k-export-table [caption]="'competence.unitBlock.caption' | t" [headers]="headers()" [rows]="rows(value)" fileName="enhetens-kompetens" />
      }
    }
  `,
})
export class UnitCompetence {
  readonly unitId = input.required<string>();
  readonly from = input<string | undefined>(undefined);
  readonly to = input<string | undefined>(undefined);
  private readonly api = inject(InsightsApi);
  private readonly i18n = inject(I18n);
  protected readonly problemKey = problemKey;
  protected readonly data = remote({
    params: () => ({ unitId: this.unitId(), period: { from: this.from(), to: this.to() } }),
    load: ({ unitId, period }): Promise<UnitCompetenceData> => this.api.unitCompetence(unitId, period),
  });
  protected readonly overall = computed(() => this.data.value()?.unit.figures.find((f) => f.dimension === 'overall') ?? null);

  protected number(value: number | null): string {
    return value === null ? '–' : new Intl.NumberFormat(this.i18n.locale(), { maximumFractionDigits: 2 }).format(value);
  }

  protected headers(): string[] {
    return ['dimension', 'pairs', 'responseRate', 'before', 'after', 'change', 'ciLower', 'ciUpper', 'lowestBefore', 'lowestAfter'].map((k) =>
      this.i18n.t(`competence.columns.${k}` as TranslationKey),
    );
  }

  protected rows(value: UnitCompetenceData): CellValue[][] {
    return value.unit.figures.map((f: CompetenceFigures) => [
      this.i18n.t(f.dimension === 'overall' ? 'competence.overall' : (`checks.dimension.${f.dimension}` as TranslationKey)),
      f.pairs,
      f.responseRate,
      f.meanBefore,
      f.meanAfter,
      f.meanChange,
      f.confidenceInterval?.lower ?? null,
      f.confidenceInterval?.upper ?? null,
      f.lowestBefore,
      f.lowestAfter,
    ]);
  }
}
