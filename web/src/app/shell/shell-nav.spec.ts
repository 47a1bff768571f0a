import { mainNav, NavEntry, NavRights } from './shell-nav';

const NONE: NavRights = {
  seesTree: false,
  runsChecks: false,
  isCoordinator: false,
  seesInsights: false,
  seesAmbassadors: false,
  administersUsers: false,
  imports: false,
  isOrgAdmin: false,
};

/** Top-level labels, a group as `label[page, …]`. */
function shape(entries: NavEntry[]): string[] {
  return entries.map((entry) => (entry.kind === 'link' ? entry.link.label : `${entry.label}[${entry.links.map((link) => link.label).join(', ')}]`));
}

describe('main menu per role', () => {
  it('staff: start, the library, own development and account, no groups', () => {
    expect(shape(mainNav(NONE))).toEqual(['nav.home', 'library.nav', 'nav.myDevelopment', 'nav.account']);
  });

  it('ambassador: sessions and checks at the top, organisation, ambassadors and library in one group', () => {
    expect(shape(mainNav({ ...NONE, seesTree: true, runsChecks: true, seesAmbassadors: true }))).toEqual([
      'nav.home',
      'nav.sessions',
      'nav.checks',
      'nav.groups.operations[nav.organisation, ambassadors.nav, library.nav]',
      'nav.myDevelopment',
      'nav.account',
    ]);
  });

  it('administrator: every page, in eight top-level entries (one row on a 1366 px screen)', () => {
    const entries = mainNav({
      seesTree: true,
      runsChecks: true,
      isCoordinator: false,
      seesInsights: true,
      seesAmbassadors: true,
      administersUsers: true,
      imports: true,
      isOrgAdmin: true,
    });
    expect(shape(entries)).toEqual([
      'nav.home',
      'nav.sessions',
      'nav.checks',
      'nav.insights',
      'nav.groups.operations[nav.organisation, ambassadors.nav, library.nav]',
      'nav.groups.administration[nav.users, nav.import, nav.audit, outbox.nav]',
      'nav.myDevelopment',
      'nav.account',
    ]);
  });

  it('HR: users and import in the administration group, not the audit log or outbox', () => {
    const entries = mainNav({ ...NONE, seesTree: true, runsChecks: true, seesInsights: true, seesAmbassadors: true, administersUsers: true, imports: true });
    expect(shape(entries)).toContain('nav.groups.administration[nav.users, nav.import]');
  });

  it('network coordinator: checks go to the instruments', () => {
    const entries = mainNav({ ...NONE, isCoordinator: true, seesInsights: true });
    expect(entries.find((entry) => entry.kind === 'link' && entry.link.label === 'nav.checks')).toEqual({
      kind: 'link',
      link: { path: '/matningar/instrument', label: 'nav.checks', exact: false },
    });
  });
});
