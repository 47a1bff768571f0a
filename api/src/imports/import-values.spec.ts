import { EmploymentType, Gender } from '@kunna/contracts';
import {
  canonicalRoleTitle,
  hasControlCharacters,
  isValidEmail,
  isValidEmployeeNumber,
  parseEmploymentType,
  parseGender,
  parseImportDate,
  parseLanguage,
} from './import-values';

describe('parseImportDate', () => {
  it.each([
    ['2024-01-05', '2024-01-05'],
    ['2024-1-5', '2024-01-05'],
    [' 2024-01-05 ', '2024-01-05'],
    ['20240105', '2024-01-05'],
    ['2024-01-05 00:00', '2024-01-05'],
    ['2024-01-05 00:00:00', '2024-01-05'],
    ['2024-01-05T00:00:00.000', '2024-01-05'],
    ['2024-02-29', '2024-02-29'],
  ])('accepts %s', (raw, expected) => {
    expect(parseImportDate(raw)).toBe(expected);
  });

  it.each([
    '5/1/2024',
    '01/05/2024',
    '05.01.2024',
    '2023-02-29',
    '2024-13-01',
    '2024-04-31',
    '2024-00-10',
    '1899-12-31',
    '24-01-05',
    'i morgon',
    '2024-01-05 13:45',
    '',
  ])('refuses %s', (raw) => {
    expect(parseImportDate(raw)).toBeNull();
  });
});

describe('parseEmploymentType', () => {
  it.each([
    ['Tillsvidare', EmploymentType.Permanent],
    ['tillsvidareanställd', EmploymentType.Permanent],
    ['Fast', EmploymentType.Permanent],
    ['Provanställning', EmploymentType.Permanent],
    ['Vikarie', EmploymentType.Substitute],
    ['VIKARIAT', EmploymentType.Substitute],
    ['Allmän visstid', EmploymentType.Substitute],
    ['Timanställd', EmploymentType.Hourly],
    ['timavlönad', EmploymentType.Hourly],
    ['Timvikarie', EmploymentType.Hourly],
    ['hourly', EmploymentType.Hourly],
  ])('%s → %s', (raw, expected) => {
    expect(parseEmploymentType(raw)).toBe(expected);
  });

  it('refuses unknown words', () => {
    expect(parseEmploymentType('Projekt')).toBeNull();
    expect(parseEmploymentType('')).toBeNull();
  });
});

describe('other cell values', () => {
  it('maps gender words and letters', () => {
    expect(parseGender('Kvinna')).toBe(Gender.Female);
    expect(parseGender('K')).toBe(Gender.Female);
    expect(parseGender('man')).toBe(Gender.Male);
    expect(parseGender('M')).toBe(Gender.Male);
    expect(parseGender('Annat')).toBe(Gender.Other);
    expect(parseGender('?')).toBeNull();
  });

  it('maps languages', () => {
    expect(parseLanguage('Svenska')).toBe('sv');
    expect(parseLanguage('EN')).toBe('en');
    expect(parseLanguage('de')).toBeNull();
  });

  it('spells known role titles the product way and keeps other titles', () => {
    expect(canonicalRoleTitle('Undersköterska')).toBe('undersköterska');
    expect(canonicalRoleTitle('  personlig   Assistent ')).toBe('personlig assistent');
    expect(canonicalRoleTitle('Nattpersonal')).toBe('Nattpersonal');
  });

  it('checks employee numbers, e-mail addresses and control characters', () => {
    expect(isValidEmployeeNumber('T101')).toBe(true);
    expect(isValidEmployeeNumber('2024-001/B')).toBe(true);
    expect(isValidEmployeeNumber('12 34')).toBe(false);
    expect(isValidEmployeeNumber('-12')).toBe(false);
    expect(isValidEmployeeNumber('1'.repeat(41))).toBe(false);
    expect(isValidEmail('asa.oberg@kommun.example')).toBe(true);
    expect(isValidEmail('asa@')).toBe(false);
    expect(isValidEmail('Åsa <asa@kommun.example>')).toBe(false);
    expect(hasControlCharacters('Åsa\tÖberg')).toBe(true);
    expect(hasControlCharacters('Bj\ufffdrn')).toBe(true);
    expect(hasControlCharacters('Åsa-Britt')).toBe(false);
  });
});
