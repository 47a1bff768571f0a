import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { API_MESSAGES, ApiMessageCode } from '@kunna/contracts';
import { apiMessagesEn } from '../../web/src/app/i18n/api-messages.en';
import { expectAccessible, launchBrowser, newContext, PageProblems, pageProblems } from './browser';
import { account, en, signIn } from './demo';

/**
 * An English reader sees the API's validation messages in English in every feature: the API names each message's code
 * (libs/contracts/src/api-messages.ts) and the web app shows its English text, where the API itself wrote Swedish.
 */
describe('API errors in English in the browser', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    // An English browser, so date fields and numbers follow the page rather than the machine.
    ({ context, page, problems } = await newContext(browser, { locale: 'en-GB' }));
  });
  afterEach(async () => {
    await context?.close();
  });

  /** Signs in (the sign-in page is Swedish until a language is chosen) and switches this device to English. */
  async function signInInEnglish(role: string, description?: RegExp): Promise<void> {
    await signIn(page, account(role, description));
    await page.evaluate(() => localStorage.setItem('kunna.language', 'en'));
    await page.reload();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
  }

  /** The English text of a message, filled with its values. */
  function english(code: ApiMessageCode, values: Record<string, string> = {}): string {
    return apiMessagesEn[code].replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
  }

  /** Waits for the English message inside `where`, and checks the Swedish one is nowhere on the page. */
  async function expectEnglish(where: Locator, code: ApiMessageCode, values: Record<string, string> = {}): Promise<void> {
    await where.getByText(english(code, values), { exact: false }).first().waitFor();
    const swedish = API_MESSAGES[code].replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
    expect(await page.getByText(swedish, { exact: false }).count()).toBe(0);
  }

  it('people: an employee number already in use', async () => {
    await signInInEnglish('Organisationsadmin', /Älvstad/);
    await page.goto('/organisation');
    await page.getByRole('heading', { level: 1, name: en.organisation.title }).waitFor();
    await page.locator('main a[href^="/enheter/"]').first().click();
    await page.getByRole('button', { name: en.unit.addPerson, exact: true }).click();
    const form = page.locator('k-person-form');
    await form.getByLabel(`${en.person.firstName} *`).fill('Nora');
    await form.getByLabel(`${en.person.lastName} *`).fill('Engelsson');
    await form.getByLabel(`${en.person.roleTitle} *`).fill('assistant nurse');
    await form.getByLabel(`${en.person.employmentType} *`).selectOption({ label: en.employment.substitute });
    await form.getByLabel(`${en.person.employeeNumber} *`).fill('A1004');
    await form.getByRole('button', { name: en.unit.addSubmit, exact: true }).click();
    await expectEnglish(form, 'people.employeeNumberTaken', { employeeNumber: 'A1004' });
    await expectAccessible(page, 'people error in English');
    expect(await pageProblems(page, problems)).toEqual([]);
  });

  it('organisation: an area name already in use', async () => {
    await signInInEnglish('Organisationsadmin', /Älvstad/);
    await page.goto('/organisation');
    const firstArea = (
      await page
        .locator('main section h2')
        .first()
        .evaluate((heading) => heading.firstChild?.textContent ?? '')
    ).trim();
    expect(firstArea).not.toBe('');
    await page.getByRole('button', { name: en.structure.newArea, exact: true }).click();
    await page.getByLabel(en.structure.areaName, { exact: true }).fill(firstArea);
    await page.locator('k-area-form').getByRole('button', { name: en.common.save, exact: true }).click();
    await expectEnglish(page.locator('k-area-form'), 'organisation.thereAlreadyAreaCalled', { name: firstArea });
    await expectAccessible(page, 'organisation error in English');
    expect(await pageProblems(page, problems)).toEqual([]);
  });

  it('ambassadors: an appointment without a person', async () => {
    await signInInEnglish('HR');
    await page.goto('/ombud');
    const form = page.locator('k-appointment-form');
    await form.getByRole('button', { name: en.ambassadors.appoint.submit, exact: true }).click();
    await expectEnglish(form, 'common.choosePerson');
    await expectAccessible(page, 'ambassadors error in English');
    expect(await pageProblems(page, problems)).toEqual([]);
  });

  it('sessions: individual support without the person supported', async () => {
    await signInInEnglish('Digitaliseringsombud');
    await page.goto('/tillfallen/stod');
    const form = page.locator('k-support-log');
    await form.getByRole('button', { name: en.sessionsPlan.supportSave, exact: true }).click();
    await expectEnglish(form, 'sessions.choosePersonWhoGotSupport');
    await expectAccessible(page, 'sessions error in English');
    expect(await pageProblems(page, problems)).toEqual([]);
  });

  it('checks: a new check without a name', async () => {
    await signInInEnglish('HR');
    await page.goto('/matningar/instrument');
    await page.getByRole('button', { name: en.checks.instruments.create, exact: true }).click();
    await expectEnglish(page.locator('main'), 'checks.giveCheckName');
    await expectAccessible(page, 'checks error in English');
    expect(await pageProblems(page, problems)).toEqual([]);
  });

  it('library: a new module without a competence dimension', async () => {
    await signInInEnglish('HR');
    await page.goto('/bibliotek/ny');
    await page.getByRole('button', { name: en.editor.create, exact: true }).click();
    const alert = page.getByRole('alert');
    await expectEnglish(alert, 'library.chooseAtLeastOneCompetenceDimension');
    await expectAccessible(page, 'library error in English');
    expect(await pageProblems(page, problems)).toEqual([]);
  });

  it('imports: a spreadsheet instead of a CSV file', async () => {
    await signInInEnglish('HR');
    await page.goto('/import');
    // The first bytes of an .xlsx file (a ZIP archive), saved with a .csv name.
    await page.getByLabel(en.imports.file.label, { exact: true }).setInputFiles({
      name: 'staff.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]),
    });
    await page.getByRole('button', { name: en.imports.file.preview, exact: true }).click();
    await expectEnglish(page.getByRole('alert'), 'imports.fileSpreadsheetNotCsvFileOpen');
    await expectAccessible(page, 'imports error in English');
    expect(await pageProblems(page, problems)).toEqual([]);
  });
});
