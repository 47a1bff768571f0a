import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organisation-wide insight views kept between reads (issue 15, item 1; api/src/snapshots).
 *
 * `insight_snapshot` holds one computed answer per organisation, view and query (check results for an instrument, the
 * competence breakdown by unit, …), with when it was computed and last read. `insight_stale` names the organisations
 * whose source rows changed since: statement-level triggers on every table the kept views read mark the organisation
 * in the same statement as the write, whatever wrote it (requests, jobs, imports, the large seed). A read of a stale
 * view answers the kept figures with their time and queues their recomputation (`insights.refresh`).
 *
 * Marking is an insert that does nothing when the organisation is already marked, so concurrent writers do not queue
 * behind one row; the refresh deletes the mark before it recomputes, so a write during the refresh marks it again.
 */
const SOURCES: ReadonlyArray<{ table: string; update?: string }> = [
  { table: 'attendance_marks' },
  { table: 'sessions' },
  { table: 'session_invitations' },
  { table: 'support_entries' },
  { table: 'check_assignment' },
  { table: 'check_round' },
  { table: 'check_response' },
  { table: 'check_answer' },
  { table: 'unit' },
  { table: 'area' },
  { table: 'unit_membership' },
  // The cost report: who facilitated, their hourly rates and appointments, and costs outside Kunna.
  { table: 'session_facilitators' },
  { table: 'ambassador_appointment' },
  { table: 'insight_hourly_rate' },
  { table: 'insight_external_cost' },
  // A person's sign-ins and settings do not change any figure: only what the views group and filter by.
  { table: 'person', update: 'update of organisation_id, role_title, employment_type, start_date, end_date, disabled_at, pseudonymised_at' },
];

export class InsightSnapshots1763902500000 implements MigrationInterface {
  name = 'InsightSnapshots1763902500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table insight_snapshot (
        organisation_id uuid not null references organisation(id) on delete cascade,
        view text not null,
        query_key text not null,
        query jsonb not null,
        body jsonb not null,
        computed_at timestamptz not null,
        -- How long computing it took (what a refresh of the organisation costs: the sum over its views).
        compute_ms integer not null,
        read_at timestamptz not null,
        primary key (organisation_id, view, query_key)
      )`);
    await q.query(`
      create table insight_stale (
        organisation_id uuid primary key references organisation(id) on delete cascade,
        since timestamptz not null default now()
      )`);
    await q.query(`select kunna_enable_tenant_rls('insight_snapshot')`);
    await q.query(`select kunna_enable_tenant_rls('insight_stale')`);

    // One function for every source table: the rows the statement wrote name the organisations it changed.
    await q.query(`
      create function kunna_insight_stale() returns trigger language plpgsql as $fn$
      begin
        if tg_op in ('INSERT', 'UPDATE') then
          insert into insight_stale (organisation_id) select distinct organisation_id from new_rows where organisation_id is not null
          on conflict (organisation_id) do nothing;
        end if;
        if tg_op in ('UPDATE', 'DELETE') then
          insert into insight_stale (organisation_id) select distinct organisation_id from old_rows where organisation_id is not null
          on conflict (organisation_id) do nothing;
        end if;
        return null;
      end $fn$`);
    for (const { table, update } of SOURCES) {
      for (const [event, referencing] of [
        ['insert', 'new table as new_rows'],
        [update ?? 'update', 'old table as old_rows new table as new_rows'],
        ['delete', 'old table as old_rows'],
      ] as const) {
        const name = `insight_stale_${table}_${event.split(' ')[0]}`;
        // Transition tables are not allowed with a column list: a person's update checks its columns in the function.
        const columns = event.startsWith('update of') ? event.slice('update of '.length) : null;
        if (columns) {
          await q.query(`
            create function kunna_insight_stale_${table}() returns trigger language plpgsql as $fn$
            begin
              insert into insight_stale (organisation_id)
              select distinct n.organisation_id from new_rows n join old_rows o on o.id = n.id
               where (${columns
                 .split(', ')
                 .map((c) => `n.${c}`)
                 .join(', ')}) is distinct from (${columns
                 .split(', ')
                 .map((c) => `o.${c}`)
                 .join(', ')})
              union select o.organisation_id from old_rows o join new_rows n on n.id = o.id where o.organisation_id is distinct from n.organisation_id
              on conflict (organisation_id) do nothing;
              return null;
            end $fn$`);
          await q.query(
            `create trigger ${name} after update on ${table} referencing ${referencing} for each statement execute function kunna_insight_stale_${table}()`,
          );
          continue;
        }
        await q.query(`create trigger ${name} after ${event} on ${table} referencing ${referencing} for each statement execute function kunna_insight_stale()`);
      }
    }
    // The minimum group size decides what every view shows.
    await q.query(`
      create function kunna_insight_stale_organisation() returns trigger language plpgsql as $fn$
      begin
        insert into insight_stale (organisation_id) values (new.id) on conflict (organisation_id) do nothing;
        return null;
      end $fn$`);
    await q.query(`
      create trigger insight_stale_organisation after update of min_group_size on organisation
      for each row when (old.min_group_size is distinct from new.min_group_size) execute function kunna_insight_stale_organisation()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop trigger insight_stale_organisation on organisation`);
    await q.query(`drop function kunna_insight_stale_organisation()`);
    for (const { table, update } of SOURCES) {
      for (const event of ['insert', 'update', 'delete']) await q.query(`drop trigger insight_stale_${table}_${event} on ${table}`);
      if (update) await q.query(`drop function kunna_insight_stale_${table}()`);
    }
    await q.query(`drop function kunna_insight_stale()`);
    await q.query(`drop table insight_stale`);
    await q.query(`drop table insight_snapshot`);
  }
}
