import ICAL from 'ical.js';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, expectAccessible, launchBrowser, newContext, PageProblems, pageProblems } from './browser';
import { account, signIn, signOut, sv } from './demo';
import { openFromNav } from './nav';

/**
 * Calendars and reminders in a real browser: the ambassador makes a personal calendar link, a calendar client (no
 * cookies) fetches it; the ambassador cancels a session, the feed shows the cancellation and the notification comes;
 * the organisation admin reads the cancellation e-mail in the outbox (no SMTP server in the test: mail stays there).
 */
describe('calendar feeds, notifications and the outbox in the browser', () => {
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
    ({ context, page, problems } = await newContext(browser, { timezoneId: 'Europe/Stockholm' }));
  });
  afterEach(async () => {
    await context?.close();
  });

  const nav = () => page.getByRole('navigation', { name: sv.app.mainNav });

  /** What a calendar client gets: a plain GET without any cookie. */
  async function fetchFeed(url: string): Promise<{ status: number; type: string | null; text: string }> {
    const response = await fetch(new URL(new URL(url).pathname, baseUrl()));
    return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
  }

  function events(text: string): Array<{ uid: string; status: string; sequence: number }> {
    const calendar = new ICAL.Component(ICAL.parse(text));
    return calendar.getAllSubcomponents('vevent').map((event) => ({
      uid: String(event.getFirstPropertyValue('uid')),
      status: String(event.getFirstPropertyValue('status')),
      sequence: Number(event.getFirstPropertyValue('sequence')),
    }));
  }

  /** Reloads until `check` passes: reminders and e-mail are written by the background job worker. */
  async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
    for (let attempt = 0; attempt < 30; attempt++) {
      // The page fills its list a moment after it loads: look after that moment, not right after the reload.
      await page.waitForTimeout(1000);
      if (await check()) return;
      await page.reload();
    }
    throw new Error(`gave up waiting for ${what}`);
  }

  it('the ambassador subscribes, cancels a session and the admin reads the cancellation e-mail', async () => {
    await signIn(page, account('Digitaliseringsombud'));

    // My account → Kalender: create the personal link.
    await nav().getByRole('link', { name: sv.nav.account, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: sv.account.title }).waitFor();
    await page.getByRole('heading', { level: 2, name: sv.calendar.title }).waitFor();
    await page.getByRole('button', { name: sv.calendar.create, exact: true }).click();
    const urlField = page.getByLabel(sv.calendar.url, { exact: true });
    await urlField.waitFor();
    const url = await urlField.inputValue();
    expect(url).toMatch(/\/api\/calendar\/feed\/[A-Za-z0-9_-]{43}$/);
    await page.getByRole('button', { name: sv.calendar.rotate, exact: true }).waitFor();
    await expectAccessible(page, 'account with calendar link');

    const first = await fetchFeed(url);
    expect(first.status).toBe(200);
    expect(first.type).toBe('text/calendar; charset=utf-8');
    const before = events(first.text);
    expect(before.length).toBeGreaterThan(0);

    // The session two weeks ahead at the ambassador's unit: open it and cancel it.
    const ahead = new Date(Date.now() + 14 * 86400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
    await nav().getByRole('link', { name: sv.nav.sessions, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: sv.sessions.title }).waitFor();
    // The unit's calendar link is managed here by its ambassadors and managers.
    await page.getByRole('heading', { level: 2, name: sv.calendar.title }).waitFor();
    await page.getByText(sv.calendar.unitIntro).waitFor();
    await expectAccessible(page, 'sessions with the unit calendar');
    const row = page.locator('tbody tr', { hasText: `${ahead} 14:00` }).first();
    await row.getByRole('link', { name: new RegExp(`^${sv.sessions.attendance}`) }).click();
    await page.waitForURL((address) => /^\/tillfallen\/[0-9a-f-]{36}\/narvaro$/.test(address.pathname));
    const sessionId = new URL(page.url()).pathname.split('/')[2];
    const uid = `session-${sessionId}@kunna`;
    const listed = before.find((event) => event.uid === uid);
    expect(listed?.status).toBe('CONFIRMED');

    await page.locator('summary', { hasText: sv.sessionCancel.title }).click();
    await page.getByLabel(sv.sessionCancel.reason, { exact: true }).fill('Brandövning i huset');
    await page.getByRole('button', { name: sv.sessionCancel.submit, exact: true }).click();
    await page.getByRole('status').filter({ hasText: sv.sessions.cancelledNotice }).waitFor();
    await expectAccessible(page, 'cancelled session');

    const cancelled = events((await fetchFeed(url)).text).find((event) => event.uid === uid);
    expect(cancelled?.status).toBe('CANCELLED');
    expect(cancelled?.sequence).toBeGreaterThan(listed?.sequence ?? 0);

    // The facilitator is told too: the bell and the notifications page.
    await page.goto('/notiser');
    await page.getByRole('heading', { level: 1, name: sv.notifications.title }).waitFor();
    await eventually(
      async () => (await page.getByTestId('notification').filter({ hasText: 'Brandövning i huset' }).count()) > 0,
      'the cancellation notification',
    );
    await page.getByTestId('unread-count').waitFor();
    await expectAccessible(page, 'notifications');
    expect(await pageProblems(page, problems)).toEqual([]);

    // The organisation admin reads the e-mail in the outbox.
    await signOut(page);
    await signIn(page, account('Organisationsadmin', /Älvstad/));
    await openFromNav(page, sv.outbox.nav);
    await page.getByRole('heading', { level: 1, name: sv.outbox.title }).waitFor();
    const mail = page.getByRole('link', { name: /^Inställt: / });
    await eventually(async () => (await mail.count()) > 0, 'the cancellation e-mail');
    await expectAccessible(page, 'outbox');
    await mail.first().click();
    await page.waitForURL((address) => /^\/admin\/utkorg\/[0-9a-f-]{36}$/.test(address.pathname));
    await page.getByTestId('outbox-body').filter({ hasText: 'Brandövning i huset' }).waitFor();
    expect(await page.getByTestId('outbox-subject').textContent()).toContain(ahead);
    await expectAccessible(page, 'outbox message');
    expect(await pageProblems(page, problems)).toEqual([]);
  });
});
