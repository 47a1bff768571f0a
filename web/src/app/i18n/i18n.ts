import { DOCUMENT } from '@angular/common';
import { Injectable, Pipe, PipeTransform, inject, signal } from '@angular/core';
import { en } from './en';
import { sv, Translations } from './sv';

export type Language = 'sv' | 'en';

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every translation key, checked by the compiler: a typo in a template fails the build. */
export type TranslationKey = Leaves<Translations>;

const DICTIONARIES: Record<Language, Translations> = { sv, en };
const STORAGE_KEY = 'kunna.language';

@Injectable({ providedIn: 'root' })
export class I18n {
  private readonly document = inject(DOCUMENT);
  readonly language = signal<Language>(this.initialLanguage());

  constructor() {
    this.document.documentElement.lang = this.language();
  }

  setLanguage(language: Language): void {
    this.language.set(language);
    this.document.documentElement.lang = language;
    // The language choice is not personal data; it survives on a shared tablet on purpose.
    try {
      localStorage.setItem(STORAGE_KEY, language);
    } catch {
      /* storage may be unavailable in private mode */
    }
  }

  /** The signed-in person's preferred language, used unless a language was chosen on this device (not stored). */
  usePersonalLanguage(language: Language): void {
    if (this.storedLanguage() !== null) return;
    this.language.set(language);
    this.document.documentElement.lang = language;
  }

  /** After sign-out: back to this device's choice (or Swedish), so nothing of the previous person remains. */
  restoreDeviceLanguage(): void {
    const language = this.storedLanguage() ?? 'sv';
    this.language.set(language);
    this.document.documentElement.lang = language;
  }

  /** BCP 47 locale for number and date formatting. */
  locale(): string {
    return this.language() === 'sv' ? 'sv-SE' : 'en-GB';
  }

  t(key: TranslationKey, params?: Record<string, string | number>): string {
    let node: unknown = DICTIONARIES[this.language()];
    for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
    let text = typeof node === 'string' ? node : key;
    // One pass with a function: a value is inserted as-is (no `$&` patterns, no placeholders inside values re-filled).
    if (params) text = text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
    return text;
  }

  private initialLanguage(): Language {
    return this.storedLanguage() ?? 'sv';
  }

  private storedLanguage(): Language | null {
    try {
      const stored = localStorage.getItem(STORAGE_KEY);
      if (stored === 'sv' || stored === 'en') return stored;
    } catch {
      /* storage may be unavailable */
    }
    return null;
  }
}

/** `{{ 'signIn.title' | t }}`; impure so a language switch re-renders at once. */
@Pipe({ name: 't', pure: false })
export class TranslatePipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(key: TranslationKey, params?: Record<string, string | number>): string {
    return this.i18n.t(key, params);
  }
}
