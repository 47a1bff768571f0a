import { Injectable } from '@nestjs/common';
import { EmploymentType, ProgramProgress } from '@kunna/contracts';
import { Db } from '../../database/db';
import { ATTENDED_SQL, LOCAL_TODAY, PARTICIPATION_MINUTES_SQL } from '../../database/participation.sql';

/**
 * Team progress for one unit, set-based. Every query starts from the unit's current members (unit_membership by
 * unit) and reaches their sessions, marks and support through the person and session indexes, so the cost grows with
 * the unit, never with the organisation.
 */
const MEMBERS = `
  members as (
    select distinct p.id, p.first_name || ' ' || p.last_name as name, p.last_name, p.first_name, p.role_title, p.employment_type,
           p.start_date
      from unit_membership um join person p on p.id = um.person_id
     where um.unit_id = $1 and um.start_date <= ${LOCAL_TODAY} and (um.end_date is null or um.end_date >= ${LOCAL_TODAY})
       and (p.end_date is null or p.end_date >= ${LOCAL_TODAY}) and p.pseudonymised_at is null)`;

/**
 * Held sessions ($2..$3, not after today, not cancelled) each member was invited to: the same rule as the
 * session_invitees view (unit team by membership on the session date, or an explicit selection), written from the
 * members' side so the planner can use the person indexes.
 */
const INVITED = `
  invited as (
    select mem.id as person_id, s.id as session_id, s.date, s.module_version_id
      from members mem
      join unit_membership um on um.person_id = mem.id
      join sessions s on s.unit_id = um.unit_id and s.audience = 'unit_team'
                     and s.date >= um.start_date and (um.end_date is null or s.date <= um.end_date)
     where s.status = 'scheduled' and s.date between $2 and least($3::date, ${LOCAL_TODAY})
    union
    select mem.id, s.id, s.date, s.module_version_id
      from members mem
      join session_invitations i on i.person_id = mem.id
      join sessions s on s.id = i.session_id and s.audience = 'selection'
     where s.status = 'scheduled' and s.date between $2 and least($3::date, ${LOCAL_TODAY}))`;

export interface MemberRow {
  id: string;
  name: string;
  roleTitle: string;
  employmentType: EmploymentType;
  startDate: string;
  invited: number;
  attended: number;
  minutes: number;
}

export interface CatchUpRow {
  personId: string;
  sessionId: string;
  date: string;
  title: string;
}

export interface ProgramRow extends ProgramProgress {
  personId: string;
  kind: string;
  missingModules: string[];
}

export interface AmbassadorRow {
  id: string;
  name: string;
  sessionsLed: number;
  minutesLed: number;
  leavesOn: string | null;
}

@Injectable()
export class TeamRepository {
  constructor(private readonly db: Db) {}

  /**
   * Members with invited/attended sessions and participation minutes (sessions and individual support) in the period.
   * The members' marks on held sessions of the period are read once (`marked`) and serve both the attended count (a
   * hash join with `invited`; one mark per person and session) and the minutes, instead of a look-up per invited
   * session.
   */
  async members(unitId: string, from: string, to: string): Promise<MemberRow[]> {
    return this.db.manager.query(
      `with ${MEMBERS}, ${INVITED},
            marked as (
              select m.person_id, m.session_id, ${ATTENDED_SQL} as attended, ${PARTICIPATION_MINUTES_SQL} as minutes
                from members mem join attendance_marks m on m.person_id = mem.id
                join sessions s on s.id = m.session_id
               where s.status = 'scheduled' and s.date between $2 and $3),
            attendance as (
              select inv.person_id, count(*)::int as invited, count(*) filter (where mk.attended)::int as attended
                from invited inv left join marked mk on mk.person_id = inv.person_id and mk.session_id = inv.session_id
               group by inv.person_id),
            minutes as (
              select mk.person_id, sum(mk.minutes)::int as minutes from marked mk group by mk.person_id),
            support as (
              select e.person_id, sum(e.minutes)::int as minutes
                from members mem join support_entries e on e.person_id = mem.id
               where e.date between $2 and $3 group by e.person_id)
       select mem.id, mem.name, mem.role_title as "roleTitle", mem.employment_type as "employmentType", mem.start_date::text as "startDate",
              coalesce(a.invited, 0) as invited, coalesce(a.attended, 0) as attended,
              coalesce(mi.minutes, 0) + coalesce(su.minutes, 0) as minutes
         from members mem
         left join attendance a on a.person_id = mem.id
         left join minutes mi on mi.person_id = mem.id
         left join support su on su.person_id = mem.id
        order by mem.last_name, mem.first_name, mem.id`,
      [unitId, from, to],
    );
  }

  /**
   * What still needs a catch-up: per member and module, the latest held session in the period they were invited to
   * and missed, when they have not attended that module (any version) at any held session, before or after.
   * Set-based: the (member, module) pairs completed are computed once (`completed`) and the invited sessions are
   * anti-joined against them, rather than searching the member's marks again for every invited session (2 111 look-ups,
   * 132 000 buffers for a unit of 39 at 10 000 staff; now one pass over the members' marks, about 3 200 buffers).
   * `materialized` keeps it one hash table: inlined, the planner sorts both sides for a merge anti-join instead.
   */
  async catchUps(unitId: string, from: string, to: string): Promise<CatchUpRow[]> {
    return this.db.manager.query(
      `with ${MEMBERS}, ${INVITED},
            completed as materialized (
              select distinct m.person_id, v.module_id
                from members mem join attendance_marks m on m.person_id = mem.id
                join sessions s on s.id = m.session_id and s.status = 'scheduled'
                join library_module_version v on v.id = s.module_version_id
               where ${ATTENDED_SQL})
       select "personId", "sessionId", date::text as date, title from (
         select distinct on (inv.person_id, v.module_id) inv.person_id as "personId", inv.session_id as "sessionId", inv.date, v.title
           from invited inv
           join library_module_version v on v.id = inv.module_version_id
          where not exists (select 1 from completed c where c.person_id = inv.person_id and c.module_id = v.module_id)
          order by inv.person_id, v.module_id, inv.date desc) missed
        order by date, title`,
      [unitId, from, to],
    );
  }

  /**
   * Programs assigned to each member today (organisation-wide, to the unit's area or the unit, to a role the member
   * holds, or to their role title) with the steps done. A step is done when the member attended a held session of the
   * step's module or of the organisation's adaptation of it (progress is computed from attendance per module).
   * Set-based: `done` holds, once, the first day each member attended each module (a session of an adaptation counts
   * for its source module too), and steps join it by (person, module). A per-step subquery instead was planned as a
   * nested loop over every member and step pair, with a scan of the organisation's sessions in each: 840 ms and 618 000
   * buffers for the load test's unit of 73 people and three assigned programs, the costliest query under that load.
   */
  async programs(unitId: string, areaId: string, organisationId: string): Promise<ProgramRow[]> {
    const rows: Array<{
      person_id: string;
      program_id: string;
      title: string;
      kind: string;
      steps_total: number;
      steps_done: number;
      completed_on: string | null;
      due_date: string | null;
      overdue: boolean;
      missing: string[] | null;
    }> = await this.db.manager.query(
      `with ${MEMBERS},
            assigned as (
              select mem.id as person_id, a.program_id, min(a.start_date) as assigned_from, min(mem.start_date) as employed_from
                from members mem
                join library_program_assignment a on a.organisation_id = $3
                 and a.start_date <= ${LOCAL_TODAY} and (a.end_date is null or a.end_date >= ${LOCAL_TODAY})
                 and (a.target_type = 'organisation' or (a.target_type = 'area' and a.area_id = $2) or (a.target_type = 'unit' and a.unit_id = $1)
                      or (a.target_type = 'role_title' and lower(a.role_title) = lower(mem.role_title))
                      or (a.target_type = 'role' and exists (
                            select 1 from role_assignment r where r.person_id = mem.id and r.role = a.role
                               and r.start_date <= ${LOCAL_TODAY} and (r.end_date is null or r.end_date >= ${LOCAL_TODAY}))))
               group by mem.id, a.program_id),
            done as materialized (
              select m.person_id, counts.module_id, min(s.date) as first_on
                from members mem join attendance_marks m on m.person_id = mem.id
                join sessions s on s.id = m.session_id and s.status = 'scheduled'
                join library_module_version v on v.id = s.module_version_id
                join library_module lm on lm.id = v.module_id
                cross join lateral (values (lm.id), (lm.source_module_id)) counts(module_id)
               where counts.module_id is not null and ${ATTENDED_SQL}
               group by m.person_id, counts.module_id)
       select asg.person_id, p.id as program_id, p.title, p.kind,
              count(st.position)::int as steps_total, count(d.first_on)::int as steps_done,
              case when count(st.position) > 0 and count(d.first_on) = count(st.position) then max(d.first_on)::text end as completed_on,
              (case when p.complete_within_days is null then null
                    when p.deadline_base = 'employment_start' then asg.employed_from + p.complete_within_days
                    else asg.assigned_from + p.complete_within_days end)::text as due_date,
              coalesce(count(d.first_on) < count(st.position)
                       and p.complete_within_days is not null
                       and (case when p.deadline_base = 'employment_start' then asg.employed_from else asg.assigned_from end)
                           + p.complete_within_days < ${LOCAL_TODAY}, false) as overdue,
              array_agg((select v.title from library_module_version v where v.module_id = st.module_id and v.status = 'published'
                          order by v.version_number desc limit 1) order by st.position) filter (where d.first_on is null and st.position is not null) as missing
         from assigned asg
         join library_program p on p.id = asg.program_id and p.archived_at is null
         left join library_program_step st on st.program_id = asg.program_id
         left join done d on d.person_id = asg.person_id and d.module_id = st.module_id
        group by asg.person_id, p.id, p.title, p.kind, p.complete_within_days, p.deadline_base, asg.employed_from, asg.assigned_from
        order by p.title, p.id`,
      [unitId, areaId, organisationId],
    );
    return rows.map((row) => ({
      personId: row.person_id,
      programId: row.program_id,
      title: row.title,
      kind: row.kind,
      stepsDone: row.steps_done,
      stepsTotal: row.steps_total,
      completedOn: row.completed_on,
      dueDate: row.due_date,
      overdue: row.overdue,
      missingModules: row.missing ?? [],
    }));
  }

  /** First attended session of an onboarding program's module per member who started within the last year. */
  async onboardingStarts(unitId: string): Promise<Array<{ personId: string; firstOnboardingDate: string | null }>> {
    return this.db.manager.query(
      `with ${MEMBERS}
       select mem.id as "personId",
              (select min(s.date)::text from attendance_marks m
                 join sessions s on s.id = m.session_id and s.status = 'scheduled'
                 join library_module_version v on v.id = s.module_version_id
                 join library_module lm on lm.id = v.module_id
                where m.person_id = mem.id and ${ATTENDED_SQL}
                  and exists (select 1 from library_program_step st join library_program p on p.id = st.program_id and p.kind = 'onboarding'
                               where st.module_id in (lm.id, lm.source_module_id))) as "firstOnboardingDate"
         from members mem
        where mem.start_date > ${LOCAL_TODAY} - 365`,
      [unitId],
    );
  }

  /** The unit's active ambassadors with the sessions they led and the support they gave in the period. */
  async ambassadors(unitId: string, from: string, to: string): Promise<AmbassadorRow[]> {
    return this.db.manager.query(
      `with amb as (
         select distinct on (p.id) p.id, p.first_name || ' ' || p.last_name as name, p.last_name, p.first_name,
                nullif(least(coalesce(a.end_date, 'infinity'::date), coalesce(p.end_date, 'infinity'::date)), 'infinity'::date)::text as leaves_on
           from ambassador_appointment_unit au
           join ambassador_appointment a on a.id = au.appointment_id
           join person p on p.id = a.person_id
          where au.unit_id = $1 and a.start_date <= ${LOCAL_TODAY} and (a.end_date is null or a.end_date >= ${LOCAL_TODAY})
            and (p.end_date is null or p.end_date >= ${LOCAL_TODAY}) and p.pseudonymised_at is null
          order by p.id, a.end_date desc nulls first)
       select amb.id, amb.name, amb.leaves_on as "leavesOn",
              (select count(*)::int from session_facilitators f join sessions s on s.id = f.session_id
                where f.person_id = amb.id and s.status = 'scheduled' and s.date between $2 and least($3::date, ${LOCAL_TODAY})) as "sessionsLed",
              (select coalesce(sum(s.duration_minutes), 0)::int from session_facilitators f join sessions s on s.id = f.session_id
                where f.person_id = amb.id and s.status = 'scheduled' and s.date between $2 and least($3::date, ${LOCAL_TODAY}))
              + (select coalesce(sum(e.minutes), 0)::int from support_entries e where e.ambassador_id = amb.id and e.date between $2 and $3) as "minutesLed"
         from amb order by amb.last_name, amb.first_name`,
      [unitId, from, to],
    );
  }

  async upcoming(
    unitId: string,
    limit: number,
  ): Promise<Array<{ id: string; title: string; date: string; startTime: string; durationMinutes: number; invited: number }>> {
    return this.db.manager.query(
      `select s.id, v.title, s.date::text as date, to_char(s.start_time, 'HH24:MI') as "startTime", s.duration_minutes as "durationMinutes",
              (select count(*)::int from session_invitees i where i.session_id = s.id) as invited
         from sessions s join library_module_version v on v.id = s.module_version_id
        where s.unit_id = $1 and s.status = 'scheduled' and s.date >= ${LOCAL_TODAY}
        order by s.date, s.start_time limit $2`,
      [unitId, limit],
    );
  }
}
