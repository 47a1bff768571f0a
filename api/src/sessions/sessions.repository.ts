import { Injectable } from '@nestjs/common';
import {
  ActivityCategory,
  AttendanceRow,
  AttendanceStatus,
  MarkOutcome,
  PersonRef,
  SessionAudience,
  SessionShift,
  SessionStatus,
  SessionSummary,
  WalkInCandidate,
} from '@kunna/contracts';
import { Db } from '../database/db';
import { ATTENDED_SQL, invitedTo, LOCAL_TODAY, PARTICIPATION_MINUTES_SQL, SESSION_TIME_ZONE } from '../database/participation.sql';
import type { Visibility } from '../organisation';

const STARTS_AT = (date: string, time: string) => `timezone('${SESSION_TIME_ZONE}', ${date}::date + ${time}::time)`;

export interface UnitState {
  id: string;
  organisationId: string;
  areaId: string;
  name: string;
  closed: boolean;
}

export interface VersionChoice {
  versionId: string;
  moduleId: string;
  title: string;
  durationMinutes: number;
  repeatIntervalWeeks: number | null;
}

export interface SessionRow {
  id: string;
  organisationId: string;
  unitId: string;
  areaId: string;
  moduleId: string;
  moduleVersionId: string;
  seriesId: string | null;
  seriesPosition: number | null;
  programId: string | null;
  date: string;
  startTime: string;
  durationMinutes: number;
  place: string;
  capacity: number | null;
  activityCategory: ActivityCategory;
  shift: SessionShift | null;
  audience: SessionAudience;
  status: SessionStatus;
  cancelReason: string | null;
  note: string | null;
  facilitatorReason: string | null;
  facilitatorIds: string[];
  invitedPersonIds: string[];
}

export interface NewSession {
  id: string | null;
  organisationId: string;
  unitId: string;
  moduleVersionId: string;
  seriesId: string | null;
  seriesPosition: number | null;
  programId: string | null;
  date: string;
  startTime: string;
  durationMinutes: number;
  place: string;
  capacity: number | null;
  activityCategory: ActivityCategory;
  shift: SessionShift | null;
  audience: SessionAudience;
  note: string | null;
  facilitatorReason: string | null;
  createdBy: string;
}

export interface SessionChanges {
  date: string;
  startTime: string;
  durationMinutes: number;
  place: string;
  capacity: number | null;
  shift: SessionShift | null;
  audience: SessionAudience;
  note: string | null;
  facilitatorReason: string | null;
  status: SessionStatus;
  cancelReason: string | null;
}

export interface OverlapRow {
  sessionId: string;
  title: string;
  unitId: string;
  unitName: string;
  date: string;
  startTime: string;
  personId: string | null;
  personName: string | null;
}

export interface PersonState {
  id: string;
  organisationId: string;
  name: string;
  endDate: string | null;
  pseudonymised: boolean;
}

export interface MarkToApply {
  id: string;
  organisationId: string;
  sessionId: string;
  personId: string | null;
  walkInName: string | null;
  walkIn: boolean;
  status: AttendanceStatus;
  minutes: number | null;
  recordedAt: string;
  recordedBy: string;
}

export interface SummaryFilter {
  organisationId: string;
  visibility: Visibility;
  /** Sessions the caller facilitates are visible whatever the unit. */
  facilitatorId: string;
  unitId?: string;
  from?: string;
  to?: string;
  includeCancelled: boolean;
  seriesId?: string;
  sessionIds?: string[];
}

const SUMMARY_SELECT = `
  select s.id, s.unit_id, u.name as unit_name, v.module_id, v.title, v.id as version_id, v.version_number,
         s.date::text as date, to_char(s.start_time, 'HH24:MI') as start_time, s.duration_minutes, s.starts_at, s.ends_at,
         s.place, s.capacity, s.activity_category, s.shift, s.audience, s.status, s.cancel_reason, s.series_id,
         s.series_position, s.program_id, s.revision, s.note,
         coalesce((select json_agg(json_build_object('id', p.id, 'name', p.first_name || ' ' || p.last_name) order by p.last_name, p.first_name)
                     from session_facilitators f join person p on p.id = f.person_id where f.session_id = s.id), '[]'::json) as facilitators,
         (select count(*)::int from session_invitees i where i.session_id = s.id) as invited_count,
         (select count(*)::int from attendance_marks m where m.session_id = s.id and m.status in ('present', 'partial')) as attended_count,
         (select count(*)::int from attendance_marks m where m.session_id = s.id) as marked_count
    from sessions s
    join unit u on u.id = s.unit_id
    join library_module_version v on v.id = s.module_version_id`;

interface SummaryDbRow {
  id: string;
  unit_id: string;
  unit_name: string;
  module_id: string;
  title: string;
  version_id: string;
  version_number: number;
  date: string;
  start_time: string;
  duration_minutes: number;
  starts_at: Date;
  ends_at: Date;
  place: string;
  capacity: number | null;
  activity_category: ActivityCategory;
  shift: SessionShift | null;
  audience: SessionAudience;
  status: SessionStatus;
  cancel_reason: string | null;
  series_id: string | null;
  series_position: number | null;
  program_id: string | null;
  revision: number;
  note: string | null;
  facilitators: PersonRef[];
  invited_count: number;
  attended_count: number;
  marked_count: number;
}

function toSummary(row: SummaryDbRow): SessionSummary & { note: string | null } {
  return {
    id: row.id,
    unit: { id: row.unit_id, name: row.unit_name },
    module: { id: row.module_id, title: row.title },
    moduleVersionId: row.version_id,
    moduleVersionNumber: row.version_number,
    title: row.title,
    date: row.date,
    startTime: row.start_time,
    durationMinutes: row.duration_minutes,
    startsAt: new Date(row.starts_at).toISOString(),
    endsAt: new Date(row.ends_at).toISOString(),
    place: row.place,
    capacity: row.capacity,
    activityCategory: row.activity_category,
    shift: row.shift,
    audience: row.audience,
    status: row.status,
    cancelReason: row.cancel_reason,
    seriesId: row.series_id,
    seriesPosition: row.series_position,
    programId: row.program_id,
    facilitators: row.facilitators,
    invitedCount: row.invited_count,
    attendedCount: row.attended_count,
    markedCount: row.marked_count,
    revision: row.revision,
    note: row.note,
  };
}

@Injectable()
export class SessionsRepository {
  constructor(private readonly db: Db) {}

  async today(): Promise<string> {
    const rows: Array<{ today: string }> = await this.db.manager.query(`select ${LOCAL_TODAY}::text as today`);
    return rows[0].today;
  }

  async unit(unitId: string): Promise<UnitState | null> {
    const rows: Array<{ id: string; organisation_id: string; area_id: string; name: string; closed: boolean }> = await this.db.manager.query(
      `select id, organisation_id, area_id, name, (closed_at is not null and closed_at <= ${LOCAL_TODAY}) as closed from unit where id = $1`,
      [unitId],
    );
    const row = rows[0];
    return row ? { id: row.id, organisationId: row.organisation_id, areaId: row.area_id, name: row.name, closed: row.closed } : null;
  }

  /** A published version of a module the organisation may use (its network's or its own). */
  async publishedVersion(versionId: string, networkId: string, organisationId: string): Promise<VersionChoice | null> {
    const rows = await this.db.manager.query<VersionChoice[]>(
      `select v.id as "versionId", v.module_id as "moduleId", v.title, v.duration_minutes as "durationMinutes",
              v.repeat_interval_weeks as "repeatIntervalWeeks"
         from library_module_version v join library_module lm on lm.id = v.module_id
        where v.id = $1 and v.status = 'published' and lm.network_id = $2 and (lm.organisation_id is null or lm.organisation_id = $3)`,
      [versionId, networkId, organisationId],
    );
    return rows[0] ?? null;
  }

  /** The latest published version of a usable, not archived module. */
  async latestVersion(moduleId: string, networkId: string, organisationId: string): Promise<VersionChoice | null> {
    const rows = await this.db.manager.query<VersionChoice[]>(
      `select v.id as "versionId", v.module_id as "moduleId", v.title, v.duration_minutes as "durationMinutes",
              v.repeat_interval_weeks as "repeatIntervalWeeks"
         from library_module lm join library_module_version v on v.module_id = lm.id and v.status = 'published'
        where lm.id = $1 and lm.archived_at is null and lm.network_id = $2 and (lm.organisation_id is null or lm.organisation_id = $3)
        order by v.version_number desc limit 1`,
      [moduleId, networkId, organisationId],
    );
    return rows[0] ?? null;
  }

  /** A program the organisation may use, with its steps' modules in order. */
  async program(programId: string, networkId: string, organisationId: string): Promise<{ id: string; title: string; moduleIds: string[] } | null> {
    const rows: Array<{ id: string; title: string; module_ids: string[] | null }> = await this.db.manager.query(
      `select p.id, p.title, array(select module_id from library_program_step where program_id = p.id order by position) as module_ids
         from library_program p
        where p.id = $1 and p.archived_at is null and p.network_id = $2 and (p.organisation_id is null or p.organisation_id = $3)`,
      [programId, networkId, organisationId],
    );
    const row = rows[0];
    return row ? { id: row.id, title: row.title, moduleIds: row.module_ids ?? [] } : null;
  }

  async people(personIds: string[]): Promise<PersonState[]> {
    if (personIds.length === 0) return [];
    return this.db.manager.query(
      `select id, organisation_id as "organisationId", first_name || ' ' || last_name as name, end_date::text as "endDate",
              (pseudonymised_at is not null) as pseudonymised
         from person where id = any($1::uuid[])`,
      [personIds],
    );
  }

  // --- sessions ---

  async insertSession(session: NewSession): Promise<string> {
    const rows: Array<{ id: string }> = await this.db.manager.query(
      `insert into sessions (id, organisation_id, unit_id, module_version_id, series_id, series_position, program_id, date, start_time,
                             duration_minutes, starts_at, ends_at, place, capacity, activity_category, shift, audience, note,
                             facilitator_reason, created_by, updated_by)
       values (coalesce($1::uuid, gen_random_uuid()), $2, $3, $4, $5, $6, $7, $8::date, $9::time, $10,
               ${STARTS_AT('$8', '$9')}, ${STARTS_AT('$8', '$9')} + make_interval(mins => $10::int),
               $11, $12, $13, $14, $15, $16, $18, $17, $17)
       returning id`,
      [
        session.id,
        session.organisationId,
        session.unitId,
        session.moduleVersionId,
        session.seriesId,
        session.seriesPosition,
        session.programId,
        session.date,
        session.startTime,
        session.durationMinutes,
        session.place,
        session.capacity,
        session.activityCategory,
        session.shift,
        session.audience,
        session.note,
        session.createdBy,
        session.facilitatorReason,
      ],
    );
    return rows[0].id;
  }

  async updateSession(sessionId: string, changes: SessionChanges, personId: string): Promise<void> {
    await this.db.manager.query(
      `update sessions
          set date = $2::date, start_time = $3::time, duration_minutes = $4,
              starts_at = ${STARTS_AT('$2', '$3')}, ends_at = ${STARTS_AT('$2', '$3')} + make_interval(mins => $4::int),
              place = $5, capacity = $6, shift = $7, audience = $8, note = $9, status = $10, cancel_reason = $11,
              cancelled_at = case when $10 = 'cancelled' then coalesce(cancelled_at, now()) else null end,
              facilitator_reason = $13, revision = revision + 1, updated_by = $12, updated_at = now()
        where id = $1`,
      [
        sessionId,
        changes.date,
        changes.startTime,
        changes.durationMinutes,
        changes.place,
        changes.capacity,
        changes.shift,
        changes.audience,
        changes.note,
        changes.status,
        changes.cancelReason,
        personId,
        changes.facilitatorReason,
      ],
    );
  }

  async setFacilitators(sessionId: string, organisationId: string, personIds: string[]): Promise<void> {
    await this.db.manager.query(`delete from session_facilitators where session_id = $1 and not (person_id = any($2::uuid[]))`, [sessionId, personIds]);
    await this.db.manager.query(
      `insert into session_facilitators (session_id, person_id, organisation_id)
       select $1, unnest($2::uuid[]), $3 on conflict do nothing`,
      [sessionId, personIds, organisationId],
    );
  }

  async setInvitations(sessionId: string, organisationId: string, personIds: string[]): Promise<void> {
    await this.db.manager.query(`delete from session_invitations where session_id = $1 and not (person_id = any($2::uuid[]))`, [sessionId, personIds]);
    await this.db.manager.query(
      `insert into session_invitations (session_id, person_id, organisation_id)
       select $1, unnest($2::uuid[]), $3 on conflict do nothing`,
      [sessionId, personIds, organisationId],
    );
  }

  async sessionRow(sessionId: string, lock = false): Promise<SessionRow | null> {
    const rows = await this.db.manager.query<SessionRow[]>(
      `select s.id, s.organisation_id as "organisationId", s.unit_id as "unitId", u.area_id as "areaId", v.module_id as "moduleId",
              s.module_version_id as "moduleVersionId", s.series_id as "seriesId", s.series_position as "seriesPosition",
              s.program_id as "programId", s.date::text as date, to_char(s.start_time, 'HH24:MI') as "startTime",
              s.duration_minutes as "durationMinutes", s.place, s.capacity, s.activity_category as "activityCategory", s.shift,
              s.audience, s.status, s.cancel_reason as "cancelReason", s.note,
              s.facilitator_reason as "facilitatorReason",
              array(select person_id from session_facilitators where session_id = s.id) as "facilitatorIds",
              array(select person_id from session_invitations where session_id = s.id) as "invitedPersonIds"
         from sessions s join unit u on u.id = s.unit_id join library_module_version v on v.id = s.module_version_id
        where s.id = $1 ${lock ? 'for update of s' : ''}`,
      [sessionId],
    );
    return rows[0] ?? null;
  }

  async summaries(filter: SummaryFilter): Promise<Array<SessionSummary & { note: string | null }>> {
    const params: unknown[] = [
      filter.organisationId,
      filter.visibility.organisationWide,
      filter.visibility.areaIds,
      filter.visibility.unitIds,
      filter.facilitatorId,
      filter.unitId ?? null,
      filter.from ?? null,
      filter.to ?? null,
      filter.includeCancelled,
      filter.seriesId ?? null,
      filter.sessionIds ?? null,
    ];
    const rows: SummaryDbRow[] = await this.db.manager.query(
      `${SUMMARY_SELECT}
        where s.organisation_id = $1
          and ($2::boolean or u.area_id = any($3::uuid[]) or u.id = any($4::uuid[])
               or exists (select 1 from session_facilitators f where f.session_id = s.id and f.person_id = $5))
          and ($6::uuid is null or s.unit_id = $6)
          and ($7::date is null or s.date >= $7::date)
          and ($8::date is null or s.date <= $8::date)
          and ($9::boolean or s.status = 'scheduled')
          and ($10::uuid is null or s.series_id = $10)
          and ($11::uuid[] is null or s.id = any($11::uuid[]))
        order by s.starts_at, u.name, s.series_position nulls first
        limit 2000`,
      params,
    );
    return rows.map(toSummary);
  }

  async summary(sessionId: string): Promise<(SessionSummary & { note: string | null }) | null> {
    const rows: SummaryDbRow[] = await this.db.manager.query(`${SUMMARY_SELECT} where s.id = $1`, [sessionId]);
    return rows[0] ? toSummary(rows[0]) : null;
  }

  /** Sessions of a day facilitated by the person or in the given units, not cancelled. */
  async daySessionIds(organisationId: string, personId: string, unitIds: string[], day: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.manager.query(
      `select s.id from sessions s
        where s.organisation_id = $1 and s.date = $4::date and s.status = 'scheduled'
          and (s.unit_id = any($3::uuid[]) or exists (select 1 from session_facilitators f where f.session_id = s.id and f.person_id = $2))
        order by s.starts_at`,
      [organisationId, personId, unitIds, day],
    );
    return rows.map((row) => row.id);
  }

  // --- series ---

  async insertSeries(series: {
    id: string | null;
    organisationId: string;
    unitId: string;
    programId: string | null;
    intervalWeeks: number;
    count: number;
    createdBy: string;
  }): Promise<string> {
    const rows: Array<{ id: string }> = await this.db.manager.query(
      `insert into session_series (id, organisation_id, unit_id, program_id, interval_weeks, occurrence_count, created_by)
       values (coalesce($1::uuid, gen_random_uuid()), $2, $3, $4, $5, $6, $7) returning id`,
      [series.id, series.organisationId, series.unitId, series.programId, series.intervalWeeks, series.count, series.createdBy],
    );
    return rows[0].id;
  }

  async seriesRow(
    seriesId: string,
    lock = false,
  ): Promise<{
    id: string;
    organisationId: string;
    unitId: string;
    areaId: string;
    programId: string | null;
    programTitle: string | null;
    intervalWeeks: number;
    count: number;
  } | null> {
    const rows = await this.db.manager.query<
      Array<{
        id: string;
        organisationId: string;
        unitId: string;
        areaId: string;
        programId: string | null;
        programTitle: string | null;
        intervalWeeks: number;
        count: number;
      }>
    >(
      `select ss.id, ss.organisation_id as "organisationId", ss.unit_id as "unitId", u.area_id as "areaId", ss.program_id as "programId",
              p.title as "programTitle", ss.interval_weeks as "intervalWeeks", ss.occurrence_count as count
         from session_series ss join unit u on u.id = ss.unit_id left join library_program p on p.id = ss.program_id
        where ss.id = $1 ${lock ? 'for update of ss' : ''}`,
      [seriesId],
    );
    return rows[0] ?? null;
  }

  /** Where a series sits, for the access guard: its unit and everyone facilitating one of its sessions. */
  async seriesPosition(seriesId: string): Promise<{ organisationId: string; unitId: string; areaId: string; facilitatorIds: string[] } | null> {
    const rows = await this.db.manager.query<Array<{ organisationId: string; unitId: string; areaId: string; facilitatorIds: string[] }>>(
      `select ss.organisation_id as "organisationId", ss.unit_id as "unitId", u.area_id as "areaId",
              array(select distinct f.person_id from sessions s join session_facilitators f on f.session_id = s.id where s.series_id = ss.id)
                as "facilitatorIds"
         from session_series ss join unit u on u.id = ss.unit_id where ss.id = $1`,
      [seriesId],
    );
    return rows[0] ?? null;
  }

  /** The series' session ids at or after a position (`following`) or at it (`one`), in order. */
  async seriesSessionIds(seriesId: string, position: number, following: boolean): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.manager.query(
      `select id from sessions where series_id = $1 and (case when $3 then series_position >= $2 else series_position = $2 end)
        order by series_position, starts_at for update`,
      [seriesId, position, following],
    );
    return rows.map((row) => row.id);
  }

  // --- conflicts ---

  /** Sessions of the given people overlapping [startsAt, endsAt) of the planned date/time. */
  async facilitatorOverlaps(
    personIds: string[],
    date: string,
    startTime: string,
    durationMinutes: number,
    exceptSessionId: string | null,
  ): Promise<OverlapRow[]> {
    if (personIds.length === 0) return [];
    return this.db.manager.query(
      `select s.id as "sessionId", v.title, s.unit_id as "unitId", u.name as "unitName", s.date::text as date,
              to_char(s.start_time, 'HH24:MI') as "startTime", p.id as "personId", p.first_name || ' ' || p.last_name as "personName"
         from session_facilitators f
         join sessions s on s.id = f.session_id
         join unit u on u.id = s.unit_id
         join library_module_version v on v.id = s.module_version_id
         join person p on p.id = f.person_id
        where f.person_id = any($1::uuid[]) and s.status = 'scheduled' and ($5::uuid is null or s.id <> $5)
          and s.starts_at < ${STARTS_AT('$2', '$3')} + make_interval(mins => $4::int)
          and s.ends_at > ${STARTS_AT('$2', '$3')}
        order by s.starts_at`,
      [personIds, date, startTime, durationMinutes, exceptSessionId],
    );
  }

  /** Sessions of the organisation in the same place (compared without case and surrounding spaces) at an overlapping time. */
  async placeOverlaps(
    organisationId: string,
    place: string,
    date: string,
    startTime: string,
    durationMinutes: number,
    exceptSessionId: string | null,
  ): Promise<OverlapRow[]> {
    return this.db.manager.query(
      `select s.id as "sessionId", v.title, s.unit_id as "unitId", u.name as "unitName", s.date::text as date,
              to_char(s.start_time, 'HH24:MI') as "startTime", null as "personId", null as "personName"
         from sessions s
         join unit u on u.id = s.unit_id
         join library_module_version v on v.id = s.module_version_id
        where s.organisation_id = $1 and lower(btrim(s.place)) = lower(btrim($2)) and s.status = 'scheduled'
          and ($6::uuid is null or s.id <> $6)
          and s.starts_at < ${STARTS_AT('$3', '$4')} + make_interval(mins => $5::int)
          and s.ends_at > ${STARTS_AT('$3', '$4')}
        order by s.starts_at`,
      [organisationId, place, date, startTime, durationMinutes, exceptSessionId],
    );
  }

  /**
   * Facilitators who are ambassadors somewhere in the organisation but without an appointment covering the unit on the
   * date. People who are not ambassadors at all (a manager, an invited teacher) are not flagged.
   */
  async facilitatorsOutsideAppointment(personIds: string[], unitId: string, date: string): Promise<string[]> {
    if (personIds.length === 0) return [];
    const rows: Array<{ person_id: string }> = await this.db.manager.query(
      `select distinct a.person_id from ambassador_appointment a
        where a.person_id = any($1::uuid[])
          and not exists (select 1 from ambassador_appointment b join ambassador_appointment_unit bu on bu.appointment_id = b.id
                           where b.person_id = a.person_id and bu.unit_id = $2
                             and b.start_date <= $3::date and (b.end_date is null or b.end_date >= $3::date))`,
      [personIds, unitId, date],
    );
    return rows.map((row) => row.person_id);
  }

  /**
   * Those of these people (in their order) who were not qualified to deliver the module on the day. A qualification
   * for a network module also covers the organisation's adapted copies of it; a revoked one counts up to the day
   * before its revocation (Swedish time). Scheduling warns about them (the ambassadors feature owns the qualifications).
   */
  async unqualifiedAmong(personIds: string[], moduleId: string, day: string): Promise<string[]> {
    if (personIds.length === 0) return [];
    const rows: Array<{ n: number }> = await this.db.manager.query(
      `select p.n::int as n from unnest($1::uuid[]) with ordinality as p(id, n)
        where not exists (
          select 1 from ambassador_qualification q
           where q.person_id = p.id
             and (q.module_id = $2 or q.module_id = (select source_module_id from library_module where id = $2))
             and q.valid_from <= $3::date and (q.valid_until is null or q.valid_until >= $3::date)
             and (q.revoked_at is null or (q.revoked_at at time zone 'Europe/Stockholm')::date > $3::date))
        order by p.n`,
      [personIds, moduleId, day],
    );
    return rows.map((row) => personIds[row.n - 1]);
  }

  // --- attendance ---

  /** Which of these people the session invites (the session_invitees rule), in one query for a whole batch. */
  async invitedAmong(sessionId: string, personIds: string[]): Promise<Set<string>> {
    if (personIds.length === 0) return new Set();
    const rows: Array<{ person_id: string }> = await this.db.manager.query(
      `select person_id from session_invitees where session_id = $1 and person_id = any($2::uuid[])`,
      [sessionId, personIds],
    );
    return new Set(rows.map((row) => row.person_id));
  }

  /** Invited people (marked or not), marked people who were not invited, and walk-ins by name. */
  async attendance(sessionId: string): Promise<AttendanceRow[]> {
    const rows: Array<{
      person_id: string | null;
      person_name: string | null;
      employee_number: string | null;
      walk_in_name: string | null;
      invited: boolean;
      status: AttendanceStatus | null;
      minutes: number | null;
      mark_id: string | null;
      recorded_at: Date | null;
      recorded_by_id: string | null;
      recorded_by_name: string | null;
    }> = await this.db.manager.query(
      `with invited as (select person_id from session_invitees where session_id = $1),
            people as (select person_id from invited union select person_id from attendance_marks where session_id = $1 and person_id is not null)
       select p.id as person_id, p.first_name || ' ' || p.last_name as person_name, p.employee_number, null as walk_in_name,
              exists (select 1 from invited i where i.person_id = p.id) as invited,
              m.status, m.minutes, m.id as mark_id, m.recorded_at, rb.id as recorded_by_id, rb.first_name || ' ' || rb.last_name as recorded_by_name,
              p.last_name as sort_last, p.first_name as sort_first
         from people x join person p on p.id = x.person_id
         left join attendance_marks m on m.session_id = $1 and m.person_id = p.id
         left join person rb on rb.id = m.recorded_by
       union all
       select null, null, null, m.walk_in_name, false, m.status, m.minutes, m.id, m.recorded_at, rb.id, rb.first_name || ' ' || rb.last_name,
              m.walk_in_name, ''
         from attendance_marks m join person rb on rb.id = m.recorded_by
        where m.session_id = $1 and m.person_id is null
       order by invited desc, sort_last, sort_first`,
      [sessionId],
    );
    return rows.map((row) => ({
      person: row.person_id ? { id: row.person_id, name: row.person_name ?? '', employeeNumber: row.employee_number ?? '' } : null,
      walkInName: row.walk_in_name,
      walkIn: !row.invited,
      status: row.status,
      minutes: row.minutes,
      markId: row.mark_id,
      recordedAt: row.recorded_at ? new Date(row.recorded_at).toISOString() : null,
      recordedBy: row.recorded_by_id ? { id: row.recorded_by_id, name: row.recorded_by_name ?? '' } : null,
    }));
  }

  /** The receipt of a mark id received before, if any. */
  async receipts(markIds: string[]): Promise<Map<string, { sessionId: string; personId: string | null; walkInName: string | null }>> {
    const rows: Array<{ markId: string; sessionId: string; personId: string | null; walkInName: string | null }> = await this.db.manager.query(
      `select mark_id as "markId", session_id as "sessionId", person_id as "personId", walk_in_name as "walkInName"
         from attendance_mark_receipts where mark_id = any($1::uuid[])`,
      [markIds],
    );
    return new Map(rows.map(({ markId, ...receipt }) => [markId, receipt]));
  }

  /**
   * Applies a batch of marks given in lock order (by participant, then mark id), in a few statements rather than two
   * per mark. The receipt insert makes a mark id count once: a concurrent request with the same id waits on the
   * receipt's primary key and then finds it taken (replayed). The upsert keeps, per person (or walk-in name), the mark
   * with the latest recordedAt, ties broken by the larger mark id, whatever order the marks arrive in. A person with
   * one mark in the batch joins the run of such people upserted in one statement; a person with several, and every
   * walk-in (whose name matching is PostgreSQL's lower()), is upserted alone in turn, since one statement may not
   * update a row twice. Runs and single upserts follow the given order, so concurrent batches lock rows in one order.
   */
  async applyMarks(marks: readonly MarkToApply[]): Promise<MarkOutcome[]> {
    const outcomes = new Array<MarkOutcome>(marks.length).fill(MarkOutcome.Replayed);
    const first = new Map<string, number>();
    marks.forEach((mark, index) => {
      if (!first.has(mark.id)) first.set(mark.id, index);
    });
    const unique = [...first.values()].map((index) => marks[index]);
    const received: Array<{ mark_id: string }> = await this.db.manager.query(
      `insert into attendance_mark_receipts (mark_id, organisation_id, session_id, person_id, walk_in_name, status, minutes, recorded_at,
                                             recorded_by, outcome)
       select t.*, 'applied'
         from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::int[], $8::timestamptz[], $9::uuid[]) as t
       on conflict (mark_id) do nothing returning mark_id`,
      [
        unique.map((m) => m.id),
        unique.map((m) => m.organisationId),
        unique.map((m) => m.sessionId),
        unique.map((m) => m.personId),
        unique.map((m) => m.walkInName),
        unique.map((m) => m.status),
        unique.map((m) => m.minutes),
        unique.map((m) => m.recordedAt),
        unique.map((m) => m.recordedBy),
      ],
    );
    const fresh = new Set(received.map((row) => row.mark_id));
    const toApply = [...first.entries()]
      .filter(([id]) => fresh.has(id))
      .map(([, index]) => index)
      .sort((a, b) => a - b);
    const marksPerPerson = new Map<string, number>();
    for (const index of toApply) {
      const personId = marks[index].personId;
      if (personId !== null) marksPerPerson.set(personId, (marksPerPerson.get(personId) ?? 0) + 1);
    }
    let run: number[] = [];
    const upsert = async (indexes: number[]) => {
      const applied = await this.upsertMarks(indexes.map((index) => marks[index]));
      for (const index of indexes) outcomes[index] = applied.has(marks[index].id) ? MarkOutcome.Applied : MarkOutcome.Superseded;
    };
    for (const index of toApply) {
      const personId = marks[index].personId;
      if (personId !== null && marksPerPerson.get(personId) === 1) {
        run.push(index);
        continue;
      }
      if (run.length > 0) await upsert(run);
      run = [];
      await upsert([index]);
    }
    if (run.length > 0) await upsert(run);
    const superseded = marks.filter((_, index) => outcomes[index] === MarkOutcome.Superseded).map((mark) => mark.id);
    if (superseded.length > 0) {
      await this.db.manager.query(`update attendance_mark_receipts set outcome = 'superseded' where mark_id = any($1::uuid[])`, [superseded]);
    }
    return outcomes;
  }

  /** A mark id received for the session: its receipt's outcome, and whether it is the participant's mark in force. */
  async markState(sessionId: string, markId: string): Promise<{ outcome: string; inForce: boolean } | null> {
    const rows: Array<{ outcome: string; in_force: boolean }> = await this.db.manager.query(
      `select r.outcome, exists (select 1 from attendance_marks m where m.id = r.mark_id) as in_force
         from attendance_mark_receipts r where r.mark_id = $1 and r.session_id = $2`,
      [markId, sessionId],
    );
    return rows[0] ? { outcome: rows[0].outcome, inForce: rows[0].in_force } : null;
  }

  /**
   * Removes the mark in force with this id and turns its receipt into the tombstone (outcome `cleared`, at the later of
   * `clearedAt` and the mark's own time). False when the mark was no longer in force (cleared or replaced meanwhile).
   */
  async clearMark(sessionId: string, markId: string, clearedAt: string, clearedBy: string): Promise<boolean> {
    const deleted: Array<{ id: string; recorded_at: Date }> = await this.db.manager.query(
      `with gone as (delete from attendance_marks where id = $1 and session_id = $2 returning id, recorded_at) select * from gone`,
      [markId, sessionId],
    );
    if (deleted.length === 0) return false;
    await this.db.manager.query(
      `update attendance_mark_receipts set outcome = 'cleared', cleared_at = greatest($2::timestamptz, $3::timestamptz), cleared_by = $4
        where mark_id = $1`,
      [markId, clearedAt, deleted[0].recorded_at, clearedBy],
    );
    return true;
  }

  /**
   * Upserts marks that are all of people or all one walk-in, each participant at most once; the ids that took effect.
   * A mark recorded before the participant's mark was cleared (a late sync) is left out: the clearing is newer.
   */
  private async upsertMarks(marks: readonly MarkToApply[]): Promise<Set<string>> {
    const target =
      marks[0].personId !== null ? `(session_id, person_id) where person_id is not null` : `(session_id, lower(walk_in_name)) where person_id is null`;
    const applied: Array<{ id: string }> = await this.db.manager.query(
      `insert into attendance_marks (id, organisation_id, session_id, person_id, walk_in_name, walk_in, status, minutes, recorded_at, recorded_by)
       select * from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::boolean[], $7::text[], $8::int[], $9::timestamptz[], $10::uuid[])
                  as t(id, organisation_id, session_id, person_id, walk_in_name, walk_in, status, minutes, recorded_at, recorded_by)
        where not exists (select 1 from attendance_mark_receipts r
                           where r.session_id = t.session_id and r.outcome = 'cleared' and r.cleared_at >= t.recorded_at
                             and (case when t.person_id is not null then r.person_id = t.person_id
                                       else r.person_id is null and lower(r.walk_in_name) = lower(t.walk_in_name) end))
       on conflict ${target}
       do update set id = excluded.id, walk_in_name = excluded.walk_in_name, walk_in = excluded.walk_in, status = excluded.status,
                     minutes = excluded.minutes, recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by, received_at = now()
        where (excluded.recorded_at, excluded.id) > (attendance_marks.recorded_at, attendance_marks.id)
       returning id`,
      [
        marks.map((m) => m.id),
        marks.map((m) => m.organisationId),
        marks.map((m) => m.sessionId),
        marks.map((m) => m.personId),
        marks.map((m) => m.walkInName),
        marks.map((m) => m.walkIn),
        marks.map((m) => m.status),
        marks.map((m) => m.minutes),
        marks.map((m) => m.recordedAt),
        marks.map((m) => m.recordedBy),
      ],
    );
    return new Set(applied.map((row) => row.id));
  }

  /**
   * Has the person attended (see ATTENDED_SQL) a session of the program for every step's module? Then the day the last
   * step was first completed and the modules the program qualifies for.
   */
  async programCompletion(personId: string, programId: string): Promise<{ completedOn: string; qualifiesModuleIds: string[] } | null> {
    const rows: Array<{ steps: number; done: number; completed_on: string | null; qualifies: string[] | null }> = await this.db.manager.query(
      `with steps as (select position, module_id from library_program_step where program_id = $2),
            done as (select st.position, min(s.date) as day
                       from steps st
                       join library_module_version v on v.module_id = st.module_id
                       join sessions s on s.module_version_id = v.id and s.program_id = $2 and s.status = 'scheduled'
                       join attendance_marks m on m.session_id = s.id and m.person_id = $1 and ${ATTENDED_SQL}
                      group by st.position)
       select (select count(*)::int from steps) as steps, (select count(*)::int from done) as done,
              (select max(day)::text from done) as completed_on,
              array(select module_id from library_program_qualification where program_id = $2) as qualifies`,
      [personId, programId],
    );
    const row = rows[0];
    if (row.steps === 0 || row.done < row.steps || !row.completed_on) return null;
    return { completedOn: row.completed_on, qualifiesModuleIds: row.qualifies ?? [] };
  }

  /** People of the organisation matching a name, or exactly an employee number, for walk-ins: names and units only. */
  async walkInCandidates(organisationId: string, query: string, day: string): Promise<WalkInCandidate[]> {
    const like = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows: Array<{ id: string; name: string; unit_names: string[] | null }> = await this.db.manager.query(
      `select p.id, p.first_name || ' ' || p.last_name as name,
              array(select u.name from unit_membership m join unit u on u.id = m.unit_id
                     where m.person_id = p.id and m.start_date <= $3::date and (m.end_date is null or m.end_date >= $3::date) order by u.name) as unit_names
         from person p
        where p.organisation_id = $1 and p.pseudonymised_at is null and (p.end_date is null or p.end_date >= $3::date)
          and (lower(p.employee_number) = lower($2) or (p.first_name || ' ' || p.last_name) ilike $4)
        order by (lower(p.employee_number) = lower($2)) desc, p.last_name, p.first_name
        limit 20`,
      [organisationId, query, day, like],
    );
    return rows.map((row) => ({ id: row.id, name: row.name, unitNames: row.unit_names ?? [] }));
  }

  async markedSessionCount(sessionIds: string[]): Promise<number> {
    const rows: Array<{ count: number }> = await this.db.manager.query(
      `select count(distinct session_id)::int as count from attendance_marks where session_id = any($1::uuid[])`,
      [sessionIds],
    );
    return rows[0].count;
  }

  // --- catch-up and follow-up ---

  /**
   * Current members of the unit who were invited to (and did not lead) a past session of a program in force for the unit (assigned to
   * the unit, its area or the organisation, or to their role title), did not attend it, and have not attended a later
   * session of the same module anywhere since.
   */
  async missedProgramSessions(unitId: string): Promise<
    Array<{
      personId: string;
      personName: string;
      sessionId: string;
      moduleId: string;
      moduleTitle: string;
      date: string;
      programId: string;
      programTitle: string;
    }>
  > {
    return this.db.manager.query(
      `select p.id as "personId", p.first_name || ' ' || p.last_name as "personName", s.id as "sessionId", v.module_id as "moduleId",
              v.title as "moduleTitle", s.date::text as date, s.program_id as "programId", pr.title as "programTitle"
         from sessions s
         join unit u on u.id = s.unit_id
         join library_module_version v on v.id = s.module_version_id
         join library_program pr on pr.id = s.program_id
         cross join lateral ${invitedTo('s.id')} i
         join person p on p.id = i.person_id
        where s.unit_id = $1 and s.status = 'scheduled' and s.ends_at < now() and s.program_id is not null
          and exists (select 1 from library_program_assignment a
                       where a.program_id = s.program_id and a.organisation_id = s.organisation_id
                         and a.start_date <= s.date and (a.end_date is null or a.end_date >= s.date)
                         and (a.target_type = 'organisation' or a.unit_id = u.id or a.area_id = u.area_id
                              or (a.target_type = 'role_title' and lower(a.role_title) = lower(p.role_title))))
          and exists (select 1 from unit_membership m where m.person_id = p.id and m.unit_id = $1
                        and m.start_date <= ${LOCAL_TODAY} and (m.end_date is null or m.end_date >= ${LOCAL_TODAY}))
          and (p.end_date is null or p.end_date >= ${LOCAL_TODAY})
          and not exists (select 1 from session_facilitators f where f.session_id = s.id and f.person_id = p.id)
          and not exists (select 1 from attendance_marks m join sessions s2 on s2.id = m.session_id
                            join library_module_version v2 on v2.id = s2.module_version_id
                           where m.person_id = p.id and v2.module_id = v.module_id and s2.status = 'scheduled' and s2.date >= s.date
                             and ${ATTENDED_SQL.replace(/s\./g, 's2.')})
        order by s.date, v.title, p.last_name, p.first_name`,
      [unitId],
    );
  }

  /**
   * Modules with a repeat interval whose latest held session at the unit is followed by no later session of the
   * module: the follow-up is due `repeat_interval_weeks` after it.
   */
  async followUpsDue(unitId: string): Promise<
    Array<{
      moduleId: string;
      moduleTitle: string;
      lastSessionId: string;
      lastDate: string;
      repeatIntervalWeeks: number;
      dueDate: string;
      attendedCount: number;
    }>
  > {
    return this.db.manager.query(
      `with latest as (
         select distinct on (v.module_id) v.module_id, s.id as session_id, s.date, lv.repeat_interval_weeks, lv.title
           from sessions s
           join library_module_version v on v.id = s.module_version_id
           join lateral (select repeat_interval_weeks, title from library_module_version
                          where module_id = v.module_id and status = 'published' order by version_number desc limit 1) lv on true
          where s.unit_id = $1 and s.status = 'scheduled' and s.ends_at < now() and lv.repeat_interval_weeks is not null
          order by v.module_id, s.date desc)
       select l.module_id as "moduleId", l.title as "moduleTitle", l.session_id as "lastSessionId", l.date::text as "lastDate",
              l.repeat_interval_weeks as "repeatIntervalWeeks", (l.date + l.repeat_interval_weeks * 7)::text as "dueDate",
              (select count(*)::int from attendance_marks m join sessions s on s.id = m.session_id
                where m.session_id = l.session_id and ${ATTENDED_SQL}) as "attendedCount"
         from latest l
        where not exists (select 1 from sessions s join library_module_version v on v.id = s.module_version_id
                           where s.unit_id = $1 and v.module_id = l.module_id and s.status = 'scheduled' and s.date > l.date)
        order by l.date + l.repeat_interval_weeks * 7`,
      [unitId],
    );
  }

  // --- individual support ---

  async insertSupportEntry(entry: {
    id: string | null;
    organisationId: string;
    unitId: string;
    personId: string;
    ambassadorId: string;
    date: string;
    minutes: number;
    topic: string;
    moduleId: string | null;
    notes: string | null;
  }): Promise<string> {
    const rows: Array<{ id: string }> = await this.db.manager.query(
      `insert into support_entries (id, organisation_id, unit_id, person_id, ambassador_id, date, minutes, topic, module_id, notes)
       values (coalesce($1::uuid, gen_random_uuid()), $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
      [entry.id, entry.organisationId, entry.unitId, entry.personId, entry.ambassadorId, entry.date, entry.minutes, entry.topic, entry.moduleId, entry.notes],
    );
    return rows[0].id;
  }

  /** Is the person a member of the unit on `day`, or were they present at one of its sessions? */
  async memberOrWalkInOf(personId: string, unitId: string, day: string): Promise<boolean> {
    const rows: Array<{ ok: boolean }> = await this.db.manager.query(
      `select exists (select 1 from unit_membership m
                       where m.person_id = $1 and m.unit_id = $2 and m.start_date <= $3::date and (m.end_date is null or m.end_date >= $3::date))
           or exists (select 1 from attendance_marks a join sessions s on s.id = a.session_id
                       where a.person_id = $1 and s.unit_id = $2 and a.status in ('present', 'partial')) as ok`,
      [personId, unitId, day],
    );
    return rows[0]?.ok ?? false;
  }

  async supportEntryOwner(id: string): Promise<{ organisationId: string; unitId: string; personId: string } | null> {
    const rows = await this.db.manager.query<Array<{ organisationId: string; unitId: string; personId: string }>>(
      `select organisation_id as "organisationId", unit_id as "unitId", person_id as "personId" from support_entries where id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Entries of visible units, or of the person themself; notes are filtered by the service. */
  async supportEntries(filter: { organisationId: string; visibility: Visibility; selfId: string; unitId?: string; personId?: string; ids?: string[] }): Promise<
    Array<{
      id: string;
      personId: string;
      personName: string;
      unitId: string;
      unitName: string;
      ambassadorId: string;
      ambassadorName: string;
      date: string;
      minutes: number;
      topic: string;
      moduleId: string | null;
      moduleTitle: string | null;
      notes: string | null;
    }>
  > {
    return this.db.manager.query(
      `select e.id, p.id as "personId", p.first_name || ' ' || p.last_name as "personName", u.id as "unitId", u.name as "unitName",
              a.id as "ambassadorId", a.first_name || ' ' || a.last_name as "ambassadorName", e.date::text as date, e.minutes, e.topic,
              e.module_id as "moduleId",
              (select v.title from library_module_version v where v.module_id = e.module_id and v.status = 'published'
                order by v.version_number desc limit 1) as "moduleTitle",
              e.notes
         from support_entries e
         join person p on p.id = e.person_id
         join person a on a.id = e.ambassador_id
         join unit u on u.id = e.unit_id
        where e.organisation_id = $1
          and ($2::boolean or u.area_id = any($3::uuid[]) or u.id = any($4::uuid[]) or e.person_id = $5)
          and ($6::uuid is null or e.unit_id = $6)
          and ($7::uuid is null or e.person_id = $7)
          and ($8::uuid[] is null or e.id = any($8::uuid[]))
        order by e.date desc, e.created_at desc
        limit 1000`,
      [
        filter.organisationId,
        filter.visibility.organisationWide,
        filter.visibility.areaIds,
        filter.visibility.unitIds,
        filter.selfId,
        filter.unitId ?? null,
        filter.personId ?? null,
        filter.ids ?? null,
      ],
    );
  }

  // --- participation ---

  /**
   * Participation minutes per person and activity category in [from, to]: attendance in sessions that were held (not
   * cancelled) and individual support received. People: those with a membership in a visible unit (or `unitId`)
   * during the period, or only `personId`.
   */
  async participation(filter: {
    organisationId: string;
    visibility: Visibility;
    unitId: string | null;
    personId: string | null;
    from: string | null;
    to: string | null;
  }): Promise<Array<{ personId: string; personName: string; category: ActivityCategory; minutes: number; sessions: number }>> {
    return this.db.manager.query(
      `with people as (
         select p.id from person p where p.id = $6::uuid
         union
         select distinct m.person_id from unit_membership m join unit u on u.id = m.unit_id
          where $6::uuid is null and u.organisation_id = $1
            and ($2::boolean or u.area_id = any($3::uuid[]) or u.id = any($4::uuid[]))
            and ($5::uuid is null or u.id = $5)
            and m.start_date <= coalesce($8::date, ${LOCAL_TODAY}) and (m.end_date is null or m.end_date >= coalesce($7::date, '-infinity'::date))),
       contributions as (
         select m.person_id, s.activity_category as category, ${PARTICIPATION_MINUTES_SQL} as minutes, s.id as session_id
           from attendance_marks m join sessions s on s.id = m.session_id
          where m.person_id in (select id from people) and s.status = 'scheduled'
            and ($7::date is null or s.date >= $7::date) and ($8::date is null or s.date <= $8::date)
         union all
         select e.person_id, 'individual_support', e.minutes, null
           from support_entries e
          where e.person_id in (select id from people)
            and ($7::date is null or e.date >= $7::date) and ($8::date is null or e.date <= $8::date))
       select p.id as "personId", p.first_name || ' ' || p.last_name as "personName", c.category,
              coalesce(sum(c.minutes), 0)::int as minutes, count(distinct c.session_id) filter (where c.minutes > 0)::int as sessions
         from people x join person p on p.id = x.id
         left join contributions c on c.person_id = p.id
        group by p.id, p.first_name, p.last_name, p.last_name, c.category
        order by p.last_name, p.first_name`,
      [
        filter.organisationId,
        filter.visibility.organisationWide,
        filter.visibility.areaIds,
        filter.visibility.unitIds,
        filter.unitId,
        filter.personId,
        filter.from,
        filter.to,
      ],
    );
  }

  /** Minutes of walk-ins recorded by name only, in held sessions of the visible units (or the unit) in [from, to]. */
  async unnamedWalkInMinutes(filter: {
    organisationId: string;
    visibility: Visibility;
    unitId: string | null;
    from: string | null;
    to: string | null;
  }): Promise<number> {
    const rows: Array<{ minutes: number }> = await this.db.manager.query(
      `select coalesce(sum(${PARTICIPATION_MINUTES_SQL}), 0)::int as minutes
         from attendance_marks m join sessions s on s.id = m.session_id join unit u on u.id = s.unit_id
        where m.person_id is null and s.status = 'scheduled' and s.organisation_id = $1
          and ($2::boolean or u.area_id = any($3::uuid[]) or u.id = any($4::uuid[]))
          and ($5::uuid is null or u.id = $5)
          and ($6::date is null or s.date >= $6::date) and ($7::date is null or s.date <= $7::date)`,
      [filter.organisationId, filter.visibility.organisationWide, filter.visibility.areaIds, filter.visibility.unitIds, filter.unitId, filter.from, filter.to],
    );
    return rows[0].minutes;
  }
}
