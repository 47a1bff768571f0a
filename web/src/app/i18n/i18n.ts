import { DOCUMENT } from '@angular/common';
import { Injectable, Pipe, PipeTransform, computed, inject, signal } from '@angular/core';
import { RTL_LANGUAGES, StaffLanguage, isStaffLanguage, uiLanguageFor } from '@kunna/contracts';
import { formatMessage, MessageParams } from './message-format';
import { sv, Translations } from './sv';
import { StaffTexts, overlay } from './staff-texts';

/** A language every page exists in: the ambassador, manager and HR pages have Swedish and English only. */
export type Language = 'sv' | 'en';

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every translation key, checked by the compiler: a typo in a template fails the build. */
export type TranslationKey = Leaves<Translations>;

/**
 * Swedish is the default and part of the first download; English is a separate chunk fetched when first chosen,
 * which keeps the initial bundle within its budget (web/angular.json) for the many who never switch. The other
 * staff languages are chunks of their own too (i18n/staff/*.ts): only the staff pages' texts, laid over Swedish.
 */
const LOADERS: Record<Language, () => Promise<Translations>> = {
  sv: () => Promise.resolve(sv as Translations),
  en: () => import('./en').then((module) => module.en),
};
const STAFF_LOADERS: Record<Exclude<StaffLanguage, Language>, () => Promise<StaffTexts>> = {
  'sv-x-easy': () => import('./staff/sv-x-easy').then((module) => module.texts),
  ar: () => import('./staff/ar').then((module) => module.texts),
  so: () => import('./staff/so').then((module) => module.texts),
  ti: () => import('./staff/ti').then((module) => module.texts),
  fa: () => import('./staff/fa').then((module) => module.texts),
  bs: () => import('./staff/bs').then((module) => module.texts),
  fi: () => import('./staff/fi').then((module) => module.texts),
};

/**
 * Intl locales. Lätt svenska writes numbers and dates as Swedish does. Persian keeps its own digits but the
 * Gregorian calendar: the dates are the workplace's (a session on 12 March), which colleagues talk about.
 */
const LOCALES: Record<StaffLanguage, string> = {
  sv: 'sv-SE',
  'sv-x-easy': 'sv-SE',
  en: 'en-GB',
  ar: 'ar',
  so: 'so',
  ti: 'ti',
  fa: 'fa-u-ca-gregory',
  bs: 'bs',
  fi: 'fi-FI',
};
const STORAGE_KEY = 'kunna.language';

@Injectable({ providedIn: 'root' })
export class I18n {
  private readonly document = inject(DOCUMENT);
  private readonly loaded = new Map<Language, Translations>([['sv', sv as Translations]]);
  private readonly staffTexts = new Map<StaffLanguage, StaffTexts>();
  /** Each staff language laid over Swedish, made once (and again when Swedish gains a feature's texts). */
  private readonly merged = new Map<StaffLanguage, Translations>();
  private readonly dictionary = signal<Translations>(sv as Translations);
  /** The language shown; it changes only once its dictionary is here, so text and formats never disagree. */
  readonly language = signal<StaffLanguage>('sv');
  /** The language the person chose (shown on the staff pages; the other pages show `uiLanguageFor` it). */
  readonly chosen = signal<StaffLanguage>('sv');
  /** Swedish or English: for what exists in those two only (server messages, audit labels, library names). */
  readonly uiLanguage = computed<Language>(() => uiLanguageFor(this.language()));
  /** Right to left (Arabic, Persian): the page gets dir="rtl". */
  readonly rtl = computed(() => RTL_LANGUAGES.includes(this.language()));
  /** False on the pages that stay Swedish/English (set by `pageLanguage` in core/page-language.ts). */
  private staffPage = true;
  /** The last language asked for: when two switches overlap, the later one wins whatever loads first. */
  private wanted: StaffLanguage = 'sv';
  /** Settles when this device's language is ready; the app waits for it before the first render (app.config.ts). */
  readonly ready: Promise<void>;

  constructor() {
    this.document.documentElement.lang = 'sv';
    const initial = this.storedLanguage() ?? 'sv';
    this.chosen.set(initial);
    this.ready = this.show(initial);
  }

  /** Chosen on this device (the sign-in page, the picker): remembered on the device as well. */
  async setLanguage(language: StaffLanguage): Promise<void> {
    // The language choice is not personal data; it survives on a shared tablet on purpose.
    try {
      localStorage.setItem(STORAGE_KEY, language);
    } catch {
      /* storage may be unavailable in private mode */
    }
    await this.choose(language);
  }

  /** A language for now only, not remembered on the device: the kiosk shows each answering person theirs. */
  async useForNow(language: StaffLanguage): Promise<void> {
    await this.choose(language);
  }

  /** The signed-in person's preferred language, used unless a language was chosen on this device (not stored). */
  async usePersonalLanguage(language: StaffLanguage): Promise<void> {
    if (this.storedLanguage() !== null) return;
    await this.choose(language);
  }

  /** After sign-out: back to this device's choice (or Swedish), so nothing of the previous person remains. */
  async restoreDeviceLanguage(): Promise<void> {
    await this.choose(this.storedLanguage() ?? 'sv');
  }

  /**
   * Whether the page being opened is a staff page (shown in the chosen language) or one of the pages that stay
   * Swedish/English. Settles when the page's language is ready, so a page never draws in the wrong one.
   */
  async usePageScope(staffPage: boolean): Promise<void> {
    this.staffPage = staffPage;
    await this.show(this.chosen());
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
    this.merged.clear();
    const shown = this.language();
    if (shown === 'sv') this.dictionary.set(merged);
    else if (shown !== 'en') this.dictionary.set(this.overlaid(shown, this.staffTexts.get(shown) ?? {}));
  }

  /** BCP 47 locale for number and date formatting. */
  locale(): string {
    return LOCALES[this.language()];
  }

  /** True when the language shown has a text for `key` (plural forms beyond one/other are optional). */
  has(key: string): boolean {
    return typeof this.lookup(key) === 'string';
  }

  /** The text for `key` with its values filled in (ICU syntax: `{name}`, `{count, plural, one {…} other {…}}`). */
  t(key: TranslationKey, params?: MessageParams): string {
    const node = this.lookup(key);
    const text = typeof node === 'string' ? node : key;
    // One pass: a value is inserted as-is (no `$&` patterns, no placeholders inside values re-filled).
    return params ? formatMessage(this.locale(), text, params) : text;
  }

  private lookup(key: string): unknown {
    let node: unknown = this.dictionary();
    for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
    return node;
  }

  private async choose(language: StaffLanguage): Promise<void> {
    this.chosen.set(language);
    await this.show(language);
  }

  /**
   * Shows `chosen` on a staff page, and its Swedish or English on the other pages. A language already here is shown
   * at once (no flash of the previous one); another once its chunk has arrived.
   */
  private async show(chosen: StaffLanguage): Promise<void> {
    const language: StaffLanguage = this.staffPage ? chosen : uiLanguageFor(chosen);
    this.wanted = language;
    if (!this.isLoaded(language)) {
      try {
        await this.load(language);
      } catch (error) {
        // Offline before the chunk was ever cached: stay in the language shown rather than break the page.
        console.warn(`Could not load the ${language} texts`, error);
        return;
      }
      if (this.wanted !== language) return;
    }
    const dictionary =
      language === 'sv' || language === 'en' ? (this.loaded.get(language) as Translations) : this.overlaid(language, this.staffTexts.get(language) ?? {});
    this.dictionary.set(dictionary);
    this.language.set(language);
    const root = this.document.documentElement;
    root.lang = language;
    root.dir = RTL_LANGUAGES.includes(language) ? 'rtl' : 'ltr';
  }

  private isLoaded(language: StaffLanguage): boolean {
    return language === 'sv' || language === 'en' ? this.loaded.has(language) : this.staffTexts.has(language);
  }

  private async load(language: StaffLanguage): Promise<void> {
    if (language === 'sv' || language === 'en') this.loaded.set(language, await LOADERS[language]());
    else this.staffTexts.set(language, await STAFF_LOADERS[language]());
  }

  /** Over Swedish: a staff page whose text is not yet translated shows the workplace's language. */
  private overlaid(language: StaffLanguage, texts: StaffTexts): Translations {
    let dictionary = this.merged.get(language);
    if (!dictionary) this.merged.set(language, (dictionary = overlay(this.loaded.get('sv') as Translations, texts)));
    return dictionary;
  }

  private storedLanguage(): StaffLanguage | null {
    try {
      const stored = localStorage.getItem(STORAGE_KEY);
      if (isStaffLanguage(stored)) return stored;
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
