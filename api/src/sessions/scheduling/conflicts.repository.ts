import { Injectable } from '@nestjs/common';
import { Db } from '../../database/db';
import { STARTS_AT } from './scheduling.repository';

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

/** What a planned session conflicts with: facilitators and places booked at the same time, appointments, qualifications. */
@Injectable()
export class ConflictsRepository {
  constructor(private readonly db: Db) {}

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
}
