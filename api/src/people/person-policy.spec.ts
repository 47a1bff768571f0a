import { Role, ScopeType } from '@kunna/contracts';
import type { Caller, Grant } from '../auth';
import { coversUnit, HeldGrant, mayChangePerson, mayIssueCode, mayManageGrant } from './person-policy';

const ORG = 'org-a';
const U1 = 'unit-1';
const U2 = 'unit-2';

function caller(grants: Array<Omit<Grant, 'id'>>, personId = 'caller'): Caller {
  return {
    personId,
    organisationId: ORG,
    networkId: 'net',
    sessionId: 's',
    csrfToken: 'c',
    grants: grants.map((grant, index) => ({ ...grant, id: `g${index}` })),
  };
}

const managerOfU1 = caller([{ role: Role.Manager, scopeType: ScopeType.Unit, scopeId: U1 }]);
const hr = caller([{ role: Role.Hr, scopeType: ScopeType.Organisation, scopeId: ORG }]);
const admin = caller([{ role: Role.OrgAdmin, scopeType: ScopeType.Organisation, scopeId: ORG }]);
const hrOfOtherOrg = caller([{ role: Role.Hr, scopeType: ScopeType.Organisation, scopeId: 'org-b' }]);

const ambassadorU1: HeldGrant = { role: Role.Ambassador, scopeType: ScopeType.Unit, scopeId: U1 };
const ambassadorU2: HeldGrant = { role: Role.Ambassador, scopeType: ScopeType.Unit, scopeId: U2 };
const orgAdmin: HeldGrant = { role: Role.OrgAdmin, scopeType: ScopeType.Organisation, scopeId: ORG };

describe('person policy', () => {
  describe('mayChangePerson', () => {
    it('lets a manager change people whose roles stay inside the manager’s units', () => {
      expect(mayChangePerson(managerOfU1, [])).toBe(true);
      expect(mayChangePerson(managerOfU1, [ambassadorU1])).toBe(true);
      expect(mayChangePerson(managerOfU1, [{ role: Role.Manager, scopeType: ScopeType.Unit, scopeId: U1 }])).toBe(true);
    });

    it('refuses a manager for people with roles elsewhere or above', () => {
      expect(mayChangePerson(managerOfU1, [ambassadorU2])).toBe(false);
      expect(mayChangePerson(managerOfU1, [ambassadorU1, orgAdmin])).toBe(false);
      expect(mayChangePerson(managerOfU1, [{ role: Role.AreaManager, scopeType: ScopeType.Area, scopeId: 'a1' }])).toBe(false);
    });

    it('lets HR and administrators of the organisation change anyone, not HR of another organisation', () => {
      expect(mayChangePerson(hr, [orgAdmin])).toBe(true);
      expect(mayChangePerson(admin, [orgAdmin])).toBe(true);
      expect(mayChangePerson(hrOfOtherOrg, [])).toBe(false);
    });
  });

  describe('mayIssueCode', () => {
    it('is for administrators and for managers within their units', () => {
      expect(mayIssueCode(admin, [orgAdmin])).toBe(true);
      expect(mayIssueCode(managerOfU1, [ambassadorU1])).toBe(true);
      expect(mayIssueCode(managerOfU1, [orgAdmin])).toBe(false);
    });

    it('does not let HR take over accounts, even HR who also manages a unit', () => {
      expect(mayIssueCode(hr, [])).toBe(false);
      const hrAndManager = caller([...hr.grants, ...managerOfU1.grants]);
      expect(mayIssueCode(hrAndManager, [])).toBe(true);
      expect(mayIssueCode(hrAndManager, [orgAdmin])).toBe(false);
    });
  });

  describe('mayManageGrant', () => {
    const unit = (id: string) => ({ type: ScopeType.Unit, id });
    it('lets administrators grant every role of their organisation, also to themselves, but no network role', () => {
      expect(mayManageGrant(admin, Role.OrgAdmin, { type: ScopeType.Organisation, id: ORG }, 'someone')).toBe(true);
      expect(mayManageGrant(admin, Role.Hr, { type: ScopeType.Organisation, id: ORG }, admin.personId)).toBe(true);
      expect(mayManageGrant(admin, Role.NetworkCoordinator, { type: ScopeType.Network, id: 'net' }, admin.personId)).toBe(false);
      expect(mayManageGrant(admin, Role.NetworkCoordinator, { type: ScopeType.Network, id: 'net' }, 'someone')).toBe(false);
    });

    it('lets only a coordinator of the network name another coordinator of it, never themselves', () => {
      const coordinator = caller([{ role: Role.NetworkCoordinator, scopeType: ScopeType.Network, scopeId: 'net' }]);
      const network = { type: ScopeType.Network, id: 'net' };
      expect(mayManageGrant(coordinator, Role.NetworkCoordinator, network, 'someone')).toBe(true);
      expect(mayManageGrant(coordinator, Role.NetworkCoordinator, network, coordinator.personId)).toBe(false);
      expect(mayManageGrant(coordinator, Role.NetworkCoordinator, { type: ScopeType.Network, id: 'other-net' }, 'someone')).toBe(false);
      expect(mayManageGrant(coordinator, Role.OrgAdmin, { type: ScopeType.Organisation, id: ORG }, 'someone')).toBe(false);
      expect(mayManageGrant(coordinator, Role.Ambassador, unit(U1), 'someone')).toBe(false);
    });

    it('lets HR grant ambassador and manager only, never to themselves', () => {
      expect(mayManageGrant(hr, Role.Manager, unit(U2), 'someone')).toBe(true);
      expect(mayManageGrant(hr, Role.Ambassador, unit(U2), 'someone')).toBe(true);
      expect(mayManageGrant(hr, Role.AreaManager, { type: ScopeType.Area, id: 'a1' }, 'someone')).toBe(false);
      expect(mayManageGrant(hr, Role.Hr, { type: ScopeType.Organisation, id: ORG }, 'someone')).toBe(false);
      expect(mayManageGrant(hr, Role.Manager, unit(U2), hr.personId)).toBe(false);
    });

    it('lets a manager appoint ambassadors in their own units only', () => {
      expect(mayManageGrant(managerOfU1, Role.Ambassador, unit(U1), 'someone')).toBe(true);
      expect(mayManageGrant(managerOfU1, Role.Ambassador, unit(U2), 'someone')).toBe(false);
      expect(mayManageGrant(managerOfU1, Role.Manager, unit(U1), 'someone')).toBe(false);
      expect(mayManageGrant(managerOfU1, Role.Ambassador, unit(U1), managerOfU1.personId)).toBe(false);
    });
  });

  it('coversUnit: organisation-wide roles or the unit’s manager', () => {
    expect(coversUnit(managerOfU1, U1)).toBe(true);
    expect(coversUnit(managerOfU1, U2)).toBe(false);
    expect(coversUnit(hr, U2)).toBe(true);
    expect(coversUnit(hrOfOtherOrg, U2)).toBe(false);
  });
});
