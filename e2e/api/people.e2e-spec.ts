import { EmploymentType, PersonDetail, PersonSummary } from '@kunna/contracts';
import type { FixturePersonKey } from '../../api/src/test-support/fixture';
import { createTestApp, TestApp } from '../../api/src/test-support/test-app';
import { auditRows, createPerson, dayOffset, newPerson, sql } from './people-test-helpers';
import { withoutMessageCodes } from '../../api/src/test-support/without-message-codes';

describe('people API', () => {
  let t: TestApp;
  const ids = (keys: FixturePersonKey[]) => keys.map((key) => t.fixture.people[key].id).sort();
  const listIds = (body: PersonSummary[]) => body.map((person) => person.id).sort();

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('GET /api/people is narrowed to the caller’s scope', () => {
    it('gives managerU1 the people of U1 only', async () => {
      const response = await (await t.as('managerU1')).get('/api/people');
      expect(response.status).toBe(200);
      expect(listIds(response.body)).toEqual(ids(['staffU1', 'ambassadorU1', 'managerU1']));
      expect(response.headers['x-total-count']).toBe('3');
    });

    it('gives areaManagerA1 the people of U1 and U2, not U3', async () => {
      const response = await (await t.as('areaManagerA1')).get('/api/people');
      expect(listIds(response.body)).toEqual(ids(['staffU1', 'ambassadorU1', 'managerU1', 'staffU2', 'managerU2']));
    });

    it('gives hrA everyone in organisation A (also those without a unit), sorted by name, and nobody from B', async () => {
      const response = await (await t.as('hrA')).get('/api/people');
      expect(listIds(response.body)).toEqual(
        ids(['staffU1', 'ambassadorU1', 'managerU1', 'areaManagerA1', 'hrA', 'adminA', 'coordinator', 'staffU2', 'managerU2', 'staffU3']),
      );
      expect((response.body as PersonSummary[]).map((person) => person.firstName)).toEqual([
        'adminA',
        'ambassadorU1',
        'areaManagerA1',
        'coordinator',
        'hrA',
        'managerU1',
        'managerU2',
        'staffU1',
        'staffU2',
        'staffU3',
      ]);
      const staff = (response.body as PersonSummary[]).find((person) => person.id === t.fixture.people.staffU1.id);
      expect(staff).toEqual({
        id: t.fixture.people.staffU1.id,
        firstName: 'staffU1',
        lastName: 'Testsson',
        employeeNumber: t.fixture.people.staffU1.employeeNumber,
        roleTitle: 'undersköterska',
        employmentType: 'permanent',
        hasAccount: true,
        active: true,
        disabled: false,
        units: [{ id: t.fixture.unitU1, name: 'Enhet U1' }],
      });
    });

    it('gives adminB organisation B only', async () => {
      const response = await (await t.as('adminB')).get('/api/people');
      expect(listIds(response.body)).toEqual(ids(['managerU4', 'adminB', 'staffU4']));
    });

    it('filters by unit within scope; a sibling unit is 403 for a manager, another organisation’s unit 404', async () => {
      const hr = await t.as('hrA');
      expect(listIds((await hr.get(`/api/people?unitId=${t.fixture.unitU3}`)).body)).toEqual(ids(['staffU3']));
      const manager = await t.as('managerU1');
      expect((await manager.get(`/api/people?unitId=${t.fixture.unitU2}`)).status).toBe(403);
      expect((await manager.get(`/api/people?unitId=${t.fixture.unitU4}`)).status).toBe(404);
    });

    it('searches by name or employee number, with wildcards taken literally', async () => {
      const hr = await t.as('hrA');
      expect(listIds((await hr.get('/api/people?q=STAFFu')).body)).toEqual(ids(['staffU1', 'staffU2', 'staffU3']));
      expect(listIds((await hr.get('/api/people?q=testsson%20staffu2')).body)).toEqual(ids(['staffU2']));
      const byNumber = await hr.get(`/api/people?q=${t.fixture.people.staffU3.employeeNumber}`);
      expect(listIds(byNumber.body)).toEqual(ids(['staffU3']));
      expect((await hr.get('/api/people?q=%25')).body).toEqual([]);
      expect((await hr.get('/api/people?q=_')).body).toEqual([]);
      // Scope still applies to a search: managerU1 does not find staffU2.
      expect((await (await t.as('managerU1')).get('/api/people?q=staffU2')).body).toEqual([]);
    });

    it('pages with limit and offset and reports the total', async () => {
      const hr = await t.as('hrA');
      const page = await hr.get('/api/people?limit=3&offset=3');
      expect(page.status).toBe(200);
      expect((page.body as PersonSummary[]).map((person) => person.firstName)).toEqual(['coordinator', 'hrA', 'managerU1']);
      expect(page.headers['x-total-count']).toBe('10');
    });

    it('rejects malformed query values with 400 naming the field', async () => {
      const hr = await t.as('hrA');
      const badLimit = await hr.get('/api/people?limit=abc');
      expect(badLimit.status).toBe(400);
      expect(badLimit.body.details[0].field).toBe('limit');
      const badFlag = await hr.get('/api/people?includeEnded=yes');
      expect(badFlag.status).toBe(400);
      expect(withoutMessageCodes(badFlag.body.details)[0]).toEqual({
        field: 'includeEnded',
        message: 'Visa avslutade (includeEnded) måste vara true eller false.',
      });
    });

    it('answers a malformed id in the path, query or body with 400 naming the field, not 404', async () => {
      const hr = await t.as('hrA');
      const cases = [
        [await hr.get('/api/people/not-a-uuid'), 'personId'],
        [await hr.get('/api/people?unitId=12345'), 'unitId'],
        [await hr.post('/api/people', newPerson('U1')), 'unitId'],
        [await hr.post(`/api/people/${t.fixture.people.staffU1.id.slice(0, 35)}/move`, { toUnitId: t.fixture.unitU2, date: '2025-01-01' }), 'personId'],
      ] as const;
      for (const [response, field] of cases) {
        expect({ status: response.status, details: withoutMessageCodes(response.body.details) }).toEqual({
          status: 400,
          details: [{ field, message: 'Ska vara ett id (UUID).' }],
        });
      }
      // A well-formed id that names nothing (or another organisation's object) is still 404.
      expect((await hr.get('/api/people/00000000-0000-4000-8000-000000000000')).status).toBe(404);
      expect((await hr.get(`/api/people/${t.fixture.people.staffU4.id}`)).status).toBe(404);
    });

    it.each(['staffU1', 'ambassadorU1', 'coordinator'] as const)('refuses %s (403)', async (who) => {
      expect((await (await t.as(who)).get('/api/people')).status).toBe(403);
    });
  });

  describe('GET /api/people/:personId', () => {
    it('shows a person their own record, with e-mail, memberships and roles', async () => {
      const response = await (await t.as('ambassadorU1')).get(`/api/people/${t.fixture.people.ambassadorU1.id}`);
      expect(response.status).toBe(200);
      const detail = response.body as PersonDetail;
      expect(detail).toMatchObject({
        email: 'ambassadoru1@test.example',
        gender: 'female',
        startDate: '2024-01-01',
        endDate: null,
        preferredLanguage: 'sv',
        organisationId: t.fixture.orgA,
      });
      expect(detail.memberships).toEqual([{ id: expect.any(String), unitId: t.fixture.unitU1, unitName: 'Enhet U1', startDate: '2024-01-01', endDate: null }]);
      expect(detail.roles).toEqual([expect.objectContaining({ role: 'ambassador', scopeType: 'unit', scopeId: t.fixture.unitU1, scopeName: 'Enhet U1' })]);
    });

    it('lets the manager of the person’s unit, the area manager and HR read it; not colleagues or ambassadors', async () => {
      const target = `/api/people/${t.fixture.people.staffU1.id}`;
      for (const who of ['managerU1', 'areaManagerA1', 'hrA', 'adminA'] as const) {
        expect([who, (await (await t.as(who)).get(target)).status]).toEqual([who, 200]);
      }
      for (const who of ['ambassadorU1', 'managerU2', 'staffU2', 'coordinator'] as const) {
        expect([who, (await (await t.as(who)).get(target)).status]).toEqual([who, 403]);
      }
      expect((await (await t.as('adminB')).get(target)).status).toBe(404);
    });
  });

  describe('creating and updating people', () => {
    it('lets a manager add a person without e-mail to their unit', async () => {
      const manager = await t.as('managerU1');
      const body = newPerson(t.fixture.unitU1, { email: '', gender: null, employmentType: EmploymentType.Hourly });
      const response = await manager.post('/api/people', body);
      expect(response.status).toBe(201);
      const detail = response.body as PersonDetail;
      expect(detail).toMatchObject({
        firstName: body.firstName,
        employeeNumber: body.employeeNumber,
        email: null,
        employmentType: 'hourly',
        hasAccount: false,
        active: true,
        preferredLanguage: 'sv',
        roles: [],
      });
      expect(detail.memberships).toEqual([{ id: expect.any(String), unitId: t.fixture.unitU1, unitName: 'Enhet U1', startDate: '2025-01-01', endDate: null }]);
      expect(listIds((await manager.get('/api/people')).body)).toContain(detail.id);
      const audit = await auditRows(t, 'person.created', detail.id);
      expect(audit).toHaveLength(1);
      expect(audit[0].actor_person_id).toBe(t.fixture.people.managerU1.id);
    });

    it('refuses a manager adding people to a unit that is not theirs (403) or in another organisation (404)', async () => {
      const manager = await t.as('managerU1');
      expect((await manager.post('/api/people', newPerson(t.fixture.unitU2))).status).toBe(403);
      expect((await manager.post('/api/people', newPerson(t.fixture.unitU4))).status).toBe(404);
      expect((await (await t.as('areaManagerA1')).post('/api/people', newPerson(t.fixture.unitU1))).status).toBe(403);
    });

    it('answers a duplicate employee number with 409 naming the field; another organisation may use it', async () => {
      const hr = await t.as('hrA');
      const number = t.fixture.people.staffU2.employeeNumber;
      const response = await hr.post('/api/people', newPerson(t.fixture.unitU3, { employeeNumber: number }));
      expect(response.status).toBe(409);
      expect(response.body.message).toBe(`Anställningsnumret ${number} finns redan i organisationen.`);
      expect(withoutMessageCodes(response.body.details)).toEqual([{ field: 'employeeNumber', message: response.body.message }]);

      const inB = await (await t.as('adminB')).post('/api/people', newPerson(t.fixture.unitU4, { employeeNumber: number }));
      expect(inB.status).toBe(201);
    });

    it('answers a duplicate e-mail (any letter case) with 409 naming the field', async () => {
      const response = await (await t.as('hrA')).post('/api/people', newPerson(t.fixture.unitU3, { email: 'StaffU2@Test.Example' }));
      expect(response.status).toBe(409);
      expect(response.body.details[0].field).toBe('email');
    });

    it('answers invalid input with 400 naming each field in Swedish', async () => {
      const hr = await t.as('hrA');
      const empty = await hr.post('/api/people', { unitId: t.fixture.unitU1 });
      expect(empty.status).toBe(400);
      expect(withoutMessageCodes(empty.body.details)).toEqual(
        expect.arrayContaining([
          { field: 'firstName', message: 'Förnamn måste vara text.' },
          { field: 'employeeNumber', message: 'Anställningsnumret måste vara text.' },
          { field: 'startDate', message: 'Startdatum måste vara ett datum (ÅÅÅÅ-MM-DD).' },
          { field: 'employmentType', message: 'Välj anställningsform (tillsvidare, vikarie eller timavlönad).' },
        ]),
      );
      const badDate = await hr.post('/api/people', newPerson(t.fixture.unitU1, { startDate: '2025-02-30' }));
      expect(withoutMessageCodes(badDate.body.details)).toEqual([{ field: 'startDate', message: 'Startdatum måste vara ett datum (ÅÅÅÅ-MM-DD).' }]);
      const badEmail = await hr.post('/api/people', newPerson(t.fixture.unitU1, { email: 'inte en adress' }));
      expect(withoutMessageCodes(badEmail.body.details)).toEqual([{ field: 'email', message: 'E-postadressen är inte giltig.' }]);
      const blankName = await hr.post('/api/people', newPerson(t.fixture.unitU1, { firstName: '   ' }));
      expect(withoutMessageCodes(blankName.body.details)).toEqual([{ field: 'firstName', message: 'Fyll i förnamn.' }]);
      const unknownField = await hr.post('/api/people', { ...newPerson(t.fixture.unitU1), salary: 1 });
      expect(unknownField.status).toBe(400);
    });

    it('updates a person, audits the changed field names and checks uniqueness against others only', async () => {
      const manager = await t.as('managerU1');
      const person = await createPerson(manager, t.fixture.unitU1);
      const same = await manager.patch(`/api/people/${person.id}`, { employeeNumber: person.employeeNumber, roleTitle: 'vårdbiträde' });
      expect(same.status).toBe(200);
      expect(same.body.roleTitle).toBe('vårdbiträde');
      const audit = await auditRows(t, 'person.updated', person.id);
      expect(audit.map((row) => row.details['changed'])).toEqual([['roleTitle']]);

      const clash = await manager.patch(`/api/people/${person.id}`, { employeeNumber: t.fixture.people.staffU1.employeeNumber });
      expect(clash.status).toBe(409);
      expect(clash.body.details[0].field).toBe('employeeNumber');

      const withEmail = await manager.patch(`/api/people/${person.id}`, { email: 'ny.person@test.example', gender: 'male' });
      expect(withEmail.body).toMatchObject({ email: 'ny.person@test.example', gender: 'male' });
      const cleared = await manager.patch(`/api/people/${person.id}`, { email: null, gender: null });
      expect(cleared.body).toMatchObject({ email: null, gender: null });

      const nullName = await manager.patch(`/api/people/${person.id}`, { lastName: null });
      expect(nullName.status).toBe(400);
      expect(nullName.body.details[0].field).toBe('lastName');
    });

    it('moves the first membership along with a changed start date', async () => {
      const hr = await t.as('hrA');
      const person = await createPerson(hr, t.fixture.unitU3, { startDate: '2025-03-01' });
      const response = await hr.patch(`/api/people/${person.id}`, { startDate: '2025-02-15' });
      expect(response.status).toBe(200);
      expect(response.body.startDate).toBe('2025-02-15');
      expect(response.body.memberships[0].startDate).toBe('2025-02-15');
    });

    it('does not let a manager change someone holding roles beyond the manager’s units', async () => {
      const admin = await t.as('adminA');
      const person = await createPerson(admin, t.fixture.unitU1);
      const granted = await admin.post(`/api/people/${person.id}/roles`, { role: 'area_manager', scopeId: t.fixture.areaA2 });
      expect(granted.status).toBe(201);
      const response = await (await t.as('managerU1')).patch(`/api/people/${person.id}`, { roleTitle: 'annan' });
      expect(response.status).toBe(403);
      expect(response.body.message).toBe('Personen har roller utanför dina enheter. Be HR eller en administratör.');
      expect((await (await t.as('hrA')).patch(`/api/people/${person.id}`, { roleTitle: 'verksamhetschef' })).status).toBe(200);
    });
  });

  describe('moving a person keeps the history', () => {
    it('ends the old membership the day before and opens the new one; repeating changes nothing', async () => {
      const hr = await t.as('hrA');
      const person = await createPerson(hr, t.fixture.unitU1, { startDate: '2024-06-01' });
      const today = await dayOffset(t, 0);
      const yesterday = await dayOffset(t, -1);

      const moved = await hr.post(`/api/people/${person.id}/move`, { toUnitId: t.fixture.unitU3, date: today });
      expect(moved.status).toBe(200);
      const expected = [
        { id: expect.any(String), unitId: t.fixture.unitU3, unitName: 'Enhet U3', startDate: today, endDate: null },
        { id: expect.any(String), unitId: t.fixture.unitU1, unitName: 'Enhet U1', startDate: '2024-06-01', endDate: yesterday },
      ];
      expect(moved.body.memberships).toEqual(expected);
      expect(moved.body.units).toEqual([{ id: t.fixture.unitU3, name: 'Enhet U3' }]);

      const again = await hr.post(`/api/people/${person.id}/move`, { toUnitId: t.fixture.unitU3, date: today });
      expect(again.status).toBe(200);
      expect(again.body.memberships).toEqual(expected);
      expect(await auditRows(t, 'person.moved', person.id)).toEqual([
        expect.objectContaining({ details: { fromUnitId: t.fixture.unitU1, toUnitId: t.fixture.unitU3, date: today } }),
      ]);

      // The manager of U1 no longer sees the person; the new unit page does.
      expect(listIds((await (await t.as('managerU1')).get('/api/people')).body)).not.toContain(person.id);
      expect((await (await t.as('managerU1')).get(`/api/people/${person.id}`)).status).toBe(403);
      const unit = await hr.get(`/api/units/${t.fixture.unitU3}`);
      expect(unit.body.staff.map((staff: PersonSummary) => staff.id)).toContain(person.id);
    });

    it('plans a future move: the person stays in the old unit until the day before', async () => {
      const manager = await t.as('managerU1');
      const hr = await t.as('hrA');
      const person = await createPerson(manager, t.fixture.unitU1);
      const nextWeek = await dayOffset(t, 7);
      const response = await hr.post(`/api/people/${person.id}/move`, { toUnitId: t.fixture.unitU2, date: nextWeek });
      expect(response.status).toBe(200);
      expect(response.body.units).toEqual([{ id: t.fixture.unitU1, name: 'Enhet U1' }]);
      expect(response.body.memberships.map((m: { unitId: string; endDate: string | null }) => [m.unitId, m.endDate])).toEqual([
        [t.fixture.unitU2, null],
        [t.fixture.unitU1, await dayOffset(t, 6)],
      ]);
      // A second change on or before an already planned one must be sorted out first.
      const earlier = await hr.post(`/api/people/${person.id}/move`, { toUnitId: t.fixture.unitU3, date: await dayOffset(t, 3) });
      expect(earlier.status).toBe(409);
    });

    it('a future hire and a planned move are in the receiving unit’s scope before they start', async () => {
      const managerU1 = await t.as('managerU1');
      const managerU2 = await t.as('managerU2');
      const hr = await t.as('hrA');

      // A new hire starting in two weeks: their manager can open, list and prepare them now.
      const hire = await createPerson(managerU1, t.fixture.unitU1, { startDate: await dayOffset(t, 14) });
      expect((await managerU1.get(`/api/people/${hire.id}`)).status).toBe(200);
      expect(listIds((await managerU1.get('/api/people')).body)).toContain(hire.id);
      expect(listIds((await managerU1.get(`/api/people?unitId=${t.fixture.unitU1}`)).body)).toContain(hire.id);
      expect((await managerU1.post(`/api/people/${hire.id}/one-time-code`, { purpose: 'first_sign_in' })).status).toBe(201);
      // The unit page lists them as joining later, not yet among the staff.
      const unitU1 = (await managerU1.get(`/api/units/${t.fixture.unitU1}`)).body;
      expect(unitU1.staff.map((staff: PersonSummary) => staff.id)).not.toContain(hire.id);
      expect(unitU1.joining.filter((entry: { person: PersonSummary }) => entry.person.id === hire.id)).toEqual([
        { person: expect.objectContaining({ id: hire.id, hasAccount: false, active: true }), startDate: await dayOffset(t, 14) },
      ]);
      // The sibling unit's manager still does not.
      expect((await managerU2.get(`/api/people/${hire.id}`)).status).toBe(403);
      expect(listIds((await managerU2.get('/api/people')).body)).not.toContain(hire.id);

      // A move planned for next week: both units' managers see the person until the old membership ends.
      const mover = await createPerson(hr, t.fixture.unitU1, { startDate: '2024-06-01' });
      expect((await managerU2.get(`/api/people/${mover.id}`)).status).toBe(403);
      const moved = await hr.post(`/api/people/${mover.id}/move`, { toUnitId: t.fixture.unitU2, date: await dayOffset(t, 7) });
      expect(moved.status).toBe(200);
      expect((await managerU2.get(`/api/people/${mover.id}`)).status).toBe(200);
      expect(listIds((await managerU2.get('/api/people')).body)).toContain(mover.id);
      expect((await managerU1.get(`/api/people/${mover.id}`)).status).toBe(200);
      // The unit page still lists who works there today: the mover in U1, not yet in U2.
      const unitU2 = await managerU2.get(`/api/units/${t.fixture.unitU2}`);
      expect(unitU2.body.staff.map((staff: PersonSummary) => staff.id)).not.toContain(mover.id);
      expect(unitU2.body.joining.map((entry: { person: PersonSummary; startDate: string }) => [entry.person.id, entry.startDate])).toContainEqual([
        mover.id,
        await dayOffset(t, 7),
      ]);
      const stillU1 = (await managerU1.get(`/api/units/${t.fixture.unitU1}`)).body;
      expect(stillU1.staff.map((staff: PersonSummary) => staff.id)).toContain(mover.id);
      expect(stillU1.joining.map((entry: { person: PersonSummary }) => entry.person.id)).not.toContain(mover.id);

      // Once a membership has ended the unit loses sight: a move from today ended the U2 membership yesterday.
      const left = await createPerson(hr, t.fixture.unitU2, { startDate: '2024-06-01' });
      expect((await hr.post(`/api/people/${left.id}/move`, { toUnitId: t.fixture.unitU1, date: await dayOffset(t, 0) })).status).toBe(200);
      expect((await managerU2.get(`/api/people/${left.id}`)).status).toBe(403);
      expect((await managerU1.get(`/api/people/${left.id}`)).status).toBe(200);
    });

    it('needs scope over both units: a manager cannot move someone to a unit they do not manage', async () => {
      const manager = await t.as('managerU1');
      const person = await createPerson(manager, t.fixture.unitU1);
      const response = await manager.post(`/api/people/${person.id}/move`, { toUnitId: t.fixture.unitU2, date: await dayOffset(t, 0) });
      expect(response.status).toBe(403);
      const foreign = await (await t.as('hrA')).post(`/api/people/${person.id}/move`, { toUnitId: t.fixture.unitU4, date: await dayOffset(t, 0) });
      expect(foreign.status).toBe(404);
      expect((await manager.get(`/api/people/${person.id}`)).body.memberships).toHaveLength(1);
    });

    it('rejects a move before the employment began, or to the unit the person is in', async () => {
      const hr = await t.as('hrA');
      const person = await createPerson(hr, t.fixture.unitU1, { startDate: '2025-05-01' });
      const early = await hr.post(`/api/people/${person.id}/move`, { toUnitId: t.fixture.unitU2, date: '2025-04-01' });
      expect(early.status).toBe(400);
      expect(early.body.details[0].field).toBe('date');
      const same = await hr.post(`/api/people/${person.id}/move`, { toUnitId: t.fixture.unitU1, date: '2025-06-01' });
      expect(same.status).toBe(400);
      expect(same.body.details[0].field).toBe('toUnitId');
      const missing = await hr.post(`/api/people/${person.id}/move`, { date: '2025-06-01' });
      expect(missing.status).toBe(400);
      expect(missing.body.details[0].field).toBe('toUnitId');
    });
  });

  describe('ending an employment keeps the person', () => {
    it('ends the employment, memberships and roles; the person stays, listed only with includeEnded', async () => {
      const hr = await t.as('hrA');
      const admin = await t.as('adminA');
      const person = await createPerson(hr, t.fixture.unitU2, { startDate: '2024-03-01' });
      const past = { role: 'ambassador', scopeId: t.fixture.unitU2, startDate: '2024-06-01' };
      expect((await admin.post(`/api/people/${person.id}/roles`, past)).status).toBe(201);
      // A grant that would begin only after the last day never takes effect: it is removed.
      const future = { role: 'manager', scopeId: t.fixture.unitU2, startDate: await dayOffset(t, 10) };
      expect((await admin.post(`/api/people/${person.id}/roles`, future)).status).toBe(201);
      const yesterday = await dayOffset(t, -1);

      const ended = await hr.post(`/api/people/${person.id}/end`, { endDate: yesterday });
      expect(ended.status).toBe(200);
      expect(ended.body).toMatchObject({ id: person.id, endDate: yesterday, active: false, units: [], roles: [] });
      expect(ended.body.memberships).toEqual([expect.objectContaining({ unitId: t.fixture.unitU2, startDate: '2024-03-01', endDate: yesterday })]);
      const grants = await sql(t, `select role, end_date::text from role_assignment where person_id = $1`, [person.id]);
      expect(grants).toEqual([{ role: 'ambassador', end_date: yesterday }]);

      expect(await sql(t, `select id from person where id = $1`, [person.id])).toHaveLength(1);
      expect(listIds((await hr.get('/api/people')).body)).not.toContain(person.id);
      const withEnded = (await hr.get('/api/people?includeEnded=true')).body as PersonSummary[];
      expect(withEnded.find((p) => p.id === person.id)).toMatchObject({ active: false, units: [] });
      const inUnit = (await hr.get(`/api/people?unitId=${t.fixture.unitU2}&includeEnded=true`)).body as PersonSummary[];
      expect(inUnit.map((p) => p.id)).toContain(person.id);
      expect(((await hr.get(`/api/people?unitId=${t.fixture.unitU2}`)).body as PersonSummary[]).map((p) => p.id)).not.toContain(person.id);

      expect((await hr.post(`/api/people/${person.id}/end`, { endDate: yesterday })).status).toBe(200);
      const other = await hr.post(`/api/people/${person.id}/end`, { endDate: await dayOffset(t, -2) });
      expect(other.status).toBe(409);
      expect(await auditRows(t, 'person.ended', person.id)).toHaveLength(1);
    });

    it('keeps a person with a future end date active until then', async () => {
      const manager = await t.as('managerU1');
      const person = await createPerson(manager, t.fixture.unitU1);
      const lastDay = await dayOffset(t, 30);
      const response = await manager.post(`/api/people/${person.id}/end`, { endDate: lastDay });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ active: true, endDate: lastDay, units: [{ id: t.fixture.unitU1, name: 'Enhet U1' }] });
      expect(response.body.memberships[0].endDate).toBe(lastDay);
    });

    it('lets a manager end an employment only when every unit the person works in is theirs', async () => {
      const hr = await t.as('hrA');
      const person = await createPerson(hr, t.fixture.unitU1, { startDate: '2024-01-01' });
      // A second, parallel membership in U2 (the person works in both units).
      await sql(t, `insert into unit_membership (organisation_id, person_id, unit_id, start_date) values ($1, $2, $3, '2024-02-01')`, [
        t.fixture.orgA,
        person.id,
        t.fixture.unitU2,
      ]);
      const manager = await t.as('managerU1');
      const refused = await manager.post(`/api/people/${person.id}/end`, { endDate: await dayOffset(t, 0) });
      expect(refused.status).toBe(403);
      expect((await hr.get(`/api/people/${person.id}`)).body.endDate).toBeNull();
      // Moving needs to know which unit is left.
      const ambiguous = await hr.post(`/api/people/${person.id}/move`, { toUnitId: t.fixture.unitU3, date: await dayOffset(t, 0) });
      expect(ambiguous.status).toBe(400);
      expect(ambiguous.body.details[0].field).toBe('fromUnitId');
      const moved = await hr.post(`/api/people/${person.id}/move`, {
        toUnitId: t.fixture.unitU3,
        date: await dayOffset(t, 0),
        fromUnitId: t.fixture.unitU2,
      });
      expect(moved.status).toBe(200);
      expect((moved.body as PersonDetail).units?.map((unit) => unit.name)).toEqual(['Enhet U1', 'Enhet U3']);
    });

    it('rejects an end date before the start date', async () => {
      const hr = await t.as('hrA');
      const person = await createPerson(hr, t.fixture.unitU1, { startDate: '2025-05-01' });
      const response = await hr.post(`/api/people/${person.id}/end`, { endDate: '2025-04-30' });
      expect(response.status).toBe(400);
      expect(withoutMessageCodes(response.body.details)).toEqual([{ field: 'endDate', message: 'Slutdatum kan inte vara före startdatum (2025-05-01).' }]);
    });

    it('refuses to end the organisation’s only administrator', async () => {
      const response = await (await t.as('hrA')).post(`/api/people/${t.fixture.people.adminA.id}/end`, { endDate: await dayOffset(t, 0) });
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('lastAdministrator');
    });

    it('signs out an ended person at once', async () => {
      const hr = await t.as('hrA');
      const staff = await t.as('staffU3');
      expect((await staff.get('/api/auth/me')).status).toBe(200);
      expect((await hr.post(`/api/people/${t.fixture.people.staffU3.id}/end`, { endDate: await dayOffset(t, -1) })).status).toBe(200);
      expect((await staff.get('/api/auth/me')).status).toBe(401);
      const sessions = await sql(t, `select count(*)::int as n from auth_session where person_id = $1 and revoked_at is null`, [t.fixture.people.staffU3.id]);
      expect(sessions).toEqual([{ n: 0 }]);
    });
  });
});
