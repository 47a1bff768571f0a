import { Pipe, PipeTransform, inject } from '@angular/core';
import { I18n } from './i18n';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Formats a calendar date (YYYY-MM-DD) or a timestamp in the chosen language. */
export function formatDate(i18n: I18n, value: string | null | undefined, withTime = false): string {
  if (!value) return '';
  // A calendar date has no time zone: read it as local noon so it never shifts a day.
  const date = DATE_ONLY.test(value) ? new Date(`${value}T12:00:00`) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(i18n.locale(), {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
  }).format(date);
}

/** `{{ person.startDate | kDate }}`; impure so a language switch re-renders. */
@Pipe({ name: 'kDate', pure: false })
export class DateFormatPipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(value: string | null | undefined, withTime = false): string {
    return formatDate(this.i18n, value, withTime);
  }
}

/** `{{ count | kNumber }}` with the language's digit grouping. */
@Pipe({ name: 'kNumber', pure: false })
export class NumberFormatPipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(value: number | null | undefined): string {
    return value === null || value === undefined ? '' : new Intl.NumberFormat(this.i18n.locale()).format(value);
  }
}
