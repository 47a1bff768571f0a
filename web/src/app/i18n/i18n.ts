import { DOCUMENT } from '@angular/common';
import { Injectable, Pipe, PipeTransform, inject, signal } from '@angular/core';
import { formatMessage, MessageParams } from './message-format';
import { sv, Translations } from './sv';

export type Language = 'sv' | 'en';

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every translation key, checked by the compiler: a typo in a template fails the build. */
export type TranslationKey = Leaves<Translations>;

/**
 * Swedish is the default and part of the first download; English is a separate chunk fetched when first chosen,
 * which keeps the initial bundle within its budget (web/angular.json) for the many who never switch.
 */
const LOADERS: Record<Language, () => Promise<Translations>> = {
  sv: () => Promise.resolve(sv as Translations),
  en: () => import('./en').then((module) => module.en),
};
const STORAGE_KEY = 'kunna.language';

@Injectable({ providedIn: 'root' })
export class I18n {
  private readonly document = inject(DOCUMENT);
  private readonly loaded = new Map<Language, Translations>([['sv', sv as Translations]]);
  private readonly dictionary = signal<Translations>(sv as Translations);
  /** The language shown; it changes only once its dictionary is here, so text and formats never disagree. */
  readonly language = signal<Language>('sv');
  /** The last language asked for: when two switches overlap, the later one wins whatever loads first. */
  private wanted: Language = 'sv';
  /** Settles when this device's language is ready; the app waits for it before the first render (app.config.ts). */
  readonly ready: Promise<void>;

  constructor() {
    this.document.documentElement.lang = 'sv';
    this.ready = this.show(this.initialLanguage());
  }

  async setLanguage(language: Language): Promise<void> {
    // The language choice is not personal data; it survives on a shared tablet on purpose.
    try {
      localStorage.setItem(STORAGE_KEY, language);
    } catch {
      /* storage may be unavailable in private mode */
    }
    await this.show(language);
  }

  /** The signed-in person's preferred language, used unless a language was chosen on this device (not stored). */
  async usePersonalLanguage(language: Language): Promise<void> {
    if (this.storedLanguage() !== null) return;
    await this.show(language);
  }

  /** After sign-out: back to this device's choice (or Swedish), so nothing of the previous person remains. */
  async restoreDeviceLanguage(): Promise<void> {
    await this.show(this.storedLanguage() ?? 'sv');
  }

  /**
   * Swedish texts of a lazily loaded feature, merged in when the feature loads so they stay out of the first
   * download (English carries them in its own chunk). Adding the same texts again changes nothing.
   */
  addSwedish(texts: Partial<Translations>): void {
    const current = this.loaded.get('sv') as Translations;
    const keys = Object.keys(texts) as (keyof Translations)[];
    if (keys.every((key) => current[key] === texts[key])) return;
    const merged = { ...current, ...texts } as Translations;
    this.loaded.set('sv', merged);
    if (this.language() === 'sv') this.dictionary.set(merged);
  }

  /** BCP 47 locale for number and date formatting. */
  locale(): string {
    return this.language() === 'sv' ? 'sv-SE' : 'en-GB';
  }

  /** The text for `key` with its values filled in (ICU syntax: `{name}`, `{count, plural, one {…} other {…}}`). */
  t(key: TranslationKey, params?: MessageParams): string {
    let node: unknown = this.dictionary();
    for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
    const text = typeof node === 'string' ? node : key;
    // One pass: a value is inserted as-is (no `$&` patterns, no placeholders inside values re-filled).
    return params ? formatMessage(this.locale(), text, params) : text;
  }

  private async show(language: Language): Promise<void> {
    this.wanted = language;
    let dictionary = this.loaded.get(language);
    if (!dictionary) {
      try {
        dictionary = await LOADERS[language]();
      } catch (error) {
        // Offline before the chunk was ever cached: stay in the language shown rather than break the page.
        console.warn(`Could not load the ${language} texts`, error);
        return;
      }
      this.loaded.set(language, dictionary);
    }
    if (this.wanted !== language) return;
    this.dictionary.set(dictionary);
    this.language.set(language);
    this.document.documentElement.lang = language;
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

  transform(key: TranslationKey, params?: MessageParams): string {
    return this.i18n.t(key, params);
  }
}
