import { Component, computed, inject, input } from '@angular/core';
import { COMPETENCE_DIMENSIONS, CompetenceBreakdown, CompetenceFigures, CompetenceGroup, CompetenceMeasureKey } from '@kunna/contracts';
import { CellValue, toCsv, toXlsx, XLSX_MIME } from '@kunna/table-export';
import { I18n, TranslatePipe, TranslationKey } from '../i18n/i18n';
import { download } from './export-table';

export type HeatMeasure = 'after' | 'change';
type Band = 'low' | 'middle' | 'high' | 'hidden';

const MEASURES: readonly CompetenceMeasureKey[] = [...COMPETENCE_DIMENSIONS, 'overall'];

/**
 * Units (rows) by dimensions (columns) as a table whose cells are tinted by band. The value and the band's name are
 * written in every cell and explained in the legend, so colour never carries the meaning alone (and print without
 * background colours still reads). Exports the same table to CSV and XLSX.
 */
@Component({
  selector: 'k-competence-heat-map',
  imports: [TranslatePipe],
  template: `
    <div class="heat-map">
      <div class="table-wrap">
        <table>
          <caption>{{ caption() }}</caption>
          <thead>
            <tr>
              @for (header of headers(); track $index) {
                <th scope="col">{{ header }}</th>
              }
            </tr>
          </thead>
          <tbody>
            @for (group of breakdown().groups; track group.key) {
              <tr>
                <th scope="row">{{ group.label }}</th>
                <td>{{ group.areaName }}</td>
                <td class="number">{{ group.people }}</td>
                @for (f of group.figures; track f.dimension) {
                  <td [class]="'heat number band-' + band(f)">
                    {{ text(f) }}
                    @if (band(f) !== 'hidden') { <span class="band-name">{{ bandKey(band(f)) | t }}</span> }
                  </td>
                }
              </tr>
            } @empty {
              <tr><td [attr.colspan]="headers().length">{{ 'competence.heatMap.empty' | t }}</td></tr>
            }
          </tbody>
        </table>
      </div>
      <div class="legend" role="note" [attr.aria-label]="'competence.heatMap.legend' | t">
        <strong>{{ 'competence.heatMap.legend' | t }}:</strong>
        <span class="swatch band-low">{{ 'competence.heatMap.low' | t }}</span>
        <span class="swatch band-middle">{{ 'competence.heatMap.middle' | t }}</span>
        <span class="swatch band-high">{{ 'competence.heatMap.high' | t }}</span>
        <span class="swatch band-hidden">{{ 'competence.heatMap.hidden' | t }}</span>
        <span>{{ (measure() === 'after' ? 'competence.heatMap.levelLegend' : 'competence.heatMap.changeLegend') | t }}</span>
      </div>
      <p class="export-actions no-print">
        <button type="button" class="secondary" [attr.aria-label]="('insights.exportCsv' | t) + ': ' + caption()" (click)="csv()">{{ 'insights.exportCsv' | t }}</button>
        <button type="button" class="secondary" [attr.aria-label]="('insights.exportXlsx' | t) + ': ' + caption()" (click)="xlsx()">{{ 'insights.exportXlsx' | t }}</button>
      </p>
    </div>
  `,
  styles: `
    .heat { min-width: 6rem; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    .band-name { display: block; font-size: 0.8em; }
    .band-low { background: #f6d5d0; color: #1a1a1a; }
    .band-middle { background: #fbecbf; color: #1a1a1a; }
    .band-high { background: #cfe8d6; color: #1a1a1a; }
    .band-hidden { background: repeating-linear-gradient(45deg, #ffffff, #ffffff 6px, #e6e6e6 6px, #e6e6e6 12px); color: #1a1a1a; font-style: italic; }
    .legend { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin-block: 0.5rem; }
    .swatch { padding: 0.125rem 0.5rem; border: 1px solid #6b6b6b; }
  `,
})
export class CompetenceHeatMap {
  readonly breakdown = input.required<CompetenceBreakdown>();
  readonly measure = input.required<HeatMeasure>();
  private readonly i18n = inject(I18n);
  private readonly format = computed(() => new Intl.NumberFormat(this.i18n.locale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 }));

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

  protected bandKey(band: Band): TranslationKey {
    return band === 'hidden' ? 'competence.heatMap.hidden' : `competence.heatMap.${band}`;
  }

  protected text(f: CompetenceFigures): string {
    const value = this.value(f);
    return value === null ? this.i18n.t('insights.suppressedCell') : this.format().format(value);
  }

  private rows(groups: CompetenceGroup[]): CellValue[][] {
    return groups.map((g) => [g.label, g.areaName, g.people, ...g.figures.map((f) => this.value(f) ?? this.i18n.t('insights.suppressedCell'))]);
  }

  private table() {
    return { name: this.i18n.t('competence.heatMap.title'), headers: this.headers(), rows: this.rows(this.breakdown().groups) };
  }

  protected csv(): void {
    download(toCsv(this.table()), 'text/csv;charset=utf-8', `${this.i18n.t('competence.heatMap.fileName')}.csv`);
  }

  protected xlsx(): void {
    const bytes = toXlsx([this.table()]);
    download(bytes.slice().buffer as ArrayBuffer, XLSX_MIME, `${this.i18n.t('competence.heatMap.fileName')}.xlsx`);
  }
}
