import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, horizontalOverflow, launchBrowser, newContext, PageProblems, pageProblems, PHONE } from './browser';
import { account, DemoAccount, demoAccounts, en, fillSignIn, readmeDemoTable, signIn, signOut, sv } from './demo';
import { navLinkNames, openFromNav } from './nav';

/**
 * The foundation in a real browser: sign-in, the shell and the start page for every demo role, sign-out
 * on a shared device, language switch and a phone-sized screen. Every page is checked with axe (no
 * serious or critical violations) and must run under the production CSP without errors.
 */
describe('Kunna in the browser: sign-in, shell and start page', () => {
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

  async function expectNoProblems(): Promise<void> {
    expect(await pageProblems(page, problems)).toEqual([]);
  }

  /** The language menu: its name starts with "Språk"/"Language" (the chosen language follows, as it sits in the label). */
  function languagePicker(scope: Pick<Page, 'getByRole'>, label: string) {
    return scope.getByRole('combobox', { name: new RegExp(`^${label}\\b`) });
  }

  /** Every page the main menu offers, its groups opened one by one (e2e/web/nav.ts). */
  async function navLinks(name: string = sv.app.mainNav): Promise<string[]> {
    return navLinkNames(page, name);
  }

  describe('the demo sign-ins', () => {
    it('README.md lists sign-ins the server prints, one for every role, with the same password', () => {
      const { password, accounts } = demoAccounts();
      const readme = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
      expect(readme).toContain(`\`${password}\``);
      const table = readmeDemoTable();
      expect(table.length).toBeGreaterThanOrEqual(8);
      // Every row of the README works: the server printed that sign-in (and its organisation, for a number).
      for (const row of table) {
        const printed = accounts.find((candidate) => row.signInWith.includes(candidate.identifier));
        expect({ row: row.signInWith, printed: printed?.identifier ?? null }).toEqual({ row: row.signInWith, printed: expect.any(String) });
        if (printed?.organisationName) expect(row.signInWith).toContain(printed.organisationName);
      }
      // Every role the server offers has a row (the server may print more managers than the README shows).
      for (const role of new Set(accounts.map((printed) => printed.role))) {
        expect({ role, inReadme: table.some((row) => row.role.startsWith(role)) }).toEqual({ role, inReadme: true });
      }
    });
  });

  describe('the checks themselves', () => {
    it('axe reports a serious violation readably (so a clean result means something)', async () => {
      await page.goto('/logga-in');
      await page.getByRole('heading', { level: 1, name: sv.signIn.title }).waitFor();
      await page.evaluate(() => {
        const input = document.createElement('input');
        input.id = 'unlabelled-test-input';
        document.querySelector('main')!.appendChild(input);
      });
      const error = await expectAccessible(page, 'self-test').then(
        () => null,
        (caught: Error) => caught,
      );
      expect(error?.message).toMatch(/\[critical\] label: Form elements must have labels/);
      expect(error?.message).toContain('#unlabelled-test-input');
    });

    it('the browser enforces the CSP: an injected inline script is blocked and reported', async () => {
      await page.goto('/logga-in');
      await page.getByRole('heading', { level: 1, name: sv.signIn.title }).waitFor();
      const ran = await page.evaluate(async () => {
        const script = document.createElement('script');
        script.textContent = 'window.__inlineRan = true;';
        document.body.appendChild(script);
        await new Promise((resolve) => setTimeout(resolve, 100));
        return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
      });
      expect(ran).toBe(false);
      expect(await pageProblems(page, problems)).toEqual(expect.arrayContaining([expect.stringMatching(/^CSP: script-src/)]));
    });
  });

  describe('sign-in page', () => {
    it('is Swedish, accessible, and runs under the content security policy without errors', async () => {
      await page.goto('/logga-in');
      await page.getByRole('heading', { level: 1, name: sv.signIn.title }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');
      expect(await page.title()).toContain(sv.signIn.title);
      for (const label of [sv.signIn.identifier, sv.signIn.organisation, sv.signIn.password]) {
        expect(await page.getByLabel(label, { exact: true }).count()).toBe(1);
      }
      // The organisations to choose from come from the API.
      const select = page.getByLabel(sv.signIn.organisation, { exact: true });
      await select.locator('option', { hasText: 'Bergsjö kommun' }).waitFor({ state: 'attached' });
      const options = await select.locator('option').allInnerTexts();
      expect(options).toEqual(expect.arrayContaining(['Älvstads kommun', 'Bergsjö kommun']));
      const response = await page.request.get('/logga-in');
      expect(response.headers()['content-security-policy']).toContain("script-src 'self'");
      await expectAccessible(page, 'sign-in');
      await expectNoProblems();
    });

    it('sends a visitor who is not signed in from any page to sign-in', async () => {
      for (const target of ['/', '/organisation', '/mitt-konto', '/admin/anvandare']) {
        await page.goto(target);
        await page.waitForURL((url) => url.pathname === '/logga-in');
      }
      await expectNoProblems();
    });

    it('names the missing fields', async () => {
      await page.goto('/logga-in');
      await page.getByRole('button', { name: sv.signIn.submit, exact: true }).click();
      await page.getByText(sv.signIn.identifierMissing).waitFor();
      await page.getByText(sv.signIn.passwordMissing).waitFor();
      expect(await page.getByLabel(sv.signIn.identifier, { exact: true }).getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByLabel(sv.signIn.password, { exact: true }).getAttribute('aria-invalid')).toBe('true');
      await expectAccessible(page, 'sign-in-missing-fields');
    });

    it('says plainly that the details were wrong, the same for an unknown person, and signs nobody in', async () => {
      const { accounts } = demoAccounts();
      await page.goto('/logga-in');
      await fillSignIn(page, accounts[0], 'helt-fel-lösenord');
      const alert = page.getByRole('alert');
      await alert.getByText(sv.signIn.failed).waitFor();
      await fillSignIn(page, { ...accounts[0], identifier: 'ingen.alls@alvstad.example' }, 'helt-fel-lösenord');
      await alert.getByText(sv.signIn.failed).waitFor();
      expect(new URL(page.url()).pathname).toBe('/logga-in');
      expect((await context.cookies()).filter((cookie) => cookie.name.includes('kunna_session'))).toEqual([]);
      await expectAccessible(page, 'sign-in-failed');
      await expectNoProblems();
    });

    it('switches to English and back, remembered on this device', async () => {
      await page.goto('/logga-in');
      await languagePicker(page, sv.app.language).selectOption('en');
      await page.getByRole('heading', { level: 1, name: en.signIn.title }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(await page.getByLabel(en.signIn.identifier, { exact: true }).count()).toBe(1);
      await expectAccessible(page, 'sign-in-english');

      await page.reload();
      await page.getByRole('heading', { level: 1, name: en.signIn.title }).waitFor();

      await languagePicker(page, en.app.language).selectOption('sv');
      await page.getByRole('heading', { level: 1, name: sv.signIn.title }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');
      await expectNoProblems();
    });
  });

  /** What each demo role must see on the start page, and which menu items it gets. */
  const ROLES: Array<{
    role: string;
    description?: RegExp;
    organisation: string;
    headings: string[];
    nav: { has: string[]; lacks: string[] };
    mustNotShow?: string[];
  }> = [
    {
      role: 'Organisationsadmin',
      description: /Älvstad/,
      organisation: 'Älvstads kommun',
      headings: [sv.home.organisation.title],
      nav: { has: [sv.nav.home, sv.nav.organisation, sv.nav.users, sv.nav.import, sv.nav.account], lacks: [] },
    },
    {
      role: 'HR',
      organisation: 'Älvstads kommun',
      headings: [sv.home.organisation.title],
      nav: { has: [sv.nav.organisation, sv.nav.import], lacks: [] },
    },
    {
      role: 'Verksamhetschef',
      organisation: 'Älvstads kommun',
      headings: [sv.home.area.title.replace('{name}', 'Äldreomsorg')],
      nav: { has: [sv.nav.organisation, sv.nav.account], lacks: [sv.nav.import, sv.nav.users] },
    },
    {
      role: 'Enhetschef',
      organisation: 'Älvstads kommun',
      headings: [sv.home.manager.title],
      nav: { has: [sv.nav.organisation, sv.nav.account], lacks: [sv.nav.import, sv.nav.users] },
    },
    {
      role: 'Digitaliseringsombud',
      organisation: 'Älvstads kommun',
      headings: [sv.home.ambassador.title],
      nav: { has: [sv.nav.account], lacks: [sv.nav.import, sv.nav.users] },
    },
    {
      role: 'Medarbetare',
      organisation: 'Älvstads kommun',
      headings: [sv.home.myUnits],
      nav: { has: [sv.nav.home, sv.nav.account], lacks: [sv.nav.organisation, sv.nav.import, sv.nav.users] },
    },
    {
      role: 'Nätverkssamordnare',
      organisation: 'Älvstads kommun',
      headings: [sv.home.network.title],
      nav: { has: [sv.nav.account], lacks: [sv.nav.import, sv.nav.users, sv.nav.organisation] },
    },
    {
      role: 'Organisationsadmin',
      description: /Bergsjö/,
      organisation: 'Bergsjö kommun',
      headings: [sv.home.organisation.title],
      nav: { has: [sv.nav.organisation, sv.nav.users], lacks: [] },
      // Nothing of another municipality.
      mustNotShow: ['Älvstad', 'Solgården', 'Hemtjänst Norr'],
    },
  ];

  describe.each(ROLES)('$role ($organisation)', (expected) => {
    let who: DemoAccount;
    beforeAll(() => {
      who = account(expected.role, expected.description);
    });

    it('signs in and sees a start page for their role, accessible and without errors', async () => {
      await signIn(page, who);
      const shell = page.getByRole('banner');
      await shell.getByText(expected.organisation).first().waitFor();
      for (const heading of expected.headings) {
        await page.getByRole('heading', { name: heading, exact: true }).first().waitFor();
      }
      const links = await navLinks();
      for (const label of expected.nav.has) expect(links).toContain(label);
      for (const label of expected.nav.lacks) expect(links).not.toContain(label);
      // Wait for the page's data to settle (no loading notice left) before judging it.
      await page
        .getByRole('status')
        .filter({ hasText: sv.app.loading })
        .waitFor({ state: 'detached' })
        .catch(() => undefined);
      if (expected.mustNotShow) {
        const text = await page.locator('body').innerText();
        for (const word of expected.mustNotShow) expect(text).not.toContain(word);
      }
      await expectAccessible(page, `home-${expected.role}-${expected.organisation}`);
      await expectNoProblems();
    });
  });

  it('the staff member without e-mail signs in with employee number and organisation', async () => {
    const staff = account('Medarbetare');
    expect(staff.identifier).toMatch(/^[A-Z]\d+$/);
    expect(staff.organisationName).toBe('Älvstads kommun');
    await signIn(page, staff);
    await page.getByRole('heading', { name: sv.home.myUnits, exact: true }).waitFor();
    await page.getByText('Solgårdens vård- och omsorgsboende').first().waitFor();
  });

  describe('signing out on a shared device', () => {
    it('returns to the sign-in page, and Back shows nothing of the person', async () => {
      const manager = account('Enhetschef');
      await signIn(page, manager);
      const who = (await page.getByRole('banner').innerText()).trim();
      const greeting = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
      const firstName = /^Hej (.+)!$/.exec(greeting)?.[1] ?? '';
      expect(firstName.length).toBeGreaterThan(1);
      // Visit one more page, so Back has somewhere personal to go.
      await openFromNav(page, sv.nav.account);
      await page.waitForURL((url) => url.pathname === '/mitt-konto');

      await signOut(page);
      expect((await context.cookies()).filter((cookie) => cookie.name.includes('kunna_session'))).toEqual([]);

      await page.goBack();
      await page.waitForURL((url) => url.pathname === '/logga-in');
      await page.getByRole('heading', { level: 1, name: sv.signIn.title }).waitFor();
      const text = await page.locator('body').innerText();
      expect(text).not.toContain(firstName);
      expect(text).not.toContain('Solgårdens');
      expect(who).toContain(firstName);

      // Forward again does not bring the person back either.
      await page.goForward().catch(() => undefined);
      await page.waitForURL((url) => url.pathname === '/logga-in');
      expect(await page.locator('body').innerText()).not.toContain(firstName);

      // Nothing personal left in the browser: no session, and storage holds at most the device's language.
      const storage = await page.evaluate(() => ({ local: Object.keys(localStorage), session: Object.keys(sessionStorage) }));
      expect(storage.session).toEqual([]);
      expect(storage.local.filter((key) => key !== 'kunna.language')).toEqual([]);
      const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
      expect(me).toBe(401);
      await expectNoProblems();
    });

    it('the next person at the device starts from a clean sign-in page', async () => {
      await signIn(page, account('Digitaliseringsombud'));
      await signOut(page);
      expect(await page.getByLabel(sv.signIn.identifier, { exact: true }).inputValue()).toBe('');
      expect(await page.getByLabel(sv.signIn.password, { exact: true }).inputValue()).toBe('');
      await signIn(page, account('Medarbetare'));
      const links = await navLinks();
      expect(links).not.toContain(sv.nav.organisation);
    });
  });

  it('a signed-in person can switch the language to English in the shell', async () => {
    await signIn(page, account('Enhetschef'));
    // The page switches at once and the account keeps the choice after: wait for it to be kept, or closing the page
    // would cancel the request and leave the account in English for every later test.
    const kept = () =>
      page.waitForResponse((response) => response.url().endsWith('/api/auth/language') && response.request().method() === 'PUT' && response.ok());
    await Promise.all([kept(), languagePicker(page.getByRole('banner'), sv.app.language).selectOption('en')]);
    await page.getByRole('heading', { name: en.home.manager.title, exact: true }).waitFor();
    expect(await navLinks(en.app.mainNav)).toContain(en.nav.account);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('button', { name: en.app.signOut, exact: true }).waitFor();
    await expectAccessible(page, 'home-english');
    // Back to Swedish for whoever uses the device next.
    await Promise.all([kept(), languagePicker(page.getByRole('banner'), en.app.language).selectOption('sv')]);
    await page.getByRole('heading', { name: sv.home.manager.title, exact: true }).waitFor();
    await expectNoProblems();
  });

  describe('on a phone', () => {
    beforeEach(async () => {
      await context.close();
      ({ context, page, problems } = await newContext(browser, PHONE));
    });

    it('the sign-in page fits the screen and is accessible', async () => {
      await page.goto('/logga-in');
      await page.getByRole('heading', { level: 1, name: sv.signIn.title }).waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      const submit = await page.getByRole('button', { name: sv.signIn.submit, exact: true }).boundingBox();
      expect(submit!.height).toBeGreaterThanOrEqual(44);
      await expectAccessible(page, 'phone-sign-in');
      await expectNoProblems();
    });

    it('the menu folds away behind a button with 44 px targets, and sign-out works from it', async () => {
      await signIn(page, account('Enhetschef'));
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      const toggle = page.getByRole('button', { name: sv.app.menu, exact: true });
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      const nav = page.getByRole('navigation', { name: sv.app.mainNav });
      expect(await nav.isVisible()).toBe(false);
      await expectAccessible(page, 'phone-home-menu-closed');

      await toggle.click();
      // Rendering follows the click asynchronously (zoneless change detection): wait for the new state.
      await page.getByRole('button', { name: sv.app.menu, exact: true, expanded: true }).waitFor();
      await nav.waitFor({ state: 'visible' });
      for (const link of await nav.getByRole('link').all()) {
        const box = await link.boundingBox();
        expect(box!.height).toBeGreaterThanOrEqual(44);
      }
      const toggleBox = await toggle.boundingBox();
      expect(toggleBox!.height).toBeGreaterThanOrEqual(44);
      await expectAccessible(page, 'phone-home-menu-open');

      // Choosing a page closes the menu again.
      await nav.getByRole('link', { name: sv.nav.account, exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/mitt-konto');
      await page.getByRole('button', { name: sv.app.menu, exact: true, expanded: false }).waitFor();
      await nav.waitFor({ state: 'hidden' });
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

      await signOut(page);
      await expectNoProblems();
    });
  });
});
