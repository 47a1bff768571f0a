import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { CurrentUser, ProgramSummary, SessionAttendance, YearPlan } from '@kunna/contracts';
import { expectAccessible, launchBrowser, newContext, PageProblems, pageProblems } from './browser';
import { insightPagesSv } from '../../web/src/app/i18n/insight-pages.sv';
import { account, signIn, sv } from './demo';

/** A phone held upright, in Sweden. */
const PHONE_390 = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true, timezoneId: 'Europe/Stockholm' };

const fill = (text: string, values: Record<string, string | number>) =>
  Object.entries(values).reduce((result, [key, value]) => result.replaceAll(`{${key}}`, String(value)), text);

/**
 * Feedback and forgiveness (issue 17, item 5) in a real browser: a confirmation that is shown and announced after
 * saving, landing on what was saved, undo of "mark all present", clearing one mark, and a page a role may not open
 * saying so.
 */
describe('feedback and forgiveness', () => {
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
    ({ context, page, problems } = await newContext(browser, PHONE_390));
  });
  afterEach(async () => {
    await context?.close();
  });

  const toast = () => page.getByTestId('toast');
  /** Waits until the CDK LiveAnnouncer (its aria-live element) has said `text`. */
  const announced = (text: string) =>
    page.waitForFunction((expected) => document.querySelector('.cdk-live-announcer-element')?.textContent?.includes(expected) ?? false, text);
  const apiGet = async <T>(path: string): Promise<T> => {
    const response = await page.request.get(path);
    expect(response.status()).toBe(200);
    return (await response.json()) as T;
  };

  /** Schedules one session today at `time` through the form; resolves on the list it lands on. */
  async function scheduleToday(time: string, count = 1): Promise<string> {
    await page.goto('/tillfallen/ny');
    await page.getByRole('heading', { level: 1, name: sv.sessions.scheduleTitle }).waitFor();
    const mine = await apiGet<{ qualifications: Array<{ module: { title: string }; status: string }> }>('/api/ambassadors/me');
    const moduleTitle = mine.qualifications.find((q) => q.status === 'valid')!.module.title;
    const moduleSelect = page.getByLabel(sv.sessions.module);
    await moduleSelect.locator('option', { hasText: moduleTitle }).waitFor({ state: 'attached' });
    await moduleSelect.selectOption({ label: moduleTitle });
    await page.getByLabel(sv.sessions.startTime).fill(time);
    await page.getByLabel(sv.sessions.duration).fill('30');
    await page.getByLabel(sv.sessions.place).fill(`Dagrummet ${time}`);
    await page.getByLabel(sv.sessions.count).fill(String(count));
    await page.getByRole('button', { name: sv.sessions.save, exact: true }).click();
    // Saving checks conflicts first; the same values saved again go through.
    await page
      .waitForURL((url) => url.pathname === '/tillfallen', { timeout: 5_000 })
      .catch(async () => {
        await page.getByRole('button', { name: sv.sessions.save, exact: true }).click();
        await page.waitForURL((url) => url.pathname === '/tillfallen');
      });
    return new URL(page.url()).searchParams.get('sparat') ?? '';
  }

  it('after scheduling a session, and a series, confirms it (shown and announced) and shows the new session', async () => {
    await signIn(page, account('Digitaliseringsombud'));
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
    const savedId = await scheduleToday('02:05');
    expect(savedId).toMatch(/^[0-9a-f-]{36}$/);
    await toast()
      .filter({ hasText: /^Tillfället är sparat: .+ kl\. 02:05\./ })
      .waitFor();
    await announced(fill(sv.feedback.sessionScheduled, { date: (await toast().locator('p').textContent())!.split(': ')[1].split(' kl.')[0], time: '02:05' }));
    // Landed on what was saved: the new session first on the page, with its attendance and print sheet at hand…
    const card = page.getByRole('region', { name: new RegExp(`^${sv.feedback.justSaved} `) });
    await card.getByRole('link', { name: new RegExp(`^${sv.sessions.attendance}\\s*:`) }).waitFor();
    expect(await card.getByRole('link', { name: new RegExp(`^${sv.sessions.attendance}\\s*:`) }).getAttribute('href')).toBe(`/tillfallen/${savedId}/narvaro`);
    expect(await card.textContent()).toContain('02:05');
    // … and marked "Nytt" in the unit's list.
    const row = page.locator(`tr[data-session-id="${savedId}"]`);
    await row.getByText(sv.feedback.justSaved, { exact: true }).waitFor();
    expect(await row.textContent()).toContain(`${today} 02:05`);
    await row.getByRole('link', { name: new RegExp(`^${sv.sessions.attendance}`) }).waitFor();
    expect(await row.getByRole('link', { name: new RegExp(`^${sv.sessions.attendance}`) }).isVisible()).toBe(true);
    await expectAccessible(page, 'sessions list after scheduling, with the toast');

    const firstOfSeries = await scheduleToday('02:45', 3);
    await toast()
      .filter({ hasText: /^Serien är sparad\. Antal tillfällen: 3, det första .+ \(visas här\)\./ })
      .waitFor();
    await page.locator(`tr[data-session-id="${firstOfSeries}"]`).getByText(sv.feedback.justSaved, { exact: true }).waitFor();
    expect(await pageProblems(page, problems)).toEqual([]);
  });

  it('"mark all present" can be undone for ten seconds, and one mark can be cleared', async () => {
    await signIn(page, account('Digitaliseringsombud'));
    const sessionId = await scheduleToday('03:25');
    await page.goto(`/tillfallen/${sessionId}/narvaro`);
    await page.getByRole('heading', { level: 1, name: new RegExp(sv.attendance.title) }).waitFor();
    const markAll = page.getByRole('button', { name: new RegExp(`^${sv.attendance.markAllPresent}`) });
    await markAll.waitFor();
    const invited = (await apiGet<SessionAttendance>(`/api/sessions/${sessionId}/attendance`)).rows.length;
    expect(invited).toBeGreaterThan(1);

    // By keyboard: "mark all" with Enter, then the toast's "Ångra" has the focus, so Enter undoes.
    await markAll.focus();
    await page.keyboard.press('Enter');
    await toast()
      .filter({ hasText: fill(sv.feedback.markAllDone, { count: invited }) })
      .waitFor();
    await announced(fill(sv.feedback.markAllDone, { count: invited }));
    // The marks reach the server before the undo: the undo clears them there, not only on the device.
    await page.getByTestId('sync-status').getByText(sv.attendance.allSaved).waitFor();
    const marked = await apiGet<SessionAttendance>(`/api/sessions/${sessionId}/attendance`);
    expect(marked.rows.filter((row) => row.status === 'present')).toHaveLength(invited);
    await expectAccessible(page, 'attendance with the undo toast');

    const undo = toast().getByRole('button', { name: sv.feedback.undo, exact: true });
    await page.waitForFunction(() => document.activeElement?.closest('[data-testid="toast"]') !== null && document.activeElement?.tagName === 'BUTTON');
    expect(await undo.evaluate((button) => button === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await toast().filter({ hasText: sv.feedback.markAllUndone }).waitFor();
    // The focus is back where the user was (the "mark all" button), not at the end of the page.
    await page.waitForFunction((label) => document.activeElement?.textContent?.includes(label) ?? false, sv.attendance.markAllPresent);
    const undone = await apiGet<SessionAttendance>(`/api/sessions/${sessionId}/attendance`);
    expect(undone.rows.filter((row) => row.status !== null)).toEqual([]);
    await page.getByRole('button', { name: `${sv.attendance.markAllPresent} (${invited})` }).waitFor();

    // One person: tap present, then clear the mark again.
    const first = undone.rows[0].person!.name;
    const statusOf = async (name: string) =>
      (await apiGet<SessionAttendance>(`/api/sessions/${sessionId}/attendance`)).rows.find((row) => row.person?.name === name)!.status;
    await page.locator(`li[data-person="${first}"] button.person`).click();
    for (let tries = 0; tries < 50 && (await statusOf(first)) !== 'present'; tries++) await page.waitForTimeout(100);
    expect(await statusOf(first)).toBe('present');
    await page.locator(`li[data-person="${first}"]`).getByText(sv.attendance.pending).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: fill(sv.attendance.otherButton, { name: first }) }).click();
    await page.getByRole('button', { name: fill(sv.feedback.clearMarkFor, { name: first }) }).click();
    await toast()
      .filter({ hasText: fill(sv.feedback.markCleared, { name: first }) })
      .waitFor();
    await page.locator(`li[data-person="${first}"]`).getByText(sv.attendance.tapToMark).waitFor();
    expect(await statusOf(first)).toBeNull();
    expect(await pageProblems(page, problems)).toEqual([]);
  });

  it('a page the role may not open says so on arrival at the start page', async () => {
    await signIn(page, account('Medarbetare'));
    await page.goto('/organisation');
    await page.waitForURL((url) => url.pathname === '/');
    await toast().filter({ hasText: sv.feedback.noPermissionPage }).waitFor();
    await announced(sv.feedback.noPermissionPage);
    await expectAccessible(page, 'no permission message');
    expect(await pageProblems(page, problems)).toEqual([]);
  });

  it('a second target for the same program is refused with a clear message beside the program', async () => {
    await signIn(page, account('Enhetschef'));
    const me = await apiGet<CurrentUser>('/api/auth/me');
    const unitId = me.roles.find((grant) => grant.role === 'manager')!.scopeId;
    const plan = await apiGet<YearPlan>(`/api/insights/units/${unitId}/plan`);
    const programs = await apiGet<ProgramSummary[]>('/api/library/programs');
    const taken = plan.targets.map((target) => target.program).find((program) => programs.some((candidate) => candidate.id === program.id));
    expect(taken).toBeDefined();

    await page.goto(`/insikt/mal?unitId=${unitId}`);
    await page.getByRole('heading', { level: 1, name: insightPagesSv.insightPages.targets.title }).waitFor();
    const change = page.locator('summary').filter({ hasText: insightPagesSv.insightPages.targets.change }).first();
    // Figures arriving above can move the summary between aiming and clicking: click until the section is open.
    for (let attempt = 0; attempt < 5 && !(await change.evaluate((element) => (element.parentElement as HTMLDetailsElement).open)); attempt++) {
      await change.click();
      await page.waitForTimeout(200);
    }
    const programSelect = page.getByLabel(sv.insights.targets.program, { exact: true });
    await programSelect.locator('option', { hasText: taken!.title }).waitFor({ state: 'attached' });
    await programSelect.selectOption({ label: taken!.title });
    await page.getByLabel(sv.insights.targets.percent, { exact: true }).fill('70');
    await page.getByLabel(sv.insights.targets.due, { exact: true }).fill(new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10));
    await page.getByRole('button', { name: sv.insights.targets.save, exact: true }).click();
    await page.locator('#target-program-error').getByText('Enheten har redan ett mål för programmet. Ändra det målet i stället.').waitFor();
    const after = await apiGet<YearPlan>(`/api/insights/units/${unitId}/plan`);
    expect(after.targets.filter((target) => target.program.id === taken!.id)).toHaveLength(1);
    expect(await pageProblems(page, problems)).toEqual([]);
  });
});
