import { Routes } from '@angular/router';
import { Role } from '@kunna/contracts';
import { hasRole, mayOpen } from '../core/role-guard';
import { AMBASSADOR_PAGE_PERMISSIONS } from '../ambassadors/ambassador-roles';

/**
 * The pages inside the shell (signed in), loaded with it rather than in the first download, which keeps the
 * initial bundle within its budget (web/angular.json). Titles are translation keys (see KunnaTitleStrategy).
 */
export const SHELL_ROUTES: Routes = [
  { path: '', loadComponent: () => import('../home/home').then((m) => m.Home), title: 'nav.home', data: { staffLanguage: 'staffOnly' } },
  {
    path: 'organisation',
    canActivate: [mayOpen('organisation.tree')],
    loadComponent: () => import('../organisation/organisation-page').then((m) => m.OrganisationPage),
    title: 'nav.organisation',
  },
  {
    path: 'enheter/:unitId',
    canActivate: [mayOpen('organisation.unit')],
    loadComponent: () => import('../organisation/unit-page').then((m) => m.UnitPage),
    title: 'unit.title',
  },
  {
    path: 'personer/:personId',
    loadComponent: () => import('../people/person-page').then((m) => m.PersonPage),
    title: 'person.title',
  },
  {
    path: 'admin/anvandare',
    canActivate: [hasRole(Role.Hr, Role.OrgAdmin)],
    loadComponent: () => import('../admin/users-page').then((m) => m.UsersPage),
    title: 'nav.users',
  },
  {
    path: 'import',
    canActivate: [mayOpen('imports.run')],
    loadComponent: () => import('../imports/import-page').then((m) => m.ImportPage),
    title: 'nav.import',
  },
  {
    path: 'import/historik',
    canActivate: [mayOpen('imports.list')],
    loadComponent: () => import('../imports/import-history').then((m) => m.ImportHistory),
    title: 'imports.history.title',
  },
  // Module library, programs and ambassadors (issue 3).
  { path: 'bibliotek', loadComponent: () => import('../library/library-page').then((m) => m.LibraryPage), title: 'library.title' },
  {
    path: 'bibliotek/ny',
    canActivate: [mayOpen('modules.create')],
    loadComponent: () => import('../library/module-editor').then((m) => m.ModuleEditor),
    title: 'editor.newTitle',
  },
  {
    path: 'bibliotek/forslag',
    canActivate: [mayOpen('modules.pendingProposals')],
    loadComponent: () => import('../library/proposals-page').then((m) => m.ProposalsPage),
    title: 'proposals.title',
  },
  { path: 'bibliotek/moduler/:moduleId', loadComponent: () => import('../library/module-page').then((m) => m.ModulePage), title: 'module.title' },
  {
    path: 'bibliotek/moduler/:moduleId/redigera',
    canActivate: [mayOpen('modules.update')],
    loadComponent: () => import('../library/module-editor').then((m) => m.ModuleEditor),
    title: 'editor.editTitle',
  },
  {
    path: 'bibliotek/versioner/:versionId',
    loadComponent: () => import('../library/module-version-page').then((m) => m.ModuleVersionPage),
    title: 'module.version',
  },
  { path: 'bibliotek/program', loadComponent: () => import('../library/program-list').then((m) => m.ProgramList), title: 'programs.title' },
  {
    path: 'bibliotek/program/nytt',
    canActivate: [mayOpen('programs.create')],
    loadComponent: () => import('../library/program-editor').then((m) => m.ProgramEditor),
    title: 'programEditor.newTitle',
  },
  { path: 'bibliotek/program/:programId', loadComponent: () => import('../library/program-page').then((m) => m.ProgramPage), title: 'programs.one' },
  {
    path: 'bibliotek/program/:programId/redigera',
    canActivate: [mayOpen('programs.update')],
    loadComponent: () => import('../library/program-editor').then((m) => m.ProgramEditor),
    title: 'programEditor.editTitle',
  },
  {
    path: 'ombud',
    canActivate: [mayOpen(...AMBASSADOR_PAGE_PERMISSIONS)],
    loadComponent: () => import('../ambassadors/ambassador-overview').then((m) => m.AmbassadorOverview),
    title: 'ambassadors.title',
  },
  {
    path: 'ombud/spridning',
    canActivate: [mayOpen('ambassadors.reach')],
    loadComponent: () => import('../ambassadors/cascade-page').then((m) => m.CascadePage),
    title: 'cascade.title',
  },
  // --- sessions (web/src/app/sessions) ---
  {
    path: 'tillfallen',
    canActivate: [mayOpen('sessions.list')],
    loadComponent: () => import('../sessions/sessions-page').then((m) => m.SessionsPage),
    title: 'sessions.title',
  },
  {
    path: 'tillfallen/ny',
    canActivate: [mayOpen('sessions.create')],
    loadComponent: () => import('../sessions/schedule-session').then((m) => m.ScheduleSession),
    title: 'sessions.scheduleTitle',
  },
  {
    path: 'tillfallen/uppfoljning',
    canActivate: [mayOpen('participation.catchUpOverview')],
    loadComponent: () => import('../sessions/follow-up-page').then((m) => m.FollowUpPage),
    title: 'sessionsPlan.followUpTitle',
  },
  {
    path: 'tillfallen/stod',
    canActivate: [hasRole(Role.Ambassador, Role.Hr, Role.OrgAdmin)],
    loadComponent: () => import('../sessions/support-log').then((m) => m.SupportLog),
    title: 'sessionsPlan.supportTitle',
  },
  {
    path: 'tillfallen/:sessionId/narvaro',
    canActivate: [mayOpen('sessions.attendance')],
    loadComponent: () => import('../sessions/attendance-page').then((m) => m.AttendancePage),
    title: 'attendance.title',
  },
  {
    path: 'tillfallen/:sessionId/for-in',
    canActivate: [mayOpen('sessions.recordAttendance')],
    loadComponent: () => import('../sessions/sheet-entry').then((m) => m.SheetEntry),
    title: 'sheetEntry.title',
  },
  {
    path: 'tillfallen/:sessionId/lista',
    canActivate: [mayOpen('sessions.detail')],
    loadComponent: () => import('../sessions/attendance-sheet').then((m) => m.AttendanceSheet),
    title: 'sheet.title',
  },
  {
    path: 'insikt',
    canActivate: [mayOpen('insights.team', 'insights.networkParticipation')],
    loadChildren: () => import('../insights/insights.routes').then((m) => m.INSIGHTS_ROUTES),
    title: 'nav.insights',
  },
  {
    path: 'admin/logg',
    canActivate: [mayOpen('auditLog.search')],
    loadComponent: () => import('../audit/audit-log-page').then((m) => m.AuditLogPage),
    title: 'audit.title',
  },
  {
    path: 'mitt-konto',
    loadComponent: () => import('../account/account-page').then((m) => m.AccountPage),
    title: 'nav.account',
  },
  // --- personal data (web/src/app/personal-data) ---
  {
    path: 'mitt-konto/mina-uppgifter',
    loadComponent: () => import('../personal-data/my-data-page').then((m) => m.MyDataPage),
    title: 'myData.title',
    data: { staffLanguage: true },
  },
  // --- checks (före/efter-mätningar) ---
  {
    path: 'm/:code',
    loadComponent: () => import('../checks/check-answer').then((m) => m.CheckAnswer),
    title: 'checks.answer.title',
    data: { staffLanguage: true },
  },
  {
    path: 'min-utveckling',
    loadComponent: () => import('../checks/my-development').then((m) => m.MyDevelopment),
    title: 'checks.mine.title',
    data: { staffLanguage: true },
  },
  {
    path: 'matningar',
    canActivate: [mayOpen('checks.assignments')],
    loadComponent: () => import('../checks/checks-page').then((m) => m.ChecksPage),
    title: 'checks.page.title',
  },
  {
    path: 'matningar/observation/:assignmentId/:roundId',
    canActivate: [mayOpen('checks.observe')],
    loadComponent: () => import('../checks/observation-form').then((m) => m.ObservationForm),
    title: 'checks.observation.title',
  },
  {
    path: 'matningar/resultat',
    canActivate: [mayOpen('checks.results')],
    loadComponent: () => import('../checks/results-page').then((m) => m.ResultsPage),
    title: 'checks.results.title',
  },
  {
    path: 'matningar/instrument',
    canActivate: [mayOpen('checks.createInstrument', 'checks.createCoreItem')],
    loadComponent: () => import('../checks/instruments-page').then((m) => m.InstrumentsPage),
    title: 'checks.instruments.title',
  },
  {
    path: 'matningar/instrument/:instrumentId',
    canActivate: [mayOpen('checks.saveDraft')],
    loadComponent: () => import('../checks/instrument-editor').then((m) => m.InstrumentEditor),
    title: 'checks.instruments.title',
  },
  {
    path: 'matningar/instrument/:instrumentId/oversattningar',
    canActivate: [mayOpen('translations.list')],
    loadComponent: () => import('../checks/instrument-translations').then((m) => m.InstrumentTranslationsPage),
    title: 'checkTranslations.title',
  },
  // --- calendars, notifications and the e-mail outbox (web/src/app/calendar, web/src/app/notifications) ---
  {
    path: 'notiser',
    loadComponent: () => import('../notifications/notifications-page').then((m) => m.NotificationsPage),
    title: 'notifications.title',
  },
  {
    path: 'admin/utkorg',
    canActivate: [mayOpen('notifications.outbox')],
    loadComponent: () => import('../notifications/outbox-page').then((m) => m.OutboxPage),
    title: 'outbox.title',
  },
  {
    path: 'admin/utkorg/:messageId',
    canActivate: [mayOpen('notifications.outboxMessage')],
    loadComponent: () => import('../notifications/outbox-page').then((m) => m.OutboxPage),
    title: 'outbox.title',
  },
  {
    path: '**',
    loadComponent: () => import('../home/not-found').then((m) => m.NotFound),
    title: 'errors.pageNotFound',
  },
];
