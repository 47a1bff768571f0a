import { AreaKind, NetworkOrganisation, OrganisationTree, UnitDetail, UnitSummary } from '@kunna/contracts';
import { createTestApp, TestApp } from '../../api/src/test-support/test-app';
import { auditRows, sql } from './people-test-helpers';
import { withoutMessageCodes } from '../../api/src/test-support/without-message-codes';

/** Shape of a tree reduced to names, to compare with what the fixture says each role may see. */
function outline(tree: OrganisationTree): Record<string, Record<string, number>> {
  return Object.fromEntries(tree.areas.map((area) => [area.name, Object.fromEntries(area.units.map((unit) => [unit.name, unit.staffCount]))]));
}

describe('organisation API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('GET /api/organisation/tree, narrowed to the caller', () => {
    it('shows HR the whole organisation with today’s staff counts and managers', async () => {
      const response = await (await t.as('hrA')).get('/api/organisation/tree');
      expect(response.status).toBe(200);
      const tree = response.body as OrganisationTree;
      expect(tree.organisation).toEqual({ id: t.fixture.orgA, networkId: t.fixture.networkId, name: 'Kommun A', kind: 'municipality', minGroupSize: 5 });
      // U1: staffU1, ambassadorU1, managerU1; U2: staffU2, managerU2; U3: staffU3.
      expect(outline(tree)).toEqual({ 'Område A1': { 'Enhet U1': 3, 'Enhet U2': 2 }, 'Område A2': { 'Enhet U3': 1 } });
      const u1 = tree.areas[0].units.find((unit) => unit.id === t.fixture.unitU1) as UnitSummary;
      expect(u1).toEqual({
        id: t.fixture.unitU1,
        organisationId: t.fixture.orgA,
        areaId: t.fixture.areaA1,
        name: 'Enhet U1',
        code: 'U1',
        staffCount: 3,
        managers: [{ id: t.fixture.people.managerU1.id, name: 'managerU1 Testsson' }],
      });
    });

    it('counts the staff of an area and of the organisation each person once, whatever units they work in', async () => {
      const hr = await t.as('hrA');
      const before = (await hr.get('/api/organisation/tree')).body as OrganisationTree;
      expect(before.areas.map((area) => area.staffCount)).toEqual([5, 1]);
      expect(before.staffCount).toBe(6);
      // staffU1 also works in U2 (same area) and U3 (another area) from today.
      const added = await sql<{ id: string }>(
        t,
        `insert into unit_membership (organisation_id, person_id, unit_id, start_date)
         values ($1, $2, $3, current_date), ($1, $2, $4, current_date) returning id`,
        [t.fixture.orgA, t.fixture.people.staffU1.id, t.fixture.unitU2, t.fixture.unitU3],
      );
      try {
        const tree = (await hr.get('/api/organisation/tree')).body as OrganisationTree;
        expect(outline(tree)).toEqual({ 'Område A1': { 'Enhet U1': 3, 'Enhet U2': 3 }, 'Område A2': { 'Enhet U3': 2 } });
        expect(tree.areas.map((area) => area.staffCount)).toEqual([5, 2]);
        expect(tree.staffCount).toBe(6);
        const network = (await (await t.as('coordinator')).get('/api/network/organisations')).body as NetworkOrganisation[];
        expect(network.find((organisation) => organisation.id === t.fixture.orgA)?.activeStaffCount).toBe(6);
        // An area manager sees their area's staff only.
        const areaManager = (await (await t.as('areaManagerA1')).get('/api/organisation/tree')).body as OrganisationTree;
        expect(areaManager.staffCount).toBe(5);
      } finally {
        await sql(t, `delete from unit_membership where id = any($1::uuid[])`, [added.map((row) => row.id)]);
      }
    });

    it('shows an area manager their area only', async () => {
      const response = await (await t.as('areaManagerA1')).get('/api/organisation/tree');
      expect(response.status).toBe(200);
      expect(outline(response.body)).toEqual({ 'Område A1': { 'Enhet U1': 3, 'Enhet U2': 2 } });
    });

    it.each(['managerU1', 'ambassadorU1'] as const)('shows %s their unit only, inside its area', async (who) => {
      const response = await (await t.as(who)).get('/api/organisation/tree');
      expect(response.status).toBe(200);
      expect(outline(response.body)).toEqual({ 'Område A1': { 'Enhet U1': 3 } });
    });

    it('shows organisation B’s administrator organisation B only', async () => {
      const response = await (await t.as('adminB')).get('/api/organisation/tree');
      expect(response.status).toBe(200);
      expect(response.body.organisation.id).toBe(t.fixture.orgB);
      expect(outline(response.body)).toEqual({ 'Område B1': { 'Enhet U4': 2 } });
    });

    it.each(['staffU1', 'coordinator'] as const)('refuses %s (no organisation role)', async (who) => {
      const response = await (await t.as(who)).get('/api/organisation/tree');
      expect(response.status).toBe(403);
    });
  });

  describe('GET /api/network/organisations', () => {
    it('gives the coordinator every organisation of the network with counts only', async () => {
      const response = await (await t.as('coordinator')).get('/api/network/organisations');
      expect(response.status).toBe(200);
      const organisations = response.body as NetworkOrganisation[];
      // Staff are the people working in a unit (api/src/people/staff.sql.ts), as on the start page and in Insight:
      // organisation A's 6 of its 10 fixture people (HR, the administrator and others belong to no unit), 3 units;
      // organisation B's 2 of 3, 1 unit.
      expect(organisations).toEqual([
        { id: t.fixture.orgA, networkId: t.fixture.networkId, name: 'Kommun A', kind: 'municipality', unitCount: 3, activeStaffCount: 6 },
        { id: t.fixture.orgB, networkId: t.fixture.networkId, name: 'Kommun B', kind: 'municipality', unitCount: 1, activeStaffCount: 2 },
      ]);
    });

    it('is for coordinators only', async () => {
      expect((await (await t.as('adminA')).get('/api/network/organisations')).status).toBe(403);
    });
  });

  describe('GET /api/units/:unitId', () => {
    it('gives the unit’s ambassador the current staff, ambassadors and managers, without e-mail or gender', async () => {
      const response = await (await t.as('ambassadorU1')).get(`/api/units/${t.fixture.unitU1}`);
      expect(response.status).toBe(200);
      const detail = response.body as UnitDetail;
      expect(detail.areaName).toBe('Område A1');
      expect(detail.organisationName).toBe('Kommun A');
      expect(detail.unit.staffCount).toBe(3);
      expect(detail.staff.map((person) => person.firstName)).toEqual(['ambassadorU1', 'managerU1', 'staffU1']);
      expect(detail.ambassadors).toEqual([{ id: t.fixture.people.ambassadorU1.id, name: 'ambassadorU1 Testsson' }]);
      expect(detail.managers).toEqual([{ id: t.fixture.people.managerU1.id, name: 'managerU1 Testsson' }]);
      const first = detail.staff[0] as unknown as Record<string, unknown>;
      expect(first).not.toHaveProperty('email');
      expect(first).not.toHaveProperty('gender');
      expect(first).toMatchObject({
        employeeNumber: t.fixture.people.ambassadorU1.employeeNumber,
        hasAccount: true,
        active: true,
        employmentType: 'permanent',
      });
    });

    it('refuses a manager of another unit (403) and hides other organisations’ units (404); a malformed id is 400 naming the field', async () => {
      expect((await (await t.as('managerU1')).get(`/api/units/${t.fixture.unitU2}`)).status).toBe(403);
      expect((await (await t.as('hrA')).get(`/api/units/${t.fixture.unitU4}`)).status).toBe(404);
      const malformed = await (await t.as('hrA')).get('/api/units/not-a-uuid');
      expect(malformed.status).toBe(400);
      expect(withoutMessageCodes(malformed.body.details)).toEqual([{ field: 'unitId', message: 'Ska vara ett id (UUID).' }]);
    });
  });

  describe('administration of areas and units', () => {
    it('creates an area, audited, and refuses a second one with the same name (409 naming the field)', async () => {
      const admin = await t.as('adminA');
      const created = await admin.post('/api/areas', { name: '  Hemtjänst  ', kind: AreaKind.HomeCare });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ name: 'Hemtjänst', kind: 'home_care', units: [] });
      const audit = await auditRows(t, 'area.created', created.body.id);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actor_person_id: t.fixture.people.adminA.id, organisation_id: t.fixture.orgA });

      const duplicate = await admin.post('/api/areas', { name: 'hemtjänst', kind: AreaKind.HomeCare });
      expect(duplicate.status).toBe(409);
      expect(withoutMessageCodes(duplicate.body.details)).toEqual([{ field: 'name', message: expect.stringContaining('hemtjänst') }]);

      // Another organisation may use the same name.
      expect((await (await t.as('adminB')).post('/api/areas', { name: 'Hemtjänst', kind: AreaKind.HomeCare })).status).toBe(201);
    });

    it('answers invalid input with 400 naming the field in Swedish', async () => {
      const admin = await t.as('adminA');
      const noName = await admin.post('/api/areas', { name: '   ', kind: AreaKind.Other });
      expect(noName.status).toBe(400);
      expect(withoutMessageCodes(noName.body.details)).toEqual([{ field: 'name', message: 'Fyll i namn.' }]);
      const badKind = await admin.post('/api/areas', { name: 'Något', kind: 'zoo' });
      expect(badKind.status).toBe(400);
      expect(withoutMessageCodes(badKind.body.details)).toEqual([{ field: 'kind', message: 'Välj typ av verksamhet.' }]);
      const badCode = await admin.post('/api/units', { areaId: t.fixture.areaA1, name: 'Enhet X', code: 'A B' });
      expect(badCode.status).toBe(400);
      expect(badCode.body.details[0].field).toBe('code');
    });

    it('creates a unit with a code unique in the organisation', async () => {
      const admin = await t.as('adminA');
      const duplicate = await admin.post('/api/units', { areaId: t.fixture.areaA2, name: 'Annan enhet', code: 'U1' });
      expect(duplicate.status).toBe(409);
      expect(withoutMessageCodes(duplicate.body.details)).toEqual([
        { field: 'code', message: 'Enhetskoden ”U1” används redan av en annan enhet i organisationen.' },
      ]);
      // The message's catalogue code and its value, for the web app to show in the reader's language.
      expect(duplicate.body.details[0]).toMatchObject({ messageCode: 'organisation.unitCodeTaken', messageParams: { code: 'U1' } });

      // Organisation B's unit U4 has code U4: organisation A may use it too.
      const created = await admin.post('/api/units', { areaId: t.fixture.areaA2, name: 'Björkgården', code: 'U4' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ areaId: t.fixture.areaA2, name: 'Björkgården', code: 'U4', staffCount: 0, managers: [] });
      expect(await auditRows(t, 'unit.created', created.body.id)).toHaveLength(1);

      const tree = (await admin.get('/api/organisation/tree')).body as OrganisationTree;
      expect(outline(tree)['Område A2']).toEqual({ Björkgården: 0, 'Enhet U3': 1 });

      const sameName = await admin.post('/api/units', { areaId: t.fixture.areaA2, name: 'björkgården' });
      expect(sameName.status).toBe(409);
      expect(sameName.body.details[0].field).toBe('name');
    });

    it('refuses an area of another organisation (404 from the guard)', async () => {
      const response = await (await t.as('adminA')).post('/api/units', { areaId: t.fixture.areaB1, name: 'Smyg' });
      expect(response.status).toBe(404);
    });

    it('updates a unit: renames, moves to another area, clears the code; another organisation’s area is 404', async () => {
      const admin = await t.as('adminA');
      const created = await admin.post('/api/units', { areaId: t.fixture.areaA1, name: 'Tillfällig', code: 'TMP-1' });
      expect(created.status).toBe(201);
      const id = created.body.id as string;

      const foreign = await admin.patch(`/api/units/${id}`, { areaId: t.fixture.areaB1 });
      expect(foreign.status).toBe(404);

      const taken = await admin.patch(`/api/units/${id}`, { code: 'U2' });
      expect(taken.status).toBe(409);
      expect(taken.body.details[0].field).toBe('code');

      const updated = await admin.patch(`/api/units/${id}`, { name: 'Lindgården', areaId: t.fixture.areaA2, code: null });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ id, name: 'Lindgården', areaId: t.fixture.areaA2, code: null });
      const audit = await auditRows(t, 'unit.updated', id);
      expect(audit).toHaveLength(1);
      expect((audit[0].details['changed'] as string[]).sort()).toEqual(['areaId', 'code', 'name']);

      // Keeping its own code is not a clash with itself.
      expect((await admin.patch(`/api/units/${t.fixture.unitU1}`, { code: 'U1', name: 'Enhet U1' })).status).toBe(200);
    });

    it('renames an area and returns it with its units', async () => {
      const admin = await t.as('adminA');
      const response = await admin.patch(`/api/areas/${t.fixture.areaA1}`, { name: 'Äldreomsorg A1' });
      expect(response.status).toBe(200);
      expect(response.body.name).toBe('Äldreomsorg A1');
      expect(response.body.units.map((unit: UnitSummary) => unit.name)).toEqual(['Enhet U1', 'Enhet U2']);
      const clash = await admin.patch(`/api/areas/${t.fixture.areaA1}`, { name: 'Område A2' });
      expect(clash.status).toBe(409);
      expect(clash.body.details[0].field).toBe('name');
    });

    it('lets only administrators change the structure', async () => {
      expect((await (await t.as('hrA')).post('/api/areas', { name: 'HR-område', kind: AreaKind.Other })).status).toBe(403);
      expect((await (await t.as('managerU1')).patch(`/api/units/${t.fixture.unitU1}`, { name: 'Min enhet' })).status).toBe(403);
    });
  });

  // Migration 1763902800000: names sort A … Z, Å, Ä, Ö whatever the case of the initial (in the database's byte order Ä
  // came before Å and every lower-case initial after Ö).
  describe('Swedish order of names', () => {
    it('lists a unit’s staff A … Z, Å, Ä, Ö', async () => {
      const [unit] = await sql<{ id: string }>(
        t,
        `insert into unit (organisation_id, area_id, name, code) values ($1, $2, 'Sorteringen', 'SORT') returning id`,
        [t.fixture.orgA, t.fixture.areaA1],
      );
      for (const [index, lastName] of ['Östlund', 'ängel', 'Zetterberg', 'Ärlig', 'Åberg', 'Aronsson'].entries()) {
        const [person] = await sql<{ id: string }>(
          t,
          `insert into person (organisation_id, employee_number, first_name, last_name, role_title, employment_type, start_date)
           values ($1, $2, 'Sortera', $3, 'undersköterska', 'permanent', '2024-01-01') returning id`,
          [t.fixture.orgA, `SORT${index}`, lastName],
        );
        await sql(t, `insert into unit_membership (organisation_id, person_id, unit_id, start_date) values ($1, $2, $3, '2024-01-01')`, [
          t.fixture.orgA,
          person.id,
          unit.id,
        ]);
      }
      const page = (await (await t.as('hrA')).get(`/api/units/${unit.id}`).expect(200)).body as UnitDetail;
      expect(page.staff.map((person) => person.lastName)).toEqual(['Aronsson', 'Zetterberg', 'Åberg', 'ängel', 'Ärlig', 'Östlund']);
    });
  });
});
