import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { en } from '../../web/src/app/i18n/en';
import { insightPagesSv } from '../../web/src/app/i18n/insight-pages.sv';
import { signedInSv } from '../../web/src/app/i18n/signed-in.sv';
import { sv as firstDownload } from '../../web/src/app/i18n/sv';

/** Every Swedish text, including those that come with a feature's chunk (I18n.addSwedish). */
const sv = { ...firstDownload, ...insightPagesSv, ...signedInSv };

export { en, sv };

export interface DemoAccount {
  /** As printed by the server, e.g. "Enhetschef". */
  role: string;
  /** E-mail, or employee number for the person without e-mail. */
  identifier: string;
  /** Set when signing in with an employee number. */
  organisationName: string | null;
  description: string;
}

/**
 * The demo sign-ins as the server printed them on start (the same list README.md shows):
 *     Enhetschef             emma.lindberg@alvstad.example  (Solgårdens vård- och omsorgsboende)
 *     Medarbetare            A1004 (Älvstads kommun)  (Solgårdens …, utan e-post: …)
 */
export function demoAccounts(): { password: string; accounts: DemoAccount[] } {
  const logFile = process.env['E2E_SERVER_LOG'];
  if (!logFile) throw new Error('E2E_SERVER_LOG is not set: run the browser tests with `npm run e2e:web`.');
  const lines = fs.readFileSync(logFile, 'utf8').split('\n');
  const start = lines.findIndex((line) => line.includes('Demoinloggningar'));
  if (start < 0) throw new Error(`The server printed no demo sign-ins (is KUNNA_DEMO_DATA off?). Output:\n${lines.join('\n')}`);
  const password = /lösenord för alla: ([^)]+)\)/.exec(lines[start])?.[1];
  if (!password) throw new Error(`No demo password in: ${lines[start]}`);
  const accounts: DemoAccount[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('    ') || line.trim() === '') break;
    const rest = line.slice(4);
    const role = rest.slice(0, 22).trim();
    const remainder = rest.slice(23);
    const split = remainder.lastIndexOf('  (');
    const printed = remainder.slice(0, split).trim();
    const description = remainder.slice(split + 3, -1);
    const byNumber = /^(\S+) \((.+)\)$/.exec(printed);
    accounts.push({
      role,
      identifier: byNumber ? byNumber[1] : printed,
      organisationName: byNumber ? byNumber[2] : null,
      description,
    });
  }
  return { password, accounts };
}

/** The "Demo sign-ins" table of README.md: role → what to sign in with. */
export function readmeDemoTable(): Array<{ role: string; signInWith: string }> {
  const readme = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
  const lines = readme.slice(readme.indexOf('### Demo sign-ins')).split('\n');
  const start = lines.findIndex((line) => line.startsWith('|'));
  const end = lines.findIndex((line, index) => index > start && !line.startsWith('|'));
  return lines
    .slice(start, end < 0 ? undefined : end)
    .filter((line) => !line.startsWith('| Role') && !line.startsWith('| ---'))
    .map((line) => line.split('|').map((cell) => cell.trim()))
    .map((cells) => ({ role: cells[1], signInWith: cells[2] }))
    .filter((row) => row.signInWith);
}

export function account(role: string, description?: RegExp): DemoAccount {
  const found = demoAccounts().accounts.find((candidate) => candidate.role === role && (!description || description.test(candidate.description)));
  if (!found) throw new Error(`No demo account "${role}" among ${JSON.stringify(demoAccounts().accounts.map((a) => a.role))}`);
  return found;
}

/** Fills in the sign-in form like a person would (labels, not selectors) and submits it. */
export async function fillSignIn(page: Page, who: DemoAccount, password: string): Promise<void> {
  await page.getByLabel(sv.signIn.identifier, { exact: true }).fill(who.identifier);
  if (who.organisationName) {
    await page.getByLabel(sv.signIn.organisation, { exact: true }).selectOption({ label: who.organisationName });
  }
  await page.getByLabel(sv.signIn.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: sv.signIn.submit, exact: true }).click();
}

/** Opens the sign-in page and signs in; resolves on the start page with its greeting shown. */
export async function signIn(page: Page, who: DemoAccount): Promise<void> {
  const { password } = demoAccounts();
  await page.goto('/logga-in');
  await page.getByRole('heading', { level: 1, name: sv.signIn.title }).waitFor();
  await fillSignIn(page, who, password);
  await page.waitForURL((url) => url.pathname === '/');
  await page.getByRole('heading', { level: 1, name: /^Hej .+!$/ }).waitFor();
}

/** Signs out through the shell (opening the folded menu on a phone first). */
export async function signOut(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: sv.app.signOut, exact: true });
  if (!(await button.isVisible())) await page.getByRole('button', { name: sv.app.menu, exact: true }).click();
  await button.click();
  await page.waitForURL((url) => url.pathname === '/logga-in');
  await page.getByRole('heading', { level: 1, name: sv.signIn.title }).waitFor();
}
