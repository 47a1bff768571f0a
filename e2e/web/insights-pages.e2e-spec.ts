import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  CompetenceBreakdown,
  CostReport,
  CurrentUser,
  NetworkParticipation,
  OrganisationTree,
  ParticipationBreakdown,
  TargetStatus,
  TeamDashboard,
  YearPlan,
} from '@kunna/contracts';
import { insightPagesSv } from '../../web/src/app/i18n/insight-pages.sv';
import { InsightNumbers } from '../../web/src/app/insights/insight-numbers';
import { expectAccessible, horizontalOverflow, launchBrowser, newContext, PageProblems, pageProblems, saveScreenshot } from './browser';
import { account, signIn, sv } from './demo';

/**
 * Insight's summary pages as each role meets them (Kunna issue 15, item 3): where Insight opens for a unit manager,
 * an area manager, HR and a network coordinator, and every summary page each of them reaches, on a desktop and at
 * 390 px. On every page: 3–5 key figures, each equal to the API's figure in Swedish format and wholly inside the first
 * screen; one chart (on a desktop it starts on the first screen) with its table one click away; no English decimal
 * point and no count with decimals; nothing still loading; nothing scrolling sideways; at most about three screens
 * long before details are opened; axe finds nothing serious; the console stays clean. The unit and organisation
 * summaries print on one A4 page. The ambassador, who has no Insight, is sent back with a reason.
 *
 * Run time: one browser for the file, one sign-in per role; each role's context is resized from the desktop to
 * 390 px (phone-width.e2e-spec.ts covers a phone's touch and device scale).
 */
const texts = insightPagesSv.insightPages;
const numbers = new InsightNumbers('sv-SE');
/** Intl's no-break spaces (Chromium and Node may pick different ones) compared as plain spaces. */
const plain = (text: string) =>
  text
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const SIZES = [
  { size: 'desktop', viewport: { width: 1280, height: 800 } },
  { size: '390 px', viewport: { width: 390, height: 844 } },
];

type Expected = Array<[label: string, value: string | null]>;

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
 * The page's summary: 3–5 key figures with the expected values (null: only present), all wholly inside the first
 * screen; Swedish number formats; the chart and its table alternative; no loading left; no sideways scroll; at most
 * about three screens; axe clean.
 */
async function expectSummary(page: Page, label: string, expected: Expected, chart = true): Promise<void> {
  const region = page.getByRole('region', { name: texts.keyFigures, exact: true });
  await region.waitFor();
  for (const [name, value] of expected) {
    const item = region.locator('.key-figure').filter({ has: page.locator('.key-label').getByText(name, { exact: true }) });
    await item.waitFor();
    if (value !== null) await eventually(() => item.locator('.key-value').innerText(), value, `${label}: ${name}`);
  }
  // Every read has answered: no "Hämtar siffrorna …" left.
  await page.getByText(texts.loading, { exact: true }).first().waitFor({ state: 'detached', timeout: 20_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
  const items = region.getByRole('listitem');
  const count = await items.count();
  expect({ label, count: count >= 3 && count <= 5 }).toEqual({ label, count: true });

  // Counts are whole numbers and decimals have a comma ("11,00" and "51.1 timmar" are both wrong).
  const figureText = plain(await region.innerText());
  expect({ label, englishDecimal: figureText.match(/\d\.\d/g) ?? [] }).toEqual({ label, englishDecimal: [] });
  expect({ label, decimalCount: figureText.match(/\d,00(?!\d)/g) ?? [] }).toEqual({ label, decimalCount: [] });

  const screen = await page.evaluate(() => ({ width: window.innerWidth, height: window.innerHeight, scrollHeight: document.documentElement.scrollHeight }));
  const offScreen: string[] = [];
  for (let index = 0; index < count; index++) {
    const box = await items.nth(index).boundingBox();
    if (!box || box.y < 0 || box.y + box.height > screen.height)
      offScreen.push(`${(await items.nth(index).innerText()).split('\n')[0]} (bottom ${box ? Math.round(box.y + box.height) : '?'} > ${screen.height})`);
  }

  if (chart) {
    const figure = page.locator('figure.bar-chart').first();
    await figure.waitFor();
    const box = await figure.boundingBox();
    // On a desktop the chart starts on the first screen too; on a phone it follows the figures.
    if (screen.width >= 1000 && (!box || box.y >= screen.height)) offScreen.push(`chart (top ${box ? Math.round(box.y) : '?'})`);
    // Every chart shown has its table one click away, and the first one opens and closes again.
    const withoutTable = await page.evaluate(
      () =>
        [...document.querySelectorAll('figure.bar-chart')].filter((chart) => !chart.closest('k-chart-table')?.querySelector('details.as-table > summary'))
          .length,
    );
    expect({ label, chartsWithoutTable: withoutTable }).toEqual({ label, chartsWithoutTable: 0 });
    const toggle = page.locator('details.as-table > summary').first();
    await toggle.click();
    await page.locator('details.as-table').first().getByRole('table').waitFor();
    await toggle.click();
    await page.locator('details.as-table').first().getByRole('table').waitFor({ state: 'hidden' });
  }
  if (offScreen.length > 0) await saveScreenshot(page, `first-screen-${label}`);
  expect({ label, offScreen }).toEqual({ label, offScreen: [] });
  expect({ label, sideways: await horizontalOverflow(page) }).toEqual({ label, sideways: 0 });
  expect({ label, screens: Math.round((screen.scrollHeight / screen.height) * 10) / 10 <= 3 }).toEqual({ label, screens: true });
  await expectAccessible(page, `insight: ${label}`);
}

/** Pages of the PDF Chromium prints the page to (A4): the print stylesheet keeps a summary to one. */
async function printedPages(page: Page): Promise<number> {
  await page.emulateMedia({ media: 'print' });
  const pdf = (await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
  await page.emulateMedia({ media: 'screen' });
  return (pdf.match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

/** Opens one of Insight's pages through its own navigation ("Insikt: välj fråga"), as a reader would. */
async function openFromNav(page: Page, name: string, path: RegExp, heading: string | RegExp): Promise<void> {
  await page.getByRole('navigation', { name: texts.nav.label }).getByRole('link', { name, exact: true }).click();
  await page.waitForURL(path);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** The targets overview across units (HR, area managers): the sums of the units' year plans. */
async function targetsOverview(page: Page, unitIds: string[]): Promise<Expected> {
  const plans = await Promise.all(unitIds.map((id) => apiGet<YearPlan>(page, `/api/insights/units/${id}/plan`)));
  const targets = plans.flatMap((plan) => plan.targets);
  return [
    [texts.figures.unitsWithTargets, numbers.count(plans.filter((plan) => plan.targets.length > 0).length)],
    [texts.figures.targets, numbers.count(targets.length)],
    [texts.figures.targetsMet, numbers.count(targets.filter((target) => target.status === TargetStatus.Met).length)],
    [
      texts.figures.targetsBehind,
      numbers.count(targets.filter((target) => target.status === TargetStatus.Behind || target.status === TargetStatus.Missed).length),
    ],
    [texts.figures.plannedSessions, numbers.count(plans.reduce((sum, plan) => sum + plan.months.reduce((s, month) => s + month.scheduledSessions, 0), 0))],
  ];
}

/** The competence page's figures: levels and the matched-pair rate, or (withheld) how many were asked and why not. */
async function competenceFigures(page: Page, query: string): Promise<{ expected: Expected; chart: boolean; breakdown: CompetenceBreakdown }> {
  const breakdown = await apiGet<CompetenceBreakdown>(page, `/api/insights/competence?groupBy=unit${query}`);
  const overall = breakdown.total.figures.find((figure) => figure.dimension === 'overall');
  if (breakdown.total.suppressed || !overall) {
    return {
      expected: [
        [texts.figures.asked, numbers.count(breakdown.total.people)],
        [texts.figures.competence, texts.figures.suppressed],
      ],
      chart: false,
      breakdown,
    };
  }
  return {
    expected: [
      [texts.figures.levelBefore, numbers.level(overall.meanBefore)],
      [texts.figures.levelAfter, numbers.level(overall.meanAfter)],
      [texts.figures.pairRate, numbers.percent(overall.invited ? ((overall.pairs ?? 0) / overall.invited) * 100 : null)],
    ],
    chart: true,
    breakdown,
  };
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** One signed-in context per role, kept for both sizes. */
function signedInAs(role: string): { get: () => { context: BrowserContext; page: Page; problems: PageProblems; me: CurrentUser } } {
  let state: { context: BrowserContext; page: Page; problems: PageProblems; me: CurrentUser } | undefined;
  beforeAll(async () => {
    const { context, page, problems } = await newContext(browser, { viewport: SIZES[0].viewport });
    await signIn(page, account(role));
    state = { context, page, problems, me: await apiGet<CurrentUser>(page, '/api/auth/me') };
  });
  afterAll(async () => {
    await state?.context.close();
  });
  return { get: () => state! };
}

describe('a unit manager', () => {
  const session = signedInAs('Enhetschef');

  it.each(SIZES)('lands on the unit; the competence and targets pages answer for it ($size)', async ({ size, viewport }) => {
    const { page, problems, me } = session.get();
    await page.setViewportSize(viewport);
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
    const staffTable = page.getByRole('table', { name: sv.insights.team.staff });
    expect(await staffTable.isVisible()).toBe(false);
    await page.getByText(texts.team.people, { exact: true }).click();
    await staffTable.waitFor();
    await page.getByText(texts.team.people, { exact: true }).click();
    // The one-page summary for the nämnd: menus, filters and details left out of the print.
    if (size === 'desktop') expect(await printedPages(page)).toBe(1);

    await openFromNav(page, texts.nav.competence, /\/insikt\/kompetens/, texts.competence.title);
    const competence = await competenceFigures(page, `&unitId=${unitId}`);
    await expectSummary(page, `unit manager competence ${size}`, competence.expected, competence.chart);

    await openFromNav(page, texts.nav.targets, /\/insikt\/mal/, texts.targets.title);
    const plan = await apiGet<YearPlan>(page, `/api/insights/units/${unitId}/plan`);
    await expectSummary(
      page,
      `unit manager targets ${size}`,
      [
        [texts.figures.targets, numbers.count(plan.targets.length)],
        [texts.figures.targetsMet, numbers.count(plan.targets.filter((target) => target.status === TargetStatus.Met).length)],
        [texts.figures.plannedSessions, numbers.count(plan.months.reduce((sum, month) => sum + month.scheduledSessions, 0))],
      ],
      plan.targets.length > 0,
    );
    expect(await pageProblems(page, problems)).toEqual([]);
  });

  it.each(SIZES)('sees the check results without pressing a button, with the matched-pair rate and what to do about it ($size)', async ({ size, viewport }) => {
    const { page, problems } = session.get();
    await page.setViewportSize(viewport);
    await page.goto('/matningar/resultat');
    await page.getByRole('heading', { level: 1, name: sv.checks.results.title }).waitFor();
    // The manager's own unit and the first instrument are chosen: the results (or why they are withheld) come by themselves.
    const table = page.getByRole('table', { name: new RegExp(`^${sv.checks.results.caption.split('(')[0].trim()}`) });
    const withheld = page.locator('.notice');
    await Promise.race([table.waitFor(), withheld.waitFor()]);
    expect(await page.getByRole('button', { name: 'Visa', exact: true }).count()).toBe(0);
    if ((await table.count()) > 0) {
      const rate = page.locator('p').filter({ hasText: `${texts.figures.pairRate}:` });
      const said = plain(await rate.innerText());
      expect(said).toMatch(/\d+ av \d+ svarade både före och efter \(\d+ %\)/);
      const percent = Number(/\((\d+) %\)/.exec(said)![1]);
      // A low rate comes with what the ambassador can do about it; a good one without.
      expect(said.includes(texts.stats.lowPairAdvice)).toBe(percent < 60);
    }
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await expectAccessible(page, `check results ${size}`);
    expect(await pageProblems(page, problems)).toEqual([]);
  });
});

describe('an area manager', () => {
  const session = signedInAs('Verksamhetschef');

  it.each(SIZES)('lands on the area with its units one click away; competence and targets answer for the area ($size)', async ({ size, viewport }) => {
    const { page, problems, me } = session.get();
    await page.setViewportSize(viewport);
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
    if (size === 'desktop') expect(await printedPages(page)).toBe(1);

    await openFromNav(page, texts.nav.competence, /\/insikt\/kompetens/, texts.competence.title);
    const competence = await competenceFigures(page, `&areaId=${areaId}`);
    await expectSummary(page, `area manager competence ${size}`, competence.expected, competence.chart);

    await openFromNav(page, texts.nav.targets, /\/insikt\/mal/, texts.targets.title);
    const tree = await apiGet<OrganisationTree>(page, '/api/organisation/tree');
    const unitIds = tree.areas.filter((area) => area.id === areaId).flatMap((area) => area.units.map((unit) => unit.id));
    await expectSummary(page, `area manager targets ${size}`, await targetsOverview(page, unitIds));

    // A unit of the area opens its team page.
    await openFromNav(page, texts.nav.area, /\/insikt\/omrade\//, new RegExp(`^${texts.area.title}`));
    const unit = participation.groups.find((group) => group.drillId)!;
    await page.getByText(texts.area.units, { exact: true }).click();
    await page.getByRole('link', { name: texts.area.openUnit.replace('{name}', unit.label), exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/insikt/enhet/${unit.drillId}`);
    await page.getByRole('heading', { level: 1, name: `${texts.team.title}: ${unit.label}` }).waitFor();
    await page.getByRole('region', { name: texts.keyFigures, exact: true }).waitFor();
    expect(await pageProblems(page, problems)).toEqual([]);
  });
});

describe('HR', () => {
  const session = signedInAs('HR');

  it('sees that the figures are on their way while they load', async () => {
    const { page, context } = session.get();
    await page.setViewportSize(SIZES[0].viewport);
    // Holds the participation read back a moment, so the loading state is there to see.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await context.route('**/api/insights/participation**', async (route) => {
      await held;
      // A read the page gave up on (it navigated) needs no answer.
      await route.fallback().catch(() => undefined);
    });
    try {
      await page.goto('/insikt/organisation');
      await page.getByRole('status').filter({ hasText: texts.loading }).first().waitFor();
    } finally {
      release();
    }
    await page.getByRole('region', { name: texts.keyFigures, exact: true }).waitFor();
    await context.unroute('**/api/insights/participation**');
  });

  it.each(SIZES)(
    'lands on the organisation overview (never on a unit); competence, targets and costs answer for the organisation ($size)',
    async ({ size, viewport }) => {
      const { page, problems } = session.get();
      await page.setViewportSize(viewport);
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
      expect(await page.getByRole('table', { name: sv.insights.team.staff }).count()).toBe(0);
      // The organisation's figures are kept between reads: the page says when they are from.
      expect(participation.asOf).toEqual(expect.any(String));
      await page
        .getByText(/^Uppdaterat (i dag|\d+ \S+) kl\. \d{2}[:.]\d{2}$/)
        .first()
        .waitFor();
      if (size === 'desktop') expect(await printedPages(page)).toBe(1);

      await openFromNav(page, texts.nav.competence, /\/insikt\/kompetens/, texts.competence.title);
      const competence = await competenceFigures(page, '');
      await expectSummary(page, `HR competence ${size}`, competence.expected, competence.chart);
      const total = competence.breakdown.total;
      if (total.suppressed && total.reason) {
        // Withheld figures say why.
        await page.locator('.key-figure').filter({ hasText: texts.figures.competence }).getByText(sv.competence.suppressedReason[total.reason]).waitFor();
      } else {
        // The change is said in words, with its explanation on demand.
        const change = page.locator('.key-figure').filter({ hasText: texts.figures.competence });
        expect(await change.locator('.key-value').innerText()).toMatch(/ökade med|minskade med|ingen säker förändring|oförändrad/);
        await change.getByText(texts.explain).click();
        await change.getByText(texts.stats.changeExplained.slice(0, 40)).waitFor();
        await change.getByText(texts.explain).click();
      }

      // Targets across the organisation's units, no unit chosen for HR.
      await openFromNav(page, texts.nav.targets, /\/insikt\/mal/, texts.targets.title);
      expect(new URL(page.url()).searchParams.get('unitId')).toBeNull();
      const tree = await apiGet<OrganisationTree>(page, '/api/organisation/tree');
      await expectSummary(
        page,
        `HR targets ${size}`,
        await targetsOverview(
          page,
          tree.areas.flatMap((area) => area.units.map((unit) => unit.id)),
        ),
      );

      await openFromNav(page, texts.nav.costs, /\/insikt\/kostnader/, texts.costs.title);
      await expectSummary(page, `HR costs ${size}`, [
        [texts.figures.cost, numbers.money(costs.totalCost)],
        [texts.figures.participants, numbers.count(costs.participants)],
        [texts.figures.costPerParticipant, numbers.money(costs.costPerParticipant)],
      ]);
      await page.getByRole('link', { name: 'Excel', exact: true }).waitFor();
      expect(await pageProblems(page, problems)).toEqual([]);
    },
  );
});

describe('a network coordinator', () => {
  const session = signedInAs('Nätverkssamordnare');

  it.each(SIZES)('lands on the network ($size)', async ({ size, viewport }) => {
    const { page, problems } = session.get();
    await page.setViewportSize(viewport);
    await page.goto('/insikt');
    await page.waitForURL((url) => url.pathname === '/insikt/natverk');
    await page.getByRole('heading', { level: 1, name: texts.network.title, exact: true }).waitFor();
    const network = await apiGet<NetworkParticipation>(page, '/api/network/insights/participation');
    await expectSummary(page, `coordinator landing ${size}`, [
      [texts.figures.organisations, numbers.count(network.organisations.length)],
      [texts.figures.sessions, numbers.count(network.organisations.reduce((sum, o) => sum + o.sessionsHeld, 0))],
      [texts.figures.activeAmbassadors, numbers.count(network.organisations.reduce((sum, o) => sum + o.activeAmbassadors, 0))],
    ]);
    expect(await pageProblems(page, problems)).toEqual([]);
  });
});

describe('an ambassador', () => {
  const session = signedInAs('Digitaliseringsombud');

  it('has no Insight: the menu does not offer it, and the address sends back with a reason', async () => {
    const { page } = session.get();
    await page.setViewportSize(SIZES[0].viewport);
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await page.locator('header').getByRole('link', { name: sv.nav.insights, exact: true }).count()).toBe(0);
    await page.goto('/insikt');
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByText(sv.feedback.noPermissionPage).first().waitFor();
  });
});
