import { SetMetadata } from '@nestjs/common';
import { Permission, PERMISSIONS, PermissionObject } from '@kunna/contracts';

/**
 * Where a route's object id is read: a path parameter's name (`'sessionId'`), or `'body.unitId'` / `'query.unitId'`.
 * A path parameter must be there; a body or query field may be left out (the service then narrows to the
 * caller's own scopes, or the validation pipe names the missing field).
 */
export type IdSource = string;

/** Permissions whose object is named by an id in the request (not the caller, nor the caller's scopes). */
type ObjectOf<P extends Permission> = (typeof PERMISSIONS)[P]['object'];
type ScopeOnly = 'self' | 'scopes' | 'ownOrganisation';
export type ObjectIds<P extends Permission> = ObjectOf<P> extends ScopeOnly ? undefined : { [K in ObjectOf<P>]: IdSource };

/**
 * Where a route that also serves the locked kiosk (api/src/kiosk) names its check round. A kiosk credential is
 * refused on every route without a binding, and on a bound route for any other round than its own.
 * - `round`: a path parameter holding the round's id;
 * - `kioskResponse`: a path parameter holding a kiosk response of the round;
 * - `credential`: the kiosk credential itself (its state, leaving): only a kiosk credential may call these.
 */
export type KioskBinding = { kind: 'round'; param: string } | { kind: 'kioskResponse'; param: string } | { kind: 'credential' };

export interface PermitRule {
  permission: Permission;
  object: PermissionObject;
  /** Where the object's id is read; absent for permissions on the caller or the caller's scopes. */
  from?: { in: 'param' | 'body' | 'query'; key: string };
  /** Also served to a kiosk credential, for its own round only. Leave out everywhere else. */
  kiosk?: KioskBinding;
}

export const PERMIT_KEY = 'kunna:permit';
export const PUBLIC_KEY = 'kunna:public';

/**
 * Declares the route's permission (libs/contracts/src/permissions.ts: who, and on what kind of object) and where
 * the object's id comes from: `@Permit('sessions.attendance.record', { session: 'sessionId' })`. The access guard
 * resolves that object once, checks the caller's scope on it and hands it to the handler (`@Permitted()`).
 * Routes without `@Permit` (or `@Public()`) are denied.
 */
export function Permit<P extends Permission>(
  permission: P,
  ...[ids, options]: ObjectIds<P> extends undefined
    ? [ids?: undefined, options?: { kiosk?: KioskBinding }]
    : [ids: ObjectIds<P>, options?: { kiosk?: KioskBinding }]
): MethodDecorator & ClassDecorator {
  const object = PERMISSIONS[permission].object as PermissionObject;
  const source = ids ? Object.values(ids as Record<string, string>)[0] : undefined;
  const rule: PermitRule = { permission, object, from: source ? parseSource(source) : undefined, kiosk: options?.kiosk };
  return SetMetadata(PERMIT_KEY, rule);
}

function parseSource(source: string): { in: 'param' | 'body' | 'query'; key: string } {
  if (source.startsWith('body.')) return { in: 'body', key: source.slice(5) };
  if (source.startsWith('query.')) return { in: 'query', key: source.slice(6) };
  return { in: 'param', key: source };
}

/** The only opt-out from authentication: sign-in, health, public feeds. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export const KIOSK_ROUND = (param: string): KioskBinding => ({ kind: 'round', param });
export const KIOSK_RESPONSE = (param: string): KioskBinding => ({ kind: 'kioskResponse', param });
export const KIOSK_CREDENTIAL: KioskBinding = { kind: 'credential' };
