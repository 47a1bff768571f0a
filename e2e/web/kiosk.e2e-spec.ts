import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { CheckAssignment, CSRF_HEADER, CurrentUser, InstrumentSummary, OrganisationTree } from '@kunna/contracts';
import { expectAccessible, horizontalOverflow, launchBrowser, newContext, PageProblems, pageProblems } from './browser';
import { answerAll } from './check-answering';
import { account, demoAccounts, signIn, sv } from './demo';

const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };
const PHONE_390: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };

/** API calls with the page's session and CSRF token, as the web app makes them. */
async function apiAs(page: Page) {
  const me = (await (await page.request.get('/api/auth/me')).json()) as CurrentUser;
  const headers = { [CSRF_HEADER]: me.csrfToken };
  return {
    me,
    get: async <T>(path: string): Promise<T> => {
      const response = await page.request.get(path);
      if (response.status() !== 200) throw new Error(`GET ${path}: ${response.status()} ${await response.text()}`);
      return (await response.json()) as T;
    },
    post: async <T>(path: string, data: object): Promise<T> => {
      const response = await page.request.post(path, { data, headers });
      if (response.status() >= 300) throw new Error(`POST ${path}: ${response.status()} ${await response.text()}`);
      return (await response.json()) as T;
    },
  };
}

/**
 * The locked kiosk tablet (issue 17 item 2) at desktop width and on a 390 px phone: once started, the device holds
 * only the kiosk credential. The menu, the back button and typed addresses of other pages reach nothing but the
 * kiosk (or the sign-in page); a person answers; a minute without a touch goes back to the names; leaving needs the
 * ambassador's password. And the QR link opened signed out (issue 17 item 3) names the check and its workplace.
 */
describe('the locked kiosk tablet in the browser', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });

  async function open(options: BrowserContextOptions): Promise<{ page: Page; problems: PageProblems }> {
    const { context, page, problems } = await newContext(browser, options);
    contexts.push(context);
    return { page, problems };
  }

  /** A new check for the ambassador's unit with its before round open; the pages of her data to try from the kiosk. */
  async function prepare(page: Page, title: string) {
    const ambassador = await apiAs(page);
    const tree = await ambassador.get<OrganisationTree>('/api/organisation/tree');
    const unitId = tree.areas.flatMap((area) => area.units)[0].id;
    const instrument = (await ambassador.get<InstrumentSummary[]>('/api/checks/instruments')).find((i) => i.title === 'Digital vardag i omsorgen');
    const id = randomUUID();
    await ambassador.post('/api/checks/assignments', { id, unitId, instrumentVersionId: instrument?.latestVersionId, title });
    const assignment = await ambassador.post<CheckAssignment>(`/api/checks/assignments/${id}/rounds`, { kind: 'before' });
    // Her own person page: where a manager would issue a one-time code.
    return { me: ambassador.me, unitId, personId: ambassador.me.personId, code: assignment.rounds[0].code };
  }

  for (const [label, options] of [
    ['desktop', DESKTOP],
    ['390 px', PHONE_390],
  ] as const) {
    it(`${label}: nothing but the kiosk is reachable, a person answers, idle goes back, leaving needs the password`, async () => {
      const { password } = demoAccounts();
      const title = `Surfplatta låst ${label} ${randomUUID().slice(0, 6)}`;
      const tablet = await open(options);
      // The page's clock is under the test's control, so "a minute without a touch" takes no minute.
      await tablet.page.clock.install();
      await signIn(tablet.page, account('Digitaliseringsombud'));
      const { me, unitId, personId } = await prepare(tablet.page, title);
      const ambassadorName = `${me.firstName} ${me.lastName}`;

      // Start kiosk mode from the checks page, after reading what it does.
      await tablet.page.goto('/matningar');
      const card = tablet.page.getByRole('listitem').filter({ has: tablet.page.getByRole('heading', { level: 3, name: title }) });
      await card.getByRole('button', { name: sv.checks.page.kiosk }).click();
      await card.getByText(sv.checks.kiosk.startIntro).waitFor();
      await expectAccessible(tablet.page, `kiosk start confirmation (${label})`);
      await card.getByRole('button', { name: sv.checks.kiosk.startConfirm }).click();
      await tablet.page.waitForURL((url) => url.pathname === '/surfplatta');
      const names = tablet.page.getByRole('heading', { level: 2, name: sv.checks.kiosk.pickName });
      await names.waitFor();
      await tablet.page.getByRole('heading', { level: 1, name: title }).waitFor();
      await expectAccessible(tablet.page, `kiosk names (${label})`);
      expect(await horizontalOverflow(tablet.page)).toBeLessThanOrEqual(0);

      // No menu, no own development, no signing out, no account: nothing of the ambassador on the kiosk.
      const isKioskOnly = async (where: string) => {
        expect(await tablet.page.getByRole('navigation').count()).toBe(0);
        expect(await tablet.page.getByRole('link', { name: sv.nav.myDevelopment }).count()).toBe(0);
        expect(await tablet.page.getByRole('button', { name: sv.app.signOut }).count()).toBe(0);
        expect(await tablet.page.getByRole('button', { name: sv.app.menu }).count()).toBe(0);
        const text = await tablet.page.locator('body').innerText();
        expect([where, text.includes(ambassadorName)]).toEqual([where, false]);
      };
      await isKioskOnly('kiosk');
      // The device's cookie is the kiosk credential: the ambassador's own session is not usable from here.
      expect((await tablet.page.request.get('/api/auth/me')).status()).toBe(403);

      // The back button goes nowhere but the kiosk.
      await tablet.page.goBack();
      await tablet.page.waitForURL((url) => url.pathname === '/surfplatta');
      await names.waitFor();
      await isKioskOnly('after back');

      // Typed addresses of other pages: the staff list, the team dashboard, people, own development, the account, a
      // person's one-time code, sign-in and code pages: all lead to the kiosk.
      for (const path of [
        `/enheter/${unitId}`,
        '/insikt',
        '/organisation',
        `/personer/${personId}`,
        '/min-utveckling',
        '/mitt-konto',
        '/mitt-konto/mina-uppgifter',
        '/tillfallen',
        '/matningar',
        '/admin/anvandare',
        '/kod',
        '/logga-in',
        '/',
        '/finns-inte',
      ]) {
        await tablet.page.goto(path);
        // The address first shows what was typed; the app's guard then leads on (never a page of hers in between).
        await names.waitFor();
        expect([path, new URL(tablet.page.url()).pathname]).toEqual([path, '/surfplatta']);
        await isKioskOnly(path);
      }

      // A person answers the whole check and sends it.
      const people = (await tablet.page.locator('ul.names button').allInnerTexts()).map((n) => n.trim());
      const [first, second] = people;
      await tablet.page.getByRole('button', { name: first, exact: true }).click();
      await tablet.page.getByRole('heading', { level: 1, name: `Hej ${first}!` }).waitFor();
      await expectAccessible(tablet.page, `kiosk question (${label})`);
      expect(await horizontalOverflow(tablet.page)).toBeLessThanOrEqual(0);
      expect(await answerAll(tablet.page, '2')).toBeGreaterThanOrEqual(6);
      await tablet.page.getByRole('button', { name: sv.checks.answer.submit }).click();
      await tablet.page.getByRole('heading', { level: 1, name: sv.checks.kiosk.thanks }).waitFor();
      await tablet.page.getByRole('button', { name: sv.checks.kiosk.nextPerson }).click();
      await names.waitFor();

      // The next person walks away half-way: after a minute without a touch the tablet is back at the names.
      await tablet.page.getByRole('button', { name: second, exact: true }).click();
      await tablet.page.getByRole('heading', { level: 1, name: `Hej ${second}!` }).waitFor();
      await tablet.page.getByRole('radio').first().check();
      await tablet.page.clock.fastForward(30_000);
      expect(await tablet.page.getByRole('heading', { level: 1, name: `Hej ${second}!` }).isVisible()).toBe(true);
      await tablet.page.clock.fastForward(61_000);
      await names.waitFor();
      await tablet.page.getByRole('status').filter({ hasText: sv.checks.kiosk.idleReturned }).waitFor();
      expect(await tablet.page.locator('main').innerText()).not.toContain(`Hej ${second}!`);
      expect(await tablet.page.getByRole('radio').count()).toBe(0);

      // Leaving: a wrong password is refused and the kiosk stays; the right one signs the ambassador in again.
      await tablet.page.getByRole('button', { name: sv.checks.kiosk.leave }).click();
      await tablet.page.getByLabel(sv.checks.kiosk.leavePassword).fill('inte-rätt-lösenord');
      await tablet.page.getByRole('button', { name: sv.checks.kiosk.leaveSubmit }).click();
      await tablet.page.getByRole('alert').filter({ hasText: sv.checks.kiosk.leaveWrongPassword }).waitFor();
      expect(await tablet.page.getByLabel(sv.checks.kiosk.leavePassword).getAttribute('aria-invalid')).toBe('true');
      await expectAccessible(tablet.page, `kiosk leave refused (${label})`);
      expect(new URL(tablet.page.url()).pathname).toBe('/surfplatta');
      await isKioskOnly('after a wrong password');
      await tablet.page.getByLabel(sv.checks.kiosk.leavePassword).fill(password);
      await tablet.page.getByRole('button', { name: sv.checks.kiosk.leaveSubmit }).click();
      await tablet.page.waitForURL((url) => url.pathname === '/matningar');
      await tablet.page.getByRole('heading', { level: 1, name: sv.checks.page.title }).waitFor();
      expect((await tablet.page.request.get('/api/auth/me')).status()).toBe(200);
      // Signed in again, the kiosk page itself is not for her.
      await tablet.page.goto('/surfplatta');
      await tablet.page.waitForURL((url) => url.pathname === '/');

      expect(await pageProblems(tablet.page, tablet.problems)).toEqual([]);
    });
  }

  it('the QR link opened signed out names the check and its workplace, preselects the organisation, and says what is wrong', async () => {
    const { password } = demoAccounts();
    const title = `QR utloggad ${randomUUID().slice(0, 6)}`;
    const office = await open(DESKTOP);
    await signIn(office.page, account('Digitaliseringsombud'));
    const { code } = await prepare(office.page, title);
    const tree = await (await apiAs(office.page)).get<OrganisationTree>('/api/organisation/tree');
    const unitName = tree.areas.flatMap((area) => area.units)[0].name;

    const phone = await open(PHONE_390);
    await phone.page.goto(`/m/${code}`);
    await phone.page.waitForURL((url) => url.pathname === '/logga-in' && url.searchParams.get('till') === `/m/${code}`);
    const about = phone.page.getByRole('region', { name: title });
    await about.waitFor();
    expect(await about.innerText()).toContain(unitName);
    const organisation = phone.page.getByLabel(sv.signIn.organisation, { exact: true });
    const staff = account('Medarbetare');
    await phone.page.waitForFunction(() => document.querySelector<HTMLSelectElement>('#organisation')?.selectedOptions[0]?.text !== '');
    expect(await organisation.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.text)).toBe(staff.organisationName);
    await expectAccessible(phone.page, 'QR link signed out');
    expect(await horizontalOverflow(phone.page)).toBeLessThanOrEqual(0);

    // An employee number without an organisation: told to choose the organisation, not "wrong details".
    await organisation.selectOption('');
    await phone.page.getByLabel(sv.signIn.identifier, { exact: true }).fill(staff.identifier);
    await phone.page.getByLabel(sv.signIn.password, { exact: true }).fill(password);
    await phone.page.getByRole('button', { name: sv.signIn.submit, exact: true }).click();
    await phone.page.getByText(sv.signIn.organisationForNumber).waitFor();
    expect(await organisation.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(phone.page, 'employee number without organisation');

    // With the organisation chosen she comes straight to the check.
    await organisation.selectOption({ label: staff.organisationName ?? '' });
    await phone.page.getByRole('button', { name: sv.signIn.submit, exact: true }).click();
    await phone.page.waitForURL((url) => url.pathname === `/m/${code}`);
    await phone.page.getByRole('heading', { level: 1, name: title }).waitFor();

    // A link with a code that does not exist says so on the sign-in page.
    const other = await open(PHONE_390);
    await other.page.goto('/m/NOSUCH99');
    await other.page.waitForURL((url) => url.pathname === '/logga-in');
    await other.page.getByRole('alert').filter({ hasText: sv.signIn.checkMissing }).waitFor();
    await expectAccessible(other.page, 'QR link with an unknown code');

    expect(await pageProblems(phone.page, phone.problems)).toEqual([]);
    expect(await pageProblems(other.page, other.problems)).toEqual([]);
  });
});
