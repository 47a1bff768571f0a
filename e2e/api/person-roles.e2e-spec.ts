import { RoleGrant } from '@kunna/contracts';
import { createTestApp, TestApp } from '../../api/src/test-support/test-app';
import { auditRows, createPerson, dayOffset, signIn, sql } from './people-test-helpers';
import { FIXTURE_PASSWORD } from '../../api/src/test-support/fixture';
import { withoutMessageCodes } from '../../api/src/test-support/without-message-codes';

describe('role assignment', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const rolesOf = (personId: string) => `/api/people/${personId}/roles`;

  it('lets an administrator make someone ambassador of a unit: audited, in force at once, idempotent on retry', async () => {
    const admin = await t.as('adminA');
    const staff = t.fixture.people.staffU2;
    const before = await signIn(t, staff.email, FIXTURE_PASSWORD);
    expect((await before.get(`/api/units/${t.fixture.unitU2}`)).status).toBe(403);

    const response = await admin.post(rolesOf(staff.id), { role: 'ambassador', scopeId: t.fixture.unitU2 });
    expect(response.status).toBe(201);
    const grant = response.body as RoleGrant;
    const today = await dayOffset(t, 0);
    expect(grant).toEqual({
      id: expect.any(String),
      role: 'ambassador',
      scopeType: 'unit',
      scopeId: t.fixture.unitU2,
      scopeName: 'Enhet U2',
      startDate: today,
      endDate: null,
    });
    expect((await before.get(`/api/units/${t.fixture.unitU2}`)).status).toBe(200);

    const retry = await admin.post(rolesOf(staff.id), { role: 'ambassador', scopeId: t.fixture.unitU2 });
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(grant.id);
    const audit = await auditRows(t, 'role.assigned', staff.id);
    expect(audit).toEqual([
      expect.objectContaining({
        actor_person_id: t.fixture.people.adminA.id,
        organisation_id: t.fixture.orgA,
        details: { roleAssignmentId: grant.id, role: 'ambassador', scopeType: 'unit', scopeId: t.fixture.unitU2, startDate: today, endDate: null },
      }),
    ]);
    const stored = await sql(t, `select created_by from role_assignment where id = $1`, [grant.id]);
    expect(stored).toEqual([{ created_by: t.fixture.people.adminA.id }]);

    const overlapping = await admin.post(rolesOf(staff.id), { role: 'ambassador', scopeId: t.fixture.unitU2, startDate: '2024-01-01' });
    expect(overlapping.status).toBe(409);
    expect(overlapping.body.details[0].field).toBe('role');
  });

  it('checks the scope id against the role’s scope type (400 naming scopeId)', async () => {
    const admin = await t.as('adminA');
    const person = t.fixture.people.staffU1.id;
    const cases: Array<[string, string, string]> = [
      ['area_manager', t.fixture.unitU1, 'Rollen verksamhetschef gäller ett område: välj ett område.'],
      ['manager', t.fixture.areaA1, 'Rollen enhetschef gäller en enhet: välj en enhet.'],
      ['hr', t.fixture.unitU1, 'Rollen HR gäller hela organisationen: välj organisationen.'],
      ['network_coordinator', t.fixture.orgA, 'Rollen nätverkssamordnare gäller nätverket: välj organisationens nätverk.'],
    ];
    for (const [role, scopeId, message] of cases) {
      const response = await admin.post(rolesOf(person), { role, scopeId });
      expect([role, response.status, withoutMessageCodes(response.body.details)]).toEqual([role, 400, [{ field: 'scopeId', message }]]);
    }
    for (const role of ['staff', 'superuser']) {
      const response = await admin.post(rolesOf(person), { role, scopeId: t.fixture.unitU1 });
      expect(response.status).toBe(400);
      expect(withoutMessageCodes(response.body.details)).toEqual([{ field: 'role', message: 'Välj en roll som kan tilldelas.' }]);
    }
    const badDates = await admin.post(rolesOf(person), { role: 'ambassador', scopeId: t.fixture.unitU1, startDate: '2030-01-10', endDate: '2030-01-01' });
    expect(badDates.status).toBe(400);
    expect(badDates.body.details[0].field).toBe('endDate');
  });

  it('answers 404 for a scope in another organisation or network', async () => {
    const admin = await t.as('adminA');
    const person = t.fixture.people.staffU1.id;
    expect((await admin.post(rolesOf(person), { role: 'ambassador', scopeId: t.fixture.unitU4 })).status).toBe(404);
    expect((await admin.post(rolesOf(person), { role: 'area_manager', scopeId: t.fixture.areaB1 })).status).toBe(404);
    expect((await admin.post(rolesOf(person), { role: 'org_admin', scopeId: t.fixture.orgB })).status).toBe(404);
    expect((await admin.post(rolesOf(person), { role: 'network_coordinator', scopeId: '6d7e2c1a-0000-4000-8000-000000000001' })).status).toBe(404);
    expect((await admin.post(rolesOf(t.fixture.people.staffU4.id), { role: 'ambassador', scopeId: t.fixture.unitU1 })).status).toBe(404);
    expect(await sql(t, `select 1 from role_assignment where person_id = $1`, [person])).toHaveLength(0);
  });

  it('network coordinator: granted only by a coordinator of that network, never by an administrator, never to oneself', async () => {
    const admin = await t.as('adminA');
    const coordinator = await t.as('coordinator');
    const network = { role: 'network_coordinator', scopeId: t.fixture.networkId };
    // The probe: an administrator making themself coordinator, and then editing every member's shared content.
    const selfGrant = await admin.post(rolesOf(t.fixture.people.adminA.id), network);
    expect(selfGrant.status).toBe(403);
    const person = await createPerson(admin, t.fixture.unitU3);
    expect((await admin.post(rolesOf(person.id), network)).status).toBe(403);
    expect((await (await t.as('hrA')).post(rolesOf(person.id), network)).status).toBe(403);
    expect(
      await sql(t, `select 1 from role_assignment where role = 'network_coordinator' and person_id = any($1)`, [[t.fixture.people.adminA.id, person.id]]),
    ).toHaveLength(0);
    const networkModule = await admin.patch(`/api/library/modules/${t.fixture.library.networkModule.id}`, { archived: true });
    expect([403, 404]).toContain(networkModule.status);

    // An existing coordinator of the network names another (in their own organisation) and can take it back.
    const byCoordinator = await coordinator.post(rolesOf(person.id), network);
    expect(byCoordinator.status).toBe(201);
    expect(byCoordinator.body).toMatchObject({ scopeType: 'network', scopeName: 'Testnätverket' });
    expect((await coordinator.delete(`${rolesOf(person.id)}/${byCoordinator.body.id}`)).status).toBe(204);
    // Never to oneself, and no other role through the coordinator's network scope.
    const coordinatorId = t.fixture.people.coordinator.id;
    expect((await coordinator.post(rolesOf(coordinatorId), { ...network, startDate: await dayOffset(t, 400) })).status).toBe(403);
    expect((await coordinator.post(rolesOf(person.id), { role: 'org_admin', scopeId: t.fixture.orgA })).status).toBe(403);
    // A coordinator cannot reach people of another organisation of the network.
    expect((await coordinator.post(rolesOf(t.fixture.people.staffU4.id), network)).status).toBe(404);
  });

  it('lets HR assign and revoke ambassadors and managers, nothing else', async () => {
    const hr = await t.as('hrA');
    const person = t.fixture.people.staffU3.id;
    const manager = await hr.post(rolesOf(person), { role: 'manager', scopeId: t.fixture.unitU3 });
    expect(manager.status).toBe(201);
    for (const [role, scopeId] of [
      ['org_admin', t.fixture.orgA],
      ['hr', t.fixture.orgA],
      ['area_manager', t.fixture.areaA2],
    ]) {
      expect([role, (await hr.post(rolesOf(person), { role, scopeId })).status]).toEqual([role, 403]);
    }
    // HR cannot give themselves roles either.
    expect((await hr.post(rolesOf(t.fixture.people.hrA.id), { role: 'manager', scopeId: t.fixture.unitU3 })).status).toBe(403);
    expect((await hr.delete(`${rolesOf(person)}/${manager.body.id}`)).status).toBe(204);
  });

  it('lets a manager appoint and remove ambassadors in their own unit only', async () => {
    const manager = await t.as('managerU1');
    const staff = t.fixture.people.staffU1;
    expect((await manager.post(rolesOf(staff.id), { role: 'manager', scopeId: t.fixture.unitU1 })).status).toBe(403);
    expect((await manager.post(rolesOf(staff.id), { role: 'ambassador', scopeId: t.fixture.unitU2 })).status).toBe(403);
    expect((await manager.post(rolesOf(t.fixture.people.staffU2.id), { role: 'ambassador', scopeId: t.fixture.unitU1 })).status).toBe(403);

    const granted = await manager.post(rolesOf(staff.id), { role: 'ambassador', scopeId: t.fixture.unitU1 });
    expect(granted.status).toBe(201);
    const client = await signIn(t, staff.email, FIXTURE_PASSWORD);
    expect((await client.get(`/api/units/${t.fixture.unitU1}`)).status).toBe(200);

    const revoked = await manager.delete(`${rolesOf(staff.id)}/${granted.body.id}`);
    expect(revoked.status).toBe(204);
    expect((await client.get(`/api/units/${t.fixture.unitU1}`)).status).toBe(403);
    const rows = await sql(t, `select end_date::text from role_assignment where id = $1`, [granted.body.id]);
    expect(rows).toEqual([{ end_date: await dayOffset(t, -1) }]);
    expect(await auditRows(t, 'role.revoked', staff.id)).toEqual([
      expect.objectContaining({
        actor_person_id: t.fixture.people.managerU1.id,
        details: { roleAssignmentId: granted.body.id, role: 'ambassador', scopeType: 'unit', scopeId: t.fixture.unitU1 },
      }),
    ]);
    // Revoking again changes nothing; the person's roles no longer list it.
    expect((await manager.delete(`${rolesOf(staff.id)}/${granted.body.id}`)).status).toBe(204);
    expect(await auditRows(t, 'role.revoked', staff.id)).toHaveLength(1);
    expect((await manager.get(`/api/people/${staff.id}`)).body.roles).toEqual([]);

    // The manager cannot remove the ambassador role held in another unit, nor their own manager role.
    const own = (await manager.get(`/api/people/${t.fixture.people.managerU1.id}`)).body.roles[0] as RoleGrant;
    expect((await manager.delete(`${rolesOf(t.fixture.people.managerU1.id)}/${own.id}`)).status).toBe(403);
  });

  it('removes a grant that has not begun instead of ending it', async () => {
    const admin = await t.as('adminA');
    const person = await createPerson(admin, t.fixture.unitU2);
    const future = await admin.post(rolesOf(person.id), { role: 'manager', scopeId: t.fixture.unitU2, startDate: await dayOffset(t, 14) });
    expect(future.status).toBe(201);
    expect((await admin.delete(`${rolesOf(person.id)}/${future.body.id}`)).status).toBe(204);
    expect(await sql(t, `select 1 from role_assignment where id = $1`, [future.body.id])).toHaveLength(0);
    expect(await auditRows(t, 'role.revoked', person.id)).toHaveLength(1);
  });

  it('answers 404 for a grant of someone else, 400 naming roleId for a malformed id', async () => {
    const admin = await t.as('adminA');
    const managerGrant = (await admin.get(`/api/people/${t.fixture.people.managerU2.id}`)).body.roles[0] as RoleGrant;
    expect((await admin.delete(`${rolesOf(t.fixture.people.staffU2.id)}/${managerGrant.id}`)).status).toBe(404);
    const malformed = await admin.delete(`${rolesOf(t.fixture.people.staffU2.id)}/nonsense`);
    expect(malformed.status).toBe(400);
    expect(withoutMessageCodes(malformed.body.details)).toEqual([{ field: 'roleId', message: 'Ska vara ett id (UUID).' }]);
  });

  it('keeps at least one administrator', async () => {
    const admin = await t.as('adminA');
    const own = ((await admin.get(`/api/people/${t.fixture.people.adminA.id}`)).body.roles as RoleGrant[]).find((grant) => grant.role === 'org_admin');
    const refused = await admin.delete(`${rolesOf(t.fixture.people.adminA.id)}/${own?.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('lastAdministrator');

    const successor = await admin.post(rolesOf(t.fixture.people.hrA.id), { role: 'org_admin', scopeId: t.fixture.orgA });
    expect(successor.status).toBe(201);
    expect((await admin.delete(`${rolesOf(t.fixture.people.adminA.id)}/${own?.id}`)).status).toBe(204);
    // The change applies to the next request: adminA is no longer an administrator.
    expect((await admin.post('/api/areas', { name: 'Efteråt', kind: 'other' })).status).toBe(403);
  });
});
