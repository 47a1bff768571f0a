import { DOCUMENT } from '@angular/common';
import { TestBed } from '@angular/core/testing';
import { en } from './en';
import { I18n, TranslatePipe, TranslationKey } from './i18n';
import { placeholderNames } from './message-format';
import { insightPagesSv } from './insight-pages.sv';
import { signedInSv } from './signed-in.sv';
import { sv } from './sv';

type Tree = { [key: string]: string | Tree };

/** Every leaf of a dictionary as `dotted.key` → text. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [leaf, text] of leaves(value, path)) out.set(leaf, text);
  }
  return out;
}

const placeholders = (text: string) => placeholderNames(text);

describe('translations', () => {
  // Lazily loaded features' Swedish texts belong to the dictionary as much as the first download's.
  const swedish = leaves({ ...sv, ...insightPagesSv, ...signedInSv });
  const english = leaves(en);

  it("keeps the signed-in pages' and Insight's Swedish texts out of the first download", () => {
    const lazy = [...Object.keys(signedInSv), ...Object.keys(insightPagesSv)];
    expect(lazy.length).toBeGreaterThan(10);
    expect(lazy.filter((key) => key in sv)).toEqual([]);
  });

  it('has a good number of keys (the dictionaries are really loaded)', () => {
    expect(swedish.size).toBeGreaterThan(50);
  });

  it('every Swedish key exists in English', () => {
    expect([...swedish.keys()].filter((key) => !english.has(key))).toEqual([]);
  });

  it('every English key exists in Swedish', () => {
    expect([...english.keys()].filter((key) => !swedish.has(key))).toEqual([]);
  });

  it('no text is empty or left untranslated as a key', () => {
    for (const [key, text] of [...swedish, ...english]) {
      expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
      expect({ key, text }).not.toEqual({ key, text: key });
    }
  });

  it('both languages use the same {placeholders} for each key', () => {
    const mismatched = [...swedish.keys()]
      .filter((key) => english.has(key))
      .filter((key) => placeholders(swedish.get(key)!).join() !== placeholders(english.get(key)!).join())
      .map((key) => `${key}: sv {${placeholders(swedish.get(key)!).join(',')}} en {${placeholders(english.get(key)!).join(',')}}`);
    expect(mismatched).toEqual([]);
  });
});

describe('I18n', () => {
  let i18n: I18n;
  let document: Document;

  beforeEach(() => {
    localStorage.clear();
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({});
    i18n = TestBed.inject(I18n);
    document = TestBed.inject(DOCUMENT);
  });

  it('starts in Swedish and sets <html lang>', () => {
    expect(i18n.language()).toBe('sv');
    expect(document.documentElement.lang).toBe('sv');
    expect(i18n.t('app.signOut')).toBe(sv.app.signOut);
    expect(i18n.locale()).toBe('sv-SE');
  });

  it('substitutes every occurrence of each parameter, in the plural form the number needs', () => {
    expect(i18n.t('signIn.lockedOut', { minutes: 12 })).toContain('Vänta 12 minuter och');
    expect(i18n.t('signIn.lockedOut', { minutes: 1 })).toContain('Vänta 1 minut och');
    expect(i18n.t('signIn.lockedOut', { minutes: 12 })).not.toContain('{minutes');
    const key = [...leaves(sv as unknown as Tree)].find(([, text]) => placeholders(text).length >= 2);
    expect(key).toBeDefined();
    const [path, text] = key!;
    const params = Object.fromEntries(placeholders(text).map((name, index) => [name, `V${index}`]));
    const result = i18n.t(path as TranslationKey, params);
    expect(result).not.toMatch(/\{\w+\}/);
    for (const value of Object.values(params)) expect(result).toContain(value);
  });

  it('keeps a placeholder that was not given, and ignores extra parameters', () => {
    expect(i18n.t('signIn.lockedOut')).toContain('{minutes, plural,');
    expect(i18n.t('app.signOut', { unused: 'x' })).toBe(sv.app.signOut);
  });

  it('does not treat parameter values as patterns', () => {
    expect(i18n.t('signIn.lockedOut', { minutes: '$& {minutes}' })).toContain('$& {minutes}');
  });

  it('answers an unknown key with the key itself (visible, not blank)', () => {
    expect(i18n.t('no.such.key' as TranslationKey)).toBe('no.such.key');
    expect(i18n.t('app' as TranslationKey)).toBe('app');
  });

  it('switches to English, remembers the device choice and updates <html lang>', async () => {
    await i18n.setLanguage('en');
    expect(i18n.t('app.signOut')).toBe(en.app.signOut);
    expect(document.documentElement.lang).toBe('en');
    expect(i18n.locale()).toBe('en-GB');
    expect(localStorage.getItem('kunna.language')).toBe('en');

    // A new page load starts in the stored language.
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({});
    const reloaded = TestBed.inject(I18n);
    await reloaded.ready;
    expect(reloaded.language()).toBe('en');
    expect(reloaded.t('app.signOut')).toBe(en.app.signOut);
  });

  it('shows a language only once its texts are here, and the later of two quick switches wins', async () => {
    const english = i18n.setLanguage('en');
    // English is its own chunk: until it has arrived, the page stays wholly Swedish (texts, locale, lang).
    expect(i18n.language()).toBe('sv');
    expect(i18n.t('app.signOut')).toBe(sv.app.signOut);
    const swedish = i18n.setLanguage('sv');
    await Promise.all([english, swedish]);
    expect(i18n.language()).toBe('sv');
    expect(i18n.t('app.signOut')).toBe(sv.app.signOut);
    expect(document.documentElement.lang).toBe('sv');
  });

  it('uses the person’s own language while signed in without storing it, and forgets it after sign-out', async () => {
    await i18n.usePersonalLanguage('en');
    expect(i18n.language()).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('kunna.language')).toBeNull();
    await i18n.restoreDeviceLanguage();
    expect(i18n.language()).toBe('sv');
    expect(document.documentElement.lang).toBe('sv');
  });

  it('a language chosen on the device wins over the person’s own', async () => {
    await i18n.setLanguage('sv');
    await i18n.usePersonalLanguage('en');
    expect(i18n.language()).toBe('sv');
  });

  it('ignores a stored value that is not a language', async () => {
    localStorage.setItem('kunna.language', 'de');
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({});
    const reloaded = TestBed.inject(I18n);
    await reloaded.ready;
    expect(reloaded.language()).toBe('sv');
  });

  it("adds a lazily loaded feature's Swedish texts when the feature loads, and English has them already", async () => {
    expect(i18n.t('insightPages.explain')).toBe('insightPages.explain');
    i18n.addSwedish(insightPagesSv);
    expect(i18n.t('insightPages.explain')).toBe(insightPagesSv.insightPages.explain);
    expect(i18n.t('app.signOut')).toBe(sv.app.signOut);
    await i18n.setLanguage('en');
    expect(i18n.t('insightPages.explain')).toBe(en.insightPages.explain);
    await i18n.setLanguage('sv');
    expect(i18n.t('insightPages.explain')).toBe(insightPagesSv.insightPages.explain);
  });

  it('the t pipe follows a language switch', async () => {
    const pipe = TestBed.runInInjectionContext(() => new TranslatePipe());
    expect(pipe.transform('app.signOut')).toBe(sv.app.signOut);
    await i18n.setLanguage('en');
    expect(pipe.transform('app.signOut')).toBe(en.app.signOut);
    expect(pipe.transform('signIn.lockedOut', { minutes: 3 })).toContain('Wait 3 minutes and');
  });
});
