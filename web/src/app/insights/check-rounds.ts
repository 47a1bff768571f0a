import { Component, computed, inject, input, resource } from '@angular/core';
import { CheckAssignment } from '@kunna/contracts';
import type { CellValue } from '@kunna/table-export';
import { ChecksApi } from '../checks/checks-api';
import { I18n, TranslatePipe, TranslationKey } from '../i18n/i18n';
import { ExportTable } from './export-table';
import { InsightFormat, LOW_PAIR_RATE_PERCENT } from './insight-format';
import { ResourceState } from './resource-state';

/**
 * Every check round of the chosen units with how many answered, beside the competence results they feed: a low
 * share is marked and the advice says what the ambassador can do about it.
 */
@Component({
  selector: 'k-check-rounds',
  imports: [TranslatePipe, ExportTable, ResourceState],
  template: `
    <k-resource-state [resource]="assignments" />
    @if (assignments.hasValue()) {
      @if (lowCount() > 0) {
        <p class="advice">
          <strong>{{ 'insightPages.stats.lowPairRate' | t }}</strong> {{ 'insightPages.stats.lowPairAdvice' | t }}
        </p>
      }
      <k-export-table
        [caption]="'insightPages.rounds.caption' | t"
        [headers]="headers()"
        [rows]="rows()"
        [cellNote]="note"
        [empty]="'insightPages.rounds.none' | t"
        fileName="matomgangar"
      />
    }
  `,
  styles: `
    .advice {
      border-inline-start: 4px solid #8f3b1d;
      padding-inline-start: 0.75rem;
      max-width: 42rem;
    }
  `,
})
export class CheckRounds {
  /** Units whose rounds are shown (all visible when null). */
  readonly unitIds = input<string[] | null>(null);
  private readonly api = inject(ChecksApi);
  private readonly i18n = inject(I18n);
  private readonly format = inject(InsightFormat);

  protected readonly assignments = resource({
    params: () => {
      const ids = this.unitIds();
      return { unitId: ids?.length === 1 ? ids[0] : undefined };
    },
    loader: ({ params }) => this.api.assignments(params.unitId),
  });

  private readonly rounds = computed(() => {
    if (!this.assignments.hasValue()) return [];
    const ids = this.unitIds();
    return this.assignments
      .value()
      .filter((assignment: CheckAssignment) => ids === null || ids.includes(assignment.unitId))
      .flatMap((assignment) =>
        assignment.rounds.map((round) => ({ assignment, round, percent: round.invited > 0 ? (round.answered / round.invited) * 100 : null })),
      );
  });
  protected readonly lowCount = computed(() => this.rounds().filter((r) => r.percent !== null && r.percent < LOW_PAIR_RATE_PERCENT).length);

  protected headers(): string[] {
    return ['check', 'unit', 'round', 'answered', 'rate'].map((k) => this.i18n.t(`insightPages.rounds.${k}` as TranslationKey));
  }

  protected readonly rows = computed<CellValue[][]>(() =>
    this.rounds().map(({ assignment, round, percent }) => [
      assignment.title,
      assignment.unitName,
      this.i18n.t(`insightPages.rounds.kind.${round.kind}` as TranslationKey),
      `${this.format.count(round.answered)} / ${this.format.count(round.invited)}`,
      this.format.percent(percent),
    ]),
  );

  /** Writes "låg" under a low share, so the mark is not carried by a class alone. */
  protected readonly note = (row: number, column: number): string | null => {
    const round = this.rounds()[row];
    return column === 4 && round?.percent !== null && round.percent < LOW_PAIR_RATE_PERCENT ? this.i18n.t('insightPages.rounds.low') : null;
  };
}
