import { Injectable } from '@nestjs/common';
import {
  MyAccountData,
  MyAppointmentData,
  MyAttendanceData,
  MyAttendanceHistoryData,
  MyAuditEntryData,
  MyCalendarFeedData,
  MyCheckResponseData,
  MyEmailData,
  MyMembershipData,
  MyNotificationData,
  MyParticipationData,
  MyProfileData,
  MyQualificationData,
  MyRoleData,
  MySessionData,
  MySupportData,
  PSEUDONYM_PREFIX,
} from '@kunna/contracts';
import { Db } from '../database/db';
import { ISO } from '../database/iso-time.sql';
import { PARTICIPATION_MINUTES_SQL } from '../database/participation.sql';

/** The latest published title of module `$expr` (network modules are visible through the caller's network). */
const moduleTitle = (moduleId: string) =>
  `(select v.title from library_module_version v where v.module_id = ${moduleId} and v.status = 'published' order by v.version_number desc limit 1)`;

const SESSION_COLUMNS = `s.id as "sessionId", s.date::text as date, to_char(s.start_time, 'HH24:MI') as "startTime",
  s.duration_minutes as "durationMinutes", u.name as unit, v.title as module, s.place, s.status`;
const SESSION_JOINS = `join unit u on u.id = s.unit_id join library_module_version v on v.id = s.module_version_id`;

export interface PseudonymisedPerson {
  personId: string;
  name: string;
  pseudonymisedAt: string;
  changed: boolean;
}

/**
 * Reads of everything about one person (every table holding a person id, see migrations/) and the pseudonymisation
 * that removes what identifies them. Runs in the caller's (or the job's) transaction and tenant.
 */
@Injectable()
export class PersonalDataRepository {
  constructor(private readonly db: Db) {}

  private query<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.db.manager.query<T[]>(sql, params);
  }

  async profile(personId: string): Promise<MyProfileData | null> {
    const rows = await this.query<MyProfileData>(
      `select p.id, o.name as organisation, p.employee_number as "employeeNumber", p.first_name as "firstName", p.last_name as "lastName",
              p.email, p.role_title as "roleTitle", p.employment_type as "employmentType", p.start_date::text as "startDate",
              p.end_date::text as "endDate", p.gender, p.preferred_language as "preferredLanguage", ${ISO('p.disabled_at')} as "disabledAt",
              ${ISO('p.pseudonymised_at')} as "pseudonymisedAt", ${ISO('p.created_at')} as "createdAt", ${ISO('p.updated_at')} as "updatedAt"
         from person p join organisation o on o.id = p.organisation_id where p.id = $1`,
      [personId],
    );
    return rows[0] ?? null;
  }

  async account(personId: string): Promise<Omit<MyAccountData, 'signInFailures'>> {
    const [credential] = await this.query<{ hasPassword: boolean; passwordChangedAt: string | null }>(
      `select password_hash is not null as "hasPassword", ${ISO('password_changed_at')} as "passwordChangedAt" from credential where person_id = $1`,
      [personId],
    );
    // Never the hashes, tokens or session ids: they are secrets, not information about the person.
    const oneTimeCodes = await this.query<MyAccountData['oneTimeCodes'][number]>(
      `select purpose, ${ISO('created_at')} as "createdAt", ${ISO('expires_at')} as "expiresAt", ${ISO('used_at')} as "usedAt"
         from one_time_code where person_id = $1 order by created_at`,
      [personId],
    );
    const sessions = await this.query<MyAccountData['sessions'][number]>(
      `select ${ISO('created_at')} as "createdAt", ${ISO('last_seen_at')} as "lastSeenAt", ${ISO('expires_at')} as "expiresAt",
              ${ISO('revoked_at')} as "revokedAt", ip,
              user_agent as "userAgent"
         from auth_session where person_id = $1 order by created_at`,
      [personId],
    );
    return { hasPassword: credential?.hasPassword ?? false, passwordChangedAt: credential?.passwordChangedAt ?? null, oneTimeCodes, sessions };
  }

  memberships(personId: string): Promise<MyMembershipData[]> {
    return this.query(
      `select u.name as unit, a.name as area, m.start_date::text as "startDate", m.end_date::text as "endDate"
         from unit_membership m join unit u on u.id = m.unit_id join area a on a.id = u.area_id
        where m.person_id = $1 order by m.start_date, u.name`,
      [personId],
    );
  }

  roles(personId: string): Promise<MyRoleData[]> {
    return this.query(
      `select r.role, r.scope_type as "scopeType",
              coalesce(u.name, a.name, o.name, n.name, '') as scope,
              r.start_date::text as "startDate", r.end_date::text as "endDate"
         from role_assignment r
         left join unit u on r.scope_type = 'unit' and u.id = r.scope_id
         left join area a on r.scope_type = 'area' and a.id = r.scope_id
         left join organisation o on r.scope_type = 'organisation' and o.id = r.scope_id
         left join network n on r.scope_type = 'network' and n.id = r.scope_id
        where r.person_id = $1 order by r.start_date, r.role`,
      [personId],
    );
  }

  async appointments(personId: string): Promise<MyAppointmentData[]> {
    const rows = await this.query<Omit<MyAppointmentData, 'allocationValue'> & { allocationValue: string }>(
      `select ap.allocation_kind as "allocationKind", ap.allocation_value as "allocationValue", ap.start_date::text as "startDate",
              ap.end_date::text as "endDate", ap.note,
              coalesce((select array_agg(u.name order by u.name) from ambassador_appointment_unit au join unit u on u.id = au.unit_id
                         where au.appointment_id = ap.id), '{}') as units
         from ambassador_appointment ap where ap.person_id = $1 order by ap.start_date`,
      [personId],
    );
    return rows.map((row) => ({ ...row, allocationValue: Number(row.allocationValue) }));
  }

  qualifications(personId: string): Promise<MyQualificationData[]> {
    return this.query(
      `select coalesce(${moduleTitle('q.module_id')}, '') as module, q.source, pr.title as program, q.valid_from::text as "validFrom",
              q.valid_until::text as "validUntil", ${ISO('q.revoked_at')} as "revokedAt", q.revoke_reason as "revokeReason", q.note
         from ambassador_qualification q left join library_program pr on pr.id = q.program_id
        where q.person_id = $1 order by q.valid_from`,
      [personId],
    );
  }

  /** Sessions the person was invited to: the explicit selection or the unit's team on the day (`session_invitees`). */
  sessionsInvited(personId: string): Promise<MySessionData[]> {
    return this.query(
      `select ${SESSION_COLUMNS}
         from sessions s ${SESSION_JOINS}
        where s.id in (select session_id from session_invitees where person_id = $1
                       union select session_id from session_invitations where person_id = $1)
        order by s.starts_at`,
      [personId],
    );
  }

  sessionsLed(personId: string): Promise<MySessionData[]> {
    return this.query(
      `select ${SESSION_COLUMNS}
         from sessions s ${SESSION_JOINS} join session_facilitators f on f.session_id = s.id
        where f.person_id = $1 order by s.starts_at`,
      [personId],
    );
  }

  attendance(personId: string): Promise<MyAttendanceData[]> {
    return this.query(
      `select ${SESSION_COLUMNS}, m.status as mark, m.minutes, ${ISO('m.recorded_at')} as "recordedAt", m.walk_in as "walkIn"
         from attendance_marks m join sessions s on s.id = m.session_id ${SESSION_JOINS}
        where m.person_id = $1 order by s.starts_at`,
      [personId],
    );
  }

  attendanceHistory(personId: string): Promise<MyAttendanceHistoryData[]> {
    return this.query(
      `select session_id as "sessionId", status as mark, minutes, ${ISO('recorded_at')} as "recordedAt", outcome
         from attendance_mark_receipts where person_id = $1 order by recorded_at, received_at`,
      [personId],
    );
  }

  /** The sessions feature's rule (held sessions' participation minutes) plus individual support received. */
  async participation(personId: string): Promise<MyParticipationData> {
    const rows = await this.query<{ category: string; minutes: number }>(
      `select category, sum(minutes)::int as minutes from (
         select s.activity_category as category, ${PARTICIPATION_MINUTES_SQL} as minutes
           from attendance_marks m join sessions s on s.id = m.session_id
          where m.person_id = $1 and s.status = 'scheduled' and s.starts_at <= now()
         union all
         select 'individual_support', e.minutes from support_entries e where e.person_id = $1
       ) t group by category having sum(minutes) > 0 order by category`,
      [personId],
    );
    return { totalMinutes: rows.reduce((sum, row) => sum + row.minutes, 0), byCategory: rows };
  }

  checkResponses(personId: string): Promise<MyCheckResponseData[]> {
    return this.query(
      `select a.title as "check", r.kind as round, s.status, s.form, s.via, ${ISO('s.started_at')} as "startedAt",
              ${ISO('s.finished_at')} as "finishedAt",
              coalesce((select json_agg(json_build_object(
                          'itemKey', c.item_key,
                          'itemText', (select i->>'textSv' from jsonb_array_elements(v.items) i where i->>'key' = c.item_key limit 1),
                          'declined', c.declined, 'value', c.value, 'observation', c.rated_by is not null,
                          'answeredAt', c.answered_at) order by c.answered_at, c.item_key)
                          from check_answer c where c.response_id = s.id), '[]'::json) as answers
         from check_response s join check_round r on r.id = s.round_id join check_assignment a on a.id = r.assignment_id
         join check_instrument_version v on v.id = a.instrument_version_id
        where s.person_id = $1 order by s.started_at`,
      [personId],
    );
  }

  supportReceived(personId: string): Promise<MySupportData[]> {
    return this.query(
      `select e.date::text as date, e.minutes, e.topic, ${moduleTitle('e.module_id')} as module, u.name as unit, e.notes
         from support_entries e join unit u on u.id = e.unit_id where e.person_id = $1 order by e.date, e.created_at`,
      [personId],
    );
  }

  notifications(personId: string): Promise<MyNotificationData[]> {
    return this.query(
      `select kind, session_id as "sessionId", details, ${ISO('created_at')} as "createdAt", ${ISO('read_at')} as "readAt"
         from notification where person_id = $1 order by created_at`,
      [personId],
    );
  }

  emails(personId: string): Promise<MyEmailData[]> {
    return this.query(
      `select to_address as "toAddress", subject, body, status, ${ISO('created_at')} as "createdAt", ${ISO('sent_at')} as "sentAt"
         from mail_outbox where person_id = $1 order by created_at`,
      [personId],
    );
  }

  calendarFeeds(personId: string): Promise<MyCalendarFeedData[]> {
    return this.query(
      `select ${ISO('created_at')} as "createdAt", ${ISO('revoked_at')} as "revokedAt" from calendar_feed where person_id = $1 order by created_at`,
      [personId],
    );
  }

  /**
   * Entries about the person in full (who made them is left out: that is about someone else), and the person's own
   * actions without target or details, which may name other people.
   */
  auditEntries(personId: string): Promise<MyAuditEntryData[]> {
    return this.query(
      `select ${ISO('created_at')} as "createdAt", action,
              case when target_id = $1::text then 'me' else 'my_action' end as about,
              case when target_id = $1::text then target_type end as "targetType",
              case when target_id = $1::text then details end as details,
              case when actor_person_id = $1::uuid then ip end as ip
         from audit_log where target_id = $1::text or actor_person_id = $1::uuid order by id`,
      [personId],
    );
  }

  // --- retention and pseudonymisation ---

  async retentionMonths(organisationId: string): Promise<number | null> {
    const rows = await this.query<{ retention_months: number | null }>(`select retention_months from personal_data_settings where organisation_id = $1`, [
      organisationId,
    ]);
    return rows[0]?.retention_months ?? null;
  }

  async setRetentionMonths(organisationId: string, months: number | null, personId: string): Promise<void> {
    await this.db.manager.query(
      `insert into personal_data_settings (organisation_id, retention_months, updated_by) values ($1, $2, $3)
       on conflict (organisation_id) do update set retention_months = excluded.retention_months, updated_by = excluded.updated_by, updated_at = now()`,
      [organisationId, months, personId],
    );
  }

  /** People of the organisation whose employment ended more than `months` ago and who still carry their identity. */
  async dueForPseudonymisation(organisationId: string, months: number): Promise<string[]> {
    const rows = await this.query<{ id: string }>(
      `select id from person
        where organisation_id = $1 and pseudonymised_at is null and end_date is not null
          and end_date < (now() at time zone 'Europe/Stockholm')::date - make_interval(months => $2)
        order by end_date, id`,
      [organisationId, months],
    );
    return rows.map((row) => row.id);
  }

  /** What the person signs in with: the sign-in throttle counts under keys made from it. */
  async signInIdentity(personId: string): Promise<{ id: string; organisationId: string; email: string | null; employeeNumber: string | null } | null> {
    const rows = await this.query<{ id: string; organisationId: string; email: string | null; employeeNumber: string | null }>(
      `select id, organisation_id as "organisationId", email, employee_number as "employeeNumber" from person where id = $1`,
      [personId],
    );
    return rows[0] ?? null;
  }

  async personForPseudonymisation(personId: string): Promise<{ id: string; organisationId: string; endDate: string | null; pseudonymised: boolean } | null> {
    const rows = await this.query<{ id: string; organisationId: string; endDate: string | null; pseudonymised: boolean }>(
      `select id, organisation_id as "organisationId", end_date::text as "endDate", pseudonymised_at is not null as pseudonymised
         from person where id = $1 for update`,
      [personId],
    );
    return rows[0] ?? null;
  }

  /**
   * Removes what identifies the person and keeps what the statistics count: memberships, role history, marks,
   * minutes, responses and structured answers (ratings and choices; answers hold no free text) stay, so every
   * aggregate comes out the same. Idempotent: a pseudonymised person is left alone (`changed` false).
   */
  async pseudonymise(personId: string): Promise<PseudonymisedPerson> {
    // Through a CTE: a bare UPDATE … RETURNING answers TypeORM's [rows, count] pair instead of the rows.
    const changed = await this.query<{ id: string }>(
      `with changed as (update person set
          first_name = $2,
          last_name = upper(substr(replace(id::text, '-', ''), 1, 4)),
          -- Unique per organisation and not null: a code from the record, not from the old number.
          employee_number = 'avid-' || replace(id::text, '-', ''),
          email = null,
          disabled_at = coalesce(disabled_at, now()),
          pseudonymised_at = now(),
          updated_at = now()
        where id = $1 and pseudonymised_at is null
        returning id)
       select id from changed`,
      [personId, PSEUDONYM_PREFIX],
    );
    if (changed.length > 0) {
      // Sign-in disabled for good: no password, no codes, no sessions (and their addresses and browsers gone).
      await this.db.manager.query(`delete from credential where person_id = $1`, [personId]);
      await this.db.manager.query(`delete from one_time_code where person_id = $1`, [personId]);
      await this.db.manager.query(`update auth_session set revoked_at = coalesce(revoked_at, now()), ip = null, user_agent = null where person_id = $1`, [
        personId,
      ]);
      await this.db.manager.query(`update calendar_feed set revoked_at = coalesce(revoked_at, now()) where person_id = $1`, [personId]);
      // Messages to the person: their address and the greeting by name go; that an e-mail was sent stays on record.
      await this.db.manager.query(`delete from notification where person_id = $1`, [personId]);
      await this.db.manager.query(`update mail_outbox set to_address = '–', subject = '–', body = '' where person_id = $1`, [personId]);
      // Free text written about the person; minutes, dates and modules stay for the statistics.
      await this.db.manager.query(`update support_entries set notes = null, topic = '–' where person_id = $1`, [personId]);
      await this.db.manager.query(`update ambassador_appointment set note = null where person_id = $1`, [personId]);
      await this.db.manager.query(
        `update ambassador_qualification set note = null, revoke_reason = case when revoked_at is not null then '–' end where person_id = $1`,
        [personId],
      );
      // Why they led a session without qualification: that a reason was recorded stays, its words about them go.
      await this.db.manager.query(
        `update sessions s set facilitator_reason = '–'
          where s.facilitator_reason is not null and exists (select 1 from session_facilitators f where f.session_id = s.id and f.person_id = $1)`,
        [personId],
      );
    }
    const [row] = await this.query<{ name: string; pseudonymisedAt: Date }>(
      `select first_name || ' ' || last_name as name, pseudonymised_at as "pseudonymisedAt" from person where id = $1`,
      [personId],
    );
    return { personId, name: row.name, pseudonymisedAt: row.pseudonymisedAt.toISOString(), changed: changed.length > 0 };
  }
}
