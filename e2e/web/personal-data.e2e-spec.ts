import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CSRF_HEADER, CurrentUser, MyPersonalData, PersonSummary } from '@kunna/contracts';
import { expectAccessible, launchBrowser, newContext, PageProblems, pageProblems } from './browser';
import { auditActionLabel } from '../../web/src/app/audit/audit-actions';
import { account, signIn, sv } from './demo';

/** A person reads and downloads their own data; an administrator sets retention and pseudonymises someone who left. */
describe('personal data in the browser', () => {
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
    ({ context, page, problems } = await newContext(browser, { acceptDownloads: true }));
  });
  afterEach(async () => {
    await context?.close();
  });

  it('an ambassador opens "Mina uppgifter" from My account and downloads the same data as JSON', async () => {
    await signIn(page, account('Digitaliseringsombud'));
    const me = (await (await page.request.get('/api/auth/me')).json()) as CurrentUser;
    await page.goto('/mitt-konto');
    await page.getByRole('link', { name: sv.myData.link, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: sv.myData.title }).waitFor();
    await page.getByRole('heading', { level: 2, name: sv.myData.profile }).waitFor();
    await page.getByText(`${me.firstName} ${me.lastName}`, { exact: true }).waitFor();
    await expectAccessible(page, 'my data');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: sv.myData.download, exact: true }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^mina-uppgifter-\d{4}-\d{2}-\d{2}\.json$/);
    const chunks: Buffer[] = [];
    for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
    const data = JSON.parse(Buffer.concat(chunks).toString('utf8')) as MyPersonalData;
    expect(data.profile.id).toBe(me.personId);
    expect(data.roles.some((role) => role.role === 'ambassador')).toBe(true);
    expect(data.auditEntries.some((entry) => entry.action === 'auth.sign_in')).toBe(true);

    // The page says the same in words: labels for codes, no JSON, no action names.
    const main = page.locator('main');
    const text = await main.innerText();
    expect(text).toContain(sv.employment[data.profile.employmentType as keyof typeof sv.employment]);
    expect(text).toContain(sv.language[data.profile.preferredLanguage as keyof typeof sv.language]);
    expect(text).toContain(sv.role.ambassador);
    expect(text).toContain(auditActionLabel('sv', 'auth.sign_in'));
    expect(text).not.toContain('{"');
    expect(text).not.toMatch(/\b(auth|person|personal_data)\.[a-z_]+\b/);
    expect(text).not.toMatch(/\b(female|male|permanent|substitute|hourly|submitted|in_progress)\b/);

    // A printable view: the page without the menu and the buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: sv.myData.print, exact: true }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { level: 2, name: sv.myData.profile }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(await page.getByRole('button', { name: sv.myData.print, exact: true }).isVisible()).toBe(true);
    expect(await pageProblems(page, problems)).toEqual([]);
  });

  it('a staff member reads their answers to a check in words', async () => {
    await signIn(page, account('Medarbetare'));
    await page.goto('/mitt-konto/mina-uppgifter');
    await page.getByRole('heading', { level: 1, name: sv.myData.title }).waitFor();
    await page.getByRole('heading', { level: 2, name: sv.myData.checks }).waitFor();
    const data = (await (await page.request.get('/api/me/personal-data')).json()) as MyPersonalData;
    const text = await page.locator('main').innerText();
    expect(text).not.toContain('{"');
    expect(text).not.toContain('"rating"');
    const rated = data.checkResponses
      .flatMap((response) => response.answers)
      .find((answer) => !answer.declined && (answer.value as { rating?: number } | null)?.rating);
    if (rated) expect(text).toContain(sv.myData.rating.replace('{value}', String((rated.value as { rating: number }).rating)));
    await expectAccessible(page, 'my data, staff');
    expect(await pageProblems(page, problems)).toEqual([]);
  });

  it('an administrator sets the retention for people who left and pseudonymises one now, after confirming', async () => {
    await signIn(page, account('Organisationsadmin', /Älvstad/));
    const me = (await (await page.request.get('/api/auth/me')).json()) as CurrentUser;
    const headers = { [CSRF_HEADER]: me.csrfToken };

    await page.goto('/admin/logg');
    const months = page.getByLabel(sv.personalRetention.months.replace('{min}', '1').replace('{max}', '240'), { exact: true });
    await months.fill('36');
    await page.getByRole('button', { name: sv.personalRetention.save, exact: true }).click();
    await page.getByRole('status').filter({ hasText: sv.personalRetention.saved }).waitFor();
    await expectAccessible(page, 'retention');

    // Someone without an account who left yesterday (ended through the API: the end-employment form has its own tests).
    const people = (await (await page.request.get('/api/people?limit=1000')).json()) as PersonSummary[];
    const leaver = people.filter((person) => person.active && !person.hasAccount).at(-1)!;
    expect(leaver).toBeDefined();
    const yesterday = new Date(Date.now() - 86400_000).toISOString().slice(0, 10);
    const ended = await page.request.post(`/api/people/${leaver.id}/end`, { data: { endDate: yesterday }, headers });
    expect(ended.status()).toBe(200);

    await page.goto(`/personer/${leaver.id}`);
    await page.getByRole('heading', { level: 2, name: sv.pseudonymise.title }).waitFor();
    await page.getByRole('button', { name: sv.pseudonymise.start, exact: true }).click();
    await page.getByText(sv.pseudonymise.explain.replace('{name}', `${leaver.firstName} ${leaver.lastName}`), { exact: true }).waitFor();
    await expectAccessible(page, 'pseudonymise confirmation');
    await page.getByRole('button', { name: sv.pseudonymise.confirm, exact: true }).click();
    await page.getByText(/^Personen är avidentifierad och heter nu Före detta medarbetare [0-9A-F]{4}\.$/).waitFor();
    await page.getByRole('heading', { level: 1, name: /^Före detta medarbetare [0-9A-F]{4}$/ }).waitFor();
    expect(await page.getByRole('heading', { level: 2, name: sv.pseudonymise.title }).count()).toBe(0);
    expect(await pageProblems(page, problems)).toEqual([]);
  });
});
