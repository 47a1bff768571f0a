import { Component, computed, inject, input, output, signal, ChangeDetectionStrategy } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { AssignableRole, FieldError, OrganisationTree, PersonDetail, ROLE_SCOPE, RoleGrant, ScopeType } from '@kunna/contracts';
import { ConfirmDialog } from '../core/confirm-dialog';
import { Permissions } from '../core/permissions';
import { Problem, fieldMessage, localProblem, problemKey, problemOf } from '../core/problem';
import { Session } from '../core/session';
import { DateFormatPipe } from '../i18n/format';
import { I18n, TranslatePipe } from '../i18n/i18n';
import { roleKey, scopeTypeKey } from '../i18n/labels';
import { PeopleApi } from '../people/people-api';
import { DateInput } from '../i18n/date-input';

interface ScopeOption {
  id: string;
  name: string;
  group?: string;
}

/**
 * A person's roles. Administrators assign every role, HR ambassador and manager, a manager ambassador in their
 * own units; each on the scope the role belongs to (unit, area, organisation or the organisation's network).
 */
@Component({
  selector: 'k-person-roles',
  imports: [FormsModule, TranslatePipe, DateFormatPipe, DateInput],
  changeDetection: ChangeDetectionStrategy.Eager,
  templateUrl: './person-roles.html',
})
export class PersonRoles {
  readonly person = input.required<PersonDetail>();
  readonly tree = input<OrganisationTree | undefined>();
  readonly changed = output<string>();
  private readonly people = inject(PeopleApi);
  private readonly session = inject(Session);
  private readonly i18n = inject(I18n);
  private readonly confirmDialog = inject(ConfirmDialog);
  protected readonly permissions = inject(Permissions);
  protected readonly roleKey = roleKey;
  protected readonly scopeTypeKey = scopeTypeKey;
  protected readonly problemKey = problemKey;
  private readonly grantable = computed(() => (this.person().active ? this.permissions.grantable(this.person()) : []));
  protected readonly roles = computed(() => this.grantable().map((entry) => entry.role));
  protected readonly canAdminister = computed(() => this.roles().length > 0);

  protected readonly assigning = signal(false);
  protected readonly role = signal<AssignableRole | ''>('');
  protected scopeId = '';
  protected startDate = '';
  protected endDate = '';
  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly revokeProblem = signal<Problem | null>(null);

  protected readonly scopeType = computed(() => {
    const role = this.role();
    return role ? ROLE_SCOPE[role] : null;
  });

  /** The places the chosen role can be held on: units, areas or the organisation. */
  protected readonly scopeOptions = computed<ScopeOption[]>(() => {
    const tree = this.tree();
    const user = this.session.user();
    const allowed = this.grantable().find((entry) => entry.role === this.role())?.unitIds ?? [];
    switch (this.scopeType()) {
      case ScopeType.Unit:
        return (tree?.areas ?? []).flatMap((area) =>
          area.units.filter((unit) => allowed === 'all' || allowed.includes(unit.id)).map((unit) => ({ id: unit.id, name: unit.name, group: area.name })),
        );
      case ScopeType.Area:
        return (tree?.areas ?? []).map((area) => ({ id: area.id, name: area.name }));
      case ScopeType.Organisation:
        return user ? [{ id: user.organisationId, name: user.organisationName }] : [];
      case ScopeType.Network:
        return user ? [{ id: user.networkId, name: this.i18n.t('roles.admin.ownNetwork') }] : [];
      default:
        return [];
    }
  });
  protected readonly scopeGroups = computed(() => {
    const groups = new Map<string, ScopeOption[]>();
    for (const option of this.scopeOptions()) {
      const key = option.group ?? '';
      groups.set(key, [...(groups.get(key) ?? []), option]);
    }
    return [...groups.entries()].map(([name, options]) => ({ name, options }));
  });

  protected chooseRole(role: AssignableRole | ''): void {
    this.role.set(role);
    const options = this.scopeOptions();
    this.scopeId = options.length === 1 ? options[0].id : '';
  }

  protected error(field: string): string | null {
    return fieldMessage(this.problem(), field);
  }

  protected mayRevoke(grant: RoleGrant): boolean {
    return this.permissions.revokes(this.person(), grant);
  }

  protected grantLabel(grant: RoleGrant): string {
    return `${this.i18n.t(roleKey(grant.role))} – ${grant.scopeName}`;
  }

  protected async assign(): Promise<void> {
    const role = this.role();
    const fields: FieldError[] = [];
    if (!role) fields.push({ field: 'role', message: this.i18n.t('roles.admin.roleMissing') });
    else if (!this.scopeId) fields.push({ field: 'scopeId', message: this.i18n.t('roles.admin.scopeMissing') });
    if (fields.length || !role) {
      this.problem.set(localProblem(fields));
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    try {
      await this.people.assignRole(this.person().id, {
        role,
        scopeId: this.scopeId,
        ...(this.startDate ? { startDate: this.startDate } : {}),
        ...(this.endDate ? { endDate: this.endDate } : {}),
      });
      const scope = this.scopeOptions().find((option) => option.id === this.scopeId)?.name ?? '';
      this.assigning.set(false);
      this.role.set('');
      this.scopeId = '';
      this.startDate = '';
      this.endDate = '';
      this.changed.emit(this.i18n.t('roles.admin.assigned', { role: this.i18n.t(roleKey(role)), scope }));
    } catch (error) {
      this.problem.set(problemOf(error));
    } finally {
      this.busy.set(false);
    }
  }

  /** Asks first (the shared dialog names the role and scope), then removes the role. */
  protected async revoke(grant: RoleGrant): Promise<void> {
    const sure = await this.confirmDialog.ask({
      title: this.i18n.t('roles.admin.confirmRevoke'),
      text: this.grantLabel(grant),
      confirm: this.i18n.t('roles.admin.revokeConfirm'),
      destructive: true,
    });
    if (!sure) return;
    this.busy.set(true);
    this.revokeProblem.set(null);
    try {
      await this.people.revokeRole(this.person().id, grant.id);
      this.changed.emit(this.i18n.t('roles.admin.revoked', { role: this.grantLabel(grant) }));
    } catch (error) {
      this.revokeProblem.set(problemOf(error));
    } finally {
      this.busy.set(false);
    }
  }
}
