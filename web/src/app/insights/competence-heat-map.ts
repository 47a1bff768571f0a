import { Component, computed, inject, input } from '@angular/core';
import { COMPETENCE_DIMENSIONS, CompetenceBreakdown, CompetenceFigures, CompetenceMeasureKey } from '@kunna/contracts';
import { CellValue } from '@kunna/table-export';
import { I18n, TranslatePipe, TranslationKey } from '../i18n/i18n';
import { ExportTable } from './export-table';

export type HeatMeasure = 'after' | 'change';
type Band = 'low' | 'middle' | 'high' | 'hidden';

const MEASURES: readonly CompetenceMeasureKey[] = [...COMPETENCE_DIMENSIONS, 'overall'];
const FIRST_MEASURE_COLUMN = 3;

/**
 * Units (rows) by dimensions (columns) as an export table whose cells are tinted by band. The value and the band's
 * name are written in every cell and explained in the legend, so colour never carries the meaning alone (and print
 * without background colours still reads). The band colours are global (styles.css): the cells are the table's.
 */
@Component({
  selector: 'k-competence-heat-map',
  imports: [TranslatePipe, ExportTable],
  template: `
    <k-export-table
      [caption]="caption()"
      [headers]="headers()"
      [rows]="rows()"
      [fileName]="'competence.heatMap.fileName' | t"
      [cellClass]="cellClass"
      [cellNote]="cellNote"
      [empty]="'competence.heatMap.empty' | t"
      [minimumFractionDigits]="2"
      [countColumns]="[2]"
    >
      <div class="legend" role="note" [attr.aria-label]="'competence.heatMap.legend' | t">
        <strong>{{ 'competence.heatMap.legend' | t }}:</strong>
        <span class="swatch band-low">{{ 'competence.heatMap.low' | t }}</span>
        <span class="swatch band-middle">{{ 'competence.heatMap.middle' | t }}</span>
        <span class="swatch band-high">{{ 'competence.heatMap.high' | t }}</span>
        <span class="swatch band-hidden">{{ 'competence.heatMap.hidden' | t }}</span>
        <span>{{ (measure() === 'after' ? 'competence.heatMap.levelLegend' : 'competence.heatMap.changeLegend') | t }}</span>
      </div>
    </k-export-table>
  `,
  styles: `
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
      margin-block: 0.5rem;
    }
    .swatch {
      padding: 0.125rem 0.5rem;
      border: 1px solid #6b6b6b;
    }
  `,
})
export class CompetenceHeatMap {
  readonly breakdown = input.required<CompetenceBreakdown>();
  readonly measure = input.required<HeatMeasure>();
  private readonly i18n = inject(I18n);

  protected readonly caption = computed(() =>
    this.i18n.t('competence.heatMap.caption', { measure: this.i18n.t(this.measure() === 'after' ? 'competence.heatMap.after' : 'competence.heatMap.change') }),
  );

  protected readonly headers = computed(() => [
    this.i18n.t('insights.unit'),
    this.i18n.t('competence.columns.area'),
    this.i18n.t('competence.columns.people'),
    ...MEASURES.map((m) => this.i18n.t(m === 'overall' ? 'competence.overall' : (`checks.dimension.${m}` as TranslationKey))),
  ]);

  private value(f: CompetenceFigures): number | null {
    return this.measure() === 'after' ? f.meanAfter : f.meanChange;
  }

  protected band(f: CompetenceFigures): Band {
    const value = this.value(f);
    if (value === null) return 'hidden';
    if (this.measure() === 'after') return value < 2 ? 'low' : value < 3 ? 'middle' : 'high';
    return value < 0.25 ? 'low' : value < 0.75 ? 'middle' : 'high';
  }

  /** Unit, area, people, then one figure per measure; a hidden figure (too few pairs) says so in words. */
  protected readonly rows = computed<CellValue[][]>(() =>
    this.breakdown().groups.map((g) => [g.label, g.areaName, g.people, ...g.figures.map((f) => this.value(f) ?? this.i18n.t('insights.suppressedCell'))]),
  );

  protected readonly cellClass = (row: number, column: number): string | null => {
    const figure = this.figure(row, column);
    return figure ? `heat band-${this.band(figure)}` : null;
  };

  protected readonly cellNote = (row: number, column: number): string | null => {
    const figure = this.figure(row, column);
    if (!figure) return null;
    const band = this.band(figure);
    return band === 'hidden' ? null : this.i18n.t(`competence.heatMap.${band}`);
  };

  /** The figure behind a data cell: the measures start after the unit, area and people columns. */
  private figure(row: number, column: number): CompetenceFigures | null {
    return this.breakdown().groups[row]?.figures[column - FIRST_MEASURE_COLUMN] ?? null;
  }
}
