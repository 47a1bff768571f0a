import { Component, inject, input } from '@angular/core';
import { NetworkComparison as NetworkComparisonData } from '@kunna/contracts';
import type { CellValue } from '@kunna/table-export';
import { remote } from '../core/remote';
import { problemKey } from '../core/problem';
import { I18n, TranslatePipe } from '../i18n/i18n';
import { ExportTable } from './export-table';
import { InsightsApi } from './insights-api';

/** The coordinator's comparison: the common core per organisation, the shared modules' use and the cascade. */
@Component({
  selector: 'k-network-comparison',
  imports: [TranslatePipe, ExportTable],
  template: `
    @if (data.problem(); as problem) {
      <p class="error" role="alert">{{ problem.serverMessage ?? (problemKey(problem) | t) }}</p>
    } @else if (data.value(); as value) {
      <h3>{{ 'networkComparison.core' | t }}</h3>
      @if (value.coreItems.length === 0) {
        <p>{{ 'networkComparison.noCore' | t }}</p>
      } @else {
        <p class="hint">{{ 'networkComparison.coreLead' | t }}</p>
        <k-export-table [caption]="'networkComparison.core' | t" [headers]="coreHeaders(value)" [rows]="coreRows(value)" fileName="natverk-karnfragor" />
      }
      <k-export-table [caption]="'networkComparison.modules' | t" [headers]="moduleHeaders()" [rows]="moduleRows(value)" fileName="natverk-delade-moduler" />
      <k-export-table [caption]="'networkComparison.cascade' | t" [headers]="cascadeHeaders()" [rows]="cascadeRows(value)" fileName="natverk-kaskad" />
    }
  `,
})
export class NetworkComparison {
  readonly from = input<string | undefined>(undefined);
  readonly to = input<string | undefined>(undefined);
  private readonly api = inject(InsightsApi);
  private readonly i18n = inject(I18n);
  protected readonly problemKey = problemKey;
  protected readonly data = remote({
    params: () => ({ from: this.from(), to: this.to() }),
    load: (period): Promise<NetworkComparisonData> => this.api.networkComparison(period),
  });

  protected coreHeaders(value: NetworkComparisonData): string[] {
    const text = (item: NetworkComparisonData['coreItems'][number]) => (this.i18n.language() === 'en' && item.textEn ? item.textEn : item.textSv);
    return [this.i18n.t('networkComparison.organisation'), ...value.coreItems.map((item) => this.i18n.t('networkComparison.item', { item: text(item) }))];
  }

  protected coreRows(value: NetworkComparisonData): CellValue[][] {
    const format = (n: number | null) => (n === null ? '–' : new Intl.NumberFormat(this.i18n.locale(), { maximumFractionDigits: 2 }).format(n));
    return value.organisations.map((row) => [
      row.organisation.name,
      ...row.items.map((item) =>
        item.suppressed ? this.i18n.t('networkComparison.hidden') : `${format(item.meanBefore)} → ${format(item.meanAfter)} (${item.people})`,
      ),
    ]);
  }

  protected moduleHeaders(): string[] {
    return ['module', 'organisations', 'sessions', 'participants'].map((k) => this.i18n.t(`networkComparison.${k}` as 'networkComparison.module'));
  }

  protected moduleRows(value: NetworkComparisonData): CellValue[][] {
    return value.sharedModules.map((m) => [m.module.title, m.organisations, m.sessionsHeld, m.participants]);
  }

  protected cascadeHeaders(): string[] {
    return ['organisation', 'leading', 'reached'].map((k) => this.i18n.t(`networkComparison.${k}` as 'networkComparison.organisation'));
  }

  protected cascadeRows(value: NetworkComparisonData): CellValue[][] {
    return value.organisations.map((row) => [row.organisation.name, row.cascade.ambassadorsLeading, row.cascade.colleaguesReached]);
  }
}
