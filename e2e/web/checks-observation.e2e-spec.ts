import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CheckAssignment, CSRF_HEADER, CurrentUser, InstrumentSummary, OneTimeCredential, PersonSummary } from '@kunna/contracts';
import { expectAccessible, horizontalOverflow, launchBrowser, newContext, PageProblems, pageProblems, PHONE } from './browser';
import { account, signIn, sv } from './demo';

const TITLE = 'Observation: digital signering';
const TABLET = { viewport: { width: 1024, height: 768 }, hasTouch: true };
const PASSWORD = 'ett eget lösenord för mätningen';

/**
 * The Solgården ambassador shows the check's QR code, observes a colleague who has no password yet while she signs a
 * medication round, and the colleague opens the check link on her phone: she signs in with the one-time code from
 * her manager, comes back to the check, answers it (resuming after a reload) and sees the observation on her own page.
 */
describe('observation, QR code and one-time-code sign-in in the browser', () => {
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

  it('QR code for the link, an observation on the tablet, and the one-time code on the phone back to the check', async () => {
    // The ambassador assigns a check to Solgården and opens the before round.
    const tablet = await open(TABLET);
    await signIn(tablet.page, account('Digitaliseringsombud'));
    const ambassador = await apiAs(tablet.page);
    const existing = await ambassador.get<CheckAssignment[]>('/api/checks/assignments');
    const unitId = existing[0].unitId;
    const instrument = (await ambassador.get<InstrumentSummary[]>('/api/checks/instruments')).find((i) => i.title === 'Digital vardag i omsorgen');
    const id = randomUUID();
    await ambassador.post('/api/checks/assignments', { id, unitId, instrumentVersionId: instrument?.latestVersionId, title: TITLE });
    const assignment = await ambassador.post<CheckAssignment>(`/api/checks/assignments/${id}/rounds`, { kind: 'before' });
    const code = assignment.rounds[0].code;

    // Her manager finds a colleague without a password and gives her a one-time code.
    const office = await open();
    await signIn(office.page, account('Enhetschef', /Solgården/));
    const manager = await apiAs(office.page);
    const people = await manager.get<PersonSummary[]>(`/api/people?unitId=${unitId}`);
    const colleague = people.find((p) => !p.hasAccount && p.active && !p.disabled);
    if (!colleague) throw new Error('Solgården has no one without a password in the demo data');
    const credential = await manager.post<OneTimeCredential>(`/api/people/${colleague.id}/one-time-code`, { purpose: 'first_sign_in' });
    const displayName = `${colleague.firstName} ${colleague.lastName[0]}.`;

    // The checks page shows the link as a QR code, with the link and the code as its text alternative.
    await tablet.page.getByRole('link', { name: sv.nav.checks, exact: true }).click();
    const card = tablet.page.getByRole('listitem').filter({ has: tablet.page.getByRole('heading', { level: 3, name: TITLE }) });
    const qr = card.getByRole('img', { name: new RegExp(`/m/${code}, kod ${code.split('').join(' ')}$`) });
    await qr.waitFor();
    const link = (await card.locator('a.code-link').innerText()).trim();
    expect(await qr.getAttribute('aria-label')).toBe(sv.checks.qr.alt.replace('{url}', link).replace('{code}', code.split('').join(' ')));
    expect(await qr.getAttribute('data-url')).toBe(link);
    expect(await qr.locator('path').getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/);
    await expectAccessible(tablet.page, 'checks page with QR code');

    // The ambassador observes the colleague signing a medication round: one item, four steps, saved at once.
    await card.getByRole('link', { name: sv.checks.page.observe }).click();
    await tablet.page.getByRole('heading', { level: 1, name: sv.checks.observation.title }).waitFor();
    await tablet.page.getByLabel(sv.checks.observation.person, { exact: true }).selectOption({ label: displayName });
    await tablet.page.getByRole('button', { name: sv.checks.observation.start }).click();
    await tablet.page.getByRole('heading', { level: 2, name: sv.checks.observation.observing.replace('{name}', displayName) }).waitFor();
    const item = tablet.page.getByRole('group', { name: /Signerar en läkemedelsrunda digitalt/ });
    await item.getByRole('radio', { name: sv.checks.observation.scale['3'], exact: true }).check();
    await tablet.page
      .getByRole('status')
      .filter({ hasText: /^Sparat: Signerar en läkemedelsrunda/ })
      .waitFor();
    await expectAccessible(tablet.page, 'observation form');
    await tablet.page.getByRole('button', { name: sv.checks.observation.next }).click();
    await tablet.page.getByLabel(sv.checks.observation.person, { exact: true }).waitFor();
    expect(await tablet.page.getByRole('radio').count()).toBe(0);

    // The colleague's phone, signed out: the link → sign-in → "use the code" → back to the check.
    const phone = await open(PHONE);
    await phone.page.goto(new URL(link).pathname);
    await phone.page.waitForURL((url) => url.pathname === '/logga-in' && url.searchParams.get('till') === `/m/${code}`);
    await phone.page.getByRole('link', { name: sv.signIn.useCode }).click();
    await phone.page.waitForURL((url) => url.pathname === '/kod' && url.searchParams.get('till') === `/m/${code}`);
    await phone.page.getByText(sv.redeem.toCheck).waitFor();
    await expectAccessible(phone.page, 'one-time code for a check');
    await phone.page.getByLabel(sv.redeem.code, { exact: true }).fill(credential.code);
    await phone.page.getByLabel(sv.redeem.newPassword, { exact: true }).fill(PASSWORD);
    await phone.page.getByLabel(sv.password.repeat, { exact: true }).fill(PASSWORD);
    await phone.page.getByRole('button', { name: sv.redeem.submit, exact: true }).click();
    await phone.page.waitForURL((url) => url.pathname === `/m/${code}`);
    await phone.page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    expect(await horizontalOverflow(phone.page)).toBeLessThanOrEqual(0);

    // One answer, then the phone is reloaded: the check resumes at the second question with the first one kept.
    await phone.page.getByText(/^Fråga 1 av \d+$/).waitFor();
    const first = (await phone.page.locator('form.question legend').innerText()).trim();
    await phone.page.getByRole('radio', { name: sv.checks.scale.selfRating['3'], exact: true }).check();
    await phone.page.getByRole('button', { name: sv.checks.answer.saveNext, exact: true }).click();
    await phone.page.getByText(/^Fråga 2 av \d+$/).waitFor();
    await phone.page.reload();
    await phone.page.getByText(/^Fråga 2 av \d+$/).waitFor();
    await phone.page.getByRole('button', { name: sv.checks.answer.previous }).click();
    await phone.page.getByRole('group', { name: first }).waitFor();
    expect(await phone.page.getByRole('radio', { name: sv.checks.scale.selfRating['3'], exact: true }).isChecked()).toBe(true);
    // The rest declined item by item is fine too; then she sends it.
    for (;;) {
      const ready = phone.page.getByRole('heading', { name: sv.checks.answer.readyTitle });
      const legend = phone.page.locator('form.question legend');
      await ready.or(legend).first().waitFor();
      if (await ready.isVisible()) break;
      const progress = await phone.page.getByText(/^Fråga \d+ av \d+$/).innerText();
      await phone.page.getByRole('button', { name: sv.checks.answer.decline, exact: true }).click();
      await phone.page.waitForFunction((before) => !document.body.innerText.includes(before), progress);
    }
    await phone.page.getByRole('button', { name: sv.checks.answer.submit }).click();
    await phone.page.getByText(sv.checks.answer.thanks).waitFor();

    // Her own page shows what the ambassador observed; only she sees it.
    await phone.page.getByRole('link', { name: sv.checks.answer.seeDevelopment }).click();
    const result = phone.page.getByRole('region', { name: TITLE });
    await result.getByRole('heading', { level: 3, name: sv.checks.mine.observed }).waitFor();
    expect(await result.innerText()).toContain(`${sv.checks.dimension.skills}: ${sv.checks.mine.before} ${sv.checks.observation.scale['3']}`);
    await expectAccessible(phone.page, 'my development with an observation');
    expect(await horizontalOverflow(phone.page)).toBeLessThanOrEqual(0);

    // The ambassador cancels the check: a reason is asked for, then the check says so and offers nothing more.
    await tablet.page.getByRole('link', { name: sv.checks.kiosk.leave }).click();
    const cancelling = tablet.page.getByRole('listitem').filter({ has: tablet.page.getByRole('heading', { level: 3, name: TITLE }) });
    await cancelling.getByText(sv.checks.page.cancel, { exact: true }).click();
    await cancelling.getByRole('button', { name: sv.checks.page.cancelSubmit }).click();
    await cancelling.getByText('Skriv varför mätningen avbryts.').waitFor();
    expect(await cancelling.getByLabel(sv.checks.page.cancelReason).getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(tablet.page, 'cancelling a check');
    await cancelling.getByLabel(sv.checks.page.cancelReason).fill('Fel enhet');
    await cancelling.getByRole('button', { name: sv.checks.page.cancelSubmit }).click();
    await cancelling.getByText(sv.checks.page.cancelled).waitFor();
    expect(await cancelling.getByRole('button', { name: sv.checks.page.openAfter }).count()).toBe(0);

    expect(await pageProblems(tablet.page, tablet.problems)).toEqual([]);
    expect(await pageProblems(phone.page, phone.problems)).toEqual([]);
  });
});
