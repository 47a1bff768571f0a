import { Permission, PERMISSIONS } from '@kunna/contracts';
import { declaredRoutes } from '../test-support/declared-routes';

describe('permission declarations', () => {
  const routes = declaredRoutes();

  it('finds the controllers', () => {
    expect(routes.length).toBeGreaterThan(100);
  });

  it('every route declares exactly one of @Permit and @Public (the guard denies the rest)', () => {
    expect(routes.filter((route) => !route.permit && !route.isPublic).map((route) => route.route)).toEqual([]);
    expect(routes.filter((route) => route.permit && route.isPublic).map((route) => route.route)).toEqual([]);
  });

  it('every declared permission is in the table, and one naming an object says where its id comes from', () => {
    const problems = routes.flatMap(({ route, permit }) => {
      if (!permit) return [];
      const rule = PERMISSIONS[permit.permission];
      if (!rule) return [`${route}: unknown permission ${permit.permission}`];
      const scopeOnly = rule.object === 'self' || rule.object === 'scopes' || rule.object === 'ownOrganisation';
      if (scopeOnly && permit.from) return [`${route}: ${permit.permission} applies to ${rule.object}, yet names an id`];
      if (!scopeOnly && !permit.from) return [`${route}: ${permit.permission} applies to a ${rule.object} but names no id`];
      return [];
    });
    expect(problems).toEqual([]);
  });

  it('every permission in the table is declared by a route (no dead entries)', () => {
    const used = new Set(routes.map((route) => route.permit?.permission));
    expect((Object.keys(PERMISSIONS) as Permission[]).filter((permission) => !used.has(permission))).toEqual([]);
  });
});
