import type { Translations } from './sv';

/** Plural forms: Swedish and English need one/other; Arabic also zero, two, few and many (Intl.PluralRules). */
export type PluralTexts = Partial<Record<'zero' | 'one' | 'two' | 'few' | 'many' | 'other', string>>;

type Overlay<T> = {
  [K in keyof T]?: T[K] extends string ? string : T[K] extends { one: string; other: string } ? PluralTexts : Overlay<T[K]>;
};

/**
 * A staff language's texts (i18n/staff/*.ts): the staff pages' keys only, laid over Swedish, since the ambassador,
 * manager and HR pages stay Swedish/English. The keys every one of them must have are `STAFF_KEYS` (staff-keys.ts).
 */
export type StaffTexts = Overlay<Translations>;

type Tree = { [key: string]: string | Tree };

/** `base` with every text of `texts` in place of its own (deep; neither is changed). */
export function overlay(base: Translations, texts: StaffTexts): Translations {
  const merge = (into: Tree, from: Tree): Tree => {
    const out: Tree = { ...into };
    for (const [key, value] of Object.entries(from)) {
      const current = out[key];
      out[key] = typeof value === 'string' || typeof current !== 'object' ? value : merge(current, value);
    }
    return out;
  };
  return merge(base, texts) as unknown as Translations;
}
