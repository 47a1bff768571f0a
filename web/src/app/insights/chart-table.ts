import { Component, computed, input } from '@angular/core';
import type { CellValue } from '@kunna/table-export';
import { TranslatePipe } from '../i18n/i18n';
import { Bar, BarChart } from './bar-chart';
import { ExportTable } from './export-table';

/**
 * A summary page's one chart, with its table alternative one click away: the chart is decorative for screen
 * readers (aria-hidden), the table carries the same figures and can be exported.
 */
@Component({
  selector: 'k-chart-table',
  imports: [TranslatePipe, BarChart, ExportTable],
  template: `
    <k-bar-chart [title]="title()" [bars]="bars()" [max]="max()" [reference]="reference()" />
    <details class="as-table no-print">
      <summary>
        {{ 'insightPages.asTable' | t }}<span class="visually-hidden">: {{ title() }}</span>
      </summary>
      <k-export-table [caption]="title()" [headers]="headers()" [rows]="rows()" [fileName]="fileName()" />
    </details>
  `,
})
export class ChartTable {
  readonly title = input.required<string>();
  readonly bars = input.required<Bar[]>();
  /** Column headers of the table: the bars' label and their value. */
  readonly headers = input.required<string[]>();
  readonly fileName = input.required<string>();
  readonly max = input<number | null>(null);
  readonly reference = input<string | null>(null);
  /** The table's rows when it says more than the bars (e.g. before and after); else one row per bar. */
  readonly tableRows = input<CellValue[][] | null>(null);
  protected readonly rows = computed<CellValue[][]>(() => this.tableRows() ?? this.bars().map((bar) => [bar.label, bar.value]));
}
