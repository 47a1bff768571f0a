import { Injectable } from '@nestjs/common';
import { ActivityCategory } from '@kunna/contracts';
import { Db } from '../../database/db';
import { LOCAL_TODAY, PARTICIPATION_MINUTES_SQL } from '../../database/participation.sql';
import type { Visibility } from '../../organisation';

/** Participation minutes per person and activity category, from attendance and individual support. */
@Injectable()
export class ParticipationRepository {
  constructor(private readonly db: Db) {}

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
