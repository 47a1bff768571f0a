import { EmploymentType, Gender, ImportField, ImportProblem, REQUIRED_IMPORT_FIELDS, UiLanguage } from '@kunna/contracts';
import type { CsvField, CsvRecord } from './csv-records';
import { CellPosition, cellProblem, FIELD_LABELS, lineProblem, quote } from './import-problems';
import {
  canonicalRoleTitle,
  cleanCell,
  EMAIL_MAX,
  EMPLOYEE_NUMBER_MAX,
  hasControlCharacters,
  isValidEmail,
  isValidEmployeeNumber,
  parseEmploymentType,
  parseGender,
  parseImportDate,
  parseLanguage,
} from './import-values';

export type ImportMapping = Partial<Record<ImportField, number>>;

/**
 * A row's values after parsing. An optional field is `undefined` when its column is not mapped or its cell
 * is empty: the stored value is then kept. `endDate` is the exception: a mapped, empty cell is `null`,
 * "no end date", because the HR system's end date column is the truth about whether someone has left.
 */
export interface RowValues {
  employeeNumber?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  roleTitle?: string;
  employmentType?: EmploymentType;
  startDate?: string;
  endDate?: string | null;
  gender?: Gender;
  preferredLanguage?: UiLanguage;
  unitCode?: string;
  unitName?: string;
  areaName?: string;
}

export interface ValidatedRow {
  /** Line where the record starts in the file. */
  line: number;
  values: RowValues;
  /** Position of each mapped cell present on the row, for problems found later (units, e-mail). */
  cells: Partial<Record<ImportField, CellPosition>>;
  /** The row has a problem of its own; it is still checked against the database for further problems. */
  hasProblems: boolean;
}

export interface RowValidationResult {
  rows: ValidatedRow[];
  problems: ImportProblem[];
}

const NAME_MAX = 100;
const TITLE_MAX = 100;
const UNIT_CODE_MAX = 40;
const UNIT_NAME_MAX = 200;

/**
 * Checks every data record on its own and against the other records of the file (duplicate employee
 * numbers and e-mail addresses). Pure: nothing here knows the database.
 */
export function validateRows(headers: string[], records: CsvRecord[], mapping: ImportMapping): RowValidationResult {
  const problems: ImportProblem[] = [];
  const rows: ValidatedRow[] = [];
  const employeeNumberLines = new Map<string, number>();
  const emailLines = new Map<string, number>();
  const mappedFields = (Object.keys(mapping) as ImportField[]).filter((field) => mapping[field] !== undefined);

  for (const record of records) {
    const before = problems.length;
    const values: RowValues = {};
    const cells: Partial<Record<ImportField, CellPosition>> = {};

    if (record.fields.length > headers.length) {
      const extra = record.fields[headers.length];
      problems.push(
        lineProblem(
          extra.line,
          extra.column,
          'too_many_columns',
          `Raden har ${record.fields.length} fält men rubrikraden har ${headers.length}. Ett värde som innehåller avgränsaren (komma eller semikolon) behöver stå inom citattecken.`,
        ),
      );
    } else if (record.fields.length < headers.length) {
      problems.push(
        lineProblem(
          record.endLine,
          record.endColumn,
          'too_few_columns',
          `Raden har ${record.fields.length} fält men rubrikraden har ${headers.length}. Fält saknas från kolumnen ${quote(headers[record.fields.length])}.`,
        ),
      );
    }

    for (const field of mappedFields) {
      const index = mapping[field] as number;
      const source: CsvField | undefined = record.fields[index];
      if (!source) continue; // reported as too few columns
      const cell: CellPosition = { line: source.line, column: source.column, columnName: headers[index] ?? '' };
      cells[field] = cell;
      const text = cleanCell(source.value);
      const label = FIELD_LABELS[field];
      if (text === '') {
        if (REQUIRED_IMPORT_FIELDS.includes(field)) {
          problems.push(cellProblem(cell, 'missing_required', `${label} saknas. Fältet måste fyllas i.`));
        } else if (field === 'endDate') {
          values.endDate = null;
        }
        continue;
      }
      switch (field) {
        case 'employeeNumber':
          if (!isValidEmployeeNumber(text)) {
            problems.push(
              cellProblem(
                cell,
                'invalid_employee_number',
                `Anställningsnumret ${quote(text)} går inte att använda. Det får bara innehålla bokstäver, siffror och - _ . / (inga mellanslag, högst ${EMPLOYEE_NUMBER_MAX} tecken).`,
              ),
            );
          } else {
            values.employeeNumber = text;
          }
          break;
        case 'firstName':
        case 'lastName':
        case 'roleTitle':
        case 'unitName':
        case 'areaName':
        case 'unitCode': {
          const max =
            field === 'roleTitle' ? TITLE_MAX : field === 'unitCode' ? UNIT_CODE_MAX : field === 'firstName' || field === 'lastName' ? NAME_MAX : UNIT_NAME_MAX;
          if (hasControlCharacters(text)) {
            problems.push(
              cellProblem(cell, 'invalid_characters', `${label} innehåller tecken som inte går att använda (radbrytningar, tabbar eller trasiga tecken).`),
            );
          } else if (text.length > max) {
            problems.push(cellProblem(cell, 'too_long', `${label} är för lång (${text.length} tecken, högst ${max}).`));
          } else if (field === 'roleTitle') {
            values.roleTitle = canonicalRoleTitle(text);
          } else {
            values[field] = text;
          }
          break;
        }
        case 'email':
          if (!isValidEmail(text)) {
            problems.push(
              cellProblem(
                cell,
                'invalid_email',
                `${quote(text)} är inte en giltig e-postadress${text.length > EMAIL_MAX ? ` (högst ${EMAIL_MAX} tecken)` : ''}.`,
              ),
            );
          } else {
            values.email = text;
          }
          break;
        case 'employmentType': {
          const type = parseEmploymentType(text);
          if (!type) {
            problems.push(
              cellProblem(
                cell,
                'unknown_employment_type',
                `Okänd anställningsform ${quote(text)}. Använd tillsvidare (eller fast), vikarie eller timanställd (eller timavlönad).`,
              ),
            );
          } else {
            values.employmentType = type;
          }
          break;
        }
        case 'startDate':
        case 'endDate': {
          const date = parseImportDate(text);
          if (!date) {
            problems.push(cellProblem(cell, 'invalid_date', `${quote(text)} är inte ett giltigt datum. Skriv datum som ÅÅÅÅ-MM-DD, till exempel 2024-01-05.`));
          } else {
            values[field] = date;
          }
          break;
        }
        case 'gender': {
          const gender = parseGender(text);
          if (!gender) {
            problems.push(cellProblem(cell, 'unknown_gender', `Okänt kön ${quote(text)}. Använd kvinna, man eller annat, eller lämna fältet tomt.`));
          } else {
            values.gender = gender;
          }
          break;
        }
        case 'preferredLanguage': {
          const language = parseLanguage(text);
          if (!language) {
            problems.push(cellProblem(cell, 'unknown_language', `Okänt språk ${quote(text)}. Använd sv (svenska) eller en (engelska).`));
          } else {
            values.preferredLanguage = language;
          }
          break;
        }
      }
    }

    if (values.startDate && values.endDate && values.endDate < values.startDate && cells.endDate) {
      problems.push(cellProblem(cells.endDate, 'end_before_start', `Slutdatum ${values.endDate} är före startdatum ${values.startDate}.`));
      values.endDate = undefined;
    }

    if (values.employeeNumber !== undefined && cells.employeeNumber) {
      const firstLine = employeeNumberLines.get(values.employeeNumber);
      if (firstLine !== undefined) {
        problems.push(
          cellProblem(
            cells.employeeNumber,
            'duplicate_employee_number',
            `Anställningsnumret ${quote(values.employeeNumber)} finns redan på rad ${firstLine}. Varje person får bara finnas en gång i filen.`,
          ),
        );
      } else {
        employeeNumberLines.set(values.employeeNumber, record.line);
      }
    }
    if (values.email !== undefined && cells.email) {
      const key = values.email.toLowerCase();
      const firstLine = emailLines.get(key);
      if (firstLine !== undefined) {
        problems.push(
          cellProblem(
            cells.email,
            'duplicate_email',
            `E-postadressen ${quote(values.email)} finns redan på rad ${firstLine}. Två personer kan inte ha samma e-postadress.`,
          ),
        );
      } else {
        emailLines.set(key, record.line);
      }
    }

    rows.push({ line: record.line, values, cells, hasProblems: problems.length > before });
  }
  return { rows, problems };
}
