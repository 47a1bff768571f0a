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
  'GET /api/auth/me': { own: EVERYONE, request: () => ({ path: '/api/auth/me' }) },
  'PUT /api/auth/password': { own: EVERYONE, request: () => ({ path: '/api/auth/password', body: {} }) },
  'GET /api/auth/sessions': { own: EVERYONE, request: () => ({ path: '/api/auth/sessions' }) },
  // A made-up session id: each caller may try to end their own sessions only (404 when it is not theirs).
  'DELETE /api/auth/sessions/:sessionId': {
    own: EVERYONE,
    request: () => ({ path: '/api/auth/sessions/0000000000000000' }),
    allowedStatus: 404,
  },
  'POST /api/auth/sign-out': { own: EVERYONE, freshSession: true, request: () => ({ path: '/api/auth/sign-out' }) },
};
