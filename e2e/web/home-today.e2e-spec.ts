import type { Browser, BrowserContext, Page } from 'playwright-core';
import { TodayOverview } from '@kunna/contracts';
import { expectAccessible, horizontalOverflow, launchBrowser, newContext, PageProblems, pageProblems } from './browser';
import { account, DemoAccount, signIn, sv } from './demo';

/** A phone in portrait (the 390 × 844). */
const PHONE_390 = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1366, height: 900 } };

const fill = (text: string, params: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));

/**
 * Each demo role's start page answers "what do I do now" with what `GET /api/today` gives that person: the page is
 * compared with the API's answer from the same session, at desktop width and at 390 px (no sideways scrolling),
 * axe-clean and without console errors.
 */
describe.each([
  ['desktop', DESKTOP],
  ['390 px', PHONE_390],
])('the start page per role (%s)', (screen, options) => {
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
    ({ context, page, problems } = await newContext(browser, options));
  });
  afterEach(async () => {
    await context?.close();
  });

  async function open(who: DemoAccount): Promise<TodayOverview> {
    await signIn(page, who);
    const response = await page.request.get('/api/today');
    expect(response.status()).toBe(200);
    await page.getByRole('heading', { level: 2, name: sv.today.mine.title, exact: true }).waitFor();
    return (await response.json()) as TodayOverview;
  }

  async function expectFitsAndClean(label: string): Promise<void> {
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await expectAccessible(page, `today-${label}-${screen}`);
    expect(await pageProblems(page, problems)).toEqual([]);
  }

  const section = (heading: string) => page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: heading, exact: true }) });

  it('staff: the checks waiting with "Svara nu", the next sessions and the own progress', async () => {
    const today = await open(account('Medarbetare'));
    const mine = section(sv.today.mine.title);
    const answer = mine.getByRole('link', { name: new RegExp(`^${sv.today.mine.answerNow}`) });
    expect(await answer.count()).toBe(today.mine.pendingChecks.length);
    if (today.mine.pendingChecks.length === 0) await mine.getByText(sv.today.mine.noChecks).waitFor();
    else expect(await answer.first().getAttribute('href')).toBe(`/m/${today.mine.pendingChecks[0].code}`);
    for (const session of today.mine.nextSessions) await mine.getByText(session.title).first().waitFor();
    if (today.mine.nextSessions.length === 0) await mine.getByText(sv.today.mine.noSessions).waitFor();
    const sessions = today.mine.progress.sessionsAttended;
    await mine.getByText(fill(sessions === 1 ? sv.today.counts.sessionsAttended.one : sv.today.counts.sessionsAttended.other, { count: sessions })).waitFor();
    expect(await page.getByRole('heading', { level: 2, name: sv.home.ambassador.title }).count()).toBe(0);
    expect(await page.getByRole('heading', { level: 2, name: sv.home.manager.title }).count()).toBe(0);
    await expectFitsAndClean('staff');
    await mine.getByRole('link', { name: sv.today.mine.myDevelopment, exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/min-utveckling');
  });

  it('ambassador: today\'s sessions with one-tap "Ta närvaro" into the attendance page, open checks, catch-ups and support', async () => {
    const today = await open(account('Digitaliseringsombud'));
    const ambassador = today.ambassador!;
    expect(ambassador.today.length).toBeGreaterThan(0);
    const own = section(sv.home.ambassador.title);
    for (const heading of [
      sv.today.ambassador.today,
      sv.today.ambassador.upcoming,
      sv.today.ambassador.rounds,
      sv.today.ambassador.catchUp,
      sv.today.ambassador.support,
    ]) {
      await own.getByRole('heading', { level: 3, name: heading, exact: true }).waitFor();
    }
    const take = own.getByRole('link', { name: new RegExp(`^${sv.today.ambassador.takeAttendance}`) });
    expect(await take.count()).toBe(ambassador.today.length);
    for (const round of ambassador.openRounds) await own.getByText(round.title).first().waitFor();
    if (ambassador.openRounds.length === 0) await own.getByText(sv.today.ambassador.noRounds).waitFor();
    for (const unit of ambassador.units) await own.getByText(unit.unit.name, { exact: true }).first().waitFor();
    for (const entry of ambassador.recentSupport) await own.getByText(entry.topic, { exact: false }).first().waitFor();
    await expectFitsAndClean('ambassador');

    await take.first().click();
    await page.waitForURL((url) => url.pathname === `/tillfallen/${ambassador.today[0].id}/narvaro`);
    await page.getByRole('heading', { level: 1 }).waitFor();
  });

  it('unit manager: what needs attention in each managed unit, linking into Insikt', async () => {
    const today = await open(account('Enhetschef'));
    const units = today.manager!.units;
    expect(units.length).toBeGreaterThan(0);
    const managed = section(sv.home.manager.title);
    for (const unit of units) {
      const card = managed.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: unit.unit.name, exact: true }) });
      // The unit's name is visually hidden inside the link (Chromium puts a space before it in the name).
      const insight = card.getByRole('link', { name: new RegExp(`^${sv.today.manager.openInsights}\\s*: ${unit.unit.name}$`) });
      expect(await insight.getAttribute('href')).toBe(`/insikt?unitId=${unit.unit.id}`);
      if (unit.newWithoutIntroduction > 0) {
        const count = unit.newWithoutIntroduction;
        const text = fill(count === 1 ? sv.today.counts.newStaff.one : sv.today.counts.newStaff.other, { count });
        expect(await card.getByRole('link', { name: text }).getAttribute('href')).toBe(`/insikt?unitId=${unit.unit.id}#team-heading`);
      }
      if (unit.targetsBehind > 0) await card.getByRole('link', { name: new RegExp(sv.today.counts.targetsBehind.other.replace('{count}', '\\d+')) }).waitFor();
      if (unit.pairing.low) {
        const low = card.getByRole('link', { name: new RegExp(`^${sv.today.manager.pairingLow.replace('{percent}', '')}`) });
        expect(await low.getAttribute('href')).toBe(`/insikt?unitId=${unit.unit.id}&competenceUnit=${unit.unit.id}#competence-heading`);
      }
      if (unit.pairing.withheld) await card.getByText(sv.today.manager.pairingWithheld).waitFor();
    }
    await expectFitsAndClean('manager');
  });

  it("area manager: the area's units, each with what needs attention", async () => {
    const today = await open(account('Verksamhetschef'));
    const area = section(sv.home.area.title.replace('{name}', 'Äldreomsorg'));
    for (const unit of today.manager!.units) await area.getByRole('heading', { level: 3, name: unit.unit.name, exact: true }).waitFor();
    await expectFitsAndClean('area-manager');
  });

  it("HR: the organisation's key figures and the latest import", async () => {
    const today = await open(account('HR'));
    const figures = today.organisation!;
    const organisation = section(sv.home.organisation.title);
    await organisation.getByRole('heading', { level: 3, name: new RegExp(`^${sv.today.organisation.keyFigures.replace(' {date}', '')}`) }).waitFor();
    const staff = organisation.locator('dl.stats div').filter({ has: page.getByText(sv.today.organisation.staff, { exact: true }) });
    expect((await staff.locator('dd').innerText()).replace(/\s/g, '')).toBe(String(figures.staff));
    if (figures.participants === null) await organisation.getByText(sv.today.organisation.withheldNote).waitFor();
    await organisation.getByRole('heading', { level: 3, name: sv.today.organisation.latestImport, exact: true }).waitFor();
    if (figures.latestImport) await organisation.getByText(figures.latestImport.fileName, { exact: false }).waitFor();
    else await organisation.getByText(sv.today.organisation.noImport).waitFor();
    expect(today.setup).toBeNull();
    await expectFitsAndClean('hr');
  });

  it('administrator: the setup checklist, each item done or not with a link', async () => {
    const today = await open(account('Organisationsadmin', /Älvstad/));
    const items = today.setup!.items;
    const organisation = section(sv.home.organisation.title);
    await organisation.getByRole('heading', { level: 3, name: sv.today.setup.title, exact: true }).waitFor();
    const rows = organisation.locator('ul.checklist li');
    expect(await rows.count()).toBe(items.length);
    for (const [index, item] of items.entries()) {
      const row = rows.nth(index);
      await row.getByText(sv.today.setup.item[item.key], { exact: true }).waitFor();
      expect(await row.locator('strong').innerText()).toBe(item.done ? sv.today.setup.done : sv.today.setup.notDone);
    }
    // The demo has units, staff, ambassadors, modules and an instrument; the browser tests' server signs Älvstad in
    // through single sign-on (scripts/e2e-web.mjs).
    expect(items.filter((item) => !item.done).map((item) => item.key)).toEqual([]);
    expect(await organisation.getByRole('link', { name: sv.today.setup.item.module, exact: true }).getAttribute('href')).toBe('/bibliotek');
    await expectFitsAndClean('admin');
  });
});
