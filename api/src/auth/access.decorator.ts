import { SetMetadata } from '@nestjs/common';
import { Role } from '@kunna/contracts';

export type TargetKind = 'unit' | 'area' | 'organisation' | 'person' | 'network';

/**
 * What a route's scope is checked against.
 * - `self`: the caller's own data; the handler uses the caller's person id.
 * - `any`: the caller holds one of the roles somewhere; the service narrows results to those scopes.
 * - `own-organisation`: a role covering the caller's own organisation (HR, admin, or network).
 * - a kind with an id taken from the path, body or query: the caller's grants must cover that object.
 */
export type AccessTarget =
  | { kind: 'self' }
  | { kind: 'any' }
  | { kind: 'own-organisation' }
  | { kind: TargetKind; from: 'param' | 'body' | 'query'; key: string };

/**
 * Where a route that also serves the locked kiosk (api/src/kiosk) names its check round. A kiosk credential is
 * refused on every route without a binding, and on a bound route for any other round than its own.
 * - `round`: a path parameter holding the round's id;
 * - `kioskResponse`: a path parameter holding a kiosk response of the round;
 * - `credential`: the kiosk credential itself (its state, leaving): only a kiosk credential may call these.
 */
export type KioskBinding = { kind: 'round'; param: string } | { kind: 'kioskResponse'; param: string } | { kind: 'credential' };

export interface AccessRule {
  /** Who may call. `Role.Staff` means any signed-in person. */
  roles: Role[];
  target: AccessTarget;
  /** Also served to a kiosk credential, for its own round only. Leave out everywhere else. */
  kiosk?: KioskBinding;
}

export const ACCESS_KEY = 'kunna:access';
export const PUBLIC_KEY = 'kunna:public';

/** Declares who may call a route and on what scope. Routes without it (or `@Public()`) are denied. */
export const Access = (rule: AccessRule) => SetMetadata(ACCESS_KEY, rule);

/** The only opt-out from authentication: sign-in, health, public feeds. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export const inParam = (kind: TargetKind, key: string): AccessTarget => ({ kind, from: 'param', key });
export const inBody = (kind: TargetKind, key: string): AccessTarget => ({ kind, from: 'body', key });
export const inQuery = (kind: TargetKind, key: string): AccessTarget => ({ kind, from: 'query', key });
export const SELF: AccessTarget = { kind: 'self' };
export const ANY: AccessTarget = { kind: 'any' };
export const OWN_ORGANISATION: AccessTarget = { kind: 'own-organisation' };
export const KIOSK_ROUND = (param: string): KioskBinding => ({ kind: 'round', param });
export const KIOSK_RESPONSE = (param: string): KioskBinding => ({ kind: 'kioskResponse', param });
export const KIOSK_CREDENTIAL: KioskBinding = { kind: 'credential' };
