import { Injectable, computed, inject } from '@angular/core';
import { Role, RoleGrant, ScopeType } from '@kunna/contracts';
import { Session } from './session';

/** Roles that may see (part of) the organisation tree and unit pages (as the API's TREE_ROLES). */
export const TREE_ROLES: readonly Role[] = [Role.Ambassador, Role.Manager, Role.AreaManager, Role.Hr, Role.OrgAdmin];

/** Today as YYYY-MM-DD in the browser's time zone (dates in Kunna are calendar dates). */
export function today(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * What the signed-in person's grants allow the interface to offer. The API decides for real; this only
 * hides what would be refused, so menus and buttons match the role.
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
  readonly seesTree = computed(() => this.grants().some((grant) => TREE_ROLES.includes(grant.role)));
  readonly canImport = computed(() => this.organisationWide());
  readonly canAdministerUsers = computed(() => this.isOrgAdmin());
  readonly managedUnitIds = computed(() => this.scopeIds(Role.Manager, ScopeType.Unit));
  readonly ambassadorUnitIds = computed(() => this.scopeIds(Role.Ambassador, ScopeType.Unit));
  readonly managedAreaIds = computed(() => this.scopeIds(Role.AreaManager, ScopeType.Area));

  /** May add people to the unit and give them sign-in codes: its manager, its area's manager, HR or an administrator. */
  managesUnit(unitId: string, areaId?: string): boolean {
    return (
      this.organisationWide() ||
      this.managedUnitIds().includes(unitId) ||
      (areaId !== undefined && this.managedAreaIds().includes(areaId))
    );
  }

  private onOwnOrganisation(role: Role): boolean {
    const organisationId = this.session.user()?.organisationId;
    return this.grants().some(
      (grant) => grant.role === role && grant.scopeType === ScopeType.Organisation && grant.scopeId === organisationId,
    );
  }

  private scopeIds(role: Role, scopeType: ScopeType): string[] {
    return this.grants()
      .filter((grant) => grant.role === role && grant.scopeType === scopeType)
      .map((grant) => grant.scopeId);
  }
}
