import 'reflect-metadata';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { PERMIT_KEY, type PermitRule, PUBLIC_KEY } from '../auth';

/** For tests: every route of every controller in api/src with what it declares (`@Permit`, `@Public`). */
const API_SOURCE = join(__dirname, '..');

export interface DeclaredRoute {
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
export function declaredRoutes(): DeclaredRoute[] {
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
