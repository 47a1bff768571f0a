import { Client } from 'pg';
import { AmbassadorReach, AmbassadorWorkload, NetworkReach } from '@kunna/contracts';
import { createTestApp, SignedInClient, TestApp } from '../test-support/test-app';

/**
 * Reach, cascade and workload against hand-computed figures. Organisation A, after removing the fixture's own
 * sessions (their "today at 14:00" would count as delivered or planned depending on the hour the test runs):
 *
 * - T  2024-12-02, 120 min, ambassador training in U2, led by staffU2 and hrA: ambassadorU1 present, managerU1 partial 100.
 * - S1 2025-03-05,  30 min, network module in U1, led by ambassadorU1: staffU1 present, managerU1 partial 20 (at least
 *      half: attended), ambassadorU1 present (the leader: not counted).
 * - S2 2025-03-12,  60 min, module A in U1, led by ambassadorU1: staffU1 present, staffU2 absent, walk-in Anna present
 *      (no record: not counted), areaManagerA1 partial 20 (under half: not attended).
 * - S3 2025-03-19,  45 min, cancelled, led by ambassadorU1: staffU3 present (cancelled: nothing counts).
 * - P  today + 30 days, 40 min, planned, led by ambassadorU1.
 * - Support: ambassadorU1 logged 20 minutes on 2025-03-20.
 *
 * ambassadorU1: trained by hrA and staffU2; delivered 2 sessions, 1.5 h; colleagues staffU1 and managerU1 = 2;
 *   participant minutes 30 + 20 + 60 = 110 = 1.8 h; planned 1 session, 40 min = 0.7 h;
 *   network module: 1 session, 0.5 h, 2 colleagues; module A: 1 session, 1.0 h, 1 colleague.
 * staffU2 (ambassador in U2): delivered T, 2.0 h; colleagues ambassadorU1 and managerU1 = 2; trained by nobody.
 * Workload 2025-03: ambassadorU1 8 h/month from 2024: allocated 8, delivered 1.5, support 0.3, planned 0, remaining
 *   8 − 110/60 = 6.2; staffU2's appointment moved to start 2025-03-17: 8 × 15/31 = 3.9 allocated, nothing done.
 */
describe('ambassador reach, cascade and workload (integration)', () => {
  let t: TestApp;
  let hrA: SignedInClient;
  let plannedMonth: string;

  async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: t.db.url });
    await client.connect();
    try {
      return (await client.query(text, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    t = await createTestApp();
    hrA = await t.as('hrA');
    const f = t.fixture;
    const p = f.people;
    await sql(`delete from sessions where organisation_id = $1`, [f.orgA]);
    await sql(`update ambassador_appointment set start_date = '2025-03-17' where id = $1`, [f.library.appointmentU2]);
    const [{ version_a }] = await sql<{ version_a: string }>(
      `select id as version_a from library_module_version where module_id = $1 and status = 'published' order by version_number desc limit 1`,
      [f.library.moduleA.id],
    );
    const [{ version_n }] = await sql<{ version_n: string }>(
      `select id as version_n from library_module_version where module_id = $1 and status = 'published' order by version_number desc limit 1`,
      [f.library.networkModule.id],
    );
    const session = async (unitId: string, versionId: string, date: string, minutes: number, category: string, leaders: string[], cancelled = false) => {
      const [{ id }] = await sql<{ id: string }>(
        `insert into sessions (organisation_id, unit_id, module_version_id, date, start_time, duration_minutes, starts_at, ends_at, place,
                               activity_category, audience, status, cancelled_at, cancel_reason)
         values ($1, $2, $3, $4::date, '10:00', $5, timezone('Europe/Stockholm', $4::date + time '10:00'),
                 timezone('Europe/Stockholm', $4::date + time '10:00') + make_interval(mins => $5), 'Rummet', $6, 'unit_team',
                 $7, case when $7 = 'cancelled' then now() end, case when $7 = 'cancelled' then 'Sjukdom' end)
         returning id`,
        [f.orgA, unitId, versionId, date, minutes, category, cancelled ? 'cancelled' : 'scheduled'],
      );
      for (const leader of leaders) {
        await sql(`insert into session_facilitators (session_id, person_id, organisation_id) values ($1, $2, $3)`, [id, leader, f.orgA]);
      }
      return id;
    };
    let markNumber = 0;
    const mark = async (sessionId: string, who: { personId?: string; walkIn?: string }, status: string, minutes: number | null = null) => {
      markNumber++;
      const id = `00000000-0000-4000-8000-${String(markNumber).padStart(12, '0')}`;
      await sql(
        `insert into attendance_marks (id, organisation_id, session_id, person_id, walk_in_name, walk_in, status, minutes, recorded_at, recorded_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, now(), $9)`,
        [id, f.orgA, sessionId, who.personId ?? null, who.walkIn ?? null, who.walkIn !== undefined, status, minutes, p.ambassadorU1.id],
      );
    };

    const training = await session(f.unitU2, version_n, '2024-12-02', 120, 'ambassador_training', [p.staffU2.id, p.hrA.id]);
    await mark(training, { personId: p.ambassadorU1.id }, 'present');
    await mark(training, { personId: p.managerU1.id }, 'partial', 100);
    const s1 = await session(f.unitU1, version_n, '2025-03-05', 30, 'workplace_learning', [p.ambassadorU1.id]);
    await mark(s1, { personId: p.staffU1.id }, 'present');
    await mark(s1, { personId: p.managerU1.id }, 'partial', 20);
    await mark(s1, { personId: p.ambassadorU1.id }, 'present');
    const s2 = await session(f.unitU1, version_a, '2025-03-12', 60, 'workplace_learning', [p.ambassadorU1.id]);
    await mark(s2, { personId: p.staffU1.id }, 'present');
    await mark(s2, { personId: p.staffU2.id }, 'absent');
    await mark(s2, { walkIn: 'Anna Vikarie' }, 'present');
    await mark(s2, { personId: p.areaManagerA1.id }, 'partial', 20);
    const s3 = await session(f.unitU1, version_n, '2025-03-19', 45, 'workplace_learning', [p.ambassadorU1.id], true);
    await mark(s3, { personId: p.staffU3.id }, 'present');
    const [{ planned_day, planned_month }] = await sql<{ planned_day: string; planned_month: string }>(
      `select (current_date + 30)::text as planned_day, to_char(current_date + 30, 'YYYY-MM') as planned_month`,
    );
    plannedMonth = planned_month;
    await session(f.unitU1, version_n, planned_day, 40, 'workplace_learning', [p.ambassadorU1.id]);
    await sql(
      `insert into support_entries (organisation_id, unit_id, person_id, ambassador_id, date, minutes, topic)
       values ($1, $2, $3, $4, '2025-03-20', 20, 'BankID på telefonen')`,
      [f.orgA, f.unitU1, p.staffU1.id, p.ambassadorU1.id],
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  const name = (key: string) => `${key} Testsson`;

  it('computes each ambassador’s reach and who trained them', async () => {
    const response = await hrA.get('/api/ambassadors/reach');
    expect(response.status).toBe(200);
    const reach = response.body as AmbassadorReach[];
    const byName = new Map(reach.map((entry) => [entry.person.name, entry]));
    expect([...byName.keys()].sort()).toEqual([name('ambassadorU1'), name('staffU2')]);
    const f = t.fixture;
    expect(byName.get(name('ambassadorU1'))).toEqual({
      person: { id: f.people.ambassadorU1.id, name: name('ambassadorU1') },
      units: [{ id: f.unitU1, name: expect.any(String) }],
      trainedBy: [
        { id: f.people.hrA.id, name: name('hrA') },
        { id: f.people.staffU2.id, name: name('staffU2') },
      ],
      sessionsDelivered: 2,
      hoursDelivered: 1.5,
      colleaguesReached: 2,
      participantHours: 1.8,
      sessionsPlanned: 1,
      hoursPlanned: 0.7,
      perModule: [
        { module: { id: f.library.networkModule.id, title: expect.any(String) }, sessionsDelivered: 1, hoursDelivered: 0.5, colleaguesReached: 2 },
        { module: { id: f.library.moduleA.id, title: expect.any(String) }, sessionsDelivered: 1, hoursDelivered: 1, colleaguesReached: 1 },
      ],
    });
    expect(byName.get(name('staffU2'))).toMatchObject({
      trainedBy: [],
      sessionsDelivered: 1,
      hoursDelivered: 2,
      colleaguesReached: 2,
      participantHours: 3.7,
      sessionsPlanned: 0,
    });
  });

  it('narrows to the caller’s units: a unit manager sees U1’s ambassador, another organisation none of these', async () => {
    const manager = (await (await t.as('managerU1')).get('/api/ambassadors/reach')).body as AmbassadorReach[];
    expect(manager.map((entry) => entry.person.name)).toEqual([name('ambassadorU1')]);
    const other = (await (await t.as('adminB')).get('/api/ambassadors/reach')).body as AmbassadorReach[];
    expect(other.map((entry) => entry.person.name)).toEqual([name('staffU4')]);
    // The fixture's sessions in U4 have no attendance: nobody reached, whatever the hour.
    expect(other[0]).toMatchObject({ colleaguesReached: 0, participantHours: 0, trainedBy: [] });
    expect((await (await t.as('managerU1')).get(`/api/ambassadors/reach?unitId=${t.fixture.unitU4}`)).status).toBe(404);
    expect((await (await t.as('staffU1')).get('/api/ambassadors/reach')).status).toBe(403);
  });

  it('sets delivered, support and planned hours against the allocation, month by month', async () => {
    const march = (await hrA.get('/api/ambassadors/workload?month=2025-03')).body as AmbassadorWorkload[];
    const byName = new Map(march.map((entry) => [entry.person.name, entry]));
    expect(byName.get(name('ambassadorU1'))).toMatchObject({
      month: '2025-03',
      allocationKind: 'hours_per_month',
      allocationValue: 8,
      allocatedHours: 8,
      deliveredHours: 1.5,
      supportHours: 0.3,
      plannedHours: 0,
      remainingHours: 6.2,
    });
    expect(byName.get(name('staffU2'))).toMatchObject({ allocatedHours: 3.9, deliveredHours: 0, plannedHours: 0, remainingHours: 3.9 });

    const ahead = (await hrA.get(`/api/ambassadors/workload?month=${plannedMonth}`)).body as AmbassadorWorkload[];
    expect(ahead.find((entry) => entry.person.name === name('ambassadorU1'))).toMatchObject({ deliveredHours: 0, plannedHours: 0.7, remainingHours: 7.3 });

    // Before staffU2's appointment began, only ambassadorU1 has one.
    const february = (await hrA.get('/api/ambassadors/workload?month=2025-02')).body as AmbassadorWorkload[];
    expect(february.map((entry) => entry.person.name)).toEqual([name('ambassadorU1')]);
    const bad = await hrA.get('/api/ambassadors/workload?month=2025-13');
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('month');
  });

  /**
   * The coordinator's cascade per organisation. A, from the sessions above (the ambassadors are ambassadorU1 and staffU2):
   * delivered T, S1 and S2 (S3 cancelled, P planned) = 3 sessions, 120 + 30 + 60 = 210 min = 3.5 h, modules: network
   * module (T, S1) and module A (S2) = 2; reached without leading: T ambassadorU1 120 and managerU1 100, S1 staffU1 30
   * and managerU1 20 (ambassadorU1 led it), S2 staffU1 60 = 3 people, 330 min = 5.5 h; trained: ambassadorU1 (by staffU2
   * and hrA) = 1 ambassador, 2 trainers; planned P = 1, 40 min = 0.7 h.
   * B, with its fixture sessions replaced by one: U4, 2025-04-01, 30 min, led by staffU4, managerU4 present and staffU4
   * present (the leader: not counted) = 1 session, 0.5 h, 1 module, 1 person, 0.5 h.
   */
  it('gives the network coordinator the cascade per organisation as counts, no names', async () => {
    const f = t.fixture;
    await sql(`delete from sessions where organisation_id = $1`, [f.orgB]);
    const [{ version_n }] = await sql<{ version_n: string }>(
      `select id as version_n from library_module_version where module_id = $1 and status = 'published' order by version_number desc limit 1`,
      [f.library.networkModule.id],
    );
    const [{ id }] = await sql<{ id: string }>(
      `insert into sessions (organisation_id, unit_id, module_version_id, date, start_time, duration_minutes, starts_at, ends_at, place,
                             activity_category, audience, status)
       values ($1, $2, $3, '2025-04-01', '10:00', 30, timezone('Europe/Stockholm', '2025-04-01 10:00'::timestamp),
               timezone('Europe/Stockholm', '2025-04-01 10:30'::timestamp), 'Rummet', 'workplace_learning', 'unit_team', 'scheduled')
       returning id`,
      [f.orgB, f.unitU4, version_n],
    );
    await sql(`insert into session_facilitators (session_id, person_id, organisation_id) values ($1, $2, $3)`, [id, f.people.staffU4.id, f.orgB]);
    for (const [n, personId] of [
      [101, f.people.managerU4.id],
      [102, f.people.staffU4.id],
    ] as const) {
      await sql(
        `insert into attendance_marks (id, organisation_id, session_id, person_id, walk_in, status, recorded_at, recorded_by)
         values ($1, $2, $3, $4, false, 'present', now(), $5)`,
        [`00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, f.orgB, id, personId, f.people.staffU4.id],
      );
    }

    const response = await (await t.as('coordinator')).get('/api/ambassadors/network-reach');
    expect(response.status).toBe(200);
    expect(response.body as NetworkReach[]).toEqual([
      {
        organisationId: f.orgA,
        organisationName: 'Kommun A',
        ambassadors: 2,
        trainedAmbassadors: 1,
        trainers: 2,
        sessionsDelivered: 3,
        hoursDelivered: 3.5,
        modulesDelivered: 2,
        colleaguesReached: 3,
        participantHours: 5.5,
        sessionsPlanned: 1,
        hoursPlanned: 0.7,
      },
      {
        organisationId: f.orgB,
        organisationName: 'Kommun B',
        ambassadors: 1,
        trainedAmbassadors: 0,
        trainers: 0,
        sessionsDelivered: 1,
        hoursDelivered: 0.5,
        modulesDelivered: 1,
        colleaguesReached: 1,
        participantHours: 0.5,
        sessionsPlanned: 0,
        hoursPlanned: 0,
      },
    ]);
    expect(JSON.stringify(response.body)).not.toContain('Testsson');
    // Nobody but a coordinator: HR of A sees their own organisation's reach per ambassador instead.
    expect((await hrA.get('/api/ambassadors/network-reach')).status).toBe(403);
  });
});
