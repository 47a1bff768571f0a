import { localDay as localDayFrom } from '../database/local-day';

/** A date (YYYY-MM-DD) counted from today in Sweden, as the API and the test databases' connections count days. */
export function localDay(offsetDays = 0): string {
  return localDayFrom(new Date(), offsetDays);
}
