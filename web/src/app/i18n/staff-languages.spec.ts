import { DOCUMENT } from '@angular/common';
import { TestBed } from '@angular/core/testing';
import { STAFF_LANGUAGES, StaffLanguage } from '@kunna/contracts';
import { I18n } from './i18n';
import { formatMessage, placeholderNames } from './message-format';
import { signedInSv } from './signed-in.sv';
import { StaffTexts } from './staff-texts';
import { sv } from './sv';
import { texts as ar } from './staff/ar';
import { texts as bs } from './staff/bs';
import { texts as fa } from './staff/fa';
import { texts as fi } from './staff/fi';
import { texts as so } from './staff/so';
import { texts as easy } from './staff/sv-x-easy';
import { texts as ti } from './staff/ti';
import { plural } from '../home/formatting';

type Tree = { [key: string]: string | Tree };
const PLURAL_FORMS = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);

/** Every text as `dotted.key` → text; a plural object counts as one key (`today.counts.hours`) with its forms. */
function leaves(tree: Tree, prefix = ''): Map<string, string | Record<string, string>> {
  const out = new Map<string, string | Record<string, string>>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else if (Object.keys(value).every((form) => PLURAL_FORMS.has(form))) out.set(path, value as Record<string, string>);
    else for (const [leaf, text] of leaves(value, path)) out.set(leaf, text);
  }
  return out;
}

const DICTIONARIES: Record<Exclude<StaffLanguage, 'sv' | 'en'>, StaffTexts> = { 'sv-x-easy': easy, ar, so, ti, fa, bs, fi };
const swedish = leaves({ ...sv, ...signedInSv });
/** The staff pages' texts: what lätt svenska (the fullest list) translates; every staff language must have them all. */
const staffKeys = [...leaves(easy).keys()];
const textsOf = (value: string | Record<string, string>) => (typeof value === 'string' ? [value] : Object.values(value));

describe('staff languages', () => {
  it('the staff dictionaries cover the staff pages: sign-in, start page, answering, own development, own data, read-aloud', () => {
    for (const key of [
      'signIn.submit',
      'today.mine.answerNow',
      'checks.answer.saveNext',
      'checks.kiosk.pickName',
      'checks.mine.title',
      'myData.title',
      'listen.button',
    ]) {
      expect(staffKeys).toContain(key);
    }
    expect(staffKeys.length).toBeGreaterThan(200);
  });

  it.each(Object.keys(DICTIONARIES))('%s has every staff key, each one a Swedish key, none empty', (language) => {
    const texts = leaves(DICTIONARIES[language as keyof typeof DICTIONARIES]);
    expect(staffKeys.filter((key) => !texts.has(key))).toEqual([]);
    expect([...texts.keys()].filter((key) => !swedish.has(key))).toEqual([]);
    for (const [key, value] of texts) for (const text of textsOf(value)) expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
  });

  it.each(Object.keys(DICTIONARIES))("%s uses the Swedish text's {placeholders} (a plural form may leave out its number)", (language) => {
    const texts = leaves(DICTIONARIES[language as keyof typeof DICTIONARIES]);
    const mismatched: string[] = [];
    for (const [key, value] of texts) {
      const original = swedish.get(key)!;
      if (typeof original === 'string') {
        if (placeholderNames(value as string).join() !== placeholderNames(original).join()) mismatched.push(key);
      } else {
        const allowed = new Set(placeholderNames(original['other']));
        // Arabic writes "ساعة واحدة" (one hour) and "ساعتان" (two hours) without the number, as the language does.
        if (textsOf(value).some((text) => placeholderNames(text).some((name) => !allowed.has(name)))) mismatched.push(key);
        if (!('other' in (value as object))) mismatched.push(`${key} (no other form)`);
      }
    }
    expect(mismatched).toEqual([]);
  });

  it.each(Object.keys(DICTIONARIES))('%s plural messages fill in for every number (no ICU syntax left over)', (language) => {
    const texts = leaves(DICTIONARIES[language as keyof typeof DICTIONARIES]);
    for (const [key, value] of texts) {
      if (typeof value !== 'string' || !value.includes('plural')) continue;
      for (const n of [0, 1, 2, 3, 11, 100]) {
        const filled = formatMessage(language, value, Object.fromEntries(placeholderNames(value).map((name) => [name, n])));
        expect({ key, n, filled }).toEqual({ key, n, filled: expect.not.stringMatching(/[{}#]/) });
      }
    }
  });
});

describe('I18n in the staff languages', () => {
  let i18n: I18n;
  let document: Document;

  beforeEach(() => {
    localStorage.clear();
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({});
    i18n = TestBed.inject(I18n);
    document = TestBed.inject(DOCUMENT);
    i18n.addSwedish(signedInSv);
  });

  it("Arabic is written right to left, with the locale's digits and Arabic plural forms", async () => {
    await i18n.setLanguage('ar');
    expect(document.documentElement.lang).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
    expect(i18n.rtl()).toBe(true);
    expect(i18n.t('signIn.submit')).toBe(ar.signIn!.submit);
    // Digits as the `ar` locale writes them (CLDR's default for `ar`; whichever the runtime's ICU has).
    const digits = new Intl.NumberFormat('ar');
    expect(i18n.t('checks.answer.progress', { n: 3, total: 1234 })).toBe(`السؤال ${digits.format(3)} من ${digits.format(1234)}`);
    expect(plural(i18n, 'today.counts.hours', 2)).toBe('ساعتان');
    expect(plural(i18n, 'today.counts.hours', 1)).toBe('ساعة واحدة');
    expect(plural(i18n, 'today.counts.hours', 5)).toContain('ساعات');
    expect(localStorage.getItem('kunna.language')).toBe('ar');
  });

  it('Persian is right to left too; lätt svenska, Somali and the others left to right', async () => {
    await i18n.setLanguage('fa');
    expect(document.documentElement.dir).toBe('rtl');
    for (const language of STAFF_LANGUAGES.filter((code) => code !== 'ar' && code !== 'fa')) {
      await i18n.setLanguage(language);
      expect({ language, dir: document.documentElement.dir, lang: document.documentElement.lang }).toEqual({ language, dir: 'ltr', lang: language });
    }
  });

  it('lätt svenska has its own words and Swedish formats', async () => {
    await i18n.setLanguage('sv-x-easy');
    expect(i18n.t('checks.answer.decline')).toBe('Jag vill inte svara');
    expect(i18n.locale()).toBe('sv-SE');
    expect(i18n.uiLanguage()).toBe('sv');
  });

  it("pages that stay Swedish/English show the chosen language's Swedish or English, and left to right", async () => {
    await i18n.setLanguage('so');
    expect(i18n.t('checks.answer.saveNext')).toBe(so.checks!.answer!.saveNext);
    await i18n.usePageScope(false);
    expect(i18n.language()).toBe('sv');
    expect(i18n.chosen()).toBe('so');
    expect(i18n.t('checks.answer.saveNext')).toBe(sv.checks.answer.saveNext);
    await i18n.setLanguage('ar');
    expect(document.documentElement.dir).toBe('ltr');
    await i18n.usePageScope(true);
    expect(i18n.language()).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
  });

  it('a staff page text not (yet) translated shows in Swedish rather than as a key', async () => {
    await i18n.setLanguage('ti');
    expect(i18n.t('checks.observation.title')).toBe(sv.checks.observation.title);
  });

  it("the kiosk shows a person's language for their turn without storing it on the tablet", async () => {
    await i18n.setLanguage('sv');
    await i18n.useForNow('so');
    expect(i18n.language()).toBe('so');
    expect(localStorage.getItem('kunna.language')).toBe('sv');
    await i18n.restoreDeviceLanguage();
    expect(i18n.language()).toBe('sv');
  });
});
