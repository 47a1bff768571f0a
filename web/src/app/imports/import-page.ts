import { HttpErrorResponse } from '@angular/common/http';
import { Component, ElementRef, computed, inject, signal, viewChild, ChangeDetectionStrategy } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { IMPORT_FIELDS, ImportField, ImportMode, ImportOptions, ImportPreview, ImportResult, REQUIRED_IMPORT_FIELDS } from '@kunna/contracts';
import { Problem, problemKey, problemOf } from '../core/problem';
import { I18n, TranslatePipe, TranslationKey } from '../i18n/i18n';
import { importFieldKey } from '../i18n/labels';
import { ImportsApi } from './imports-api';
import { ImportCountsView } from './import-counts';
import { ImportPreviewView } from './import-preview';
import { ImportProblemsView } from './import-problems';

type Step = 'file' | 'mapping' | 'check' | 'done';

/** Select values: a column index as text, or '' for "not in the file". */
type MappingForm = Record<ImportField, string>;

/** The API refuses larger files (413). */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Upload → preview → map headers → dry run → run: an HR export becomes people and units, nothing is written before the last step. */
@Component({
  selector: 'k-import-page',
  imports: [FormsModule, TranslatePipe, RouterLink, ImportCountsView, ImportPreviewView, ImportProblemsView],
  templateUrl: './import-page.html',
  changeDetection: ChangeDetectionStrategy.Eager,
  styleUrl: './import-page.css',
})
export class ImportPage {
  private readonly imports = inject(ImportsApi);
  private readonly i18n = inject(I18n);
  protected readonly problemKey = problemKey;
  protected readonly importFieldKey = importFieldKey;
  protected readonly fields = IMPORT_FIELDS;
  protected readonly steps: { step: Step; label: TranslationKey }[] = [
    { step: 'file', label: 'imports.steps.file' },
    { step: 'mapping', label: 'imports.steps.mapping' },
    { step: 'check', label: 'imports.steps.check' },
    { step: 'done', label: 'imports.steps.done' },
  ];

  protected readonly step = signal<Step>('file');
  protected readonly file = signal<File | null>(null);
  protected readonly preview = signal<ImportPreview | null>(null);
  protected readonly mapping = signal<MappingForm>(emptyMapping());
  protected readonly mode = signal<ImportMode>('partial');
  protected readonly createUnits = signal(false);
  protected readonly report = signal<ImportResult | null>(null);
  protected readonly result = signal<ImportResult | null>(null);
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly fileError = signal<TranslationKey | null>(null);
  protected readonly mappingErrors = signal<ImportField[]>([]);
  protected readonly confirmFull = signal(false);
  private readonly stepHeading = viewChild<ElementRef<HTMLElement>>('stepHeading');
  private readonly fileInput = viewChild<ElementRef<HTMLInputElement>>('fileInput');

  protected readonly stepIndex = computed(() => this.steps.findIndex((entry) => entry.step === this.step()));
  protected readonly columns = computed(() => (this.preview()?.headers ?? []).map((header, index) => ({ index, header })));
  /** Columns chosen for more than one field: allowed, but probably a mistake. */
  protected readonly reused = computed(() => {
    const seen = new Map<string, number>();
    for (const value of Object.values(this.mapping())) if (value !== '') seen.set(value, (seen.get(value) ?? 0) + 1);
    return new Set([...seen.entries()].filter(([, count]) => count > 1).map(([value]) => value));
  });

  protected isRequired(field: ImportField): boolean {
    return REQUIRED_IMPORT_FIELDS.includes(field);
  }

  protected sample(field: ImportField): string | null {
    const value = this.mapping()[field];
    if (value === '') return null;
    const rows = this.preview()?.sampleRows ?? [];
    const samples = rows
      .map((row) => row[Number(value)] ?? '')
      .filter((cell) => cell.trim() !== '')
      .slice(0, 3);
    return samples.length ? samples.join(' · ') : null;
  }

  protected setField(field: ImportField, value: string): void {
    this.mapping.update((mapping) => ({ ...mapping, [field]: value }));
    this.mappingErrors.update((errors) => errors.filter((entry) => entry !== field));
  }

  protected chooseFile(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0] ?? null;
    this.fileError.set(null);
    this.problem.set(null);
    this.preview.set(null);
    if (file && file.size > MAX_FILE_BYTES) {
      this.fileError.set('imports.file.tooLarge');
      this.file.set(null);
      return;
    }
    this.file.set(file);
  }

  protected async loadPreview(): Promise<void> {
    const file = this.file();
    if (!file) {
      this.fileError.set('imports.file.missing');
      this.fileInput()?.nativeElement.focus();
      return;
    }
    await this.call(async () => {
      const preview = await this.imports.preview(file);
      this.preview.set(preview);
      const mapping = emptyMapping();
      for (const field of IMPORT_FIELDS) {
        const index = preview.suggestedMapping[field];
        if (index !== undefined && index !== null) mapping[field] = String(index);
      }
      this.mapping.set(mapping);
      this.mappingErrors.set([]);
    });
  }

  protected toMapping(): void {
    this.problem.set(null);
    this.go('mapping');
  }

  protected async dryRun(): Promise<void> {
    const missing = REQUIRED_IMPORT_FIELDS.filter((field) => this.mapping()[field] === '');
    this.mappingErrors.set(missing);
    if (missing.length) {
      setTimeout(() => document.getElementById(`map-${missing[0]}`)?.focus(), 0);
      return;
    }
    const file = this.file();
    if (!file) return;
    await this.call(async () => {
      this.report.set(await this.imports.dryRun(file, this.options()));
      this.confirmFull.set(false);
      this.go('check');
    });
  }

  protected async run(): Promise<void> {
    const file = this.file();
    if (!file) return;
    this.busy.set(true);
    this.problem.set(null);
    try {
      this.result.set(await this.imports.run(file, this.options()));
      this.go('done');
    } catch (error) {
      // 422: the file changed or the organisation did since the dry run; the body lists every problem, nothing was written.
      const body = error instanceof HttpErrorResponse && error.status === 422 ? (error.error as Partial<ImportResult> | null) : null;
      if (body && Array.isArray(body.problems)) {
        this.report.set({ dryRun: true, ok: false, problems: body.problems, counts: body.counts ?? this.report()?.counts ?? zeroCounts() });
        this.go('check');
      } else {
        this.problem.set(problemOf(error));
      }
    } finally {
      this.busy.set(false);
    }
  }

  protected restart(): void {
    this.file.set(null);
    this.preview.set(null);
    this.report.set(null);
    this.result.set(null);
    this.mapping.set(emptyMapping());
    this.mode.set('partial');
    this.createUnits.set(false);
    this.problem.set(null);
    this.go('file');
  }

  protected back(step: Step): void {
    this.problem.set(null);
    this.go(step);
  }

  private options(): ImportOptions {
    const mapping: ImportOptions['mapping'] = {};
    for (const [field, value] of Object.entries(this.mapping()) as [ImportField, string][]) {
      if (value !== '') mapping[field] = Number(value);
    }
    return { mapping, mode: this.mode(), ...(this.createUnits() ? { createUnits: true } : {}) };
  }

  private go(step: Step): void {
    this.step.set(step);
    setTimeout(() => this.stepHeading()?.nativeElement.focus(), 0);
  }

  private async call(work: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.problem.set(null);
    try {
      await work();
    } catch (error) {
      this.problem.set(problemOf(error));
    } finally {
      this.busy.set(false);
    }
  }
}

function zeroCounts(): ImportResult['counts'] {
  return { created: 0, updated: 0, unchanged: 0, ended: 0, unitsCreated: 0 };
}

function emptyMapping(): MappingForm {
  return Object.fromEntries(IMPORT_FIELDS.map((field) => [field, ''])) as MappingForm;
}
