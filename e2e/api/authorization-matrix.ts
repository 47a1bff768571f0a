import type { Permission } from '@kunna/contracts';
import type { Fixture, FixturePersonKey } from '../../api/src/test-support/fixture';
import { expectedFromTable } from './matrix-from-table';

/** The roles the matrix signs in as, each a fixture person whose own scope is unit U1, area A1 or organisation A. */
export const WHO = {
  staff: 'staffU1',
  ambassador: 'ambassadorU1',
  manager: 'managerU1',
  areaManager: 'areaManagerA1',
  hr: 'hrA',
  admin: 'adminA',
  coordinator: 'coordinator',
} as const satisfies Record<string, FixturePersonKey>;
export type Who = keyof typeof WHO;
export const EVERYONE = Object.keys(WHO) as Who[];

/**
 * - own: an object in the caller's own scope (unit U1, area A1, organisation A, or the caller's own record);
 * - sibling: the same kind of object in unit U2 (same area A1, another unit) — in scope for area manager and up;
 * - other: the same kind of object in organisation B — must answer 404 (never the object) to all but network roles on aggregates.
 */
export type ScopeCase = 'own' | 'sibling' | 'other';

export interface MatrixRequest {
  path: string;
  body?: object;
  query?: Record<string, string>;
}

/**
 * A route's row. `permission` is the one its controller declares (`@Permit`; the unit test in
 * api/src/auth/permissions.spec.ts checks they agree): who succeeds in each scope then follows from the permission
 * table (matrix-from-table.ts). `own`, `sibling` and `other` given here are the route's exceptions to the table,
 * where a service rule, the caller's own record or shared network content makes the answer narrower or wider
 * (`sibling: undefined` when the route has no object in another unit to try).
 */
export interface RouteSpec {
  /** No session needed: anonymous calls must not get 401. */
  public?: boolean;
  /** The permission the route declares; public routes have none. */
  permission?: Permission;
  /** Who succeeds on an object in their own scope. */
  own?: Who[];
  /** Who succeeds on a sibling unit's object (U2). Omit for routes without an object in the path or body. */
  sibling?: Who[];
  /** Who succeeds on organisation B's object. Omit with `sibling`; [] for every route carrying personal data. */
  other?: Who[];
  /**
   * The concrete request. Write routes send a body that passes the guard but fails validation (or a harmless
   * one), so the matrix proves who gets past the guard without changing data another case depends on.
   */
  request(fixture: Fixture, scope: ScopeCase, who: Who): MatrixRequest;
  /** The status an allowed caller gets when it is not 2xx/400 (e.g. 404 for a made-up id of one's own). */
  allowedStatus?: number;
  /** The route ends the session: each case signs in anew. */
  freshSession?: boolean;
}

/** `METHOD /api/path/:param` exactly as the router registers it. */
export type RouteKey = `${'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'} /api/${string}`;

/** A row with the table's expectations filled in. */
export type ResolvedRouteSpec = RouteSpec & { own: Who[] };

export const ROUTES: Record<RouteKey, RouteSpec> = {
  'GET /api/health': { public: true, own: EVERYONE, request: () => ({ path: '/api/health' }) },
  'GET /api/auth/organisations': { public: true, own: EVERYONE, request: () => ({ path: '/api/auth/organisations' }) },
  'POST /api/auth/sign-in': { public: true, own: EVERYONE, request: () => ({ path: '/api/auth/sign-in', body: {} }) },
  'POST /api/auth/redeem': { public: true, own: EVERYONE, request: () => ({ path: '/api/auth/redeem', body: {} }) },
  // Single sign-on: public; without OpenID Connect configured (as here) both answer 404 (oidc.e2e-spec.ts covers the flow).
  'GET /api/auth/config': { public: true, own: EVERYONE, request: () => ({ path: '/api/auth/config' }) },
  'GET /api/auth/oidc/start': { public: true, own: EVERYONE, allowedStatus: 404, request: () => ({ path: '/api/auth/oidc/start' }) },
  'GET /api/auth/oidc/callback': { public: true, own: EVERYONE, allowedStatus: 404, request: () => ({ path: '/api/auth/oidc/callback' }) },
  'GET /api/auth/me': { permission: 'auth.me', request: () => ({ path: '/api/auth/me' }) },
  'PUT /api/auth/password': { permission: 'auth.changePassword', request: () => ({ path: '/api/auth/password', body: {} }) },
  'GET /api/auth/sessions': { permission: 'auth.sessions', request: () => ({ path: '/api/auth/sessions' }) },
  'PUT /api/auth/language': { permission: 'auth.setLanguage', request: () => ({ path: '/api/auth/language', body: {} }) },
  // A made-up session id: each caller may try to end their own sessions only (404 when it is not theirs).
  'DELETE /api/auth/sessions/:sessionId': {
    permission: 'auth.endSession',
    request: () => ({ path: '/api/auth/sessions/0000000000000000' }),
    allowedStatus: 404,
  },
  'POST /api/auth/sign-out': { permission: 'auth.signOut', freshSession: true, request: () => ({ path: '/api/auth/sign-out' }) },
  // The start page (api/src/today): everyone, each section narrowed to the caller's own scopes (today.e2e-spec.ts).
  'GET /api/today': { permission: 'today.overview', request: () => ({ path: '/api/today' }) },

  // --- organisation (api/src/organisation): own = U1 / A1, sibling = U2 / A2, other = organisation B ---
  'GET /api/organisation/tree': {
    permission: 'organisation.tree',
    request: () => ({ path: '/api/organisation/tree' }),
  },
  'GET /api/network/organisations': { permission: 'organisation.networkOrganisations', request: () => ({ path: '/api/network/organisations' }) },
  'GET /api/units/:unitId': {
    permission: 'organisation.unit',
    request: (f, scope) => ({ path: `/api/units/${unitIn(f, scope)}` }),
  },
  'PATCH /api/units/:unitId': {
    permission: 'organisation.updateUnit',
    request: (f, scope) => ({ path: `/api/units/${unitIn(f, scope)}`, body: { name: '' } }),
  },
  'POST /api/units': {
    permission: 'organisation.createUnit',
    request: (f, scope) => ({ path: '/api/units', body: { areaId: areaIn(f, scope) } }),
  },
  'POST /api/areas': { permission: 'organisation.createArea', request: () => ({ path: '/api/areas', body: {} }) },
  'PATCH /api/areas/:areaId': {
    permission: 'organisation.updateArea',
    request: (f, scope) => ({ path: `/api/areas/${areaIn(f, scope)}`, body: { name: '' } }),
  },

  // --- people (api/src/people): own = a person in U1, sibling = in U2, other = in organisation B ---
  'GET /api/people': {
    permission: 'people.list',
    request: (f, scope) => ({ path: '/api/people', query: { unitId: unitIn(f, scope) } }),
  },
  'GET /api/people/:personId': {
    permission: 'people.detail',
    own: ['staff', 'manager', 'areaManager', 'hr', 'admin'],
    sibling: ['areaManager', 'hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/people/${personIn(f, scope)}` }),
  },
  'POST /api/people': {
    permission: 'people.create',
    request: (f, scope) => ({ path: '/api/people', body: { unitId: unitIn(f, scope) } }),
  },
  'PATCH /api/people/:personId': {
    permission: 'people.update',
    request: (f, scope) => ({ path: `/api/people/${personIn(f, scope)}`, body: { firstName: '' } }),
  },
  'POST /api/people/:personId/move': {
    permission: 'people.move',
    request: (f, scope) => ({ path: `/api/people/${personIn(f, scope)}/move`, body: {} }),
  },
  'POST /api/people/:personId/end': {
    permission: 'people.end',
    request: (f, scope) => ({ path: `/api/people/${personIn(f, scope)}/end`, body: {} }),
  },
  // The coordinator manages the network's coordinator role: past the guard for anyone of the network (the body is
  // refused first); the service finds people of the coordinator's own organisation only (404 for organisation B).
  'POST /api/people/:personId/roles': {
    permission: 'personRoles.assign',
    request: (f, scope) => ({ path: `/api/people/${personIn(f, scope)}/roles`, body: {} }),
  },
  // A made-up grant id: callers past the guard get 404 from the service, the others 403 (404 for organisation B).
  'DELETE /api/people/:personId/roles/:roleId': {
    permission: 'personRoles.revoke',
    allowedStatus: 404,
    request: (f, scope) => ({ path: `/api/people/${personIn(f, scope)}/roles/00000000-0000-4000-8000-000000000000` }),
  },
  'POST /api/people/:personId/one-time-code': {
    permission: 'personAccount.issueCode',
    request: (f, scope) => ({ path: `/api/people/${personIn(f, scope)}/one-time-code`, body: {} }),
  },
  // No body to fail: these act on people who never sign in during the matrix (U3 in organisation A, U2), and
  // disabling or enabling twice changes nothing. Enable runs after disable and restores them.
  'POST /api/people/:personId/disable': {
    permission: 'personAccount.disable',
    request: (f, scope) => ({ path: `/api/people/${bystanderIn(f, scope)}/disable` }),
  },
  'POST /api/people/:personId/enable': {
    permission: 'personAccount.enable',
    request: (f, scope) => ({ path: `/api/people/${bystanderIn(f, scope)}/enable` }),
  },
  // Imports: HR and administrators of their own organisation. The multipart routes get a JSON body without
  // a file: allowed callers pass the guard and get 400 ("choose a file"), nothing is written.
  'GET /api/imports': { permission: 'imports.list', request: () => ({ path: '/api/imports' }) },
  'POST /api/imports': { permission: 'imports.run', request: () => ({ path: '/api/imports', body: {} }) },
  'POST /api/imports/preview': { permission: 'imports.preview', request: () => ({ path: '/api/imports/preview', body: {} }) },
  'POST /api/imports/dry-run': { permission: 'imports.dryRun', request: () => ({ path: '/api/imports/dry-run', body: {} }) },

  // --- library (api/src/library). For modules and programs: own = organisation A's local one, sibling = the network's
  // shared one, other = organisation B's local one. Everyone reads the shared and their own organisation's content;
  // coordinators edit shared content, HR and administrators their organisation's (a manager edits nothing).
  'GET /api/library/digcomp': { permission: 'modules.digComp', request: () => ({ path: '/api/library/digcomp' }) },
  'GET /api/library/modules': { permission: 'modules.list', request: () => ({ path: '/api/library/modules' }) },
  'POST /api/library/modules': { permission: 'modules.create', request: () => ({ path: '/api/library/modules', body: {} }) },
  'GET /api/library/modules/:moduleId': {
    permission: 'modules.detail',
    other: [],
    request: (f, scope) => ({ path: `/api/library/modules/${moduleIn(f, scope).id}` }),
  },
  'PATCH /api/library/modules/:moduleId': {
    permission: 'modules.update',
    own: ['hr', 'admin'],
    sibling: ['coordinator'],
    other: [],
    request: (f, scope) => ({ path: `/api/library/modules/${moduleIn(f, scope).id}`, body: { archived: 'ja' } }),
  },
  'PUT /api/library/modules/:moduleId/draft': {
    permission: 'modules.saveDraft',
    own: ['hr', 'admin'],
    sibling: ['coordinator'],
    other: [],
    request: (f, scope) => ({ path: `/api/library/modules/${moduleIn(f, scope).id}/draft`, body: {} }),
  },
  // The fixture's modules have no draft: editors past the guards get 409.
  'DELETE /api/library/modules/:moduleId/draft': {
    permission: 'modules.discardDraft',
    own: ['hr', 'admin'],
    sibling: ['coordinator'],
    other: [],
    allowedStatus: 409,
    request: (f, scope) => ({ path: `/api/library/modules/${moduleIn(f, scope).id}/draft` }),
  },
  // Neither module is an adapted copy: editors past the guards get 409.
  'POST /api/library/modules/:moduleId/draft/from-source': {
    permission: 'modules.draftFromSource',
    own: ['hr', 'admin'],
    sibling: ['coordinator'],
    other: [],
    allowedStatus: 409,
    request: (f, scope) => ({ path: `/api/library/modules/${moduleIn(f, scope).id}/draft/from-source` }),
  },
  'POST /api/library/modules/:moduleId/draft/attachments': {
    permission: 'modules.addAttachment',
    own: ['hr', 'admin'],
    sibling: ['coordinator'],
    other: [],
    request: (f, scope) => ({ path: `/api/library/modules/${moduleIn(f, scope).id}/draft/attachments`, body: {} }),
  },
  'DELETE /api/library/modules/:moduleId/draft/attachments/:attachmentId': {
    permission: 'modules.removeAttachment',
    own: ['hr', 'admin'],
    sibling: ['coordinator'],
    other: [],
    allowedStatus: 409,
    request: (f, scope) => ({ path: `/api/library/modules/${moduleIn(f, scope).id}/draft/attachments/${moduleIn(f, scope).attachmentId}` }),
  },
  'POST /api/library/modules/:moduleId/publish': {
    permission: 'modules.publish',
    own: ['hr', 'admin'],
    sibling: ['coordinator'],
    other: [],
    request: (f, scope) => ({ path: `/api/library/modules/${moduleIn(f, scope).id}/publish`, body: { changeNote: 5 } }),
  },
  // HR and administrators make their organisation's own copy (whether a module can be adapted is the service's 409).
  'POST /api/library/modules/:moduleId/adapt': {
    permission: 'modules.adapt',
    request: (f, scope) => ({ path: `/api/library/modules/${moduleIn(f, scope).id}/adapt`, body: { title: 5 } }),
  },
  // The organisation's editors propose its own module (the note fails validation, so nothing is proposed here);
  // a shared module is not theirs to edit (403), organisation B's does not exist (404).
  'POST /api/library/modules/:moduleId/proposal': {
    permission: 'modules.propose',
    sibling: [],
    request: (f, scope) => ({ path: `/api/library/modules/${moduleIn(f, scope).id}/proposal`, body: { note: 5 } }),
  },
  // Proposals are decided by the network's coordinator (proposals.int-spec.ts covers the flow and other networks).
  'GET /api/library/proposals': { permission: 'modules.pendingProposals', request: () => ({ path: '/api/library/proposals' }) },
  'POST /api/library/proposals/:proposalId/accept': {
    permission: 'modules.acceptProposal',
    allowedStatus: 404,
    request: () => ({ path: `/api/library/proposals/${UNKNOWN_PROPOSAL}/accept` }),
  },
  'POST /api/library/proposals/:proposalId/decline': {
    permission: 'modules.declineProposal',
    request: () => ({ path: `/api/library/proposals/${UNKNOWN_PROPOSAL}/decline`, body: { reason: 5 } }),
  },
  'GET /api/library/module-versions/:versionId': {
    permission: 'modules.version',
    other: [],
    request: (f, scope) => ({ path: `/api/library/module-versions/${moduleIn(f, scope).versionId}` }),
  },
  'GET /api/library/attachments/:attachmentId': {
    permission: 'modules.attachment',
    other: [],
    request: (f, scope) => ({ path: `/api/library/attachments/${moduleIn(f, scope).attachmentId}` }),
  },
  // Idempotent: the first call loads the starter library into the fixture network, later calls add nothing.
  'POST /api/library/starter-library': { permission: 'modules.loadStarterLibrary', request: () => ({ path: '/api/library/starter-library' }) },
  'GET /api/library/programs': { permission: 'programs.list', request: () => ({ path: '/api/library/programs' }) },
  'POST /api/library/programs': { permission: 'programs.create', request: () => ({ path: '/api/library/programs', body: {} }) },
  'GET /api/library/programs/:programId': {
    permission: 'programs.detail',
    other: [],
    request: (f, scope) => ({ path: `/api/library/programs/${programIn(f, scope)}` }),
  },
  'PATCH /api/library/programs/:programId': {
    permission: 'programs.update',
    own: ['hr', 'admin'],
    sibling: ['coordinator'],
    other: [],
    request: (f, scope) => ({ path: `/api/library/programs/${programIn(f, scope)}`, body: { title: '' } }),
  },
  // Assignments live in the caller's organisation and are narrowed to the caller's units and areas.
  'GET /api/library/programs/:programId/assignments': {
    permission: 'programs.assignments',
    sibling: ['manager', 'areaManager', 'hr', 'admin'],
    request: (f, scope) => ({ path: `/api/library/programs/${programIn(f, scope)}/assignments` }),
  },
  'POST /api/library/programs/:programId/assignments': {
    permission: 'programs.assign',
    sibling: ['manager', 'areaManager', 'hr', 'admin'],
    request: (f, scope) => ({ path: `/api/library/programs/${programIn(f, scope)}/assignments`, body: {} }),
  },
  // The network program's assignment on U1 (own), U2 (sibling) and U4 (organisation B). Ending is idempotent (204).
  'DELETE /api/library/programs/:programId/assignments/:assignmentId': {
    permission: 'programs.endAssignment',
    allowedStatus: 204,
    request: (f, scope) => ({
      path: `/api/library/programs/${f.library.networkProgram}/assignments/${
        scope === 'own' ? f.library.assignmentU1 : scope === 'sibling' ? f.library.assignmentU2 : f.library.assignmentU4
      }`,
    }),
  },
  'GET /api/library/units/:unitId/programs': {
    permission: 'programs.unitPrograms',
    request: (f, scope) => ({ path: `/api/library/units/${unitIn(f, scope)}/programs` }),
  },

  // --- ambassadors (api/src/ambassadors): own = U1 (ambassadorU1's appointment), sibling = U2, other = U4 in B ---
  'GET /api/ambassadors/appointments': {
    permission: 'ambassadors.appointments',
    request: (f, scope) => ({ path: '/api/ambassadors/appointments', query: { unitId: unitIn(f, scope) } }),
  },
  'POST /api/ambassadors/appointments': {
    permission: 'ambassadors.appoint',
    request: (f, scope) => ({ path: '/api/ambassadors/appointments', body: { personId: personIn(f, scope) } }),
  },
  'GET /api/ambassadors/appointments/:appointmentId': {
    permission: 'ambassadors.appointment',
    request: (f, scope) => ({ path: `/api/ambassadors/appointments/${appointmentIn(f, scope)}` }),
  },
  'PATCH /api/ambassadors/appointments/:appointmentId': {
    permission: 'ambassadors.updateAppointment',
    request: (f, scope) => ({ path: `/api/ambassadors/appointments/${appointmentIn(f, scope)}`, body: { allocationValue: 'mycket' } }),
  },
  'GET /api/ambassadors/qualifications': {
    permission: 'ambassadors.qualifications',
    request: (f, scope) => ({ path: '/api/ambassadors/qualifications', query: { unitId: unitIn(f, scope) } }),
  },
  'POST /api/ambassadors/qualifications': {
    permission: 'ambassadors.qualify',
    request: (f, scope) => ({ path: '/api/ambassadors/qualifications', body: { personId: personIn(f, scope) } }),
  },
  'POST /api/ambassadors/qualifications/:qualificationId/renew': {
    permission: 'ambassadors.renew',
    request: (f, scope) => ({ path: `/api/ambassadors/qualifications/${qualificationIn(f, scope)}/renew`, body: { validUntil: 'snart' } }),
  },
  'POST /api/ambassadors/qualifications/:qualificationId/revoke': {
    permission: 'ambassadors.revoke',
    request: (f, scope) => ({ path: `/api/ambassadors/qualifications/${qualificationIn(f, scope)}/revoke`, body: { reason: '' } }),
  },
  'GET /api/ambassadors/coverage': {
    permission: 'ambassadors.coverage',
    request: (f, scope) => ({ path: '/api/ambassadors/coverage', query: { unitId: unitIn(f, scope) } }),
  },
  'GET /api/ambassadors/coverage-totals': {
    permission: 'ambassadors.coverageTotals',
    request: (f, scope) => ({ path: '/api/ambassadors/coverage-totals', query: { unitId: unitIn(f, scope) } }),
  },
  'GET /api/ambassadors/reach': {
    permission: 'ambassadors.reach',
    request: (f, scope) => ({ path: '/api/ambassadors/reach', query: { unitId: unitIn(f, scope) } }),
  },
  'GET /api/ambassadors/workload': {
    permission: 'ambassadors.workload',
    request: (f, scope) => ({ path: '/api/ambassadors/workload', query: { unitId: unitIn(f, scope), month: '2025-03' } }),
  },
  'GET /api/ambassadors/network-coverage': { permission: 'ambassadors.networkCoverage', request: () => ({ path: '/api/ambassadors/network-coverage' }) },
  'GET /api/ambassadors/network-reach': { permission: 'ambassadors.networkReach', request: () => ({ path: '/api/ambassadors/network-reach' }) },
  'GET /api/ambassadors/me': { permission: 'ambassadors.mine', request: () => ({ path: '/api/ambassadors/me' }) },

  // --- sessions (api/src/sessions): own = a session in U1 (led by ambassadorU1), sibling = U2, other = U4 in B ---
  'GET /api/sessions': {
    permission: 'sessions.list',
    request: (f, scope) => ({ path: '/api/sessions', query: { unitId: unitIn(f, scope) } }),
  },
  'POST /api/sessions': {
    permission: 'sessions.create',
    request: (f, scope) => ({ path: '/api/sessions', body: { unitId: unitIn(f, scope) } }),
  },
  'POST /api/session-conflicts': {
    permission: 'sessions.conflictCheck',
    request: (f, scope) => ({ path: '/api/session-conflicts', body: { unitId: unitIn(f, scope) } }),
  },
  'GET /api/my-sessions': {
    permission: 'sessions.mine',
    request: () => ({ path: '/api/my-sessions' }),
  },
  'GET /api/sessions/:sessionId': {
    permission: 'sessions.detail',
    request: (f, scope) => ({ path: `/api/sessions/${sessionIn(f, scope)}` }),
  },
  'PATCH /api/sessions/:sessionId': {
    permission: 'sessions.update',
    request: (f, scope) => ({ path: `/api/sessions/${sessionIn(f, scope)}`, body: { place: '' } }),
  },
  'GET /api/sessions/:sessionId/attendance': {
    permission: 'sessions.attendance',
    request: (f, scope) => ({ path: `/api/sessions/${sessionIn(f, scope)}/attendance` }),
  },
  'POST /api/sessions/:sessionId/attendance': {
    permission: 'sessions.recordAttendance',
    request: (f, scope) => ({ path: `/api/sessions/${sessionIn(f, scope)}/attendance`, body: { marks: 'alla' } }),
  },
  // A made-up mark id: allowed callers get past the guards to the 404 of an unknown mark.
  'DELETE /api/sessions/:sessionId/attendance/:markId': {
    permission: 'sessions.clearMark',
    allowedStatus: 404,
    request: (f, scope) => ({ path: `/api/sessions/${sessionIn(f, scope)}/attendance/00000000-0000-4000-8000-000000000000` }),
  },
  'GET /api/sessions/:sessionId/walk-in-candidates': {
    permission: 'sessions.walkInCandidates',
    request: (f, scope) => ({ path: `/api/sessions/${sessionIn(f, scope)}/walk-in-candidates` }),
  },
  'POST /api/session-series': {
    permission: 'sessions.createSeries',
    request: (f, scope) => ({ path: '/api/session-series', body: { unitId: unitIn(f, scope) } }),
  },
  'GET /api/session-series/:seriesId': {
    permission: 'sessions.series',
    request: (f, scope) => ({ path: `/api/session-series/${seriesIn(f, scope)}` }),
  },
  'PATCH /api/session-series/:seriesId': {
    permission: 'sessions.updateSeries',
    request: (f, scope) => ({ path: `/api/session-series/${seriesIn(f, scope)}`, body: { position: 0 } }),
  },
  'GET /api/sessions/units/:unitId/catch-up': {
    permission: 'participation.catchUpOverview',
    request: (f, scope) => ({ path: `/api/sessions/units/${unitIn(f, scope)}/catch-up` }),
  },
  // Everyone sees the support they received; the service narrows the list to that and the units the caller reads.
  'GET /api/support-entries': { permission: 'participation.supportEntries', request: () => ({ path: '/api/support-entries' }) },
  'POST /api/support-entries': {
    permission: 'participation.logSupport',
    request: (f, scope) => ({ path: '/api/support-entries', body: { unitId: unitIn(f, scope) } }),
  },
  'GET /api/participation': {
    permission: 'participation.report',
    request: (f, scope) => ({ path: '/api/participation', query: { unitId: unitIn(f, scope) } }),
  },
  'GET /api/participation/me': { permission: 'participation.mine', request: () => ({ path: '/api/participation/me' }) },

  // --- checks (api/src/checks): own = U1 / organisation A, sibling = U2 (organisation-wide objects: A again), other = U4 / B ---
  'GET /api/checks/core-items': {
    permission: 'checks.coreItems',
    request: () => ({ path: '/api/checks/core-items' }),
  },
  'POST /api/checks/core-items': { permission: 'checks.createCoreItem', request: () => ({ path: '/api/checks/core-items', body: {} }) },
  // Already retired in the fixture: retiring again changes nothing.
  'POST /api/checks/core-items/:coreItemId/retire': {
    permission: 'checks.retireCoreItem',
    other: undefined,
    sibling: undefined,
    request: (f) => ({ path: `/api/checks/core-items/${f.checks.retiredCoreItem}/retire` }),
  },
  'GET /api/checks/instruments': {
    permission: 'checks.instruments',
    request: () => ({ path: '/api/checks/instruments' }),
  },
  'POST /api/checks/instruments': { permission: 'checks.createInstrument', request: () => ({ path: '/api/checks/instruments', body: { title: '' } }) },
  'GET /api/checks/instruments/:instrumentId': {
    permission: 'checks.instrument',
    sibling: ['ambassador', 'manager', 'areaManager', 'hr', 'admin'],
    request: (f, scope) => ({ path: `/api/checks/instruments/${instrumentIn(f, scope)}` }),
  },
  'PUT /api/checks/instruments/:instrumentId/draft': {
    permission: 'checks.saveDraft',
    request: (f, scope) => ({ path: `/api/checks/instruments/${instrumentIn(f, scope)}/draft`, body: { title: '' } }),
  },
  // The fixture's instruments have no draft: an allowed caller gets 409, nothing is published.
  'POST /api/checks/instruments/:instrumentId/publish': {
    permission: 'checks.publish',
    request: (f, scope) => ({ path: `/api/checks/instruments/${instrumentIn(f, scope)}/publish` }),
  },
  'GET /api/checks/instrument-versions/:versionId': {
    permission: 'checks.version',
    sibling: ['ambassador', 'manager', 'areaManager', 'hr', 'admin'],
    request: (f, scope) => ({ path: `/api/checks/instrument-versions/${scope === 'other' ? f.checks.versionB : f.checks.versionA}` }),
  },
  'GET /api/checks/assignments': {
    permission: 'checks.assignments',
    request: (f, scope) => ({ path: '/api/checks/assignments', query: { unitId: unitIn(f, scope) } }),
  },
  'POST /api/checks/assignments': {
    permission: 'checks.createAssignment',
    request: (f, scope) => ({ path: '/api/checks/assignments', body: { unitId: unitIn(f, scope) } }),
  },
  'GET /api/checks/assignments/:assignmentId': {
    permission: 'checks.assignment',
    request: (f, scope) => ({ path: `/api/checks/assignments/${checkIn(f, scope).assignment}` }),
  },
  'POST /api/checks/assignments/:assignmentId/rounds': {
    permission: 'checks.openRound',
    request: (f, scope) => ({ path: `/api/checks/assignments/${checkIn(f, scope).assignment}/rounds`, body: { kind: 'ibland' } }),
  },
  'POST /api/checks/assignments/:assignmentId/cancel': {
    permission: 'checks.cancelAssignment',
    request: (f, scope) => ({ path: `/api/checks/assignments/${checkIn(f, scope).assignment}/cancel`, body: {} }),
  },
  'GET /api/checks/rounds/:roundId/roster': {
    permission: 'checks.roster',
    request: (f, scope) => ({ path: `/api/checks/rounds/${checkIn(f, scope).round}/roster` }),
  },
  'POST /api/checks/rounds/:roundId/kiosk': {
    permission: 'checks.startKiosk',
    request: (f, scope) => ({ path: `/api/checks/rounds/${checkIn(f, scope).round}/kiosk`, body: {} }),
  },
  // The fixture's kiosk responses are finished: saving answers 409, submitting again changes nothing.
  'PUT /api/checks/kiosk/:responseId/items/:itemKey': {
    permission: 'checks.saveKioskAnswer',
    request: (f, scope) => ({ path: `/api/checks/kiosk/${checkIn(f, scope).response}/items/s1`, body: { value: 'fyra' } }),
  },
  'POST /api/checks/kiosk/:responseId/submit': {
    permission: 'checks.submitKiosk',
    request: (f, scope) => ({ path: `/api/checks/kiosk/${checkIn(f, scope).response}/submit` }),
  },
  // Finished like the others: a language for an answer already sent is 409, which still shows the route let them in.
  'PUT /api/checks/kiosk/:responseId/language': {
    permission: 'checks.setKioskLanguage',
    own: ['ambassador', 'manager'],
    sibling: [],
    other: [],
    request: (f, scope) => ({ path: `/api/checks/kiosk/${checkIn(f, scope).response}/language`, body: { preferredLanguage: 'ar' } }),
  },
  'POST /api/checks/kiosk/:responseId/decline': {
    permission: 'checks.declineKiosk',
    request: (f, scope) => ({ path: `/api/checks/kiosk/${checkIn(f, scope).response}/decline` }),
  },
  // Starting the locked kiosk ends the caller's own session (the device keeps only the kiosk credential).
  'POST /api/checks/rounds/:roundId/kiosk-credential': {
    permission: 'kiosk.start',
    freshSession: true,
    request: (f, scope) => ({ path: `/api/checks/rounds/${checkIn(f, scope).round}/kiosk-credential` }),
  },
  // The kiosk credential's own routes: no signed-in session may call them (403); kiosk-credential.e2e-spec.ts covers the kiosk.
  'GET /api/kiosk': { permission: 'kiosk.current', own: [], request: () => ({ path: '/api/kiosk' }) },
  'POST /api/kiosk/leave': { permission: 'kiosk.leave', own: [], request: () => ({ path: '/api/kiosk/leave', body: {} }) },
  // Public: what a QR link is for (check title and workplace), before signing in.
  'GET /api/checks/codes/:code': { public: true, own: EVERYONE, request: (f) => ({ path: `/api/checks/codes/${f.checks.codeU1}` }) },
  'PUT /api/checks/rounds/:roundId/observations': {
    permission: 'checks.observe',
    request: (f, scope) => ({ path: `/api/checks/rounds/${checkIn(f, scope).round}/observations`, body: {} }),
  },
  // The link code: members of the round's unit answer for themselves (staffU1, ambassadorU1 and managerU1 are in U1).
  'POST /api/checks/answer/:code': {
    permission: 'checks.openForm',
    own: ['staff', 'ambassador', 'manager'],
    sibling: [],
    other: [],
    request: (f, scope) => ({ path: `/api/checks/answer/${checkIn(f, scope).code}` }),
  },
  'PUT /api/checks/answer/:code/items/:itemKey': {
    permission: 'checks.saveOwnAnswer',
    own: ['staff', 'ambassador', 'manager'],
    sibling: [],
    other: [],
    request: (f, scope) => ({ path: `/api/checks/answer/${checkIn(f, scope).code}/items/s1`, body: { value: 'fyra' } }),
  },
  'POST /api/checks/answer/:code/submit': {
    permission: 'checks.submitOwn',
    own: ['staff', 'ambassador', 'manager'],
    sibling: [],
    other: [],
    request: (f, scope) => ({ path: `/api/checks/answer/${checkIn(f, scope).code}/submit` }),
  },
  'POST /api/checks/answer/:code/decline': {
    permission: 'checks.declineOwn',
    own: ['staff', 'ambassador', 'manager'],
    sibling: [],
    other: [],
    request: (f, scope) => ({ path: `/api/checks/answer/${checkIn(f, scope).code}/decline` }),
  },
  'GET /api/checks/me': { permission: 'checks.mine', request: () => ({ path: '/api/checks/me' }) },
  'GET /api/checks/support-signals': {
    permission: 'checks.supportSignals',
    request: (f, scope) => ({ path: '/api/checks/support-signals', query: { unitId: unitIn(f, scope) } }),
  },
  'GET /api/checks/results': {
    permission: 'checks.results',
    sibling: ['areaManager', 'hr', 'admin'],
    other: [],
    request: (f, scope) => ({
      path: '/api/checks/results',
      query: { instrumentId: instrumentIn(f, scope), unitId: unitIn(f, scope) },
    }),
  },

  // Rates by answer language: organisation-wide roles only (HR, administrators), aggregates through the privacy gate.
  'GET /api/checks/results/languages': {
    permission: 'translations.languageRates',
    own: ['hr', 'admin'],
    sibling: ['hr', 'admin'],
    other: [],
    request: (f, scope) => ({
      path: '/api/checks/results/languages',
      query: { instrumentId: instrumentIn(f, scope), unitId: unitIn(f, scope) },
    }),
  },
  // Translations of an instrument's items (api/src/checks/translations): the instrument owner (HR, administrators).
  'GET /api/checks/instruments/:instrumentId/translations': {
    permission: 'translations.list',
    own: ['hr', 'admin'],
    sibling: ['hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/checks/instruments/${instrumentIn(f, scope)}/translations` }),
  },
  'POST /api/checks/instruments/:instrumentId/translations': {
    permission: 'translations.create',
    own: ['hr', 'admin'],
    sibling: ['hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/checks/instruments/${instrumentIn(f, scope)}/translations`, body: { itemKey: 's1', language: 'sv' } }),
  },
  'PUT /api/checks/instruments/:instrumentId/translation-settings': {
    permission: 'translations.settings',
    own: ['hr', 'admin'],
    sibling: ['hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/checks/instruments/${instrumentIn(f, scope)}/translation-settings`, body: { allowDraftTranslations: 'ja' } }),
  },
  // A JSON body carries no file: an allowed caller gets 400 ("Välj en ljudfil").
  'PUT /api/checks/instruments/:instrumentId/audio/:itemKey/:language': {
    permission: 'translations.uploadAudio',
    own: ['hr', 'admin'],
    sibling: ['hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/checks/instruments/${instrumentIn(f, scope)}/audio/s1/ar`, body: {} }),
  },
  // Everyone in the organisation plays recordings; the fixture has none, so an allowed caller gets 404 from the service.
  'GET /api/checks/instruments/:instrumentId/audio/:itemKey/:language': {
    permission: 'translations.audio',
    own: EVERYONE,
    sibling: EVERYONE,
    other: [],
    allowedStatus: 404,
    request: (f, scope) => ({ path: `/api/checks/instruments/${instrumentIn(f, scope)}/audio/s1/ar` }),
  },
  'DELETE /api/checks/instruments/:instrumentId/audio/:itemKey/:language': {
    permission: 'translations.removeAudio',
    own: ['hr', 'admin'],
    sibling: ['hr', 'admin'],
    other: [],
    allowedStatus: 404,
    request: (f, scope) => ({ path: `/api/checks/instruments/${instrumentIn(f, scope)}/audio/s1/ar` }),
  },
  // The kiosk tablet's recordings, through the response (the fixture has none: an allowed caller gets 404 from the service).
  'GET /api/checks/kiosk/:responseId/audio/:itemKey/:language': {
    permission: 'translations.kioskAudio',
    own: ['ambassador', 'manager'],
    sibling: [],
    other: [],
    allowedStatus: 404,
    request: (f, scope) => ({ path: `/api/checks/kiosk/${checkIn(f, scope).response}/audio/s1/ar` }),
  },
  // The network's shared translations of a core item: its coordinator.
  'GET /api/checks/core-items/:coreItemId/translations': {
    permission: 'translations.shared',
    own: ['coordinator'],
    request: (f) => ({ path: `/api/checks/core-items/${f.checks.retiredCoreItem}/translations` }),
  },
  'POST /api/checks/core-items/:coreItemId/translations': {
    permission: 'translations.createShared',
    own: ['coordinator'],
    request: (f) => ({ path: `/api/checks/core-items/${f.checks.retiredCoreItem}/translations`, body: {} }),
  },
  // A made-up translation id: callers past the guard get 404 from the service (which decides own or shared rows).
  'PUT /api/checks/translations/:translationId': {
    permission: 'translations.update',
    own: ['hr', 'admin', 'coordinator'],
    allowedStatus: 404,
    request: () => ({ path: '/api/checks/translations/00000000-0000-4000-8000-000000000000', body: { text: 'نص' } }),
  },
  'DELETE /api/checks/translations/:translationId': {
    permission: 'translations.remove',
    own: ['hr', 'admin', 'coordinator'],
    allowedStatus: 404,
    request: () => ({ path: '/api/checks/translations/00000000-0000-4000-8000-000000000000' }),
  },
  'POST /api/checks/translations/:translationId/review': {
    permission: 'translations.review',
    own: ['hr', 'admin', 'coordinator'],
    allowedStatus: 404,
    request: () => ({ path: '/api/checks/translations/00000000-0000-4000-8000-000000000000/review' }),
  },

  // --- insight (api/src/insights): own = U1, sibling = U2, other = U4 in B; write bodies fail validation (400) ---
  'GET /api/insights/units/:unitId/team': {
    permission: 'insights.team',
    request: (f, scope) => ({ path: `/api/insights/units/${unitIn(f, scope)}/team` }),
  },
  'GET /api/insights/units/:unitId/plan': {
    permission: 'insights.plan',
    request: (f, scope) => ({ path: `/api/insights/units/${unitIn(f, scope)}/plan` }),
  },
  'POST /api/insights/units/:unitId/plan-entries': {
    permission: 'insights.addPlanEntry',
    request: (f, scope) => ({ path: `/api/insights/units/${unitIn(f, scope)}/plan-entries`, body: {} }),
  },
  'PATCH /api/insights/units/:unitId/plan-entries/:entryId': {
    permission: 'insights.updatePlanEntry',
    request: (f, scope) => ({ path: `/api/insights/units/${unitIn(f, scope)}/plan-entries/00000000-0000-4000-8000-000000000000`, body: { month: 'snart' } }),
  },
  // A made-up entry id: callers past the guard get 404 from the service, the others 403 (404 for organisation B).
  'DELETE /api/insights/units/:unitId/plan-entries/:entryId': {
    permission: 'insights.deletePlanEntry',
    allowedStatus: 404,
    request: (f, scope) => ({ path: `/api/insights/units/${unitIn(f, scope)}/plan-entries/00000000-0000-4000-8000-000000000000` }),
  },
  'POST /api/insights/units/:unitId/targets': {
    permission: 'insights.createTarget',
    request: (f, scope) => ({ path: `/api/insights/units/${unitIn(f, scope)}/targets`, body: {} }),
  },
  'PATCH /api/insights/units/:unitId/targets/:targetId': {
    permission: 'insights.updateTarget',
    request: (f, scope) => ({ path: `/api/insights/units/${unitIn(f, scope)}/targets/00000000-0000-4000-8000-000000000000`, body: { targetPercent: 'alla' } }),
  },
  'DELETE /api/insights/units/:unitId/targets/:targetId': {
    permission: 'insights.deleteTarget',
    allowedStatus: 404,
    request: (f, scope) => ({ path: `/api/insights/units/${unitIn(f, scope)}/targets/00000000-0000-4000-8000-000000000000` }),
  },
  'GET /api/insights/cost-settings': { permission: 'insights.costSettings', request: () => ({ path: '/api/insights/cost-settings' }) },
  'PUT /api/insights/cost-settings/hourly-rates': {
    permission: 'insights.setRate',
    request: () => ({ path: '/api/insights/cost-settings/hourly-rates', body: {} }),
  },
  'POST /api/insights/cost-settings/external-costs': {
    permission: 'insights.addExternalCost',
    request: () => ({ path: '/api/insights/cost-settings/external-costs', body: {} }),
  },
  'DELETE /api/insights/cost-settings/external-costs/:costId': {
    permission: 'insights.deleteExternalCost',
    allowedStatus: 404,
    request: () => ({ path: '/api/insights/cost-settings/external-costs/00000000-0000-4000-8000-000000000000' }),
  },
  'GET /api/insights/costs': { permission: 'insights.costs', request: () => ({ path: '/api/insights/costs' }) },
  'GET /api/insights/participant-report': { permission: 'insights.participantReport', request: () => ({ path: '/api/insights/participant-report' }) },
  'GET /api/insights/participation': { permission: 'insights.participation', request: () => ({ path: '/api/insights/participation' }) },
  'GET /api/network/insights/participation': { permission: 'insights.networkParticipation', request: () => ({ path: '/api/network/insights/participation' }) },
  'GET /api/network/insights/comparison': { permission: 'network.comparison', request: () => ({ path: '/api/network/insights/comparison' }) },
  // competence levels and gains: the caller's own scope (units, areas or organisation); the unit block like the team view
  'GET /api/insights/competence': { permission: 'competence.breakdown', request: () => ({ path: '/api/insights/competence' }) },
  'GET /api/insights/competence/trend': { permission: 'competence.trend', request: () => ({ path: '/api/insights/competence/trend' }) },
  'GET /api/insights/units/:unitId/competence': {
    permission: 'competence.unit',
    request: (f, scope) => ({ path: `/api/insights/units/${unitIn(f, scope)}/competence` }),
  },
  // competence profiles: HR and administrators edit (a manager cannot); a unit's gap like the team view; each person their own
  'GET /api/insights/competence-profiles': { permission: 'profiles.list', request: () => ({ path: '/api/insights/competence-profiles' }) },
  'PUT /api/insights/competence-profiles/:profileId': {
    permission: 'profiles.save',
    request: () => ({ path: '/api/insights/competence-profiles/00000000-0000-4000-8000-000000000000', body: {} }),
  },
  'DELETE /api/insights/competence-profiles/:profileId': {
    permission: 'profiles.remove',
    allowedStatus: 404,
    request: () => ({ path: '/api/insights/competence-profiles/00000000-0000-4000-8000-000000000000' }),
  },
  'GET /api/insights/units/:unitId/competence-gap': {
    permission: 'profiles.unit',
    request: (f, scope) => ({ path: `/api/insights/units/${unitIn(f, scope)}/competence-gap` }),
  },
  'GET /api/insights/me/competence-gap': { permission: 'profiles.mine', request: () => ({ path: '/api/insights/me/competence-gap' }) },
  // --- audit log (api/src/audit): the caller's own organisation only, admins only ---
  'GET /api/audit-log': { permission: 'auditLog.search', request: () => ({ path: '/api/audit-log' }) },
  'GET /api/audit-log/retention': { permission: 'auditLog.retention', request: () => ({ path: '/api/audit-log/retention' }) },
  'PUT /api/audit-log/retention': { permission: 'auditLog.setRetention', request: () => ({ path: '/api/audit-log/retention', body: {} }) },
  // --- calendars, notifications and e-mail (api/src/calendar, api/src/notifications) ---
  'GET /api/calendar/feeds/me': { permission: 'calendar.myFeed', request: () => ({ path: '/api/calendar/feeds/me' }) },
  'POST /api/calendar/feeds/me': { permission: 'calendar.createMyFeed', request: () => ({ path: '/api/calendar/feeds/me' }) },
  'DELETE /api/calendar/feeds/me': { permission: 'calendar.revokeMyFeed', request: () => ({ path: '/api/calendar/feeds/me' }) },
  'GET /api/calendar/feeds/units/:unitId': {
    permission: 'calendar.unitFeed',
    request: (f, scope) => ({ path: `/api/calendar/feeds/units/${unitIn(f, scope)}` }),
  },
  'POST /api/calendar/feeds/units/:unitId': {
    permission: 'calendar.createUnitFeed',
    request: (f, scope) => ({ path: `/api/calendar/feeds/units/${unitIn(f, scope)}` }),
  },
  'DELETE /api/calendar/feeds/units/:unitId': {
    permission: 'calendar.revokeUnitFeed',
    request: (f, scope) => ({ path: `/api/calendar/feeds/units/${unitIn(f, scope)}` }),
  },
  // The token is the credential: a made-up one answers 404 to anyone, signed in or not.
  'GET /api/calendar/feed/:token': { public: true, own: EVERYONE, allowedStatus: 404, request: () => ({ path: `/api/calendar/feed/${'A'.repeat(43)}` }) },
  'GET /api/notifications': { permission: 'notifications.mine', request: () => ({ path: '/api/notifications' }) },
  'POST /api/notifications/:notificationId/read': {
    permission: 'notifications.read',
    allowedStatus: 404,
    request: () => ({ path: '/api/notifications/00000000-0000-4000-8000-000000000000/read' }),
  },
  'POST /api/notifications/read-all': { permission: 'notifications.readAll', request: () => ({ path: '/api/notifications/read-all' }) },
  'GET /api/mail-outbox': { permission: 'notifications.outbox', request: () => ({ path: '/api/mail-outbox' }) },
  'GET /api/mail-outbox/:messageId': {
    permission: 'notifications.outboxMessage',
    allowedStatus: 404,
    request: () => ({ path: '/api/mail-outbox/00000000-0000-4000-8000-000000000000' }),
  },
  // --- personal data (api/src/personal-data): one's own copy for everyone; retention and pseudonymisation for admins ---
  'GET /api/me/personal-data': { permission: 'personalData.mine', request: () => ({ path: '/api/me/personal-data' }) },
  'GET /api/personal-data/retention': { permission: 'personalData.retention', request: () => ({ path: '/api/personal-data/retention' }) },
  'PUT /api/personal-data/retention': { permission: 'personalData.setRetention', request: () => ({ path: '/api/personal-data/retention', body: {} }) },
  // The bystanders are still employed: an admin gets past the guard and is refused (409), nothing changes.
  'POST /api/people/:personId/pseudonymise': {
    permission: 'personalData.pseudonymise',
    allowedStatus: 409,
    request: (f, scope) => ({ path: `/api/people/${bystanderIn(f, scope)}/pseudonymise` }),
  },
};

function unitIn(f: Fixture, scope: ScopeCase): string {
  return scope === 'own' ? f.unitU1 : scope === 'sibling' ? f.unitU2 : f.unitU4;
}

function areaIn(f: Fixture, scope: ScopeCase): string {
  return scope === 'own' ? f.areaA1 : scope === 'sibling' ? f.areaA2 : f.areaB1;
}

function personIn(f: Fixture, scope: ScopeCase): string {
  return (scope === 'own' ? f.people.staffU1 : scope === 'sibling' ? f.people.staffU2 : f.people.staffU4).id;
}

/** People of organisation A and B that no matrix case signs in as. */
function bystanderIn(f: Fixture, scope: ScopeCase): string {
  return (scope === 'own' ? f.people.staffU3 : scope === 'sibling' ? f.people.staffU2 : f.people.staffU4).id;
}

/** Organisation A's local module, the network's shared module, organisation B's local module. */
/** A proposal id that exists nowhere: a coordinator past the guards gets 404. */
const UNKNOWN_PROPOSAL = '00000000-0000-4000-8000-000000000000';

function moduleIn(f: Fixture, scope: ScopeCase) {
  return scope === 'own' ? f.library.moduleA : scope === 'sibling' ? f.library.networkModule : f.library.moduleB;
}

function programIn(f: Fixture, scope: ScopeCase): string {
  return scope === 'own' ? f.library.programA : scope === 'sibling' ? f.library.networkProgram : f.library.programB;
}

function appointmentIn(f: Fixture, scope: ScopeCase): string {
  return scope === 'own' ? f.library.appointmentU1 : scope === 'sibling' ? f.library.appointmentU2 : f.library.appointmentU4;
}

function qualificationIn(f: Fixture, scope: ScopeCase): string {
  return scope === 'own' ? f.library.qualificationU1 : scope === 'sibling' ? f.library.qualificationU2 : f.library.qualificationU4;
}

function sessionIn(f: Fixture, scope: ScopeCase): string {
  return scope === 'own' ? f.sessions.sessionU1 : scope === 'sibling' ? f.sessions.sessionU2 : f.sessions.sessionU4;
}

function seriesIn(f: Fixture, scope: ScopeCase): string {
  return scope === 'own' ? f.sessions.seriesU1 : scope === 'sibling' ? f.sessions.seriesU2 : f.sessions.seriesU4;
}

/** Organisation A's instrument (also for the sibling case: instruments belong to the organisation), B's instrument. */
function instrumentIn(f: Fixture, scope: ScopeCase): string {
  return scope === 'other' ? f.checks.instrumentB : f.checks.instrumentA;
}

/** The check assignment, its before round, link code and a finished kiosk response in U1, U2 and U4. */
function checkIn(f: Fixture, scope: ScopeCase) {
  const c = f.checks;
  if (scope === 'own') return { assignment: c.assignmentU1, round: c.roundU1, code: c.codeU1, response: c.responseU1 };
  if (scope === 'sibling') return { assignment: c.assignmentU2, round: c.roundU2, code: c.codeU2, response: c.responseU2 };
  return { assignment: c.assignmentU4, round: c.roundU4, code: c.codeU4, response: c.responseU4 };
}

/** Every route's expectations: the permission table's, with the route's own exceptions on top. */
export const MATRIX: Record<RouteKey, ResolvedRouteSpec> = Object.fromEntries(Object.entries(ROUTES).map(([route, spec]) => [route, resolve(route, spec)]));

function resolve(route: string, spec: RouteSpec): ResolvedRouteSpec {
  if (spec.permission) return { ...expectedFromTable(spec.permission), ...spec };
  if (!spec.public || !spec.own) throw new Error(`${route}: a route names its permission, or is public and says who succeeds`);
  return spec as ResolvedRouteSpec;
}
