import { may, PERMISSIONS, rolesOf } from './permissions';
import { Role, ScopeType } from './roles';

const managerOfU1 = { role: Role.Manager, scopeType: ScopeType.Unit, scopeId: 'u1' };
const areaManagerOfA1 = { role: Role.AreaManager, scopeType: ScopeType.Area, scopeId: 'a1' };
const hrOfA = { role: Role.Hr, scopeType: ScopeType.Organisation, scopeId: 'org-a' };

describe('may', () => {
  it('holds a permission anywhere when one of its roles is held', () => {
    expect(may([managerOfU1], 'people.create')).toBe(true);
    expect(may([areaManagerOfA1], 'people.create')).toBe(false);
    expect(may([], 'today.overview')).toBe(true);
  });

  it('on a scope, only where the grant covers it', () => {
    expect(may([managerOfU1], 'people.create', { unitId: 'u1', organisationId: 'org-a' })).toBe(true);
    expect(may([managerOfU1], 'people.create', { unitId: 'u2', organisationId: 'org-a' })).toBe(false);
    expect(may([areaManagerOfA1], 'people.list', { unitId: 'u2', areaId: 'a1', organisationId: 'org-a' })).toBe(true);
    expect(may([areaManagerOfA1], 'people.list', { unitId: 'u2', organisationId: 'org-a' })).toBe(false);
    expect(may([hrOfA], 'people.list', { unitId: 'u9', organisationId: 'org-a' })).toBe(true);
    expect(may([hrOfA], 'people.list', { unitId: 'u9', organisationId: 'org-b' })).toBe(false);
  });

  it('rolesOf gives a copy of the table row', () => {
    const roles = rolesOf('people.create');
    roles.push(Role.Staff);
    expect(PERMISSIONS['people.create'].roles).not.toContain(Role.Staff);
  });
});
