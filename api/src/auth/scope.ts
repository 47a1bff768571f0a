import { Role, ScopeType } from '@kunna/contracts';
import type { Caller, Grant } from './caller';

/** Where an object sits in the organisation tree. */
export interface ScopePosition {
  networkId: string;
  organisationId: string;
  areaIds: string[];
  unitIds: string[];
  /** Set when the object is a person: lets `staff` act on their own record. */
  personId?: string;
}

export function grantCovers(grant: Grant, position: ScopePosition): boolean {
  switch (grant.scopeType) {
    case ScopeType.Network:
      return grant.scopeId === position.networkId;
    case ScopeType.Organisation:
      return grant.scopeId === position.organisationId;
    case ScopeType.Area:
      return position.areaIds.includes(grant.scopeId);
    case ScopeType.Unit:
      return position.unitIds.includes(grant.scopeId);
  }
}

/** Does the caller hold one of `roles` on a scope that covers `position`? */
export function callerCovers(caller: Caller, roles: Role[], position: ScopePosition): boolean {
  if (roles.includes(Role.Staff) && position.personId === caller.personId) return true;
  return caller.grants.some((grant) => roles.includes(grant.role) && grantCovers(grant, position));
}

/**
 * May the caller know that the object exists at all? Objects of other organisations are invisible
 * (answered 404), except to a network-scoped role of the same network that the route allows.
 */
export function callerCanSee(caller: Caller, roles: Role[], position: ScopePosition): boolean {
  if (position.organisationId === caller.organisationId) return true;
  return caller.grants.some((grant) => roles.includes(grant.role) && grant.scopeType === ScopeType.Network && grant.scopeId === position.networkId);
}

/** Scope ids of the caller's grants for `roles`, grouped by scope type: what list queries filter on. */
export interface ScopeFilter {
  organisationIds: string[];
  networkIds: string[];
  areaIds: string[];
  unitIds: string[];
}

export function scopeFilter(caller: Caller, roles: Role[]): ScopeFilter {
  const filter: ScopeFilter = { organisationIds: [], networkIds: [], areaIds: [], unitIds: [] };
  for (const grant of caller.grants) {
    if (!roles.includes(grant.role)) continue;
    if (grant.scopeType === ScopeType.Organisation) filter.organisationIds.push(grant.scopeId);
    if (grant.scopeType === ScopeType.Network) filter.networkIds.push(grant.scopeId);
    if (grant.scopeType === ScopeType.Area) filter.areaIds.push(grant.scopeId);
    if (grant.scopeType === ScopeType.Unit) filter.unitIds.push(grant.scopeId);
  }
  return filter;
}
