import { randomUUID } from 'node:crypto';
import {
  CatchUpOverview,
  ConflictKind,
  ParticipationReport,
  SessionAttendance,
  SessionConflict,
  SessionDetail,
  SessionSeries,
  SupportEntry,
} from '@kunna/contracts';
import { createTestApp, SignedInClient, TestApp, sql } from '../test-support/test-app';
import { addDays } from '../database/local-day';
import { withoutMessageCodes } from '../test-support/without-message-codes';

/**
 * Sessions against real PostgreSQL, on the tenant fixture (U1's team: staffU1, ambassadorU1, managerU1; ambassadorU1
 * appointed for U1 and qualified for the network module; staffU2 appointed for U2). Each test works on its own dates
 * or places so that they do not see each other's sessions.
 */
describe('sessions (integration)', () => {
  let t: TestApp;
  let ambassador: SignedInClient;
  let manager: SignedInClient;
  let today: string;

  /** A published module of organisation A (version 1), for programs and series. */
  const module = async (title: string, repeatIntervalWeeks: number | null = null): Promise<string> => {
    const [{ id }] = await sql<{ id: string }>(
      t,
      `insert into library_module (network_id, organisation_id, ownership) values ($1, $2, 'organisation') returning id`,
      [t.fixture.networkId, t.fixture.orgA],
    );
    await sql(
      t,
      `insert into library_module_version (module_id, network_id, organisation_id, version_number, status, title, summary, format,
                                           duration_minutes, repeat_interval_weeks, published_at)
       values ($1, $2, $3, 1, 'published', $4, 'Kort', 'workplace_session', 30, $5, now())`,
      [id, t.fixture.networkId, t.fixture.orgA, title, repeatIntervalWeeks],
    );
    return id;
  };
  /** Qualifies ambassadorU1 (explicitly, from 2024) for a module, so that leading it needs no reason. */
  const qualifyAmbassador = async (moduleId: string): Promise<void> => {
    await sql(
      t,
      `insert into ambassador_qualification (organisation_id, person_id, module_id, source, valid_from) values ($1, $2, $3, 'explicit', '2024-01-01')`,
      [t.fixture.orgA, t.fixture.people.ambassadorU1.id, moduleId],
    );
  };
  const program = async (title: string, kind: string, moduleIds: string[], qualifies: string[] = []): Promise<string> => {
    const [{ id }] = await sql<{ id: string }>(
      t,
      `insert into library_program (network_id, organisation_id, ownership, title, kind) values ($1, $2, 'organisation', $3, $4) returning id`,
      [t.fixture.networkId, t.fixture.orgA, title, kind],
    );
    for (const [index, moduleId] of moduleIds.entries()) {
      await sql(t, `insert into library_program_step (program_id, position, organisation_id, module_id) values ($1, $2, $3, $4)`, [
        id,
        index + 1,
        t.fixture.orgA,
        moduleId,
      ]);
    }
    for (const moduleId of qualifies) {
      await sql(t, `insert into library_program_qualification (program_id, module_id, organisation_id) values ($1, $2, $3)`, [id, moduleId, t.fixture.orgA]);
    }
    return id;
  };
  const session = async (fields: Record<string, unknown>): Promise<SessionDetail> => {
    const response = await ambassador.post('/api/sessions', {
      unitId: t.fixture.unitU1,
      moduleId: t.fixture.library.networkModule.id,
      date: today,
      startTime: '09:00',
      durationMinutes: 40,
      place: `Rum ${randomUUID().slice(0, 8)}`,
      facilitatorIds: [t.fixture.people.ambassadorU1.id],
      activityCategory: 'workplace_learning',
      audience: 'unit_team',
      ...fields,
    });
    expect(response.status).toBe(201);
    return response.body as SessionDetail;
  };
  const mark = (sessionId: string, marks: Array<Record<string, unknown>>) =>
    ambassador.post(`/api/sessions/${sessionId}/attendance`, {
      marks: marks.map((m) => ({ id: randomUUID(), recordedAt: new Date().toISOString(), ...m })),
    });

  beforeAll(async () => {
    t = await createTestApp();
    ambassador = await t.as('ambassadorU1');
    manager = await t.as('managerU1');
    [{ today }] = await sql<{ today: string }>(t, `select ((now() at time zone 'Europe/Stockholm')::date)::text as today`);
  }, 60000);
  afterAll(async () => {
    await t?.close();
  });

  describe('scheduling one session', () => {
    it('keeps the module version it was created with, after the module gets a new version', async () => {
      const moduleId = await module('Digital signering');
      await qualifyAmbassador(moduleId);
      const created = await session({ moduleId });
      expect(created).toMatchObject({ module: { id: moduleId, title: 'Digital signering' }, moduleVersionNumber: 1, invitedCount: 3 });
      await sql(
        t,
        `insert into library_module_version (module_id, network_id, organisation_id, version_number, status, title, summary, format, duration_minutes, published_at)
         values ($1, $2, $3, 2, 'published', 'Digital signering 2', 'Kort', 'workplace_session', 30, now())`,
        [moduleId, t.fixture.networkId, t.fixture.orgA],
      );
      const again = (await ambassador.get(`/api/sessions/${created.id}`)).body as SessionDetail;
      expect(again).toMatchObject({ moduleVersionId: created.moduleVersionId, moduleVersionNumber: 1, title: 'Digital signering' });
      expect((await session({ moduleId })).moduleVersionNumber).toBe(2);
    });

    it('returns the same session for a retry with the same client id', async () => {
      const id = randomUUID();
      const first = await session({ id });
      const second = await session({ id });
      expect(second.id).toBe(first.id);
      expect(first.id).toBe(id);
      const [{ count }] = await sql<{ count: number }>(t, `select count(*)::int as count from sessions where id = $1`, [id]);
      expect(count).toBe(1);
    });

    it('names the field of a mistake', async () => {
      const bad = await ambassador.post('/api/sessions', {
        unitId: t.fixture.unitU1,
        moduleId: t.fixture.library.moduleB.id,
        date: today,
        startTime: '25:00',
        durationMinutes: 40,
        place: 'Här',
        facilitatorIds: [t.fixture.people.ambassadorU1.id],
        activityCategory: 'workplace_learning',
        audience: 'unit_team',
      });
      expect(bad.status).toBe(400);
      expect(withoutMessageCodes(bad.body.details)).toEqual([expect.objectContaining({ field: 'startTime' })]);
      // Organisation B's module does not exist for A.
      const otherModule = await ambassador.post('/api/sessions', {
        unitId: t.fixture.unitU1,
        moduleId: t.fixture.library.moduleB.id,
        date: today,
        startTime: '10:00',
        durationMinutes: 40,
        place: 'Här',
        facilitatorIds: [t.fixture.people.staffU4.id],
        activityCategory: 'workplace_learning',
        audience: 'selection',
        invitedPersonIds: [],
      });
      expect(otherModule.status).toBe(400);
      expect(withoutMessageCodes(otherModule.body.details)).toEqual([expect.objectContaining({ field: 'moduleId' })]);
    });
  });

  describe('series', () => {
    it('creates every other week, five times, following a program: date n delivers step n', async () => {
      const modules: string[] = [];
      for (let i = 1; i <= 5; i++) modules.push(await module(`Steg ${i}`));
      for (const moduleId of modules) await qualifyAmbassador(moduleId);
      const programId = await program('Fem teman', 'themed_series', modules);
      const id = randomUUID();
      const body = {
        id,
        unitId: t.fixture.unitU1,
        programId,
        firstDate: addDays(today, 1),
        startTime: '14:00',
        intervalWeeks: 2,
        count: 5,
        durationMinutes: 30,
        place: 'APT-rummet',
        facilitatorIds: [t.fixture.people.ambassadorU1.id],
        activityCategory: 'workplace_learning',
        audience: 'unit_team',
      };
      const response = await ambassador.post('/api/session-series', body);
      expect(response.status).toBe(201);
      const series = response.body as SessionSeries;
      expect(series.sessions.map((s) => [s.seriesPosition, s.date, s.startTime, s.module.id])).toEqual(
        [0, 14, 28, 42, 56].map((days, index) => [index + 1, addDays(today, 1 + days), '14:00', modules[index]]),
      );
      expect(series.sessions.every((s) => s.programId === programId)).toBe(true);

      // A retry creates nothing more.
      expect(((await ambassador.post('/api/session-series', body)).body as SessionSeries).id).toBe(id);
      const [{ count }] = await sql<{ count: number }>(t, `select count(*)::int as count from sessions where series_id = $1`, [id]);
      expect(count).toBe(5);

      // More dates than the program has steps.
      const tooMany = await ambassador.post('/api/session-series', { ...body, id: undefined, count: 6 });
      expect(tooMany.status).toBe(400);
      expect(withoutMessageCodes(tooMany.body.details)).toEqual([expect.objectContaining({ field: 'count' })]);

      // Move only the third a week later.
      const moved = await ambassador.patch(`/api/session-series/${id}`, { position: 3, scope: 'one', shiftDays: 7 });
      expect(moved.status).toBe(200);
      expect((moved.body as SessionSeries).sessions.map((s) => s.date)).toEqual([0, 14, 35, 42, 56].map((days) => addDays(today, 1 + days)));

      // Cancel the fourth and the rest; a reason is needed.
      const noReason = await ambassador.patch(`/api/session-series/${id}`, { position: 4, scope: 'following', cancelled: true });
      expect(noReason.status).toBe(400);
      expect(withoutMessageCodes(noReason.body.details)).toEqual([expect.objectContaining({ field: 'cancelReason' })]);
      const cancelled = await ambassador.patch(`/api/session-series/${id}`, {
        position: 4,
        scope: 'following',
        cancelled: true,
        cancelReason: 'Omorganisation',
      });
      expect((cancelled.body as SessionSeries).sessions.map((s) => [s.seriesPosition, s.status])).toEqual([
        [1, 'scheduled'],
        [2, 'scheduled'],
        [3, 'scheduled'],
        [4, 'cancelled'],
        [5, 'cancelled'],
      ]);
      // Cancelled sessions leave the default list but stay for calendars, with a new revision.
      const listed = (await ambassador.get(`/api/sessions?unitId=${t.fixture.unitU1}&from=${addDays(today, 40)}&to=${addDays(today, 60)}`))
        .body as SessionDetail[];
      expect(listed.filter((s) => s.seriesId === id)).toEqual([]);
      const [revisions] = await sql<{ revisions: number[] }>(
        t,
        `select array_agg(revision order by series_position) as revisions from sessions where series_id = $1`,
        [id],
      );
      expect(revisions.revisions).toEqual([0, 0, 1, 1, 1]);
    });

    it('repeats each date for day, evening and night staff; cancelling a date cancels all its shifts', async () => {
      const response = await ambassador.post('/api/session-series', {
        unitId: t.fixture.unitU1,
        moduleId: t.fixture.library.networkModule.id,
        firstDate: addDays(today, 100),
        startTime: '14:00',
        intervalWeeks: 1,
        count: 2,
        durationMinutes: 20,
        place: 'Skiftrummet',
        facilitatorIds: [t.fixture.people.ambassadorU1.id],
        activityCategory: 'workplace_learning',
        audience: 'unit_team',
        variants: [
          { startTime: '07:30', shift: 'day' },
          { startTime: '15:30', shift: 'evening' },
          { startTime: '21:45', shift: 'night' },
          { startTime: '10:00', shift: 'weekend', dayOffset: 5 },
        ],
      });
      expect(response.status).toBe(201);
      const series = response.body as SessionSeries;
      expect(series.sessions.map((s) => [s.seriesPosition, s.date, s.startTime, s.shift])).toEqual([
        [1, addDays(today, 100), '07:30', 'day'],
        [1, addDays(today, 100), '15:30', 'evening'],
        [1, addDays(today, 100), '21:45', 'night'],
        [1, addDays(today, 105), '10:00', 'weekend'],
        [2, addDays(today, 107), '07:30', 'day'],
        [2, addDays(today, 107), '15:30', 'evening'],
        [2, addDays(today, 107), '21:45', 'night'],
        [2, addDays(today, 112), '10:00', 'weekend'],
      ]);
      const cancelled = await ambassador.patch(`/api/session-series/${series.id}`, { position: 1, scope: 'one', cancelled: true, cancelReason: 'Influensa' });
      expect((cancelled.body as SessionSeries).sessions.map((s) => s.status)).toEqual([
        'cancelled',
        'cancelled',
        'cancelled',
        'cancelled',
        'scheduled',
        'scheduled',
        'scheduled',
        'scheduled',
      ]);
    });

    it('does not move a session that already has attendance', async () => {
      const response = await ambassador.post('/api/session-series', {
        unitId: t.fixture.unitU1,
        moduleId: t.fixture.library.networkModule.id,
        firstDate: today,
        startTime: '06:00',
        intervalWeeks: 1,
        count: 2,
        durationMinutes: 20,
        place: 'Tidigt',
        facilitatorIds: [t.fixture.people.ambassadorU1.id],
        activityCategory: 'workplace_learning',
        audience: 'unit_team',
      });
      const series = response.body as SessionSeries;
      await mark(series.sessions[0].id, [{ personId: t.fixture.people.staffU1.id, status: 'present' }]);
      const move = await ambassador.patch(`/api/session-series/${series.id}`, { position: 1, scope: 'following', shiftDays: 1 });
      expect(move.status).toBe(409);
      expect(move.body.code).toBe('has_attendance');
      expect((await ambassador.patch(`/api/session-series/${series.id}`, { position: 2, scope: 'following', shiftDays: 1 })).status).toBe(200);
    });
  });

  describe('conflicts', () => {
    const check = async (fields: Record<string, unknown>): Promise<SessionConflict[]> => {
      const response = await ambassador.post('/api/session-conflicts', {
        unitId: t.fixture.unitU1,
        date: addDays(today, 200),
        startTime: '10:30',
        durationMinutes: 30,
        place: 'matsalen ',
        facilitatorIds: [t.fixture.people.ambassadorU1.id],
        ...fields,
      });
      expect(response.status).toBe(200);
      return response.body as SessionConflict[];
    };

    it('shows a facilitator or place booked at an overlapping time, never a session that only touches it', async () => {
      const booked = await session({ date: addDays(today, 200), startTime: '10:00', durationMinutes: 60, place: 'Matsalen' });
      expect((await check({})).map((c) => [c.kind, c.otherSession?.id])).toEqual([
        [ConflictKind.FacilitatorDoubleBooked, booked.id],
        [ConflictKind.PlaceDoubleBooked, booked.id],
      ]);
      // Starting when the other ends is not a conflict.
      expect(await check({ startTime: '11:00' })).toEqual([]);
      // The session itself is not its own conflict.
      expect(await check({ sessionId: booked.id })).toEqual([]);
      expect((await ambassador.get(`/api/sessions/${booked.id}`)).body.conflicts).toEqual([]);
    });

    it('shows an ambassador outside their appointment and warns about a facilitator not qualified for the module', async () => {
      // staffU2 is ambassador for U2 only; ambassadorU1 is qualified for the network module only.
      const conflicts = await check({
        date: addDays(today, 201),
        place: 'Biblioteket',
        facilitatorIds: [t.fixture.people.staffU2.id, t.fixture.people.ambassadorU1.id],
        moduleId: t.fixture.library.moduleA.id,
        activityCategory: 'workplace_learning',
      });
      expect(conflicts.map((c) => [c.kind, c.person?.id]).sort()).toEqual(
        [
          [ConflictKind.FacilitatorNotQualified, t.fixture.people.ambassadorU1.id],
          [ConflictKind.FacilitatorNotQualified, t.fixture.people.staffU2.id],
          [ConflictKind.OutsideAppointment, t.fixture.people.staffU2.id],
        ].sort(),
      );
      // Qualified for the network module: no warning for ambassadorU1. A manager (no appointment at all) is not flagged.
      const network = await check({
        date: addDays(today, 201),
        place: 'Biblioteket',
        facilitatorIds: [t.fixture.people.ambassadorU1.id],
        moduleId: t.fixture.library.networkModule.id,
        activityCategory: 'workplace_learning',
      });
      expect(network).toEqual([]);
      const managed = await check({
        date: addDays(today, 201),
        place: 'Biblioteket',
        facilitatorIds: [t.fixture.people.managerU1.id],
        moduleId: t.fixture.library.moduleA.id,
        activityCategory: 'management_project',
      });
      expect(managed).toEqual([]);
    });
  });

  describe('facilitator without qualification: a recorded reason', () => {
    // ambassadorU1 is qualified for the network module only (staffU2 too); managerU1 and staffU1 for nothing.
    const reasonOf = async (sessionId: string): Promise<string | null> =>
      (await sql<{ facilitator_reason: string | null }>(t, `select facilitator_reason from sessions where id = $1`, [sessionId]))[0].facilitator_reason;
    const base = (fields: Record<string, unknown>) => ({
      unitId: t.fixture.unitU1,
      moduleId: t.fixture.library.moduleA.id,
      date: addDays(today, 230),
      startTime: '09:00',
      durationMinutes: 40,
      place: `Rum ${randomUUID().slice(0, 8)}`,
      facilitatorIds: [t.fixture.people.ambassadorU1.id],
      activityCategory: 'workplace_learning',
      audience: 'unit_team',
      ...fields,
    });

    it('refuses a session led by someone not qualified without a reason, naming facilitatorReason, and stores one given', async () => {
      const missing = await ambassador.post('/api/sessions', base({}));
      expect(missing.status).toBe(400);
      expect(withoutMessageCodes(missing.body.details)).toEqual([{ field: 'facilitatorReason', message: expect.stringContaining('ingen behörighet') }]);
      const blank = await ambassador.post('/api/sessions', base({ facilitatorReason: '   ' }));
      expect(blank.status).toBe(400);
      expect(withoutMessageCodes(blank.body.details)).toEqual([expect.objectContaining({ field: 'facilitatorReason' })]);
      const tooLong = await ambassador.post('/api/sessions', base({ facilitatorReason: 'x'.repeat(1001) }));
      expect(tooLong.status).toBe(400);
      expect(withoutMessageCodes(tooLong.body.details)).toEqual([expect.objectContaining({ field: 'facilitatorReason' })]);
      expect((await sql(t, `select 1 from sessions where date = $1 and unit_id = $2`, [addDays(today, 230), t.fixture.unitU1])).length).toBe(0);

      const saved = await ambassador.post('/api/sessions', base({ facilitatorReason: '  Går ombudsutbildningen, Leyla handleder.  ' }));
      expect(saved.status).toBe(201);
      const detail = saved.body as SessionDetail;
      expect(detail.facilitatorReason).toBe('Går ombudsutbildningen, Leyla handleder.');
      expect(detail.note).toBeNull();
      expect(detail.conflicts.map((c) => [c.kind, c.person?.id])).toEqual([[ConflictKind.FacilitatorNotQualified, t.fixture.people.ambassadorU1.id]]);
      expect(await reasonOf(detail.id)).toBe('Går ombudsutbildningen, Leyla handleder.');
      // The manager of the unit sees it on the session.
      expect(((await manager.get(`/api/sessions/${detail.id}`)).body as SessionDetail).facilitatorReason).toBe('Går ombudsutbildningen, Leyla handleder.');
      const [audit] = await sql<{ details: Record<string, unknown> }>(t, `select details from audit_log where action = 'session.created' and target_id = $1`, [
        detail.id,
      ]);
      expect(audit.details).toMatchObject({ facilitatorReason: 'Går ombudsutbildningen, Leyla handleder.' });
    });

    it('needs no reason when every facilitator is qualified, or when the category does not teach the module, and keeps none', async () => {
      const qualified = await ambassador.post('/api/sessions', base({ moduleId: t.fixture.library.networkModule.id, date: addDays(today, 231) }));
      expect(qualified.status).toBe(201);
      expect((qualified.body as SessionDetail).facilitatorReason).toBeNull();
      // A reason given anyway is not kept: there is no exception to explain.
      const needless = await ambassador.post(
        '/api/sessions',
        base({ moduleId: t.fixture.library.networkModule.id, date: addDays(today, 231), startTime: '13:00', facilitatorReason: 'Onödigt' }),
      );
      expect(needless.status).toBe(201);
      expect(await reasonOf((needless.body as SessionDetail).id)).toBeNull();
      // A management project is not teaching the module: qualification is not asked for.
      const project = await ambassador.post('/api/sessions', base({ date: addDays(today, 231), startTime: '15:00', activityCategory: 'management_project' }));
      expect(project.status).toBe(201);
      expect((project.body as SessionDetail).facilitatorReason).toBeNull();
    });

    it('asks for a reason when an update brings in someone not qualified, keeps it through other changes and clears it when all are qualified', async () => {
      const created = await ambassador.post('/api/sessions', base({ moduleId: t.fixture.library.networkModule.id, date: addDays(today, 232) }));
      expect(created.status).toBe(201);
      const id = (created.body as SessionDetail).id;

      const noReason = await ambassador.patch(`/api/sessions/${id}`, { facilitatorIds: [t.fixture.people.managerU1.id] });
      expect(noReason.status).toBe(400);
      expect(withoutMessageCodes(noReason.body.details)).toEqual([{ field: 'facilitatorReason', message: expect.stringContaining('ingen behörighet') }]);
      expect((await sql<{ person_id: string }>(t, `select person_id from session_facilitators where session_id = $1`, [id])).map((r) => r.person_id)).toEqual([
        t.fixture.people.ambassadorU1.id,
      ]);

      const withReason = await ambassador.patch(`/api/sessions/${id}`, {
        facilitatorIds: [t.fixture.people.managerU1.id],
        facilitatorReason: 'Chefen tar det i år.',
      });
      expect(withReason.status).toBe(200);
      expect((withReason.body as SessionDetail).facilitatorReason).toBe('Chefen tar det i år.');

      // Other changes (place, moving the same facilitators needs nothing new when the reason covers them) keep it.
      const moved = await ambassador.patch(`/api/sessions/${id}`, { place: 'Nytt rum', date: addDays(today, 233) });
      expect(moved.status).toBe(200);
      expect(await reasonOf(id)).toBe('Chefen tar det i år.');

      // Someone else not qualified is not covered by that reason.
      const another = await ambassador.patch(`/api/sessions/${id}`, { facilitatorIds: [t.fixture.people.managerU1.id, t.fixture.people.staffU1.id] });
      expect(another.status).toBe(400);
      expect(withoutMessageCodes(another.body.details)).toEqual([expect.objectContaining({ field: 'facilitatorReason' })]);

      // Back to the qualified ambassador: the reason goes.
      const back = await ambassador.patch(`/api/sessions/${id}`, { facilitatorIds: [t.fixture.people.ambassadorU1.id] });
      expect(back.status).toBe(200);
      expect((back.body as SessionDetail).facilitatorReason).toBeNull();
      expect(await reasonOf(id)).toBeNull();
    });

    it('checks each occurrence of a series on its own module and date, and a series change that brings in someone not qualified', async () => {
      const programId = await program('Blandat', 'themed_series', [t.fixture.library.networkModule.id, t.fixture.library.moduleA.id]);
      const { moduleId: _moduleId, date: _date, ...fields } = base({ place: 'Serierummet' });
      const body = { ...fields, programId, firstDate: addDays(today, 240), intervalWeeks: 1, count: 2 };
      const missing = await ambassador.post('/api/session-series', body);
      expect(missing.status).toBe(400);
      expect(withoutMessageCodes(missing.body.details)).toEqual([expect.objectContaining({ field: 'facilitatorReason' })]);

      const created = await ambassador.post('/api/session-series', { ...body, facilitatorReason: 'Steg 2 hålls av ombudet under handledning.' });
      expect(created.status).toBe(201);
      const series = created.body as SessionSeries;
      const [first, second] = series.sessions;
      // Step 1 (the network module) needs no reason; step 2 (module A) keeps it.
      expect(await reasonOf(first.id)).toBeNull();
      expect(await reasonOf(second.id)).toBe('Steg 2 hålls av ombudet under handledning.');

      // New facilitators for both: the manager is qualified for neither step.
      const noReason = await ambassador.patch(`/api/session-series/${series.id}`, {
        position: 1,
        scope: 'following',
        facilitatorIds: [t.fixture.people.managerU1.id],
      });
      expect(noReason.status).toBe(400);
      expect(withoutMessageCodes(noReason.body.details)).toEqual([expect.objectContaining({ field: 'facilitatorReason' })]);
      expect(await reasonOf(first.id)).toBeNull();
      const changed = await ambassador.patch(`/api/session-series/${series.id}`, {
        position: 1,
        scope: 'following',
        facilitatorIds: [t.fixture.people.managerU1.id],
        facilitatorReason: 'Ombudet är föräldraledigt.',
      });
      expect(changed.status).toBe(200);
      expect(await reasonOf(first.id)).toBe('Ombudet är föräldraledigt.');
      expect(await reasonOf(second.id)).toBe('Ombudet är föräldraledigt.');
      // Moving them a week needs nothing new: the reason covers the same people.
      const moved = await ambassador.patch(`/api/session-series/${series.id}`, { position: 1, scope: 'following', shiftDays: 7 });
      expect(moved.status).toBe(200);
    });
  });

  describe('invitations follow membership', () => {
    it('invites the team on the session date: a later joiner is not absent from earlier sessions, a leaver is not listed later', async () => {
      const [{ id: joiner }] = await sql<{ id: string }>(
        t,
        `insert into person (organisation_id, employee_number, first_name, last_name, role_title, employment_type, start_date)
         values ($1, 'J1', 'Jonna', 'Ny', 'undersköterska', 'substitute', $2) returning id`,
        [t.fixture.orgA, addDays(today, -10)],
      );
      await sql(t, `insert into unit_membership (organisation_id, person_id, unit_id, start_date) values ($1, $2, $3, $4)`, [
        t.fixture.orgA,
        joiner,
        t.fixture.unitU1,
        addDays(today, -10),
      ]);
      const [{ id: leaver }] = await sql<{ id: string }>(
        t,
        `insert into person (organisation_id, employee_number, first_name, last_name, role_title, employment_type, start_date)
         values ($1, 'L1', 'Lars', 'Slut', 'vårdbiträde', 'permanent', '2020-01-01') returning id`,
        [t.fixture.orgA],
      );
      await sql(t, `insert into unit_membership (organisation_id, person_id, unit_id, start_date, end_date) values ($1, $2, $3, '2020-01-01', $4)`, [
        t.fixture.orgA,
        leaver,
        t.fixture.unitU1,
        addDays(today, -5),
      ]);
      const before = await session({ date: addDays(today, -20) });
      const between = await session({ date: addDays(today, -7) });
      const after = await session({ date: addDays(today, -1) });
      const invited = async (id: string) =>
        ((await ambassador.get(`/api/sessions/${id}/attendance`)).body as SessionAttendance).rows.map((row) => row.person?.id);
      expect(await invited(before.id)).not.toContain(joiner);
      expect(await invited(before.id)).toContain(leaver);
      expect(await invited(between.id)).toEqual(expect.arrayContaining([joiner, leaver]));
      expect(await invited(after.id)).toContain(joiner);
      expect(await invited(after.id)).not.toContain(leaver);
      expect((await ambassador.get(`/api/sessions/${after.id}`)).body.invitedCount).toBe(4);
      // Marked later as present anyway, the leaver is a walk-in there.
      const marked = await mark(after.id, [{ personId: leaver, status: 'present' }]);
      expect((marked.body.attendance as SessionAttendance).rows.find((row) => row.person?.id === leaver)?.walkIn).toBe(true);
    });
  });

  describe('participation hours', () => {
    it('sums present and partial minutes per person and activity category, with individual support, and drops cancelled sessions', async () => {
      const day = addDays(today, -30);
      const first = await session({ date: day, durationMinutes: 45 });
      const second = await session({ date: day, startTime: '13:00', durationMinutes: 60, activityCategory: 'try_out' });
      const cancelledLater = await session({ date: day, startTime: '15:00', durationMinutes: 30 });
      await mark(first.id, [
        { personId: t.fixture.people.staffU1.id, status: 'present' },
        { personId: t.fixture.people.managerU1.id, status: 'partial', minutes: 20 },
        { personId: t.fixture.people.ambassadorU1.id, status: 'absent' },
        { walkInName: 'Vikarie Vera', status: 'present' },
      ]);
      await mark(second.id, [
        { personId: t.fixture.people.staffU1.id, status: 'partial', minutes: 50 },
        { personId: t.fixture.people.managerU1.id, status: 'excused' },
      ]);
      await mark(cancelledLater.id, [{ personId: t.fixture.people.staffU1.id, status: 'present' }]);
      expect((await ambassador.patch(`/api/sessions/${cancelledLater.id}`, { cancelled: true, cancelReason: 'Fel dag' })).status).toBe(200);
      const support = await ambassador.post('/api/support-entries', {
        personId: t.fixture.people.staffU1.id,
        unitId: t.fixture.unitU1,
        date: day,
        minutes: 15,
        topic: 'Inloggning i journalsystemet',
      });
      expect(support.status).toBe(201);

      const response = await manager.get(`/api/participation?unitId=${t.fixture.unitU1}&from=${day}&to=${day}`);
      expect(response.status).toBe(200);
      const report = response.body as ParticipationReport;
      const staff = report.people.find((p) => p.person.id === t.fixture.people.staffU1.id);
      // 45 (present) + 50 (partial) + 15 (support) = 110 minutes; the cancelled session's 30 do not count.
      expect(staff).toMatchObject({
        totalMinutes: 110,
        totalHours: 1.83,
        sessionCount: 2,
        byCategory: [
          { category: 'workplace_learning', minutes: 45, hours: 0.75 },
          { category: 'individual_support', minutes: 15, hours: 0.25 },
          { category: 'try_out', minutes: 50, hours: 0.83 },
        ],
      });
      expect(report.people.find((p) => p.person.id === t.fixture.people.managerU1.id)).toMatchObject({ totalMinutes: 20, sessionCount: 1 });
      expect(report.people.find((p) => p.person.id === t.fixture.people.ambassadorU1.id)).toMatchObject({ totalMinutes: 0, sessionCount: 0 });
      expect(report.totalMinutes).toBe(130);
      expect(report.unnamedWalkInMinutes).toBe(45);

      // The person's own view.
      const own = (await (await t.as('staffU1')).get(`/api/participation/me?from=${day}&to=${day}`)).body as ParticipationReport;
      expect(own.people).toEqual([expect.objectContaining({ totalMinutes: 110 })]);
    });
  });

  describe('individual support', () => {
    it('shows notes only to the person and the unit’s ambassadors', async () => {
      const created = await ambassador.post('/api/support-entries', {
        id: randomUUID(),
        personId: t.fixture.people.staffU1.id,
        unitId: t.fixture.unitU1,
        date: today,
        minutes: 20,
        topic: 'Teams på surfplattan',
        moduleId: t.fixture.library.networkModule.id,
        notes: 'Vill öva mer på att dela skärm.',
      });
      expect(created.status).toBe(201);
      const id = (created.body as SupportEntry).id;
      const find = async (client: SignedInClient) => ((await client.get('/api/support-entries')).body as SupportEntry[]).find((e) => e.id === id);
      expect(await find(ambassador)).toMatchObject({ notes: 'Vill öva mer på att dela skärm.', notesHidden: false, minutes: 20 });
      expect(await find(await t.as('staffU1'))).toMatchObject({ notes: 'Vill öva mer på att dela skärm.' });
      expect(await find(manager)).toMatchObject({ notes: null, notesHidden: true, topic: 'Teams på surfplattan' });
      expect(await find(await t.as('hrA'))).toMatchObject({ notes: null, notesHidden: true });
      expect(await find(await t.as('staffU2'))).toBeUndefined();
      const [audit] = await sql<{ details: Record<string, unknown> }>(
        t,
        `select details from audit_log where action = 'support.logged' order by created_at desc limit 1`,
      );
      expect(JSON.stringify(audit.details)).not.toContain('skärm');
    });
  });

  describe('support for the unit’s people only', () => {
    it('a manager logs support only for the unit’s people and for those who came to one of its sessions', async () => {
      const support = (personId: string) =>
        manager.post('/api/support-entries', { personId, unitId: t.fixture.unitU1, date: today, minutes: 10, topic: 'Surfplattan' });
      // Someone of another unit, never at one of U1's sessions: refused, naming the person.
      const outsider = await support(t.fixture.people.staffU3.id);
      expect(outsider.status).toBe(400);
      expect(withoutMessageCodes(outsider.body.details)).toEqual([
        { field: 'personId', message: 'Personen hör inte till enheten och har inte varit med på något av enhetens tillfällen.', code: 'notInUnit' },
      ]);
      expect((await support(t.fixture.people.staffU1.id)).status).toBe(201);
      // A walk-in at one of U1's sessions may be supported by U1.
      await sql(
        t,
        `insert into attendance_marks (id, organisation_id, session_id, person_id, status, walk_in, recorded_at, recorded_by)
         values (gen_random_uuid(), $1, $2, $3, 'present', true, now(), $4)`,
        [t.fixture.orgA, t.fixture.sessions.sessionU1, t.fixture.people.staffU3.id, t.fixture.people.ambassadorU1.id],
      );
      expect((await support(t.fixture.people.staffU3.id)).status).toBe(201);
    });
  });

  describe('catch-up and follow-up', () => {
    it('lists who missed a session of an assigned program until they attend the module, and proposes follow-ups', async () => {
      // The network program (one step: the network module) is assigned to U1 in the fixture.
      const past = await ambassador.post('/api/session-series', {
        unitId: t.fixture.unitU1,
        programId: t.fixture.library.networkProgram,
        firstDate: addDays(today, -60),
        startTime: '08:00',
        intervalWeeks: 1,
        count: 1,
        durationMinutes: 30,
        place: 'Ikapp',
        facilitatorIds: [t.fixture.people.ambassadorU1.id],
        activityCategory: 'workplace_learning',
        audience: 'unit_team',
      });
      expect(past.status).toBe(201);
      const held = (past.body as SessionSeries).sessions[0];
      await mark(held.id, [
        { personId: t.fixture.people.staffU1.id, status: 'present' },
        { personId: t.fixture.people.managerU1.id, status: 'partial', minutes: 10 },
      ]);
      const overview = async () => (await manager.get(`/api/sessions/units/${t.fixture.unitU1}/catch-up`)).body as CatchUpOverview;
      let catchUp = await overview();
      const missedHere = catchUp.missed.filter((entry) => entry.missed.sessionId === held.id).map((entry) => entry.person.id);
      // 10 of 30 minutes is not attended; the facilitator leads and is not a participant.
      expect(missedHere).toEqual([t.fixture.people.managerU1.id]);
      expect(catchUp.proposals).toContainEqual(
        expect.objectContaining({ module: expect.objectContaining({ id: t.fixture.library.networkModule.id }), personIds: [t.fixture.people.managerU1.id] }),
      );

      // A catch-up session the manager attends clears the entry.
      const catchUpSession = await session({ date: addDays(today, -50), audience: 'selection', invitedPersonIds: [t.fixture.people.managerU1.id] });
      await mark(catchUpSession.id, [{ personId: t.fixture.people.managerU1.id, status: 'present' }]);
      catchUp = await overview();
      expect(catchUp.missed.filter((entry) => entry.missed.sessionId === held.id)).toEqual([]);
    });

    it('proposes the follow-up of a module with a repeat interval, until one is scheduled', async () => {
      const moduleId = await module('Välfärdsteknik, repetition', 12);
      await qualifyAmbassador(moduleId);
      const held = await session({ moduleId, date: addDays(today, -70) });
      await mark(held.id, [{ personId: t.fixture.people.staffU1.id, status: 'present' }]);
      let followUps = ((await manager.get(`/api/sessions/units/${t.fixture.unitU1}/catch-up`)).body as CatchUpOverview).followUps;
      expect(followUps.find((f) => f.module.id === moduleId)).toEqual({
        module: { id: moduleId, title: 'Välfärdsteknik, repetition' },
        lastSessionId: held.id,
        lastDate: addDays(today, -70),
        repeatIntervalWeeks: 12,
        dueDate: addDays(today, -70 + 84),
        attendedCount: 1,
      });
      await session({ moduleId, date: addDays(today, 14) });
      followUps = ((await manager.get(`/api/sessions/units/${t.fixture.unitU1}/catch-up`)).body as CatchUpOverview).followUps;
      expect(followUps.find((f) => f.module.id === moduleId)).toBeUndefined();
    });
  });

  describe('ambassador training', () => {
    it('qualifies a trainee for the program’s modules once every step is attended, once', async () => {
      const stepOne = await module('Ombudsutbildning 1');
      const stepTwo = await module('Ombudsutbildning 2');
      const delivers = await module('Trygg inloggning');
      const programId = await program('Ombudsutbildning', 'ambassador_training', [stepOne, stepTwo], [delivers]);
      const response = await ambassador.post('/api/session-series', {
        unitId: t.fixture.unitU1,
        programId,
        firstDate: addDays(today, -14),
        startTime: '09:00',
        intervalWeeks: 1,
        count: 2,
        durationMinutes: 120,
        place: 'Kommunhuset',
        facilitatorIds: [t.fixture.people.ambassadorU1.id],
        activityCategory: 'ambassador_training',
        audience: 'selection',
        invitedPersonIds: [t.fixture.people.staffU3.id],
      });
      const [first, second] = (response.body as SessionSeries).sessions;
      const qualifications = () =>
        sql<{ module_id: string; source: string; program_id: string; valid_from: string }>(
          t,
          `select module_id, source, program_id, valid_from::text from ambassador_qualification where person_id = $1`,
          [t.fixture.people.staffU3.id],
        );
      await mark(first.id, [{ personId: t.fixture.people.staffU3.id, status: 'present' }]);
      expect(await qualifications()).toEqual([]);
      const batch = [{ personId: t.fixture.people.staffU3.id, status: 'partial', minutes: 90 }];
      const finished = await mark(second.id, batch);
      expect(finished.status).toBe(200);
      expect(await qualifications()).toEqual([{ module_id: delivers, source: 'program', program_id: programId, valid_from: addDays(today, -7) }]);
      // A new mark for the same person (a correction) does not qualify twice.
      await mark(second.id, [{ personId: t.fixture.people.staffU3.id, status: 'present' }]);
      expect(await qualifications()).toHaveLength(1);
    });
  });
});
