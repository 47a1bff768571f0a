import { Injectable, computed, inject } from '@angular/core';
import { ASSIGNABLE_ROLES, AssignableRole, may, Permission, PermissionScope, PersonDetail, Role, RoleGrant, ScopeType } from '@kunna/contracts';
import { Session } from './session';

/** Today as YYYY-MM-DD in the browser's time zone (dates in Kunna are calendar dates). */
export function today(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * What the signed-in person's grants allow the interface to offer, from the API's own permission table
 * (libs/contracts/src/permissions.ts). The API decides for real; this only hides what would be refused, so menus
 * and buttons match the role.
 */
@Injectable({ providedIn: 'root' })
export class Permissions {
  private readonly session = inject(Session);

  /** Grants in force today (the API also lists future ones). */
  readonly grants = computed<RoleGrant[]>(() => {
    const day = today();
    return (this.session.user()?.roles ?? []).filter((grant) => grant.startDate <= day && (grant.endDate === null || grant.endDate >= day));
  });

  readonly isOrgAdmin = computed(() => this.onOwnOrganisation(Role.OrgAdmin));
  readonly isHr = computed(() => this.onOwnOrganisation(Role.Hr));
  /** HR or administrator: sees and manages the whole organisation. */
  readonly organisationWide = computed(() => this.isHr() || this.isOrgAdmin());
  readonly isCoordinator = computed(() => this.grants().some((grant) => grant.role === Role.NetworkCoordinator));
  readonly seesTree = computed(() => this.may('organisation.tree'));
  readonly canImport = computed(() => this.may('imports.run', {}));
  /** People search and roles: HR hands out ambassador and manager roles, administrators every role, codes and disabling. */
  readonly canAdministerUsers = computed(() => this.organisationWide());
  readonly managedUnitIds = computed(() => this.scopeIds(Role.Manager, ScopeType.Unit));
  readonly ambassadorUnitIds = computed(() => this.scopeIds(Role.Ambassador, ScopeType.Unit));
  readonly managedAreaIds = computed(() => this.scopeIds(Role.AreaManager, ScopeType.Area));
  /** Assigns before/after checks and follows them. */
  readonly runsChecks = computed(() => this.may('checks.createAssignment'));
  /** Insight: managers, area managers, HR, administrators (their team) and network coordinators (the network). */
  readonly seesInsights = computed(() => this.may('insights.team') || this.may('insights.networkParticipation'));

  /**
   * Do the grants in force today hold the permission anywhere, or, with `scope`, on that object of the caller's own
   * organisation (a unit, with its area when known)?
   */
  may(permission: Permission, scope?: PermissionScope): boolean {
    const user = this.session.user();
    const where = scope && { organisationId: user?.organisationId, networkId: user?.networkId, ...scope };
    return may(this.grants(), permission, where);
  }

  /** May open the people of the unit (person pages): its manager, its area manager, HR or an administrator. Ambassadors see names only. */
  seesPeopleOf(unitId: string, areaId?: string): boolean {
    return this.may('people.list', { unitId, areaId });
  }

  /** May add people to the unit: its manager, HR or an administrator. */
  addsTo(unitId: string): boolean {
    return this.may('people.create', { unitId });
  }

  /** May give sign-in codes in the unit: its manager or an administrator (the API checks the person's own roles too). */
  issuesCodesIn(unitId: string): boolean {
    return this.may('personAccount.issueCode', { unitId });
  }

  /**
   * May change the person's record (edit, move, end): HR and administrators; a manager when the person works in
   * one of the manager's units and every role the person holds is ambassador or manager in the manager's units.
   */
  changes(person: PersonDetail): boolean {
    if (this.organisationWide()) return true;
    return this.managerOf(person);
  }

  /** May give the person a one-time code: administrators; managers as for `changes`. */
  issuesCodeFor(person: PersonDetail): boolean {
    return this.isOrgAdmin() || this.managerOf(person);
  }

  /** The roles the caller may grant to (or revoke from) the person, with the scopes allowed for each. */
  grantable(person: PersonDetail): { role: AssignableRole; unitIds: string[] | 'all' }[] {
    const self = person.id === this.session.user()?.personId;
    // The network's coordinator role only from a coordinator of the network, never to oneself (the API's rule).
    const network = !self && this.isCoordinator() ? [{ role: Role.NetworkCoordinator as AssignableRole, unitIds: 'all' as const }] : [];
    return [...this.grantableInOrganisation(self), ...network];
  }

  private grantableInOrganisation(self: boolean): { role: AssignableRole; unitIds: string[] | 'all' }[] {
    if (this.isOrgAdmin()) {
      return ASSIGNABLE_ROLES.filter((role) => role !== Role.NetworkCoordinator).map((role) => ({ role, unitIds: 'all' as const }));
    }
    if (self) return [];
    if (this.isHr()) return [Role.Ambassador, Role.Manager].map((role) => ({ role: role as AssignableRole, unitIds: 'all' as const }));
    const managed = this.managedUnitIds();
    return managed.length ? [{ role: Role.Ambassador, unitIds: managed }] : [];
  }

  /** May revoke this grant (same rules as granting). */
  revokes(person: PersonDetail, grant: RoleGrant): boolean {
    return this.grantable(person).some(
      (entry) => entry.role === grant.role && (entry.unitIds === 'all' || (grant.scopeType === ScopeType.Unit && entry.unitIds.includes(grant.scopeId))),
    );
  }

  private managerOf(person: PersonDetail): boolean {
    const managed = this.managedUnitIds();
    if (!managed.length) return false;
    const day = today();
    const inUnit = person.memberships.some(
      (membership) => managed.includes(membership.unitId) && membership.startDate <= day && (membership.endDate === null || membership.endDate >= day),
    );
    const rolesInside = person.roles.every(
      (grant) => (grant.role === Role.Ambassador || grant.role === Role.Manager) && grant.scopeType === ScopeType.Unit && managed.includes(grant.scopeId),
    );
    return inUnit && rolesInside;
  }

  private onOwnOrganisation(role: Role): boolean {
    const organisationId = this.session.user()?.organisationId;
    return this.grants().some((grant) => grant.role === role && grant.scopeType === ScopeType.Organisation && grant.scopeId === organisationId);
  }

  private scopeIds(role: Role, scopeType: ScopeType): string[] {
    return this.grants()
      .filter((grant) => grant.role === role && grant.scopeType === scopeType)
      .map((grant) => grant.scopeId);
  }
}
