import { Role, rolesOf } from '@kunna/contracts';
import { type Caller } from '../auth';
import { holdsOnOrganisation, unitsWhere, visibilityFor } from '../organisation';

/**
 * Who does what with sessions (decided for this feature):
 * - schedule, change, cancel and mark attendance: the unit's ambassadors and managers, HR and administrators of the
 *   organisation, and the session's own facilitators (an ambassador leading a session in a unit they do not serve);
 * - see sessions and their attendance: the same people and the area manager of the unit's area;
 * - staff see their own participation (hours) and their own individual-support entries.
 * Another organisation's sessions do not exist for the caller (404).
 */
export const SCHEDULING_ROLES = rolesOf('sessions.update');
export const READING_ROLES = rolesOf('sessions.detail');

export interface SessionPosition {
  organisationId: string;
  unitId: string;
  areaId: string;
  facilitatorIds: string[];
}

export function organisationWide(caller: Caller): boolean {
  return holdsOnOrganisation(caller, Role.OrgAdmin) || holdsOnOrganisation(caller, Role.Hr);
}

/** May the caller schedule sessions in the unit (already known to be of the caller's organisation)? */
export function mayScheduleIn(caller: Caller, unitId: string): boolean {
  return organisationWide(caller) || unitsWhere(caller, Role.Ambassador).includes(unitId) || unitsWhere(caller, Role.Manager).includes(unitId);
}

export function maySeeSession(caller: Caller, session: SessionPosition): boolean {
  if (session.facilitatorIds.includes(caller.personId)) return true;
  const visibility = visibilityFor(caller, READING_ROLES);
  return visibility.organisationWide || visibility.unitIds.includes(session.unitId) || visibility.areaIds.includes(session.areaId);
}

export function mayEditSession(caller: Caller, session: SessionPosition): boolean {
  return session.facilitatorIds.includes(caller.personId) || mayScheduleIn(caller, session.unitId);
}
