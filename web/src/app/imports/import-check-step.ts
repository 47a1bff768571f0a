import { Component, input, output, signal } from '@angular/core';
import { ImportMode, ImportResult } from '@kunna/contracts';
import { TranslatePipe } from '../i18n/i18n';
import { ImportCountsView } from './import-counts';
import { ImportProblemsView } from './import-problems';

/**
 * Step 3: the dry run's report. Problems send the user back to the file or the mapping; without problems the planned
 * figures are shown, and a full import (which ends people missing from the file) must be confirmed before it runs.
 */
@Component({
  selector: 'k-import-check-step',
  imports: [TranslatePipe, ImportCountsView, ImportProblemsView],
  templateUrl: './import-check-step.html',
})
export class ImportCheckStep {
  readonly report = input<ImportResult | null>(null);
  readonly mode = input.required<ImportMode>();
  readonly busy = input(false);
  readonly run = output();
  readonly newFile = output();
  readonly changeMapping = output();
  /** Asked afresh for each dry run: the step is shown anew after one. */
  protected readonly confirmFull = signal(false);
}
