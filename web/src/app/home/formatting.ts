import { Pipe, PipeTransform, inject } from '@angular/core';
import { I18n, TranslationKey } from '../i18n/i18n';

/** The plural forms of one text: Intl.PluralRules picks `one` or `other` (Swedish and English have no more). */
export interface PluralForms {
  one: string;
  other: string;
}

/**
 * `{{ 'today.counts.sessions' | kPlural: count }}`: the form of the key that the language's plural rules choose for
 * `count`, with `{count}` formatted by Intl ("1 tillfälle", "2 tillfällen", "1 234 timmar"). Impure so a language
 * switch re-renders.
 */
@Pipe({ name: 'kPlural', pure: false })
export class PluralPipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(key: string, count: number, params: Record<string, string | number> = {}): string {
    return plural(this.i18n, key, count, params);
  }
}

/**
 * `key` names an object of `PluralForms` in the dictionaries. A language with more forms (Arabic: zero, two, few,
 * many) may give them too; a form it does not give falls back to `one` or `other`.
 */
export function plural(i18n: I18n, key: string, count: number, params: Record<string, string | number> = {}): string {
  const category = new Intl.PluralRules(i18n.locale()).select(count);
  const form = i18n.has(`${key}.${category}`) ? category : category === 'one' ? 'one' : 'other';
  return i18n.t(`${key}.${form}` as TranslationKey, { ...params, count: new Intl.NumberFormat(i18n.locale()).format(count) });
}

/** `{{ 63.6 | kPercent }}` → "63,6 %" (sv) or "63.6%" (en); the value is a percentage 0–100. */
@Pipe({ name: 'kPercent', pure: false })
export class PercentPipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(value: number | null | undefined): string {
    if (value === null || value === undefined) return '';
    return new Intl.NumberFormat(this.i18n.locale(), { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
  }
}
