import type { Request } from 'express';
import { Role, ScopeType, UiLanguage } from '@kunna/contracts';

export interface Grant {
  id: string;
  role: Role;
  scopeType: ScopeType;
  scopeId: string;
}

/** The signed-in person making a request, with the role grants in force today. */
export interface Caller {
  personId: string;
  organisationId: string;
  networkId: string;
  sessionId: string;
  csrfToken: string;
  grants: Grant[];
  /** The language the person reads Kunna in; server messages follow it (see common/messages.ts). */
  preferredLanguage?: UiLanguage;
  /**
   * Set when the cookie is a kiosk credential (api/src/kiosk): the one check round it serves. The access guard
   * refuses it on every route that does not declare `kiosk` for that round.
   */
  kioskRoundId?: string;
}

export function hasRole(caller: Caller, role: Role): boolean {
  return role === Role.Staff || caller.grants.some((grant) => grant.role === role);
}

export function grantsFor(caller: Caller, role: Role): Grant[] {
  return caller.grants.filter((grant) => grant.role === role);
}

/** A request after the access guard: its caller, and the object the route's permission named (`@Permitted()`). */
export type AuthenticatedRequest = Request & { caller?: Caller; permitted?: unknown };
