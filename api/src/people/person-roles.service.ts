import { ForbiddenException, Injectable } from '@nestjs/common';
import { AssignableRole, Role, ROLE_SCOPE, RoleGrant, ScopeType } from '@kunna/contracts';
import { AuditService } from '../database/audit.service';
import { AuthRepository, type Caller } from '../auth';
import { MALFORMED_ID, validationError } from '../common/errors';
import { conflictError, isUuid, notFound, stateConflict } from '../common/http-errors';
import { AssignRoleDto } from './dto/people.dto';
import { PeopleRepository } from './people.repository';
import { mayManageGrant } from './person-policy';

export const ROLE_NAMES: Record<AssignableRole, string> = {
  [Role.Ambassador]: 'ombud',
  [Role.Manager]: 'enhetschef',
  [Role.AreaManager]: 'verksamhetschef',
  [Role.Hr]: 'HR',
  [Role.OrgAdmin]: 'administratör',
  [Role.NetworkCoordinator]: 'nätverkssamordnare',
};

const SCOPE_HINTS: Record<ScopeType, string> = {
  [ScopeType.Unit]: 'gäller en enhet: välj en enhet',
  [ScopeType.Area]: 'gäller ett område: välj ett område',
  [ScopeType.Organisation]: 'gäller hela organisationen: välj organisationen',
  [ScopeType.Network]: 'gäller nätverket: välj organisationens nätverk',
};

/** Roles held on scopes. Every change is audited; rules in person-policy.ts (`mayManageGrant`). */
@Injectable()
export class PersonRolesService {
  constructor(
    private readonly people: PeopleRepository,
    private readonly auth: AuthRepository,
    private readonly audit: AuditService,
  ) {}

  async assign(caller: Caller, personId: string, body: AssignRoleDto): Promise<RoleGrant> {
    const scopeType = ROLE_SCOPE[body.role];
    // The scope id comes in the body: one outside the caller's organisation (or network) does not exist here.
    const scope = await this.people.resolveScope(caller.organisationId, caller.networkId, body.scopeId);
    if (!scope) throw notFound();
    if (scope.type !== scopeType) {
      throw validationError([{ field: 'scopeId', message: `Rollen ${ROLE_NAMES[body.role]} ${SCOPE_HINTS[scopeType]}.` }]);
    }
    if (!mayManageGrant(caller, body.role, scope, personId)) {
      throw new ForbiddenException(`Du får inte ge rollen ${ROLE_NAMES[body.role]} här.`);
    }
    const person = await this.people.lock(caller.organisationId, personId);
    if (!person) throw notFound();
    if (person.pseudonymised) throw stateConflict('Personen är avidentifierad.', 'pseudonymised');

    const today = await this.people.today();
    const startDate = body.startDate ?? today;
    const endDate = body.endDate !== undefined && body.endDate !== null ? body.endDate : person.endDate;
    if (person.endDate !== null && startDate > person.endDate) {
      throw stateConflict(`Anställningen slutar ${person.endDate}: rollen kan inte börja efter det.`, 'ended');
    }
    if (endDate !== null && person.endDate !== null && endDate > person.endDate) {
      throw validationError([{ field: 'endDate', message: `Slutdatum kan inte vara efter anställningens slut (${person.endDate}).` }]);
    }
    if (endDate !== null && endDate < startDate) {
      throw validationError([{ field: 'endDate', message: 'Slutdatum kan inte vara före startdatum.' }]);
    }
    if (endDate !== null && endDate < today) {
      throw validationError([{ field: 'endDate', message: 'Slutdatum har redan passerat.' }]);
    }

    const existing = await this.people.overlappingGrant(personId, body.role, scope.id, startDate, endDate);
    if (existing) {
      // The same request again (a retry) returns the grant it made; anything else would overlap it.
      if (existing.startDate === startDate && existing.endDate === endDate) return this.describe(personId, existing.id);
      throw conflictError('role', `Personen har redan rollen ${ROLE_NAMES[body.role]} där (från ${existing.startDate}).`);
    }
    const id = await this.people.insertGrant({
      organisationId: caller.organisationId,
      personId,
      role: body.role,
      scopeType,
      scopeId: scope.id,
      startDate,
      endDate,
      createdBy: caller.personId,
    });
    await this.audit.record({
      action: 'role.assigned',
      targetType: 'person',
      targetId: personId,
      details: { roleAssignmentId: id, role: body.role, scopeType, scopeId: scope.id, startDate, endDate },
    });
    return this.describe(personId, id);
  }

  /**
   * Revokes a grant at once: one already in force ends yesterday (its history stays), one that has not begun
   * is removed. The organisation's last administrator cannot be revoked. Revoking again changes nothing.
   */
  async revoke(caller: Caller, personId: string, grantId: string): Promise<void> {
    if (!isUuid(grantId)) throw validationError([{ field: 'roleId', message: MALFORMED_ID }]);
    const grant = await this.people.grant(personId, grantId);
    if (!grant) throw notFound();
    if (!mayManageGrant(caller, grant.role, { type: grant.scopeType, id: grant.scopeId }, personId)) {
      throw new ForbiddenException(`Du får inte ta bort rollen ${ROLE_NAMES[grant.role]} här.`);
    }
    const today = await this.people.today();
    if (grant.endDate !== null && grant.endDate < today) return;
    const inForce = grant.startDate <= today;
    if (inForce && grant.role === Role.OrgAdmin && (await this.people.otherActiveAdministrators(caller.organisationId, personId)) === 0) {
      throw stateConflict('Det här är organisationens enda administratör. Utse en annan administratör först.', 'lastAdministrator');
    }
    if (inForce) await this.people.endGrantNow(grant.id);
    else await this.people.deleteGrant(grant.id);
    await this.audit.record({
      action: 'role.revoked',
      targetType: 'person',
      targetId: personId,
      details: { roleAssignmentId: grant.id, role: grant.role, scopeType: grant.scopeType, scopeId: grant.scopeId },
    });
  }

  private async describe(personId: string, grantId: string): Promise<RoleGrant> {
    const grant = (await this.auth.describeGrants(personId)).find((candidate) => candidate.id === grantId);
    if (!grant) throw notFound();
    return grant;
  }
}
