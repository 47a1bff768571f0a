import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The funder report at municipal scale: for a year of a 10 000-person organisation it summed about 80 000 kept
 * participation days per read. `insight_participation_person_year` keeps each person's minutes per calendar year with
 * the first and last day, so a report whose period covers a whole year (or the year so far) reads one row per
 * participant; the days of a partly covered year are still summed from `insight_participation_day`.
 *
 * Maintained from the day rows by statement triggers in the same statement as the write, like the day rows themselves.
 * A write does not add to the year row (first and last day cannot be taken away): it recomputes the changed people's
 * years from their days, through the day table's person index. Concurrent writers of one person's days would each
 * compute from a snapshot without the other's change, so each first locks the year rows it recomputes, in one order
 * for every writer; the recomputation is the next statement, with a fresh snapshot that holds what the lock waited for.
 * A year with no days left loses its row in that statement: no table-wide tidy step.
 */
export class ParticipationPersonYear1763902700000 implements MigrationInterface {
  name = 'ParticipationPersonYear1763902700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table insight_participation_person_year (
        organisation_id uuid not null references organisation(id),
        year integer not null,
        person_id uuid not null references person(id),
        minutes integer not null,
        first_date date not null,
        last_date date not null,
        primary key (organisation_id, year, person_id)
      )`);
    // For the person foreign key (retention deletes people) and nothing else.
    await q.query(`create index insight_participation_person_year_person_idx on insight_participation_person_year (person_id)`);
    await q.query(`select kunna_enable_tenant_rls('insight_participation_person_year')`);

    // The same rows recomputed from the source rows (for the rebuild and the property test).
    await q.query(`
      create view insight_participation_person_year_source with (security_invoker = true) as
      select organisation_id, extract(year from date)::int as year, person_id, sum(minutes)::int as minutes, min(date) as first_date, max(date) as last_date
        from insight_participation_source where person_id is not null
       group by organisation_id, extract(year from date)::int, person_id`);

    await q.query(`
      create function kunna_participation_year_recompute(organisations uuid[], years integer[], people uuid[]) returns void
      language plpgsql as $fn$
      begin
        -- Lock (creating where missing) every row to recompute, in the primary key's order.
        insert into insight_participation_person_year as y (organisation_id, year, person_id, minutes, first_date, last_date)
        select k.organisation_id, k.year, k.person_id, 0, make_date(k.year, 1, 1), make_date(k.year, 1, 1)
          from unnest(organisations, years, people) k(organisation_id, year, person_id)
         order by 1, 2, 3
        on conflict (organisation_id, year, person_id) do update set minutes = y.minutes;
        -- Recompute from the days (a fresh snapshot: it includes what a concurrent writer committed while we waited).
        with keys as (select * from unnest(organisations, years, people) k(organisation_id, year, person_id)),
        fresh as (
          select k.organisation_id, k.year, k.person_id, sum(d.minutes)::int as minutes, min(d.date) as first_date, max(d.date) as last_date
            from keys k
            left join insight_participation_day d
              on d.person_id = k.person_id and d.organisation_id = k.organisation_id and d.minutes > 0
             and d.date between make_date(k.year, 1, 1) and make_date(k.year, 12, 31)
           group by 1, 2, 3),
        gone as (
          delete from insight_participation_person_year y using fresh f
           where f.minutes is null and y.organisation_id = f.organisation_id and y.year = f.year and y.person_id = f.person_id)
        update insight_participation_person_year y set minutes = f.minutes, first_date = f.first_date, last_date = f.last_date
          from fresh f
         where f.minutes is not null and y.organisation_id = f.organisation_id and y.year = f.year and y.person_id = f.person_id
           and (y.minutes, y.first_date, y.last_date) is distinct from (f.minutes, f.first_date, f.last_date);
      end $fn$`);

    // One trigger (and function) per event, as transition tables need; walk-ins without a record have no person row.
    for (const [event, referencing, rows] of [
      ['insert', 'new table as new_rows', 'select * from new_rows'],
      ['update', 'old table as old_rows new table as new_rows', 'select * from old_rows union all select * from new_rows'],
      ['delete', 'old table as old_rows', 'select * from old_rows'],
    ] as const) {
      await q.query(`
        create function kunna_participation_year_${event}() returns trigger language plpgsql as $fn$
        declare
          organisations uuid[];
          years integer[];
          people uuid[];
        begin
          select array_agg(c.organisation_id), array_agg(c.year), array_agg(c.person_id) into organisations, years, people
            from (select distinct r.organisation_id, extract(year from r.date)::int as year, r.person_id
                    from (${rows}) r where r.person_id is not null) c;
          if organisations is not null then
            perform kunna_participation_year_recompute(organisations, years, people);
          end if;
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
    await q.query(`drop function kunna_participation_year_recompute(uuid[], integer[], uuid[])`);
    await q.query(`drop view insight_participation_person_year_source`);
    await q.query(`drop table insight_participation_person_year`);
  }
}
