import { TranslationKey } from '../i18n/i18n';

export interface NavLink {
  path: string;
  label: TranslationKey;
  exact?: boolean;
}

/** A top-level entry of the main menu: a page, or a group of pages behind one button. */
export type NavEntry = { kind: 'link'; link: NavLink } | { kind: 'group'; id: string; label: TranslationKey; links: NavLink[] };

/** What the signed-in person's roles may open (the API decides for real; this only hides what would be refused). */
export interface NavRights {
  seesTree: boolean;
  runsChecks: boolean;
  isCoordinator: boolean;
  seesInsights: boolean;
  seesAmbassadors: boolean;
  administersUsers: boolean;
  imports: boolean;
  isOrgAdmin: boolean;
}

/**
 * The main menu for the person's roles: the daily pages at the top level (start, sessions, checks, insight, own
 * development and account) and the rest in two groups, so that even an administrator's menu is one row on a
 * 1366 px screen. A group with a single page is shown as that page.
 */
export function mainNav(rights: NavRights): NavEntry[] {
  const link = (path: string, label: TranslationKey, exact = false): NavEntry => ({ kind: 'link', link: { path, label, exact } });
  const operations: NavLink[] = [];
  if (rights.seesTree) operations.push({ path: '/organisation', label: 'nav.organisation' });
  if (rights.seesAmbassadors) operations.push({ path: '/ombud', label: 'ambassadors.nav' });
  operations.push({ path: '/bibliotek', label: 'library.nav' });
  const administration: NavLink[] = [];
  if (rights.administersUsers) administration.push({ path: '/admin/anvandare', label: 'nav.users' });
  if (rights.imports) administration.push({ path: '/import', label: 'nav.import' });
  if (rights.isOrgAdmin) administration.push({ path: '/admin/logg', label: 'nav.audit' }, { path: '/admin/utkorg', label: 'outbox.nav' });

  const entries: NavEntry[] = [link('/', 'nav.home', true)];
  if (rights.seesTree) entries.push(link('/tillfallen', 'nav.sessions'));
  if (rights.runsChecks) entries.push(link('/matningar', 'nav.checks'));
  else if (rights.isCoordinator) entries.push(link('/matningar/instrument', 'nav.checks'));
  if (rights.seesInsights) entries.push(link('/insikt', 'nav.insights'));
  entries.push(group('operations', 'nav.groups.operations', operations));
  if (administration.length) entries.push(group('administration', 'nav.groups.administration', administration));
  entries.push(link('/min-utveckling', 'nav.myDevelopment'), link('/mitt-konto', 'nav.account'));
  return entries;
}

function group(id: string, label: TranslationKey, links: NavLink[]): NavEntry {
  return links.length === 1 ? { kind: 'link', link: links[0] } : { kind: 'group', id, label, links };
}
