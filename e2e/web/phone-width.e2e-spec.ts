import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, networkQuiet, newContext, pageProblems, saveScreenshot } from './browser';
import { demoAccounts, signIn, sv } from './demo';

/** A phone held upright (390 × 844, the size the issue measured on). */
const PHONE_390 = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 1,
  isMobile: true,
  hasTouch: true,
  timezoneId: 'Europe/Stockholm',
};

/** Waits until the page has drawn its heading and its data has come (nothing says "Laddar …" any more). */
async function settled(page: Page, quiet: () => Promise<void>): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await quiet();
  await page
    .getByText(sv.app.loading, { exact: true })
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
}

/** Every address the signed-in person's menu links to (the folded phone menu included), in menu order. */
async function menuPaths(page: Page): Promise<string[]> {
  const hrefs = await page.evaluate(() => [...document.querySelectorAll<HTMLAnchorElement>('header a[href]')].map((link) => new URL(link.href).pathname));
  return [...new Set(hrefs)];
}

/** Pages reached from a page's own links that the issue names (a session's attendance and print sheet). */
async function sessionPages(page: Page): Promise<string[]> {
  const hrefs = await page.evaluate(() => [...document.querySelectorAll<HTMLAnchorElement>('main a[href]')].map((link) => new URL(link.href).pathname));
  const firstOf = (pattern: RegExp) => hrefs.find((href) => pattern.test(href));
  return [firstOf(/^\/tillfallen\/[0-9a-f-]{36}\/narvaro$/), firstOf(/^\/tillfallen\/[0-9a-f-]{36}\/lista$/), firstOf(/^\/tillfallen\/ny$/)].filter(
    (href): href is string => href !== undefined,
  );
}

/**
 * Phone-first (issue 17, item 4): every demo role signs in on a 390 px phone and opens every page its menu reaches
 * (and, under Tillfällen, a session's attendance, its print sheet and the scheduling form). No page may scroll
 * sideways, each is axe-clean, and nothing is logged as an error.
 */
describe('every menu page on a 390 px phone', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const roles = [...new Set(demoAccounts().accounts.map((who) => who.role))];

  it.each(roles)('%s: no sideways scrolling, axe clean, no console error', async (role) => {
    const who = demoAccounts().accounts.find((candidate) => candidate.role === role)!;
    const { context, page, problems } = await newContext(browser, PHONE_390);
    const quiet = networkQuiet(page);
    try {
      await signIn(page, who);
      const paths = await menuPaths(page);
      expect(paths.length).toBeGreaterThan(1);
      const failures: string[] = [];
      const visit = async (path: string) => {
        await page.goto(path);
        await settled(page, quiet);
        // A mobile browser zooms out to show a too-wide page whole (innerWidth then grows past the device's 390 px):
        // measure against the phone's width, and insist the page was not zoomed out.
        const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
        const overflow = Math.max(scrollWidth, innerWidth) - PHONE_390.viewport.width;
        if (overflow > 0) {
          await saveScreenshot(page, `phone-390-${role}-${path}`);
          const wide = await page.evaluate(() =>
            [...document.querySelectorAll<HTMLElement>('main *')]
              .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5)
              .slice(0, 3)
              .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
          );
          failures.push(`${path} is ${overflow} px wider than the screen (${wide.join(', ')})`);
        }
        // A table wider than the screen sits in its own scroller (.table-wrap) with its first column kept in view.
        const loose = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('main table')]
            .filter((table) => table.getBoundingClientRect().width > window.innerWidth)
            .filter((table) => {
              const wrap = table.closest<HTMLElement>('.table-wrap');
              const first = table.querySelector<HTMLElement>('tbody tr > :first-child');
              return !wrap || wrap.scrollWidth <= wrap.clientWidth || !first || getComputedStyle(first).position !== 'sticky';
            })
            .map((table) => table.querySelector('caption')?.textContent?.trim() || table.className || 'table'),
        );
        if (loose.length > 0) failures.push(`${path}: wide table(s) without a scroller and a sticky first column: ${loose.join(', ')}`);
        await expectAccessible(page, `${role} ${path} at 390 px`).catch((error: Error) => failures.push(error.message));
        const seen = await pageProblems(page, problems);
        if (seen.length > 0) failures.push(`${path}: ${seen.join('; ')}`);
        problems.clear();
      };
      for (const path of paths) {
        await visit(path);
        if (path === '/tillfallen') for (const deeper of await sessionPages(page)) await visit(deeper);
      }
      expect(failures).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the attendance print sheet fits an A4 page (14 mm margins) when printed', async () => {
    const { context, page, problems } = await newContext(browser, { viewport: { width: 1024, height: 900 }, timezoneId: 'Europe/Stockholm' });
    const quiet = networkQuiet(page);
    try {
      await signIn(
        page,
        demoAccounts().accounts.find((who) => who.role === 'Digitaliseringsombud')!,
      );
      await page.goto('/tillfallen');
      await settled(page, quiet);
      const sheet = (await sessionPages(page)).find((path) => path.endsWith('/lista'));
      expect(sheet).toBeDefined();
      // A4 is 210 mm wide; less 2 × 14 mm of margin, 182 mm is 688 CSS pixels at 96 per inch.
      await page.setViewportSize({ width: 688, height: 1040 });
      await page.emulateMedia({ media: 'print' });
      await page.goto(sheet!);
      await page.locator('.sheet table tbody tr').first().waitFor();
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        table: Math.ceil(document.querySelector('.sheet table')!.getBoundingClientRect().right),
      }));
      expect(widths.page).toBeLessThanOrEqual(688);
      expect(widths.table).toBeLessThanOrEqual(688);
      expect(await pageProblems(page, problems)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
