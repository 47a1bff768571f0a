import { Injectable } from '@nestjs/common';
import type { PermissionObject, PermissionRule } from '@kunna/contracts';
import type { Caller } from './caller';

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * How the access guard finds one kind of object a permission applies to (a session, a module, a check round…) and
 * decides whether the caller may act on it. Each feature registers the kinds it owns, so the guard resolves the
 * object once and the handler receives it (`@Permitted()`) instead of reading it again.
 */
export interface PermitResolver {
  /** What a well-formed id looks like (a UUID unless said otherwise); anything else answers 400. */
  idPattern?: RegExp;
  /**
   * The object, when the caller may act on it under `rule` (its roles and need). Throws 404 for an object that does
   * not exist for the caller (another organisation's, outside every scope the roles give) and 403 for one the
   * caller may see but not act on.
   */
  resolve(caller: Caller, id: string, rule: PermissionRule): Promise<unknown>;
}

/** The registry of object kinds outside the organisation tree (the tree's own kinds are the guard's). */
@Injectable()
export class PermitObjects {
  private readonly resolvers = new Map<PermissionObject, PermitResolver>();

  register(kind: PermissionObject, resolver: PermitResolver): void {
    if (this.resolvers.has(kind)) throw new Error(`Two resolvers for the permission object ${kind}`);
    this.resolvers.set(kind, resolver);
  }

  resolver(kind: PermissionObject): PermitResolver | undefined {
    return this.resolvers.get(kind);
  }
}
