import { AssignableRole, Role, ScopeType } from '@kunna/contracts';
import type { Caller } from '../auth';
import { holdsOnOrganisation, unitsWhere } from '../organisation';

/** A role grant of the person being acted on. */
export interface HeldGrant {
  role: AssignableRole;
  scopeType: ScopeType;
  scopeId: string;
}

/**
 * Rules beyond the access guard. The guard has already checked that the caller's grants cover the person
 * (organisation-wide for HR and administrators, a current unit of the person for managers).
 */

/**
 * May the caller change this person's record (update, move, end employment)? HR and administrators may.
 * A manager may only when every role the person holds is a unit role (ambassador, manager) in units the
 * manager manages: a manager cannot change an area manager, HR or an administrator who happens to sit in the unit.
 */
export function mayChangePerson(caller: Caller, personGrants: HeldGrant[]): boolean {
  if (holdsOnOrganisation(caller, Role.OrgAdmin) || holdsOnOrganisation(caller, Role.Hr)) return true;
  return unitsWhere(caller, Role.Manager).length > 0 && withinManagedUnits(caller, personGrants);
}

/**
 * May the caller hand this person a one-time sign-in code? Administrators may for anyone in the organisation.
 * A manager may for people in their unit whose roles stay inside the manager's units: a code takes over the
 * account, so it must never reach an account with more rights than the manager's own.
 */
export function mayIssueCode(caller: Caller, personGrants: HeldGrant[]): boolean {
  if (holdsOnOrganisation(caller, Role.OrgAdmin)) return true;
  return unitsWhere(caller, Role.Manager).length > 0 && withinManagedUnits(caller, personGrants);
}

/**
 * May the caller grant or revoke `role` on the scope (already known to be in the caller's organisation or network)?
 * - network coordinator (a network-wide role): only a coordinator of that network, never for themself. An
 *   administrator of one organisation could otherwise make themself coordinator and edit every member's shared
 *   content;
 * - administrators: every role of their own organisation (its units, areas and itself), themselves included;
 * - HR: ambassador and manager on any unit of the organisation;
 * - managers: ambassador on the units they manage.
 * Nobody grants on a scope wider than one they hold the granting role on.
 */
export function mayManageGrant(caller: Caller, role: AssignableRole, scope: { type: ScopeType; id: string }, personId: string): boolean {
  if (role === Role.NetworkCoordinator || scope.type === ScopeType.Network) {
    return (
      role === Role.NetworkCoordinator &&
      scope.type === ScopeType.Network &&
      personId !== caller.personId &&
      caller.grants.some((grant) => grant.role === Role.NetworkCoordinator && grant.scopeType === ScopeType.Network && grant.scopeId === scope.id)
    );
  }
  if (holdsOnOrganisation(caller, Role.OrgAdmin)) return true;
  if (personId === caller.personId) return false;
  if ((role === Role.Ambassador || role === Role.Manager) && scope.type === ScopeType.Unit && holdsOnOrganisation(caller, Role.Hr)) return true;
  return role === Role.Ambassador && scope.type === ScopeType.Unit && unitsWhere(caller, Role.Manager).includes(scope.id);
}

/** Organisation-wide callers, or managers of the unit. */
export function coversUnit(caller: Caller, unitId: string): boolean {
  return holdsOnOrganisation(caller, Role.OrgAdmin) || holdsOnOrganisation(caller, Role.Hr) || unitsWhere(caller, Role.Manager).includes(unitId);
}

function withinManagedUnits(caller: Caller, personGrants: HeldGrant[]): boolean {
  const managed = unitsWhere(caller, Role.Manager);
  return personGrants.every(
    (grant) => (grant.role === Role.Ambassador || grant.role === Role.Manager) && grant.scopeType === ScopeType.Unit && managed.includes(grant.scopeId),
  );
}
