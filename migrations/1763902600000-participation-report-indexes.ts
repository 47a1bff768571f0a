import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The funder report (one row per participant: hours, first and last day, name) at municipal scale. For a year of a
 * 10 000-person organisation it summed about 80 000 kept participation days per read and looked up every person row.
 *
 * - `insight_participation_person_year` keeps each person's minutes per calendar year with the first and last day,
 *   maintained from `insight_participation_day` by statement triggers in the same statement as the write, as the day
 *   rows are. Minutes are added and taken away (so concurrent writers never lose each other's change) and the first and
 *   last day only widen; when a day row goes, the row is marked unsettled and its first and last day are read from the
 *   day rows instead (`insight_participation_person_year_resolved`) until the next rebuild. A report whose period covers
 *   a whole year (or the year so far) reads these rows; the days of a partly covered year are still summed.
 * - Covering indexes: the days of a period per person and the walk-ins, read from the index alone; the people of an
 *   organisation with what the report prints of them.
 */
export class ParticipationReportIndexes1763902600000 implements MigrationInterface {
  name = 'ParticipationReportIndexes1763902600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `create index insight_participation_day_people_idx on insight_participation_day (organisation_id, date) include (person_id, minutes)
        where person_id is not null`,
    );
    await q.query(
      `create index insight_participation_day_walk_in_idx on insight_participation_day (organisation_id, date) include (who) where person_id is null`,
    );
    await q.query(
      `create index person_report_idx on person (organisation_id) include (id, employee_number, first_name, last_name, gender) where pseudonymised_at is null`,
    );

    await q.query(`
      create table insight_participation_person_year (
        organisation_id uuid not null references organisation(id),
        person_id uuid not null references person(id),
        year integer not null,
        minutes integer not null,
        first_date date not null,
        last_date date not null,
        -- False once a day row of the year went: first_date and last_date may then be wider than the days left.
        settled boolean not null default true,
        primary key (organisation_id, year, person_id) include (minutes, first_date, last_date, settled)
      )`);
    await q.query(`select kunna_enable_tenant_rls('insight_participation_person_year')`);

    // What the report reads: unsettled rows take their first and last day from the day rows (few, and by person index).
    await q.query(`
      create view insight_participation_person_year_resolved with (security_invoker = true) as
      select y.organisation_id, y.person_id, y.year, y.minutes,
             case when y.settled then y.first_date
                  else (select min(d.date) from insight_participation_day d
                         where d.person_id = y.person_id and d.date between make_date(y.year, 1, 1) and make_date(y.year, 12, 31)) end as first_date,
             case when y.settled then y.last_date
                  else (select max(d.date) from insight_participation_day d
                         where d.person_id = y.person_id and d.date between make_date(y.year, 1, 1) and make_date(y.year, 12, 31)) end as last_date
        from insight_participation_person_year y`);
    // The same rows recomputed from the source rows (for the rebuild and the property test).
    await q.query(`
      create view insight_participation_person_year_source with (security_invoker = true) as
      select organisation_id, person_id, extract(year from date)::int as year, sum(minutes)::int as minutes, min(date) as first_date, max(date) as last_date
        from insight_participation_source where person_id is not null
       group by organisation_id, person_id, extract(year from date)::int`);

    // Removes rows left at 0 minutes, and fails the write if one is negative (kept rows disagreeing with the day rows).
    await q.query(`
      create function kunna_participation_year_tidy() returns void language plpgsql as $fn$
      declare
        lowest integer;
      begin
        with gone as (delete from insight_participation_person_year where minutes <= 0 returning minutes) select min(minutes) into lowest from gone;
        if lowest < 0 then
          raise exception 'insight_participation_person_year: negative minutes; the kept rows disagree with the days (npm run insights:rebuild)';
        end if;
      end $fn$`);

    // One trigger (and function) per event, as transition tables need. Rows are changed in one order for every writer.
    const upsert = (lines: string, dates: string, settled: string) => `
      insert into insight_participation_person_year as y (organisation_id, person_id, year, minutes, first_date, last_date)
      select l.organisation_id, l.person_id, extract(year from l.date)::int, sum(l.minutes), min(l.date), max(l.date)
        from (${lines}) l
       where l.person_id is not null
       group by 1, 2, 3
       order by 1, 3, 2
      on conflict (organisation_id, year, person_id) do update
        set minutes = y.minutes + excluded.minutes, ${dates}, settled = ${settled};
      perform kunna_participation_year_tidy();`;
    const widen = `first_date = least(y.first_date, excluded.first_date), last_date = greatest(y.last_date, excluded.last_date)`;
    for (const [event, referencing, body] of [
      ['insert', 'new table as new_rows', upsert(`select n.organisation_id, n.person_id, n.date, n.minutes from new_rows n`, widen, 'y.settled')],
      [
        'update',
        'old table as old_rows new table as new_rows',
        upsert(
          `select n.organisation_id, n.person_id, n.date, n.minutes - o.minutes as minutes
             from new_rows n join old_rows o on o.organisation_id = n.organisation_id and o.date = n.date and o.who = n.who`,
          widen,
          'y.settled',
        ),
      ],
      ['delete', 'old table as old_rows', upsert(`select o.organisation_id, o.person_id, o.date, -o.minutes as minutes from old_rows o`, widen, 'false')],
    ] as const) {
      await q.query(`
        create function kunna_participation_year_${event}() returns trigger language plpgsql as $fn$
        begin
          ${body}
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
      insert into insight_participation_person_year (organisation_id, person_id, year, minutes, first_date, last_date)
      select organisation_id, person_id, extract(year from date)::int, sum(minutes), min(date), max(date)
        from insight_participation_day where person_id is not null
       group by 1, 2, 3`);
    await q.query(`analyze insight_participation_person_year`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const event of ['insert', 'update', 'delete']) {
      await q.query(`drop trigger insight_participation_year_${event} on insight_participation_day`);
      await q.query(`drop function kunna_participation_year_${event}()`);
    }
    await q.query(`drop function kunna_participation_year_tidy()`);
    await q.query(`drop view insight_participation_person_year_source`);
    await q.query(`drop view insight_participation_person_year_resolved`);
    await q.query(`drop table insight_participation_person_year`);
    await q.query(`drop index person_report_idx`);
    await q.query(`drop index insight_participation_day_walk_in_idx`);
    await q.query(`drop index insight_participation_day_people_idx`);
  }
}
