import type { ApiMessageCode, ApiMessageParams } from './api-messages';
import type { ApiError } from './errors';
export type ImportMode = 'full' | 'partial';

/** Target fields an HR export's columns can be mapped to. */
export const IMPORT_FIELDS = [
  'employeeNumber',
  'firstName',
  'lastName',
  'email',
  'roleTitle',
  'employmentType',
  'startDate',
  'endDate',
  'gender',
  'preferredLanguage',
  'unitCode',
  'unitName',
  'areaName',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['employeeNumber', 'firstName', 'lastName', 'unitCode'];

export interface ImportPreview {
  encoding: 'utf-8' | 'windows-1252';
  delimiter: ',' | ';';
  headers: string[];
  /** Best guess of header → field, to be confirmed by the user. */
  suggestedMapping: Partial<Record<ImportField, number>>;
  sampleRows: string[][];
  rowCount: number;
}

export interface ImportProblem {
  line: number;
  column: number | null;
  columnName: string | null;
  message: string;
  code: string;
  /** The message's code in the catalogue (api-messages.ts) and its values, for clients to translate. */
  messageCode?: ApiMessageCode;
  messageParams?: ApiMessageParams;
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  ended: number;
  unitsCreated: number;
}

export interface ImportResult {
  dryRun: boolean;
  ok: boolean;
  problems: ImportProblem[];
  counts: ImportCounts;
}

/** The 422 of an import refused as a whole: an `ApiError` (each problem in `details`) and the `ImportResult` at once. */
export type ImportRejection = ApiError & ImportResult;

/** Sent with the file (multipart field `options`, JSON) for dry run and import. */
export interface ImportOptions {
  /** Column index in the file for each target field. */
  mapping: Partial<Record<ImportField, number>>;
  /** `full`: people of the organisation missing from the file are ended (never deleted). */
  mode: ImportMode;
  /**
   * Unknown unit codes become new units when the row also names the unit (`unitName`) and an existing
   * area (`areaName`). Default false: an unknown code is a problem (a typo never creates a unit).
   */
  createUnits?: boolean;
}

export interface ImportRunSummary {
  id: string;
  fileName: string;
  mode: ImportMode;
  counts: ImportCounts;
  createdAt: string;
  createdBy: string | null;
}
