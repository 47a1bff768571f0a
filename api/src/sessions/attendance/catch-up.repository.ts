import { Injectable } from '@nestjs/common';
import { Db } from '../../database/db';
import { ATTENDED_SQL, invitedTo, LOCAL_TODAY } from '../../database/participation.sql';

/** Who missed a session of a program in force for the unit, and follow-ups due for modules with a repeat interval. */
@Injectable()
export class CatchUpRepository {
  constructor(private readonly db: Db) {}

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
}
