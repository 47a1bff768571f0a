import { Role, ScopeType } from '@kunna/contracts';
import { type Caller, scopeFilter } from '../auth';

/**
 * What part of the caller's own organisation a list may show, from the caller's grants for `roles`:
 * the whole organisation (HR, administrator), whole areas (area manager), or single units (manager, ambassador).
 * Network grants never widen it: a network coordinator sees other organisations as aggregates only.
 */
export interface Visibility {
  organisationWide: boolean;
  areaIds: string[];
  unitIds: string[];
}

export function visibilityFor(caller: Caller, roles: Role[]): Visibility {
  const filter = scopeFilter(caller, roles);
  return {
    organisationWide: filter.organisationIds.includes(caller.organisationId),
    areaIds: filter.areaIds,
    unitIds: filter.unitIds,
  };
}

export function seesNothing(visibility: Visibility): boolean {
  return !visibility.organisationWide && visibility.areaIds.length === 0 && visibility.unitIds.length === 0;
}

/** Does the caller hold `role` on their own organisation? */
export function holdsOnOrganisation(caller: Caller, role: Role): boolean {
  return caller.grants.some((grant) => grant.role === role && grant.scopeType === ScopeType.Organisation && grant.scopeId === caller.organisationId);
}

/** Units where the caller holds `role` (unit-scoped roles: manager, ambassador). */
export function unitsWhere(caller: Caller, role: Role): string[] {
  return caller.grants.filter((grant) => grant.role === role && grant.scopeType === ScopeType.Unit).map((grant) => grant.scopeId);
}
