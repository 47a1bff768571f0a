import { Role, ScopeType } from '@kunna/contracts';
import type { Caller, Grant } from './caller';
import { callerCanSee, callerCovers, grantCovers, ScopePosition, scopeFilter } from './scope';

const NET = 'net-1';
const OTHER_NET = 'net-2';
const ORG_A = 'org-a';
const ORG_B = 'org-b';
const AREA_1 = 'area-1';
const AREA_2 = 'area-2';
const UNIT_1 = 'unit-1';
const UNIT_2 = 'unit-2';
const UNIT_3 = 'unit-3';

function grant(role: Role, scopeType: ScopeType, scopeId: string): Grant {
  return { id: `${role}-${scopeId}`, role, scopeType, scopeId };
}

function caller(grants: Grant[], personId = 'me', organisationId = ORG_A, networkId = NET): Caller {
  return { personId, organisationId, networkId, sessionId: 'session', csrfToken: 'csrf', grants };
}

/** Unit 1 sits in area 1 of organisation A in network 1. */
const unit1: ScopePosition = { networkId: NET, organisationId: ORG_A, areaIds: [AREA_1], unitIds: [UNIT_1] };
const unit2: ScopePosition = { networkId: NET, organisationId: ORG_A, areaIds: [AREA_1], unitIds: [UNIT_2] };
const unit3InArea2: ScopePosition = { networkId: NET, organisationId: ORG_A, areaIds: [AREA_2], unitIds: [UNIT_3] };
const area1: ScopePosition = { networkId: NET, organisationId: ORG_A, areaIds: [AREA_1], unitIds: [] };
const orgA: ScopePosition = { networkId: NET, organisationId: ORG_A, areaIds: [], unitIds: [] };
const orgBSameNetwork: ScopePosition = { networkId: NET, organisationId: ORG_B, areaIds: ['area-b'], unitIds: ['unit-b'] };
const orgInOtherNetwork: ScopePosition = { networkId: OTHER_NET, organisationId: 'org-c', areaIds: [], unitIds: [] };
/** A person with memberships in units 1 and 3. */
const personInUnits1And3: ScopePosition = {
  networkId: NET,
  organisationId: ORG_A,
  areaIds: [AREA_1, AREA_2],
  unitIds: [UNIT_1, UNIT_3],
  personId: 'someone',
};

describe('grantCovers', () => {
  it('a unit grant covers its own unit only', () => {
    const g = grant(Role.Manager, ScopeType.Unit, UNIT_1);
    expect(grantCovers(g, unit1)).toBe(true);
    expect(grantCovers(g, unit2)).toBe(false);
    expect(grantCovers(g, area1)).toBe(false);
    expect(grantCovers(g, orgA)).toBe(false);
  });

  it('an area grant covers the area and every unit in it, not other areas', () => {
    const g = grant(Role.AreaManager, ScopeType.Area, AREA_1);
    expect(grantCovers(g, area1)).toBe(true);
    expect(grantCovers(g, unit1)).toBe(true);
    expect(grantCovers(g, unit2)).toBe(true);
    expect(grantCovers(g, unit3InArea2)).toBe(false);
    expect(grantCovers(g, orgA)).toBe(false);
  });

  it('an organisation grant covers everything in that organisation and nothing outside it', () => {
    const g = grant(Role.Hr, ScopeType.Organisation, ORG_A);
    expect(grantCovers(g, orgA)).toBe(true);
    expect(grantCovers(g, unit3InArea2)).toBe(true);
    expect(grantCovers(g, orgBSameNetwork)).toBe(false);
  });

  it('a network grant covers every organisation of the network, not another network', () => {
    const g = grant(Role.NetworkCoordinator, ScopeType.Network, NET);
    expect(grantCovers(g, orgA)).toBe(true);
    expect(grantCovers(g, orgBSameNetwork)).toBe(true);
    expect(grantCovers(g, orgInOtherNetwork)).toBe(false);
  });

  it('a person in several units is covered by a grant on any of them', () => {
    expect(grantCovers(grant(Role.Manager, ScopeType.Unit, UNIT_3), personInUnits1And3)).toBe(true);
    expect(grantCovers(grant(Role.Manager, ScopeType.Unit, UNIT_2), personInUnits1And3)).toBe(false);
    expect(grantCovers(grant(Role.AreaManager, ScopeType.Area, AREA_2), personInUnits1And3)).toBe(true);
  });

  it('does not confuse ids of different scope types', () => {
    // An area grant whose id happens to equal a unit id does not cover that unit.
    expect(grantCovers(grant(Role.AreaManager, ScopeType.Area, UNIT_1), unit1)).toBe(false);
    expect(grantCovers(grant(Role.Manager, ScopeType.Unit, AREA_1), area1)).toBe(false);
  });
});

describe('callerCovers', () => {
  const managerU1 = caller([grant(Role.Manager, ScopeType.Unit, UNIT_1)]);

  it('needs one of the listed roles on a covering scope', () => {
    expect(callerCovers(managerU1, [Role.Manager], unit1)).toBe(true);
    expect(callerCovers(managerU1, [Role.Manager], unit2)).toBe(false);
    // The right scope but the wrong role.
    expect(callerCovers(managerU1, [Role.Ambassador, Role.Hr], unit1)).toBe(false);
  });

  it('combines several grants: any one that fits is enough', () => {
    const both = caller([grant(Role.Ambassador, ScopeType.Unit, UNIT_2), grant(Role.Manager, ScopeType.Unit, UNIT_1)]);
    expect(callerCovers(both, [Role.Ambassador], unit2)).toBe(true);
    expect(callerCovers(both, [Role.Ambassador], unit1)).toBe(false);
    expect(callerCovers(both, [Role.Manager, Role.Ambassador], unit1)).toBe(true);
  });

  it('lets staff act on their own person record only when the route allows staff', () => {
    const staff = caller([], 'person-7');
    const ownRecord: ScopePosition = { ...unit1, personId: 'person-7' };
    const colleague: ScopePosition = { ...unit1, personId: 'person-8' };
    expect(callerCovers(staff, [Role.Staff], ownRecord)).toBe(true);
    expect(callerCovers(staff, [Role.Staff], colleague)).toBe(false);
    expect(callerCovers(staff, [Role.Manager], ownRecord)).toBe(false);
    // A position that is not a person never matches "own record".
    expect(callerCovers(staff, [Role.Staff], unit1)).toBe(false);
  });

  it('a caller without grants covers nothing', () => {
    expect(callerCovers(caller([]), [Role.Manager, Role.Hr, Role.OrgAdmin], orgA)).toBe(false);
  });
});

describe('callerCanSee', () => {
  it('sees everything in the own organisation (the scope check then decides 403)', () => {
    const staff = caller([]);
    expect(callerCanSee(staff, [Role.Manager], unit3InArea2)).toBe(true);
  });

  it('does not see another organisation, whatever roles it holds there in name', () => {
    const adminA = caller([grant(Role.OrgAdmin, ScopeType.Organisation, ORG_A)]);
    expect(callerCanSee(adminA, [Role.OrgAdmin], orgBSameNetwork)).toBe(false);
    // Even a (bogus) grant naming org B does not reveal org B: visibility is by own organisation or network role.
    const forged = caller([grant(Role.OrgAdmin, ScopeType.Organisation, ORG_B)]);
    expect(callerCanSee(forged, [Role.OrgAdmin], orgBSameNetwork)).toBe(false);
  });

  it('a network coordinator sees organisations of the own network when the route allows that role', () => {
    const coordinator = caller([grant(Role.NetworkCoordinator, ScopeType.Network, NET)]);
    expect(callerCanSee(coordinator, [Role.NetworkCoordinator], orgBSameNetwork)).toBe(true);
    expect(callerCanSee(coordinator, [Role.Manager, Role.Hr], orgBSameNetwork)).toBe(false);
    expect(callerCanSee(coordinator, [Role.NetworkCoordinator], orgInOtherNetwork)).toBe(false);
  });
});

describe('scopeFilter', () => {
  it('groups the scope ids of the allowed roles by scope type and ignores other roles', () => {
    const c = caller([
      grant(Role.Manager, ScopeType.Unit, UNIT_1),
      grant(Role.Manager, ScopeType.Unit, UNIT_2),
      grant(Role.Ambassador, ScopeType.Unit, UNIT_3),
      grant(Role.AreaManager, ScopeType.Area, AREA_2),
      grant(Role.Hr, ScopeType.Organisation, ORG_A),
      grant(Role.NetworkCoordinator, ScopeType.Network, NET),
    ]);
    expect(scopeFilter(c, [Role.Manager, Role.AreaManager])).toEqual({
      organisationIds: [],
      networkIds: [],
      areaIds: [AREA_2],
      unitIds: [UNIT_1, UNIT_2],
    });
    expect(scopeFilter(c, [Role.Hr, Role.NetworkCoordinator])).toEqual({
      organisationIds: [ORG_A],
      networkIds: [NET],
      areaIds: [],
      unitIds: [],
    });
  });

  it('is empty (matches nothing) for a caller without the roles', () => {
    expect(scopeFilter(caller([grant(Role.Ambassador, ScopeType.Unit, UNIT_1)]), [Role.Manager])).toEqual({
      organisationIds: [],
      networkIds: [],
      areaIds: [],
      unitIds: [],
    });
    expect(scopeFilter(caller([]), [Role.Staff])).toEqual({ organisationIds: [], networkIds: [], areaIds: [], unitIds: [] });
  });
});
