import { HttpErrorResponse } from '@angular/common/http';
import { Component, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ImportField, ImportMode, ImportOptions, ImportPreview, ImportResult } from '@kunna/contracts';
import { Problem, problemKey, problemOf } from '../core/problem';
import { TranslatePipe, TranslationKey } from '../i18n/i18n';
import { ImportsApi } from './imports-api';
import { ImportCheckStep } from './import-check-step';
import { ImportCountsView } from './import-counts';
import { emptyMapping, importOptions, suggestedMapping } from './import-mapping';
import { ImportMappingStep } from './import-mapping-step';
import { ImportPreviewView } from './import-preview';

type Step = 'file' | 'mapping' | 'check' | 'done';

/** The API refuses larger files (413). */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Upload → preview → map headers → dry run → run: an HR export becomes people and units, nothing is written before the last step. */
@Component({
  selector: 'k-import-page',
  imports: [TranslatePipe, RouterLink, ImportCountsView, ImportPreviewView, ImportMappingStep, ImportCheckStep],
  templateUrl: './import-page.html',
  styleUrl: './import-page.css',
})
export class ImportPage {
  private readonly imports = inject(ImportsApi);
  protected readonly problemKey = problemKey;
  protected readonly steps: { step: Step; label: TranslationKey }[] = [
    { step: 'file', label: 'imports.steps.file' },
    { step: 'mapping', label: 'imports.steps.mapping' },
    { step: 'check', label: 'imports.steps.check' },
    { step: 'done', label: 'imports.steps.done' },
  ];

  protected readonly step = signal<Step>('file');
  protected readonly file = signal<File | null>(null);
  protected readonly preview = signal<ImportPreview | null>(null);
  protected readonly mapping = signal(emptyMapping());
  protected readonly mode = signal<ImportMode>('partial');
  protected readonly createUnits = signal(false);
  protected readonly report = signal<ImportResult | null>(null);
  protected readonly result = signal<ImportResult | null>(null);
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly fileError = signal<TranslationKey | null>(null);
  protected readonly mappingErrors = signal<ImportField[]>([]);
  private readonly fileInput = viewChild<ElementRef<HTMLInputElement>>('fileInput');

  protected readonly stepIndex = computed(() => this.steps.findIndex((entry) => entry.step === this.step()));

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
      this.mapping.set(suggestedMapping(preview));
      this.mappingErrors.set([]);
    });
  }

  protected toMapping(): void {
    this.problem.set(null);
    this.go('mapping');
  }

  /** The mapping step has checked the required fields. */
  protected async dryRun(): Promise<void> {
    const file = this.file();
    if (!file) return;
    await this.call(async () => {
      this.report.set(await this.imports.dryRun(file, this.options()));
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
    return importOptions(this.mapping(), this.mode(), this.createUnits());
  }

  /** Shows a step and moves focus to its heading (`step-…`), once it is drawn. */
  private go(step: Step): void {
    this.step.set(step);
    setTimeout(() => document.getElementById(`step-${step}`)?.focus(), 0);
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
