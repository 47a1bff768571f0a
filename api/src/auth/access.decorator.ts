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

export interface AccessRule {
  /** Who may call. `Role.Staff` means any signed-in person. */
  roles: Role[];
  target: AccessTarget;
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
