import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideHttpClient } from '@angular/common/http';
import { CurrentUser, EmploymentType, PersonDetail, Role, RoleGrant, ScopeType } from '@kunna/contracts';
import { Permissions, today } from './permissions';
import { Session } from './session';

const ORG = 'org-a';
const U1 = 'unit-1';
const U2 = 'unit-2';
const A1 = 'area-1';

function grant(role: Role, scopeType: ScopeType, scopeId: string, extra: Partial<RoleGrant> = {}): RoleGrant {
  return { id: `${role}-${scopeId}`, role, scopeType, scopeId, scopeName: scopeId, startDate: '2020-01-01', endDate: null, ...extra };
}

function user(roles: RoleGrant[], personId = 'me'): CurrentUser {
  return {
    personId,
    organisationId: ORG,
    organisationName: 'Älvstads kommun',
    networkId: 'net',
    firstName: 'Test',
    lastName: 'Person',
    preferredLanguage: 'sv',
    roles,
    csrfToken: 'x',
    idleTimeoutSeconds: 1800,
  };
}

function person(units: string[], roles: RoleGrant[] = [], id = 'other'): PersonDetail {
  return {
    id,
    firstName: 'Anna',
    lastName: 'Berg',
    employeeNumber: 'A1',
    roleTitle: 'undersköterska',
    employmentType: EmploymentType.Permanent,
    hasAccount: false,
    active: true,
    organisationId: ORG,
    email: null,
    startDate: '2020-01-01',
    endDate: null,
    gender: null,
    preferredLanguage: 'sv',
    memberships: units.map((unitId, index) => ({ id: `m${index}`, unitId, unitName: unitId, startDate: '2020-01-01', endDate: null })),
    roles,
  };
}

describe('Permissions', () => {
  let session: Session;
  let permissions: Permissions;

  beforeEach(() => {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient()] });
    session = TestBed.inject(Session);
    permissions = TestBed.inject(Permissions);
  });

  it('staff only: no tree, no import, no user administration', () => {
    session.user.set(user([]));
    expect(permissions.seesTree()).toBe(false);
    expect(permissions.canImport()).toBe(false);
    expect(permissions.canAdministerUsers()).toBe(false);
    expect(permissions.changes(person([U1]))).toBe(false);
    expect(permissions.grantable(person([U1]))).toEqual([]);
  });

  it('ignores grants that have not started or have ended', () => {
    const future = grant(Role.OrgAdmin, ScopeType.Organisation, ORG, { startDate: '2999-01-01' });
    const past = grant(Role.Hr, ScopeType.Organisation, ORG, { endDate: '2000-01-01' });
    session.user.set(user([future, past]));
    expect(permissions.isOrgAdmin()).toBe(false);
    expect(permissions.isHr()).toBe(false);
    expect(permissions.grants()).toEqual([]);
  });

  it('an organisation grant on another organisation gives nothing here', () => {
    session.user.set(user([grant(Role.OrgAdmin, ScopeType.Organisation, 'org-b')]));
    expect(permissions.isOrgAdmin()).toBe(false);
    expect(permissions.canImport()).toBe(false);
  });

  it('ambassador: sees the tree and the unit, but no person pages and no codes', () => {
    session.user.set(user([grant(Role.Ambassador, ScopeType.Unit, U1)]));
    expect(permissions.seesTree()).toBe(true);
    expect(permissions.seesPeopleOf(U1, A1)).toBe(false);
    expect(permissions.addsTo(U1)).toBe(false);
    expect(permissions.issuesCodesIn(U1)).toBe(false);
  });

  it('manager: adds to and gives codes in their own unit only', () => {
    session.user.set(user([grant(Role.Manager, ScopeType.Unit, U1)]));
    expect(permissions.addsTo(U1)).toBe(true);
    expect(permissions.addsTo(U2)).toBe(false);
    expect(permissions.issuesCodesIn(U1)).toBe(true);
    expect(permissions.issuesCodesIn(U2)).toBe(false);
    expect(permissions.seesPeopleOf(U2, A1)).toBe(false);
  });

  it('manager: changes and gives codes to a person in their unit whose roles stay inside it', () => {
    session.user.set(user([grant(Role.Manager, ScopeType.Unit, U1)]));
    expect(permissions.changes(person([U1]))).toBe(true);
    expect(permissions.changes(person([U1], [grant(Role.Ambassador, ScopeType.Unit, U1)]))).toBe(true);
    expect(permissions.issuesCodeFor(person([U1]))).toBe(true);
    // Roles outside the manager's units, or a person in another unit: HR or an administrator must act.
    expect(permissions.changes(person([U1], [grant(Role.Ambassador, ScopeType.Unit, U2)]))).toBe(false);
    expect(permissions.changes(person([U1], [grant(Role.AreaManager, ScopeType.Area, A1)]))).toBe(false);
    expect(permissions.issuesCodeFor(person([U1], [grant(Role.Hr, ScopeType.Organisation, ORG)]))).toBe(false);
    expect(permissions.changes(person([U2]))).toBe(false);
  });

  it('manager: a membership that has ended does not count', () => {
    session.user.set(user([grant(Role.Manager, ScopeType.Unit, U1)]));
    const left = person([U1]);
    left.memberships[0].endDate = '2021-01-01';
    expect(permissions.changes(left)).toBe(false);
  });

  it('manager: grants only ambassador, only on their units, never to themselves', () => {
    session.user.set(user([grant(Role.Manager, ScopeType.Unit, U1)]));
    expect(permissions.grantable(person([U1]))).toEqual([{ role: Role.Ambassador, unitIds: [U1] }]);
    expect(permissions.grantable(person([U1], [], 'me'))).toEqual([]);
    const target = person([U1]);
    expect(permissions.revokes(target, grant(Role.Ambassador, ScopeType.Unit, U1))).toBe(true);
    expect(permissions.revokes(target, grant(Role.Ambassador, ScopeType.Unit, U2))).toBe(false);
    expect(permissions.revokes(target, grant(Role.Manager, ScopeType.Unit, U1))).toBe(false);
  });

  it('area manager: sees people of the area, changes nobody, gives no codes', () => {
    session.user.set(user([grant(Role.AreaManager, ScopeType.Area, A1)]));
    expect(permissions.seesPeopleOf(U2, A1)).toBe(true);
    expect(permissions.seesPeopleOf(U2, 'area-2')).toBe(false);
    expect(permissions.addsTo(U2)).toBe(false);
    expect(permissions.changes(person([U2]))).toBe(false);
    expect(permissions.issuesCodeFor(person([U2]))).toBe(false);
  });

  it('HR: whole organisation, import, ambassador and manager roles, no codes', () => {
    session.user.set(user([grant(Role.Hr, ScopeType.Organisation, ORG)]));
    expect(permissions.canImport()).toBe(true);
    expect(permissions.canAdministerUsers()).toBe(true);
    expect(permissions.changes(person([U2], [grant(Role.AreaManager, ScopeType.Area, A1)]))).toBe(true);
    expect(permissions.issuesCodeFor(person([U2]))).toBe(false);
    expect(permissions.issuesCodesIn(U2)).toBe(false);
    expect(permissions.grantable(person([U2])).map((entry) => entry.role)).toEqual([Role.Ambassador, Role.Manager]);
    expect(permissions.grantable(person([U2], [], 'me'))).toEqual([]);
  });

  it('administrator: every role of the organisation, on themselves too, and codes for anyone; no network role', () => {
    session.user.set(user([grant(Role.OrgAdmin, ScopeType.Organisation, ORG)]));
    expect(permissions.grantable(person([U2], [], 'me')).map((entry) => entry.role)).toEqual([
      Role.Ambassador,
      Role.Manager,
      Role.AreaManager,
      Role.Hr,
      Role.OrgAdmin,
    ]);
    expect(permissions.issuesCodeFor(person([U2], [grant(Role.Hr, ScopeType.Organisation, ORG)]))).toBe(true);
  });

  it('coordinator: names other coordinators of the network, never themself', () => {
    session.user.set(user([grant(Role.NetworkCoordinator, ScopeType.Network, 'net'), grant(Role.OrgAdmin, ScopeType.Organisation, ORG)]));
    expect(permissions.grantable(person([U2])).map((entry) => entry.role)).toContain(Role.NetworkCoordinator);
    expect(permissions.grantable(person([U2], [], 'me')).map((entry) => entry.role)).not.toContain(Role.NetworkCoordinator);
    session.user.set(user([grant(Role.NetworkCoordinator, ScopeType.Network, 'net')]));
    expect(permissions.grantable(person([U2])).map((entry) => entry.role)).toEqual([Role.NetworkCoordinator]);
  });

  it('coordinator: aggregates only (no tree, no people)', () => {
    session.user.set(user([grant(Role.NetworkCoordinator, ScopeType.Network, 'net')]));
    expect(permissions.isCoordinator()).toBe(true);
    expect(permissions.seesTree()).toBe(false);
    expect(permissions.seesPeopleOf(U1, A1)).toBe(false);
  });

  it('today() is a calendar date', () => {
    expect(today()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
