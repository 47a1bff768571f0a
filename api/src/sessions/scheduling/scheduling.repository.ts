import { Injectable } from '@nestjs/common';
import { ActivityCategory, PersonRef, SessionAudience, SessionShift, SessionStatus, SessionSummary } from '@kunna/contracts';
import { Db } from '../../database/db';
import { LOCAL_TODAY, SESSION_TIME_ZONE } from '../../database/participation.sql';
import type { Visibility } from '../../organisation';

/** The instant of a local date and time (SQL), as sessions store it in `starts_at`; the conflicts' overlaps compare with it too. */
export const STARTS_AT = (date: string, time: string) => `timezone('${SESSION_TIME_ZONE}', ${date}::date + ${time}::time)`;

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

export interface PersonState {
  id: string;
  organisationId: string;
  name: string;
  endDate: string | null;
  pseudonymised: boolean;
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

/**
 * Sessions themselves (one row with its facilitators and invitations, lists and summaries) and the look-ups every part
 * of the feature schedules with: today's date, the unit, the module version, the people.
 */
@Injectable()
export class SchedulingRepository {
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

  async people(personIds: string[]): Promise<PersonState[]> {
    if (personIds.length === 0) return [];
    return this.db.manager.query(
      `select id, organisation_id as "organisationId", first_name || ' ' || last_name as name, end_date::text as "endDate",
              (pseudonymised_at is not null) as pseudonymised
         from person where id = any($1::uuid[])`,
      [personIds],
    );
  }

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
}
