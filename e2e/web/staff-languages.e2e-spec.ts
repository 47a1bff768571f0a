import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { CheckAssignment, CSRF_HEADER, CurrentUser, InstrumentSummary, OrganisationTree, StaffLanguage } from '@kunna/contracts';
import { overlay, StaffTexts } from '../../web/src/app/i18n/staff-texts';
import { texts as arabic } from '../../web/src/app/i18n/staff/ar';
import { texts as somali } from '../../web/src/app/i18n/staff/so';
import { texts as easySwedish } from '../../web/src/app/i18n/staff/sv-x-easy';
import type { Translations } from '../../web/src/app/i18n/sv';
import { expectAccessible, horizontalOverflow, launchBrowser, newContext, PageProblems, pageProblems } from './browser';
import { account, demoAccounts, DemoAccount, signIn, sv } from './demo';

const PHONE_390: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };
const TABLET: BrowserContextOptions = { viewport: { width: 1024, height: 768 }, hasTouch: true };

/** A staff language's texts as the app shows them: its own over Swedish. */
const textsOf = (texts: StaffTexts) => overlay(sv, texts);
const ar = textsOf(arabic);
const so = textsOf(somali);
const easy = textsOf(easySwedish);

/** What "Lyssna" read, recorded by the stub below. */
interface Spoken {
  text: string;
  lang: string;
}

/**
 * The device's speech synthesis, replaced before the app loads: `langs` are the voices it reports (none: a device
 * without a voice). Speaking records the text and the voice's language instead of making a sound.
 */
async function stubVoices(context: BrowserContext, langs: string[]): Promise<void> {
  await context.addInitScript((voiceLangs: string[]) => {
    const spoken: Array<{ text: string; lang: string }> = [];
    (window as unknown as { __spoken: typeof spoken }).__spoken = spoken;
    const voices = voiceLangs.map((lang) => ({ lang, name: `Test ${lang}`, voiceURI: `test-${lang}`, localService: true, default: false }));
    class Utterance {
      lang = '';
      voice: unknown = null;
      onend: (() => void) | null = null;
      onerror: (() => void) | null = null;
      constructor(readonly text: string) {}
    }
    const synthesis = {
      speaking: false,
      pending: false,
      paused: false,
      onvoiceschanged: null,
      getVoices: () => voices,
      speak: (utterance: Utterance) => {
        spoken.push({ text: utterance.text, lang: utterance.lang });
        setTimeout(() => utterance.onend?.(), 20);
      },
      cancel: () => undefined,
      pause: () => undefined,
      resume: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    };
    Object.defineProperty(window, 'speechSynthesis', { configurable: true, get: () => synthesis });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { configurable: true, writable: true, value: Utterance });
  }, langs);
}

async function spoken(page: Page): Promise<Spoken[]> {
  return page.evaluate(() => [...(window as unknown as { __spoken: Spoken[] }).__spoken]);
}

/** API calls with the page's session and CSRF token, as the web app makes them. */
async function apiAs(page: Page) {
  const me = (await (await page.request.get('/api/auth/me')).json()) as CurrentUser;
  const headers = { [CSRF_HEADER]: me.csrfToken };
  return {
    me,
    get: async <T>(path: string): Promise<T> => {
      const response = await page.request.get(path);
      if (response.status() !== 200) throw new Error(`GET ${path}: ${response.status()} ${await response.text()}`);
      return (await response.json()) as T;
    },
    post: async <T>(path: string, data: object): Promise<T> => {
      const response = await page.request.post(path, { data, headers });
      if (response.status() >= 300) throw new Error(`POST ${path}: ${response.status()} ${await response.text()}`);
      return (await response.json()) as T;
    },
    put: async (path: string, data: object): Promise<number> => (await page.request.put(path, { data, headers })).status(),
  };
}

/** Signs in with the sign-in page's labels in the language it shows. */
async function signInAs(page: Page, who: DemoAccount, texts: Translations): Promise<void> {
  const { password } = demoAccounts();
  await page.getByLabel(texts.signIn.identifier, { exact: true }).fill(who.identifier);
  if (who.organisationName) await page.getByLabel(texts.signIn.organisation, { exact: true }).selectOption({ label: who.organisationName });
  await page.getByLabel(texts.signIn.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: texts.signIn.submit, exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/');
}

/** The language menu (in the folded menu on a phone); `saved`: wait until the account has it too. */
async function pickLanguage(page: Page, language: StaffLanguage, saved = false): Promise<void> {
  const select = page.locator('k-language-picker select');
  if (!(await select.isVisible())) await page.locator('button.menu-toggle').click();
  const stored = saved ? page.waitForResponse((r) => r.url().endsWith('/api/auth/language') && r.request().method() === 'PUT') : null;
  await select.selectOption(language);
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
  if (stored) expect((await stored).status()).toBe(200);
}

/**
 * Answers every question of the open check in the page's language, one screen at a time (the first choice each
 * time); returns how many. Works on the phone's check and on the kiosk alike.
 */
async function answerAll(page: Page, texts: Translations): Promise<number> {
  let answered = 0;
  for (;;) {
    const ready = page.getByRole('heading', { name: texts.checks.answer.readyTitle });
    const legend = page.locator('form.question legend');
    await ready.or(legend).first().waitFor();
    if (await ready.isVisible()) return answered;
    const progress = (await page.locator('p.progress').innerText()).trim();
    await page.locator('form.question input').first().check();
    await page.getByRole('button', { name: texts.checks.answer.saveNext, exact: true }).click();
    const next = page.getByRole('button', { name: texts.checks.answer.next, exact: true });
    await page.waitForFunction(
      ([before, nextText]) =>
        document.querySelector('p.progress')?.textContent?.trim() !== before ||
        Array.from(document.querySelectorAll('button')).some((b) => b.textContent?.trim() === nextText),
      [progress, texts.checks.answer.next],
    );
    if (await next.isVisible()) {
      await next.click();
      await page.waitForFunction((before) => document.querySelector('p.progress')?.textContent?.trim() !== before, progress);
    }
    answered++;
  }
}

/** A "Lyssna" button's accessible name starts with the language's "Lyssna:" ("استمع:", "Dhageyso:"). */
function listenButtons(page: Page, texts: Translations) {
  const prefix = texts.listen.label.split('{')[0];
  return page.getByRole('button', { name: new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
}

/**
 * Issue 18, items 1 and 3: the staff pages in the staff member's language (Arabic right to left on a 390 px phone,
 * Somali on the kiosk, lätt svenska), remembered on the account and on the kiosk per person; "Lyssna" reads
 * questions, options and instructions aloud when the device has a voice, and is absent without one (and without an
 * attached audio file). Every screen is checked with axe.
 */
describe('staff pages in more languages, and read aloud', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const staff = account('Medarbetare');
  /** Put the staff member's account language back, whatever a test left (other files sign in as her). */
  let resetLanguage: (() => Promise<void>) | null = null;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await resetLanguage?.();
    for (const context of contexts) await context.close();
    await browser?.close();
  });

  async function open(options: BrowserContextOptions, voices: string[]): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
    const opened = await newContext(browser, options);
    contexts.push(opened.context);
    await stubVoices(opened.context, voices);
    return opened;
  }

  /** A new check for the ambassador's unit with its before round open: its answer code. */
  async function openCheck(title: string): Promise<{ code: string; ambassador: Page }> {
    const { page } = await open(TABLET, []);
    await signIn(page, account('Digitaliseringsombud'));
    const api = await apiAs(page);
    const tree = await api.get<OrganisationTree>('/api/organisation/tree');
    const unitId = tree.areas.flatMap((area) => area.units)[0].id;
    const instrument = (await api.get<InstrumentSummary[]>('/api/checks/instruments')).find((i) => i.title === 'Digital vardag i omsorgen');
    const id = randomUUID();
    await api.post('/api/checks/assignments', { id, unitId, instrumentVersionId: instrument?.latestVersionId, title });
    const assignment = await api.post<CheckAssignment>(`/api/checks/assignments/${id}/rounds`, { kind: 'before' });
    return { code: assignment.rounds[0].code, ambassador: page };
  }

  /** Signs the staff member in on a fresh device (Swedish sign-in page) and answers her account. */
  async function staffOnNewDevice(options: BrowserContextOptions, voices: string[]) {
    const opened = await open(options, voices);
    await opened.page.goto('/logga-in');
    await signInAs(opened.page, staff, sv);
    const api = await apiAs(opened.page);
    resetLanguage = async () => void (await api.put('/api/auth/language', { preferredLanguage: 'sv' }));
    return { ...opened, api };
  }

  it('Arabic on a 390 px phone: right to left from sign-in to the answered check, and "Lyssna" with a voice', async () => {
    const title = `Arabiska ${randomUUID().slice(0, 6)}`;
    const { code } = await openCheck(title);
    const phone = await open(PHONE_390, ['ar-SA', 'sv-SE']);
    const { page } = phone;

    // The sign-in page in Arabic, chosen on the device: right to left, its own words.
    await page.goto('/logga-in');
    await page.getByRole('heading', { level: 1, name: sv.signIn.title }).waitFor();
    await pickLanguage(page, 'ar');
    await page.getByRole('heading', { level: 1, name: ar.signIn.title }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    await expectAccessible(page, 'sign-in in Arabic');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await signInAs(page, staff, ar);

    // The start page for staff.
    await page.getByRole('heading', { level: 1, name: /^مرحبًا .+!$/ }).waitFor();
    await page.getByRole('heading', { name: ar.today.mine.title }).waitFor();
    await expectAccessible(page, 'start page in Arabic');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    // The check: its questions in Arabic too (the demo instrument's machine-made drafts, which its owner lets staff
    // see), so they carry the page's language and no lang of their own.
    await page.goto(`/m/${code}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const legend = page.locator('form.question legend');
    await legend.waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await legend.getAttribute('lang')).toBeNull();
    expect(await legend.innerText()).toMatch(/[\u0600-\u06FF]/);
    // Numbers as the Arabic locale writes them.
    const firstProgress = await page.evaluate(() => `السؤال ${new Intl.NumberFormat('ar').format(1)} من `);
    expect((await page.locator('p.progress').innerText()).startsWith(firstProgress)).toBe(true);
    // A mirrored layout: the radio button is to the right of its words, the "next" button on the right.
    const choice = page.locator('label.choice').first();
    const radioBox = (await choice.locator('input').boundingBox())!;
    const wordsBox = (await choice.locator('span').boundingBox())!;
    expect(radioBox.x).toBeGreaterThan(wordsBox.x);
    const next = (await page.getByRole('button', { name: ar.checks.answer.saveNext, exact: true }).boundingBox())!;
    const decline = (await page.getByRole('button', { name: ar.checks.answer.decline, exact: true }).boundingBox())!;
    expect(next.x).toBeGreaterThan(decline.x);

    // "Lyssna" (استمع) for the question and each option, read with the Arabic voice.
    const listen = listenButtons(page, ar);
    expect(await listen.count()).toBeGreaterThanOrEqual(3);
    await listen.first().click();
    await expect(spoken(page)).resolves.toEqual([{ text: (await legend.innerText()).trim(), lang: 'ar-SA' }]);
    // An option: the scale's words are the page's (Arabic), a knowledge question's options the instrument's (Swedish).
    const optionRow = page.locator('.choice-row').first();
    const words = optionRow.locator('label span');
    const optionText = (await words.innerText()).trim();
    await optionRow.getByRole('button').click();
    await page.waitForFunction(() => (window as unknown as { __spoken: unknown[] }).__spoken.length > 1);
    expect((await spoken(page))[1]).toEqual({ text: optionText, lang: (await words.getAttribute('lang')) === 'sv' ? 'sv-SE' : 'ar-SA' });
    await expectAccessible(page, 'question in Arabic');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    expect(await answerAll(page, ar)).toBeGreaterThanOrEqual(6);
    await page.getByRole('button', { name: ar.checks.answer.submit }).click();
    await page.getByText(ar.checks.answer.thanks).waitFor();
    await expectAccessible(page, 'thanks in Arabic');

    // Own development in Arabic; a page that stays Swedish/English (the library) is Swedish and left to right.
    await page.goto('/min-utveckling');
    await page.getByRole('heading', { level: 1, name: ar.checks.mine.title }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expectAccessible(page, 'own development in Arabic');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    // Mina uppgifter, too.
    await page.goto('/mitt-konto/mina-uppgifter');
    await page.getByRole('heading', { level: 1, name: ar.myData.title }).waitFor();
    await page.getByRole('heading', { name: ar.myData.profile }).waitFor();
    await expectAccessible(page, 'my data in Arabic');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.goto('/bibliotek');
    await page.getByRole('heading', { level: 1, name: sv.library.title }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['sv', 'ltr']);

    expect(await pageProblems(page, phone.problems)).toEqual([]);
  });

  it('Somali on the kiosk for the person who picks it, kept on their account; no "Lyssna" without a voice or audio', async () => {
    // Her name as the tablet shows it.
    const own = await staffOnNewDevice(TABLET, []);
    const displayName = `${own.api.me.firstName} ${own.api.me.lastName[0]}.`;
    await own.context.close();

    const title = `Somaliska ${randomUUID().slice(0, 6)}`;
    const { ambassador } = await openCheck(title);
    await ambassador.goto('/matningar');
    const card = ambassador.getByRole('listitem').filter({ has: ambassador.getByRole('heading', { level: 3, name: title }) });
    await card.getByRole('button', { name: sv.checks.page.kiosk }).click();
    await card.getByRole('button', { name: sv.checks.kiosk.startConfirm }).click();
    await ambassador.waitForURL((url) => url.pathname === '/surfplatta');
    await ambassador.getByRole('heading', { level: 2, name: sv.checks.kiosk.pickName }).waitFor();

    // She picks Somali on the names screen, then taps her name: her turn is in Somali.
    await pickLanguage(ambassador, 'so');
    await ambassador.getByRole('heading', { level: 2, name: so.checks.kiosk.pickName }).waitFor();
    await expectAccessible(ambassador, 'kiosk names in Somali');
    // No voice on this tablet and no audio file: no "Lyssna" anywhere.
    expect(await listenButtons(ambassador, so).count()).toBe(0);
    await ambassador.getByRole('button', { name: displayName, exact: true }).click();
    await ambassador.getByRole('heading', { level: 1, name: `Salaan ${displayName}!` }).waitFor();
    expect(await ambassador.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['so', 'ltr']);
    await ambassador.getByRole('button', { name: so.checks.answer.decline, exact: true }).waitFor();
    expect(await listenButtons(ambassador, so).count()).toBe(0);
    expect(await ambassador.getByRole('button', { name: /^(Lyssna|Dhageyso)/ }).count()).toBe(0);
    await expectAccessible(ambassador, 'kiosk question in Somali');
    expect(await answerAll(ambassador, so)).toBeGreaterThanOrEqual(6);
    await ambassador.getByRole('button', { name: so.checks.answer.submit }).click();
    await ambassador.getByRole('heading', { level: 1, name: so.checks.kiosk.thanks }).waitFor();
    await expectAccessible(ambassador, 'kiosk thanks in Somali');

    // The next person gets the tablet's own language back, and their own turn is in theirs (Swedish).
    await ambassador.getByRole('button', { name: so.checks.kiosk.nextPerson }).click();
    await ambassador.getByRole('heading', { level: 2, name: sv.checks.kiosk.pickName }).waitFor();
    expect(await ambassador.evaluate(() => document.documentElement.lang)).toBe('sv');
    const other = (await ambassador.locator('ul.names button').allInnerTexts()).map((n) => n.trim()).find((n) => n !== displayName)!;
    await ambassador.getByRole('button', { name: other, exact: true }).click();
    await ambassador.getByRole('heading', { level: 1, name: `Hej ${other}!` }).waitFor();
    await ambassador.getByRole('button', { name: sv.checks.kiosk.notMe }).click();
    await ambassador.getByRole('heading', { level: 2, name: sv.checks.kiosk.pickName }).waitFor();

    // Remembered on her account: signing in on her own phone, the start page is in Somali.
    const phone = await staffOnNewDevice(PHONE_390, []);
    expect(phone.api.me.preferredLanguage).toBe('so');
    await phone.page.getByRole('heading', { name: so.today.mine.title }).waitFor();
    await phone.page.getByRole('heading', { level: 1, name: /^Salaan .+!$/ }).waitFor();
    await expectAccessible(phone.page, 'start page in Somali');
    expect(await pageProblems(phone.page, phone.problems)).toEqual([]);
    await resetLanguage?.();
  });

  it('lätt svenska, chosen once in the menu and remembered on the account; "Lyssna" works with the keyboard', async () => {
    const title = `Lätt svenska ${randomUUID().slice(0, 6)}`;
    const { code } = await openCheck(title);
    const first = await staffOnNewDevice(PHONE_390, ['sv-SE']);
    await first.page.getByRole('heading', { level: 1, name: /^Hej .+!$/ }).waitFor();
    await pickLanguage(first.page, 'sv-x-easy', true);
    await first.page.getByRole('heading', { name: easy.today.mine.title }).waitFor();
    expect((await apiAs(first.page)).me.preferredLanguage).toBe('sv-x-easy');
    await first.context.close();

    // Another device: the sign-in page in Swedish, and after signing in everything in lätt svenska.
    const phone = await staffOnNewDevice(PHONE_390, ['sv-SE']);
    const { page } = phone;
    await page.getByRole('heading', { name: easy.today.mine.title }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['sv-x-easy', 'ltr']);
    await expectAccessible(page, 'start page in lätt svenska');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    await page.goto(`/m/${code}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByRole('button', { name: easy.checks.answer.decline, exact: true }).waitFor();
    await page.getByRole('button', { name: easy.checks.answer.declineAll, exact: true }).waitFor();
    const listen = listenButtons(page, easy);
    expect(await listen.count()).toBeGreaterThanOrEqual(3);
    // With the keyboard: focus the question's button, Enter reads it, with a Swedish voice.
    await listen.first().focus();
    await page.keyboard.press('Enter');
    const legend = (await page.locator('form.question legend').innerText()).trim();
    await page.waitForFunction(() => (window as unknown as { __spoken: unknown[] }).__spoken.length > 0);
    expect(await spoken(page)).toEqual([{ text: legend, lang: 'sv-SE' }]);
    // Space on an option's button reads that option.
    const option = page.locator('.choice-row').nth(1);
    await option.getByRole('button').focus();
    await page.keyboard.press('Space');
    await page.waitForFunction(() => (window as unknown as { __spoken: unknown[] }).__spoken.length > 1);
    expect((await spoken(page))[1]).toEqual({ text: (await option.locator('label span').innerText()).trim(), lang: 'sv-SE' });
    await expectAccessible(page, 'question in lätt svenska');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    expect(await answerAll(page, easy)).toBeGreaterThanOrEqual(6);
    // The instruction before sending has its own "Lyssna".
    expect(await listen.count()).toBe(1);
    await page.getByRole('button', { name: easy.checks.answer.submit }).click();
    await page.getByText(easy.checks.answer.thanks).waitFor();
    await expectAccessible(page, 'thanks in lätt svenska');
    expect(await pageProblems(page, phone.problems)).toEqual([]);
    await resetLanguage?.();
  });
});
