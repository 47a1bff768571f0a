import { SESSION_TIME_ZONE } from './participation.sql';

/**
 * Kunna's calendar is Sweden's. Today's date (YYYY-MM-DD) in Stockholm at `at`, as LOCAL_TODAY is in SQL and as the
 * database connections' current_date is (data-source.ts). Not `toISOString()`: that is UTC's date, a day behind
 * Stockholm's between midnight there and midnight UTC.
 */
export function localToday(at: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: SESSION_TIME_ZONE }).format(at);
}

/** `YYYY-MM-DD` plus `days` calendar days (may be negative). */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

/** The date in Sweden `offsetDays` from the day of `at` (the demo loaders' "today" is a parameter). */
export function localDay(at: Date, offsetDays: number): string {
  return addDays(localToday(at), offsetDays);
}
