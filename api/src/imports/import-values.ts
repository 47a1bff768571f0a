import { isEmail } from 'class-validator';
import { EmploymentType, Gender, ROLE_TITLES, UiLanguage } from '@kunna/contracts';
import { normaliseHeader } from './header-mapping';

/**
 * Parsing of single cell values. Each returns the value, or `null` when the text is not acceptable;
 * the caller turns that into a problem with the cell's position.
 */

/**
 * Dates: `ÅÅÅÅ-MM-DD` (also with one-digit month/day, `2024-1-5`), the compact `ÅÅÅÅMMDD` many Swedish
 * payroll systems export, and either followed by a midnight time (`2024-01-05 00:00:00`, `2024-01-05T00:00`)
 * as database and Excel exports write it. Slash and dot formats (`5/1/2024`, `05.01.2024`) are refused on
 * purpose: `5/1/2024` is 5 January to a Swedish reader and 1 May to an English-language Excel, and a date
 * read the wrong way round would be stored without anyone noticing. Years 1900–2100.
 */
export function parseImportDate(raw: string): string | null {
  const text = raw.trim();
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00(?:\.0+)?)?)?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function maxDate(a: string, b: string): string {
  return a >= b ? a : b;
}

const EMPLOYMENT_TYPES: Record<string, EmploymentType> = {};
const addWords = <T>(target: Record<string, T>, value: T, words: string[]) => {
  for (const word of words) target[normaliseHeader(word)] = value;
};
addWords(EMPLOYMENT_TYPES, EmploymentType.Permanent, [
  'tillsvidare',
  'tillsvidareanställd',
  'tillsvidareanställning',
  'tills vidare',
  'fast',
  'fastanställd',
  'fast anställning',
  'provanställd',
  'provanställning',
  'permanent',
  'tv',
]);
addWords(EMPLOYMENT_TYPES, EmploymentType.Substitute, [
  'vikarie',
  'vikariat',
  'vik',
  'visstid',
  'visstidsanställd',
  'visstidsanställning',
  'allmän visstid',
  'allmän visstidsanställning',
  'särskild visstid',
  'särskild visstidsanställning',
  'substitute',
  'temporary',
]);
addWords(EMPLOYMENT_TYPES, EmploymentType.Hourly, ['timanställd', 'timanställning', 'timavlönad', 'timvikarie', 'tim', 'hourly', 'per hour']);

/**
 * Swedish and English words for the employment form: tillsvidare/fast/provanställd → permanent,
 * vikarie/vikariat/visstid → substitute (the product's word for any fixed-term, non-hourly employment),
 * timanställd/timavlönad/timvikarie → hourly. Case and å/ä/ö are ignored.
 */
export function parseEmploymentType(raw: string): EmploymentType | null {
  return EMPLOYMENT_TYPES[normaliseHeader(raw)] ?? null;
}

const GENDERS: Record<string, Gender> = {};
addWords(GENDERS, Gender.Female, ['kvinna', 'k', 'kv', 'f', 'female', 'woman', 'w']);
addWords(GENDERS, Gender.Male, ['man', 'm', 'male']);
addWords(GENDERS, Gender.Other, ['annat', 'annan', 'övrigt', 'icke-binär', 'ickebinär', 'x', 'other', 'non-binary']);

export function parseGender(raw: string): Gender | null {
  return GENDERS[normaliseHeader(raw)] ?? null;
}

const LANGUAGES: Record<string, UiLanguage> = {};
addWords(LANGUAGES, 'sv', ['sv', 'svenska', 'swedish', 'sv-se', 'se']);
addWords(LANGUAGES, 'en', ['en', 'engelska', 'english', 'en-gb', 'en-us', 'eng']);

export function parseLanguage(raw: string): UiLanguage | null {
  return LANGUAGES[normaliseHeader(raw)] ?? null;
}

/** A known title in the product's spelling ("Undersköterska" → "undersköterska"); other titles as written. */
export function canonicalRoleTitle(raw: string): string {
  const text = raw.trim().replace(/\s+/g, ' ');
  const known = ROLE_TITLES.find((title) => title.toLocaleLowerCase('sv') === text.toLocaleLowerCase('sv'));
  return known ?? text;
}

export const EMPLOYEE_NUMBER_MAX = 40;
const EMPLOYEE_NUMBER = /^[\p{L}\p{N}][\p{L}\p{N}._/-]*$/u;

export function isValidEmployeeNumber(value: string): boolean {
  return value.length <= EMPLOYEE_NUMBER_MAX && EMPLOYEE_NUMBER.test(value);
}

export const EMAIL_MAX = 254;

export function isValidEmail(value: string): boolean {
  return value.length <= EMAIL_MAX && isEmail(value, { allow_display_name: false, allow_utf8_local_part: false });
}

/** Control characters, line breaks and the replacement character (a sign of a wrongly decoded byte) are never valid in a single-line value. */
export function hasControlCharacters(value: string): boolean {
  return /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufffd]/.test(value);
}

/** Trims ordinary and no-break spaces. */
export function cleanCell(value: string): string {
  return value.replace(/^[\s\u00a0]+|[\s\u00a0]+$/g, '');
}
