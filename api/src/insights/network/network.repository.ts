import { Injectable } from '@nestjs/common';
import { Db } from '../../database/db';
import { ATTENDED_SQL, LOCAL_TODAY, PARTICIPATION_MINUTES_SQL } from '../../database/participation.sql';
import { staffCount } from '../../database/staff.sql';

export interface CoreItemRow {
  organisationId: string;
  coreItemId: string;
  people: number;
  meanBefore: number;
  meanAfter: number;
  meanChange: number;
}

/** The network coordinator's comparison: aggregates per organisation of the network, never a person. */
@Injectable()
export class NetworkRepository {
  constructor(private readonly db: Db) {}

  async organisations(networkId: string): Promise<Array<{ id: string; name: string; minGroupSize: number }>> {
    return this.db.manager.query(`select id, name, min_group_size as "minGroupSize" from organisation where network_id = $1 order by name, id`, [networkId]);
  }

  async coreItems(networkId: string): Promise<Array<{ id: string; textSv: string; textEn: string | null; dimension: string | null; retired: boolean }>> {
    return this.db.manager.query(
      `select id, item ->> 'textSv' as "textSv", item ->> 'textEn' as "textEn", item ->> 'dimension' as dimension, retired_at is not null as retired
         from check_core_item where network_id = $1 and item ->> 'kind' in ('self_rating', 'attitude') order by created_at, id`,
      [networkId],
    );
  }

  /**
   * Per organisation and core item (four-step items only): people who rated the item both before and after within
   * one check whose first round opened in the period; means over those pairs (one pair per person and check).
   */
  async coreFigures(networkId: string, from: string, to: string): Promise<CoreItemRow[]> {
    return this.db.manager.query(
      `with items as (
         select ca.organisation_id, ca.id as assignment_id, it ->> 'coreItemId' as core_id, it ->> 'key' as item_key
           from check_assignment ca
           join organisation o on o.id = ca.organisation_id and o.network_id = $1
           join check_instrument_version v on v.id = ca.instrument_version_id
           cross join lateral jsonb_array_elements(v.items) it
          where it ->> 'coreItemId' is not null and it ->> 'kind' in ('self_rating', 'attitude')
            and (select min(r.opens_on) from check_round r where r.assignment_id = ca.id) between $2 and $3),
       pairs as (
         select i.organisation_id, i.core_id, s.person_id, i.assignment_id,
                max((a.value ->> 'rating')::numeric) filter (where r.kind = 'before') as before,
                max((a.value ->> 'rating')::numeric) filter (where r.kind = 'after') as after
           from items i
           join check_round r on r.assignment_id = i.assignment_id and r.kind in ('before', 'after')
           join check_response s on s.round_id = r.id and s.status = 'submitted'
           join check_answer a on a.response_id = s.id and a.item_key = i.item_key and not a.declined and jsonb_typeof(a.value -> 'rating') = 'number'
          group by 1, 2, 3, 4)
       select organisation_id as "organisationId", core_id as "coreItemId", count(distinct person_id)::int as people,
              round(avg(before), 2)::float as "meanBefore", round(avg(after), 2)::float as "meanAfter", round(avg(after - before), 2)::float as "meanChange"
         from pairs where before is not null and after is not null
        group by 1, 2`,
      [networkId, from, to],
    );
  }

  /**
   * The network's shared modules (no owning organisation): held sessions in the period of any version of the module or
   * of an organisation's adaptation of it, the organisations holding them and the distinct participants.
   */
  async sharedModules(
    networkId: string,
    from: string,
    to: string,
  ): Promise<Array<{ id: string; title: string; organisations: number; sessionsHeld: number; participants: number }>> {
    return this.db.manager.query(
      `with shared as (
         select m.id, (select v.title from library_module_version v where v.module_id = m.id and v.status = 'published' order by v.version_number desc limit 1) as title
           from library_module m where m.network_id = $1 and m.organisation_id is null and m.archived_at is null),
       held as (
         select sh.id as module_id, s.id as session_id, s.organisation_id
           from shared sh
           join library_module lm on lm.id = sh.id or lm.source_module_id = sh.id
           join library_module_version lv on lv.module_id = lm.id
           join sessions s on s.module_version_id = lv.id
          where s.status = 'scheduled' and s.date between $2 and least($3::date, ${LOCAL_TODAY})
            and exists (select 1 from attendance_marks m where m.session_id = s.id and ${PARTICIPATION_MINUTES_SQL} > 0))
       select sh.id, coalesce(sh.title, '') as title,
              (select count(distinct h.organisation_id)::int from held h where h.module_id = sh.id) as organisations,
              (select count(distinct h.session_id)::int from held h where h.module_id = sh.id) as "sessionsHeld",
              (select count(distinct m.person_id)::int from held h join sessions s on s.id = h.session_id join attendance_marks m on m.session_id = s.id
                where h.module_id = sh.id and m.person_id is not null and ${PARTICIPATION_MINUTES_SQL} > 0) as participants
         from shared sh where sh.title is not null
        order by lower(sh.title), sh.id`,
      [networkId, from, to],
    );
  }
  /**
   * The train-the-trainer cascade per organisation: people appointed ambassador in the organisation who led a held
   * session in the period (not cancelled, not after today, at least one participating mark, as everywhere in Insight),
   * and the distinct people with a record who attended one of those sessions (the sessions feature's rule), the leader
   * not counted (the ambassadors feature's reach rule).
   */
  async cascade(
    networkId: string,
    from: string,
    to: string,
  ): Promise<Array<{ organisationId: string; ambassadorsLeading: number; colleaguesReached: number }>> {
    return this.db.manager.query(
      `with led as (
         select s.organisation_id, s.id as session_id, s.duration_minutes, sf.person_id as leader
           from sessions s
           join organisation o on o.id = s.organisation_id and o.network_id = $1
           join session_facilitators sf on sf.session_id = s.id
          where s.status = 'scheduled' and s.date between $2 and least($3::date, ${LOCAL_TODAY})
            and exists (select 1 from attendance_marks m where m.session_id = s.id and ${PARTICIPATION_MINUTES_SQL} > 0)
            and exists (select 1 from ambassador_appointment a where a.person_id = sf.person_id and a.organisation_id = s.organisation_id))
       select o.id as "organisationId",
              (select count(distinct l.leader)::int from led l where l.organisation_id = o.id) as "ambassadorsLeading",
              (select count(distinct m.person_id)::int from led l join attendance_marks m on m.session_id = l.session_id
                 join sessions s on s.id = l.session_id
                where l.organisation_id = o.id and m.person_id is not null and m.person_id <> l.leader and ${ATTENDED_SQL}) as "colleaguesReached"
         from organisation o where o.network_id = $1`,
      [networkId, from, to],
    );
  }

  /** Per organisation of the network: people, participants, minutes, held sessions and active ambassadors. */
  async participation(
    networkId: string,
    from: string,
    to: string,
  ): Promise<
    Array<{ id: string; name: string; minGroupSize: number; people: number; participants: number; minutes: number; sessionsHeld: number; ambassadors: number }>
  > {
    return this.db.manager.query(
      `select o.id, o.name, o.min_group_size as "minGroupSize",
              ${staffCount('s.organisation_id = o.id', LOCAL_TODAY)} as people,
              (select count(distinct d.person_id)::int from insight_participation_day d
                where d.organisation_id = o.id and d.date between $2 and $3 and d.person_id is not null) as participants,
              (select coalesce(sum(d.minutes), 0)::int from insight_participation_day d
                where d.organisation_id = o.id and d.date between $2 and $3 and d.person_id is not null) as minutes,
              (select count(*)::int from sessions s where s.organisation_id = o.id and s.status = 'scheduled' and s.date between $2 and least($3::date, ${LOCAL_TODAY})
                  and exists (select 1 from attendance_marks m where m.session_id = s.id and ${PARTICIPATION_MINUTES_SQL} > 0)) as "sessionsHeld",
              (select count(distinct a.person_id)::int from ambassador_appointment a
                where a.organisation_id = o.id and a.start_date <= ${LOCAL_TODAY} and (a.end_date is null or a.end_date >= ${LOCAL_TODAY})) as ambassadors
         from organisation o where o.network_id = $1 order by o.name, o.id`,
      [networkId, from, to],
    );
  }
}
