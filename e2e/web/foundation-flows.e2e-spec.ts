import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, newContext, PageProblems, pageProblems } from './browser';
import { account, DemoAccount, en, fillSignIn, signIn, sv } from './demo';
import { openFromNav } from './nav';

/**
 * The foundation's flows in a real browser, as the people who use them work: an administrator browses the
 * organisation and adds a colleague to a unit, gives a one-time code; the colleague redeems it at /kod, changes
 * password and language on My account; the administrator moves the colleague (history kept), grants and revokes a
 * role, imports staff from an HR export (the messy Windows-1252 file first, then a clean one, twice); and a
 * forgotten tablet signs itself out. Every page is checked with axe and must run without CSP or console errors.
 *
 * The tests of the first block build on each other (one colleague's life in Kunna), in order.
 */

const UNIT = 'Solgårdens vård- och omsorgsboende';
const OTHER_UNIT = 'Ekbackens vård- och omsorgsboende';
const ORGANISATION = 'Älvstads kommun';
const MESSY_FILE = path.resolve(__dirname, '../../api/src/imports/test-files/messy-windows1252-semicolon.csv');

/** A run-unique suffix, so repeated runs against one database never clash on employee numbers. */
const RUN = Date.now().toString(36).slice(-5).toUpperCase();

/** Calendar dates as the app writes them (its own formatting: Swedish, short month). */
function svDate(day: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { year: 'numeric', month: 'short', day: 'numeric' }).format(day);
}
function isoDate(day: Date): string {
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

describe('Kunna in the browser: the foundation’s flows', () => {
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

  async function expectNoProblems(target: Page = page, seen: PageProblems = problems): Promise<void> {
    expect(await pageProblems(target, seen)).toEqual([]);
  }

  async function nav(target: Page, name: string): Promise<void> {
    await openFromNav(target, name);
  }

  /** Text of the rows of a table body, one string per row. */
  async function rowTexts(table: Locator): Promise<string[]> {
    return (await table.locator('tbody tr').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
  }

  /** The cells of each body row (header cell first), whitespace normalised. */
  async function rowCells(table: Locator): Promise<string[][]> {
    const rows: string[][] = [];
    for (const row of await table.locator('tbody tr').all()) {
      rows.push((await row.locator('th, td').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim()));
    }
    return rows;
  }

  describe('a new colleague, from the unit page to their own account', () => {
    const colleague = {
      firstName: 'Nora',
      lastName: `Testberg${RUN}`,
      employeeNumber: `E2E${RUN}`,
      password: 'Kaffe-och-kanelbulle-7',
      newPassword: 'Fika-i-personalrummet-9',
      code: '',
      personPath: '',
    };
    const signInAsColleague = (password: string): Promise<void> =>
      (async () => {
        await page.goto('/logga-in');
        await page.getByRole('heading', { level: 1, name: sv.signIn.title }).waitFor();
        const who: DemoAccount = { role: 'Medarbetare', identifier: colleague.employeeNumber, organisationName: ORGANISATION, description: '' };
        await fillSignIn(page, who, password);
        await page.waitForURL((url) => url.pathname === '/');
      })();

    it('an administrator browses the organisation tree, opens a unit and adds a person without e-mail', async () => {
      await signIn(page, account('Organisationsadmin', /Älvstad/));
      await nav(page, sv.nav.organisation);
      await page.getByRole('heading', { level: 1, name: sv.organisation.title }).waitFor();
      await page.getByRole('link', { name: UNIT, exact: true }).waitFor();
      await expectAccessible(page, 'organisation-tree');

      // The filter narrows the tree to matching units.
      await page.getByLabel(sv.organisation.filter).fill('Ekback');
      await page.getByRole('link', { name: UNIT, exact: true }).waitFor({ state: 'detached' });
      await page.getByRole('link', { name: OTHER_UNIT, exact: true }).waitFor();
      await page.getByLabel(sv.organisation.filter).fill('');
      await page.getByRole('link', { name: UNIT, exact: true }).click();

      await page.waitForURL((url) => url.pathname.startsWith('/enheter/'));
      await page.getByRole('heading', { level: 1, name: UNIT }).waitFor();
      const staff = page.getByRole('table', { name: sv.unit.staffIn.replace('{name}', UNIT) });
      await staff.locator('tbody tr').first().waitFor();
      const before = (await rowTexts(staff)).length;
      expect(before).toBeGreaterThan(5);
      await expectAccessible(page, 'unit-page');

      await page.getByRole('button', { name: sv.unit.addPerson, exact: true }).click();
      const form = page.locator('k-person-form');
      // Required fields are checked before anything is sent.
      await form.getByRole('button', { name: sv.unit.addSubmit, exact: true }).click();
      await form.getByText(sv.person.form.missing).first().waitFor();
      expect(await form.getByLabel(`${sv.person.firstName} *`).getAttribute('aria-invalid')).toBe('true');
      await expectAccessible(page, 'unit-add-person-missing');

      await form.getByLabel(`${sv.person.firstName} *`).fill(colleague.firstName);
      await form.getByLabel(`${sv.person.lastName} *`).fill(colleague.lastName);
      await form.getByLabel(`${sv.person.roleTitle} *`).fill('undersköterska');
      await form.getByLabel(`${sv.person.employmentType} *`).selectOption({ label: sv.employment.substitute });
      // An employee number already in use: the server's answer is shown beside the field.
      await form.getByLabel(`${sv.person.employeeNumber} *`).fill('A1004');
      await form.getByRole('button', { name: sv.unit.addSubmit, exact: true }).click();
      await form.getByText('Anställningsnumret A1004 finns redan i organisationen.').waitFor();
      expect(await form.getByLabel(`${sv.person.employeeNumber} *`).getAttribute('aria-invalid')).toBe('true');

      await form.getByLabel(`${sv.person.employeeNumber} *`).fill(colleague.employeeNumber);
      await form.getByRole('button', { name: sv.unit.addSubmit, exact: true }).click();
      const fullName = `${colleague.firstName} ${colleague.lastName}`;
      await page
        .getByRole('status')
        .filter({ hasText: sv.unit.added.replace('{name}', fullName) })
        .waitFor();
      const link = staff.getByRole('link', { name: `${colleague.lastName}, ${colleague.firstName}` });
      await link.waitFor();
      expect((await rowTexts(staff)).length).toBe(before + 1);
      const row = staff.locator('tbody tr').filter({ hasText: colleague.employeeNumber });
      expect(await row.innerText()).toContain(sv.person.noAccount);
      expect(await row.innerText()).toContain(sv.employment.substitute);
      colleague.personPath = (await link.getAttribute('href')) ?? '';
      expect(colleague.personPath).toMatch(/^\/personer\/[0-9a-f-]{36}$/);

      // A sign-in code for the person without e-mail, shown once in a dialog.
      await row.getByRole('button', { name: new RegExp(`^${sv.code.issueFirst}`) }).click();
      const dialog = page.getByRole('dialog', { name: sv.code.title.replace('{name}', fullName) });
      await dialog.waitFor();
      colleague.code = (await dialog.getByTestId('one-time-code').innerText()).trim();
      expect(colleague.code.length).toBeGreaterThanOrEqual(8);
      expect(await dialog.innerText()).toContain(colleague.employeeNumber);
      await expectAccessible(page, 'one-time-code-dialog');
      await dialog.getByRole('button', { name: sv.code.done, exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
      await expectNoProblems();
    });

    it('the colleague redeems the one-time code at /kod, chooses a password and is signed in', async () => {
      expect(colleague.code).not.toBe('');
      await page.goto('/kod');
      await page.getByRole('heading', { level: 1, name: sv.redeem.title }).waitFor();
      await expectAccessible(page, 'redeem-code');

      // A mistyped code says so, and the passwords must match before anything is sent.
      await page.getByLabel(sv.redeem.code, { exact: true }).fill('FELKOD-1234');
      await page.getByLabel(sv.redeem.newPassword, { exact: true }).fill(colleague.password);
      await page.getByLabel(sv.password.repeat, { exact: true }).fill(`${colleague.password}x`);
      await page.getByRole('button', { name: sv.redeem.submit, exact: true }).click();
      await page.getByText(sv.password.mismatch).waitFor();
      await page.getByLabel(sv.password.repeat, { exact: true }).fill(colleague.password);
      await page.getByRole('button', { name: sv.redeem.submit, exact: true }).click();
      await page.getByTestId('redeem-error').filter({ hasText: sv.redeem.invalidCode }).waitFor();
      await expectAccessible(page, 'redeem-code-invalid');

      await page.getByLabel(sv.redeem.code, { exact: true }).fill(colleague.code.toLowerCase());
      await page.getByRole('button', { name: sv.redeem.submit, exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await page.getByRole('heading', { level: 1, name: `Hej ${colleague.firstName}!` }).waitFor();
      await page.getByText(UNIT).first().waitFor();
      await expectAccessible(page, 'home-after-redeem');

      // The code worked once only.
      const again = await page.evaluate(async (code) => {
        const response = await fetch('/api/auth/redeem', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ code, newPassword: 'Ett-helt-annat-lösen-1' }),
        });
        return response.status;
      }, colleague.code);
      expect(again).toBe(404);
      await expectNoProblems();
    });

    it('on My account the colleague changes password and language; the choice follows them to another device', async () => {
      await signInAsColleague(colleague.password);
      await nav(page, sv.nav.account);
      await page.getByRole('heading', { level: 1, name: sv.account.title }).waitFor();
      await page.getByRole('table', { name: sv.account.sessions.title }).locator('tbody tr').first().waitFor();
      await expectAccessible(page, 'my-account');

      // By id: the labels change language half-way through this test.
      const current = page.locator('#current-password');
      const next = page.locator('#account-new-password');
      const repeat = page.locator('#account-repeat-password');
      expect(await page.getByLabel(sv.account.password.current, { exact: true }).count()).toBe(1);
      // A wrong current password is named by the server beside the field.
      await current.fill('Inte-mitt-lösenord-1');
      await next.fill(colleague.newPassword);
      await repeat.fill(colleague.newPassword);
      await page.getByRole('button', { name: sv.account.password.submit, exact: true }).click();
      await page.locator('#current-password-error').filter({ hasText: 'Nuvarande lösenord stämmer inte.' }).waitFor();
      expect(await current.getAttribute('aria-invalid')).toBe('true');
      await expectAccessible(page, 'my-account-wrong-password');

      await current.fill(colleague.password);
      await page.getByRole('button', { name: sv.account.password.submit, exact: true }).click();
      await page.getByRole('status').filter({ hasText: sv.account.password.changed }).waitFor();
      expect(await current.inputValue()).toBe('');

      // Language: saved on the person's own record (staff may set their own), the page switches at once.
      await page.getByLabel(sv.person.preferredLanguage, { exact: true }).selectOption('en');
      await page.getByRole('button', { name: sv.common.save, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: en.account.title }).waitFor();
      await page.getByRole('status').filter({ hasText: en.account.language.saved }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      // Server messages follow: a wrong current password now gets an English answer.
      await current.fill('Still-not-my-password-2');
      await next.fill('Ett-tredje-lösenord-3');
      await repeat.fill('Ett-tredje-lösenord-3');
      await page.getByRole('button', { name: en.account.password.submit, exact: true }).click();
      await page.locator('#current-password-error').filter({ hasText: 'The current password is not right.' }).waitFor();
      await expectAccessible(page, 'my-account-english');
      await expectNoProblems();

      // Another device (nothing stored there): the old password no longer works, the new one does, in English.
      const other = await newContext(browser);
      try {
        await other.page.goto('/logga-in');
        const who: DemoAccount = { role: 'Medarbetare', identifier: colleague.employeeNumber, organisationName: ORGANISATION, description: '' };
        await fillSignIn(other.page, who, colleague.password);
        await other.page.getByTestId('sign-in-error').filter({ hasText: sv.signIn.failed }).waitFor();
        await other.page.getByLabel(sv.signIn.password, { exact: true }).fill(colleague.newPassword);
        await other.page.getByRole('button', { name: sv.signIn.submit, exact: true }).click();
        await other.page.waitForURL((url) => url.pathname === '/');
        await other.page.getByRole('heading', { level: 1, name: `Hello ${colleague.firstName}!` }).waitFor();
        expect(await other.page.evaluate(() => document.documentElement.lang)).toBe('en');
        await expectNoProblems(other.page, other.problems);
      } finally {
        await other.context.close();
      }
    });

    it('the administrator sees the person’s history, and moving them keeps it', async () => {
      expect(colleague.personPath).not.toBe('');
      await signIn(page, account('Organisationsadmin', /Älvstad/));
      await page.goto(colleague.personPath);
      await page.getByRole('heading', { level: 1, name: `${colleague.firstName} ${colleague.lastName}` }).waitFor();
      const history = page.getByRole('table', { name: sv.person.memberships });
      await history.locator('tbody tr').first().waitFor();
      const today = new Date();
      // Unit (with a "now" badge for the membership in force), from, to.
      const now = (unit: string) => expect.stringMatching(new RegExp(`^${unit}\\s*${sv.person.current}$`));
      expect(await rowCells(history)).toEqual([[now(UNIT), svDate(today), sv.person.ongoing]]);
      await expectAccessible(page, 'person-page');

      await page.getByRole('button', { name: sv.person.move.title, exact: true }).click();
      await page.getByLabel(sv.person.move.to, { exact: true }).selectOption({ label: OTHER_UNIT });
      // Moving today is refused (the person started today: the old membership would end before it began),
      // so the move is planned for tomorrow, as a manager would do for a change of workplace.
      const tomorrow = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1);
      await page.getByLabel(sv.person.move.date, { exact: true }).fill(isoDate(tomorrow));
      await page.getByRole('button', { name: sv.person.move.submit, exact: true }).click();
      await page
        .getByRole('status')
        .filter({ hasText: sv.person.move.done.replace('{name}', `${colleague.firstName} ${colleague.lastName}`) })
        .waitFor();
      expect(await rowCells(history)).toEqual([
        [OTHER_UNIT, svDate(tomorrow), sv.person.ongoing],
        [now(UNIT), svDate(today), svDate(today)],
      ]);
      await expectAccessible(page, 'person-page-after-move');

      // The receiving unit already lists the person as starting later (its managers can prepare).
      await history.getByRole('link', { name: OTHER_UNIT, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: OTHER_UNIT }).waitFor();
      const joining = page.getByRole('table', { name: sv.unit.joiningIn.replace('{name}', OTHER_UNIT) });
      await joining.locator('tbody tr').first().waitFor();
      const joiner = (await rowCells(joining)).filter((cells) => cells[0].includes(colleague.employeeNumber));
      expect(joiner).toEqual([
        [
          expect.stringMatching(new RegExp(`^${colleague.lastName}, ${colleague.firstName}\\s*${colleague.employeeNumber}$`)),
          svDate(tomorrow),
          'undersköterska',
          sv.person.hasAccount,
          expect.stringContaining(sv.code.issueReset),
        ],
      ]);
      // Not yet among the unit's staff.
      const staff = page.getByRole('table', { name: sv.unit.staffIn.replace('{name}', OTHER_UNIT) });
      expect(await staff.getByText(colleague.employeeNumber).count()).toBe(0);
      await expectAccessible(page, 'unit-page-joining');
      await expectNoProblems();
    });

    it('on Users and roles the administrator finds the person, grants a role and revokes it', async () => {
      await signIn(page, account('Organisationsadmin', /Älvstad/));
      await nav(page, sv.nav.users);
      await page.getByRole('heading', { level: 1, name: sv.admin.users.title }).waitFor();
      await page
        .getByRole('status')
        .filter({ hasText: /Visar \d+ av \d+ personer/ })
        .waitFor();
      await expectAccessible(page, 'users-page');

      await page.getByLabel(sv.admin.users.search, { exact: true }).fill(colleague.employeeNumber);
      await page.getByRole('button', { name: sv.admin.users.searchButton, exact: true }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Visar 1 av 1 person för ”${colleague.employeeNumber}”.` })
        .waitFor();
      await page.getByRole('link', { name: `${colleague.lastName}, ${colleague.firstName}` }).click();
      await page.getByRole('heading', { level: 1, name: `${colleague.firstName} ${colleague.lastName}` }).waitFor();

      const roles = page.getByRole('region', { name: sv.person.roles });
      await roles.getByText(sv.roles.none).waitFor();
      await roles.getByRole('button', { name: sv.roles.admin.assignTitle, exact: true }).click();
      await roles.getByLabel(sv.roles.admin.role, { exact: true }).selectOption({ label: sv.role.ambassador });
      // The scope's label names the kind of scope once a role is chosen ("Gäller för (enhet)").
      await roles
        .locator('label[for="assign-scope"]')
        .filter({ hasText: sv.roles.admin.scopeOf.replace('{scope}', sv.scopeType.unit) })
        .waitFor();
      await roles.locator('#assign-scope').selectOption({ label: UNIT });
      await expectAccessible(page, 'person-roles-assign');
      await roles.getByRole('button', { name: sv.roles.admin.assign, exact: true }).click();
      const assigned = sv.roles.admin.assigned.replace('{role}', sv.role.ambassador).replace('{scope}', UNIT);
      await page.getByRole('status').filter({ hasText: assigned }).waitFor();
      const grant = roles.getByRole('listitem').filter({ hasText: `${sv.role.ambassador} · ${UNIT}` });
      await grant.waitFor();

      await grant.getByRole('button', { name: `${sv.roles.admin.revoke} – ${sv.role.ambassador} – ${UNIT}` }).click();
      // The shared confirmation dialog (CDK) names the role and asks first.
      const confirmation = page.getByRole('alertdialog', { name: sv.roles.admin.confirmRevoke });
      await confirmation.getByText(`${sv.role.ambassador} – ${UNIT}`).waitFor();
      await expectAccessible(page, 'person-roles-confirm-revoke');
      await confirmation.getByRole('button', { name: sv.roles.admin.revokeConfirm }).click();
      await page
        .getByRole('status')
        .filter({ hasText: sv.roles.admin.revoked.replace('{role}', `${sv.role.ambassador} – ${UNIT}`) })
        .waitFor();
      await grant.waitFor({ state: 'detached' });
      await roles.getByText(sv.roles.none).waitFor();
      await expectAccessible(page, 'person-roles-revoked');
      await expectNoProblems();
    });
  });

  describe('importing staff from an HR export', () => {
    async function chooseFile(file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
      await page.getByLabel(sv.imports.file.label, { exact: true }).setInputFiles(file);
      await page.getByRole('button', { name: sv.imports.file.preview, exact: true }).click();
      await page.getByRole('heading', { name: sv.imports.preview.title }).waitFor();
    }

    async function toCheck(): Promise<void> {
      await page.getByRole('button', { name: sv.imports.preview.next, exact: true }).click();
      await page.getByRole('heading', { level: 2, name: sv.imports.mapping.title }).waitFor();
      await page.getByRole('button', { name: sv.imports.mapping.dryRun, exact: true }).click();
      await page.getByRole('heading', { level: 2, name: sv.imports.check.title }).waitFor();
    }

    /** The five figures of an import, by label. */
    async function counts(): Promise<Record<string, string>> {
      const figures: Record<string, string> = {};
      for (const item of await page.locator('k-import-counts dl > div').all()) {
        figures[(await item.locator('dt').innerText()).trim()] = (await item.locator('dd').innerText()).trim();
      }
      return figures;
    }

    it('the messy Windows-1252 file: the dry run names each bad line and column and saves nothing; a clean file is imported once', async () => {
      await signIn(page, account('HR'));
      await nav(page, sv.nav.import);
      await page.getByRole('heading', { level: 1, name: sv.imports.title }).waitFor();
      await expectAccessible(page, 'import-file');

      await chooseFile(MESSY_FILE);
      const stats = page.locator('dl.stats');
      expect(await stats.innerText()).toContain('Windows-1252');
      expect(await stats.innerText()).toContain(sv.imports.preview.semicolon);
      // Å, Ä and Ö read right from the Windows-1252 bytes.
      await page.getByRole('cell', { name: 'Göran', exact: true }).first().waitFor();
      await page.getByRole('cell', { name: 'Örjan', exact: true }).waitFor();
      await expectAccessible(page, 'import-preview');

      await toCheck();
      await page
        .getByRole('alert')
        .filter({ hasText: /problem på \d+ rader/ })
        .waitFor();
      const table = page.getByRole('table', { name: sv.imports.check.allProblems });
      const rows = await rowTexts(table);
      // Positions counted by hand in the file (see api/src/imports/test-files/generate.mjs). In the demo
      // organisation no unit has the file's codes, so unknown units are listed too.
      const at = (line: number, column: string, position: number | null, message: string) =>
        `${line} ${column}${position === null ? '' : ` ${sv.imports.check.position.replace('{column}', String(position))}`} ${message}`;
      expect(rows).toEqual(
        expect.arrayContaining([
          at(4, 'Startdatum', 80, '"5/1/2024" är inte ett giltigt datum. Skriv datum som ÅÅÅÅ-MM-DD, till exempel 2024-01-05.'),
          expect.stringMatching(/^5 Anst\.nr tecken 1 på raden .*finns redan på rad 2/),
          expect.stringMatching(/^7 E-post tecken 19 på raden /),
          expect.stringMatching(/^7 Anställningsform tecken 39 på raden /),
          expect.stringMatching(/^8 Slutdatum tecken 81 på raden /),
          expect.stringMatching(/^10 Efternamn tecken 11 på raden /),
          expect.stringMatching(/^11 – tecken 15 på raden /),
          expect.stringMatching(/^12 Befattning tecken 47 på raden /),
          expect.stringMatching(/^14 – tecken 106 på raden /),
        ]),
      );
      // Every problem names its line; nothing is offered to run.
      for (const row of rows) expect(row).toMatch(/^\d+ /);
      expect(await page.getByRole('button', { name: sv.imports.check.run }).count()).toBe(0);
      expect(await page.getByText(sv.imports.check.nothingSaved).count()).toBe(1);
      await expectAccessible(page, 'import-dry-run-problems');

      // A clean file with two new people in a demo unit: dry run, then the real import.
      const number = (n: number) => `IMP${RUN}${n}`;
      const csv = [
        'Anställningsnummer;Förnamn;Efternamn;Befattning;Anställningsform;Startdatum;Enhetskod',
        `${number(1)};Åsa;Importsson${RUN};Undersköterska;Vikarie;2025-03-01;AO-SOL`,
        `${number(2)};Örjan;Importsson${RUN};Vårdbiträde;Tillsvidare;2024-11-15;AO-SOL`,
        '',
      ].join('\r\n');
      const clean = { name: 'personal.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') };
      await page.getByRole('button', { name: sv.imports.check.newFile, exact: true }).click();
      await chooseFile(clean);
      expect(await page.locator('dl.stats').innerText()).toContain('UTF-8');
      await toCheck();
      await page.getByRole('status').filter({ hasText: sv.imports.check.noProblems }).waitFor();
      expect(await counts()).toEqual({
        [sv.imports.counts.toCreate]: '2',
        [sv.imports.counts.toUpdate]: '0',
        [sv.imports.counts.unchanged]: '0',
        [sv.imports.counts.toEnd]: '0',
        [sv.imports.counts.unitsToCreate]: '0',
      });
      await expectAccessible(page, 'import-dry-run-clean');
      await page.getByRole('button', { name: sv.imports.check.run, exact: true }).click();
      await page.getByRole('heading', { level: 2, name: sv.imports.done.title }).waitFor();
      await page.getByRole('status').filter({ hasText: sv.imports.done.ok }).waitFor();
      expect(await counts()).toEqual({
        [sv.imports.counts.created]: '2',
        [sv.imports.counts.updated]: '0',
        [sv.imports.counts.unchanged]: '0',
        [sv.imports.counts.ended]: '0',
        [sv.imports.counts.unitsCreated]: '0',
      });
      await expectAccessible(page, 'import-done');

      // The same file again changes nothing (idempotent by employee number).
      await page.getByRole('button', { name: sv.imports.done.another, exact: true }).click();
      await chooseFile(clean);
      await toCheck();
      await page.getByRole('status').filter({ hasText: sv.imports.check.noProblems }).waitFor();
      expect((await counts())[sv.imports.counts.unchanged]).toBe('2');
      expect((await counts())[sv.imports.counts.toCreate]).toBe('0');

      // The imported people are on the unit page.
      await nav(page, sv.nav.organisation);
      await page.getByRole('link', { name: UNIT, exact: true }).click();
      const staff = page.getByRole('table', { name: sv.unit.staffIn.replace('{name}', UNIT) });
      await staff.getByText(`Importsson${RUN}, Åsa`).waitFor();
      await staff.getByText(`Importsson${RUN}, Örjan`).waitFor();
      await expectNoProblems();
    });
  });

  describe('a shared tablet left signed in', () => {
    it('signs out after the idle timeout (activity postpones it), and shows nothing of the person', async () => {
      // The page's clock is under the test's control: half an hour passes in an instant, no sleeping.
      await page.clock.install();
      const staff = account('Medarbetare');
      await signIn(page, staff);
      const greeting = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
      const firstName = /^Hej (.+)!$/.exec(greeting)?.[1] ?? '';
      expect(firstName.length).toBeGreaterThan(1);
      const idleSeconds = await page.evaluate(async () => ((await (await fetch('/api/auth/me')).json()) as { idleTimeoutSeconds: number }).idleTimeoutSeconds);
      expect(idleSeconds).toBe(30 * 60);

      // Almost the whole timeout, then someone touches the screen: the countdown starts again.
      await page.clock.fastForward((idleSeconds - 60) * 1000);
      await page.getByRole('heading', { level: 1, name: greeting }).waitFor();
      await page.keyboard.press('Shift');
      await page.clock.fastForward((idleSeconds - 60) * 1000);
      expect(new URL(page.url()).pathname).toBe('/');
      await page.getByRole('heading', { level: 1, name: greeting }).waitFor();

      // Then nobody: the timeout passes and the tablet signs out by itself.
      await page.clock.fastForward(61 * 1000);
      await page.waitForURL((url) => url.pathname === '/logga-in' && url.searchParams.get('orsak') === 'idle');
      await page.getByRole('status').filter({ hasText: sv.errors.sessionEnded }).waitFor();
      expect(await page.locator('body').innerText()).not.toContain(firstName);
      expect(await page.evaluate(async () => (await fetch('/api/auth/me')).status)).toBe(401);
      expect((await context.cookies()).filter((cookie) => cookie.name.includes('kunna_session'))).toEqual([]);
      await expectAccessible(page, 'idle-signed-out');
      await expectNoProblems();
    });
  });
});

// The messy file must stay what the dry-run expectations above were counted against.
if (!fs.existsSync(MESSY_FILE)) throw new Error(`missing ${MESSY_FILE}`);
