import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ParticipationReport, SessionAttendance, SessionDetail } from '@kunna/contracts';
import { expectAccessible, launchBrowser, newContext, PageProblems, pageProblems } from './browser';
import { account, signIn, sv } from './demo';

/** A tablet held upright (iPad-sized), touch. */
const TABLET = { viewport: { width: 820, height: 1180 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };

/**
 * The ambassador's daily tool in a real browser: a five-session series is scheduled, today's session opened on a
 * tablet, attendance marked WITHOUT network (the test cuts it) including a walk-in, and after the network returns the
 * server has exactly those marks, once, and the person's hours include the session.
 */
describe('sessions and offline attendance in the browser', () => {
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
    // Sessions are planned in Swedish time: the tablet is in Sweden.
    ({ context, page, problems } = await newContext(browser, { ...TABLET, timezoneId: 'Europe/Stockholm' }));
  });
  afterEach(async () => {
    await context?.close();
  });

  const apiGet = async <T>(path: string): Promise<T> => {
    const response = await page.request.get(path);
    expect(response.status()).toBe(200);
    return (await response.json()) as T;
  };

  it('schedules a series, marks attendance offline with a walk-in, and syncs each mark exactly once', async () => {
    await signIn(page, account('Digitaliseringsombud'));
    await page
      .getByRole('navigation', { name: sv.app.mainNav })
      .getByRole('link', { name: sv.nav.sessions })
      .click()
      .catch(async () => {
        // On a narrow screen the menu is folded away.
        await page.getByRole('button', { name: sv.app.menu, exact: true }).click();
        await page.getByRole('navigation', { name: sv.app.mainNav }).getByRole('link', { name: sv.nav.sessions }).click();
      });
    await page.getByRole('heading', { level: 1, name: sv.sessions.title }).waitFor();
    await page.getByRole('link', { name: sv.sessions.schedule }).click();
    await page.getByRole('heading', { level: 1, name: sv.sessions.scheduleTitle }).waitFor();

    // Five sessions, every other week, from today at 06:10 (a time no demo session uses).
    // A module the demo ambassador is qualified to deliver.
    const mine = await apiGet<{ qualifications: Array<{ module: { title: string }; status: string }> }>('/api/ambassadors/me');
    const moduleTitle = mine.qualifications.find((q) => q.status === 'valid')?.module.title ?? '';
    expect(moduleTitle).not.toBe('');
    const moduleSelect = page.getByLabel(sv.sessions.module);
    await moduleSelect.locator('option', { hasText: moduleTitle }).waitFor({ state: 'attached' });
    await moduleSelect.selectOption({ label: moduleTitle });
    await page.getByLabel(sv.sessions.startTime).fill('06:10');
    await page.getByLabel(sv.sessions.duration).fill('45');
    await page.getByLabel(sv.sessions.place).fill('Personalrummet, plan 2');
    await page.getByLabel(sv.sessions.count).fill('5');
    await page.getByLabel(sv.sessions.intervalWeeks).fill('2');
    await page.getByRole('button', { name: sv.sessions.checkConflicts }).click();
    // The demo ambassador is qualified and free at 06:10: nothing to warn about.
    const answer = page.getByText(sv.sessions.noConflicts).or(page.locator('ul.notice, p.error'));
    await answer.first().waitFor();
    expect(await answer.first().textContent()).toBe(sv.sessions.noConflicts);
    await expectAccessible(page, 'schedule a session');
    await page.getByRole('button', { name: sv.sessions.save, exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/tillfallen');

    // Today's session is listed; open its attendance.
    const open = page.getByRole('link', { name: new RegExp(`^${sv.sessions.openAttendance}.*06:10`) });
    await open.waitFor();
    await open.click();
    await page.waitForURL((url) => /^\/tillfallen\/[0-9a-f-]{36}\/narvaro$/.test(url.pathname));
    const sessionId = new URL(page.url()).pathname.split('/')[2];
    await page.getByRole('heading', { level: 1, name: new RegExp(sv.attendance.title) }).waitFor();
    const session = await apiGet<SessionDetail>(`/api/sessions/${sessionId}`);
    expect(session).toMatchObject({ title: moduleTitle, startTime: '06:10', durationMinutes: 45, seriesPosition: 1 });
    const series = await apiGet<{ sessions: Array<{ date: string }> }>(`/api/session-series/${session.seriesId}`);
    expect(series.sessions).toHaveLength(5);

    const before = await apiGet<SessionAttendance>(`/api/sessions/${sessionId}/attendance`);
    const invited = before.rows.filter((row) => row.person && !row.walkIn);
    expect(invited.length).toBeGreaterThanOrEqual(3);
    expect(before.rows.every((row) => row.status === null)).toBe(true);
    const [first, second] = invited;
    const hoursBefore = await apiGet<ParticipationReport>(`/api/participation?unitId=${session.unit.id}`);
    const minutesBefore = hoursBefore.people.find((p) => p.person.id === first.person?.id)?.totalMinutes ?? 0;
    await expectAccessible(page, 'attendance page');

    // The network goes away.
    await context.setOffline(true);
    await page.getByText(sv.attendance.offline).waitFor();
    const list = page.getByRole('list', { name: sv.attendance.listLabel });
    // One tap: present.
    await list.getByRole('button', { name: new RegExp(`^${first.person?.name}`) }).click();
    // Another person absent, through "Annat".
    await list.getByRole('button', { name: sv.attendance.otherButton.replace('{name}', second.person?.name ?? '') }).click();
    await page
      .getByRole('group', { name: sv.attendance.otherFor.replace('{name}', second.person?.name ?? '') })
      .getByRole('button', { name: sv.attendance.status.absent })
      .click();
    // A walk-in by name (no search needed without network).
    await page.getByLabel(sv.attendance.walkInLabel).fill('Vikarie Vera Ek');
    await page.getByRole('button', { name: sv.attendance.walkInByName }).click();

    const status = page.getByTestId('sync-status');
    await status.getByText('3 markeringar väntar på att skickas').waitFor();
    expect(await list.getByText(sv.attendance.pending).count()).toBe(3);
    expect(await list.getByRole('button', { name: new RegExp(`^${first.person?.name}`) }).getAttribute('aria-pressed')).toBe('true');
    await list.getByRole('button', { name: /^Vikarie Vera Ek/ }).waitFor();
    // Nothing reached the server yet (the test's own requests do not go through the page's cut network).
    const whileOffline = await apiGet<SessionAttendance>(`/api/sessions/${sessionId}/attendance`);
    expect(whileOffline.rows.filter((row) => row.status !== null)).toEqual([]);
    await expectAccessible(page, 'attendance page offline with pending marks');

    // Back online: the page sends the marks by itself.
    await context.setOffline(false);
    await status.getByText(sv.attendance.allSaved).waitFor({ timeout: 20000 });
    expect(await list.getByText(sv.attendance.pending).count()).toBe(0);

    // A reload sends nothing again, and the server has each mark exactly once.
    await page.reload();
    await status.getByText(sv.attendance.allSaved).waitFor();
    const after = await apiGet<SessionAttendance>(`/api/sessions/${sessionId}/attendance`);
    const marked = after.rows.filter((row) => row.status !== null);
    expect(marked.map((row) => [row.person?.id ?? row.walkInName, row.status, row.walkIn]).sort()).toEqual(
      [
        [first.person?.id, 'present', false],
        [second.person?.id, 'absent', false],
        ['Vikarie Vera Ek', 'present', true],
      ].sort(),
    );
    expect(new Set(marked.map((row) => row.markId)).size).toBe(3);
    expect(after.rows.filter((row) => row.walkInName === 'Vikarie Vera Ek')).toHaveLength(1);

    // The person's hours now include the 45 minutes.
    const hoursAfter = await apiGet<ParticipationReport>(`/api/participation?unitId=${session.unit.id}`);
    expect(hoursAfter.people.find((p) => p.person.id === first.person?.id)?.totalMinutes).toBe(minutesBefore + 45);

    // The printable sheet lists the invited.
    await page.getByRole('link', { name: sv.attendance.printSheet }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(sv.sheet.title) }).waitFor();
    await page.getByRole('cell', { name: first.person?.name }).waitFor();
    await expectAccessible(page, 'attendance sheet');
    // The only problems allowed are the page's own send attempts while the network was cut.
    expect((await pageProblems(page, problems)).filter((problem) => !/ERR_INTERNET_DISCONNECTED/.test(problem))).toEqual([]);
  });
});
