import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, newContext, PageProblems, pageProblems } from './browser';
import { auditActionLabel } from '../../web/src/app/audit/audit-actions';
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

  it('the admin reads the log in words, with the names of people and units, and filters by event, period and person', async () => {
    const signedIn = auditActionLabel('sv', 'auth.sign_in');
    await signIn(page, account('Organisationsadmin', /Älvstad/));
    await openFromNav(page, sv.nav.audit);
    await page.getByRole('heading', { level: 1, name: sv.audit.title }).waitFor();
    const table = page.getByRole('table', { name: sv.audit.title });
    await table.getByRole('cell', { name: signedIn, exact: true }).first().waitFor();
    // Actions in words, never their codes; targets by kind and name, never a bare id.
    const body = await table.locator('tbody').innerText();
    expect(body).not.toMatch(/\b[a-z_]+\.[a-z_]+\b/);
    expect(body).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    await expectAccessible(page, 'audit-log');

    await page.getByLabel(sv.audit.action, { exact: true }).selectOption({ label: signedIn });
    // The unfiltered rows already hold that action: wait for the filtered answer and its rows, not for a cell.
    const filtered = page.waitForResponse((response) => response.url().includes('/api/audit-log?') && response.url().includes('action='));
    await page.getByRole('button', { name: sv.audit.search, exact: true }).click();
    const filteredEntries = ((await (await page.request.get((await filtered).url())).json()) as { entries: unknown[] }).entries;
    await page.waitForFunction((count) => document.querySelectorAll('table tbody tr').length === count, filteredEntries.length);
    const actions = await table.locator('tbody td:nth-of-type(1)').allInnerTexts();
    expect(actions.length).toBeGreaterThan(0);
    expect(new Set(actions)).toEqual(new Set([signedIn]));

    // One person over one day: the administrator themself today, every kind of event.
    const me = (await (await page.request.get('/api/auth/me')).json()) as { personId: string; firstName: string; lastName: string };
    await page.getByLabel(sv.audit.action, { exact: true }).selectOption('');
    await page.getByLabel(sv.audit.personSearch, { exact: true }).fill(me.lastName);
    const person = page.getByLabel(sv.audit.person, { exact: true });
    await person.locator(`option[value="${me.personId}"]`).waitFor({ state: 'attached' });
    await person.selectOption(me.personId);
    const today = new Date().toISOString().slice(0, 10);
    await page.getByLabel(sv.audit.from, { exact: true }).fill(today);
    await page.getByLabel(sv.audit.to, { exact: true }).fill(today);
    const sent = page.waitForResponse((response) => response.url().includes('/api/audit-log?'));
    await page.getByRole('button', { name: sv.audit.search, exact: true }).click();
    const answer = await sent;
    const query = new URL(answer.url()).searchParams;
    expect([query.get('from'), query.get('to'), query.get('personId'), query.get('action')]).toEqual([today, today, me.personId, null]);
    // The same question asked again (the page's own answer body is not kept by the browser once read).
    const found = ((await (await page.request.get(answer.url())).json()) as { entries: unknown[] }).entries;
    expect(found.length).toBeGreaterThan(0);
    // The table shows those entries, each by the administrator or about them (then named as the target).
    await page.waitForFunction((count) => document.querySelectorAll('table tbody tr').length === count, found.length);
    const rows = await table.locator('tbody tr').allInnerTexts();
    expect(rows.filter((row) => !row.includes(`${me.firstName} ${me.lastName}`))).toEqual([]);

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
