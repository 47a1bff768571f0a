import { Component, computed, inject, input, signal } from '@angular/core';
import { CellValue, toCsv, toXlsx, XLSX_MIME } from '@kunna/table-export';
import { today } from '../core/permissions';
import { I18n, TranslatePipe } from '../i18n/i18n';
import { ScrollRegion } from '../core/scroll-region';

/** Offers bytes as a file download without leaving the page. */
export function download(content: BlobPart, type: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * A data table with its caption, exportable to CSV (Swedish Excel) and XLSX. Numbers are shown in the interface
 * language's format and exported as numbers. Also the accessible alternative of every chart.
 */
@Component({
  selector: 'k-export-table',
  imports: [TranslatePipe, ScrollRegion],
  template: `
    <div class="export-table">
      <div class="table-wrap">
        <table>
          <caption>
            {{
              caption()
            }}
          </caption>
          <thead>
            <tr>
              @for (header of headers(); track $index) {
                <th scope="col">{{ header }}</th>
              }
            </tr>
          </thead>
          <tbody>
            @for (row of rows(); track $index; let r = $index) {
              <tr>
                @for (cell of row; track $index; let c = $index) {
                  @if ($first) {
                    <th scope="row">{{ show(cell) }}</th>
                  } @else {
                    <td [class]="classOf(r, c)" [class.number]="isNumber(cell)">
                      {{ show(cell, c) }}
                      @if (noteOf(r, c); as note) {
                        <span class="cell-note">{{ note }}</span>
                      }
                    </td>
                  }
                }
              </tr>
            } @empty {
              <tr>
                <td [attr.colspan]="headers().length">{{ empty() ?? ('insights.noRows' | t) }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
      <ng-content />
      <p class="export-actions no-print">
        <button type="button" class="secondary" [attr.aria-label]="('insights.exportCsv' | t) + ': ' + caption()" (click)="csv()">
          {{ 'insights.exportCsv' | t }}
        </button>
        <button type="button" class="secondary" [attr.aria-label]="('insights.exportXlsx' | t) + ': ' + caption()" (click)="xlsx()">
          {{ 'insights.exportXlsx' | t }}
        </button>
      </p>
      <div class="no-print" aria-live="assertive">
        @if (xlsxFailed()) {
          <p class="error" role="alert">{{ 'insights.exportXlsxFailed' | t }}</p>
        }
      </div>
    </div>
  `,
  styles: `
    .cell-note {
      display: block;
      font-size: 0.8em;
    }
  `,
})
export class ExportTable {
  readonly caption = input.required<string>();
  readonly headers = input.required<string[]>();
  readonly rows = input.required<CellValue[][]>();
  /** What the file holds, without extension; the download's name adds the scope and today's date. */
  readonly fileName = input.required<string>();
  /** Whom or what the figures are about (a unit's name), so the file says it: `team-vikarier-solgarden-2026-12-06.xlsx`. */
  readonly fileScope = input<string | null>(null);
  /** Extra classes of a data cell (row and column index in `rows`), e.g. a heat map's band. */
  readonly cellClass = input<(row: number, column: number) => string | null>();
  /** A word shown under a data cell's value, so a meaning carried by its class is also written out. */
  readonly cellNote = input<(row: number, column: number) => string | null>();
  /** Shown when there are no rows, instead of the general "no rows". */
  readonly empty = input<string>();
  /** Decimals always shown (figures compared side by side line up); at most two are shown in any case. */
  readonly minimumFractionDigits = input(0);
  /** Columns (index in a row) holding counts: always whole numbers, never "11,00" beside figures with decimals. */
  readonly countColumns = input<number[]>([]);
  private readonly i18n = inject(I18n);
  private readonly format = computed(
    () => new Intl.NumberFormat(this.i18n.locale(), { minimumFractionDigits: this.minimumFractionDigits(), maximumFractionDigits: 2 }),
  );
  private readonly countFormat = computed(() => new Intl.NumberFormat(this.i18n.locale(), { maximumFractionDigits: 0 }));
  private readonly suppressed = computed(() => this.i18n.t('insights.suppressedCell'));

  protected classOf(row: number, column: number): string {
    return this.cellClass()?.(row, column) ?? '';
  }

  protected noteOf(row: number, column: number): string | null {
    return this.cellNote()?.(row, column) ?? null;
  }

  protected isNumber(cell: CellValue): boolean {
    return typeof cell === 'number';
  }

  protected show(cell: CellValue, column = -1): string {
    if (cell === null) return this.suppressed();
    if (typeof cell !== 'number') return cell;
    return (this.countColumns().includes(column) ? this.countFormat() : this.format()).format(cell);
  }

  private table() {
    return { name: this.caption(), headers: this.headers(), rows: this.rows() };
  }

  protected csv(): void {
    download(toCsv(this.table()), 'text/csv;charset=utf-8', exportFileName([this.fileName(), this.fileScope()], 'csv'));
  }

  /** Set when the last XLSX export failed: toXlsx fetches exceljs (a chunk of its own) first, which needs network. */
  protected readonly xlsxFailed = signal(false);

  protected async xlsx(): Promise<void> {
    this.xlsxFailed.set(false);
    try {
      const bytes = await toXlsx([this.table()]);
      download(bytes.slice().buffer, XLSX_MIME, exportFileName([this.fileName(), this.fileScope()], 'xlsx'));
    } catch (error) {
      console.warn('XLSX export failed', error);
      this.xlsxFailed.set(true);
    }
  }
}

/**
 * A download's name that says what and when, safe on every system: `['Närvaro', 'Solgården']` → `narvaro-solgarden-2026-12-06.xlsx`
 * (letters without accents, words joined by hyphens, today's date last).
 */
export function exportFileName(parts: Array<string | null | undefined>, extension: string, day = today()): string {
  const slug = (text: string) =>
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  return `${[...parts.filter((part): part is string => !!part).map(slug), day].filter(Boolean).join('-')}.${extension}`;
}
