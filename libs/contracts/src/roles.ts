/**
 * Roles are held on a scope. Every person with an account is implicitly `staff` on their own
 * data; the other roles are assigned explicitly on a unit, area, organisation or network.
 */
export enum Role {
  Staff = 'staff',
  Ambassador = 'ambassador',
  Manager = 'manager',
  AreaManager = 'area_manager',
  Hr = 'hr',
  OrgAdmin = 'org_admin',
  NetworkCoordinator = 'network_coordinator',
}

export enum ScopeType {
  Unit = 'unit',
  Area = 'area',
  Organisation = 'organisation',
  Network = 'network',
}

/** The scope type each assignable role is held on. */
export const ROLE_SCOPE: Readonly<Record<Exclude<Role, Role.Staff>, ScopeType>> = {
  [Role.Ambassador]: ScopeType.Unit,
  [Role.Manager]: ScopeType.Unit,
  [Role.AreaManager]: ScopeType.Area,
  [Role.Hr]: ScopeType.Organisation,
  [Role.OrgAdmin]: ScopeType.Organisation,
  [Role.NetworkCoordinator]: ScopeType.Network,
};

export const ASSIGNABLE_ROLES = Object.keys(ROLE_SCOPE) as Exclude<Role, Role.Staff>[];

export type AssignableRole = Exclude<Role, Role.Staff>;

export interface RoleGrant {
  id: string;
  role: Role;
  scopeType: ScopeType;
  scopeId: string;
  /** Human-readable name of the scope (unit, area, organisation or network name). */
  scopeName: string;
  startDate: string;
  endDate: string | null;
}
