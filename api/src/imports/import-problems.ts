import { ImportField, ImportProblem } from '@kunna/contracts';

/** Every problem code an import can report (the `code` of `ImportProblem`). */
export type ImportProblemCode =
  | 'csv_unterminated_quote'
  | 'csv_text_after_quote'
  | 'too_many_columns'
  | 'too_few_columns'
  | 'no_rows'
  | 'missing_required'
  | 'invalid_employee_number'
  | 'duplicate_employee_number'
  | 'too_long'
  | 'invalid_characters'
  | 'invalid_date'
  | 'end_before_start'
  | 'unknown_employment_type'
  | 'unknown_gender'
  | 'unknown_language'
  | 'invalid_email'
  | 'duplicate_email'
  | 'email_taken'
  | 'unknown_unit'
  | 'unknown_area'
  | 'inconsistent_unit'
  | 'closed_unit'
  | 'pseudonymised_person'
  | 'too_many_problems';

/** The Swedish name of each field, used in messages (the file's own header is given as `columnName`). */
export const FIELD_LABELS: Record<ImportField, string> = {
  employeeNumber: 'Anställningsnummer',
  firstName: 'Förnamn',
  lastName: 'Efternamn',
  email: 'E-post',
  roleTitle: 'Befattning',
  employmentType: 'Anställningsform',
  startDate: 'Startdatum',
  endDate: 'Slutdatum',
  gender: 'Kön',
  preferredLanguage: 'Språk',
  unitCode: 'Enhetskod',
  unitName: 'Enhetens namn',
  areaName: 'Område',
};

/** Where a value sits in the uploaded file. */
export interface CellPosition {
  line: number;
  column: number;
  columnName: string;
}

export function cellProblem(cell: CellPosition, code: ImportProblemCode, message: string): ImportProblem {
  return { line: cell.line, column: cell.column, columnName: cell.columnName, code, message };
}

export function lineProblem(line: number, column: number | null, code: ImportProblemCode, message: string): ImportProblem {
  return { line, column, columnName: null, code, message };
}

/** File order: by line, then column (problems without a column first on their line). */
export function sortProblems(problems: ImportProblem[]): ImportProblem[] {
  return [...problems].sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
}

/**
 * Every problem up to `limit`, then one line saying how many more there are. A file mapped the wrong way
 * round has a problem on every row; a list of tens of thousands helps nobody and would not fit a page.
 */
export function limitProblems(problems: ImportProblem[], limit: number): ImportProblem[] {
  if (problems.length <= limit) return problems;
  const shown = problems.slice(0, limit);
  const rest = problems.length - limit;
  const last = shown[shown.length - 1];
  shown.push(
    lineProblem(
      last.line,
      null,
      'too_many_problems',
      `Ytterligare ${rest} problem visas inte. Rätta problemen ovan (eller kontrollera kolumnvalen) och prova igen.`,
    ),
  );
  return shown;
}

/** `"värde"` for messages, shortened so that a huge cell does not flood the list. */
export function quote(value: string): string {
  const short = value.length > 60 ? `${value.slice(0, 57)}…` : value;
  return `"${short}"`;
}
