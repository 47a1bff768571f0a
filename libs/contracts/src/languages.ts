/**
 * Languages a staff member can use the staff pages and answer checks in (BCP 47). `sv-x-easy` is lätt svenska
 * (easy Swedish): Swedish formatting, simpler words. Ambassador, manager and HR pages stay Swedish/English.
 */
export const STAFF_LANGUAGES = ['sv', 'sv-x-easy', 'en', 'ar', 'so', 'ti', 'fa', 'bs', 'fi'] as const;
export type StaffLanguage = (typeof STAFF_LANGUAGES)[number];

/** Written right to left: the page gets dir="rtl" and a mirrored layout. */
export const RTL_LANGUAGES: readonly StaffLanguage[] = ['ar', 'fa'];

/** Each language's own name for itself, for the language picker. */
export const STAFF_LANGUAGE_NAMES: Readonly<Record<StaffLanguage, string>> = {
  sv: 'Svenska',
  'sv-x-easy': 'Lätt svenska',
  en: 'English',
  ar: 'العربية',
  so: 'Soomaali',
  ti: 'ትግርኛ',
  fa: 'فارسی',
  bs: 'Bosanski / Hrvatski / Srpski',
  fi: 'Suomi',
};

export function isStaffLanguage(value: unknown): value is StaffLanguage {
  return typeof value === 'string' && (STAFF_LANGUAGES as readonly string[]).includes(value);
}
