import { AmbassadorAppointment, AmbassadorQualification, CoverageTotals, MyAmbassadorOverview, NetworkCoverage, UnitCoverage } from '@kunna/contracts';
import { createTestApp, SignedInClient, TestApp, sql } from '../test-support/test-app';
import { ConflictsRepository } from '../sessions';
import { addDays } from '../database/local-day';
import { withoutMessageCodes } from '../test-support/without-message-codes';

/**
 * The tenant fixture plus, for coverage:
 * - U1 gets four more members (7 in all: staffU1, ambassadorU1, managerU1, Anna, Bo, Cia, Dan Andersson);
 * - a new unit U5 in area A2 with three members and no ambassador;
 * - appointments made through the API below.
 * The fixture already has ambassadorU1 appointed on U1, staffU2 on U2 and staffU4 on U4 (organisation B), all open-ended.
 */
describe('ambassadors (integration)', () => {
  let t: TestApp;
  let hrA: SignedInClient;
  let today: string;
  let unitU5: string;
  let anna: string;

  const person = async (firstName: string, lastName: string, unitId: string, endDate: string | null = null) => {
    const [{ id }] = await sql<{ id: string }>(
      t,
      `insert into person (organisation_id, employee_number, first_name, last_name, role_title, employment_type, start_date, end_date)
       values ($1, $2, $3, $4, 'undersköterska', 'permanent', '2023-01-01', $5) returning id`,
      [t.fixture.orgA, `X${firstName}${lastName}`, firstName, lastName, endDate],
    );
    await sql(t, `insert into unit_membership (organisation_id, person_id, unit_id, start_date) values ($1, $2, $3, '2023-01-01')`, [
      t.fixture.orgA,
      id,
      unitId,
    ]);
    return id;
  };

  beforeAll(async () => {
    t = await createTestApp();
    hrA = await t.as('hrA');
    [{ today }] = await sql<{ today: string }>(t, `select current_date::text as today`);
    [{ id: unitU5 }] = await sql<{ id: string }>(t, `insert into unit (organisation_id, area_id, name, code) values ($1, $2, 'Enhet U5', 'U5') returning id`, [
      t.fixture.orgA,
      t.fixture.areaA2,
    ]);
    // Anna's employment ends in 20 days.
    anna = await person('Anna', 'Andersson', t.fixture.unitU1, addDays(today, 20));
    await person('Bo', 'Andersson', t.fixture.unitU1);
    await person('Cia', 'Andersson', t.fixture.unitU1);
    await person('Dan', 'Andersson', t.fixture.unitU1);
    await person('Eva', 'Berg', unitU5);
    await person('Fia', 'Berg', unitU5);
    await person('Gun', 'Berg', unitU5);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Whether scheduling (the sessions feature, which reads the qualifications) counts the person as qualified. */
  const qualified = async (personId: string, moduleId: string, day: string) =>
    (await t.inTenant(() => t.app.get(ConflictsRepository).unqualifiedAmong([personId], moduleId, day))).length === 0;

  const appoint = (client: SignedInClient, body: Record<string, unknown>) =>
    client.post('/api/ambassadors/appointments', { allocationKind: 'hours_per_month', allocationValue: 8, startDate: today, ...body });

  describe('appointments', () => {
    it('appoints an ambassador and grants the ambassador role on the unit for the period', async () => {
      const response = await appoint(hrA, { personId: t.fixture.people.staffU1.id, unitIds: [t.fixture.unitU1], allocationValue: 6.5 });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        person: { id: t.fixture.people.staffU1.id, name: 'staffU1 Testsson' },
        units: [{ id: t.fixture.unitU1, name: 'Enhet U1' }],
        allocationKind: 'hours_per_month',
        allocationValue: 6.5,
        startDate: today,
        endDate: null,
        active: true,
      });
      const grants = await sql<{ start_date: string; end_date: string | null }>(
        t,
        `select start_date::text, end_date::text from role_assignment where person_id = $1 and role = 'ambassador' and scope_id = $2`,
        [t.fixture.people.staffU1.id, t.fixture.unitU1],
      );
      expect(grants).toEqual([{ start_date: today, end_date: null }]);
      const [audit] = await sql<{ action: string }>(t, `select action from audit_log where action = 'ambassador.appointed'`);
      expect(audit).toBeDefined();
    });

    it('returns the same appointment for a retry and refuses an overlapping one', async () => {
      const first = await appoint(hrA, { personId: t.fixture.people.staffU3.id, unitIds: [t.fixture.unitU3], endDate: addDays(today, 30) });
      expect(first.status).toBe(201);
      const retry = await appoint(hrA, { personId: t.fixture.people.staffU3.id, unitIds: [t.fixture.unitU3], endDate: addDays(today, 30) });
      expect(retry.body.id).toBe(first.body.id);
      const overlapping = await appoint(hrA, {
        personId: t.fixture.people.staffU3.id,
        unitIds: [t.fixture.unitU3],
        allocationKind: 'percent',
        allocationValue: 10,
      });
      expect(overlapping.status).toBe(409);
      expect(overlapping.body).toMatchObject({ code: 'overlapping', appointmentId: first.body.id });
    });

    it('defaults the end to the end of employment, and moves the grants it made with a new end date', async () => {
      const response = await appoint(hrA, { personId: anna, unitIds: [t.fixture.unitU3] });
      expect(response.body.endDate).toBe(addDays(today, 20));

      const staffU3 = ((await hrA.get(`/api/ambassadors/appointments?personId=${t.fixture.people.staffU3.id}`)).body as AmbassadorAppointment[])[0];
      const moved = await hrA.patch(`/api/ambassadors/appointments/${staffU3.id}`, {
        endDate: addDays(today, 35),
        allocationKind: 'percent',
        allocationValue: 10,
      });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ endDate: addDays(today, 35), allocationKind: 'percent', allocationValue: 10 });
      const [grant] = await sql<{ end_date: string }>(
        t,
        `select end_date::text from role_assignment where person_id = $1 and role = 'ambassador' and scope_id = $2`,
        [t.fixture.people.staffU3.id, t.fixture.unitU3],
      );
      expect(grant.end_date).toBe(addDays(today, 35));
    });

    it('answers mistakes with 400 naming the field', async () => {
      const percent = await appoint(hrA, { personId: t.fixture.people.staffU2.id, unitIds: [unitU5], allocationKind: 'percent', allocationValue: 120 });
      expect(withoutMessageCodes(percent.body.details)).toEqual([{ field: 'allocationValue', message: 'Avsatt tid kan vara högst 100 procent.' }]);
      const before = await appoint(hrA, { personId: t.fixture.people.staffU2.id, unitIds: [unitU5], endDate: addDays(today, -1) });
      expect(withoutMessageCodes(before.body.details)).toEqual([{ field: 'endDate', message: 'Slutdatum kan inte vara före startdatum.' }]);
      const noUnits = await appoint(hrA, { personId: t.fixture.people.staffU2.id, unitIds: [] });
      expect(withoutMessageCodes(noUnits.body.details)).toEqual([{ field: 'unitIds', message: 'Välj minst en enhet.' }]);
    });

    it('lets a manager appoint only in their own units, never themselves; another organisation’s unit is 404', async () => {
      const manager = await t.as('managerU1');
      expect((await appoint(manager, { personId: t.fixture.people.staffU1.id, unitIds: [t.fixture.unitU2] })).status).toBe(403);
      expect((await appoint(manager, { personId: t.fixture.people.managerU1.id, unitIds: [t.fixture.unitU1] })).status).toBe(403);
      expect((await appoint(manager, { personId: t.fixture.people.staffU1.id, unitIds: [t.fixture.unitU4] })).status).toBe(404);
      expect((await appoint(await t.as('areaManagerA1'), { personId: t.fixture.people.staffU1.id, unitIds: [t.fixture.unitU1] })).status).toBe(403);
    });
  });

  describe('coverage, against hand-computed figures', () => {
    beforeAll(async () => {
      // U2: staffU2 (fixture, open-ended) leaves in 45 days; managerU2 is appointed to follow, but only from day 50 (a gap).
      const [u2] = (await hrA.get(`/api/ambassadors/appointments?unitId=${t.fixture.unitU2}`)).body as AmbassadorAppointment[];
      expect((await hrA.patch(`/api/ambassadors/appointments/${u2.id}`, { endDate: addDays(today, 45) })).status).toBe(200);
      expect((await appoint(hrA, { personId: t.fixture.people.managerU2.id, unitIds: [t.fixture.unitU2], startDate: addDays(today, 50) })).status).toBe(201);
    });

    const expected = () => ({
      // U1: 7 members; ambassadorU1 (fixture) and staffU1 (appointed above): 7 / 2 = 3.5.
      u1: {
        unit: { id: t.fixture.unitU1, name: 'Enhet U1' },
        areaId: t.fixture.areaA1,
        areaName: 'Område A1',
        staffCount: 7,
        activeAmbassadors: [
          { person: { id: t.fixture.people.ambassadorU1.id, name: 'ambassadorU1 Testsson' }, appointmentId: t.fixture.library.appointmentU1, leavesOn: null },
          { person: { id: t.fixture.people.staffU1.id, name: 'staffU1 Testsson' }, appointmentId: expect.any(String), leavesOn: null },
        ],
        staffPerAmbassador: 3.5,
        flags: [],
      },
      // U2: staffU2 and managerU2 are members (2); staffU2 is the only active ambassador and leaves on day 45.
      u2: {
        unit: { id: t.fixture.unitU2, name: 'Enhet U2' },
        areaId: t.fixture.areaA1,
        areaName: 'Område A1',
        staffCount: 2,
        activeAmbassadors: [
          {
            person: { id: t.fixture.people.staffU2.id, name: 'staffU2 Testsson' },
            appointmentId: t.fixture.library.appointmentU2,
            leavesOn: addDays(today, 45),
          },
        ],
        staffPerAmbassador: 2,
      },
      // U3: one member (staffU3); ambassadors Anna (employment ends day 20) and staffU3 (appointment ends day 35): 1 / 2 = 0.5.
      u3: {
        unit: { id: t.fixture.unitU3, name: 'Enhet U3' },
        areaId: t.fixture.areaA2,
        areaName: 'Område A2',
        staffCount: 1,
        activeAmbassadors: [
          { person: { id: anna, name: 'Anna Andersson' }, appointmentId: expect.any(String), leavesOn: addDays(today, 20) },
          { person: { id: t.fixture.people.staffU3.id, name: 'staffU3 Testsson' }, appointmentId: expect.any(String), leavesOn: addDays(today, 35) },
        ],
        staffPerAmbassador: 0.5,
        flags: ['ambassadors_leaving'],
      },
      // U5: three members, no ambassador.
      u5: {
        unit: { id: unitU5, name: 'Enhet U5' },
        areaId: t.fixture.areaA2,
        areaName: 'Område A2',
        staffCount: 3,
        activeAmbassadors: [],
        staffPerAmbassador: null,
        flags: ['no_ambassador'],
      },
    });

    it('shows HR every unit with active ambassadors, staff per ambassador and the flags', async () => {
      const response = await hrA.get('/api/ambassadors/coverage');
      expect(response.status).toBe(200);
      const e = expected();
      // managerU2 starts on day 50, after staffU2 leaves on day 45: a gap, so U2 is flagged.
      expect(response.body as UnitCoverage[]).toEqual([e.u1, { ...e.u2, flags: ['ambassadors_leaving'] }, e.u3, e.u5]);
    });

    it('does not flag a unit whose successor starts the day after the last ambassador leaves', async () => {
      await sql(t, `update ambassador_appointment set start_date = $2 where person_id = $1`, [t.fixture.people.managerU2.id, addDays(today, 46)]);
      const response = await hrA.get(`/api/ambassadors/coverage?unitId=${t.fixture.unitU2}`);
      expect(response.body).toEqual([{ ...expected().u2, flags: [] }]);
    });

    it('narrows coverage to the manager’s unit and the area manager’s area', async () => {
      const manager = (await (await t.as('managerU1')).get('/api/ambassadors/coverage')).body as UnitCoverage[];
      expect(manager.map((row) => row.unit.name)).toEqual(['Enhet U1']);
      const areaManager = (await (await t.as('areaManagerA1')).get('/api/ambassadors/coverage')).body as UnitCoverage[];
      expect(areaManager.map((row) => row.unit.name)).toEqual(['Enhet U1', 'Enhet U2']);
      expect((await (await t.as('managerU1')).get(`/api/ambassadors/coverage?unitId=${t.fixture.unitU2}`)).status).toBe(403);
      const b = (await (await t.as('adminB')).get('/api/ambassadors/coverage')).body as UnitCoverage[];
      expect(b.map((row) => [row.unit.name, row.staffCount, row.activeAmbassadors.length, row.staffPerAmbassador])).toEqual([['Enhet U4', 2, 1, 2]]);
    });

    it('gives the network coordinator counts per organisation, no names', async () => {
      const response = await (await t.as('coordinator')).get('/api/ambassadors/network-coverage');
      expect(response.status).toBe(200);
      // A: U1, U2, U3, U5 (U5 without ambassador); active: ambassadorU1, staffU1, staffU2, staffU3, Anna (managerU2 starts later);
      // staff: 7 in U1 + 2 in U2 + 1 in U3 + 3 in U5 = 13. B: U4 with staffU4 as ambassador, 2 members.
      expect(response.body as NetworkCoverage[]).toEqual([
        { organisationId: t.fixture.orgA, organisationName: 'Kommun A', unitCount: 4, unitsWithoutAmbassador: 1, activeAmbassadors: 5, staffCount: 13 },
        { organisationId: t.fixture.orgB, organisationName: 'Kommun B', unitCount: 1, unitsWithoutAmbassador: 0, activeAmbassadors: 1, staffCount: 2 },
      ]);
      expect(JSON.stringify(response.body)).not.toContain('Testsson');
    });

    it('totals the units with each person once: someone working in two units is one member of staff', async () => {
      // staffU1 (U1, ambassador there) also works in U2: U1 and U2 each count them, the totals once.
      await sql(t, `insert into unit_membership (organisation_id, person_id, unit_id, start_date) values ($1, $2, $3, '2023-01-01')`, [
        t.fixture.orgA,
        t.fixture.people.staffU1.id,
        t.fixture.unitU2,
      ]);
      try {
        const units = (await hrA.get('/api/ambassadors/coverage')).body as UnitCoverage[];
        expect(units.reduce((sum, unit) => sum + unit.staffCount, 0)).toBe(14);
        const totals = async (client: SignedInClient, query = '') => {
          const response = await client.get(`/api/ambassadors/coverage-totals${query}`);
          expect(response.status).toBe(200);
          return response.body as CoverageTotals;
        };
        // A: 13 people in U1, U2, U3, U5; ambassadorU1, staffU1, staffU2, staffU3 and Anna active: 13 / 5 = 2.6.
        expect(await totals(hrA)).toEqual({ staffCount: 13, activeAmbassadors: 5, staffPerAmbassador: 2.6 });
        // Area A1: U1's 7 and U2's staffU2 and managerU2 (staffU1 counted in U1): 9 people; ambassadorU1, staffU1, staffU2.
        expect(await totals(await t.as('areaManagerA1'))).toEqual({ staffCount: 9, activeAmbassadors: 3, staffPerAmbassador: 3 });
        expect(await totals(hrA, `?unitId=${t.fixture.unitU2}`)).toEqual({ staffCount: 3, activeAmbassadors: 1, staffPerAmbassador: 3 });
        expect((await (await t.as('managerU1')).get(`/api/ambassadors/coverage-totals?unitId=${t.fixture.unitU2}`)).status).toBe(403);
      } finally {
        await sql(t, `delete from unit_membership where person_id = $1 and unit_id = $2`, [t.fixture.people.staffU1.id, t.fixture.unitU2]);
      }
    });
  });

  describe('qualifications', () => {
    const moduleId = () => t.fixture.library.networkModule.id;
    let first: AmbassadorQualification;

    it('qualifies explicitly, with an end, and answers whether someone was qualified on a day', async () => {
      const response = await hrA.post('/api/ambassadors/qualifications', {
        personId: t.fixture.people.staffU1.id,
        moduleId: moduleId(),
        validUntil: addDays(today, 10),
      });
      expect(response.status).toBe(201);
      first = response.body as AmbassadorQualification;
      expect(first).toMatchObject({
        person: { id: t.fixture.people.staffU1.id },
        module: { id: moduleId(), title: 'Nätverksmodul' },
        source: 'explicit',
        validFrom: today,
        validUntil: addDays(today, 10),
        status: 'valid',
      });
      expect(await qualified(t.fixture.people.staffU1.id, moduleId(), today)).toBe(true);
      expect(await qualified(t.fixture.people.staffU1.id, moduleId(), addDays(today, 11))).toBe(false);
      expect(await qualified(t.fixture.people.staffU2.id, moduleId(), addDays(today, 400))).toBe(false);

      const overlapping = await hrA.post('/api/ambassadors/qualifications', { personId: t.fixture.people.staffU1.id, moduleId: moduleId() });
      expect(overlapping.status).toBe(409);
      expect(overlapping.body.code).toBe('already_qualified');
    });

    it('renews from the day after the old one ends, keeping the history', async () => {
      const renewed = await hrA.post(`/api/ambassadors/qualifications/${first.id}/renew`, { validUntil: addDays(today, 400) });
      expect(renewed.status).toBe(201);
      expect(renewed.body).toMatchObject({ validFrom: addDays(today, 11), validUntil: addDays(today, 400), renewsId: first.id, status: 'upcoming' });
      expect(await qualified(t.fixture.people.staffU1.id, moduleId(), addDays(today, 11))).toBe(true);
      const again = await hrA.post(`/api/ambassadors/qualifications/${first.id}/renew`, { validUntil: addDays(today, 400) });
      expect(again.body.id).toBe(renewed.body.id);
      expect((await hrA.post(`/api/ambassadors/qualifications/${first.id}/renew`, { validUntil: addDays(today, 500) })).status).toBe(409);

      const revoked = await hrA.post(`/api/ambassadors/qualifications/${renewed.body.id}/revoke`, { reason: 'Slutar som ombud.' });
      expect(revoked.status).toBe(200);
      expect(revoked.body).toMatchObject({ status: 'revoked', revokeReason: 'Slutar som ombud.' });
      expect(await qualified(t.fixture.people.staffU1.id, moduleId(), addDays(today, 20))).toBe(false);
      expect(await qualified(t.fixture.people.staffU1.id, moduleId(), addDays(today, 5))).toBe(true);
    });

    it('lets a qualification for a network module cover the organisation’s adapted copy', async () => {
      const copy = await hrA.post(`/api/library/modules/${moduleId()}/adapt`, {});
      expect(copy.status).toBe(201);
      expect(await qualified(t.fixture.people.staffU1.id, copy.body.module.id, today)).toBe(true);
      expect(await qualified(t.fixture.people.staffU2.id, copy.body.module.id, today)).toBe(true);
    });

    it('refuses modules the organisation cannot use or that are not published, and callers other than HR and administrators', async () => {
      expect(
        (await hrA.post('/api/ambassadors/qualifications', { personId: t.fixture.people.staffU1.id, moduleId: t.fixture.library.moduleB.id })).status,
      ).toBe(404);
      const draft = await (
        await t.as('coordinator')
      ).post('/api/library/modules', {
        ownership: 'network',
        content: {
          title: 'Utkast',
          summary: 'Inte publicerad.',
          learningGoals: ['Mål'],
          competenceDimensions: ['knowledge'],
          digCompCodes: [],
          targetGroups: ['staff'],
          format: 'workplace_session',
          durationMinutes: 20,
          glossary: [],
          facilitatorGuide: '',
          exercises: [],
          links: [],
          knowledgeItems: [],
          repeatIntervalWeeks: null,
        },
      });
      expect(draft.status).toBe(201);
      const unpublished = await hrA.post('/api/ambassadors/qualifications', { personId: t.fixture.people.staffU1.id, moduleId: draft.body.module.id });
      expect(unpublished.status).toBe(409);
      expect(unpublished.body.code).toBe('not_published');
      expect(
        (await (await t.as('managerU1')).post('/api/ambassadors/qualifications', { personId: t.fixture.people.staffU1.id, moduleId: moduleId() })).status,
      ).toBe(403);
      expect((await (await t.as('adminB')).post(`/api/ambassadors/qualifications/${first.id}/revoke`, { reason: 'x' })).status).toBe(404);
    });

    it('lists qualifications narrowed to the manager’s unit', async () => {
      const rows = (await (await t.as('managerU1')).get('/api/ambassadors/qualifications')).body as AmbassadorQualification[];
      const people = [...new Set(rows.map((row) => row.person.name))].sort();
      // U1's people with a current qualification: ambassadorU1 (fixture) and staffU1; Anna (U1 member) has none; staffU2 is in U2.
      expect(people).toEqual(['ambassadorU1 Testsson', 'staffU1 Testsson']);
      const all = (await hrA.get(`/api/ambassadors/qualifications?personId=${t.fixture.people.staffU1.id}&includeInactive=true`))
        .body as AmbassadorQualification[];
      expect(all.map((row) => row.status)).toEqual(['valid', 'revoked']);
    });

    it('shows ambassadors their own appointments and what they may deliver', async () => {
      const mine = (await (await t.as('ambassadorU1')).get('/api/ambassadors/me')).body as MyAmbassadorOverview;
      expect(mine.appointments.map((appointment) => appointment.id)).toEqual([t.fixture.library.appointmentU1]);
      expect(mine.qualifications.map((qualification) => qualification.module.title)).toEqual(['Nätverksmodul']);
      const inB = (await (await t.as('staffU4')).get('/api/ambassadors/me')).body as MyAmbassadorOverview;
      expect(inB.appointments.map((appointment) => appointment.id)).toEqual([t.fixture.library.appointmentU4]);
      const staffU3 = (await (await t.as('staffU3')).get('/api/ambassadors/me')).body as MyAmbassadorOverview;
      expect(staffU3.qualifications).toEqual([]);
    });
  });
});
