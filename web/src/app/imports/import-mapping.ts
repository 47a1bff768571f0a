import { IMPORT_FIELDS, ImportField, ImportMode, ImportOptions, ImportPreview, REQUIRED_IMPORT_FIELDS } from '@kunna/contracts';

/** Select values: a column index as text, or '' for "not in the file". */
export type MappingForm = Record<ImportField, string>;

export function emptyMapping(): MappingForm {
  return Object.fromEntries(IMPORT_FIELDS.map((field) => [field, ''])) as MappingForm;
}

/** The columns the server guessed for each field. */
export function suggestedMapping(preview: ImportPreview): MappingForm {
  const mapping = emptyMapping();
  for (const field of IMPORT_FIELDS) {
    const index = preview.suggestedMapping[field];
    if (index !== undefined && index !== null) mapping[field] = String(index);
  }
  return mapping;
}

/** Required fields no column is chosen for. */
export function missingFields(mapping: MappingForm): ImportField[] {
  return REQUIRED_IMPORT_FIELDS.filter((field) => mapping[field] === '');
}

/** Columns chosen for more than one field: allowed, but probably a mistake. */
export function reusedColumns(mapping: MappingForm): Set<string> {
  const seen = new Map<string, number>();
  for (const value of Object.values(mapping)) if (value !== '') seen.set(value, (seen.get(value) ?? 0) + 1);
  return new Set([...seen.entries()].filter(([, count]) => count > 1).map(([value]) => value));
}

/** What the dry run and the run are sent: the chosen columns as numbers, fields not in the file left out. */
export function importOptions(form: MappingForm, mode: ImportMode, createUnits: boolean): ImportOptions {
  const mapping: ImportOptions['mapping'] = {};
  for (const [field, value] of Object.entries(form) as [ImportField, string][]) {
    if (value !== '') mapping[field] = Number(value);
  }
  return { mapping, mode, ...(createUnits ? { createUnits: true } : {}) };
}
