import type { Fixture, FixturePersonKey } from '../../api/src/test-support/fixture';

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

export interface RouteSpec {
  /** No session needed: anonymous calls must not get 401. */
  public?: boolean;
  /** Who succeeds on an object in their own scope. */
  own: Who[];
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

export const MATRIX: Record<RouteKey, RouteSpec> = {
  'GET /api/health': { public: true, own: EVERYONE, request: () => ({ path: '/api/health' }) },
  'GET /api/auth/organisations': { public: true, own: EVERYONE, request: () => ({ path: '/api/auth/organisations' }) },
  'POST /api/auth/sign-in': { public: true, own: EVERYONE, request: () => ({ path: '/api/auth/sign-in', body: {} }) },
  'POST /api/auth/redeem': { public: true, own: EVERYONE, request: () => ({ path: '/api/auth/redeem', body: {} }) },
  // Single sign-on: public; without OpenID Connect configured (as here) both answer 404 (oidc.e2e-spec.ts covers the flow).
  'GET /api/auth/config': { public: true, own: EVERYONE, request: () => ({ path: '/api/auth/config' }) },
  'GET /api/auth/oidc/start': { public: true, own: EVERYONE, allowedStatus: 404, request: () => ({ path: '/api/auth/oidc/start' }) },
  'GET /api/auth/oidc/callback': { public: true, own: EVERYONE, allowedStatus: 404, request: () => ({ path: '/api/auth/oidc/callback' }) },
  'GET /api/auth/me': { own: EVERYONE, request: () => ({ path: '/api/auth/me' }) },
  'PUT /api/auth/password': { own: EVERYONE, request: () => ({ path: '/api/auth/password', body: {} }) },
  'GET /api/auth/sessions': { own: EVERYONE, request: () => ({ path: '/api/auth/sessions' }) },
  'PUT /api/auth/language': { own: EVERYONE, request: () => ({ path: '/api/auth/language', body: {} }) },
  // A made-up session id: each caller may try to end their own sessions only (404 when it is not theirs).
  'DELETE /api/auth/sessions/:sessionId': {
    own: EVERYONE,
    request: () => ({ path: '/api/auth/sessions/0000000000000000' }),
    allowedStatus: 404,
  },
  'POST /api/auth/sign-out': { own: EVERYONE, freshSession: true, request: () => ({ path: '/api/auth/sign-out' }) },
  // The start page (api/src/today): everyone, each section narrowed to the caller's own scopes (today.e2e-spec.ts).
  'GET /api/today': { own: EVERYONE, request: () => ({ path: '/api/today' }) },

  // --- organisation (api/src/organisation): own = U1 / A1, sibling = U2 / A2, other = organisation B ---
  'GET /api/organisation/tree': {
    own: ['ambassador', 'manager', 'areaManager', 'hr', 'admin'],
    request: () => ({ path: '/api/organisation/tree' }),
  },
  'GET /api/network/organisations': { own: ['coordinator'], request: () => ({ path: '/api/network/organisations' }) },
  'GET /api/units/:unitId': {
    own: ['ambassador', 'manager', 'areaManager', 'hr', 'admin'],
    sibling: ['areaManager', 'hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/units/${unitIn(f, scope)}` }),
  },
  'PATCH /api/units/:unitId': {
    own: ['admin'],
    sibling: ['admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/units/${unitIn(f, scope)}`, body: { name: '' } }),
  },
  'POST /api/units': {
    own: ['admin'],
    sibling: ['admin'],
    other: [],
    request: (f, scope) => ({ path: '/api/units', body: { areaId: areaIn(f, scope) } }),
  },
  'POST /api/areas': { own: ['admin'], request: () => ({ path: '/api/areas', body: {} }) },
  'PATCH /api/areas/:areaId': {
    own: ['admin'],
    sibling: ['admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/areas/${areaIn(f, scope)}`, body: { name: '' } }),
  },

  // --- people (api/src/people): own = a person in U1, sibling = in U2, other = in organisation B ---
  'GET /api/people': {
    own: ['manager', 'areaManager', 'hr', 'admin'],
    sibling: ['areaManager', 'hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: '/api/people', query: { unitId: unitIn(f, scope) } }),
  },
  'GET /api/people/:personId': {
    own: ['staff', 'manager', 'areaManager', 'hr', 'admin'],
    sibling: ['areaManager', 'hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/people/${personIn(f, scope)}` }),
  },
  'POST /api/people': {
    own: ['manager', 'hr', 'admin'],
    sibling: ['hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: '/api/people', body: { unitId: unitIn(f, scope) } }),
  },
  'PATCH /api/people/:personId': {
    own: ['manager', 'hr', 'admin'],
    sibling: ['hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/people/${personIn(f, scope)}`, body: { firstName: '' } }),
  },
  'POST /api/people/:personId/move': {
    own: ['manager', 'hr', 'admin'],
    sibling: ['hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/people/${personIn(f, scope)}/move`, body: {} }),
  },
  'POST /api/people/:personId/end': {
    own: ['manager', 'hr', 'admin'],
    sibling: ['hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/people/${personIn(f, scope)}/end`, body: {} }),
  },
  // The coordinator manages the network's coordinator role: past the guard for anyone of the network (the body is
  // refused first); the service finds people of the coordinator's own organisation only (404 for organisation B).
  'POST /api/people/:personId/roles': {
    own: ['manager', 'hr', 'admin', 'coordinator'],
    sibling: ['hr', 'admin', 'coordinator'],
    other: ['coordinator'],
    request: (f, scope) => ({ path: `/api/people/${personIn(f, scope)}/roles`, body: {} }),
  },
  // A made-up grant id: callers past the guard get 404 from the service, the others 403 (404 for organisation B).
  'DELETE /api/people/:personId/roles/:roleId': {
    own: ['manager', 'hr', 'admin', 'coordinator'],
    sibling: ['hr', 'admin', 'coordinator'],
    other: ['coordinator'],
    allowedStatus: 404,
    request: (f, scope) => ({ path: `/api/people/${personIn(f, scope)}/roles/00000000-0000-4000-8000-000000000000` }),
  },
  'POST /api/people/:personId/one-time-code': {
    own: ['manager', 'admin'],
    sibling: ['admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/people/${personIn(f, scope)}/one-time-code`, body: {} }),
  },
  // No body to fail: these act on people who never sign in during the matrix (U3 in organisation A, U2), and
  // disabling or enabling twice changes nothing. Enable runs after disable and restores them.
  'POST /api/people/:personId/disable': {
    own: ['admin'],
    sibling: ['admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/people/${bystanderIn(f, scope)}/disable` }),
  },
  'POST /api/people/:personId/enable': {
    own: ['admin'],
    sibling: ['admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/people/${bystanderIn(f, scope)}/enable` }),
  },
  // Imports: HR and administrators of their own organisation. The multipart routes get a JSON body without
  // a file: allowed callers pass the guard and get 400 ("choose a file"), nothing is written.
  'GET /api/imports': { own: ['hr', 'admin'], request: () => ({ path: '/api/imports' }) },
  'POST /api/imports': { own: ['hr', 'admin'], request: () => ({ path: '/api/imports', body: {} }) },
  'POST /api/imports/preview': { own: ['hr', 'admin'], request: () => ({ path: '/api/imports/preview', body: {} }) },
  'POST /api/imports/dry-run': { own: ['hr', 'admin'], request: () => ({ path: '/api/imports/dry-run', body: {} }) },

  // --- library (api/src/library). For modules and programs: own = organisation A's local one, sibling = the network's
  // shared one, other = organisation B's local one. Everyone reads the shared and their own organisation's content;
  // coordinators edit shared content, HR and administrators their organisation's (a manager edits nothing).
  'GET /api/library/digcomp': { own: EVERYONE, request: () => ({ path: '/api/library/digcomp' }) },
  'GET /api/library/modules': { own: EVERYONE, request: () => ({ path: '/api/library/modules' }) },
  'POST /api/library/modules': { own: ['hr', 'admin', 'coordinator'], request: () => ({ path: '/api/library/modules', body: {} }) },
  'GET /api/library/modules/:moduleId': {
    own: EVERYONE,
    sibling: EVERYONE,
    other: [],
    request: (f, scope) => ({ path: `/api/library/modules/${moduleIn(f, scope).id}` }),
  },
  'PATCH /api/library/modules/:moduleId': {
    own: ['hr', 'admin'],
    sibling: ['coordinator'],
    other: [],
    request: (f, scope) => ({ path: `/api/library/modules/${moduleIn(f, scope).id}`, body: { archived: 'ja' } }),
  },
  'PUT /api/library/modules/:moduleId/draft': {
    own: ['hr', 'admin'],
    sibling: ['coordinator'],
    other: [],
    request: (f, scope) => ({ path: `/api/library/modules/${moduleIn(f, scope).id}/draft`, body: {} }),
  },
  // The fixture's modules have no draft: editors past the guards get 409.
  'DELETE /api/library/modules/:moduleId/draft': {
    own: ['hr', 'admin'],
    sibling: ['coordinator'],
    other: [],
    allowedStatus: 409,
    request: (f, scope) => ({ path: `/api/library/modules/${moduleIn(f, scope).id}/draft` }),
  },
  // Neither module is an adapted copy: editors past the guards get 409.
  'POST /api/library/modules/:moduleId/draft/from-source': {
    own: ['hr', 'admin'],
    sibling: ['coordinator'],
    other: [],
    allowedStatus: 409,
    request: (f, scope) => ({ path: `/api/library/modules/${moduleIn(f, scope).id}/draft/from-source` }),
  },
  'POST /api/library/modules/:moduleId/draft/attachments': {
    own: ['hr', 'admin'],
    sibling: ['coordinator'],
    other: [],
    request: (f, scope) => ({ path: `/api/library/modules/${moduleIn(f, scope).id}/draft/attachments`, body: {} }),
  },
  'DELETE /api/library/modules/:moduleId/draft/attachments/:attachmentId': {
    own: ['hr', 'admin'],
    sibling: ['coordinator'],
    other: [],
    allowedStatus: 409,
    request: (f, scope) => ({ path: `/api/library/modules/${moduleIn(f, scope).id}/draft/attachments/${moduleIn(f, scope).attachmentId}` }),
  },
  'POST /api/library/modules/:moduleId/publish': {
    own: ['hr', 'admin'],
    sibling: ['coordinator'],
    other: [],
    request: (f, scope) => ({ path: `/api/library/modules/${moduleIn(f, scope).id}/publish`, body: { changeNote: 5 } }),
  },
  // HR and administrators make their organisation's own copy (whether a module can be adapted is the service's 409).
  'POST /api/library/modules/:moduleId/adapt': {
    own: ['hr', 'admin'],
    sibling: ['hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/library/modules/${moduleIn(f, scope).id}/adapt`, body: { title: 5 } }),
  },
  // The organisation's editors propose its own module (the note fails validation, so nothing is proposed here);
  // a shared module is not theirs to edit (403), organisation B's does not exist (404).
  'POST /api/library/modules/:moduleId/proposal': {
    own: ['hr', 'admin'],
    sibling: [],
    other: [],
    request: (f, scope) => ({ path: `/api/library/modules/${moduleIn(f, scope).id}/proposal`, body: { note: 5 } }),
  },
  // Proposals are decided by the network's coordinator (proposals.int-spec.ts covers the flow and other networks).
  'GET /api/library/proposals': { own: ['coordinator'], request: () => ({ path: '/api/library/proposals' }) },
  'POST /api/library/proposals/:proposalId/accept': {
    own: ['coordinator'],
    allowedStatus: 404,
    request: () => ({ path: `/api/library/proposals/${UNKNOWN_PROPOSAL}/accept` }),
  },
  'POST /api/library/proposals/:proposalId/decline': {
    own: ['coordinator'],
    request: () => ({ path: `/api/library/proposals/${UNKNOWN_PROPOSAL}/decline`, body: { reason: 5 } }),
  },
  'GET /api/library/module-versions/:versionId': {
    own: EVERYONE,
    sibling: EVERYONE,
    other: [],
    request: (f, scope) => ({ path: `/api/library/module-versions/${moduleIn(f, scope).versionId}` }),
  },
  'GET /api/library/attachments/:attachmentId': {
    own: EVERYONE,
    sibling: EVERYONE,
    other: [],
    request: (f, scope) => ({ path: `/api/library/attachments/${moduleIn(f, scope).attachmentId}` }),
  },
  // Idempotent: the first call loads the starter library into the fixture network, later calls add nothing.
  'POST /api/library/starter-library': { own: ['coordinator'], request: () => ({ path: '/api/library/starter-library' }) },
  'GET /api/library/programs': { own: EVERYONE, request: () => ({ path: '/api/library/programs' }) },
  'POST /api/library/programs': { own: ['hr', 'admin', 'coordinator'], request: () => ({ path: '/api/library/programs', body: {} }) },
  'GET /api/library/programs/:programId': {
    own: EVERYONE,
    sibling: EVERYONE,
    other: [],
    request: (f, scope) => ({ path: `/api/library/programs/${programIn(f, scope)}` }),
  },
  'PATCH /api/library/programs/:programId': {
    own: ['hr', 'admin'],
    sibling: ['coordinator'],
    other: [],
    request: (f, scope) => ({ path: `/api/library/programs/${programIn(f, scope)}`, body: { title: '' } }),
  },
  // Assignments live in the caller's organisation and are narrowed to the caller's units and areas.
  'GET /api/library/programs/:programId/assignments': {
    own: ['manager', 'areaManager', 'hr', 'admin'],
    sibling: ['manager', 'areaManager', 'hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/library/programs/${programIn(f, scope)}/assignments` }),
  },
  'POST /api/library/programs/:programId/assignments': {
    own: ['manager', 'areaManager', 'hr', 'admin'],
    sibling: ['manager', 'areaManager', 'hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/library/programs/${programIn(f, scope)}/assignments`, body: {} }),
  },
  // The network program's assignment on U1 (own), U2 (sibling) and U4 (organisation B). Ending is idempotent (204).
  'DELETE /api/library/programs/:programId/assignments/:assignmentId': {
    own: ['manager', 'areaManager', 'hr', 'admin'],
    sibling: ['areaManager', 'hr', 'admin'],
    other: [],
    allowedStatus: 204,
    request: (f, scope) => ({
      path: `/api/library/programs/${f.library.networkProgram}/assignments/${
        scope === 'own' ? f.library.assignmentU1 : scope === 'sibling' ? f.library.assignmentU2 : f.library.assignmentU4
      }`,
    }),
  },
  'GET /api/library/units/:unitId/programs': {
    own: ['ambassador', 'manager', 'areaManager', 'hr', 'admin'],
    sibling: ['areaManager', 'hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/library/units/${unitIn(f, scope)}/programs` }),
  },

  // --- ambassadors (api/src/ambassadors): own = U1 (ambassadorU1's appointment), sibling = U2, other = U4 in B ---
  'GET /api/ambassadors/appointments': {
    own: ['manager', 'areaManager', 'hr', 'admin'],
    sibling: ['areaManager', 'hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: '/api/ambassadors/appointments', query: { unitId: unitIn(f, scope) } }),
  },
  'POST /api/ambassadors/appointments': {
    own: ['manager', 'hr', 'admin'],
    sibling: ['hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: '/api/ambassadors/appointments', body: { personId: personIn(f, scope) } }),
  },
  'GET /api/ambassadors/appointments/:appointmentId': {
    own: ['ambassador', 'manager', 'areaManager', 'hr', 'admin'],
    sibling: ['areaManager', 'hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/ambassadors/appointments/${appointmentIn(f, scope)}` }),
  },
  'PATCH /api/ambassadors/appointments/:appointmentId': {
    own: ['manager', 'hr', 'admin'],
    sibling: ['hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/ambassadors/appointments/${appointmentIn(f, scope)}`, body: { allocationValue: 'mycket' } }),
  },
  'GET /api/ambassadors/qualifications': {
    own: ['manager', 'areaManager', 'hr', 'admin'],
    sibling: ['areaManager', 'hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: '/api/ambassadors/qualifications', query: { unitId: unitIn(f, scope) } }),
  },
  'POST /api/ambassadors/qualifications': {
    own: ['hr', 'admin'],
    sibling: ['hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: '/api/ambassadors/qualifications', body: { personId: personIn(f, scope) } }),
  },
  'POST /api/ambassadors/qualifications/:qualificationId/renew': {
    own: ['hr', 'admin'],
    sibling: ['hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/ambassadors/qualifications/${qualificationIn(f, scope)}/renew`, body: { validUntil: 'snart' } }),
  },
  'POST /api/ambassadors/qualifications/:qualificationId/revoke': {
    own: ['hr', 'admin'],
    sibling: ['hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/ambassadors/qualifications/${qualificationIn(f, scope)}/revoke`, body: { reason: '' } }),
  },
  'GET /api/ambassadors/coverage': {
    own: ['manager', 'areaManager', 'hr', 'admin'],
    sibling: ['areaManager', 'hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: '/api/ambassadors/coverage', query: { unitId: unitIn(f, scope) } }),
  },
  'GET /api/ambassadors/coverage-totals': {
    own: ['manager', 'areaManager', 'hr', 'admin'],
    sibling: ['areaManager', 'hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: '/api/ambassadors/coverage-totals', query: { unitId: unitIn(f, scope) } }),
  },
  'GET /api/ambassadors/reach': {
    own: ['manager', 'areaManager', 'hr', 'admin'],
    sibling: ['areaManager', 'hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: '/api/ambassadors/reach', query: { unitId: unitIn(f, scope) } }),
  },
  'GET /api/ambassadors/workload': {
    own: ['manager', 'areaManager', 'hr', 'admin'],
    sibling: ['areaManager', 'hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: '/api/ambassadors/workload', query: { unitId: unitIn(f, scope), month: '2025-03' } }),
  },
  'GET /api/ambassadors/network-coverage': { own: ['coordinator'], request: () => ({ path: '/api/ambassadors/network-coverage' }) },
  'GET /api/ambassadors/network-reach': { own: ['coordinator'], request: () => ({ path: '/api/ambassadors/network-reach' }) },
  'GET /api/ambassadors/me': { own: EVERYONE, request: () => ({ path: '/api/ambassadors/me' }) },

  // --- sessions (api/src/sessions): own = a session in U1 (led by ambassadorU1), sibling = U2, other = U4 in B ---
  'GET /api/sessions': {
    own: ['ambassador', 'manager', 'areaManager', 'hr', 'admin'],
    sibling: ['areaManager', 'hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: '/api/sessions', query: { unitId: unitIn(f, scope) } }),
  },
  'POST /api/sessions': {
    own: ['ambassador', 'manager', 'hr', 'admin'],
    sibling: ['hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: '/api/sessions', body: { unitId: unitIn(f, scope) } }),
  },
  'POST /api/session-conflicts': {
    own: ['ambassador', 'manager', 'hr', 'admin'],
    sibling: ['hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: '/api/session-conflicts', body: { unitId: unitIn(f, scope) } }),
  },
  'GET /api/my-sessions': {
    own: ['ambassador', 'manager', 'areaManager', 'hr', 'admin'],
    request: () => ({ path: '/api/my-sessions' }),
  },
  'GET /api/sessions/:sessionId': {
    own: ['ambassador', 'manager', 'areaManager', 'hr', 'admin'],
    sibling: ['areaManager', 'hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/sessions/${sessionIn(f, scope)}` }),
  },
  'PATCH /api/sessions/:sessionId': {
    own: ['ambassador', 'manager', 'hr', 'admin'],
    sibling: ['hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/sessions/${sessionIn(f, scope)}`, body: { place: '' } }),
  },
  'GET /api/sessions/:sessionId/attendance': {
    own: ['ambassador', 'manager', 'areaManager', 'hr', 'admin'],
    sibling: ['areaManager', 'hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/sessions/${sessionIn(f, scope)}/attendance` }),
  },
  'POST /api/sessions/:sessionId/attendance': {
    own: ['ambassador', 'manager', 'hr', 'admin'],
    sibling: ['hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/sessions/${sessionIn(f, scope)}/attendance`, body: { marks: 'alla' } }),
  },
  // A made-up mark id: allowed callers get past the guards to the 404 of an unknown mark.
  'DELETE /api/sessions/:sessionId/attendance/:markId': {
    own: ['ambassador', 'manager', 'hr', 'admin'],
    sibling: ['hr', 'admin'],
    other: [],
    allowedStatus: 404,
    request: (f, scope) => ({ path: `/api/sessions/${sessionIn(f, scope)}/attendance/00000000-0000-4000-8000-000000000000` }),
  },
  'GET /api/sessions/:sessionId/walk-in-candidates': {
    own: ['ambassador', 'manager', 'hr', 'admin'],
    sibling: ['hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/sessions/${sessionIn(f, scope)}/walk-in-candidates` }),
  },
  'POST /api/session-series': {
    own: ['ambassador', 'manager', 'hr', 'admin'],
    sibling: ['hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: '/api/session-series', body: { unitId: unitIn(f, scope) } }),
  },
  'GET /api/session-series/:seriesId': {
    own: ['ambassador', 'manager', 'areaManager', 'hr', 'admin'],
    sibling: ['areaManager', 'hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/session-series/${seriesIn(f, scope)}` }),
  },
  'PATCH /api/session-series/:seriesId': {
    own: ['ambassador', 'manager', 'hr', 'admin'],
    sibling: ['hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/session-series/${seriesIn(f, scope)}`, body: { position: 0 } }),
  },
  'GET /api/sessions/units/:unitId/catch-up': {
    own: ['ambassador', 'manager', 'areaManager', 'hr', 'admin'],
    sibling: ['areaManager', 'hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/sessions/units/${unitIn(f, scope)}/catch-up` }),
  },
  // Everyone sees the support they received; the service narrows the list to that and the units the caller reads.
  'GET /api/support-entries': { own: EVERYONE, request: () => ({ path: '/api/support-entries' }) },
  'POST /api/support-entries': {
    own: ['ambassador', 'manager', 'hr', 'admin'],
    sibling: ['hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: '/api/support-entries', body: { unitId: unitIn(f, scope) } }),
  },
  'GET /api/participation': {
    own: ['ambassador', 'manager', 'areaManager', 'hr', 'admin'],
    sibling: ['areaManager', 'hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: '/api/participation', query: { unitId: unitIn(f, scope) } }),
  },
  'GET /api/participation/me': { own: EVERYONE, request: () => ({ path: '/api/participation/me' }) },

  // --- checks (api/src/checks): own = U1 / organisation A, sibling = U2 (organisation-wide objects: A again), other = U4 / B ---
  'GET /api/checks/core-items': {
    own: ['ambassador', 'manager', 'areaManager', 'hr', 'admin', 'coordinator'],
    request: () => ({ path: '/api/checks/core-items' }),
  },
  'POST /api/checks/core-items': { own: ['coordinator'], request: () => ({ path: '/api/checks/core-items', body: {} }) },
  // Already retired in the fixture: retiring again changes nothing.
  'POST /api/checks/core-items/:coreItemId/retire': {
    own: ['coordinator'],
    request: (f) => ({ path: `/api/checks/core-items/${f.checks.retiredCoreItem}/retire` }),
  },
  'GET /api/checks/instruments': {
    own: ['ambassador', 'manager', 'areaManager', 'hr', 'admin'],
    request: () => ({ path: '/api/checks/instruments' }),
  },
  'POST /api/checks/instruments': { own: ['hr', 'admin'], request: () => ({ path: '/api/checks/instruments', body: { title: '' } }) },
  'GET /api/checks/instruments/:instrumentId': {
    own: ['ambassador', 'manager', 'areaManager', 'hr', 'admin'],
    sibling: ['ambassador', 'manager', 'areaManager', 'hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/checks/instruments/${instrumentIn(f, scope)}` }),
  },
  'PUT /api/checks/instruments/:instrumentId/draft': {
    own: ['hr', 'admin'],
    sibling: ['hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/checks/instruments/${instrumentIn(f, scope)}/draft`, body: { title: '' } }),
  },
  // The fixture's instruments have no draft: an allowed caller gets 409, nothing is published.
  'POST /api/checks/instruments/:instrumentId/publish': {
    own: ['hr', 'admin'],
    sibling: ['hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/checks/instruments/${instrumentIn(f, scope)}/publish` }),
  },
  'GET /api/checks/instrument-versions/:versionId': {
    own: ['ambassador', 'manager', 'areaManager', 'hr', 'admin'],
    sibling: ['ambassador', 'manager', 'areaManager', 'hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/checks/instrument-versions/${scope === 'other' ? f.checks.versionB : f.checks.versionA}` }),
  },
  'GET /api/checks/assignments': {
    own: ['ambassador', 'manager', 'areaManager', 'hr', 'admin'],
    sibling: ['areaManager', 'hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: '/api/checks/assignments', query: { unitId: unitIn(f, scope) } }),
  },
  'POST /api/checks/assignments': {
    own: ['ambassador', 'manager', 'areaManager', 'hr', 'admin'],
    sibling: ['areaManager', 'hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: '/api/checks/assignments', body: { unitId: unitIn(f, scope) } }),
  },
  'GET /api/checks/assignments/:assignmentId': {
    own: ['ambassador', 'manager', 'areaManager', 'hr', 'admin'],
    sibling: ['areaManager', 'hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/checks/assignments/${checkIn(f, scope).assignment}` }),
  },
  'POST /api/checks/assignments/:assignmentId/rounds': {
    own: ['ambassador', 'manager', 'areaManager', 'hr', 'admin'],
    sibling: ['areaManager', 'hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/checks/assignments/${checkIn(f, scope).assignment}/rounds`, body: { kind: 'ibland' } }),
  },
  'POST /api/checks/assignments/:assignmentId/cancel': {
    own: ['ambassador', 'manager', 'areaManager', 'hr', 'admin'],
    sibling: ['areaManager', 'hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/checks/assignments/${checkIn(f, scope).assignment}/cancel`, body: {} }),
  },
  'GET /api/checks/rounds/:roundId/roster': {
    own: ['ambassador', 'manager'],
    sibling: [],
    other: [],
    request: (f, scope) => ({ path: `/api/checks/rounds/${checkIn(f, scope).round}/roster` }),
  },
  'POST /api/checks/rounds/:roundId/kiosk': {
    own: ['ambassador', 'manager'],
    sibling: [],
    other: [],
    request: (f, scope) => ({ path: `/api/checks/rounds/${checkIn(f, scope).round}/kiosk`, body: {} }),
  },
  // The fixture's kiosk responses are finished: saving answers 409, submitting again changes nothing.
  'PUT /api/checks/kiosk/:responseId/items/:itemKey': {
    own: ['ambassador', 'manager'],
    sibling: [],
    other: [],
    request: (f, scope) => ({ path: `/api/checks/kiosk/${checkIn(f, scope).response}/items/s1`, body: { value: 'fyra' } }),
  },
  'POST /api/checks/kiosk/:responseId/submit': {
    own: ['ambassador', 'manager'],
    sibling: [],
    other: [],
    request: (f, scope) => ({ path: `/api/checks/kiosk/${checkIn(f, scope).response}/submit` }),
  },
  // Finished like the others: a language for an answer already sent is 409, which still shows the route let them in.
  'PUT /api/checks/kiosk/:responseId/language': {
    own: ['ambassador', 'manager'],
    sibling: [],
    other: [],
    request: (f, scope) => ({ path: `/api/checks/kiosk/${checkIn(f, scope).response}/language`, body: { preferredLanguage: 'ar' } }),
  },
  'POST /api/checks/kiosk/:responseId/decline': {
    own: ['ambassador', 'manager'],
    sibling: [],
    other: [],
    request: (f, scope) => ({ path: `/api/checks/kiosk/${checkIn(f, scope).response}/decline` }),
  },
  // Starting the locked kiosk ends the caller's own session (the device keeps only the kiosk credential).
  'POST /api/checks/rounds/:roundId/kiosk-credential': {
    own: ['ambassador', 'manager'],
    sibling: [],
    other: [],
    freshSession: true,
    request: (f, scope) => ({ path: `/api/checks/rounds/${checkIn(f, scope).round}/kiosk-credential` }),
  },
  // The kiosk credential's own routes: no signed-in session may call them (403); kiosk-credential.e2e-spec.ts covers the kiosk.
  'GET /api/kiosk': { own: [], request: () => ({ path: '/api/kiosk' }) },
  'POST /api/kiosk/leave': { own: [], request: () => ({ path: '/api/kiosk/leave', body: {} }) },
  // Public: what a QR link is for (check title and workplace), before signing in.
  'GET /api/checks/codes/:code': { public: true, own: EVERYONE, request: (f) => ({ path: `/api/checks/codes/${f.checks.codeU1}` }) },
  'PUT /api/checks/rounds/:roundId/observations': {
    own: ['ambassador'],
    sibling: [],
    other: [],
    request: (f, scope) => ({ path: `/api/checks/rounds/${checkIn(f, scope).round}/observations`, body: {} }),
  },
  // The link code: members of the round's unit answer for themselves (staffU1, ambassadorU1 and managerU1 are in U1).
  'POST /api/checks/answer/:code': {
    own: ['staff', 'ambassador', 'manager'],
    sibling: [],
    other: [],
    request: (f, scope) => ({ path: `/api/checks/answer/${checkIn(f, scope).code}` }),
  },
  'PUT /api/checks/answer/:code/items/:itemKey': {
    own: ['staff', 'ambassador', 'manager'],
    sibling: [],
    other: [],
    request: (f, scope) => ({ path: `/api/checks/answer/${checkIn(f, scope).code}/items/s1`, body: { value: 'fyra' } }),
  },
  'POST /api/checks/answer/:code/submit': {
    own: ['staff', 'ambassador', 'manager'],
    sibling: [],
    other: [],
    request: (f, scope) => ({ path: `/api/checks/answer/${checkIn(f, scope).code}/submit` }),
  },
  'POST /api/checks/answer/:code/decline': {
    own: ['staff', 'ambassador', 'manager'],
    sibling: [],
    other: [],
    request: (f, scope) => ({ path: `/api/checks/answer/${checkIn(f, scope).code}/decline` }),
  },
  'GET /api/checks/me': { own: EVERYONE, request: () => ({ path: '/api/checks/me' }) },
  'GET /api/checks/support-signals': {
    own: ['ambassador'],
    sibling: [],
    other: [],
    request: (f, scope) => ({ path: '/api/checks/support-signals', query: { unitId: unitIn(f, scope) } }),
  },
  'GET /api/checks/results': {
    own: ['manager', 'areaManager', 'hr', 'admin'],
    sibling: ['areaManager', 'hr', 'admin'],
    other: [],
    request: (f, scope) => ({
      path: '/api/checks/results',
      query: { instrumentId: instrumentIn(f, scope), unitId: unitIn(f, scope) },
    }),
  },

  // Rates by answer language: organisation-wide roles only (HR, administrators), aggregates through the privacy gate.
  'GET /api/checks/results/languages': {
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
    own: ['hr', 'admin'],
    sibling: ['hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/checks/instruments/${instrumentIn(f, scope)}/translations` }),
  },
  'POST /api/checks/instruments/:instrumentId/translations': {
    own: ['hr', 'admin'],
    sibling: ['hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/checks/instruments/${instrumentIn(f, scope)}/translations`, body: { itemKey: 's1', language: 'sv' } }),
  },
  'PUT /api/checks/instruments/:instrumentId/translation-settings': {
    own: ['hr', 'admin'],
    sibling: ['hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/checks/instruments/${instrumentIn(f, scope)}/translation-settings`, body: { allowDraftTranslations: 'ja' } }),
  },
  // A JSON body carries no file: an allowed caller gets 400 ("Välj en ljudfil").
  'PUT /api/checks/instruments/:instrumentId/audio/:itemKey/:language': {
    own: ['hr', 'admin'],
    sibling: ['hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/checks/instruments/${instrumentIn(f, scope)}/audio/s1/ar`, body: {} }),
  },
  // Everyone in the organisation plays recordings; the fixture has none, so an allowed caller gets 404 from the service.
  'GET /api/checks/instruments/:instrumentId/audio/:itemKey/:language': {
    own: EVERYONE,
    sibling: EVERYONE,
    other: [],
    allowedStatus: 404,
    request: (f, scope) => ({ path: `/api/checks/instruments/${instrumentIn(f, scope)}/audio/s1/ar` }),
  },
  'DELETE /api/checks/instruments/:instrumentId/audio/:itemKey/:language': {
    own: ['hr', 'admin'],
    sibling: ['hr', 'admin'],
    other: [],
    allowedStatus: 404,
    request: (f, scope) => ({ path: `/api/checks/instruments/${instrumentIn(f, scope)}/audio/s1/ar` }),
  },
  // The kiosk tablet's recordings, through the response (the fixture has none: an allowed caller gets 404 from the service).
  'GET /api/checks/kiosk/:responseId/audio/:itemKey/:language': {
    own: ['ambassador', 'manager'],
    sibling: [],
    other: [],
    allowedStatus: 404,
    request: (f, scope) => ({ path: `/api/checks/kiosk/${checkIn(f, scope).response}/audio/s1/ar` }),
  },
  // The network's shared translations of a core item: its coordinator.
  'GET /api/checks/core-items/:coreItemId/translations': {
    own: ['coordinator'],
    request: (f) => ({ path: `/api/checks/core-items/${f.checks.retiredCoreItem}/translations` }),
  },
  'POST /api/checks/core-items/:coreItemId/translations': {
    own: ['coordinator'],
    request: (f) => ({ path: `/api/checks/core-items/${f.checks.retiredCoreItem}/translations`, body: {} }),
  },
  // A made-up translation id: callers past the guard get 404 from the service (which decides own or shared rows).
  'PUT /api/checks/translations/:translationId': {
    own: ['hr', 'admin', 'coordinator'],
    allowedStatus: 404,
    request: () => ({ path: '/api/checks/translations/00000000-0000-4000-8000-000000000000', body: { text: 'نص' } }),
  },
  'DELETE /api/checks/translations/:translationId': {
    own: ['hr', 'admin', 'coordinator'],
    allowedStatus: 404,
    request: () => ({ path: '/api/checks/translations/00000000-0000-4000-8000-000000000000' }),
  },
  'POST /api/checks/translations/:translationId/review': {
    own: ['hr', 'admin', 'coordinator'],
    allowedStatus: 404,
    request: () => ({ path: '/api/checks/translations/00000000-0000-4000-8000-000000000000/review' }),
  },

  // --- insight (api/src/insights): own = U1, sibling = U2, other = U4 in B; write bodies fail validation (400) ---
  'GET /api/insights/units/:unitId/team': {
    own: ['manager', 'areaManager', 'hr', 'admin'],
    sibling: ['areaManager', 'hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/insights/units/${unitIn(f, scope)}/team` }),
  },
  'GET /api/insights/units/:unitId/plan': {
    own: ['manager', 'areaManager', 'hr', 'admin'],
    sibling: ['areaManager', 'hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/insights/units/${unitIn(f, scope)}/plan` }),
  },
  'POST /api/insights/units/:unitId/plan-entries': {
    own: ['manager', 'hr', 'admin'],
    sibling: ['hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/insights/units/${unitIn(f, scope)}/plan-entries`, body: {} }),
  },
  'PATCH /api/insights/units/:unitId/plan-entries/:entryId': {
    own: ['manager', 'hr', 'admin'],
    sibling: ['hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/insights/units/${unitIn(f, scope)}/plan-entries/00000000-0000-4000-8000-000000000000`, body: { month: 'snart' } }),
  },
  // A made-up entry id: callers past the guard get 404 from the service, the others 403 (404 for organisation B).
  'DELETE /api/insights/units/:unitId/plan-entries/:entryId': {
    own: ['manager', 'hr', 'admin'],
    sibling: ['hr', 'admin'],
    other: [],
    allowedStatus: 404,
    request: (f, scope) => ({ path: `/api/insights/units/${unitIn(f, scope)}/plan-entries/00000000-0000-4000-8000-000000000000` }),
  },
  'POST /api/insights/units/:unitId/targets': {
    own: ['manager', 'hr', 'admin'],
    sibling: ['hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/insights/units/${unitIn(f, scope)}/targets`, body: {} }),
  },
  'PATCH /api/insights/units/:unitId/targets/:targetId': {
    own: ['manager', 'hr', 'admin'],
    sibling: ['hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/insights/units/${unitIn(f, scope)}/targets/00000000-0000-4000-8000-000000000000`, body: { targetPercent: 'alla' } }),
  },
  'DELETE /api/insights/units/:unitId/targets/:targetId': {
    own: ['manager', 'hr', 'admin'],
    sibling: ['hr', 'admin'],
    other: [],
    allowedStatus: 404,
    request: (f, scope) => ({ path: `/api/insights/units/${unitIn(f, scope)}/targets/00000000-0000-4000-8000-000000000000` }),
  },
  'GET /api/insights/cost-settings': { own: ['hr', 'admin'], request: () => ({ path: '/api/insights/cost-settings' }) },
  'PUT /api/insights/cost-settings/hourly-rates': { own: ['hr', 'admin'], request: () => ({ path: '/api/insights/cost-settings/hourly-rates', body: {} }) },
  'POST /api/insights/cost-settings/external-costs': {
    own: ['hr', 'admin'],
    request: () => ({ path: '/api/insights/cost-settings/external-costs', body: {} }),
  },
  'DELETE /api/insights/cost-settings/external-costs/:costId': {
    own: ['hr', 'admin'],
    allowedStatus: 404,
    request: () => ({ path: '/api/insights/cost-settings/external-costs/00000000-0000-4000-8000-000000000000' }),
  },
  'GET /api/insights/costs': { own: ['hr', 'admin'], request: () => ({ path: '/api/insights/costs' }) },
  'GET /api/insights/participant-report': { own: ['hr', 'admin'], request: () => ({ path: '/api/insights/participant-report' }) },
  'GET /api/insights/participation': { own: ['areaManager', 'hr', 'admin'], request: () => ({ path: '/api/insights/participation' }) },
  'GET /api/network/insights/participation': { own: ['coordinator'], request: () => ({ path: '/api/network/insights/participation' }) },
  'GET /api/network/insights/comparison': { own: ['coordinator'], request: () => ({ path: '/api/network/insights/comparison' }) },
  // competence levels and gains: the caller's own scope (units, areas or organisation); the unit block like the team view
  'GET /api/insights/competence': { own: ['manager', 'areaManager', 'hr', 'admin'], request: () => ({ path: '/api/insights/competence' }) },
  'GET /api/insights/competence/trend': { own: ['manager', 'areaManager', 'hr', 'admin'], request: () => ({ path: '/api/insights/competence/trend' }) },
  'GET /api/insights/units/:unitId/competence': {
    own: ['manager', 'areaManager', 'hr', 'admin'],
    sibling: ['areaManager', 'hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/insights/units/${unitIn(f, scope)}/competence` }),
  },
  // competence profiles: HR and administrators edit (a manager cannot); a unit's gap like the team view; each person their own
  'GET /api/insights/competence-profiles': { own: ['hr', 'admin'], request: () => ({ path: '/api/insights/competence-profiles' }) },
  'PUT /api/insights/competence-profiles/:profileId': {
    own: ['hr', 'admin'],
    request: () => ({ path: '/api/insights/competence-profiles/00000000-0000-4000-8000-000000000000', body: {} }),
  },
  'DELETE /api/insights/competence-profiles/:profileId': {
    own: ['hr', 'admin'],
    allowedStatus: 404,
    request: () => ({ path: '/api/insights/competence-profiles/00000000-0000-4000-8000-000000000000' }),
  },
  'GET /api/insights/units/:unitId/competence-gap': {
    own: ['manager', 'areaManager', 'hr', 'admin'],
    sibling: ['areaManager', 'hr', 'admin'],
    other: [],
    request: (f, scope) => ({ path: `/api/insights/units/${unitIn(f, scope)}/competence-gap` }),
  },
  'GET /api/insights/me/competence-gap': { own: EVERYONE, request: () => ({ path: '/api/insights/me/competence-gap' }) },
  // --- audit log (api/src/audit): the caller's own organisation only, admins only ---
  'GET /api/audit-log': { own: ['admin'], request: () => ({ path: '/api/audit-log' }) },
  'GET /api/audit-log/retention': { own: ['admin'], request: () => ({ path: '/api/audit-log/retention' }) },
  'PUT /api/audit-log/retention': { own: ['admin'], request: () => ({ path: '/api/audit-log/retention', body: {} }) },
  // --- calendars, notifications and e-mail (api/src/calendar, api/src/notifications) ---
  'GET /api/calendar/feeds/me': { own: EVERYONE, request: () => ({ path: '/api/calendar/feeds/me' }) },
  'POST /api/calendar/feeds/me': { own: EVERYONE, request: () => ({ path: '/api/calendar/feeds/me' }) },
  'DELETE /api/calendar/feeds/me': { own: EVERYONE, request: () => ({ path: '/api/calendar/feeds/me' }) },
  'GET /api/calendar/feeds/units/:unitId': {
    own: ['ambassador', 'manager'],
    sibling: [],
    other: [],
    request: (f, scope) => ({ path: `/api/calendar/feeds/units/${unitIn(f, scope)}` }),
  },
  'POST /api/calendar/feeds/units/:unitId': {
    own: ['ambassador', 'manager'],
    sibling: [],
    other: [],
    request: (f, scope) => ({ path: `/api/calendar/feeds/units/${unitIn(f, scope)}` }),
  },
  'DELETE /api/calendar/feeds/units/:unitId': {
    own: ['ambassador', 'manager'],
    sibling: [],
    other: [],
    request: (f, scope) => ({ path: `/api/calendar/feeds/units/${unitIn(f, scope)}` }),
  },
  // The token is the credential: a made-up one answers 404 to anyone, signed in or not.
  'GET /api/calendar/feed/:token': { public: true, own: EVERYONE, allowedStatus: 404, request: () => ({ path: `/api/calendar/feed/${'A'.repeat(43)}` }) },
  'GET /api/notifications': { own: EVERYONE, request: () => ({ path: '/api/notifications' }) },
  'POST /api/notifications/:notificationId/read': {
    own: EVERYONE,
    allowedStatus: 404,
    request: () => ({ path: '/api/notifications/00000000-0000-4000-8000-000000000000/read' }),
  },
  'POST /api/notifications/read-all': { own: EVERYONE, request: () => ({ path: '/api/notifications/read-all' }) },
  'GET /api/mail-outbox': { own: ['admin'], request: () => ({ path: '/api/mail-outbox' }) },
  'GET /api/mail-outbox/:messageId': {
    own: ['admin'],
    allowedStatus: 404,
    request: () => ({ path: '/api/mail-outbox/00000000-0000-4000-8000-000000000000' }),
  },
  // --- personal data (api/src/personal-data): one's own copy for everyone; retention and pseudonymisation for admins ---
  'GET /api/me/personal-data': { own: EVERYONE, request: () => ({ path: '/api/me/personal-data' }) },
  'GET /api/personal-data/retention': { own: ['admin'], request: () => ({ path: '/api/personal-data/retention' }) },
  'PUT /api/personal-data/retention': { own: ['admin'], request: () => ({ path: '/api/personal-data/retention', body: {} }) },
  // The bystanders are still employed: an admin gets past the guard and is refused (409), nothing changes.
  'POST /api/people/:personId/pseudonymise': {
    own: ['admin'],
    sibling: ['admin'],
    other: [],
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
