import 'reflect-metadata';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { Permission, PERMISSIONS } from '@kunna/contracts';
import { ROUTES } from '../../../e2e/api/authorization-matrix';
import { PERMIT_KEY, PermitRule, PUBLIC_KEY } from './access.decorator';

const API_SOURCE = join(__dirname, '..');

interface DeclaredRoute {
  route: string;
  /** `METHOD /api/path`, as the authorization matrix names it. */
  key: string;
  permit?: PermitRule;
  isPublic: boolean;
}

function controllerFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'test-support' ? [] : controllerFiles(path);
    return name.endsWith('.controller.ts') ? [path] : [];
  });
}

/** Every handler of every controller class in api/src, read from the decorators' metadata. */
function declaredRoutes(): DeclaredRoute[] {
  return controllerFiles(API_SOURCE).flatMap((file) =>
    Object.values(require(file) as Record<string, unknown>).flatMap((exported) => {
      if (typeof exported !== 'function' || Reflect.getMetadata(PATH_METADATA, exported) === undefined) return [];
      const controller = exported as { prototype: Record<string, unknown> };
      return Object.getOwnPropertyNames(controller.prototype).flatMap((name) => {
        const handler = controller.prototype[name];
        if (name === 'constructor' || typeof handler !== 'function' || Reflect.getMetadata(PATH_METADATA, handler) === undefined) return [];
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const permit = (Reflect.getMetadata(PERMIT_KEY, handler) ?? Reflect.getMetadata(PERMIT_KEY, controller)) as PermitRule | undefined;
        const isPublic = (Reflect.getMetadata(PUBLIC_KEY, handler) ?? Reflect.getMetadata(PUBLIC_KEY, controller) ?? false) as boolean;
        const path = [Reflect.getMetadata(PATH_METADATA, controller), Reflect.getMetadata(PATH_METADATA, handler)]
          .map((part) => String(part).replace(/^\/+|\/+$/g, ''))
          .filter(Boolean)
          .join('/');
        const key = `${method} /api/${path}`;
        return [{ route: `${key} (${relative(API_SOURCE, file)} ${name})`, key, permit, isPublic }];
      });
    }),
  );
}

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

  it('the authorization matrix names the same permission for each route as its controller (or marks it public)', () => {
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
});
