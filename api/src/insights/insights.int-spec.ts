import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  CostReport,
  NetworkParticipation,
  ParticipantReport,
  ParticipationBreakdown,
  TargetProgress,
  TargetStatus,
  TeamDashboard,
  YearPlan,
} from '@kunna/contracts';
import { readXlsx, toCsv, UTF8_BOM } from '@kunna/table-export';
import { asBytes, createTestApp, TestApp } from '../test-support/test-app';
import { participantTable } from './costs/report-export';
import { withoutMessageCodes } from '../test-support/without-message-codes';

/**
 * Insight dashboards on a scenario with known answers, every figure computed by hand (see the comments).
 *
 * Organisation A gets a new area A3 with unit U5 (six people) and U6 (five permanent staff, no participation).
 * Dates are relative to today (D): sessions at D-40 (S1, module M1, 60 min), D-20 (S2, M2, 30 min), D-10 (S3, M1,
 * 60 min), a cancelled one at D-5 and an upcoming one at D+5, all for U5's team and led by ambassador Anna.
 *
 *   person          type        start   S1 (M1 60)     S2 (M2 30)    S3 (M1 60)   support
 *   Anna Andersson  permanent   2024    present        present       –            (gives 45 min to David)
 *   Bertil Berg     permanent   2024    present        present       –
 *   Cecilia Carlsson permanent  2024    partial 20     present       present
 *   David Dahl      substitute  2024    absent         partial 15    –            45 min at D-15
 *   Eva Ek          hourly      D-40    (no mark)      excused       –
 *   Fia Fors        permanent   D-10    (not member)   (not member)  present
 *   walk-in "Gästa Gäst"                present (60)
 */
describe('insights (integration)', () => {
  let t: TestApp;
  let db: Client;
  let today: string;
  const d = (days: number) => {
    const date = new Date(`${today}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + days);
    return date.toISOString().slice(0, 10);
  };
  const ids = {} as Record<string, string>;
  const period = () => `from=${d(-60)}&to=${d(-1)}`;

  beforeAll(async () => {
    t = await createTestApp();
    db = new Client({ connectionString: t.db.url });
    await db.connect();
    today = (await db.query(`select (now() at time zone 'Europe/Stockholm')::date::text as today`)).rows[0].today;
    const f = t.fixture;
    const one = async (sql: string, params: unknown[]) => ((await db.query(sql, params)).rows[0] as { id: string }).id;
    ids.areaA3 = await one(`insert into area (organisation_id, name, kind) values ($1, 'Område A3', 'home_care') returning id`, [f.orgA]);
    ids.unitU5 = await one(`insert into unit (organisation_id, area_id, name, code) values ($1, $2, 'Enhet U5', 'U5') returning id`, [f.orgA, ids.areaA3]);
    ids.unitU6 = await one(`insert into unit (organisation_id, area_id, name, code) values ($1, $2, 'Enhet U6', 'U6') returning id`, [f.orgA, ids.areaA3]);
    let seq = 500;
    const person = async (first: string, last: string, unitId: string, type: string, start: string, gender: string) => {
      const id = await one(
        `insert into person (organisation_id, employee_number, first_name, last_name, role_title, employment_type, start_date, gender)
         values ($1, $2, $3, $4, 'undersköterska', $5, $6, $7) returning id`,
        [f.orgA, `I${seq++}`, first, last, type, start, gender],
      );
      await db.query(`insert into unit_membership (organisation_id, person_id, unit_id, start_date) values ($1, $2, $3, $4)`, [f.orgA, id, unitId, start]);
      return id;
    };
    ids.anna = await person('Anna', 'Andersson', ids.unitU5, 'permanent', '2024-01-01', 'female');
    ids.bertil = await person('Bertil', 'Berg', ids.unitU5, 'permanent', '2024-01-01', 'male');
    ids.cecilia = await person('Cecilia', 'Carlsson', ids.unitU5, 'permanent', '2024-01-01', 'female');
    ids.david = await person('David', 'Dahl', ids.unitU5, 'substitute', '2024-01-01', 'male');
    ids.eva = await person('Eva', 'Ek', ids.unitU5, 'hourly', d(-40), 'female');
    ids.fia = await person('Fia', 'Fors', ids.unitU5, 'permanent', d(-10), 'female');
    for (const n of [1, 2, 3, 4, 5]) await person(`Q${n}`, `Quist${n}`, ids.unitU6, 'permanent', '2024-01-01', 'other');

    // Anna is U5's ambassador.
    const appointment = await one(
      `insert into ambassador_appointment (organisation_id, person_id, allocation_kind, allocation_value, start_date)
       values ($1, $2, 'percent', 10, '2024-01-01') returning id`,
      [f.orgA, ids.anna],
    );
    await db.query(`insert into ambassador_appointment_unit (appointment_id, unit_id, organisation_id) values ($1, $2, $3)`, [appointment, ids.unitU5, f.orgA]);

    const module = async (title: string) => {
      const id = await one(`insert into library_module (network_id, organisation_id, ownership) values ($1, $2, 'organisation') returning id`, [
        f.networkId,
        f.orgA,
      ]);
      const versionId = await one(
        `insert into library_module_version (module_id, network_id, organisation_id, version_number, status, title, summary, format, duration_minutes, published_at)
         values ($1, $2, $3, 1, 'published', $4, 'Sammanfattning', 'workplace_session', 30, now()) returning id`,
        [id, f.networkId, f.orgA, title],
      );
      return { id, versionId };
    };
    const m1 = await module('M1 Logga in i journalen');
    const m2 = await module('M2 Digital signering');
    const m3 = await module('M3 Välkommen');
    ids.m1 = m1.id;
    const program = async (title: string, kind: string, steps: string[], within: number | null, base: string) => {
      const id = await one(
        `insert into library_program (network_id, organisation_id, ownership, title, kind, complete_within_days, deadline_base)
         values ($1, $2, 'organisation', $3, $4, $5, $6) returning id`,
        [f.networkId, f.orgA, title, kind, within, base],
      );
      for (const [i, moduleId] of steps.entries()) {
        await db.query(`insert into library_program_step (program_id, position, organisation_id, module_id) values ($1, $2, $3, $4)`, [
          id,
          i + 1,
          f.orgA,
          moduleId,
        ]);
      }
      return id;
    };
    // P: M1 then M2, within 60 days of employment; O: onboarding (M3), no deadline.
    ids.programP = await program('Digital vardag', 'themed_series', [m1.id, m2.id], 60, 'employment_start');
    ids.programO = await program('Introduktion för nya', 'onboarding', [m3.id], null, 'assignment_start');
    await db.query(
      `insert into library_program_assignment (organisation_id, program_id, target_type, unit_id, start_date) values ($1, $2, 'unit', $3, '2024-01-01')`,
      [f.orgA, ids.programP, ids.unitU5],
    );
    await db.query(
      `insert into library_program_assignment (organisation_id, program_id, target_type, area_id, start_date) values ($1, $2, 'area', $3, '2024-01-01')`,
      [f.orgA, ids.programO, ids.areaA3],
    );

    const session = async (versionId: string, day: number, minutes: number, status = 'scheduled') => {
      const id = await one(
        `insert into sessions (organisation_id, unit_id, module_version_id, date, start_time, duration_minutes, starts_at, ends_at, place,
                               activity_category, audience, status, cancelled_at)
         values ($1, $2, $3, $4::date, '10:00', $5, timezone('Europe/Stockholm', $4::date + time '10:00'),
                 timezone('Europe/Stockholm', $4::date + time '10:00') + make_interval(mins => $5), 'Köket', 'workplace_learning', 'unit_team',
                 $6, case when $6 = 'cancelled' then now() end) returning id`,
        [f.orgA, ids.unitU5, versionId, d(day), minutes, status],
      );
      await db.query(`insert into session_facilitators (session_id, person_id, organisation_id) values ($1, $2, $3)`, [id, ids.anna, f.orgA]);
      return id;
    };
    ids.s1 = await session(m1.versionId, -40, 60);
    ids.s2 = await session(m2.versionId, -20, 30);
    ids.s3 = await session(m1.versionId, -10, 60);
    ids.s4 = await session(m2.versionId, -5, 30, 'cancelled');
    ids.s6 = await session(m2.versionId, 5, 30);
    const mark = async (sessionId: string, personId: string | null, status: string, minutes: number | null = null, walkIn: string | null = null) => {
      await db.query(
        `insert into attendance_marks (id, organisation_id, session_id, person_id, walk_in_name, walk_in, status, minutes, recorded_at, recorded_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, now(), $9)`,
        [randomUUID(), f.orgA, sessionId, personId, walkIn, walkIn !== null, status, minutes, ids.anna],
      );
    };
    await mark(ids.s1, ids.anna, 'present');
    await mark(ids.s1, ids.bertil, 'present');
    await mark(ids.s1, ids.cecilia, 'partial', 20);
    await mark(ids.s1, ids.david, 'absent');
    await mark(ids.s1, null, 'present', null, 'Gästa Gäst');
    await mark(ids.s2, ids.anna, 'present');
    await mark(ids.s2, ids.bertil, 'present');
    await mark(ids.s2, ids.cecilia, 'present');
    await mark(ids.s2, ids.david, 'partial', 15);
    await mark(ids.s2, ids.eva, 'excused');
    await mark(ids.s3, ids.cecilia, 'present');
    await mark(ids.s3, ids.fia, 'present');
    // A marked cancelled session counts nothing.
    await mark(ids.s4, ids.bertil, 'present');
    await db.query(
      `insert into support_entries (organisation_id, unit_id, person_id, ambassador_id, date, minutes, topic) values ($1, $2, $3, $4, $5, 45, 'Inloggning')`,
      [f.orgA, ids.unitU5, ids.david, ids.anna, d(-15)],
    );
  });

  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  describe('team progress (unit)', () => {
    let team: TeamDashboard;
    beforeAll(async () => {
      const hr = await t.as('hrA');
      const response = await hr.get(`/api/insights/units/${ids.unitU5}/team?${period()}`);
      expect(response.status).toBe(200);
      team = response.body;
    });

    it('shows permanent staff and substitutes apart, with sessions attended of invited and hours', () => {
      const row = (m: TeamDashboard['staff'][number]) => [m.person.name, m.invited, m.attended, m.hours];
      // Anna: S1, S2 attended (60 + 30 min); S3 invited, no mark. Cecilia: S1 partial 20 of 60 (not attended), S2, S3:
      // 20 + 30 + 60 = 110 min = 1.83 h. Fia joined at D-10: invited to S3 only.
      expect(team.staff.map(row)).toEqual([
        ['Anna Andersson', 3, 2, 1.5],
        ['Bertil Berg', 3, 2, 1.5],
        ['Cecilia Carlsson', 3, 2, 1.83],
        ['Fia Fors', 1, 1, 1],
      ]);
      // David: partial 15 of 30 counts as attended (half); 15 min + 45 min support = 1 h. Eva: joined on S1's date.
      expect(team.substitutes.map(row)).toEqual([
        ['David Dahl', 3, 1, 1],
        ['Eva Ek', 3, 0, 0],
      ]);
      expect(team.totals).toEqual({ people: 6, invited: 16, attended: 8, hours: 6.83 });
    });

    it('shows each assigned program with steps done, completion, due date and overdue', () => {
      const programs = Object.fromEntries(
        [...team.staff, ...team.substitutes].map((m) => [
          m.person.name,
          m.programs.map((p) => [p.title, p.stepsDone, p.stepsTotal, p.completedOn, p.dueDate, p.overdue]),
        ]),
      );
      const onboarding = ['Introduktion för nya', 0, 1, null, null, false];
      expect(programs).toEqual({
        'Anna Andersson': [['Digital vardag', 2, 2, d(-20), '2024-03-01', false], onboarding],
        'Bertil Berg': [['Digital vardag', 2, 2, d(-20), '2024-03-01', false], onboarding],
        // M2 at D-20, M1 caught up at D-10.
        'Cecilia Carlsson': [['Digital vardag', 2, 2, d(-10), '2024-03-01', false], onboarding],
        'David Dahl': [['Digital vardag', 1, 2, null, '2024-03-01', true], onboarding],
        'Eva Ek': [['Digital vardag', 0, 2, null, d(20), false], onboarding],
        'Fia Fors': [['Digital vardag', 1, 2, null, d(50), false], onboarding],
      });
    });

    it('lists outstanding catch-ups: per module the latest missed session, unless the module was attended elsewhere', () => {
      const catchUps = Object.fromEntries([...team.staff, ...team.substitutes].map((m) => [m.person.name, m.catchUps.map((c) => [c.date, c.title])]));
      expect(catchUps).toEqual({
        'Anna Andersson': [],
        'Bertil Berg': [],
        'Cecilia Carlsson': [],
        'David Dahl': [[d(-10), 'M1 Logga in i journalen']],
        'Eva Ek': [
          [d(-20), 'M2 Digital signering'],
          [d(-10), 'M1 Logga in i journalen'],
        ],
        'Fia Fors': [],
      });
    });

    it('flags new employees without onboarding within 30 days, ambassador workload and upcoming sessions', () => {
      expect(team.newEmployees).toEqual([
        { person: { id: ids.eva, name: 'Eva Ek' }, startDate: d(-40), deadline: d(-10), assigned: true, overdue: true },
        { person: { id: ids.fia, name: 'Fia Fors' }, startDate: d(-10), deadline: d(20), assigned: true, overdue: false },
      ]);
      // S1 + S2 + S3 = 150 min led (the cancelled and the upcoming session do not count) + 45 min support = 3.25 h.
      expect(team.ambassadors).toEqual([{ person: { id: ids.anna, name: 'Anna Andersson' }, sessionsLed: 3, hoursLed: 3.25, leavesOn: null }]);
      expect(team.staffPerAmbassador).toBe(6);
      expect(team.upcoming).toEqual([{ id: ids.s6, title: 'M2 Digital signering', date: d(5), startTime: '10:00', durationMinutes: 30, invited: 6 }]);
    });

    it("is for the unit's managers, area manager, HR and administrators only", async () => {
      expect((await (await t.as('managerU1')).get(`/api/insights/units/${ids.unitU5}/team`)).status).toBe(403);
      expect((await (await t.as('areaManagerA1')).get(`/api/insights/units/${ids.unitU5}/team`)).status).toBe(403);
      expect((await (await t.as('adminB')).get(`/api/insights/units/${ids.unitU5}/team`)).status).toBe(404);
      const bad = await (await t.as('hrA')).get(`/api/insights/units/${ids.unitU5}/team?from=${d(0)}&to=${d(-1)}`);
      expect(bad.status).toBe(400);
      expect(withoutMessageCodes(bad.body.details)).toEqual([{ field: 'to', message: expect.any(String) }]);
    });
  });

  describe('costs and the participant report (organisation)', () => {
    beforeAll(async () => {
      const hr = await t.as('hrA');
      expect((await hr.put('/api/insights/cost-settings/hourly-rates', { validFrom: '2020-01-01', participantRate: 300, facilitatorRate: 400 })).status).toBe(
        200,
      );
      expect((await hr.put('/api/insights/cost-settings/hourly-rates', { validFrom: d(-15), participantRate: 360, facilitatorRate: 400 })).status).toBe(200);
      // 12 000 kr over D-90..D-31 (60 days), 30 of them in the period: 6 000 kr. The other lies before the period.
      const cost = {
        id: randomUUID(),
        periodStart: d(-90),
        periodEnd: d(-31),
        category: 'ambassador_training',
        amount: 12000,
        description: 'Ombudsutbildning',
      };
      expect((await hr.post('/api/insights/cost-settings/external-costs', cost)).status).toBe(201);
      expect((await hr.post('/api/insights/cost-settings/external-costs', cost)).status).toBe(201);
      expect(
        (
          await hr.post('/api/insights/cost-settings/external-costs', {
            ...cost,
            id: randomUUID(),
            periodStart: d(-200),
            periodEnd: d(-150),
            category: 'management_project',
            amount: 3000,
          })
        ).status,
      ).toBe(201);
    });

    it('prices hours by category from the rates in force on each date, plus the overlapping share of external costs', async () => {
      const hr = await t.as('hrA');
      const response = await hr.get(`/api/insights/costs?${period()}`);
      expect(response.status).toBe(200);
      const report = response.body as CostReport;
      const byCategory = Object.fromEntries(
        report.categories.map((c) => [c.category, [c.participantHours, c.teachingHours, c.staffTimeCost, c.facilitatorCost, c.externalCost, c.totalCost]]),
      );
      // Participant minutes: S1 60+60+20+0+60 (walk-in) = 200, S2 30+30+30+15 = 105, S3 120 → 425 min = 7.08 h.
      // Staff time: S1 200/60×300 = 1000, S2 105/60×300 = 525, S3 (after D-15) 120/60×360 = 720 → 2245.
      // Teaching: 60 + 30 + 60 = 150 min = 2.5 h, one facilitator at 400 → 1000.
      // Support: 45 min at D-15 (new rates): staff 270, facilitator 300.
      expect(byCategory).toEqual({
        workplace_learning: [7.08, 2.5, 2245, 1000, 0, 3245],
        ambassador_training: [0, 0, 0, 0, 6000, 6000],
        web_course_follow_up: [0, 0, 0, 0, 0, 0],
        individual_support: [0.75, 0.75, 270, 300, 0, 570],
        try_out: [0, 0, 0, 0, 0, 0],
        management_project: [0, 0, 0, 0, 0, 0],
      });
      // Participants: Anna, Bertil, Cecilia, David, Fia and the walk-in (Eva had no minutes) = 6.
      // When the figures were computed (the report is kept between reads) is not a figure.
      expect({ ...report, categories: undefined, asOf: undefined }).toEqual({
        period: { from: d(-60), to: d(-1) },
        categories: undefined,
        asOf: undefined,
        participants: 6,
        participantHours: 7.83,
        teachingHours: 3.25,
        totalCost: 9815,
        costPerParticipant: 1635.83,
        costPerTeachingHour: 3020,
        unpricedDays: 0,
        market: { min: 440, max: 760 },
      });
      const settings = (await hr.get('/api/insights/cost-settings')).body;
      expect(settings.rates).toHaveLength(2);
      expect(settings.externalCosts).toHaveLength(2);
      expect((await (await t.as('managerU1')).get(`/api/insights/costs?${period()}`)).status).toBe(403);
    });

    it("gives the funders' participant report as JSON, CSV (BOM, decimal comma) and an XLSX that reads back", async () => {
      const hr = await t.as('hrA');
      const json = (await hr.get(`/api/insights/participant-report?${period()}`)).body as ParticipantReport;
      const expected = [
        ['I500', 'Anna Andersson', 'female', 1.5, d(-40), d(-20)],
        ['I501', 'Bertil Berg', 'male', 1.5, d(-40), d(-20)],
        ['I502', 'Cecilia Carlsson', 'female', 1.83, d(-40), d(-10)],
        ['I503', 'David Dahl', 'male', 1, d(-20), d(-15)],
        ['I505', 'Fia Fors', 'female', 1, d(-10), d(-10)],
      ];
      expect(json.rows.map((r) => [r.employeeNumber, r.name, r.gender, r.hours, r.firstDate, r.lastDate])).toEqual(expected);
      expect([json.participants, json.hours, json.walkInsWithoutRecord]).toEqual([5, 6.83, 1]);

      const csv = await hr.get(`/api/insights/participant-report?${period()}&format=csv`).buffer(true).parse(asBytes);
      expect(csv.headers['content-type']).toContain('text/csv');
      const text = (csv.body as Buffer).toString('utf8');
      expect(text.startsWith(UTF8_BOM)).toBe(true);
      const lines = text.slice(1).split('\r\n');
      expect(lines[0]).toBe('Anställningsnummer;Namn;Kön;Timmar;Första deltagande;Senaste deltagande;Period');
      expect(lines[3]).toBe(`I502;Cecilia Carlsson;Kvinna;1,83;${d(-40)};${d(-10)};${d(-60)} – ${d(-1)}`);
      expect(lines[6]).toBe(`Summa;5 deltagare;;6,83;;;${d(-60)} – ${d(-1)}`);

      // A period without participants: the header and a zero total, as the library writes it.
      const emptyPeriod = 'from=2001-01-01&to=2001-12-31';
      const empty = (await hr.get(`/api/insights/participant-report?${emptyPeriod}`)).body as ParticipantReport;
      expect(empty.rows).toEqual([]);
      const emptyCsv = await hr.get(`/api/insights/participant-report?${emptyPeriod}&format=csv`).buffer(true).parse(asBytes);
      expect((emptyCsv.body as Buffer).toString('utf8')).toBe(toCsv(participantTable(empty)));
      expect((emptyCsv.body as Buffer).toString('utf8').split('\r\n')[1]).toBe('Summa;0 deltagare;;0;;;2001-01-01 – 2001-12-31');

      const xlsx = await hr.get(`/api/insights/participant-report?${period()}&format=xlsx`).buffer(true).parse(asBytes);
      expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const [sheet] = await readXlsx(new Uint8Array(xlsx.body as Buffer));
      expect(sheet.name).toBe('Deltagare');
      expect(sheet.rows[3]).toEqual(['I502', 'Cecilia Carlsson', 'Kvinna', 1.83, d(-40), d(-10), `${d(-60)} – ${d(-1)}`]);
      expect(sheet.rows[6]).toEqual(['Summa', '5 deltagare', null, 6.83, null, null, `${d(-60)} – ${d(-1)}`]);
    });
    it('writes the CSV (lines written by PostgreSQL) exactly as the library writes the report, names that need quoting or look like formulas included', async () => {
      const hr = await t.as('hrA');
      const download = async () => (await hr.get(`/api/insights/participant-report?${period()}&format=csv`).buffer(true).parse(asBytes)).body as Buffer;
      const names = await db.query(`select id, first_name, last_name, gender from person where employee_number in ('I500', 'I501', 'I502')`);
      try {
        await db.query(`update person set first_name = '=HYPERLINK("x")', last_name = 'Berg; "Lång"' where employee_number = 'I500'`);
        await db.query(`update person set first_name = E'Rad\\nbrytning', gender = null where employee_number = 'I501'`);
        await db.query(`update person set first_name = '-Cecilia', last_name = '@Carlsson' where employee_number = 'I502'`);
        const json = (await hr.get(`/api/insights/participant-report?${period()}`)).body as ParticipantReport;
        const text = (await download()).toString('utf8');
        expect(text).toBe(toCsv(participantTable(json)));
        expect(text).toContain(`;"'=HYPERLINK(""x"") Berg; ""Lång""";Kvinna;`);
        expect(text).toContain(`;"Rad\nbrytning Berg";Uppgift saknas;`);
        expect(text).toContain(`;'-Cecilia @Carlsson;Kvinna;1,83;`);
      } finally {
        for (const row of names.rows as Array<{ id: string; first_name: string; last_name: string; gender: string | null }>) {
          await db.query(`update person set first_name = $2, last_name = $3, gender = $4 where id = $1`, [row.id, row.first_name, row.last_name, row.gender]);
        }
      }
    });
  });

  describe('participation by area, unit, role title and employment type', () => {
    it('breaks an area down by unit, with drill-down ids', async () => {
      const hr = await t.as('hrA');
      const response = await hr.get(`/api/insights/participation?${period()}&areaId=${ids.areaA3}&groupBy=unit`);
      expect(response.status).toBe(200);
      const breakdown = response.body as ParticipationBreakdown;
      // U5: 6 people, 5 with minutes (Eva none; the walk-in is nobody's member), 410 min = 6.83 h. U6: 5 people, none.
      expect(breakdown.total).toEqual({ people: 11, participants: 5, participationPercent: 45.5, hours: 6.83, hoursPerPerson: 0.62, suppressed: false });
      expect(breakdown.groups).toEqual([
        {
          key: ids.unitU5,
          label: 'Enhet U5',
          drillId: ids.unitU5,
          people: 6,
          participants: 5,
          participationPercent: 83.3,
          hours: 6.83,
          hoursPerPerson: 1.14,
          suppressed: false,
        },
        {
          key: ids.unitU6,
          label: 'Enhet U6',
          drillId: ids.unitU6,
          people: 5,
          participants: 0,
          participationPercent: 0,
          hours: 0,
          hoursPerPerson: 0,
          suppressed: false,
        },
      ]);
    });

    it('suppresses small groups, and the rest that could be found by subtraction', async () => {
      const hr = await t.as('hrA');
      const breakdown = (await hr.get(`/api/insights/participation?${period()}&areaId=${ids.areaA3}&groupBy=employment_type`)).body as ParticipationBreakdown;
      // permanent 9, substitute 1, hourly 1: the two small groups hold 2 < 5 together, so the total minus permanent
      // would reveal them: permanent is suppressed too. The total (11) is shown.
      expect(breakdown.minimumGroupSize).toBe(5);
      expect(breakdown.total.suppressed).toBe(false);
      expect(breakdown.groups.map((g) => [g.key, g.people, g.participants, g.hours, g.suppressed])).toEqual([
        ['hourly', 1, null, null, true],
        ['permanent', 9, null, null, true],
        ['substitute', 1, null, null, true],
      ]);
      // A role-title filter that leaves fewer than five people suppresses the total as well.
      const unit = (await hr.get(`/api/insights/participation?${period()}&unitId=${ids.unitU5}&employmentType=substitute&groupBy=unit`))
        .body as ParticipationBreakdown;
      expect(unit.total).toEqual({ people: 1, participants: null, participationPercent: null, hours: null, hoursPerPerson: null, suppressed: true });
    });

    it('withholds a filtered view that differs from the unfiltered one by fewer than the minimum (complementary suppression)', async () => {
      const hr = await t.as('hrA');
      // A3's permanent staff are 9 of its 11: shown beside A3 itself, the two others' participation and hours would be
      // the difference. Nine is above the minimum, so only the complement withholds it.
      const permanent = (await hr.get(`/api/insights/participation?${period()}&areaId=${ids.areaA3}&employmentType=permanent&groupBy=unit`))
        .body as ParticipationBreakdown;
      expect(permanent.total).toEqual({ people: 9, participants: null, participationPercent: null, hours: null, hoursPerPerson: null, suppressed: true });
      expect(permanent.groups.every((g) => g.suppressed && g.hours === null)).toBe(true);
      const area = (await hr.get(`/api/insights/participation?${period()}&areaId=${ids.areaA3}&groupBy=unit`)).body as ParticipationBreakdown;
      expect(area.total).toMatchObject({ people: 11, suppressed: false });
    });

    it('keeps area managers to their areas (another area answers 404)', async () => {
      const area = await t.as('areaManagerA1');
      expect((await area.get(`/api/insights/participation?areaId=${ids.areaA3}`)).status).toBe(404);
      expect((await area.get(`/api/insights/participation?areaId=${t.fixture.areaA1}`)).status).toBe(200);
      expect((await (await t.as('hrA')).get(`/api/insights/participation?unitId=${t.fixture.unitU4}`)).status).toBe(404);
    });
  });

  describe('network comparison', () => {
    it('compares organisations by aggregates only, suppressing small organisations', async () => {
      const coordinator = await t.as('coordinator');
      const response = await coordinator.get(`/api/network/insights/participation?${period()}`);
      expect(response.status).toBe(200);
      const network = response.body as NetworkParticipation;
      // A: fixture members staffU1, ambassadorU1, managerU1, staffU2, managerU2, staffU3 + 11 = 17 people; 5 people with
      // minutes (walk-ins are nobody), 410 min; three held sessions; ambassadors ambassadorU1, staffU2 and Anna.
      // B: two members (managerU4, staffU4): below five, figures suppressed.
      expect(network.organisations).toEqual([
        {
          organisation: { id: t.fixture.orgA, name: 'Kommun A' },
          sessionsHeld: 3,
          activeAmbassadors: 3,
          people: 17,
          participants: 5,
          participationPercent: 29.4,
          hours: 6.83,
          hoursPerPerson: 0.4,
          suppressed: false,
        },
        {
          organisation: { id: t.fixture.orgB, name: 'Kommun B' },
          sessionsHeld: 0,
          activeAmbassadors: 1,
          people: 2,
          participants: null,
          participationPercent: null,
          hours: null,
          hoursPerPerson: null,
          suppressed: true,
        },
      ]);
      expect(JSON.stringify(network)).not.toContain('Anna');
    });
  });
  describe('year plan and targets', () => {
    it('a target counts the listed employment types and moves when attendance is recorded', async () => {
      const hr = await t.as('hrA');
      const id = randomUUID();
      const body = { id, programId: ids.programP, employmentTypes: ['permanent'], targetPercent: 100, dueDate: d(30) };
      const created = await hr.post(`/api/insights/units/${ids.unitU5}/targets`, body);
      expect(created.status).toBe(201);
      const target = created.body as TargetProgress;
      // Permanent: Anna, Bertil, Cecilia complete; Fia misses M2. 3 of 4 = 75 %; set today, so on track.
      expect([target.population, target.completed, target.percent, target.remaining, target.status]).toEqual([4, 3, 75, 1, TargetStatus.OnTrack]);
      expect(target.behind).toEqual([
        { person: { id: ids.fia, name: 'Fia Fors' }, employmentType: 'permanent', stepsDone: 1, stepsTotal: 2, missingModules: ['M2 Digital signering'] },
      ]);
      // A retry with the same id changes nothing.
      const again = await hr.post(`/api/insights/units/${ids.unitU5}/targets`, { ...body, targetPercent: 10 });
      expect(again.body.targetPercent).toBe(100);

      // Fia attends S2 (M2) as a walk-in: recorded through the attendance API.
      const marked = await hr.post(`/api/sessions/${ids.s2}/attendance`, {
        marks: [{ id: randomUUID(), personId: ids.fia, status: 'present', recordedAt: new Date().toISOString() }],
      });
      expect(marked.status).toBeLessThan(300);
      const plan = (await hr.get(`/api/insights/units/${ids.unitU5}/plan`)).body as YearPlan;
      const moved = plan.targets.find((one) => one.id === id)!;
      expect([moved.population, moved.completed, moved.percent, moved.remaining, moved.status, moved.behind]).toEqual([4, 4, 100, 0, TargetStatus.Met, []]);

      // All employment types, 80 %: David and Eva have not completed: 4 of 6 = 66.7 %, ceil(0.8 × 6) = 5 needed.
      const all = await hr.patch(`/api/insights/units/${ids.unitU5}/targets/${id}`, {
        employmentTypes: ['permanent', 'substitute', 'hourly'],
        targetPercent: 80,
      });
      expect([all.body.population, all.body.completed, all.body.percent, all.body.remaining]).toEqual([6, 4, 66.7, 1]);
      // Due yesterday and not met: missed.
      const missed = await hr.patch(`/api/insights/units/${ids.unitU5}/targets/${id}`, { dueDate: d(-1) });
      expect(missed.body.status).toBe(TargetStatus.Missed);
      expect((await hr.delete(`/api/insights/units/${ids.unitU5}/targets/${id}`)).status).toBe(204);
      expect((await hr.delete(`/api/insights/units/${ids.unitU5}/targets/${id}`)).status).toBe(404);
    });

    it("rejects bad targets naming the field, and another unit's target answers 404", async () => {
      const hr = await t.as('hrA');
      const bad = await hr.post(`/api/insights/units/${ids.unitU5}/targets`, {
        id: randomUUID(),
        programId: ids.programP,
        employmentTypes: [],
        targetPercent: 120,
        dueDate: '2026-02-30',
      });
      expect(bad.status).toBe(400);
      expect(bad.body.details.map((e: { field: string }) => e.field).sort()).toEqual(['dueDate', 'employmentTypes', 'targetPercent']);
      const foreign = await hr.post(`/api/insights/units/${ids.unitU5}/targets`, {
        id: randomUUID(),
        programId: t.fixture.library.programB,
        employmentTypes: ['permanent'],
        targetPercent: 50,
        dueDate: d(30),
      });
      expect(foreign.status).toBe(400);
      expect(foreign.body.details[0].field).toBe('programId');
      expect((await hr.patch(`/api/insights/units/${t.fixture.unitU1}/targets/${randomUUID()}`, { targetPercent: 50 })).status).toBe(404);
    });

    it('refuses a second target for the same program and unit, on create and on changing the program, with a stable code', async () => {
      const hr = await t.as('hrA');
      const first = randomUUID();
      const body = { programId: ids.programP, employmentTypes: ['permanent'], targetPercent: 90, dueDate: d(40) };
      expect((await hr.post(`/api/insights/units/${ids.unitU5}/targets`, { id: first, ...body })).status).toBe(201);
      const duplicate = await hr
        .post(`/api/insights/units/${ids.unitU5}/targets`, { id: randomUUID(), ...body, targetPercent: 50 })
        .set('Accept-Language', 'en');
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.code).toBe('duplicateTarget');
      expect(duplicate.body.targetId).toBe(first);
      expect(duplicate.body.message).toBe('The unit already has a target for the program. Change that target instead.');
      expect(duplicate.body.details[0]).toMatchObject({ field: 'programId', code: 'duplicateTarget' });

      // Another program is fine; moving it onto the first one's program is refused.
      const second = randomUUID();
      expect((await hr.post(`/api/insights/units/${ids.unitU5}/targets`, { id: second, ...body, programId: ids.programO })).status).toBe(201);
      const moved = await hr.patch(`/api/insights/units/${ids.unitU5}/targets/${second}`, { programId: ids.programP });
      expect(moved.status).toBe(409);
      expect(moved.body.code).toBe('duplicateTarget');
      // Changing a target without changing its program, and the same program in another unit, stay allowed.
      expect((await hr.patch(`/api/insights/units/${ids.unitU5}/targets/${first}`, { programId: ids.programP, targetPercent: 95 })).status).toBe(200);
      const plan = (await hr.get(`/api/insights/units/${ids.unitU5}/plan`)).body as YearPlan;
      expect(plan.targets.filter((one) => one.program.id === ids.programP).map((one) => one.id)).toEqual([first]);
      for (const id of [first, second]) expect((await hr.delete(`/api/insights/units/${ids.unitU5}/targets/${id}`)).status).toBe(204);
    });

    it('plans programs, modules and notes into the coming twelve months beside the sessions already scheduled', async () => {
      const hr = await t.as('hrA');
      const entryId = randomUUID();
      const month = d(35).slice(0, 7);
      const created = await hr.post(`/api/insights/units/${ids.unitU5}/plan-entries`, {
        id: entryId,
        month,
        programId: ids.programP,
        note: 'Två pass per skift',
      });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        id: entryId,
        month: `${month}-01`,
        program: { id: ids.programP, title: 'Digital vardag' },
        seriesId: null,
        module: null,
        note: 'Två pass per skift',
      });
      expect((await hr.post(`/api/insights/units/${ids.unitU5}/plan-entries`, { id: randomUUID(), month })).body.details[0].field).toBe('programId');
      const plan = (await hr.get(`/api/insights/units/${ids.unitU5}/plan`)).body as YearPlan;
      expect(plan.months).toHaveLength(12);
      expect(plan.months[0].month).toBe(`${today.slice(0, 7)}-01`);
      expect(plan.months.find((m) => m.month === `${month}-01`)!.entries.map((e) => e.id)).toEqual([entryId]);
      // S1, S2, S3 and S6 are scheduled (S4 is cancelled); those from the first of this month on are in the plan.
      const scheduled = plan.months.reduce((sum, m) => sum + m.scheduledSessions, 0);
      expect(scheduled).toBe([d(-40), d(-20), d(-10), d(5)].filter((date) => date >= `${today.slice(0, 7)}-01`).length);
      // Moving and changing: the month and the program move, the note stays unless cleared; nothing left is refused.
      const later = d(70).slice(0, 7);
      const moved = await hr.patch(`/api/insights/units/${ids.unitU5}/plan-entries/${entryId}`, { month: later, programId: null, note: 'Hösten' });
      expect(moved.status).toBe(200);
      expect(moved.body).toEqual({ id: entryId, month: `${later}-01`, program: null, seriesId: null, module: null, note: 'Hösten' });
      const emptied = await hr.patch(`/api/insights/units/${ids.unitU5}/plan-entries/${entryId}`, { note: null });
      expect([emptied.status, emptied.body.details[0].field]).toEqual([400, 'programId']);
      expect((await hr.patch(`/api/insights/units/${ids.unitU5}/plan-entries/${entryId}`, { seriesId: randomUUID() })).body.details[0].field).toBe('seriesId');
      expect((await hr.patch(`/api/insights/units/${t.fixture.unitU1}/plan-entries/${entryId}`, { note: 'x' })).status).toBe(404);
      expect((await hr.delete(`/api/insights/units/${ids.unitU5}/plan-entries/${entryId}`)).status).toBe(204);
    });
  });

  /**
   * Catch-ups and attendance at the edges, on a unit of its own (U7 in area A4) with a period long before the one
   * above (D-200..D-100), added last so no earlier figure moves. Module X has two versions (X1, X2), Y and W one each.
   *
   *   session  module   date    minutes  audience
   *   A        X1       D-150   60       U7 team
   *   G        W        D-140   30       selection: Maja only
   *   E        Y        D-130   40       U7 team, cancelled
   *   B        Y        D-120   40       U7 team
   *   C        X2       D-110   60       U7 team
   *   H        X2       D-105   60       selection in U8 (another unit): nobody of U7 invited
   *   J        W'       D-90    30       selection in U8: W' is the organisation's adaptation of W
   *   F        X1       D-250   60       U7 team, before the period
   *   D        X2       D-50    60       U7 team, after the period
   *
   *   person   A (X1)        B (Y)         C (X2)   elsewhere                 catch-ups
   *   Hanna    partial 30    –             –        –                         Y at B (X: half of A counts)
   *   Ivar     partial 29    present       –        –                         X at C, the latest missed (29 < half of 60)
   *   Jonna    absent        partial 20    absent   D present (after)         none (X after the period, Y half of 40)
   *   Kalle    –             –             –        F present (before), E     Y at B (E was cancelled); X done at F
   *   Lisa     present       partial 19    –        –                         Y at B; X done at A in the other version
   *   Maja     –             –             –        H present (other unit)    W at G, Y at B; X done at H
   *
   * Hanna was also present at J (after the period). Program "Digitala möten" (steps Y, W) is assigned to U7.
   */
  describe('team progress: catch-ups and program steps across versions, adaptations, partial marks and the period', () => {
    let team: TeamDashboard;
    const unit = {} as Record<string, string>;
    const from = () => d(-200);
    const to = () => d(-100);

    beforeAll(async () => {
      const f = t.fixture;
      const one = async (text: string, params: unknown[]) => ((await db.query(text, params)).rows[0] as { id: string }).id;
      const area = await one(`insert into area (organisation_id, name, kind) values ($1, 'Område A4', 'home_care') returning id`, [f.orgA]);
      unit.u7 = await one(`insert into unit (organisation_id, area_id, name, code) values ($1, $2, 'Enhet U7', 'U7') returning id`, [f.orgA, area]);
      unit.u8 = await one(`insert into unit (organisation_id, area_id, name, code) values ($1, $2, 'Enhet U8', 'U8') returning id`, [f.orgA, area]);
      let seq = 700;
      const person = async (first: string, last: string) => {
        const id = await one(
          `insert into person (organisation_id, employee_number, first_name, last_name, role_title, employment_type, start_date, gender)
           values ($1, $2, $3, $4, 'undersköterska', 'permanent', '2024-01-01', 'female') returning id`,
          [f.orgA, `I${seq++}`, first, last],
        );
        await db.query(`insert into unit_membership (organisation_id, person_id, unit_id, start_date) values ($1, $2, $3, '2024-01-01')`, [
          f.orgA,
          id,
          unit.u7,
        ]);
        return id;
      };
      const [hanna, ivar, jonna, kalle, lisa, maja] = [
        await person('Hanna', 'Holm'),
        await person('Ivar', 'Isaksson'),
        await person('Jonna', 'Jansson'),
        await person('Kalle', 'Karlsson'),
        await person('Lisa', 'Lund'),
        await person('Maja', 'Mattsson'),
      ];
      const module = async (titles: string[], sourceModuleId: string | null = null) => {
        const id = await one(
          `insert into library_module (network_id, organisation_id, ownership, source_module_id) values ($1, $2, 'organisation', $3) returning id`,
          [f.networkId, f.orgA, sourceModuleId],
        );
        const versions: string[] = [];
        for (const [i, title] of titles.entries()) {
          versions.push(
            await one(
              `insert into library_module_version (module_id, network_id, organisation_id, version_number, status, title, summary, format, duration_minutes, published_at)
               values ($1, $2, $3, $4, 'published', $5, 'Sammanfattning', 'workplace_session', 30, now()) returning id`,
              [id, f.networkId, f.orgA, i + 1, title],
            ),
          );
        }
        return Object.assign(versions, { moduleId: id });
      };
      const [x1, x2] = await module(['X Hygienrutiner', 'X Hygienrutiner, version 2']);
      const yModule = await module(['Y Läkemedelslistan']);
      const [y] = yModule;
      const wModule = await module(['W Videosamtal']);
      const [w] = wModule;
      // The organisation's adaptation of W: attending it completes a program step of W.
      const [wAdapted] = await module(['W Videosamtal, vår version'], wModule.moduleId);
      const program = await one(
        `insert into library_program (network_id, organisation_id, ownership, title, kind) values ($1, $2, 'organisation', 'Digitala möten', 'themed_series') returning id`,
        [f.networkId, f.orgA],
      );
      for (const [i, moduleId] of [yModule.moduleId, wModule.moduleId].entries()) {
        await db.query(`insert into library_program_step (program_id, position, organisation_id, module_id) values ($1, $2, $3, $4)`, [
          program,
          i + 1,
          f.orgA,
          moduleId,
        ]);
      }
      await db.query(
        `insert into library_program_assignment (organisation_id, program_id, target_type, unit_id, start_date) values ($1, $2, 'unit', $3, '2024-01-01')`,
        [f.orgA, program, unit.u7],
      );
      const session = async (
        versionId: string,
        day: number,
        minutes: number,
        options: { unitId?: string; audience?: string; status?: string; invited?: string[] } = {},
      ) => {
        const status = options.status ?? 'scheduled';
        const id = await one(
          `insert into sessions (organisation_id, unit_id, module_version_id, date, start_time, duration_minutes, starts_at, ends_at, place,
                                 activity_category, audience, status, cancelled_at)
           values ($1, $2, $3, $4::date, '10:00', $5, timezone('Europe/Stockholm', $4::date + time '10:00'),
                   timezone('Europe/Stockholm', $4::date + time '10:00') + make_interval(mins => $5), 'Köket', 'workplace_learning', $6,
                   $7, case when $7 = 'cancelled' then now() end) returning id`,
          [f.orgA, options.unitId ?? unit.u7, versionId, d(day), minutes, options.audience ?? 'unit_team', status],
        );
        for (const personId of options.invited ?? []) {
          await db.query(`insert into session_invitations (session_id, person_id, organisation_id) values ($1, $2, $3)`, [id, personId, f.orgA]);
        }
        return id;
      };
      const a = await session(x1, -150, 60);
      await session(w, -140, 30, { audience: 'selection', invited: [maja] });
      const e = await session(y, -130, 40, { status: 'cancelled' });
      const b = await session(y, -120, 40);
      const c = await session(x2, -110, 60);
      const h = await session(x2, -105, 60, { unitId: unit.u8, audience: 'selection' });
      const fBefore = await session(x1, -250, 60);
      const dAfter = await session(x2, -50, 60);
      const adapted = await session(wAdapted, -90, 30, { unitId: unit.u8, audience: 'selection' });
      const mark = async (sessionId: string, personId: string, status: string, minutes: number | null = null) => {
        await db.query(
          `insert into attendance_marks (id, organisation_id, session_id, person_id, walk_in, status, minutes, recorded_at, recorded_by)
           values ($1, $2, $3, $4, false, $5, $6, now(), $7)`,
          [randomUUID(), f.orgA, sessionId, personId, status, minutes, hanna],
        );
      };
      await mark(a, hanna, 'partial', 30);
      await mark(a, ivar, 'partial', 29);
      await mark(b, ivar, 'present');
      await mark(a, jonna, 'absent');
      await mark(b, jonna, 'partial', 20);
      await mark(c, jonna, 'absent');
      await mark(dAfter, jonna, 'present');
      await mark(fBefore, kalle, 'present');
      await mark(e, kalle, 'present');
      await mark(a, lisa, 'present');
      await mark(b, lisa, 'partial', 19);
      await mark(h, maja, 'present');
      await mark(adapted, hanna, 'present');

      const response = await (await t.as('hrA')).get(`/api/insights/units/${unit.u7}/team?from=${from()}&to=${to()}`);
      expect(response.status).toBe(200);
      team = response.body;
    });

    it('lists per module the latest missed session unless any version of the module was attended, at any time and in any unit', () => {
      const catchUps = Object.fromEntries(team.staff.map((m) => [m.person.name, m.catchUps.map((c) => [c.date, c.title])]));
      expect(catchUps).toEqual({
        'Hanna Holm': [[d(-120), 'Y Läkemedelslistan']],
        'Ivar Isaksson': [[d(-110), 'X Hygienrutiner, version 2']],
        'Jonna Jansson': [],
        'Kalle Karlsson': [[d(-120), 'Y Läkemedelslistan']],
        'Lisa Lund': [[d(-120), 'Y Läkemedelslistan']],
        'Maja Mattsson': [
          [d(-140), 'W Videosamtal'],
          [d(-120), 'Y Läkemedelslistan'],
        ],
      });
    });

    it("counts a program step done at any time, through the module or the organisation's adaptation of it", () => {
      const steps = Object.fromEntries(team.staff.map((m) => [m.person.name, m.programs.map((p) => [p.title, p.stepsDone, p.stepsTotal])]));
      // Y: attended (half or more of B) by Ivar and Jonna; W: by Hanna through the adaptation at J, after the period.
      expect(steps).toEqual({
        'Hanna Holm': [['Digitala möten', 1, 2]],
        'Ivar Isaksson': [['Digitala möten', 1, 2]],
        'Jonna Jansson': [['Digitala möten', 1, 2]],
        'Kalle Karlsson': [['Digitala möten', 0, 2]],
        'Lisa Lund': [['Digitala möten', 0, 2]],
        'Maja Mattsson': [['Digitala möten', 0, 2]],
      });
    });

    it('counts invited and attended sessions in the period, and minutes of every held session marked in it', () => {
      // Invited: A, B, C (E cancelled, F and D outside the period); Maja also G. Attended: half the minutes or more.
      // Minutes: Hanna 30; Ivar 29 + 40; Jonna 20; Kalle 0 (E cancelled, F before); Lisa 60 + 19; Maja 60 at H.
      expect(team.staff.map((m) => [m.person.name, m.invited, m.attended, m.hours])).toEqual([
        ['Hanna Holm', 3, 1, 0.5],
        ['Ivar Isaksson', 3, 1, 1.15],
        ['Jonna Jansson', 3, 1, 0.33],
        ['Kalle Karlsson', 3, 0, 0],
        ['Lisa Lund', 3, 1, 1.32],
        ['Maja Mattsson', 4, 0, 1],
      ]);
    });
  });
});
