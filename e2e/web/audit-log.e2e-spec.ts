import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, newContext, PageProblems, pageProblems } from './browser';
import { account, signIn, sv } from './demo';
import { navLinkNames, openFromNav } from './nav';

/** An organisation admin searches the audit log and sets its retention; other roles do not get the page. */
describe('audit log in the browser', () => {
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
    ({ context, page, problems } = await newContext(browser));
  });
  afterEach(async () => {
    await context?.close();
  });

  const nav = () => page.getByRole('navigation', { name: sv.app.mainNav });

  it('the admin finds their own sign-in, filters by event and sets how long the log is kept', async () => {
    await signIn(page, account('Organisationsadmin', /Älvstad/));
    await openFromNav(page, sv.nav.audit);
    await page.getByRole('heading', { level: 1, name: sv.audit.title }).waitFor();
    const table = page.getByRole('table', { name: sv.audit.title });
    await table.getByRole('cell', { name: 'auth.sign_in', exact: true }).first().waitFor();
    await expectAccessible(page, 'audit-log');

    await page.getByLabel(sv.audit.action, { exact: true }).selectOption('auth.sign_in');
    await page.getByRole('button', { name: sv.audit.search, exact: true }).click();
    await table.getByRole('cell', { name: 'auth.sign_in', exact: true }).first().waitFor();
    const actions = await table.locator('tbody td:nth-of-type(1)').allInnerTexts();
    expect(actions.length).toBeGreaterThan(0);
    expect(new Set(actions)).toEqual(new Set(['auth.sign_in']));

    const days = page.getByLabel(sv.audit.retentionDays, { exact: true });
    await days.fill('10');
    await page.getByRole('button', { name: sv.common.save, exact: true }).click();
    await page.getByRole('alert').filter({ hasText: '30' }).waitFor();
    await days.fill('730');
    await page.getByRole('button', { name: sv.common.save, exact: true }).click();
    await page.getByRole('status').filter({ hasText: sv.audit.retentionSaved }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: sv.audit.title }).waitFor();
    await page.waitForFunction(() => (document.getElementById('audit-retention-days') as HTMLInputElement | null)?.value === '730');
    expect(await pageProblems(page, problems)).toEqual([]);
  });

  it('HR has no audit log in the menu', async () => {
    await signIn(page, account('HR'));
    await nav().getByRole('link', { name: sv.nav.account, exact: true }).waitFor();
    expect(await navLinkNames(page)).not.toContain(sv.nav.audit);
  });
});
