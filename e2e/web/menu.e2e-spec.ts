import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, newContext, PageProblems, pageProblems } from './browser';
import { account, DemoAccount, signIn, sv } from './demo';
import { navLinkNames } from './nav';

const ROLES: Array<[string, () => DemoAccount]> = [
  ['Organisationsadmin', () => account('Organisationsadmin', /Älvstad/)],
  ['HR', () => account('HR')],
  ['Enhetschef', () => account('Enhetschef')],
  ['Digitaliseringsombud', () => account('Digitaliseringsombud')],
  ['Medarbetare', () => account('Medarbetare')],
];

/**
 * The main menu grouped per role: one row on a 1366 px screen (groups open with a button, close with Escape or a
 * click elsewhere), and on a 390 px phone one folded menu that lists every page under its group's name.
 */
describe('the main menu', () => {
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
  afterEach(async () => {
    await context?.close();
  });

  const nav = () => page.getByRole('navigation', { name: sv.app.mainNav });

  describe.each(ROLES)('%s', (_role, who) => {
    it('fits one row at 1366 px, and every group opens and closes from the keyboard and the mouse', async () => {
      ({ context, page, problems } = await newContext(browser, { viewport: { width: 1366, height: 800 } }));
      await signIn(page, who());
      const tops = await nav()
        .locator('ul.top > li')
        .evaluateAll((items) => items.map((item) => Math.round(item.getBoundingClientRect().top)));
      expect(tops.length).toBeGreaterThan(0);
      expect(new Set(tops).size).toBe(1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

      for (const toggle of await nav().locator('button[aria-controls]').all()) {
        const group = nav().locator(`#${await toggle.getAttribute('aria-controls')}`);
        await toggle.click();
        await group.waitFor({ state: 'visible' });
        expect(await toggle.getAttribute('aria-expanded')).toBe('true');
        await expectAccessible(page, `menu-open-${await toggle.getAttribute('id')}`);
        await page.keyboard.press('Escape');
        await group.waitFor({ state: 'hidden' });
        expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-controls'))).toBe(await toggle.getAttribute('aria-controls'));
        await toggle.click();
        await group.waitFor({ state: 'visible' });
        // A click elsewhere (the open group covers the page's heading, so far from it).
        await page.mouse.click(1350, 790);
        await group.waitFor({ state: 'hidden' });
      }
      expect(await pageProblems(page, problems)).toEqual([]);
    });

    it('is one folded menu at 390 px listing every page, the groups as labelled sections', async () => {
      ({ context, page, problems } = await newContext(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }));
      await signIn(page, who());
      expect(await nav().isVisible()).toBe(false);
      await page.getByRole('button', { name: sv.app.menu, exact: true }).click();
      await nav().waitFor({ state: 'visible' });
      const links = nav().getByRole('link');
      const visible = (await links.allInnerTexts()).map((text) => text.trim());
      expect(visible.length).toBeGreaterThan(3);
      for (const link of await links.all()) expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(44);
      // No group button on a phone: its pages are shown at once.
      expect(await nav().getByRole('button').count()).toBe(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await expectAccessible(page, `menu-phone-${_role}`);
      expect(await pageProblems(page, problems)).toEqual([]);
    });
  });

  it('the administrator reaches every page of the old flat menu through the groups', async () => {
    ({ context, page, problems } = await newContext(browser, { viewport: { width: 1366, height: 800 } }));
    await signIn(page, account('Organisationsadmin', /Älvstad/));
    const names = await navLinkNames(page);
    for (const label of [
      sv.nav.home,
      sv.nav.organisation,
      sv.nav.sessions,
      sv.nav.users,
      sv.nav.import,
      sv.library.nav,
      sv.ambassadors.nav,
      sv.nav.myDevelopment,
      sv.nav.checks,
      sv.nav.insights,
      sv.nav.audit,
      sv.outbox.nav,
      sv.nav.account,
    ]) {
      expect(names).toContain(label);
    }
    await nav().getByRole('button', { name: sv.nav.groups.administration }).click();
    await nav().getByRole('link', { name: sv.nav.audit, exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/admin/logg');
    // The group holding the page shown is marked, and closed again after navigating.
    expect(await nav().locator('li.group.active button').innerText()).toContain(sv.nav.groups.administration);
    expect(await nav().locator('#nav-group-administration').isVisible()).toBe(false);
  });
});
