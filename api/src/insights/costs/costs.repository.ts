import { Injectable } from '@nestjs/common';
import { ActivityCategory, ExternalCost, HourlyRate, ParticipantReportRow, ParticipationGrouping } from '@kunna/contracts';
import { Db } from '../../database/db';
import { LOCAL_TODAY, PARTICIPATION_MINUTES_SQL } from '../../database/participation.sql';

export interface CategoryRow {
  category: ActivityCategory;
  participantMinutes: number;
  teachingMinutes: number;
  staffTimeCost: number;
  facilitatorCost: number;
}

export interface ParticipationRow {
  key: string;
  label: string;
  drillId: string | null;
  people: number;
  participants: number;
  minutes: number;
}

export interface ParticipationScope {
  organisationWide: boolean;
  areaIds: string[];
  unitIds: string[];
  areaId: string | null;
  unitId: string | null;
  roleTitle: string | null;
  employmentType: string | null;
}

/**
 * `participant`: each person of the organisation with participation between $2 and $3 (hours in whole hundredths,
 * rounded half up: integers, as cheap to write as to sum; first and last day), numbered in Swedish name order
 * (`position`), for the funders' participant report.
 *
 * A calendar year the period covers from its first day up to its last participation day (this year: up to today) is
 * read from the person-year rows (migration 1763902700000), one per participant, except a person's year marked dirty
 * since the last settling, which is summed from their days; so are the days of a year covered in part. The people are
 * the organisation's, read in Swedish name order from their covering index (1763902700000) and numbered in it, so the
 * rows are put in order by that number instead of sorting every participant's name again (which was a third of the
 * query's time). Kept rows and days are summed per person apart: the planner then knows how many people each holds
 * and hashes the organisation's people once.
 */
const PARTICIPANTS = `
  span as (
    select y, make_date(y, 1, 1) as first, make_date(y, 12, 31) as last
      from generate_series(extract(year from $2::date)::int, extract(year from $3::date)::int) y),
  whole as (
    select s.y from span s
     where $2::date <= s.first
       and ($3::date >= s.last
            or not exists (select 1 from insight_participation_day d where d.organisation_id = $1 and d.date > $3::date and d.date <= s.last))),
  dirty as (
    select distinct x.year, x.person_id from insight_participation_person_year_dirty x
     where x.organisation_id = $1 and x.year in (select w.y from whole w)),
  kept as (
    select py.person_id, sum(py.minutes) as minutes, min(py.first_date) as first_date, max(py.last_date) as last_date
      from insight_participation_person_year py
     where py.organisation_id = $1 and py.year in (select w.y from whole w)
       and not exists (select 1 from dirty x where x.year = py.year and x.person_id = py.person_id)
     group by py.person_id),
  days as (
    select d.person_id, sum(d.minutes) as minutes, min(d.date) as first_date, max(d.date) as last_date
      from (select d.person_id, d.minutes, d.date
              from dirty x join insight_participation_day d
                on d.person_id = x.person_id and d.organisation_id = $1 and d.date between make_date(x.year, 1, 1) and make_date(x.year, 12, 31)
            union all
            select d.person_id, d.minutes, d.date
              from span s join insight_participation_day d
                on d.organisation_id = $1 and d.person_id is not null and d.date between greatest(s.first, $2::date) and least(s.last, $3::date)
             where s.y not in (select w.y from whole w)) d
     group by d.person_id),
  people as (
    select p.id, p.employee_number, p.first_name, p.last_name, p.gender, p.csv_identity,
           row_number() over (order by p.last_name, p.first_name, p.employee_number) as position
      from person p where p.organisation_id = $1 and p.pseudonymised_at is null),
  participant as (
    select p.position, p.employee_number, p.first_name, p.last_name, p.gender, p.csv_identity,
           (10 * (coalesce(k.minutes, 0) + coalesce(y.minutes, 0)) + 3) / 6 as hundredths,
           least(k.first_date, y.first_date) as first_date, greatest(k.last_date, y.last_date) as last_date
      from people p
      left join kept k on k.person_id = p.id
      left join days y on y.person_id = p.id
     where k.person_id is not null or y.person_id is not null)`;

/** The rate in force on a date: the latest row from that date or before. */
const RATE = (date: string) =>
  `(select r from insight_hourly_rate r where r.organisation_id = $1 and r.valid_from <= ${date} order by r.valid_from desc limit 1)`;

/**
 * Participation minutes per person in the organisation and period (attendance marks of held sessions and individual
 * support), summed from the days kept in `insight_participation_day` (see migrations/1763901900000-insight-participation-day.ts).
 */
const PERSON_MINUTES = `
  person_minutes as (
    select d.person_id, d.minutes, d.date
      from insight_participation_day d
     where d.organisation_id = $1 and d.date between $2 and $3 and d.person_id is not null)`;

@Injectable()
export class CostsRepository {
  constructor(private readonly db: Db) {}

  async rates(organisationId: string): Promise<HourlyRate[]> {
    return this.db.manager.query(
      `select valid_from::text as "validFrom", participant_rate::float8 as "participantRate", facilitator_rate::float8 as "facilitatorRate"
         from insight_hourly_rate where organisation_id = $1 order by valid_from`,
      [organisationId],
    );
  }

  async upsertRate(organisationId: string, rate: HourlyRate, personId: string): Promise<void> {
    await this.db.manager.query(
      `insert into insight_hourly_rate (organisation_id, valid_from, participant_rate, facilitator_rate, updated_by)
       values ($1, $2, $3, $4, $5)
       on conflict (organisation_id, valid_from) do update
         set participant_rate = excluded.participant_rate, facilitator_rate = excluded.facilitator_rate, updated_by = excluded.updated_by, updated_at = now()`,
      [organisationId, rate.validFrom, rate.participantRate, rate.facilitatorRate, personId],
    );
  }

  async externalCosts(organisationId: string): Promise<ExternalCost[]> {
    return this.db.manager.query(
      `select id, period_start::text as "periodStart", period_end::text as "periodEnd", category, amount::float8 as amount, description
         from insight_external_cost where organisation_id = $1 order by period_start desc, created_at desc, id`,
      [organisationId],
    );
  }

  async externalCost(id: string): Promise<(ExternalCost & { organisationId: string }) | null> {
    const rows = await this.db.manager.query<Array<ExternalCost & { organisationId: string }>>(
      `select id, organisation_id as "organisationId", period_start::text as "periodStart", period_end::text as "periodEnd", category,
              amount::float8 as amount, description
         from insight_external_cost where id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async insertExternalCost(organisationId: string, cost: ExternalCost, personId: string): Promise<boolean> {
    const rows = await this.db.manager.query<unknown[]>(
      `insert into insight_external_cost (id, organisation_id, period_start, period_end, category, amount, description, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (id) do nothing returning id`,
      [cost.id, organisationId, cost.periodStart, cost.periodEnd, cost.category, cost.amount, cost.description, personId],
    );
    return rows.length > 0;
  }

  async deleteExternalCost(id: string, organisationId: string): Promise<boolean> {
    const rows: Array<{ n: number }> = await this.db.manager.query(
      `with gone as (delete from insight_external_cost where id = $1 and organisation_id = $2 returning id) select count(*)::int as n from gone`,
      [id, organisationId],
    );
    return rows[0].n > 0;
  }

  /**
   * Per activity category: participants' minutes (priced at the participant rate in force on the session date) and
   * teaching minutes of held sessions, those with at least one participating mark (each facilitator's time priced at
   * the facilitator rate); individual support counts as both under individual_support.
   */
  async categories(organisationId: string, from: string, to: string): Promise<CategoryRow[]> {
    return this.db.manager.query(
      `with held as (
         select s.id, s.activity_category, s.duration_minutes, s.date,
                (select coalesce(sum(${PARTICIPATION_MINUTES_SQL}), 0) from attendance_marks m where m.session_id = s.id) as participant_minutes,
                (select count(*) from session_facilitators f where f.session_id = s.id) as facilitators,
                ${RATE('s.date')} as rate
           from sessions s
          where s.organisation_id = $1 and s.status = 'scheduled' and s.date between $2 and least($3::date, ${LOCAL_TODAY})),
       support as (
         select e.minutes, ${RATE('e.date')} as rate
           from support_entries e where e.organisation_id = $1 and e.date between $2 and $3),
       lines as (
         select activity_category as category, participant_minutes as participant_minutes, duration_minutes as teaching_minutes,
                participant_minutes / 60.0 * coalesce((rate).participant_rate, 0) as staff_cost,
                duration_minutes * facilitators / 60.0 * coalesce((rate).facilitator_rate, 0) as facilitator_cost
           from held where participant_minutes > 0
         union all
         select 'individual_support', minutes, minutes,
                minutes / 60.0 * coalesce((rate).participant_rate, 0), minutes / 60.0 * coalesce((rate).facilitator_rate, 0)
           from support)
       select category, sum(participant_minutes)::int as "participantMinutes", sum(teaching_minutes)::int as "teachingMinutes",
              round(sum(staff_cost), 2)::float8 as "staffTimeCost", round(sum(facilitator_cost), 2)::float8 as "facilitatorCost"
         from lines group by category`,
      [organisationId, from, to],
    );
  }

  /** Each external cost's share of the period: its amount times the days it overlaps over the days it spans. */
  async externalShares(organisationId: string, from: string, to: string): Promise<Map<ActivityCategory, number>> {
    const rows: Array<{ category: ActivityCategory; amount: number }> = await this.db.manager.query(
      `select category,
              round(sum(amount * (least(period_end, $3::date) - greatest(period_start, $2::date) + 1)::numeric
                        / (period_end - period_start + 1)), 2)::float8 as amount
         from insight_external_cost
        where organisation_id = $1 and period_start <= $3 and period_end >= $2
        group by category`,
      [organisationId, from, to],
    );
    return new Map(rows.map((row) => [row.category, row.amount]));
  }

  /** Distinct participants in the period: people with participating minutes, and walk-ins without a record by name. */
  async participantCount(organisationId: string, from: string, to: string): Promise<number> {
    const rows: Array<{ n: number }> = await this.db.manager.query(
      `select count(distinct d.who)::int as n from insight_participation_day d where d.organisation_id = $1 and d.date between $2 and $3`,
      [organisationId, from, to],
    );
    return rows[0].n;
  }

  /** Days of the period before the first hourly rate (nothing priced there). */
  async unpricedDays(organisationId: string, from: string, to: string): Promise<number> {
    const rows: Array<{ n: number }> = await this.db.manager.query(
      `select greatest(0, least($3::date + 1, coalesce((select min(valid_from) from insight_hourly_rate where organisation_id = $1), $3::date + 1))
                          - $2::date)::int as n`,
      [organisationId, from, to],
    );
    return rows[0].n;
  }

  /** Recomputes the organisation's person-years marked dirty from their days (migration 1763902700000); how many. */
  async settleParticipationYears(organisationId: string): Promise<number> {
    const rows: Array<{ settled: number }> = await this.db.manager.query(`select kunna_participation_year_settle($1) as settled`, [organisationId]);
    return rows[0].settled;
  }

  /** One row per person with participation in the period: what ESF projects reported to SCB. */
  async participantReport(organisationId: string, from: string, to: string): Promise<{ rows: ParticipantReportRow[]; walkIns: number }> {
    const rows: ParticipantReportRow[] = await this.db.manager.query(
      `with ${PARTICIPANTS}
       select employee_number as "employeeNumber", first_name || ' ' || last_name as name, gender, (hundredths / 100.0)::float8 as hours,
              first_date::text as "firstDate", last_date::text as "lastDate"
         from participant order by position`,
      [organisationId, from, to],
    );
    const walkIns: Array<{ n: number }> = await this.db.manager.query(
      `select count(distinct d.who)::int as n from insight_participation_day d
        where d.organisation_id = $1 and d.date between $2 and $3 and d.person_id is null`,
      [organisationId, from, to],
    );
    return { rows, walkIns: walkIns[0].n };
  }

  /**
   * The same participants as CSV lines, written by PostgreSQL in the query that finds them (migration 1763902900000:
   * `kunna_csv_field` follows the rules of @kunna/table-export, and each person's employee number and name are kept
   * written as `person.csv_identity`): reading 10 000 and more rows into objects and writing them out again took most
   * of the report's time in the API's one thread. The lines are the report's rows without its header and totals.
   */
  async participantReportLines(
    organisationId: string,
    from: string,
    to: string,
    labels: { gender: Record<string, string>; noGender: string; period: string },
  ): Promise<{ lines: string; participants: number; hours: number }> {
    const rows: Array<{ lines: string | null; participants: number; hours: number }> = await this.db.manager.query(
      `with ${PARTICIPANTS}
       select string_agg(concat_ws(';', csv_identity, kunna_csv_field(coalesce($4::jsonb ->> gender, $5)),
                                   (hundredths / 100)::text || case when hundredths % 100 = 0 then '' else ',' || rtrim(lpad((hundredths % 100)::text, 2, '0'), '0') end,
                                   first_date::text, last_date::text, kunna_csv_field($6)) || E'\\r\\n', '' order by position) as lines,
              count(*)::int as participants, coalesce(sum(hundredths) / 100.0, 0)::float8 as hours
         from participant`,
      [organisationId, from, to, JSON.stringify(labels.gender), labels.noGender, labels.period],
    );
    return { lines: rows[0].lines ?? '', participants: rows[0].participants, hours: rows[0].hours };
  }

  /**
   * People (current members of units in scope, after the filters) with participants and participation minutes in the
   * period, grouped. A person in two units counts in each unit's group.
   */
  async participation(
    organisationId: string,
    from: string,
    to: string,
    groupBy: ParticipationGrouping,
    scope: ParticipationScope,
  ): Promise<{
    groups: ParticipationRow[];
    total: { people: number; participants: number; minutes: number };
  }> {
    const group = {
      [ParticipationGrouping.Area]: { key: 'pp.area_id::text', label: 'pp.area_name', drill: 'pp.area_id::text' },
      [ParticipationGrouping.Unit]: { key: 'pp.unit_id::text', label: 'pp.unit_name', drill: 'pp.unit_id::text' },
      [ParticipationGrouping.RoleTitle]: { key: 'lower(pp.role_title)', label: 'pp.role_title', drill: 'null::text' },
      [ParticipationGrouping.EmploymentType]: { key: 'pp.employment_type', label: 'pp.employment_type', drill: 'null::text' },
    }[groupBy];
    const people = `
      people as (
        select distinct p.id, p.role_title, p.employment_type, u.id as unit_id, u.name as unit_name, a.id as area_id, a.name as area_name
          from unit u join area a on a.id = u.area_id
          join unit_membership um on um.unit_id = u.id and um.start_date <= ${LOCAL_TODAY} and (um.end_date is null or um.end_date >= ${LOCAL_TODAY})
          join person p on p.id = um.person_id and (p.end_date is null or p.end_date >= ${LOCAL_TODAY}) and p.pseudonymised_at is null
         where u.organisation_id = $1
           and ($4 or u.id = any($5::uuid[]) or u.area_id = any($6::uuid[]))
           and ($7::uuid is null or u.area_id = $7) and ($8::uuid is null or u.id = $8)
           and ($9::text is null or lower(p.role_title) = lower($9)) and ($10::text is null or p.employment_type = $10)),
      minutes as (
        select pm.person_id, sum(pm.minutes)::int as minutes from person_minutes pm
         where pm.person_id in (select id from people) group by pm.person_id)`;
    const params = [
      organisationId,
      from,
      to,
      scope.organisationWide,
      scope.unitIds,
      scope.areaIds,
      scope.areaId,
      scope.unitId,
      scope.roleTitle,
      scope.employmentType,
    ];
    const groups: ParticipationRow[] = await this.db.manager.query(
      `with ${PERSON_MINUTES}, ${people}
       select g.key, min(g.label) as label, min(g.drill) as "drillId", count(*)::int as people, count(mi.person_id)::int as participants,
              coalesce(sum(mi.minutes), 0)::int as minutes
         from (select distinct on (${group.key}, pp.id) ${group.key} as key, ${group.label} as label, ${group.drill} as drill, pp.id
                 from people pp order by ${group.key}, pp.id) g
         left join minutes mi on mi.person_id = g.id
        group by g.key order by min(g.label), g.key`,
      params,
    );
    const total: Array<{ people: number; participants: number; minutes: number }> = await this.db.manager.query(
      `with ${PERSON_MINUTES}, ${people}
       select count(distinct pp.id)::int as people, count(distinct mi.person_id)::int as participants,
              coalesce((select sum(minutes) from minutes), 0)::int as minutes
         from people pp left join minutes mi on mi.person_id = pp.id`,
      params,
    );
    return { groups, total: total[0] };
  }

  /**
   * Head counts of the views a filtered participation view could be subtracted from: each combination of its filters
   * with at least one removed, within what the caller may see. One scan of the current memberships, one count per
   * combination (at most 15), whatever the organisation's size.
   */
  async participationParentCounts(organisationId: string, scope: ParticipationScope): Promise<number[]> {
    const params: unknown[] = [organisationId, scope.organisationWide, scope.unitIds, scope.areaIds];
    // A filter's value becomes a parameter only when some combination uses it (PostgreSQL refuses unused ones).
    const placeholders = new Map<number, string>();
    const placeholder = (index: number, value: string) => {
      if (!placeholders.has(index)) placeholders.set(index, `$${params.push(value)}`);
      return placeholders.get(index)!;
    };
    const filters = [
      { value: scope.areaId, sql: (v: string) => `u.area_id = ${v}::uuid` },
      { value: scope.unitId, sql: (v: string) => `u.id = ${v}::uuid` },
      { value: scope.roleTitle, sql: (v: string) => `lower(p.role_title) = lower(${v}::text)` },
      { value: scope.employmentType, sql: (v: string) => `p.employment_type = ${v}::text` },
    ]
      .map((filter, index) => ({ ...filter, index }))
      .filter((filter): filter is { value: string; sql: (v: string) => string; index: number } => filter.value !== null);
    const subsets: string[] = [];
    for (let mask = 0; mask < (1 << filters.length) - 1; mask++) {
      const kept = filters.filter((_, bit) => mask & (1 << bit)).map((filter) => filter.sql(placeholder(filter.index, filter.value)));
      subsets.push(`count(distinct p.id) filter (where ${kept.length ? kept.join(' and ') : 'true'})::int as c${subsets.length}`);
    }
    if (subsets.length === 0) return [];
    const rows: Array<Record<string, number>> = await this.db.manager.query(
      `select ${subsets.join(', ')}
         from unit u
         join unit_membership um on um.unit_id = u.id and um.start_date <= ${LOCAL_TODAY} and (um.end_date is null or um.end_date >= ${LOCAL_TODAY})
         join person p on p.id = um.person_id and (p.end_date is null or p.end_date >= ${LOCAL_TODAY}) and p.pseudonymised_at is null
        where u.organisation_id = $1 and ($2 or u.id = any($3::uuid[]) or u.area_id = any($4::uuid[]))`,
      params,
    );
    return subsets.map((_, index) => rows[0][`c${index}`]);
  }
}
