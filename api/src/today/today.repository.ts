import { Injectable } from '@nestjs/common';
import { Db } from '../database/db';
import { ATTENDED_SQL, LOCAL_TODAY, PARTICIPATION_MINUTES_SQL, SESSION_TIME_ZONE } from '../database/participation.sql';

/**
 * Staff of organisation $1: people with a unit membership today who have not left (and are not pseudonymised), as
 * Insikt's participation counts them (api/src/insights/costs/costs.repository.ts).
 */
const CURRENT_STAFF = `
  staff as (
    select distinct m.person_id as id
      from unit_membership m join person p on p.id = m.person_id
     where m.organisation_id = $1 and m.start_date <= ${LOCAL_TODAY} and (m.end_date is null or m.end_date >= ${LOCAL_TODAY})
       and (p.end_date is null or p.end_date >= ${LOCAL_TODAY}) and p.pseudonymised_at is null)`;

export interface OwnProgressRow {
  sessionsAttended: number;
  minutes: number;
  checksAnswered: number;
}

export interface UnitRow {
  id: string;
  name: string;
  areaId: string;
}

export interface OrganisationCountsRow {
  staff: number;
  units: number;
  heldSessions: number;
  activeAmbassadors: number;
}

export interface SetupCountsRow {
  ambassadors: number;
  modules: number;
  instruments: number;
}

/**
 * The start page's own reads: what no other feature lists in the shape the start page needs (ids of the next
 * sessions, the caller's own totals, organisation counts). Rules come from the sessions feature (`ATTENDED_SQL`,
 * `PARTICIPATION_MINUTES_SQL`, `session_invitees`); every query runs in the request's tenant transaction.
 */
@Injectable()
export class TodayRepository {
  constructor(private readonly db: Db) {}

  /** Today in the organisation's time zone (as the sessions feature computes it). */
  async today(): Promise<string> {
    const rows: Array<{ today: string }> = await this.db.manager.query(`select ${LOCAL_TODAY}::text as today`);
    return rows[0].today;
  }

  /** The next sessions (from today, not cancelled, not yet ended) the person is invited to, soonest first. */
  async invitedSessionIds(personId: string, limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.manager.query(
      `select s.id from session_invitees i join sessions s on s.id = i.session_id
        where i.person_id = $1 and s.status = 'scheduled' and s.date >= ${LOCAL_TODAY} and s.ends_at > now()
        order by s.starts_at, s.id
        limit $2`,
      [personId, limit],
    );
    return rows.map((row) => row.id);
  }

  /** Sessions after `after` up to `to` (inclusive) in the units or led by the person, not cancelled, soonest first. */
  async upcomingSessionIds(organisationId: string, personId: string, unitIds: string[], after: string, to: string, limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.manager.query(
      `select s.id from sessions s
        where s.organisation_id = $1 and s.status = 'scheduled' and s.date > $4::date and s.date <= $5::date
          and (s.unit_id = any($3::uuid[]) or exists (select 1 from session_facilitators f where f.session_id = s.id and f.person_id = $2))
        order by s.starts_at, s.id
        limit $6`,
      [organisationId, personId, unitIds, after, to, limit],
    );
    return rows.map((row) => row.id);
  }

  /** The person's attended held sessions, participation minutes (sessions and support received) and check answers submitted since `from`. */
  async ownProgress(personId: string, from: string): Promise<OwnProgressRow> {
    const rows: OwnProgressRow[] = await this.db.manager.query(
      `select (select count(distinct s.id)::int from attendance_marks m join sessions s on s.id = m.session_id
                where m.person_id = $1 and s.status = 'scheduled' and s.date between $2::date and ${LOCAL_TODAY} and ${ATTENDED_SQL}) as "sessionsAttended",
              (select coalesce(sum(${PARTICIPATION_MINUTES_SQL}), 0)::int from attendance_marks m join sessions s on s.id = m.session_id
                where m.person_id = $1 and s.status = 'scheduled' and s.date between $2::date and ${LOCAL_TODAY})
              + (select coalesce(sum(e.minutes), 0)::int from support_entries e
                  where e.person_id = $1 and e.date between $2::date and ${LOCAL_TODAY}) as minutes,
              (select count(*)::int from check_response r where r.person_id = $1 and r.status = 'submitted'
                  and (r.finished_at at time zone '${SESSION_TIME_ZONE}')::date >= $2::date) as "checksAnswered"`,
      [personId, from],
    );
    return rows[0];
  }

  /** Support the ambassador gave since `since`, newest first (no notes, no names: the support log has them). */
  async supportGiven(ambassadorId: string, since: string, limit: number): Promise<Array<{ id: string; date: string; minutes: number; topic: string }>> {
    return this.db.manager.query(
      `select e.id, e.date::text as date, e.minutes, e.topic from support_entries e
        where e.ambassador_id = $1 and e.date >= $2::date
        order by e.date desc, e.created_at desc
        limit $3`,
      [ambassadorId, since, limit],
    );
  }

  /** Units by id or in the areas, of the organisation, by name. */
  async units(organisationId: string, unitIds: string[], areaIds: string[]): Promise<UnitRow[]> {
    return this.db.manager.query(
      `select u.id, u.name, u.area_id as "areaId" from unit u
        where u.organisation_id = $1 and (u.id = any($2::uuid[]) or u.area_id = any($3::uuid[]))
        order by u.name, u.id`,
      [organisationId, unitIds, areaIds],
    );
  }

  /** Staff (`CURRENT_STAFF`), units, held sessions since `from`, active ambassadors. */
  async organisationCounts(organisationId: string, from: string): Promise<OrganisationCountsRow> {
    const rows: OrganisationCountsRow[] = await this.db.manager.query(
      `with ${CURRENT_STAFF}
       select (select count(*)::int from staff) as staff,
              (select count(*)::int from unit u where u.organisation_id = $1) as units,
              (select count(*)::int from sessions s
                where s.organisation_id = $1 and s.status = 'scheduled' and s.date between $2::date and ${LOCAL_TODAY}
                  and exists (select 1 from attendance_marks m where m.session_id = s.id and ${PARTICIPATION_MINUTES_SQL} > 0)) as "heldSessions",
              (select count(distinct a.person_id)::int from ambassador_appointment a
                where a.organisation_id = $1 and a.start_date <= ${LOCAL_TODAY} and (a.end_date is null or a.end_date >= ${LOCAL_TODAY})) as "activeAmbassadors"`,
      [organisationId, from],
    );
    return rows[0];
  }

  /**
   * Participation minutes since `from` (sessions and support received) per member of the staff (`CURRENT_STAFF`), so
   * that participants are a part of the staff counted; walk-ins without a record and people who left are left out.
   */
  async participationMinutes(organisationId: string, from: string): Promise<Array<{ personId: string; minutes: number }>> {
    return this.db.manager.query(
      `with ${CURRENT_STAFF}
       select person_id as "personId", sum(minutes)::int as minutes from (
         select m.person_id, ${PARTICIPATION_MINUTES_SQL} as minutes
           from attendance_marks m join sessions s on s.id = m.session_id
          where s.organisation_id = $1 and s.status = 'scheduled' and s.date between $2::date and ${LOCAL_TODAY} and m.person_id is not null
         union all
         select e.person_id, e.minutes from support_entries e
          where e.organisation_id = $1 and e.date between $2::date and ${LOCAL_TODAY}) minutes
        where person_id in (select id from staff)
        group by person_id
       having sum(minutes) > 0
        order by person_id`,
      [organisationId, from],
    );
  }

  /** What an administrator sets up besides units and staff: ambassadors appointed, published modules (own or the network's), published check instruments. */
  async setupCounts(organisationId: string, networkId: string): Promise<SetupCountsRow> {
    const rows: SetupCountsRow[] = await this.db.manager.query(
      `select (select count(distinct a.person_id)::int from ambassador_appointment a
                where a.organisation_id = $1 and (a.end_date is null or a.end_date >= ${LOCAL_TODAY})) as ambassadors,
              (select count(*)::int from library_module lm
                where lm.archived_at is null and ((lm.organisation_id = $1) or (lm.organisation_id is null and lm.network_id = $2))
                  and exists (select 1 from library_module_version v where v.module_id = lm.id and v.status = 'published')) as modules,
              (select count(*)::int from check_instrument i
                where i.organisation_id = $1 and exists (select 1 from check_instrument_version v where v.instrument_id = i.id)) as instruments`,
      [organisationId, networkId],
    );
    return rows[0];
  }
}
