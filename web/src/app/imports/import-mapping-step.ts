import { Component, computed, input, model, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { IMPORT_FIELDS, ImportField, ImportMode, ImportPreview, REQUIRED_IMPORT_FIELDS } from '@kunna/contracts';
import { TranslatePipe } from '../i18n/i18n';
import { importFieldKey } from '../i18n/labels';
import { MappingForm, missingFields, reusedColumns } from './import-mapping';

/**
 * Step 2: which column holds which field (examples from the file's first rows), whether unknown units are created,
 * and whether people missing from the file end. Asks for the required fields before the dry run is requested.
 */
@Component({
  selector: 'k-import-mapping-step',
  imports: [FormsModule, TranslatePipe],
  templateUrl: './import-mapping-step.html',
  styleUrl: './import-mapping-step.css',
})
export class ImportMappingStep {
  readonly preview = input<ImportPreview | null>(null);
  readonly busy = input(false);
  readonly mapping = model.required<MappingForm>();
  /** Required fields left "not in the file" when the dry run was asked for. */
  readonly mappingErrors = model.required<ImportField[]>();
  readonly mode = model.required<ImportMode>();
  readonly createUnits = model.required<boolean>();
  /** Every required field has a column: test-run the import. */
  readonly dryRun = output();
  readonly back = output();
  protected readonly importFieldKey = importFieldKey;
  protected readonly fields = IMPORT_FIELDS;

  protected readonly columns = computed(() => (this.preview()?.headers ?? []).map((header, index) => ({ index, header })));
  protected readonly reused = computed(() => reusedColumns(this.mapping()));

  protected isRequired(field: ImportField): boolean {
    return REQUIRED_IMPORT_FIELDS.includes(field);
  }

  /** Up to three values of the chosen column, from the preview's rows. */
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

  protected requestDryRun(): void {
    const missing = missingFields(this.mapping());
    this.mappingErrors.set(missing);
    if (missing.length) {
      setTimeout(() => document.getElementById(`map-${missing[0]}`)?.focus(), 0);
      return;
    }
    this.dryRun.emit();
  }
}
