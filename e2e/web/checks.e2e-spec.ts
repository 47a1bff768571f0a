import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, horizontalOverflow, launchBrowser, newContext, PageProblems, pageProblems, PHONE } from './browser';
import { answerAll } from './check-answering';
import { account, demoAccounts, fillSignIn, signIn, signOut, sv } from './demo';

const TITLE = 'Tillfälle: Teams på surfplattan';
const TABLET = { viewport: { width: 1024, height: 768 }, hasTouch: true };

/**
 * A before/after check in the browser: the Solgården ambassador creates a check for a session, starts the before
 * check and passes the tablet around in kiosk mode to three people (nothing of the previous person stays on screen),
 * the session runs, the ambassador starts the after check, and one of the three answers it on a phone through the
 * link (signing in on the way); her own page then shows the change. Every screen is checked with axe.
 */
describe('before/after checks in the browser', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });

  async function open(options = {}): Promise<{ page: Page; problems: PageProblems }> {
    const { context, page, problems } = await newContext(browser, options);
    contexts.push(context);
    return { page, problems };
  }

  it('kiosk before check for three people, after check on a phone through the link, and the change on her own page', async () => {
    const { password } = demoAccounts();
    const staff = account('Medarbetare');

    // The staff member's phone: find her name as the tablet will show it, then sign out again (a shared device is empty).
    const phone = await open(PHONE);
    await signIn(phone.page, staff);
    const me = (await (await phone.page.request.get('/api/auth/me')).json()) as { firstName: string; lastName: string };
    const displayName = `${me.firstName} ${me.lastName[0]}.`;
    await signOut(phone.page);

    // The ambassador on the tablet: a new check for today's session, then the before check.
    const tablet = await open(TABLET);
    await signIn(tablet.page, account('Digitaliseringsombud'));
    await tablet.page.getByRole('link', { name: sv.nav.checks, exact: true }).click();
    await tablet.page.getByRole('heading', { level: 1, name: sv.checks.page.title }).waitFor();
    await tablet.page.getByLabel(sv.checks.page.checkTitle).fill(TITLE);
    await tablet.page.getByLabel(sv.checks.page.unit, { exact: true }).selectOption({ label: 'Solgårdens vård- och omsorgsboende' });
    await tablet.page.getByLabel(sv.checks.page.instrument, { exact: true }).selectOption({ label: 'Digital vardag i omsorgen (version 1)' });
    await tablet.page.getByRole('button', { name: sv.checks.page.create }).click();
    const card = tablet.page.getByRole('listitem').filter({ has: tablet.page.getByRole('heading', { level: 3, name: TITLE }) });
    await card.getByRole('button', { name: sv.checks.page.openBefore }).click();
    await card.getByText(sv.checks.kind.before, { exact: true }).waitFor();
    await expectAccessible(tablet.page, 'checks page');
    // Kiosk mode is started after saying what it does (the ambassador is signed out on the tablet).
    await card.getByRole('button', { name: sv.checks.page.kiosk }).first().click();
    await card.getByRole('button', { name: sv.checks.kiosk.startConfirm }).click();
    await tablet.page.waitForURL((url) => url.pathname === '/surfplatta');

    // Kiosk mode: three people in turn, each starting from the list of names.
    await tablet.page.getByRole('heading', { name: sv.checks.kiosk.pickName }).waitFor();
    await expectAccessible(tablet.page, 'kiosk names');
    const names = (await tablet.page.locator('ul.names button').allInnerTexts()).map((n) => n.trim());
    expect(names).toContain(displayName);
    const people = [displayName, ...names.filter((n) => n !== displayName).slice(0, 2)];
    for (const [index, name] of people.entries()) {
      await tablet.page.getByRole('button', { name, exact: true }).click();
      await tablet.page.getByRole('heading', { level: 1, name: `Hej ${name}!` }).waitFor();
      if (index === 0) await expectAccessible(tablet.page, 'kiosk question');
      // The staff member rates herself "with help" before; the others answer too.
      expect(await answerAll(tablet.page, '2')).toBeGreaterThanOrEqual(6);
      await tablet.page.getByRole('button', { name: sv.checks.answer.submit }).click();
      await tablet.page.getByRole('heading', { level: 1, name: sv.checks.kiosk.thanks }).waitFor();
      await expectAccessible(tablet.page, 'kiosk thanks');
      // Nothing of this person stays: no name, no question, no answer, before the tablet goes on.
      const text = await tablet.page.locator('main').innerText();
      expect(text).not.toContain(name);
      expect(await tablet.page.getByRole('radio').count()).toBe(0);
      await tablet.page.getByRole('button', { name: sv.checks.kiosk.nextPerson }).click();
      await tablet.page.getByRole('heading', { name: sv.checks.kiosk.pickName }).waitFor();
      expect(await tablet.page.getByRole('radio').count()).toBe(0);
    }
    // Someone who already answered cannot answer again (or see anything) on the tablet.
    await tablet.page.getByRole('button', { name: displayName, exact: true }).click();
    await tablet.page.getByRole('alert').filter({ hasText: 'redan svarat' }).waitFor();

    // The session runs; at its end the ambassador leaves kiosk mode with her password, starts the after check and
    // shows the link and code.
    await tablet.page.getByRole('button', { name: sv.checks.kiosk.leave }).click();
    await tablet.page.getByLabel(sv.checks.kiosk.leavePassword).fill(password);
    await tablet.page.getByRole('button', { name: sv.checks.kiosk.leaveSubmit }).click();
    await tablet.page.waitForURL((url) => url.pathname === '/matningar');
    const after = tablet.page.getByRole('listitem').filter({ has: tablet.page.getByRole('heading', { level: 3, name: TITLE }) });
    await after
      .getByText(/3 av \d+ har svarat/)
      .first()
      .waitFor();
    await after.getByRole('button', { name: sv.checks.page.openAfter }).click();
    await after.getByText(sv.checks.kind.after, { exact: true }).waitFor();
    const afterRound = after.locator('ul.rounds > li').filter({ hasText: sv.checks.kind.after });
    const link = (await afterRound.locator('a.code-link').innerText()).trim();
    const code = (await afterRound.locator('.code').innerText()).trim();
    expect(link.endsWith(`/m/${code}`)).toBe(true);

    // On her phone, signed out: the link leads through sign-in straight to the check.
    await phone.page.goto(new URL(link).pathname);
    await phone.page.waitForURL((url) => url.pathname === '/logga-in' && url.searchParams.get('till') === `/m/${code}`);
    await fillSignIn(phone.page, staff, password);
    await phone.page.waitForURL((url) => url.pathname === `/m/${code}`);
    await phone.page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await expectAccessible(phone.page, 'phone question');
    expect(await horizontalOverflow(phone.page)).toBeLessThanOrEqual(0);
    expect(await answerAll(phone.page, '4')).toBeGreaterThanOrEqual(7);
    await phone.page.getByRole('button', { name: sv.checks.answer.submit }).click();
    await phone.page.getByText(sv.checks.answer.thanks).waitFor();
    await expectAccessible(phone.page, 'phone thanks');

    // Her own page shows the change per dimension, in words and as a chart.
    await phone.page.getByRole('link', { name: sv.checks.answer.seeDevelopment }).click();
    await phone.page.getByRole('heading', { level: 1, name: sv.checks.mine.title }).waitFor();
    const result = phone.page.getByRole('region', { name: TITLE });
    const skills = result.getByRole('listitem').filter({ has: phone.page.getByRole('heading', { level: 3, name: sv.checks.dimension.skills }) });
    await expect(skills.innerText()).resolves.toContain(`${sv.checks.mine.before}: ${sv.checks.scale.selfRating['2']}`);
    await expect(skills.innerText()).resolves.toContain(`${sv.checks.mine.after}: ${sv.checks.scale.selfRating['4']}`);
    await expect(skills.innerText()).resolves.toContain(sv.checks.mine.changeUp);
    await expectAccessible(phone.page, 'my development');
    expect(await horizontalOverflow(phone.page)).toBeLessThanOrEqual(0);

    expect(await pageProblems(tablet.page, tablet.problems)).toEqual([]);
    expect(await pageProblems(phone.page, phone.problems)).toEqual([]);
  });
});
