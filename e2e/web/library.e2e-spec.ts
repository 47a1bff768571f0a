import type { Browser, BrowserContext, Page } from 'playwright-core';
import type {
  AmbassadorAppointment,
  AmbassadorQualification,
  AmbassadorReach,
  AmbassadorWorkload,
  CoverageTotals,
  ModuleSummary,
  NetworkReach,
  PersonSummary,
  UnitCoverage,
} from '@kunna/contracts';
import { expectAccessible, horizontalOverflow, launchBrowser, newContext, PageProblems, pageProblems, PHONE } from './browser';
import { account, signIn, sv } from './demo';
import { openFromNav } from './nav';
import { formatMessage } from '../../web/src/app/i18n/message-format';

/**
 * The module library and the train-the-trainer structure in a real browser: a network coordinator
 * publishes a shared module, an organisation adapts it, a new version of the source shows up on the
 * copy; search and filters kept in the address; the editor; the program builder; the ambassador
 * overview per unit and per organisation. Every page is checked with axe.
 */
describe('Module library and ambassadors in the browser', () => {
  let browser: Browser;
  const open: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    for (const context of open.splice(0)) await context.close();
  });

  interface Person {
    page: Page;
    problems: PageProblems;
  }

  /** A fresh browser context signed in as a demo role (in Swedish time, as sessions are planned). */
  async function as(role: string, description?: RegExp, phone = false): Promise<Person> {
    const { context, page, problems } = await newContext(browser, { ...(phone ? PHONE : {}), timezoneId: 'Europe/Stockholm' });
    open.push(context);
    await signIn(page, account(role, description));
    return { page, problems };
  }

  async function expectNoProblems(person: Person): Promise<void> {
    // Angular's sanitizer may warn (not error) about the guide's markup; errors and CSP violations must be none.
    expect(await pageProblems(person.page, person.problems)).toEqual([]);
  }

  async function settled(page: Page): Promise<void> {
    await page
      .getByRole('status')
      .filter({ hasText: sv.app.loading })
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
  }

  async function openNav(page: Page, label: string): Promise<void> {
    await openFromNav(page, label);
  }

  /** A text as the page shows it in Swedish: values filled in, plural forms chosen. */
  const fill = (text: string, params: Record<string, string | number>) => formatMessage('sv-SE', text, params);

  async function cardTitles(page: Page): Promise<string[]> {
    return (await page.locator('.module-cards h3').allInnerTexts()).map((title) => title.trim());
  }

  /**
   * The card titles once they are `expected`, or after 10 s whatever is shown (for the assertion to report): the list
   * may answer after `settled` looked for the loading status, or still show the previous filter's cards.
   */
  async function cardTitlesOnce(page: Page, expected: readonly string[]): Promise<string[]> {
    const deadline = Date.now() + 10_000;
    let titles = await cardTitles(page);
    while (JSON.stringify(titles) !== JSON.stringify(expected) && Date.now() < deadline) {
      await page.waitForTimeout(100);
      titles = await cardTitles(page);
    }
    return titles;
  }

  async function apiModules(page: Page, query: string): Promise<ModuleSummary[]> {
    const response = await page.request.get(`/api/library/modules${query}`);
    expect(response.status()).toBe(200);
    return (await response.json()) as ModuleSummary[];
  }

  describe('publish, adapt, new version of the source', () => {
    const title = 'Digital signering i hemtjänsten (e2e)';
    let sourcePath = '';
    let copyPath = '';
    const versionLink = (n: number) => fill(sv.sessions.moduleVersion, { title, n });

    /**
     * The ambassador schedules one session of the shared module (by id: the organisation's copy has the same title), at
     * an hour no other browser test books for the demo ambassador (they share the database).
     */
    async function scheduleSession(page: Page, startTime: string, place: string): Promise<void> {
      await page.goto('/tillfallen/ny');
      await page.getByRole('heading', { level: 1, name: sv.sessions.scheduleTitle }).waitFor();
      const sourceId = sourcePath.split('/').pop() ?? '';
      const moduleSelect = page.getByLabel(sv.sessions.module, { exact: true });
      await moduleSelect.locator(`option[value="${sourceId}"]`).waitFor({ state: 'attached' });
      await moduleSelect.selectOption(sourceId);
      await page.getByLabel(sv.sessions.startTime, { exact: true }).fill(startTime);
      await page.getByLabel(sv.sessions.duration, { exact: true }).fill('25');
      await page.getByLabel(sv.sessions.place, { exact: true }).fill(place);
      await page.getByLabel(sv.sessions.count, { exact: true }).fill('1');
      // The form shows conflicts before it saves; the demo ambassador is not qualified for this new module, so it
      // also asks for a reason. Saving again (with the reason filled in) schedules the session.
      const reason = page.getByLabel(sv.sessionsPlan.reason);
      const save = page.getByRole('button', { name: sv.sessions.save, exact: true });
      const onList = () => new URL(page.url()).pathname === '/tillfallen';
      for (let attempt = 0; attempt < 3 && !onList(); attempt++) {
        if ((await reason.isVisible()) && (await reason.inputValue()) === '') await reason.fill('Ombudet har gått igenom modulen med samordnaren.');
        await save.click();
        // A save ends on the session list, or back on the form with the button enabled (conflicts or a reason asked for).
        await page
          .locator('button[type="submit"][disabled]')
          .waitFor({ timeout: 2_000 })
          .catch(() => undefined);
        for (let wait = 0; wait < 150 && !onList() && !(await save.isEnabled().catch(() => false)); wait++) await page.waitForTimeout(200);
      }
      await page.waitForURL((url) => url.pathname === '/tillfallen');
    }

    /** The unit's session table row of the session at that place. */
    const sessionRow = (page: Page, place: string) => page.getByRole('table', { name: sv.sessions.unitSessions }).getByRole('row').filter({ hasText: place });

    it('a network coordinator creates a shared module as a draft and publishes it as version 1', async () => {
      const coordinator = await as('Nätverkssamordnare');
      const { page } = coordinator;
      await openNav(page, sv.library.nav);
      await page.getByRole('heading', { level: 1, name: sv.library.title }).waitFor();
      await settled(page);
      await expectAccessible(page, 'library-coordinator');

      await page.getByRole('link', { name: sv.library.newModule, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: sv.editor.newTitle }).waitFor();
      // A coordinator creates shared modules only.
      const ownership = page.getByLabel(sv.editor.ownership, { exact: true });
      expect((await ownership.locator('option').allInnerTexts()).map((text) => text.trim())).toEqual([sv.libraryEnum.ownership.network]);

      await page.getByLabel(`${sv.editor.titleLabel} *`, { exact: true }).fill(title);
      await page.getByLabel(`${sv.editor.summary} *`, { exact: true }).fill('Så signerar du läkemedel i appen.');
      await page.getByLabel(fill(sv.editor.goalN, { n: 1 }), { exact: true }).fill('Du kan signera en given dos.');
      await page.getByRole('checkbox', { name: sv.libraryEnum.dimension.skills, exact: true }).check();
      await page.getByLabel(`${sv.editor.duration} *`, { exact: true }).fill('25');
      await page.getByLabel(sv.module.guide, { exact: true }).fill('# Före träffen\n- Ladda surfplattorna\n\n<script>alert("x")</script> och **viktigt**');
      await page.getByRole('button', { name: sv.editor.addTerm, exact: true }).click();
      await page.getByLabel(sv.editor.term, { exact: true }).fill('Signera');
      await page.getByLabel(sv.editor.explanation, { exact: true }).fill('Skriva under digitalt att du har gjort något.');
      await expectAccessible(page, 'module-editor-new');
      await page.getByRole('button', { name: sv.editor.create, exact: true }).click();

      await page.waitForURL(/\/bibliotek\/moduler\/[0-9a-f-]{36}\/redigera$/);
      await page.getByText(sv.editor.created).waitFor();
      sourcePath = new URL(page.url()).pathname.replace(/\/redigera$/, '');
      await expectAccessible(page, 'module-editor-draft');

      await page.getByLabel(sv.editor.publish.note, { exact: true }).fill('Första versionen');
      await page.getByRole('button', { name: sv.editor.publish.submit, exact: true }).click();
      await page.waitForURL((url) => url.pathname === sourcePath);
      await page.getByText(fill(sv.module.publishedDone, { n: 1 })).waitFor();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();

      // The guide is rendered from Markdown; the script stays text and never becomes an element.
      const guide = page.locator('.guide');
      await guide.getByRole('heading', { name: 'Före träffen' }).waitFor();
      expect(await guide.locator('strong').innerText()).toBe('viktigt');
      expect(await guide.innerText()).toContain('<script>alert("x")</script>');
      expect(await guide.locator('script').count()).toBe(0);
      await page.getByText('Skriva under digitalt att du har gjort något.').waitFor();
      const history = page.getByRole('table', { name: sv.module.history });
      expect(await history.locator('tbody tr').count()).toBe(1);
      await expectAccessible(page, 'module-page-v1');
      await expectNoProblems(coordinator);
    });

    it('HR of a municipality finds it, adapts it into their own version and publishes that', async () => {
      const hr = await as('HR');
      const { page } = hr;
      await openNav(page, sv.library.nav);
      await page.getByLabel(sv.library.search, { exact: true }).fill('signering i hemtjänsten');
      await page.getByRole('button', { name: sv.library.searchButton, exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get('q') === 'signering i hemtjänsten');
      await settled(page);
      expect(await cardTitlesOnce(page, [title])).toEqual([title]);
      await page.getByRole('link', { name: title, exact: true }).click();
      await page.waitForURL((url) => url.pathname === sourcePath);

      await page.getByRole('button', { name: sv.module.adapt, exact: true }).click();
      await page.getByText(sv.module.adapted).waitFor();
      copyPath = new URL(page.url()).pathname;
      expect(copyPath).not.toBe(sourcePath);
      const source = page.getByRole('region', { name: sv.module.source.title });
      await source.getByText(fill(sv.module.source.basedOn, { n: 1 })).waitFor();
      await source.getByText(sv.module.source.upToDate).waitFor();
      await page.getByText(sv.libraryEnum.ownership.organisation, { exact: true }).first().waitFor();
      await expectAccessible(page, 'module-copy');

      // The copy starts as a draft; their own routine goes into it, published as the copy's version 1.
      await page.getByText(sv.module.draftOnly).waitFor();
      await page.getByRole('link', { name: sv.module.continueDraft, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: sv.editor.editTitle }).waitFor();
      const guide = page.getByLabel(sv.module.guide, { exact: true });
      await guide.fill(`${await guide.inputValue()}\n\n# I Älvstad\n- Ring planeringen om appen inte startar.`);
      await page.getByRole('button', { name: sv.editor.publish.submit, exact: true }).click();
      await page.waitForURL((url) => url.pathname === copyPath);
      await page.getByText(fill(sv.module.publishedDone, { n: 1 })).waitFor();
      await page.locator('.guide').getByRole('heading', { name: 'I Älvstad' }).waitFor();
      await expectNoProblems(hr);
    });

    it('an ambassador schedules a session of the shared module: it holds version 1', async () => {
      const ambassador = await as('Digitaliseringsombud');
      const { page } = ambassador;
      await scheduleSession(page, '04:10', 'Personalrummet (e2e version 1)');
      const row = sessionRow(page, 'Personalrummet (e2e version 1)');
      await row.getByRole('link', { name: versionLink(1), exact: true }).waitFor();
      await expectAccessible(page, 'sessions-with-version-1');
      await expectNoProblems(ambassador);
    });

    it('the coordinator publishes version 2 of the source; version 1 stays as it was', async () => {
      const coordinator = await as('Nätverkssamordnare');
      const { page } = coordinator;
      await page.goto(sourcePath);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByRole('link', { name: sv.module.edit, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: sv.editor.editTitle }).waitFor();
      await page.getByLabel(`${sv.editor.summary} *`, { exact: true }).fill('Så signerar du läkemedel i appen, också när nätet är borta.');
      const guide = page.getByLabel(sv.module.guide, { exact: true });
      await guide.fill(`${await guide.inputValue()}\n\n# Utan nät\n- Signera ändå: appen skickar när nätet är tillbaka.`);
      await page.getByLabel(sv.editor.publish.note, { exact: true }).fill('Nytt avsnitt: signera utan nät');
      await page.getByRole('button', { name: sv.editor.publish.submit, exact: true }).click();
      await page.waitForURL((url) => url.pathname === sourcePath);
      await page.getByText(fill(sv.module.publishedDone, { n: 2 })).waitFor();

      const history = page.getByRole('table', { name: sv.module.history });
      const rows = history.locator('tbody tr');
      expect(await rows.count()).toBe(2);
      expect(await rows.nth(0).innerText()).toContain('Nytt avsnitt: signera utan nät');
      // Version 1 as it was published (what sessions held with it used).
      await history.getByRole('link', { name: fill(sv.library.versionN, { n: 1 }), exact: true }).click();
      await page.waitForURL(/\/bibliotek\/versioner\/[0-9a-f-]{36}$/);
      await page.getByText(sv.module.versionFrozen).waitFor();
      await page.getByText('Så signerar du läkemedel i appen.', { exact: true }).waitFor();
      expect(await page.getByText('också när nätet är borta').count()).toBe(0);
      await page.locator('.guide').getByRole('heading', { name: 'Före träffen' }).waitFor();
      expect(await page.locator('.guide').getByRole('heading', { name: 'Utan nät' }).count()).toBe(0);
      await expectAccessible(page, 'module-version-1');
      await expectNoProblems(coordinator);
    });

    it('the earlier session still shows version 1 and its guide; a new session gets version 2', async () => {
      const ambassador = await as('Digitaliseringsombud');
      const { page } = ambassador;
      await openNav(page, sv.nav.sessions);
      await page.getByRole('heading', { level: 1, name: sv.sessions.title }).waitFor();
      const earlier = sessionRow(page, 'Personalrummet (e2e version 1)');
      await earlier.getByRole('link', { name: versionLink(1), exact: true }).waitFor();
      expect(await earlier.getByRole('link', { name: versionLink(2), exact: true }).count()).toBe(0);

      // The attendance page names the version the session used and links to exactly that version.
      await earlier.getByRole('link', { name: new RegExp(`^${sv.sessions.attendance}`) }).click();
      await page.waitForURL((url) => /^\/tillfallen\/[0-9a-f-]{36}\/narvaro$/.test(url.pathname));
      await page.getByRole('link', { name: versionLink(1), exact: true }).click();
      await page.waitForURL(/\/bibliotek\/versioner\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { level: 1, name: `${title}: ${fill(sv.library.versionN, { n: 1 })}` }).waitFor();
      await page.getByText(sv.module.versionFrozen).waitFor();
      const guide = page.locator('.guide');
      await guide.getByRole('heading', { name: 'Före träffen' }).waitFor();
      expect(await guide.getByRole('heading', { name: 'Utan nät' }).count()).toBe(0);
      await expectAccessible(page, 'session-module-version-1');

      // A session scheduled now gets the latest published version, with its guide.
      await scheduleSession(page, '04:40', 'Personalrummet (e2e version 2)');
      const later = sessionRow(page, 'Personalrummet (e2e version 2)');
      await later.getByRole('link', { name: versionLink(2), exact: true }).waitFor();
      await sessionRow(page, 'Personalrummet (e2e version 1)')
        .getByRole('link', { name: versionLink(1), exact: true })
        .waitFor();
      await expectAccessible(page, 'sessions-with-versions-1-and-2');
      await later.getByRole('link', { name: versionLink(2), exact: true }).click();
      await page.getByRole('heading', { level: 1, name: `${title}: ${fill(sv.library.versionN, { n: 2 })}` }).waitFor();
      await page.locator('.guide').getByRole('heading', { name: 'Utan nät' }).waitFor();
      await expectAccessible(page, 'session-module-version-2');
      await expectNoProblems(ambassador);
    });

    it('the adapted copy shows that a newer version of its source is available', async () => {
      const hr = await as('HR');
      const { page } = hr;
      await page.goto('/bibliotek?q=signering%20i%20hemtj%C3%A4nsten');
      await settled(page);
      const copyCard = page.locator('.module-cards li').filter({ hasText: sv.libraryEnum.ownership.organisation });
      await copyCard.getByText(sv.library.newerSource, { exact: true }).waitFor();
      await copyCard.getByRole('link', { name: title }).click();
      await page.waitForURL((url) => url.pathname === copyPath);

      const notice = page.getByTestId('newer-source');
      await notice.waitFor();
      expect((await notice.innerText()).trim()).toBe(fill(sv.module.source.newer, { latest: 2, based: 1 }));
      await page.getByRole('button', { name: sv.module.source.take, exact: true }).waitFor();
      await expectAccessible(page, 'module-copy-newer-source');

      // The source's page links to the organisation's own version.
      await page.getByRole('region', { name: sv.module.source.title }).getByRole('link', { name: title }).click();
      await page.waitForURL((url) => url.pathname === sourcePath);
      await page.getByRole('link', { name: fill(sv.module.ownCopy, { title }) }).waitFor();
      await expectNoProblems(hr);
    });

    it('another municipality sees the shared module but not the copy', async () => {
      const other = await as('Organisationsadmin', /Bergsjö/);
      const { page } = other;
      await page.goto('/bibliotek?q=signering%20i%20hemtj%C3%A4nsten');
      await settled(page);
      // The search may answer after the loading status was looked for: wait for its card.
      await page.locator('.module-cards h3').first().waitFor();
      expect(await cardTitlesOnce(page, [title])).toEqual([title]);
      expect(await page.getByText(sv.library.newerSource).count()).toBe(0);
      await page.goto(copyPath);
      await page.getByRole('alert').getByText(sv.errors.notFound).waitFor();
      await expectNoProblems(other);
    });
  });

  describe('search and filters', () => {
    it('narrows by competence dimension, duration and DigComp, keeps the filters in the address, and clears them', async () => {
      const manager = await as('Enhetschef');
      const { page } = manager;
      await openNav(page, sv.library.nav);
      await settled(page);
      const all = await apiModules(page, '');
      const allTitles = all.map((module) => module.title);
      expect(await cardTitlesOnce(page, allTitles)).toEqual(allTitles);

      await page.getByLabel(sv.library.filter.dimension, { exact: true }).selectOption('will');
      await page.waitForURL((url) => url.searchParams.get('dimension') === 'will');
      await settled(page);
      const will = await apiModules(page, '?dimension=will');
      expect(will.length).toBeGreaterThan(0);
      expect(will.length).toBeLessThan(all.length);
      expect(will.every((module) => module.competenceDimensions.includes('will' as never))).toBe(true);
      const willTitles = will.map((module) => module.title);
      expect(await cardTitlesOnce(page, willTitles)).toEqual(willTitles);

      await page.getByLabel(sv.library.filter.duration, { exact: true }).selectOption('30');
      await page.waitForURL((url) => url.searchParams.get('maxMinutes') === '30' && url.searchParams.get('dimension') === 'will');
      await settled(page);
      const short = will.filter((module) => module.durationMinutes <= 30).map((module) => module.title);
      expect(await cardTitlesOnce(page, short)).toEqual(short);
      await page
        .getByRole('status')
        .getByText(fill(sv.library.count, { count: short.length }))
        .waitFor();

      // A reload (or a shared link) shows the same search.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: sv.library.title }).waitFor();
      await settled(page);
      expect(await page.getByLabel(sv.library.filter.dimension, { exact: true }).inputValue()).toBe('will');
      expect(await page.getByLabel(sv.library.filter.duration, { exact: true }).inputValue()).toBe('30');
      expect(await cardTitlesOnce(page, short)).toEqual(short);
      await expectAccessible(page, 'library-filtered');

      await page.getByRole('button', { name: sv.library.filter.clear, exact: true }).click();
      await page.waitForURL((url) => url.search === '');
      await page.getByLabel(sv.library.filter.digComp, { exact: true }).selectOption('4.2');
      await page.waitForURL((url) => url.searchParams.get('digCompCode') === '4.2');
      await settled(page);
      const digCompTitles = (await apiModules(page, '?digCompCode=4.2')).map((module) => module.title);
      expect(digCompTitles).toContain('Logga in med SITHS-kort eller BankID');
      expect(await cardTitlesOnce(page, digCompTitles)).toEqual(digCompTitles);
      await expectNoProblems(manager);
    });

    it('a staff member reads a module on a phone: guide, glossary and exercise, nothing wider than the screen', async () => {
      const staff = await as('Medarbetare', undefined, true);
      const { page } = staff;
      await page.goto('/bibliotek?q=Trygghetslarm');
      await settled(page);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await expectAccessible(page, 'library-phone');
      await page.getByRole('link', { name: 'Trygghetslarm', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Trygghetslarm' }).waitFor();
      await page.getByRole('heading', { name: sv.module.guide }).waitFor();
      await page.getByRole('heading', { name: sv.module.glossary }).waitFor();
      await page.getByRole('heading', { name: 'Sonja larmar men svarar inte' }).waitFor();
      // Staff without a role answer the knowledge items in checks: they see how many, not the answers.
      expect(await page.getByText(sv.module.correct).count()).toBe(0);
      // Nobody but editors gets the edit or adapt buttons.
      expect(await page.getByRole('link', { name: sv.module.edit }).count()).toBe(0);
      expect(await page.getByRole('button', { name: sv.module.adapt }).count()).toBe(0);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await expectAccessible(page, 'module-phone');
      await expectNoProblems(staff);
    });
  });

  describe('program builder', () => {
    it('HR builds a local program in order with spacing, reorders a step and assigns it to a unit', async () => {
      const hr = await as('HR');
      const { page } = hr;
      await page.goto('/bibliotek/program');
      await page.getByRole('heading', { level: 1, name: sv.programs.title }).waitFor();
      await settled(page);
      await page.getByRole('link', { name: 'Introduktion för nyanställda', exact: true }).waitFor();
      await expectAccessible(page, 'program-list');
      await page.getByRole('link', { name: sv.programs.new, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: sv.programEditor.newTitle }).waitFor();

      const programTitle = 'Hösten på Solgården (e2e)';
      await page.getByLabel(`${sv.editor.titleLabel} *`, { exact: true }).fill(programTitle);
      await page.getByLabel(sv.editor.summary, { exact: true }).fill('Tre träffar under hösten.');
      const modules = ['Teams och digitala möten', 'Trygghetslarm', 'Grundläggande IT på jobbet'];
      for (const [index, moduleTitle] of modules.entries()) {
        await page.getByRole('button', { name: sv.programEditor.addStep, exact: true }).click();
        const step = page.locator('ol.steps > li').nth(index);
        await step.getByLabel(sv.programEditor.module, { exact: true }).selectOption({ label: moduleTitle });
        if (index > 0) await step.getByLabel(sv.programEditor.daysAfter, { exact: true }).fill(String(index === 1 ? 14 : 21));
      }
      // Basic IT first: move the third step up twice.
      const moveUp = `${sv.programEditor.up} (${fill(sv.programEditor.stepN, { n: 3 })})`;
      await page.getByRole('button', { name: moveUp, exact: true }).click();
      await page.getByRole('button', { name: `${sv.programEditor.up} (${fill(sv.programEditor.stepN, { n: 2 })})`, exact: true }).click();
      await page.getByText(fill(sv.programEditor.movedTo, { title: 'Grundläggande IT på jobbet', n: 1 })).waitFor({ state: 'attached' });
      await expectAccessible(page, 'program-editor');
      await page.getByRole('button', { name: sv.programEditor.save, exact: true }).click();

      await page.waitForURL(/\/bibliotek\/program\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { level: 1, name: programTitle }).waitFor();
      const steps = page.locator('ol.steps > li');
      expect(await steps.count()).toBe(3);
      // The spacing moved with the steps: the first step starts the program (day 0).
      const texts = (await steps.allInnerTexts()).map((text) => text.replace(/\s+/g, ' '));
      expect(texts[0]).toContain('Grundläggande IT på jobbet');
      expect(texts[0]).toContain(fill(sv.programs.dayN, { day: 0 }));
      expect(texts[1]).toContain('Teams och digitala möten');
      expect(texts[2]).toContain('Trygghetslarm');
      expect(texts[2]).toContain(fill(sv.programs.dayN, { day: 14 }));

      await page.getByLabel(sv.programs.targetType, { exact: true }).selectOption({ label: sv.libraryEnum.assignmentTarget.unit });
      await page.getByLabel(sv.organisation.unit, { exact: true }).selectOption({ label: 'Solgårdens vård- och omsorgsboende (Äldreomsorg)' });
      await page.getByRole('button', { name: sv.programs.assignSubmit, exact: true }).click();
      await page.getByText(fill(sv.programs.assigned, { name: 'Solgårdens vård- och omsorgsboende' })).waitFor();
      const assignments = page.getByRole('table', { name: sv.programs.assignments });
      await assignments.getByRole('rowheader', { name: /^Solgårdens vård- och omsorgsboende/ }).waitFor();
      await assignments.getByRole('button', { name: `${sv.programs.end} Solgårdens vård- och omsorgsboende` }).waitFor();
      await expectAccessible(page, 'program-page');
      await expectNoProblems(hr);
    });
  });

  describe('ambassador overview', () => {
    it('HR sees coverage per unit with flags, appointments and qualifications due, and renews one', async () => {
      const hr = await as('HR');
      const { page } = hr;
      await openNav(page, sv.ambassadors.nav);
      await page.getByRole('heading', { level: 1, name: sv.ambassadors.title }).waitFor();
      await settled(page);
      const coverage = (await (await page.request.get('/api/ambassadors/coverage')).json()) as UnitCoverage[];
      expect(coverage.length).toBeGreaterThan(0);
      // Every unit in a row, with the API's staff per ambassador; flagged units in the notice.
      for (const unit of coverage) {
        const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: unit.unit.name, exact: true }) });
        const text = await row.innerText();
        expect(text).toContain(String(unit.staffCount));
        for (const ambassador of unit.activeAmbassadors) expect(text).toContain(ambassador.person.name);
      }
      // The totals above the units count each person once (the API's totals), not the sum of the units' staff.
      const totals = (await (await page.request.get('/api/ambassadors/coverage-totals')).json()) as CoverageTotals;
      expect(totals.staffCount).toBeLessThanOrEqual(coverage.reduce((sum, unit) => sum + unit.staffCount, 0));
      const stat = (label: string) =>
        page
          .locator('dl.stats > div')
          .filter({ has: page.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) }) })
          .getByRole('definition');
      const number = (value: number) => new Intl.NumberFormat('sv-SE').format(value);
      expect(await stat(sv.ambassadors.staff).innerText()).toBe(number(totals.staffCount));
      expect(await stat(sv.ambassadors.activeAmbassadors).innerText()).toBe(number(totals.activeAmbassadors));
      expect(await stat(sv.ambassadors.staffPerAmbassador).innerText()).toBe(totals.staffPerAmbassador === null ? '–' : number(totals.staffPerAmbassador));
      const leaving = coverage.filter((unit) => unit.flags.includes('ambassadors_leaving' as never));
      expect(leaving.length).toBeGreaterThan(0);
      const attention = page
        .getByRole('note')
        .filter({ hasText: fill(sv.ambassadors.coverage.attention, { count: coverage.filter((unit) => unit.flags.length).length }) });
      await attention.waitFor();
      for (const unit of leaving) await attention.getByText(unit.unit.name, { exact: false }).waitFor();
      await expectAccessible(page, 'ambassadors-hr');

      // The qualification that runs out within 60 days is listed as due and renewed here.
      const due = page.getByRole('note').filter({ hasText: fill(sv.ambassadors.qualifications.dueCount, { count: 1, days: 60 }) });
      await due.waitFor();
      const dueItem = page.locator('li.due').first();
      await dueItem.getByRole('button', { name: new RegExp(`^${sv.ambassadors.qualifications.renew}`) }).click();
      await page.getByRole('button', { name: sv.ambassadors.qualifications.renew, exact: true }).click();
      await page
        .getByRole('status')
        .filter({ hasText: sv.ambassadors.qualifications.renewed.split(':')[0] })
        .waitFor();
      // The renewed qualification is marked as such and offers no second renewal.
      await page.getByText(sv.ambassadors.qualifications.isRenewed, { exact: true }).first().waitFor();
      await page
        .getByRole('note')
        .filter({ hasText: fill(sv.ambassadors.qualifications.dueCount, { count: 1, days: 60 }) })
        .waitFor({ state: 'detached' });
      await expectNoProblems(hr);
    });

    it('HR opens the cascade: who trained whom, each ambassador’s reach and the month’s hours against the allocation', async () => {
      const hr = await as('HR');
      const { page } = hr;
      await openNav(page, sv.ambassadors.nav);
      await page.getByRole('link', { name: sv.cascade.link, exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/ombud/spridning');
      await page.getByRole('heading', { level: 1, name: sv.cascade.title }).waitFor();
      await settled(page);
      const reach = (await (await page.request.get('/api/ambassadors/reach')).json()) as AmbassadorReach[];
      expect(reach.length).toBeGreaterThan(0);
      const reachTable = page.getByRole('table', { name: sv.cascade.reach });
      for (const entry of reach) {
        const row = reachTable.getByRole('row').filter({ has: page.getByRole('rowheader', { name: entry.person.name, exact: true }) });
        expect((await row.getByRole('cell').first().innerText()).trim()).toBe(String(entry.colleaguesReached));
      }
      const month = new Date().toISOString().slice(0, 7);
      const workload = (await (await page.request.get(`/api/ambassadors/workload?month=${month}`)).json()) as AmbassadorWorkload[];
      const workloadTable = page.getByRole('table', { name: sv.cascade.workload });
      await workloadTable.getByRole('rowheader', { name: workload[0].person.name, exact: true }).waitFor();
      expect(await workloadTable.locator('tbody tr').count()).toBe(workload.length);
      await expectAccessible(page, 'cascade');
      await expectNoProblems(hr);
    });

    it('a unit manager sees only their own units; filtering by unit keeps it in the address', async () => {
      const manager = await as('Enhetschef');
      const { page } = manager;
      await openNav(page, sv.ambassadors.nav);
      await settled(page);
      const coverage = (await (await page.request.get('/api/ambassadors/coverage')).json()) as UnitCoverage[];
      const rowHeaders = page.getByRole('table').getByRole('rowheader');
      const unitNames = coverage.map((unit) => unit.unit.name);
      for (const name of unitNames) await page.getByRole('rowheader', { name, exact: true }).waitFor();
      expect(await page.getByRole('rowheader', { name: 'Hemtjänst Norr', exact: true }).count()).toBe(unitNames.includes('Hemtjänst Norr') ? 1 : 0);
      // At least one row per unit (waited for: the page may still be re-rendering under load).
      await rowHeaders.nth(unitNames.length - 1).waitFor();
      await page.getByLabel(sv.ambassadors.unitFilter, { exact: true }).selectOption({ index: 1 });
      await page.waitForURL((url) => url.searchParams.has('unitId'));
      await expectAccessible(page, 'ambassadors-manager');
      await expectNoProblems(manager);
    });

    it('a network coordinator sees counts per organisation, and a provider without ambassadors stands out', async () => {
      const coordinator = await as('Nätverkssamordnare');
      const { page } = coordinator;
      await openNav(page, sv.ambassadors.nav);
      const table = page.getByRole('table', { name: sv.ambassadors.network.title });
      const provider = table.getByRole('row').filter({ hasText: 'Omsorgshuset Väst AB' });
      await provider.getByText(sv.ambassadors.needsAttention).waitFor();
      await table.getByRole('row').filter({ hasText: 'Älvstads kommun' }).waitFor();

      // The cascade per organisation: the API's counts in the table, and no names in either.
      const reachResponse = await page.request.get('/api/ambassadors/network-reach');
      expect(reachResponse.status()).toBe(200);
      const reach = (await reachResponse.json()) as NetworkReach[];
      const alvstad = reach.find((row) => row.organisationName === 'Älvstads kommun');
      expect(alvstad?.ambassadors).toBeGreaterThan(0);
      const reachTable = page.getByRole('table', { name: sv.ambassadors.network.reachTitle });
      for (const row of reach) {
        const cells = reachTable
          .getByRole('row')
          .filter({ has: page.getByRole('rowheader', { name: row.organisationName, exact: true }) })
          .getByRole('cell');
        const texts = (await cells.allInnerTexts()).map((text) => text.trim());
        expect([texts[0], texts[1], texts[2], texts[3], texts[6]]).toEqual(
          [row.ambassadors, row.trainedAmbassadors, row.trainers, row.sessionsDelivered, row.colleaguesReached].map(String),
        );
      }
      expect(JSON.stringify(reach)).not.toMatch(/"(person|name|firstName)"/);
      // No people of any organisation on this page.
      expect(await page.getByRole('table', { name: sv.ambassadors.appointments.title }).count()).toBe(0);
      await expectAccessible(page, 'ambassadors-coordinator');
      await expectNoProblems(coordinator);
    });

    it('an ambassador sees their own appointment and the modules they may deliver', async () => {
      const ambassador = await as('Digitaliseringsombud');
      const { page } = ambassador;
      await openNav(page, sv.ambassadors.nav);
      const mine = page.getByRole('region', { name: sv.ambassadors.mine.title });
      await mine.getByText('Solgårdens vård- och omsorgsboende', { exact: false }).first().waitFor();
      await mine.getByRole('link', { name: 'Teams och digitala möten' }).waitFor();
      await expectAccessible(page, 'ambassadors-own');
      await expectNoProblems(ambassador);
    });

    it('the start page flags the units without cover to HR and to a unit manager, each for their own units', async () => {
      for (const role of ['HR', 'Enhetschef']) {
        const person = await as(role);
        const { page } = person;
        const coverage = (await (await page.request.get('/api/ambassadors/coverage')).json()) as UnitCoverage[];
        const flagged = coverage.filter((unit) => unit.flags.length > 0);
        await page.goto('/');
        await page.getByRole('heading', { level: 1 }).waitFor();
        const alert = page.getByRole('region', { name: fill(sv.ambassadors.alert.title, { count: flagged.length }) });
        if (role === 'HR') expect(flagged.length).toBeGreaterThan(0);
        if (flagged.length === 0) {
          // Once every answer is in, no alert came.
          await page.waitForLoadState('networkidle');
          expect(await page.getByRole('region', { name: new RegExp(sv.ambassadors.alert.title.replace(/\{count\}/, '\\d+')) }).count()).toBe(0);
        } else {
          await alert.waitFor();
          for (const unit of flagged) await alert.getByRole('link', { name: unit.unit.name, exact: true }).waitFor();
          expect(await alert.getByRole('listitem').count()).toBe(flagged.length);
          // Units the person does not see are never in it.
          const seen = new Set(coverage.map((unit) => unit.unit.name));
          for (const name of await alert.getByRole('link').allInnerTexts()) expect(seen.has(name.trim())).toBe(true);
          await expectAccessible(page, `home-coverage-alert-${role}`);
          await alert.getByRole('link', { name: flagged[0].unit.name, exact: true }).click();
          await page.waitForURL((url) => url.pathname === '/ombud' && url.searchParams.get('unitId') === flagged[0].unit.id);
        }
        await expectNoProblems(person);
      }
    });

    describe('appointing, qualifying, renewing and ending', () => {
      let unit: UnitCoverage;
      let other: UnitCoverage;
      let person: PersonSummary;
      const name = () => `${person.firstName} ${person.lastName}`;

      it('HR appoints a colleague as ambassador for two units with a percentage of the post', async () => {
        const hr = await as('HR');
        const { page } = hr;
        await openNav(page, sv.ambassadors.nav);
        await page.getByRole('heading', { level: 1, name: sv.ambassadors.title }).waitFor();
        await settled(page);
        // A unit that needs an ambassador (flagged), and a second unit; someone of the first who is no ambassador now.
        const coverage = (await (await page.request.get('/api/ambassadors/coverage')).json()) as UnitCoverage[];
        unit = coverage.find((row) => row.flags.length > 0) ?? coverage[0];
        other = coverage.find((row) => row.unit.id !== unit.unit.id) ?? coverage[1];
        const appointed = new Set(
          ((await (await page.request.get('/api/ambassadors/appointments')).json()) as AmbassadorAppointment[]).map((row) => row.person.id),
        );
        const members = (await (await page.request.get(`/api/people?unitId=${unit.unit.id}&limit=200`)).json()) as PersonSummary[];
        // Without an account: no demo sign-in used by other browser tests gets the ambassador role.
        const candidate = members.find((member) => member.active && !member.hasAccount && !appointed.has(member.id));
        if (!candidate) throw new Error(`Nobody to appoint in ${unit.unit.name}`);
        person = candidate;

        const form = page.getByRole('heading', { name: sv.ambassadors.appoint.title }).locator('xpath=..');
        await form.getByLabel(sv.ambassadors.appoint.search, { exact: true }).fill(person.employeeNumber);
        await form.getByRole('button', { name: sv.ambassadors.appoint.searchButton, exact: true }).click();
        await form.getByText(fill(sv.ambassadors.appoint.foundCount, { count: 1 })).waitFor();
        await form.getByLabel(sv.ambassadors.appoint.person, { exact: true }).selectOption({ label: `${name()} (${person.employeeNumber})` });
        await form.getByRole('checkbox', { name: `${unit.unit.name} (${unit.areaName})`, exact: true }).check();
        await form.getByRole('checkbox', { name: `${other.unit.name} (${other.areaName})`, exact: true }).check();
        await form.getByLabel(sv.ambassadors.appoint.kind, { exact: true }).selectOption('percent');
        await form.getByLabel(sv.ambassadors.appoint.value, { exact: true }).fill('10');
        await form.getByLabel(sv.ambassadors.appoint.note, { exact: true }).fill('Utsedd i webbläsartestet');
        await expectAccessible(page, 'ambassadors-appoint-form');
        await form.getByRole('button', { name: sv.ambassadors.appoint.submit, exact: true }).click();
        await page.getByTestId('toast').filter({ hasText: name() }).waitFor();

        const appointments = page.getByRole('table', { name: sv.ambassadors.appointments.title });
        const row = appointments.getByRole('row').filter({ has: page.getByRole('rowheader', { name: name(), exact: true }) });
        await row.getByText(fill(sv.libraryEnum.allocation.percent, { value: 10 })).waitFor();
        expect(await row.innerText()).toContain(unit.unit.name);
        expect(await row.innerText()).toContain(other.unit.name);
        // The unit's coverage row lists the new ambassador, and a unit that had none is no longer flagged for it.
        const coverageRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: unit.unit.name, exact: true }) });
        await coverageRow.getByText(name(), { exact: false }).waitFor();
        const after = (await (await page.request.get(`/api/ambassadors/coverage?unitId=${unit.unit.id}`)).json()) as UnitCoverage[];
        expect(after[0].flags).not.toContain('no_ambassador');
        expect(after[0].activeAmbassadors.map((entry) => entry.person.id)).toContain(person.id);
        await expectNoProblems(hr);
      });

      it('HR qualifies the new ambassador for a module until a day, and renews it', async () => {
        const hr = await as('HR');
        const { page } = hr;
        await openNav(page, sv.ambassadors.nav);
        await settled(page);
        const form = page.getByRole('heading', { name: sv.ambassadors.qualify.title }).locator('xpath=..');
        const ambassadorSelect = form.getByLabel(sv.ambassadors.ambassador, { exact: true });
        await ambassadorSelect.locator('option', { hasText: name() }).waitFor({ state: 'attached' });
        await ambassadorSelect.selectOption({ label: name() });
        const moduleSelect = form.getByLabel(sv.ambassadors.qualify.module, { exact: true });
        await moduleSelect.locator('option', { hasText: 'Trygghetslarm' }).first().waitFor({ state: 'attached' });
        await moduleSelect.selectOption({ label: 'Trygghetslarm' });
        // Ends within the renewal window, so it is due at once.
        const until = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);
        await form.getByLabel(sv.ambassadors.qualify.validUntil, { exact: true }).fill(until);
        await expectAccessible(page, 'ambassadors-qualify-form');
        await form.getByRole('button', { name: sv.ambassadors.qualify.submit, exact: true }).click();
        await page
          .getByTestId('toast')
          .filter({ hasText: `${name()}: Trygghetslarm` })
          .waitFor();

        const qualifications = (await (await page.request.get(`/api/ambassadors/qualifications?personId=${person.id}`)).json()) as AmbassadorQualification[];
        expect(qualifications.map((q) => [q.module.title, q.source, q.validUntil, q.status])).toEqual([['Trygghetslarm', 'explicit', until, 'valid']]);
        const group = page.locator('.person-quals').filter({ has: page.getByRole('heading', { name: name(), exact: true }) });
        await group.getByRole('link', { name: 'Trygghetslarm' }).waitFor();
        await group.getByText(sv.ambassadors.qualifications.due, { exact: true }).waitFor();

        await group.getByRole('button', { name: `${sv.ambassadors.qualifications.renew} – ${name()}, Trygghetslarm` }).click();
        await group.getByRole('button', { name: sv.ambassadors.qualifications.renew, exact: true }).click();
        await group.getByText(sv.ambassadors.qualifications.isRenewed, { exact: true }).waitFor();
        const renewed = (await (await page.request.get(`/api/ambassadors/qualifications?personId=${person.id}`)).json()) as AmbassadorQualification[];
        expect(renewed).toHaveLength(2);
        expect(renewed.some((q) => q.renewsId === qualifications[0].id)).toBe(true);
        await expectAccessible(page, 'ambassadors-qualified');
        await expectNoProblems(hr);
      });

      it('HR ends the appointment: today is its last day', async () => {
        const hr = await as('HR');
        const { page } = hr;
        await openNav(page, sv.ambassadors.nav);
        await settled(page);
        const appointments = page.getByRole('table', { name: sv.ambassadors.appointments.title });
        const row = appointments.getByRole('row').filter({ has: page.getByRole('rowheader', { name: name(), exact: true }) });
        await row.getByRole('button', { name: `${sv.ambassadors.end.button} – ${name()}` }).click();
        const lastDay = await row.getByLabel(sv.ambassadors.end.lastDay, { exact: true }).inputValue();
        await expectAccessible(page, 'ambassadors-end-form');
        await row.getByRole('button', { name: sv.ambassadors.end.submit, exact: true }).click();
        await page.getByTestId('toast').filter({ hasText: name() }).waitFor();
        const [appointment] = (await (
          await page.request.get(`/api/ambassadors/appointments?personId=${person.id}&includeEnded=true`)
        ).json()) as AmbassadorAppointment[];
        expect(appointment.endDate).toBe(lastDay);
        // Ending today is announced on the coverage: the unit's ambassador leaves within 60 days.
        const coverage = (await (await page.request.get(`/api/ambassadors/coverage?unitId=${other.unit.id}`)).json()) as UnitCoverage[];
        expect(coverage[0].activeAmbassadors.find((entry) => entry.person.id === person.id)?.leavesOn).toBe(lastDay);
        await expectNoProblems(hr);
      });
    });
  });
});
