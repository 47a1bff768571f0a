import { Client } from 'pg';
import request from 'supertest';
import { CSRF_HEADER, CurrentUser, MyPersonalData } from '@kunna/contracts';
import { THROTTLE_PURPOSE } from '../auth';
import { Secrets } from '../config/secrets';
import { JobQueue, JobWorker } from '../jobs';
import { PERSONAL_DATA_RETENTION } from './personal-data.module';
import { FIXTURE_PASSWORD } from '../test-support/fixture';
import { createTestApp, TestApp } from '../test-support/test-app';

/**
 * Right of access (the person's own copy of everything Kunna holds about them), retention and pseudonymisation,
 * against real PostgreSQL with row-level security in force.
 */
describe('personal data', () => {
  let t: TestApp;
  let owner: Client;
  const one = async (sql: string, params: unknown[] = []) => ((await owner.query(sql, params)).rows[0] as { id: string }).id;

  beforeAll(async () => {
    t = await createTestApp();
    owner = new Client({ connectionString: t.db.url });
    await owner.connect();
  });

  afterAll(async () => {
    await owner.end();
    await t.close();
  });

  /** A person with a password (the fixture's), a membership of `unitId` and the given employment dates. */
  async function addPerson(
    organisationId: string,
    unitId: string,
    key: string,
    dates: { start: string; end: string | null } = { start: '2023-01-01', end: null },
  ): Promise<{ id: string; email: string; employeeNumber: string; firstName: string }> {
    const email = `${key}@person.example`;
    const employeeNumber = `PD-${key}`;
    const firstName = `Förnamn${key}`;
    const id = await one(
      `insert into person (organisation_id, employee_number, first_name, last_name, email, role_title, employment_type, start_date, end_date, gender)
       values ($1, $2, $3, 'Efternamn${key}', $4, 'undersköterska', 'permanent', $5, $6, 'female') returning id`,
      [organisationId, employeeNumber, firstName, email, dates.start, dates.end],
    );
    await owner.query(`insert into unit_membership (organisation_id, person_id, unit_id, start_date, end_date) values ($1, $2, $3, $4, $5)`, [
      organisationId,
      id,
      unitId,
      dates.start,
      dates.end,
    ]);
    await owner.query(
      `insert into credential (person_id, organisation_id, password_hash, password_changed_at)
       select $1, $2, password_hash, now() from credential where person_id = $3`,
      [id, organisationId, t.fixture.people.staffU1.id],
    );
    return { id, email, employeeNumber, firstName };
  }

  async function signIn(email: string) {
    const response = await t.http().post('/api/auth/sign-in').send({ identifier: email, password: FIXTURE_PASSWORD });
    expect(response.status).toBe(200);
    const cookie = ([] as string[])
      .concat(response.headers['set-cookie'] ?? [])
      .map((c) => c.split(';')[0])
      .join('; ');
    const user = response.body as CurrentUser;
    return {
      get: (path: string) => request(t.app.getHttpServer()).get(path).set('Cookie', cookie),
      post: (path: string) => request(t.app.getHttpServer()).post(path).set('Cookie', cookie).set(CSRF_HEADER, user.csrfToken).send({}),
    };
  }

  /** A held session in `unitId` on `date` delivering the network module. */
  async function addSession(organisationId: string, unitId: string, date: string, audience: 'unit_team' | 'selection', place: string) {
    return one(
      `insert into sessions (organisation_id, unit_id, module_version_id, date, start_time, duration_minutes, starts_at, ends_at, place,
                             activity_category, audience)
       values ($1, $2, $3, $4::date, '09:00', 60, timezone('Europe/Stockholm', $4::date + time '09:00'),
               timezone('Europe/Stockholm', $4::date + time '10:00'), $5, 'workplace_learning', $6) returning id`,
      [organisationId, unitId, t.fixture.library.networkModule.versionId, date, place, audience],
    );
  }

  async function mark(organisationId: string, sessionId: string, personId: string, status: string, minutes: number | null) {
    const recorder = t.fixture.people.ambassadorU1.id;
    const id = await one(
      `insert into attendance_marks (id, organisation_id, session_id, person_id, status, minutes, recorded_at, recorded_by)
       values (gen_random_uuid(), $1, $2, $3, $4, $5, now(), $6) returning id`,
      [organisationId, sessionId, personId, status, minutes, recorder],
    );
    await owner.query(
      `insert into attendance_mark_receipts (mark_id, organisation_id, session_id, person_id, status, minutes, recorded_at, recorded_by, outcome)
       values ($1, $2, $3, $4, $5, $6, now(), $7, 'applied')`,
      [id, organisationId, sessionId, personId, status, minutes, recorder],
    );
  }

  async function respond(organisationId: string, roundId: string, personId: string, rating: number, observation?: number) {
    const responseId = await one(
      `insert into check_response (id, organisation_id, round_id, person_id, status, form, via, finished_at)
       values (gen_random_uuid(), $1, $2, $3, 'submitted', 'A', 'link', now()) returning id`,
      [organisationId, roundId, personId],
    );
    await owner.query(`insert into check_answer (response_id, item_key, organisation_id, value) values ($1, 's1', $2, $3)`, [
      responseId,
      organisationId,
      JSON.stringify({ rating }),
    ]);
    if (observation !== undefined) {
      await owner.query(`insert into check_answer (response_id, item_key, organisation_id, value, rated_by) values ($1, 'o1', $2, $3, $4)`, [
        responseId,
        organisationId,
        JSON.stringify({ rating: observation }),
        t.fixture.people.ambassadorU1.id,
      ]);
    }
    return responseId;
  }

  describe('a person downloads their own data', () => {
    it('contains every table that holds data about the person, and nothing about anyone else', async () => {
      const f = t.fixture;
      const me = await addPerson(f.orgA, f.unitU1, 'export');
      // role_assignment, ambassador_appointment(+unit), ambassador_qualification
      await owner.query(
        `insert into role_assignment (organisation_id, person_id, role, scope_type, scope_id, start_date) values ($1, $2, 'ambassador', 'unit', $3, '2024-02-01')`,
        [f.orgA, me.id, f.unitU1],
      );
      const appointment = await one(
        `insert into ambassador_appointment (organisation_id, person_id, allocation_kind, allocation_value, start_date, note)
         values ($1, $2, 'percent', 10, '2024-02-01', 'APPOINTMENT-NOTE') returning id`,
        [f.orgA, me.id],
      );
      await owner.query(`insert into ambassador_appointment_unit (appointment_id, unit_id, organisation_id) values ($1, $2, $3)`, [
        appointment,
        f.unitU1,
        f.orgA,
      ]);
      await owner.query(
        `insert into ambassador_qualification (organisation_id, person_id, module_id, source, valid_from, note)
         values ($1, $2, $3, 'explicit', '2024-02-01', 'QUALIFICATION-NOTE')`,
        [f.orgA, me.id, f.library.networkModule.id],
      );
      // one_time_code (hash never exported)
      await owner.query(
        `insert into one_time_code (organisation_id, person_id, purpose, code_hash, expires_at) values ($1, $2, 'password_reset', 'SECRET-CODE-HASH', now() + interval '1 day')`,
        [f.orgA, me.id],
      );
      // sessions: invited explicitly, led, attended (present), with a receipt history; another person marked too
      const invitedSession = await addSession(f.orgA, f.unitU1, '2025-03-04', 'selection', 'INVITED-PLACE');
      await owner.query(`insert into session_invitations (session_id, person_id, organisation_id) values ($1, $2, $3)`, [invitedSession, me.id, f.orgA]);
      await owner.query(`insert into session_invitations (session_id, person_id, organisation_id) values ($1, $2, $3)`, [
        invitedSession,
        f.people.staffU1.id,
        f.orgA,
      ]);
      await mark(f.orgA, invitedSession, me.id, 'partial', 45);
      await mark(f.orgA, invitedSession, f.people.staffU1.id, 'present', null);
      const ledSession = await addSession(f.orgA, f.unitU1, '2025-04-01', 'unit_team', 'LED-PLACE');
      await owner.query(`insert into session_facilitators (session_id, person_id, organisation_id) values ($1, $2, $3)`, [ledSession, me.id, f.orgA]);
      // support about me (by the ambassador), and support about someone else
      await owner.query(
        `insert into support_entries (organisation_id, unit_id, person_id, ambassador_id, date, minutes, topic, notes)
         values ($1, $2, $3, $4, '2025-03-10', 20, 'SUPPORT-TOPIC', 'SUPPORT-NOTES-ABOUT-ME')`,
        [f.orgA, f.unitU1, me.id, f.people.ambassadorU1.id],
      );
      await owner.query(
        `insert into support_entries (organisation_id, unit_id, person_id, ambassador_id, date, minutes, topic, notes)
         values ($1, $2, $3, $4, '2025-03-10', 20, 'OTHER-TOPIC', 'OTHER-PERSONS-NOTES')`,
        [f.orgA, f.unitU1, f.people.staffU1.id, me.id],
      );
      // check answers: my own rating and an observation of me
      await respond(f.orgA, f.checks.roundU1, me.id, 3, 2);
      // notification, e-mail and calendar feed of mine; another person's e-mail
      await owner.query(
        `insert into notification (organisation_id, person_id, kind, session_id, details, dedupe_key) values ($1, $2, 'session_tomorrow', $3, '{"place":"NOTIFY-PLACE"}', 'k1')`,
        [f.orgA, me.id, invitedSession],
      );
      await owner.query(`insert into mail_outbox (organisation_id, person_id, to_address, subject, body) values ($1, $2, $3, 'MAIL-SUBJECT', 'MAIL-BODY')`, [
        f.orgA,
        me.id,
        me.email,
      ]);
      await owner.query(`insert into mail_outbox (organisation_id, person_id, to_address, subject, body) values ($1, $2, $3, 'OTHER-MAIL', 'OTHER-BODY')`, [
        f.orgA,
        f.people.staffU1.id,
        f.people.staffU1.email,
      ]);
      await owner.query(`insert into calendar_feed (organisation_id, person_id, token_hash, created_by) values ($1, $2, 'SECRET-FEED-HASH', $2)`, [
        f.orgA,
        me.id,
      ]);
      // audit entries: about me (by an admin), my own action on someone else
      await owner.query(
        `insert into audit_log (organisation_id, actor_person_id, action, target_type, target_id, details) values ($1, $2, 'person.updated', 'person', $3, '{"fields":["roleTitle"]}')`,
        [f.orgA, f.people.adminA.id, me.id],
      );
      await owner.query(
        `insert into audit_log (organisation_id, actor_person_id, action, target_type, target_id, details) values ($1, $2, 'support.logged', 'person', $3, '{"other":"OTHER-AUDIT-DETAIL"}')`,
        [f.orgA, me.id, f.people.staffU1.id],
      );

      const client = await signIn(me.email);
      const response = await client.get('/api/me/personal-data');
      expect(response.status).toBe(200);
      expect(response.headers['cache-control']).toBe('no-store');
      const data = response.body as MyPersonalData;

      expect(data.profile).toMatchObject({ id: me.id, email: me.email, employeeNumber: me.employeeNumber, firstName: me.firstName, organisation: 'Kommun A' });
      expect(data.account.hasPassword).toBe(true);
      expect(data.account.oneTimeCodes).toEqual([expect.objectContaining({ purpose: 'password_reset', usedAt: null })]);
      expect(data.account.sessions.length).toBeGreaterThanOrEqual(1);
      expect(data.memberships).toEqual([{ unit: 'Enhet U1', area: 'Område A1', startDate: '2023-01-01', endDate: null }]);
      expect(data.roles).toEqual([expect.objectContaining({ role: 'ambassador', scopeType: 'unit', scope: 'Enhet U1' })]);
      expect(data.ambassadorAppointments).toEqual([expect.objectContaining({ allocationValue: 10, note: 'APPOINTMENT-NOTE', units: ['Enhet U1'] })]);
      expect(data.qualifications).toEqual([expect.objectContaining({ source: 'explicit', note: 'QUALIFICATION-NOTE' })]);
      expect(data.qualifications[0].module).not.toBe('');
      // The explicit invitation, and the fixture's unit-team sessions of U1 (membership on the day).
      expect(data.sessionsInvited.map((s) => s.sessionId)).toEqual(expect.arrayContaining([invitedSession, f.sessions.sessionU1]));
      expect(data.sessionsLed.map((s) => s.sessionId)).toEqual([ledSession]);
      expect(data.attendance).toEqual([expect.objectContaining({ sessionId: invitedSession, mark: 'partial', minutes: 45, place: 'INVITED-PLACE' })]);
      expect(data.attendanceHistory).toEqual([expect.objectContaining({ sessionId: invitedSession, mark: 'partial', outcome: 'applied' })]);
      expect(data.participation).toEqual({
        totalMinutes: 65,
        byCategory: [
          { category: 'individual_support', minutes: 20 },
          { category: 'workplace_learning', minutes: 45 },
        ],
      });
      expect(data.checkResponses).toHaveLength(1);
      expect(data.checkResponses[0]).toMatchObject({ check: 'Matris', round: 'before', status: 'submitted', via: 'link' });
      expect(data.checkResponses[0].answers).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ itemKey: 's1', itemText: 'Jag kan signera digitalt', value: { rating: 3 }, observation: false }),
          expect.objectContaining({ itemKey: 'o1', value: { rating: 2 }, observation: true }),
        ]),
      );
      expect(data.supportReceived).toEqual([
        expect.objectContaining({ topic: 'SUPPORT-TOPIC', notes: 'SUPPORT-NOTES-ABOUT-ME', minutes: 20, unit: 'Enhet U1' }),
      ]);
      expect(data.notifications).toEqual([
        expect.objectContaining({ kind: 'session_tomorrow', sessionId: invitedSession, details: { place: 'NOTIFY-PLACE' } }),
      ]);
      expect(data.emails).toEqual([expect.objectContaining({ toAddress: me.email, subject: 'MAIL-SUBJECT', body: 'MAIL-BODY', status: 'pending' })]);
      expect(data.calendarFeeds).toEqual([expect.objectContaining({ revokedAt: null })]);
      expect(data.auditEntries).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ action: 'person.updated', about: 'me', details: { fields: ['roleTitle'] } }),
          expect.objectContaining({ action: 'support.logged', about: 'my_action', targetType: null, details: null }),
          expect.objectContaining({ action: 'auth.sign_in', about: 'my_action' }),
        ]),
      );

      // Nothing of anyone else: not their ids, names, e-mails, notes; and no secrets.
      const text = JSON.stringify(data);
      for (const key of ['staffU1', 'ambassadorU1', 'adminA', 'staffU4', 'managerU1'] as const) {
        const other = f.people[key];
        expect(text).not.toContain(other.id);
        expect(text).not.toContain(other.email);
        expect(text).not.toContain(key);
      }
      for (const secret of [
        'OTHER-PERSONS-NOTES',
        'OTHER-TOPIC',
        'OTHER-AUDIT-DETAIL',
        'OTHER-MAIL',
        'OTHER-BODY',
        'SECRET-FEED-HASH',
        'SECRET-CODE-HASH',
        'password_hash',
        'csrf',
      ]) {
        expect(text).not.toContain(secret);
      }

      // The export is in the audit log.
      const audit = await owner.query(`select actor_person_id from audit_log where action = 'personal_data.exported' and target_id = $1`, [me.id]);
      expect(audit.rows).toEqual([{ actor_person_id: me.id }]);
    });

    it('is only ever the caller’s own: anonymous callers get 401', async () => {
      expect((await t.http().get('/api/me/personal-data')).status).toBe(401);
    });
  });

  describe('retention and pseudonymisation', () => {
    it('removes identifiers and free text, keeps every aggregate, is audited, idempotent and limited to the organisation and period', async () => {
      const f = t.fixture;
      await owner.query(`update organisation set min_group_size = 3 where id = $1`, [f.orgA]);
      const left = { start: '2023-01-01', end: '2024-06-30' };
      const leaverByAdmin = await addPerson(f.orgA, f.unitU1, 'leaver1', left);
      const leaverByJob = await addPerson(f.orgA, f.unitU1, 'leaver2', left);
      const recentDay = (await owner.query(`select ((now() at time zone 'Europe/Stockholm')::date - 10)::text as day`)).rows[0].day as string;
      const recentLeaver = await addPerson(f.orgA, f.unitU1, 'recent', { start: '2023-01-01', end: recentDay });
      const otherOrgLeaver = await addPerson(f.orgB, f.unitU4, 'leaverb', left);
      await owner.query(`update role_assignment set end_date = '2024-06-30' where person_id = $1`, [leaverByAdmin.id]);

      // Activity in 2024 while they worked: a session with marks, support with notes, a before/after check.
      const session = await addSession(f.orgA, f.unitU1, '2024-03-05', 'unit_team', 'Personalrummet');
      await mark(f.orgA, session, leaverByAdmin.id, 'present', null);
      await mark(f.orgA, session, leaverByJob.id, 'partial', 40);
      await mark(f.orgA, session, f.people.staffU1.id, 'present', null);
      // They led a session without qualification, with the reason recorded.
      const led = await addSession(f.orgA, f.unitU1, '2024-04-02', 'unit_team', 'Samlingsrummet');
      await owner.query(`insert into session_facilitators (session_id, person_id, organisation_id) values ($1, $2, $3)`, [led, leaverByAdmin.id, f.orgA]);
      await owner.query(`update sessions set facilitator_reason = 'Går ombudsutbildningen, handleds av Leyla' where id = $1`, [led]);
      await owner.query(
        `insert into support_entries (organisation_id, unit_id, person_id, ambassador_id, date, minutes, topic, notes)
         values ($1, $2, $3, $4, '2024-03-06', 30, 'Journalen', 'Behöver hjälp med inloggningen, orolig')`,
        [f.orgA, f.unitU1, leaverByAdmin.id, f.people.ambassadorU1.id],
      );
      await owner.query(`update ambassador_appointment set note = 'x' where person_id = $1`, [leaverByAdmin.id]);
      const assignment = await one(
        `insert into check_assignment (id, organisation_id, unit_id, instrument_version_id, title) values (gen_random_uuid(), $1, $2, $3, 'Före och efter') returning id`,
        [f.orgA, f.unitU1, f.checks.versionA],
      );
      const round = async (kind: string, opensOn: string) =>
        one(`insert into check_round (organisation_id, assignment_id, kind, code, opens_on) values ($1, $2, $3, $4, $5) returning id`, [
          f.orgA,
          assignment,
          kind,
          `PD${kind.toUpperCase().replace('_', '')}`,
          opensOn,
        ]);
      const before = await round('before', '2024-03-01');
      const after = await round('after', '2024-03-20');
      for (const [person, b, a] of [
        [leaverByAdmin.id, 1, 3],
        [f.people.staffU1.id, 2, 3],
        [f.people.ambassadorU1.id, 2, 4],
        [f.people.managerU1.id, 3, 4],
      ] as const) {
        await respond(f.orgA, before, person, b);
        await respond(f.orgA, after, person, a);
      }
      // leaverByJob was invited (a member when the rounds opened) and never answered.

      const hr = await t.as('hrA');
      // The figures, without when they were computed (organisation-wide views are kept and recomputed after a change).
      const figures = (body: { asOf?: string }) => ({ ...body, asOf: undefined }) as unknown;
      const aggregates = async () => ({
        costs: figures((await hr.get('/api/insights/costs').query({ from: '2024-01-01', to: '2024-12-31' }).expect(200)).body),
        checks: figures((await hr.get('/api/checks/results').query({ instrumentId: f.checks.instrumentA, unitId: f.unitU1 }).expect(200)).body),
        area: figures((await hr.get('/api/checks/results').query({ instrumentId: f.checks.instrumentA, areaId: f.areaA1 }).expect(200)).body),
        competence: figures((await hr.get('/api/insights/competence').query({ from: '2024-01-01', to: '2024-12-31', groupBy: 'unit' }).expect(200)).body),
      });
      const figuresBefore = await aggregates();
      expect(figuresBefore.checks).toMatchObject({ suppressed: false });
      // At least the six of this test asked (the one who never answered included), four pairs: shown, so a change would show.
      const competence = figuresBefore.competence as { total: { people: number; suppressed: boolean } };
      expect(competence.total.suppressed).toBe(false);
      expect(competence.total.people).toBeGreaterThanOrEqual(6);

      // Messages and a calendar feed of the person who is about to be pseudonymised.
      await owner.query(`insert into notification (organisation_id, person_id, kind, details, dedupe_key) values ($1, $2, 'after_check_pending', '{}', 'p1')`, [
        f.orgA,
        leaverByAdmin.id,
      ]);
      await owner.query(`insert into mail_outbox (organisation_id, person_id, to_address, subject, body) values ($1, $2, $3, 'Hej', $4)`, [
        f.orgA,
        leaverByAdmin.id,
        leaverByAdmin.email,
        `Hej ${leaverByAdmin.firstName}`,
      ]);
      await owner.query(`insert into calendar_feed (organisation_id, person_id, token_hash, created_by) values ($1, $2, 'leaver-feed', $2)`, [
        f.orgA,
        leaverByAdmin.id,
      ]);
      // A signed-in session of the person who is about to be pseudonymised.
      const leaverSession = await owner.query(
        `insert into auth_session (id, person_id, organisation_id, csrf_token, expires_at, ip, user_agent)
         values ('leaver-session', $1, $2, 'x', now() + interval '1 hour', '10.1.2.3', 'Firefox') returning id`,
        [leaverByAdmin.id, f.orgA],
      );
      expect(leaverSession.rowCount).toBe(1);

      const admin = await t.as('adminA');
      // Another organisation's person: 404. A current employee: 409. Not an id: 400.
      expect((await admin.post(`/api/people/${otherOrgLeaver.id}/pseudonymise`)).status).toBe(404);
      expect((await admin.post(`/api/people/${f.people.staffU1.id}/pseudonymise`)).status).toBe(409);
      expect((await admin.post(`/api/people/not-an-id/pseudonymise`)).status).toBe(400);

      const done = await admin.post(`/api/people/${leaverByAdmin.id}/pseudonymise`).expect(200);
      expect(done.body).toMatchObject({ personId: leaverByAdmin.id, changed: true });
      expect(done.body.name).toMatch(/^Före detta medarbetare [0-9A-F]{4}$/);
      const again = await admin.post(`/api/people/${leaverByAdmin.id}/pseudonymise`).expect(200);
      expect(again.body).toMatchObject({ changed: false, name: done.body.name, pseudonymisedAt: done.body.pseudonymisedAt });

      // Retention: 12 months in organisation A, none in B; the job runs.
      expect((await admin.put('/api/personal-data/retention', { retentionMonths: 0 })).status).toBe(400);
      await admin.put('/api/personal-data/retention', { retentionMonths: 12 }).expect(200, { retentionMonths: 12 });
      // pg-boss's cron sends the daily job at midnight UTC (jobs.int-spec.ts checks the schedule); here it is sent now.
      await t.app.get(JobQueue).enqueue(PERSONAL_DATA_RETENTION, {});
      expect(await t.app.get(JobWorker).runDue()).toBeGreaterThan(0);
      const failed = await owner.query(`select name, output from pgboss.job where name = 'personal-data.retention' and state <> 'completed'`);
      expect(failed.rows).toEqual([]);

      const people = await owner.query(
        `select id, first_name, last_name, email, employee_number, disabled_at is not null as disabled, pseudonymised_at is not null as pseudonymised
           from person where id = any($1)`,
        [[leaverByAdmin.id, leaverByJob.id, recentLeaver.id, otherOrgLeaver.id]],
      );
      const byId = new Map(people.rows.map((row: { id: string; employee_number: string }) => [row.id, row]));
      for (const gone of [leaverByAdmin, leaverByJob]) {
        const row = byId.get(gone.id);
        expect(row).toMatchObject({ first_name: 'Före detta medarbetare', email: null, disabled: true, pseudonymised: true });
        expect(row?.employee_number).not.toContain(gone.employeeNumber);
        const everything = JSON.stringify((await owner.query(`select p.* from person p where p.id = $1`, [gone.id])).rows);
        expect(everything).not.toContain(gone.firstName);
        expect(everything).not.toContain(gone.email);
        expect(everything).not.toContain('Efternamn');
        expect((await owner.query(`select 1 from credential where person_id = $1`, [gone.id])).rowCount).toBe(0);
      }
      // Untouched: the recent leaver (inside the period) and organisation B's leaver (no retention set there).
      for (const kept of [recentLeaver, otherOrgLeaver]) {
        expect(byId.get(kept.id)).toMatchObject({ first_name: kept.firstName, email: kept.email, employee_number: kept.employeeNumber, pseudonymised: false });
      }
      // Free text gone, minutes kept; sessions ended and stripped.
      const support = await owner.query(`select notes, topic, minutes from support_entries where person_id = $1`, [leaverByAdmin.id]);
      expect(support.rows).toEqual([{ notes: null, topic: '–', minutes: 30 }]);
      const ledReason = await owner.query(`select facilitator_reason from sessions where id = $1`, [led]);
      expect(ledReason.rows).toEqual([{ facilitator_reason: '–' }]);
      const sessions = await owner.query(`select revoked_at is not null as revoked, ip, user_agent from auth_session where person_id = $1`, [leaverByAdmin.id]);
      expect(sessions.rows).toEqual([{ revoked: true, ip: null, user_agent: null }]);

      expect((await owner.query(`select 1 from notification where person_id = $1`, [leaverByAdmin.id])).rowCount).toBe(0);
      const mails = await owner.query(`select to_address, body from mail_outbox where person_id = $1`, [leaverByAdmin.id]);
      expect(mails.rows).toEqual([{ to_address: '–', body: '' }]);
      const feeds = await owner.query(`select revoked_at is not null as revoked from calendar_feed where person_id = $1`, [leaverByAdmin.id]);
      expect(feeds.rows).toEqual([{ revoked: true }]);

      // The aggregates are exactly as before.
      expect(await aggregates()).toEqual(figuresBefore);

      // Audited once each, by the admin and by the job.
      const audit = await owner.query(
        `select target_id, actor_person_id, organisation_id, details->>'reason' as reason from audit_log where action = 'person.pseudonymised' order by id`,
      );
      expect(audit.rows).toEqual([
        { target_id: leaverByAdmin.id, actor_person_id: f.people.adminA.id, organisation_id: f.orgA, reason: 'admin' },
        { target_id: leaverByJob.id, actor_person_id: null, organisation_id: f.orgA, reason: 'retention' },
      ]);
      const retentionAudit = await owner.query(`select details from audit_log where action = 'personal_data.retention_changed'`);
      expect(retentionAudit.rows).toEqual([{ details: { from: null, to: 12 } }]);
    });

    it('rolls back everything when a step fails (transactional)', async () => {
      const f = t.fixture;
      const person = await addPerson(f.orgA, f.unitU1, 'rollback', { start: '2023-01-01', end: '2024-01-31' });
      // Make the last statement of the pseudonymisation fail: a qualification whose revoke reason cannot be replaced.
      await owner.query(
        `create function pd_test_fail() returns trigger language plpgsql as $$ begin raise exception 'boom'; end $$;
         create trigger pd_test_fail before update on ambassador_qualification for each row execute function pd_test_fail()`,
      );
      try {
        await owner.query(
          `insert into ambassador_qualification (organisation_id, person_id, module_id, source, valid_from) values ($1, $2, $3, 'explicit', '2023-02-01')`,
          [f.orgA, person.id, f.library.networkModule.id],
        );
        const admin = await t.as('adminA');
        expect((await admin.post(`/api/people/${person.id}/pseudonymise`)).status).toBe(500);
        const row = (await owner.query(`select first_name, email, pseudonymised_at from person where id = $1`, [person.id])).rows[0];
        expect(row).toEqual({ first_name: person.firstName, email: person.email, pseudonymised_at: null });
        expect((await owner.query(`select 1 from credential where person_id = $1`, [person.id])).rowCount).toBe(1);
        expect((await owner.query(`select 1 from audit_log where action = 'person.pseudonymised' and target_id = $1`, [person.id])).rowCount).toBe(0);
      } finally {
        await owner.query(`drop trigger pd_test_fail on ambassador_qualification; drop function pd_test_fail()`);
      }
    });
  });

  describe('sign-in failures (the sign-in throttle)', () => {
    const hashed = (key: string) => t.app.get(Secrets).mac(THROTTLE_PURPOSE, key);
    const wrong = (identifier: string) => t.http().post('/api/auth/sign-in').send({ identifier, password: 'Fel-lösenord-1x' });

    it('are in the person’s own copy of their data (counts, never keys) and are deleted by pseudonymisation', async () => {
      const f = t.fixture;
      const person = await addPerson(f.orgA, f.unitU1, 'throttle1');
      const client = await signIn(person.email);
      expect((await wrong(person.email)).status).toBe(401);
      expect((await wrong(person.email.toUpperCase())).status).toBe(401);
      const data = (await client.get('/api/me/personal-data')).body as MyPersonalData;
      // Under the e-mail and under the person: two failures each.
      expect(data.account.signInFailures).toEqual([
        { failures: 2, windowStart: expect.any(String), lockedUntil: null },
        { failures: 2, windowStart: expect.any(String), lockedUntil: null },
      ]);

      const leaver = await addPerson(f.orgA, f.unitU1, 'throttle2', { start: '2023-01-01', end: '2024-06-30' });
      expect((await wrong(leaver.email)).status).toBe(401);
      const keys = [hashed(`person:${leaver.id}`), hashed(`id:*:${leaver.email}`)];
      const rows = async () => (await owner.query(`select count(*)::int as n from sign_in_throttle where key = any($1)`, [keys])).rows[0].n as number;
      expect(await rows()).toBe(2);
      const admin = await signIn(f.people.adminA.email);
      expect((await admin.post(`/api/people/${leaver.id}/pseudonymise`)).status).toBe(200);
      expect(await rows()).toBe(0);
    });
  });
});
