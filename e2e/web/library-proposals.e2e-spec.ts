import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { CSRF_HEADER, CurrentUser, ModuleDetail, Ownership } from '@kunna/contracts';
import { expectAccessible, horizontalOverflow, launchBrowser, newContext, PageProblems, pageProblems } from './browser';
import { account, signIn, sv } from './demo';
import { formatMessage } from '../../web/src/app/i18n/message-format';

const PHONE_390: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };

/**
 * An organisation's own module proposed to the network (issue 17 item 8), on a 390 px phone: HR proposes it after a
 * confirmation and sees the answer; the network coordinator finds it among the proposals, accepts it, and the shared
 * copy names the organisation it came from. Every page is checked with axe and for sideways scrolling.
 */
describe('proposing a module to the network in the browser', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });

  async function as(role: string): Promise<{ page: Page; problems: PageProblems }> {
    const { context, page, problems } = await newContext(browser, { ...PHONE_390, timezoneId: 'Europe/Stockholm' });
    contexts.push(context);
    await signIn(page, account(role));
    return { page, problems };
  }

  const fill = (text: string, params: Record<string, string | number>) => formatMessage('sv-SE', text, params);
  const announced = (page: Page, text: string) =>
    page.waitForFunction((expected) => document.querySelector('.cdk-live-announcer-element')?.textContent?.includes(expected) ?? false, text);

  /** Creates and publishes an own module for the signed-in HR person's organisation through the API. */
  async function ownPublishedModule(page: Page, title: string): Promise<{ me: CurrentUser; moduleId: string; headers: Record<string, string> }> {
    const me = (await (await page.request.get('/api/auth/me')).json()) as CurrentUser;
    const headers = { [CSRF_HEADER]: me.csrfToken };
    const created = await page.request.post('/api/library/modules', {
      headers,
      data: {
        ownership: Ownership.Organisation,
        content: {
          title,
          summary: 'Så loggar du in i journalsystemet med e-legitimation.',
          learningGoals: ['Du loggar in själv.'],
          competenceDimensions: ['skills'],
          digCompCodes: ['4.2'],
          targetGroups: ['staff'],
          format: 'workplace_session',
          durationMinutes: 20,
          glossary: [],
          facilitatorGuide: '# Handledning\n- Visa inloggningen steg för steg.',
          exercises: [],
          links: [],
          knowledgeItems: [],
          repeatIntervalWeeks: null,
        },
      },
    });
    expect(created.status()).toBe(201);
    const moduleId = ((await created.json()) as ModuleDetail).module.id;
    expect((await page.request.post(`/api/library/modules/${moduleId}/publish`, { headers, data: {} })).status()).toBe(200);
    return { me, moduleId, headers };
  }

  it('HR proposes an own module; the coordinator accepts it and the shared copy shows where it came from', async () => {
    const title = `Logga in i journalen ${Date.now().toString(36)}`;
    const hr = await as('HR');
    const { me, moduleId } = await ownPublishedModule(hr.page, title);

    // HR proposes it: a confirmation first, then a toast that is also announced, and the state on the page.
    await hr.page.goto(`/bibliotek/moduler/${moduleId}`);
    await hr.page.getByRole('heading', { level: 1, name: title }).waitFor();
    const section = hr.page.getByRole('region', { name: sv.module.proposal.title });
    await section.getByRole('button', { name: sv.module.proposal.propose, exact: true }).click();
    const dialog = hr.page.getByRole('alertdialog', { name: fill(sv.module.proposal.confirm, { title }) });
    await dialog.waitFor();
    await expectAccessible(hr.page, 'module page with the proposal confirmation');
    await dialog.getByRole('button', { name: sv.module.proposal.confirmYes, exact: true }).click();
    await hr.page.getByTestId('toast').filter({ hasText: sv.module.proposal.done }).waitFor();
    await announced(hr.page, sv.module.proposal.done);
    await section.getByText(fill(sv.module.proposal.pending, { n: 1 })).waitFor();
    await expectAccessible(hr.page, 'module page after proposing');
    expect(await horizontalOverflow(hr.page)).toBeLessThanOrEqual(0);
    expect(await pageProblems(hr.page, hr.problems)).toEqual([]);

    // The coordinator finds it from the library, reads it, and accepts it.
    const coordinator = await as('Nätverkssamordnare');
    const page = coordinator.page;
    await page.goto('/bibliotek');
    await page.getByRole('heading', { level: 1, name: sv.library.title }).waitFor();
    await page.getByRole('link', { name: sv.proposals.link, exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/bibliotek/forslag');
    const card = page.getByTestId('proposals').locator('li', { has: page.getByRole('heading', { name: title, exact: true }) });
    await card.waitFor();
    await card.getByText(fill(sv.proposals.from, { organisation: me.organisationName })).waitFor();
    await expectAccessible(page, 'proposals list');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    await card.getByRole('button', { name: sv.proposals.accept, exact: true }).click();
    const confirm = page.getByRole('alertdialog', { name: fill(sv.proposals.acceptConfirm, { title }) });
    await confirm.getByRole('button', { name: sv.proposals.acceptYes, exact: true }).click();
    const toast = page.getByTestId('toast').filter({ hasText: fill(sv.proposals.accepted, { title }) });
    await toast.waitFor();
    await announced(page, fill(sv.proposals.accepted, { title }));
    await card.waitFor({ state: 'detached' });
    await toast.getByRole('button', { name: sv.proposals.openShared, exact: true }).click();

    await page.waitForURL((url) => url.pathname.startsWith('/bibliotek/moduler/') && !url.pathname.endsWith(moduleId));
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page
      .getByTestId('provenance')
      .filter({ hasText: fill(sv.module.proposedBy, { organisation: me.organisationName }) })
      .waitFor();
    await page.getByText(sv.libraryEnum.ownership.network, { exact: true }).first().waitFor();
    await expectAccessible(page, 'shared module with its provenance');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await pageProblems(page, coordinator.problems)).toEqual([]);

    // Back on HR's own module: the proposal is accepted, with the way to the shared copy.
    await hr.page.reload();
    await section.getByText(sv.module.proposal.accepted).waitFor();
    await section.getByRole('link', { name: sv.module.proposal.openShared, exact: true }).waitFor();
    expect(await pageProblems(hr.page, hr.problems)).toEqual([]);
  });

  it('the coordinator declines with a reason, which HR reads on the module with the way to propose again', async () => {
    const title = `Trygg inloggning ${Date.now().toString(36)}`;
    const reason = 'Nätverket har redan en modul om inloggning.';
    const hr = await as('HR');
    const { moduleId, headers } = await ownPublishedModule(hr.page, title);
    expect((await hr.page.request.post(`/api/library/modules/${moduleId}/proposal`, { headers, data: {} })).status()).toBe(200);

    const { page, problems } = await as('Nätverkssamordnare');
    await page.goto('/bibliotek/forslag');
    const card = page.getByTestId('proposals').locator('li', { has: page.getByRole('heading', { name: title, exact: true }) });
    await card.getByRole('button', { name: sv.proposals.decline, exact: true }).click();
    await card.getByLabel(sv.proposals.declineReason).fill(reason);
    await expectAccessible(page, 'proposals list with the decline form');
    await card.getByRole('button', { name: sv.proposals.declineYes, exact: true }).click();
    await page
      .getByTestId('toast')
      .filter({ hasText: fill(sv.proposals.declined, { title }) })
      .waitFor();
    await announced(page, fill(sv.proposals.declined, { title }));
    await card.waitFor({ state: 'detached' });
    expect(await pageProblems(page, problems)).toEqual([]);

    await hr.page.goto(`/bibliotek/moduler/${moduleId}`);
    const section = hr.page.getByRole('region', { name: sv.module.proposal.title });
    await section.getByText(fill(sv.module.proposal.declined, { reason })).waitFor();
    await section.getByRole('button', { name: sv.module.proposal.proposeAgain, exact: true }).waitFor();
    await expectAccessible(hr.page, 'module page with a declined proposal');
    expect(await pageProblems(hr.page, hr.problems)).toEqual([]);
  });
});
