import { Role, rolesOf } from '@kunna/contracts';
import { type Caller } from '../auth';
import { holdsOnOrganisation, unitsWhere, visibilityFor } from '../organisation';

/**
 * Who does what with ambassadors (decided for this feature):
 * - appoint and change appointments: administrators and HR for any unit of the organisation; managers for the
 *   units they manage. The same people who may grant the ambassador role (see people/person-policy.ts), because an
 *   appointment grants that role. Nobody but an administrator appoints themselves;
 * - see appointments and coverage: managers (their units), area managers (their areas), HR and administrators;
 *   the ambassador sees their own;
 * - qualify explicitly, renew and revoke: HR and administrators of the ambassador's organisation, for any module the
 *   organisation may use (network or its own). A network coordinator never names people of other organisations
 *   (no personal data crosses organisations): their route to qualification is the network's ambassador training,
 *   whose completion is recorded from attendance.
 */
export const APPOINTING_ROLES = rolesOf('ambassadors.appoint');
export const COVERAGE_ROLES = rolesOf('ambassadors.coverage');
export const QUALIFYING_ROLES = rolesOf('ambassadors.qualify');

export function organisationWide(caller: Caller): boolean {
  return holdsOnOrganisation(caller, Role.OrgAdmin) || holdsOnOrganisation(caller, Role.Hr);
}

/** May the caller appoint `personId` as ambassador for the unit (already known to be in the caller's organisation)? */
export function mayAppoint(caller: Caller, unitId: string, personId: string): boolean {
  if (holdsOnOrganisation(caller, Role.OrgAdmin)) return true;
  if (personId === caller.personId) return false;
  return holdsOnOrganisation(caller, Role.Hr) || unitsWhere(caller, Role.Manager).includes(unitId);
}

/** May the caller see an appointment covering these units (or is it their own)? */
export function maySeeAppointment(caller: Caller, units: Array<{ id: string; areaId: string }>, personId: string): boolean {
  if (personId === caller.personId || organisationWide(caller)) return true;
  const visibility = visibilityFor(caller, COVERAGE_ROLES);
  return units.some((unit) => visibility.unitIds.includes(unit.id) || visibility.areaIds.includes(unit.areaId));
}

export function mayQualify(caller: Caller): boolean {
  return organisationWide(caller);
}
