import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The funder report at municipal scale: for a year of a 10 000-person organisation it summed about 80 000 kept
 * participation days per read. `insight_participation_person_year` holds each person's minutes per calendar year with
 * the first and last day, so a report whose period covers a whole year (or the year so far) reads one row per
 * participant; the days of a partly covered year are still summed from `insight_participation_day`.
 *
 * Writers do not update these rows: one person's days are written by many sessions at once (their unit's, an
 * ambassador's training, support), and a shared row would queue every such write behind the others until commit, and
 * deadlock them when one statement's insert and update triggers lock in two passes. Instead a statement trigger on the
 * day rows appends the (year, person) it changed to `insight_participation_person_year_dirty`, a plain insert that
 * never waits. A read takes a dirty person's year from their days (the person index), so it is exact at once.
 * `kunna_participation_year_settle` recomputes an organisation's dirty years from the days and removes those marks,
 * in one statement and so one snapshot: a mark committed after it began stays, with the days it marks. One settler per
 * organisation at a time (an advisory lock). The `insights.settle-participation-years` job settles every five minutes.
 */
export class ParticipationPersonYear1763902700000 implements MigrationInterface {
  name = 'ParticipationPersonYear1763902700000';

  async up(q: QueryRunner): Promise<void> {
    // A person's days by date with their organisation, from the index alone: what a read of a marked year and the
    // settling look up (the organisation is also what row-level security checks).
    await q.query(`drop index insight_participation_day_person_idx`);
    await q.query(
      `create index insight_participation_day_person_idx on insight_participation_day (person_id, date) include (organisation_id, minutes)
        where person_id is not null`,
    );
    // The organisation's people in name order (Swedish once 1763902800000 gives the names their collation), with what
    // the report prints of them: it numbers them in this order instead of sorting them.
    await q.query(`drop index person_report_idx`);
    await q.query(
      `create index person_report_idx on person (organisation_id, last_name, first_name, employee_number) include (id, gender)
        where pseudonymised_at is null`,
    );
    await q.query(`
      create table insight_participation_person_year (
        organisation_id uuid not null references organisation(id),
        year integer not null,
        person_id uuid not null references person(id) on delete cascade,
        minutes integer not null,
        first_date date not null,
        last_date date not null,
        primary key (organisation_id, year, person_id)
      )`);
    // For the person foreign key and nothing else.
    await q.query(`create index insight_participation_person_year_person_idx on insight_participation_person_year (person_id)`);
    await q.query(`
      create table insight_participation_person_year_dirty (
        organisation_id uuid not null references organisation(id),
        year integer not null,
        person_id uuid not null references person(id) on delete cascade
      )`);
    await q.query(`create index insight_participation_person_year_dirty_idx on insight_participation_person_year_dirty (organisation_id, year, person_id)`);
    await q.query(`create index insight_participation_person_year_dirty_person_idx on insight_participation_person_year_dirty (person_id)`);
    for (const table of ['insight_participation_person_year', 'insight_participation_person_year_dirty']) {
      await q.query(`select kunna_enable_tenant_rls('${table}')`);
    }

    // The same rows recomputed from the source rows (for the rebuild and the property test).
    await q.query(`
      create view insight_participation_person_year_source with (security_invoker = true) as
      select organisation_id, extract(year from date)::int as year, person_id, sum(minutes)::int as minutes, min(date) as first_date, max(date) as last_date
        from insight_participation_source where person_id is not null
       group by organisation_id, extract(year from date)::int, person_id`);
    // What a read gets: the kept row, or for a dirty year the person's days (what the property test compares).
    await q.query(`
      create view insight_participation_person_year_resolved with (security_invoker = true) as
      select y.organisation_id, y.year, y.person_id, y.minutes, y.first_date, y.last_date
        from insight_participation_person_year y
       where not exists (select 1 from insight_participation_person_year_dirty x
                          where x.organisation_id = y.organisation_id and x.year = y.year and x.person_id = y.person_id)
      union all
      select d.organisation_id, x.year, d.person_id, sum(d.minutes)::int, min(d.date), max(d.date)
        from (select distinct organisation_id, year, person_id from insight_participation_person_year_dirty) x
        join insight_participation_day d
          on d.person_id = x.person_id and d.organisation_id = x.organisation_id and d.date between make_date(x.year, 1, 1) and make_date(x.year, 12, 31)
       group by d.organisation_id, x.year, d.person_id`);

    await q.query(`
      create function kunna_participation_year_settle(organisation uuid) returns integer language plpgsql as $fn$
      declare
        settled integer;
      begin
        perform pg_advisory_xact_lock(hashtextextended('insight_participation_person_year:' || organisation::text, 0));
        -- A new statement, so a new snapshot: it holds what a settler we waited for committed.
        with taken as (delete from insight_participation_person_year_dirty where organisation_id = organisation returning year, person_id),
        keys as (select distinct year, person_id from taken),
        fresh as (
          select k.year, k.person_id, sum(d.minutes)::int as minutes, min(d.date) as first_date, max(d.date) as last_date
            from keys k
            left join insight_participation_day d
              on d.person_id = k.person_id and d.organisation_id = organisation and d.date between make_date(k.year, 1, 1) and make_date(k.year, 12, 31)
           group by 1, 2),
        gone as (
          delete from insight_participation_person_year y using fresh f
           where f.minutes is null and y.organisation_id = organisation and y.year = f.year and y.person_id = f.person_id),
        kept as (
          insert into insight_participation_person_year as y (organisation_id, year, person_id, minutes, first_date, last_date)
          select organisation, f.year, f.person_id, f.minutes, f.first_date, f.last_date from fresh f where f.minutes is not null
          on conflict (organisation_id, year, person_id) do update
            set minutes = excluded.minutes, first_date = excluded.first_date, last_date = excluded.last_date)
        select count(*) into settled from keys;
        return settled;
      end $fn$`);

    // One trigger (and function) per event, as transition tables need; walk-ins without a record have no person row.
    for (const [event, referencing, rows] of [
      ['insert', 'new table as new_rows', 'select * from new_rows'],
      ['update', 'old table as old_rows new table as new_rows', 'select * from old_rows union all select * from new_rows'],
      ['delete', 'old table as old_rows', 'select * from old_rows'],
    ] as const) {
      await q.query(`
        create function kunna_participation_year_${event}() returns trigger language plpgsql as $fn$
        begin
          insert into insight_participation_person_year_dirty (organisation_id, year, person_id)
          select distinct r.organisation_id, extract(year from r.date)::int, r.person_id from (${rows}) r where r.person_id is not null;
          return null;
        end $fn$`);
      await q.query(`
        create trigger insight_participation_year_${event} after ${event} on insight_participation_day
        referencing ${referencing} for each statement execute function kunna_participation_year_${event}()`);
    }

    // What is there already (every organisation; no statement timeout inside the migration).
    await q.query(`set local statement_timeout = 0`);
    await q.query(`select set_config('kunna.system', 'on', true)`);
    await q.query(`
      insert into insight_participation_person_year (organisation_id, year, person_id, minutes, first_date, last_date)
      select organisation_id, extract(year from date)::int, person_id, sum(minutes), min(date), max(date)
        from insight_participation_day where person_id is not null and minutes > 0
       group by 1, 2, 3`);
    await q.query(`analyze insight_participation_person_year`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const event of ['insert', 'update', 'delete']) {
      await q.query(`drop trigger insight_participation_year_${event} on insight_participation_day`);
      await q.query(`drop function kunna_participation_year_${event}()`);
    }
    await q.query(`drop function kunna_participation_year_settle(uuid)`);
    await q.query(`drop view insight_participation_person_year_resolved`);
    await q.query(`drop view insight_participation_person_year_source`);
    await q.query(`drop table insight_participation_person_year_dirty`);
    await q.query(`drop table insight_participation_person_year`);
    await q.query(`drop index insight_participation_day_person_idx`);
    await q.query(
      `create index insight_participation_day_person_idx on insight_participation_day (person_id, date) include (minutes) where person_id is not null`,
    );
    await q.query(`drop index person_report_idx`);
    await q.query(
      `create index person_report_idx on person (organisation_id) include (id, employee_number, first_name, last_name, gender) where pseudonymised_at is null`,
    );
  }
}
