import { randomUUID } from 'node:crypto';
import { CheckKind, ParticipationBreakdown, TodayOverview } from '@kunna/contracts';
import { AnsweringRepository } from '../../api/src/checks';
import { Db } from '../../api/src/database/db';
import { FixturePersonKey } from '../../api/src/test-support/fixture';
import { createTestApp, sql, TestApp } from '../../api/src/test-support/test-app';

jest.setTimeout(90_000);

/**
 * The start page's read (`GET /api/today`) per role on the tenant fixture: each section appears for the roles that
 * own it, lists only what lies in the caller's scopes (U1 for unit roles, A1 for the area manager, organisation A
 * for HR and administrators), and aggregate figures pass the privacy gate (minimum group size 5 in organisation A).
 */
describe('GET /api/today', () => {
  let t: TestApp;
  const today = async (who: FixturePersonKey): Promise<TodayOverview> => {
    const response = await (await t.as(who)).get('/api/today');
    expect(response.status).toBe(200);
    return response.body as TodayOverview;
  };
  /** Session ids of the fixture that must never reach a caller of organisation A (B) or outside their units. */
  const ids = (overview: TodayOverview) => JSON.stringify(overview);

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers the date in Europe/Stockholm', async () => {
    const overview = await today('staffU1');
    expect(overview.date).toBe(new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' }));
  });

  it('gives staff their waiting check and their next sessions, and nothing of other roles or units', async () => {
    const overview = await today('staffU1');
    const f = t.fixture;
    expect(overview.mine.pendingChecks.map((check) => check.code)).toEqual([f.checks.codeU1]);
    expect(overview.mine.pendingChecks[0].kind).toBe(CheckKind.Before);
    // The U1 series' first date (in 7 days) is ahead whatever the hour; U2's and U4's sessions never appear.
    const [{ id: seriesFirst }] = await sql<{ id: string }>(t, `select id from sessions where series_id = $1 and series_position = 1`, [f.sessions.seriesU1]);
    expect(overview.mine.nextSessions.map((s) => s.id)).toContain(seriesFirst);
    expect(overview.mine.nextSessions.every((s) => s.unit.id === f.unitU1)).toBe(true);
    expect(overview.ambassador).toBeNull();
    expect(overview.manager).toBeNull();
    expect(overview.organisation).toBeNull();
    expect(overview.setup).toBeNull();
    expect(ids(overview)).not.toContain(f.sessions.sessionU2);
    expect(ids(overview)).not.toContain(f.checks.codeU2);
  });

  it('counts the own progress: attended sessions, hours and submitted answers', async () => {
    const f = t.fixture;
    const before = (await today('staffU2')).mine.progress;
    await sql(
      t,
      `insert into attendance_marks (id, organisation_id, session_id, person_id, status, recorded_at, recorded_by) values ($1, $2, $3, $4, 'present', now(), $5)`,
      [randomUUID(), f.orgA, f.sessions.sessionU2, f.people.staffU2.id, f.people.managerU2.id],
    );
    const after = (await today('staffU2')).mine.progress;
    expect(after.from).toBe(`${(await today('staffU2')).date.slice(0, 4)}-01-01`);
    expect(after.sessionsAttended).toBe(before.sessionsAttended + 1);
    expect(after.hours).toBeCloseTo(before.hours + 0.5, 2);
    expect(after.checksAnswered).toBe(before.checksAnswered);
    // An answer submitted this year counts; one finished before 1 January does not.
    await sql(
      t,
      `insert into check_response (id, organisation_id, round_id, person_id, status, form, via, finished_at) values ($1, $2, $3, $4, 'submitted', 'A', 'link', now())`,
      [randomUUID(), f.orgA, f.checks.roundU2, f.people.staffU2.id],
    );
    expect((await today('staffU2')).mine.progress.checksAnswered).toBe(before.checksAnswered + 1);
    await sql(t, `update check_response set finished_at = date_trunc('year', now()) - interval '1 day' where round_id = $1 and person_id = $2`, [
      f.checks.roundU2,
      f.people.staffU2.id,
    ]);
    expect((await today('staffU2')).mine.progress.checksAnswered).toBe(before.checksAnswered);
    // Another person's progress is untouched.
    expect((await today('staffU1')).mine.progress.sessionsAttended).toBe(0);
  });

  it("gives the ambassador today's sessions, open rounds, catch-ups and their own recent support in their unit only", async () => {
    const f = t.fixture;
    await sql(
      t,
      `insert into support_entries (organisation_id, unit_id, person_id, ambassador_id, date, minutes, topic, notes)
       values ($1, $2, $3, $4, (now() at time zone 'Europe/Stockholm')::date - 2, 20, 'Digital signering', 'hemligt'),
              ($1, $5, $6, $7, (now() at time zone 'Europe/Stockholm')::date - 1, 15, 'Någon annans stöd', null)`,
      [f.orgA, f.unitU1, f.people.staffU1.id, f.people.ambassadorU1.id, f.unitU2, f.people.managerU2.id, f.people.staffU2.id],
    );
    const overview = await today('ambassadorU1');
    const ambassador = overview.ambassador!;
    expect(ambassador.today.map((s) => s.id)).toEqual([f.sessions.sessionU1]);
    expect(ambassador.openRounds.map((round) => [round.roundId, round.code, round.unit.id])).toEqual([[f.checks.roundU1, f.checks.codeU1, f.unitU1]]);
    expect(ambassador.upcoming.length).toBeGreaterThan(0);
    expect(ambassador.upcoming.every((s) => s.unit.id === f.unitU1 && s.date > overview.date)).toBe(true);
    expect(ambassador.units).toEqual([{ unit: { id: f.unitU1, name: expect.any(String) }, catchUpPeople: 0, followUpsDue: 0 }]);
    expect(ambassador.recentSupport).toEqual([{ id: expect.any(String), date: expect.any(String), minutes: 20, topic: 'Digital signering' }]);
    expect(ids(overview)).not.toContain('hemligt');
    expect(ids(overview)).not.toContain('Någon annans stöd');
    expect(ids(overview)).not.toContain(f.sessions.sessionU2);
    expect(overview.manager).toBeNull();
    expect(overview.organisation).toBeNull();
  });

  it('lists what needs attention in the managed unit only, and the area manager sees the units of the area', async () => {
    const f = t.fixture;
    const manager = (await today('managerU1')).manager!;
    expect(manager.units.map((u) => u.unit.id)).toEqual([f.unitU1]);
    expect(manager.units[0]).toMatchObject({ areaId: f.areaA1, targetsBehind: 0, missedModule: 0, pairing: { percent: null, low: false, withheld: false } });
    const area = (await today('areaManagerA1')).manager!;
    expect(area.units.map((u) => u.unit.id).sort()).toEqual([f.unitU1, f.unitU2].sort());
    const otherOrganisation = (await today('managerU4')).manager!;
    expect(otherOrganisation.units.map((u) => u.unit.id)).toEqual([f.unitU4]);
    expect((await today('hrA')).manager).toBeNull();
  });

  it('counts a new employee without introduction in the unit', async () => {
    const f = t.fixture;
    const before = (await today('managerU1')).manager!.units[0].newWithoutIntroduction;
    const [{ id }] = await sql<{ id: string }>(
      t,
      `insert into person (organisation_id, employee_number, first_name, last_name, role_title, employment_type, start_date)
       values ($1, 'NY-1', 'Nyanställd', 'Person', 'undersköterska', 'permanent', (now() at time zone 'Europe/Stockholm')::date - 40) returning id`,
      [f.orgA],
    );
    await sql(
      t,
      `insert into unit_membership (organisation_id, person_id, unit_id, start_date) values ($1, $2, $3, (now() at time zone 'Europe/Stockholm')::date - 40)`,
      [f.orgA, id, f.unitU1],
    );
    expect((await today('managerU1')).manager!.units[0].newWithoutIntroduction).toBe(before + 1);
    // Not in U2's figures.
    const area = (await today('areaManagerA1')).manager!;
    expect(area.units.find((u) => u.unit.id === f.unitU2)!.newWithoutIntroduction).toBe(0);
  });

  it('withholds the pairing rate of a unit with fewer people than the minimum (privacy gate)', async () => {
    const f = t.fixture;
    const manager = await t.as('managerU1');
    expect((await manager.post(`/api/checks/assignments/${f.checks.assignmentU1}/rounds`, { kind: 'after' })).status).toBeLessThan(300);
    const unit = (await today('managerU1')).manager!.units[0];
    expect(unit.pairing).toEqual({ percent: null, low: false, withheld: true });
  });

  it('releases the pairing rate once the unit has enough people, flags it low, and withholds a change of one person', async () => {
    const f = t.fixture;
    const colleagues: string[] = [];
    for (const name of ['Eva', 'Filip']) {
      const [{ id }] = await sql<{ id: string }>(
        t,
        `insert into person (organisation_id, employee_number, first_name, last_name, role_title, employment_type, start_date)
         values ($1, $2, $3, 'Kollega', 'undersköterska', 'permanent', '2023-01-01') returning id`,
        [f.orgA, `U1-${name}`, name],
      );
      await sql(t, `insert into unit_membership (organisation_id, person_id, unit_id, start_date) values ($1, $2, $3, '2023-01-01')`, [f.orgA, id, f.unitU1]);
      colleagues.push(id);
    }
    const rounds = await sql<{ id: string; kind: string }>(t, `select id, kind from check_round where assignment_id = $1`, [f.checks.assignmentU1]);
    const answer = (kind: string, personId: string) =>
      sql(
        t,
        `insert into check_response (id, organisation_id, round_id, person_id, status, form, via, finished_at)
         values ($1, $2, $3, $4, 'submitted', 'A', 'link', now()) on conflict (round_id, person_id) do update set status = 'submitted', finished_at = now()`,
        [randomUUID(), f.orgA, rounds.find((round) => round.kind === kind)!.id, personId],
      );
    // Six in U1 (staffU1, ambassadorU1, managerU1, the new employee, Eva, Filip); two answer before and after.
    for (const personId of [f.people.staffU1.id, colleagues[0]]) {
      await answer('before', personId);
      await answer('after', personId);
    }
    const released = (await today('managerU1')).manager!.units[0].pairing;
    expect(released).toEqual({ percent: 33.3, low: true, withheld: false });
    // Read again: the same figure.
    expect((await today('areaManagerA1')).manager!.units.find((u) => u.unit.id === f.unitU1)!.pairing).toEqual(released);
    // One more pair would tell who answered since: withheld.
    await answer('before', colleagues[1]);
    await answer('after', colleagues[1]);
    expect((await today('managerU1')).manager!.units[0].pairing).toEqual({ percent: null, low: false, withheld: true });
  });

  it("gives HR the organisation's key figures of organisation A only, participation through the privacy gate", async () => {
    const f = t.fixture;
    const first = (await today('hrA')).organisation!;
    // Staff of A with a membership today: U1 (3, the new employee, Eva, Filip), U2 (2), U3 (1); never U4 of organisation B.
    expect(first.staff).toBe(9);
    expect(first.units).toBe(3);
    expect(first.activeAmbassadors).toBe(2);
    // Three participants (staffU2's mark above, staffU1's and managerU2's support) are below the minimum of 5: withheld.
    expect(first).toMatchObject({ participants: null, hours: null, participantPercent: null, withheld: true, latestImport: null });

    const colleagues: string[] = [];
    for (const name of ['Ada', 'Bo', 'Cia', 'Dan']) {
      const [{ id }] = await sql<{ id: string }>(
        t,
        `insert into person (organisation_id, employee_number, first_name, last_name, role_title, employment_type, start_date)
         values ($1, $2, $3, 'Kollega', 'undersköterska', 'permanent', '2023-01-01') returning id`,
        [f.orgA, `K-${name}`, name],
      );
      await sql(t, `insert into unit_membership (organisation_id, person_id, unit_id, start_date) values ($1, $2, $3, '2023-01-01')`, [f.orgA, id, f.unitU2]);
      colleagues.push(id);
    }
    for (const id of colleagues) {
      await sql(
        t,
        `insert into attendance_marks (id, organisation_id, session_id, person_id, status, recorded_at, recorded_by) values ($1, $2, $3, $4, 'present', now(), $5)`,
        [randomUUID(), f.orgA, f.sessions.sessionU2, id, f.people.managerU2.id],
      );
    }
    await sql(
      t,
      `insert into import_run (organisation_id, created_by, file_name, file_sha256, mode, counts) values ($1, $2, 'personal.csv', 'x', 'partial', '{}')`,
      [f.orgA, f.people.hrA.id],
    );
    const second = (await today('hrA')).organisation!;
    // Seven: five marked present (30 min each) and two who received support (20 + 15 min); 7 of 13 staff.
    expect(second).toMatchObject({ staff: 13, participants: 7, hours: 3.08, participantPercent: 53.8, withheld: false, heldSessions: 1 });
    expect(second.latestImport?.fileName).toBe('personal.csv');
    // Staff and participants as Insikt counts them: the same people.
    const insight = (await (await t.as('hrA')).get('/api/insights/participation')).body as ParticipationBreakdown;
    expect(insight.total.people).toBe(second.staff);

    // Someone who has left is neither staff nor a participant, whatever they attended.
    const [{ id: leaver }] = await sql<{ id: string }>(
      t,
      `insert into person (organisation_id, employee_number, first_name, last_name, role_title, employment_type, start_date, end_date)
       values ($1, 'SLUTAT-1', 'Slutat', 'Person', 'undersköterska', 'permanent', '2023-01-01', (now() at time zone 'Europe/Stockholm')::date - 1) returning id`,
      [f.orgA],
    );
    await sql(t, `insert into unit_membership (organisation_id, person_id, unit_id, start_date) values ($1, $2, $3, '2023-01-01')`, [f.orgA, leaver, f.unitU2]);
    await sql(
      t,
      `insert into attendance_marks (id, organisation_id, session_id, person_id, status, recorded_at, recorded_by) values ($1, $2, $3, $4, 'present', now(), $5)`,
      [randomUUID(), f.orgA, f.sessions.sessionU2, leaver, f.people.managerU2.id],
    );
    expect((await today('hrA')).organisation).toMatchObject({ staff: 13, participants: 7, hours: 3.08 });
    // Organisation B's administrator sees B's figures, not A's import.
    expect((await today('adminB')).organisation).toBeNull();
  });

  it('gives the administrator the setup checklist of the own organisation', async () => {
    const setup = (await today('adminA')).setup!;
    const byKey = Object.fromEntries(setup.items.map((item) => [item.key, item]));
    expect(Object.keys(byKey)).toEqual(['units', 'staff', 'ambassadors', 'module', 'instrument', 'sso']);
    expect(byKey['units']).toEqual({ key: 'units', done: true, count: 3 });
    expect(byKey['ambassadors']).toMatchObject({ done: true, count: 2 });
    expect(byKey['instrument']).toMatchObject({ done: true, count: 1 });
    expect(byKey['module'].done).toBe(true);
    expect(byKey['sso']).toEqual({ key: 'sso', done: false, count: null });
    expect((await today('adminA')).organisation).toBeNull();
    // B's administrator: B's one unit and one ambassador.
    const other = Object.fromEntries((await today('adminB')).setup!.items.map((item) => [item.key, item]));
    expect(other['units'].count).toBe(1);
    expect(other['ambassadors'].count).toBe(1);
  });

  it("lists a check round that opens today in Stockholm while the database's own date is another day", async () => {
    const f = t.fixture;
    const stockholm = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
    const hour = Number(new Date().toLocaleString('en-GB', { timeZone: 'Europe/Stockholm', hour: '2-digit', hour12: false }));
    // A zone whose date is not Stockholm's at this hour, as UTC's is not between midnight in Stockholm and 01:00/02:00:
    // Pago Pago (UTC−11) is still on yesterday before noon in Stockholm, Kiritimati (UTC+14) already on tomorrow after.
    const zone = hour < 12 ? 'Pacific/Pago_Pago' : 'Pacific/Kiritimati';
    const [{ id: assignmentId }] = await sql<{ id: string }>(
      t,
      `insert into check_assignment (id, organisation_id, unit_id, instrument_version_id, title) values (gen_random_uuid(), $1, $2, $3, 'Bara i dag') returning id`,
      [f.orgA, f.unitU1, f.checks.versionA],
    );
    await sql(
      t,
      `insert into check_round (organisation_id, assignment_id, kind, code, opens_on, closes_on) values ($1, $2, 'before', 'STHLMDAY', $3::date, $3::date)`,
      [f.orgA, assignmentId, stockholm],
    );
    try {
      const pending = await t.inTenant(async () => {
        const manager = t.app.get(Db).manager;
        await manager.query(`set local time zone '${zone}'`);
        const [{ databaseDate }] = await manager.query(`select current_date::text as "databaseDate"`);
        expect(databaseDate).not.toBe(stockholm);
        return t.app.get(AnsweringRepository).pendingRounds(f.people.staffU1.id);
      });
      expect(pending.map((check) => check.code)).toContain('STHLMDAY');
    } finally {
      await sql(t, `delete from check_round where assignment_id = $1`, [assignmentId]);
      await sql(t, `delete from check_assignment where id = $1`, [assignmentId]);
    }
  });

  it('gives the network coordinator only their own section', async () => {
    const overview = await today('coordinator');
    expect(overview).toMatchObject({ ambassador: null, manager: null, organisation: null, setup: null });
  });
});

describe('GET /api/today with single sign-on configured for organisation A', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The identity provider is not contacted until someone signs in through it.
    t = await createTestApp((fixture) => ({
      OIDC_ISSUER: 'http://127.0.0.1:9/issuer',
      OIDC_CLIENT_ID: 'kunna',
      OIDC_CLIENT_SECRET: 'secret',
      OIDC_ORGANISATION_ID: fixture.orgA,
    }));
  });
  afterAll(() => t.close());

  it("marks single sign-on done for A's administrator only", async () => {
    const sso = async (who: FixturePersonKey) =>
      ((await (await t.as(who)).get('/api/today')).body as TodayOverview).setup!.items.find((item) => item.key === 'sso');
    expect(await sso('adminA')).toEqual({ key: 'sso', done: true, count: null });
    expect(await sso('adminB')).toEqual({ key: 'sso', done: false, count: null });
  });
});
