import type { Express } from 'express';
import { createTestApp, TestApp } from '../../api/src/test-support/test-app';
import { declaredRoutes } from '../../api/src/test-support/declared-routes';
import { EVERYONE, MATRIX, MatrixRequest, ResolvedRouteSpec, RouteKey, ROUTES, ScopeCase, Who, WHO } from './authorization-matrix';
import { registeredRoutes } from './support/registered-routes';

/**
 * Enumerates every route the running app registers and checks it against the matrix for each role,
 * in its own scope, a sibling unit, another organisation and without a session. A route missing from
 * the matrix fails the test: nothing ships without a declared, tested access rule.
 */
describe('authorization matrix', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('covers every registered route, and lists no route that does not exist', () => {
    const registered = registeredRoutes(t.app.getHttpAdapter().getInstance() as Express);
    const declared = (Object.keys(MATRIX) as RouteKey[]).sort();
    expect(registered.filter((route) => !declared.includes(route))).toEqual([]);
    expect(declared.filter((route) => !registered.includes(route))).toEqual([]);
  });

  it('the authorization matrix names the same permission for each route as its controller (or marks it public)', () => {
    const routes = declaredRoutes();
    const matrix = ROUTES as Record<string, { permission?: string; public?: boolean } | undefined>;
    const problems = routes.flatMap(({ route, key, permit, isPublic }) => {
      const row = matrix[key];
      if (!row) return [`${route}: not in e2e/api/authorization-matrix.ts`];
      if (isPublic && !row.public) return [`${route}: public, but the matrix does not say so`];
      if (permit && row.permission !== permit.permission) return [`${route}: declares ${permit.permission}, the matrix ${row.permission ?? 'nothing'}`];
      return [];
    });
    expect(problems).toEqual([]);
  });

  const cases: Array<[RouteKey, ResolvedRouteSpec]> = Object.entries(MATRIX) as Array<[RouteKey, ResolvedRouteSpec]>;

  describe.each(cases)('%s', (route, spec) => {
    const method = route.split(' ')[0].toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';

    it(spec.public ? 'is public: answers without a session' : 'refuses a caller without a session (401)', async () => {
      const req = spec.request(t.fixture, 'own', 'staff');
      const response = await send(t.http()[method](withQuery(req)), req);
      if (spec.public) expect([401, 403]).not.toContain(response.status);
      else expect(response.status).toBe(401);
      expect(response.status).toBeLessThan(500);
    });

    const scopes: ScopeCase[] = spec.sibling === undefined ? ['own'] : ['own', 'sibling', 'other'];
    for (const scope of scopes) {
      const allowed = scope === 'own' ? spec.own : scope === 'sibling' ? (spec.sibling ?? []) : (spec.other ?? []);
      it.each(EVERYONE)(`${scope} scope: %s`, async (who: Who) => {
        const client = spec.freshSession ? await freshClient(who) : await t.as(WHO[who]);
        const req = spec.request(t.fixture, scope, who);
        const response = await client[method](withQuery(req), req.body);
        const status = response.status;
        expect(status).toBeLessThan(500);
        if (allowed.includes(who)) {
          if (spec.allowedStatus) expect(status).toBe(spec.allowedStatus);
          else expect([401, 403, 404]).not.toContain(status);
        } else if (scope === 'other' && spec.own.includes(who)) {
          // Another organisation's object does not exist for this caller: 404, never the object, never 403.
          expect(status).toBe(404);
        } else {
          expect([403, 404]).toContain(status);
        }
      });
    }
  });

  async function freshClient(who: Who) {
    // Bypass the cached session: this request ends it.
    const key = WHO[who];
    const fresh = await createSession(key);
    return fresh;
  }

  async function createSession(key: (typeof WHO)[Who]) {
    const { FIXTURE_PASSWORD } = await import('../../api/src/test-support/fixture');
    const { CSRF_HEADER } = await import('@kunna/contracts');
    const response = await t.http().post('/api/auth/sign-in').send({ identifier: t.fixture.people[key].email, password: FIXTURE_PASSWORD });
    const cookie = ([] as string[])
      .concat(response.headers['set-cookie'] ?? [])
      .map((c) => c.split(';')[0])
      .join('; ');
    const csrf = (response.body as { csrfToken: string }).csrfToken;
    const unsafe = (test: ReturnType<ReturnType<TestApp['http']>['post']>) => test.set('Cookie', cookie).set(CSRF_HEADER, csrf);
    return {
      get: (path: string) => t.http().get(path).set('Cookie', cookie),
      post: (path: string, body?: object) => unsafe(t.http().post(path)).send(body ?? {}),
      put: (path: string, body?: object) => unsafe(t.http().put(path)).send(body ?? {}),
      patch: (path: string, body?: object) => unsafe(t.http().patch(path)).send(body ?? {}),
      delete: (path: string) => unsafe(t.http().delete(path)),
    };
  }
});

function withQuery(req: MatrixRequest): string {
  if (!req.query) return req.path;
  return `${req.path}?${new URLSearchParams(req.query).toString()}`;
}

function send(test: import('supertest').Test, req: MatrixRequest) {
  return req.body ? test.send(req.body) : test;
}
