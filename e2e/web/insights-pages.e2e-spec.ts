import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { CompetenceBreakdown, CostReport, CurrentUser, NetworkParticipation, ParticipationBreakdown, TeamDashboard, YearPlan } from '@kunna/contracts';
import { insightPagesSv } from '../../web/src/app/i18n/insight-pages.sv';
import { InsightNumbers } from '../../web/src/app/insights/insight-numbers';
import { expectAccessible, horizontalOverflow, launchBrowser, newContext, PageProblems, pageProblems, saveScreenshot } from './browser';
import { account, signIn, sv } from './demo';

/**
 * Insight's summary pages as each role meets them: where Insight opens for a unit manager, an area manager, HR and a
 * network coordinator, and every summary page, on a desktop and at 390 px. Each opens with 3–5 key figures, all of
 * them on the first screen and equal to the API's figures in Swedish format; nothing scrolls sideways; the page is at
 * most about three screens long before details are opened; axe finds nothing serious; the console stays clean.
 */
const texts = insightPagesSv.insightPages;
const numbers = new InsightNumbers('sv-SE');
/** Intl's no-break spaces (Chromium and Node may pick different ones) compared as plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();

const SIZES: Array<{ name: string; options: BrowserContextOptions }> = [
  { name: 'desktop', options: { viewport: { width: 1280, height: 900 } } },
  { name: '390 px', options: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } },
];

/** Retries until `read` gives `expected` (figures fill in as their reads answer), else fails with the last value. */
async function eventually(read: () => Promise<string>, expected: string, what: string): Promise<void> {
  const until = Date.now() + 20_000;
  let last = '';
  while (Date.now() < until) {
    last = plain(await read().catch(() => ''));
    if (last === plain(expected)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect({ what, shown: last }).toEqual({ what, shown: plain(expected) });
}

async function apiGet<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect({ path, status: response.status() }).toEqual({ path, status: 200 });
  return (await response.json()) as T;
}

/**
 * The key figures: 3–5 of them, each label with its expected value (null: only present), every one wholly inside the
 * first screen; the page scrolls no wider than the screen and is at most about three screens long.
 */
async function expectSummary(page: Page, label: string, expected: Array<[string, string | null]>, chart = true): Promise<void> {
  const region = page.getByRole('region', { name: texts.keyFigures, exact: true });
  await region.waitFor();
  const items = region.getByRole('listitem');
  for (const [name, value] of expected) {
    const item = region.locator('.key-figure').filter({ has: page.locator('.key-label').getByText(name, { exact: true }) });
    await item.waitFor();
    if (value !== null) await eventually(() => item.locator('.key-value').innerText(), value, `${label}: ${name}`);
  }
  const count = await items.count();
  expect(count).toBeGreaterThanOrEqual(3);
  expect(count).toBeLessThanOrEqual(5);
  // One chart, drawn (its table is one click away); none when every figure is withheld.
  if (chart) {
    await page.locator('figure.bar-chart').first().waitFor();
    await page.getByText(texts.asTable).first().waitFor();
  }
  // No "loading" left before measuring.
  await page.locator('.loading').first().waitFor({ state: 'detached' }).catch(() => undefined);
  const screen = await page.evaluate(() => ({ width: window.innerWidth, height: window.innerHeight, scrollHeight: document.documentElement.scrollHeight, scrollWidth: document.documentElement.scrollWidth }));
  const offScreen: string[] = [];
  for (let index = 0; index < count; index++) {
    const box = await items.nth(index).boundingBox();
    if (!box || box.y + box.height > screen.height) offScreen.push(`${(await items.nth(index).innerText()).split('\n')[0]} (bottom ${box ? Math.round(box.y + box.height) : '?'} > ${screen.height})`);
  }
  if (offScreen.length > 0) await saveScreenshot(page, `key-figures-${label}`);
  expect({ label, offScreen }).toEqual({ label, offScreen: [] });
  expect({ label, scrollWidth: screen.scrollWidth <= screen.width }).toEqual({ label, scrollWidth: true });
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  expect({ label, screens: screen.scrollHeight <= 3 * screen.height }).toEqual({ label, screens: true });
}

/** Pages of the PDF Chromium prints the page to (A4): the print stylesheet keeps a summary to one. */
async function printedPages(page: Page): Promise<number> {
  await page.emulateMedia({ media: 'print' });
  const pdf = (await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
  await page.emulateMedia({ media: 'screen' });
  return (pdf.match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

describe.each(SIZES)('Insight summary pages ($name)', ({ name: size, options }) => {
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

  it('a unit manager lands on the unit; the competence and targets pages answer for it', async () => {
    await signIn(page, account('Enhetschef'));
    const me = await apiGet<CurrentUser>(page, '/api/auth/me');
    const unitId = me.roles.find((grant) => grant.role === 'manager')!.scopeId;
    await page.goto('/insikt');
    await page.waitForURL((url) => url.pathname === `/insikt/enhet/${unitId}`);
    const team = await apiGet<TeamDashboard>(page, `/api/insights/units/${unitId}/team`);
    await page.getByRole('heading', { level: 1, name: `${texts.team.title}: ${team.unit.name}` }).waitFor();
    const { people, invited, attended, hours } = team.totals;
    await expectSummary(page, `unit manager landing ${size}`, [
      [texts.figures.people, numbers.count(people)],
      [texts.figures.attendance, numbers.percent(invited > 0 ? (attended / invited) * 100 : null)],
      [texts.figures.hours, numbers.hours(hours)],
    ]);
    // The per-person lists are one click away, collapsed until asked for.
    const staffTable = page.getByRole('table', { name: 'Tillsvidareanställda' });
    expect(await staffTable.isVisible()).toBe(false);
    await page.getByText(texts.team.people, { exact: true }).click();
    await staffTable.waitFor();
    await expectAccessible(page, `insight: unit landing ${size}`);
    // The one-page summary for the nämnd: menus, filters and details left out of the print.
    if (size === 'desktop') expect(await printedPages(page)).toBe(1);

    await page.getByRole('navigation', { name: texts.nav.label }).getByRole('link', { name: texts.nav.competence, exact: true }).click();
    await page.waitForURL(/\/insikt\/kompetens/);
    await page.getByRole('heading', { level: 1, name: texts.competence.title }).waitFor();
    await expectSummary(page, `unit manager competence ${size}`, [[texts.figures.competence, null]]);
    await expectAccessible(page, `insight: unit competence ${size}`);

    await page.getByRole('navigation', { name: texts.nav.label }).getByRole('link', { name: texts.nav.targets, exact: true }).click();
    await page.waitForURL(/\/insikt\/mal/);
    const plan = await apiGet<YearPlan>(page, `/api/insights/units/${unitId}/plan`);
    const scheduled = plan.months.reduce((sum, month) => sum + month.scheduledSessions, 0);
    await page.getByRole('heading', { level: 1, name: texts.targets.title }).waitFor();
    if (plan.targets.length > 0) {
      await expectSummary(page, `unit manager targets ${size}`, [
        [texts.figures.targets, numbers.count(plan.targets.length)],
        [texts.figures.plannedSessions, numbers.count(scheduled)],
      ]);
    } else {
      await page.getByRole('region', { name: texts.keyFigures }).getByText(texts.figures.plannedSessions).waitFor();
    }
    await expectAccessible(page, `insight: targets ${size}`);
    expect(await pageProblems(page, problems)).toEqual([]);
  });

  it('an area manager lands on the area, with its units one click away', async () => {
    await signIn(page, account('Verksamhetschef'));
    const me = await apiGet<CurrentUser>(page, '/api/auth/me');
    const areaId = me.roles.find((grant) => grant.role === 'area_manager')!.scopeId;
    await page.goto('/insikt');
    await page.waitForURL((url) => url.pathname === `/insikt/omrade/${areaId}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(`^${texts.area.title}`) }).waitFor();
    const participation = await apiGet<ParticipationBreakdown>(page, `/api/insights/participation?areaId=${areaId}&groupBy=unit`);
    await expectSummary(page, `area manager landing ${size}`, [
      [texts.figures.people, numbers.count(participation.total.people)],
      [texts.figures.participation, participation.total.suppressed ? texts.figures.suppressed : numbers.percent(participation.total.participationPercent)],
      [texts.figures.competence, null],
    ]);
    await expectAccessible(page, `insight: area landing ${size}`);
    // A unit of the area opens its team page.
    const unit = participation.groups.find((group) => group.drillId)!;
    await page.getByText(texts.area.units, { exact: true }).click();
    await page.getByRole('link', { name: texts.area.openUnit.replace('{name}', unit.label), exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/insikt/enhet/${unit.drillId}`);
    await page.getByRole('heading', { level: 1, name: `${texts.team.title}: ${unit.label}` }).waitFor();
    expect(await pageProblems(page, problems)).toEqual([]);
  });

  it('HR lands on the organisation overview (never on a unit); competence and costs answer for the organisation', async () => {
    await signIn(page, account('HR'));
    await page.goto('/insikt');
    await page.waitForURL((url) => url.pathname === '/insikt/organisation');
    await page.getByRole('heading', { level: 1, name: texts.organisation.title, exact: true }).waitFor();
    const participation = await apiGet<ParticipationBreakdown>(page, '/api/insights/participation?groupBy=area');
    const costs = await apiGet<CostReport>(page, '/api/insights/costs');
    await expectSummary(page, `HR landing ${size}`, [
      [texts.figures.people, numbers.count(participation.total.people)],
      [texts.figures.hours, participation.total.suppressed ? texts.figures.suppressed : numbers.hours(participation.total.hours)],
      [texts.figures.cost, numbers.money(costs.totalCost)],
      [texts.figures.competence, null],
    ]);
    expect(await page.getByRole('table', { name: 'Tillsvidareanställda' }).count()).toBe(0);
    await expectAccessible(page, `insight: organisation ${size}`);
    if (size === 'desktop') expect(await printedPages(page)).toBe(1);

    await page.goto('/insikt/kompetens');
    await page.getByRole('heading', { level: 1, name: texts.competence.title }).waitFor();
    const competence = await apiGet<CompetenceBreakdown>(page, '/api/insights/competence?groupBy=unit');
    const overall = competence.total.figures.find((figure) => figure.dimension === 'overall')!;
    await expectSummary(
      page,
      `HR competence ${size}`,
      competence.total.suppressed
        ? [
            [texts.figures.asked, numbers.count(competence.total.people)],
            [texts.figures.competence, texts.figures.suppressed],
          ]
        : [
            [texts.figures.levelBefore, numbers.level(overall.meanBefore)],
            [texts.figures.levelAfter, numbers.level(overall.meanAfter)],
            [texts.figures.pairRate, numbers.percent(overall.invited ? ((overall.pairs ?? 0) / overall.invited) * 100 : null)],
          ],
      !competence.total.suppressed,
    );
    if (competence.total.suppressed && competence.total.reason) {
      // Withheld figures say why.
      await page.locator('.key-figure').filter({ hasText: texts.figures.competence }).getByText(sv.competence.suppressedReason[competence.total.reason]).waitFor();
    }
    // The change is said in words, with its explanation on demand.
    if (!competence.total.suppressed) {
      const change = page.locator('.key-figure').filter({ hasText: texts.figures.competence });
      expect(await change.locator('.key-value').innerText()).toMatch(/ökade med|minskade med|ingen säker förändring|oförändrad/);
      await change.getByText(texts.explain).click();
      await change.getByText(texts.stats.changeExplained.slice(0, 40)).waitFor();
    }
    await expectAccessible(page, `insight: competence ${size}`);

    await page.goto('/insikt/kostnader');
    await page.getByRole('heading', { level: 1, name: texts.costs.title }).waitFor();
    await expectSummary(page, `HR costs ${size}`, [
      [texts.figures.cost, numbers.money(costs.totalCost)],
      [texts.figures.participants, numbers.count(costs.participants)],
      [texts.figures.costPerParticipant, numbers.money(costs.costPerParticipant)],
    ]);
    await page.getByRole('link', { name: 'Excel', exact: true }).waitFor();
    await expectAccessible(page, `insight: costs ${size}`);
    expect(await pageProblems(page, problems)).toEqual([]);
  });

  it('the check results load without pressing a button, with the matched-pair rate beside them', async () => {
    await signIn(page, account('Enhetschef'));
    await page.goto('/matningar/resultat');
    await page.getByRole('heading', { level: 1, name: sv.checks.results.title }).waitFor();
    // The manager's own unit and the first instrument are chosen: the results (or why they are withheld) come by themselves.
    const table = page.getByRole('table', { name: new RegExp(`^${sv.checks.results.caption.split('(')[0].trim()}`) });
    const withheld = page.locator('.notice');
    await Promise.race([table.waitFor(), withheld.waitFor()]);
    expect(await page.getByRole('button', { name: 'Visa', exact: true }).count()).toBe(0);
    if ((await table.count()) > 0) {
      await page.getByText(`${texts.figures.pairRate}:`).waitFor();
      expect(await page.locator('p').filter({ hasText: `${texts.figures.pairRate}:` }).innerText()).toMatch(/\d+ av \d+ svarade både före och efter/);
    }
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await expectAccessible(page, `check results ${size}`);
    expect(await pageProblems(page, problems)).toEqual([]);
  });

  it('a network coordinator lands on the network', async () => {
    await signIn(page, account('Nätverkssamordnare'));
    await page.goto('/insikt');
    await page.waitForURL((url) => url.pathname === '/insikt/natverk');
    await page.getByRole('heading', { level: 1, name: texts.network.title, exact: true }).waitFor();
    const network = await apiGet<NetworkParticipation>(page, '/api/network/insights/participation');
    await expectSummary(page, `coordinator landing ${size}`, [
      [texts.figures.organisations, numbers.count(network.organisations.length)],
      [texts.figures.sessions, numbers.count(network.organisations.reduce((sum, o) => sum + o.sessionsHeld, 0))],
      [texts.figures.activeAmbassadors, numbers.count(network.organisations.reduce((sum, o) => sum + o.activeAmbassadors, 0))],
    ]);
    await expectAccessible(page, `insight: network ${size}`);
    expect(await pageProblems(page, problems)).toEqual([]);
  });
});
