import { EmploymentType, Gender, ImportProblem } from '@kunna/contracts';
import { parseCsv } from './csv-records';
import { ImportMapping, validateRows } from './row-validation';

const HEADER = 'Anst.nr;Förnamn;Efternamn;E-post;Befattning;Anställningsform;Startdatum;Slutdatum;Kön;Enhetskod';
const MAPPING: ImportMapping = {
  employeeNumber: 0,
  firstName: 1,
  lastName: 2,
  email: 3,
  roleTitle: 4,
  employmentType: 5,
  startDate: 6,
  endDate: 7,
  gender: 8,
  unitCode: 9,
};

function validate(lines: string[], mapping: ImportMapping = MAPPING) {
  const { records } = parseCsv([HEADER, ...lines].join('\n'), ';');
  const headers = records[0].fields.map((field) => field.value);
  return validateRows(headers, records.slice(1), mapping);
}

const brief = (problems: ImportProblem[]) => problems.map((p) => [p.line, p.column, p.columnName, p.code]);

describe('validateRows', () => {
  it('parses a good row into typed values with each cell position', () => {
    const { rows, problems } = validate(['1001;Åsa;Öberg;asa@kommun.example;Undersköterska;Tillsvidare;2019-03-01;;Kvinna;U1']);
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(1);
    expect(rows[0].values).toEqual({
      employeeNumber: '1001',
      firstName: 'Åsa',
      lastName: 'Öberg',
      email: 'asa@kommun.example',
      roleTitle: 'undersköterska',
      employmentType: EmploymentType.Permanent,
      startDate: '2019-03-01',
      endDate: null,
      gender: Gender.Female,
      unitCode: 'U1',
    });
    expect(rows[0].cells.unitCode).toEqual({ line: 2, column: 81, columnName: 'Enhetskod' });
    expect(rows[0].hasProblems).toBe(false);
  });

  it('leaves empty optional cells undefined (keep what is stored) but an empty end date null (no end date)', () => {
    const { rows } = validate(['1001;Åsa;Öberg;;;;;;;U1']);
    expect(rows[0].values).toEqual({ employeeNumber: '1001', firstName: 'Åsa', lastName: 'Öberg', endDate: null, unitCode: 'U1' });
  });

  it('does not touch fields whose column is not mapped', () => {
    const { rows, problems } = validate(['1001;Åsa;Öberg;inte-en-adress;;Konsult;igår;;?;U1'], {
      employeeNumber: 0,
      firstName: 1,
      lastName: 2,
      unitCode: 9,
    });
    expect(problems).toEqual([]);
    expect(rows[0].values).toEqual({ employeeNumber: '1001', firstName: 'Åsa', lastName: 'Öberg', unitCode: 'U1' });
  });

  it('names line, column and header of every bad cell, all on one row', () => {
    const { problems, rows } = validate([' ;Åsa;;asa@;Undersköterska;Projekt;5/1/2024;2024-02-30;?;']);
    expect(brief(problems)).toEqual([
      [2, 1, 'Anst.nr', 'missing_required'],
      [2, 7, 'Efternamn', 'missing_required'],
      [2, 8, 'E-post', 'invalid_email'],
      [2, 28, 'Anställningsform', 'unknown_employment_type'],
      [2, 36, 'Startdatum', 'invalid_date'],
      [2, 45, 'Slutdatum', 'invalid_date'],
      [2, 56, 'Kön', 'unknown_gender'],
      [2, 58, 'Enhetskod', 'missing_required'],
    ]);
    expect(problems[4].message).toBe('"5/1/2024" är inte ett giltigt datum. Skriv datum som ÅÅÅÅ-MM-DD, till exempel 2024-01-05.');
    expect(rows[0].hasProblems).toBe(true);
  });

  it('finds duplicate employee numbers and e-mail addresses within the file, naming the first line', () => {
    const { problems } = validate(['1001;Åsa;Öberg;asa@kommun.example;;;;;;U1', '1002;Bo;Ek;ASA@kommun.example;;;;;;U1', '1001;Åsa;Berg;;;;;;;U2']);
    expect(brief(problems)).toEqual([
      [3, 12, 'E-post', 'duplicate_email'],
      [4, 1, 'Anst.nr', 'duplicate_employee_number'],
    ]);
    expect(problems[1].message).toContain('finns redan på rad 2');
  });

  it('finds an end date before the start date', () => {
    const { problems, rows } = validate(['1001;Åsa;Öberg;;;;2024-05-01;2024-04-30;;U1']);
    expect(brief(problems)).toEqual([[2, 30, 'Slutdatum', 'end_before_start']]);
    expect(rows[0].values.endDate).toBeUndefined();
  });

  it('reports too many columns at the first extra field and too few at the end of the row', () => {
    const { problems } = validate(['1001;Åsa;Öberg;;;;;;;U1;extra', '1002;Bo;Ek']);
    expect(brief(problems)).toEqual([
      [2, 25, null, 'too_many_columns'],
      [3, 11, null, 'too_few_columns'],
    ]);
    expect(problems[1].message).toBe('Raden har 3 fält men rubrikraden har 10. Fält saknas från kolumnen "E-post".');
  });

  it('refuses invalid employee numbers, control characters and over-long values', () => {
    const { problems } = validate([`12 34;"Å\nsa";${'x'.repeat(101)};;;;;;;U1`]);
    expect(brief(problems)).toEqual([
      [2, 1, 'Anst.nr', 'invalid_employee_number'],
      [2, 7, 'Förnamn', 'invalid_characters'],
      [3, 5, 'Efternamn', 'too_long'],
    ]);
  });
});
