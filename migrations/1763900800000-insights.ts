import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Insight (api/src/insights): a unit's year plan and targets, and the organisation's cost settings (hourly rates in
 * force from a date, external costs per period). Everything else the dashboards show is computed from sessions,
 * attendance, memberships and program assignments; nothing here copies those figures.
 *
 * Indexes serve the unit-scoped reads (plan, targets by unit) and the organisation-scoped cost reads; the team
 * dashboard itself reads through the person and unit indexes of memberships, sessions and attendance.
 */
export class Insights1763900800000 implements MigrationInterface {
  name = 'Insights1763900800000';

  async up(q: QueryRunner): Promise<void> {
    // One line of a unit's year plan: a program, a series or a module (or a note) placed in a month.
    await q.query(`
      create table insight_plan_entry (
        id uuid primary key,
        organisation_id uuid not null references organisation(id),
        unit_id uuid not null references unit(id),
        month date not null check (extract(day from month) = 1),
        program_id uuid references library_program(id),
        series_id uuid references session_series(id),
        module_id uuid references library_module(id),
        note text check (note is null or length(note) <= 500),
        created_by uuid references person(id),
        created_at timestamptz not null default now(),
        check (program_id is not null or series_id is not null or module_id is not null or note is not null)
      )`);
    await q.query(`create index insight_plan_entry_unit_idx on insight_plan_entry(unit_id, month)`);

    // "90 % of permanent staff complete program X by 30 June": counted over the unit's current members of the
    // listed employment types.
    await q.query(`
      create table insight_target (
        id uuid primary key,
        organisation_id uuid not null references organisation(id),
        unit_id uuid not null references unit(id),
        program_id uuid not null references library_program(id),
        employment_types text[] not null check (
          cardinality(employment_types) between 1 and 3
          and employment_types <@ array['permanent', 'substitute', 'hourly']::text[]),
        target_percent integer not null check (target_percent between 1 and 100),
        due_date date not null,
        note text check (note is null or length(note) <= 500),
        created_by uuid references person(id),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await q.query(`create index insight_target_unit_idx on insight_target(unit_id, due_date)`);

    // Hourly rates (SEK) in force from a date until the next row: staff time in training and ambassadors' teaching time.
    await q.query(`
      create table insight_hourly_rate (
        organisation_id uuid not null references organisation(id),
        valid_from date not null,
        participant_rate numeric(10, 2) not null check (participant_rate >= 0),
        facilitator_rate numeric(10, 2) not null check (facilitator_rate >= 0),
        updated_by uuid references person(id),
        updated_at timestamptz not null default now(),
        primary key (organisation_id, valid_from)
      )`);

    // External costs (course fees, project management, licences) for a period; a report period takes the share of
    // each cost that its days overlap.
    await q.query(`
      create table insight_external_cost (
        id uuid primary key,
        organisation_id uuid not null references organisation(id),
        period_start date not null,
        period_end date not null,
        category text not null check (category in
          ('workplace_learning', 'ambassador_training', 'web_course_follow_up', 'individual_support', 'try_out', 'management_project')),
        amount numeric(12, 2) not null check (amount >= 0),
        description text not null check (length(description) between 1 and 200),
        created_by uuid references person(id),
        created_at timestamptz not null default now(),
        check (period_end >= period_start)
      )`);
    await q.query(`create index insight_external_cost_org_idx on insight_external_cost(organisation_id, period_start)`);

    // Row-level security (api/src/database/README.md): the tenant policy on every new table.
    for (const table of ['insight_plan_entry', 'insight_target', 'insight_hourly_rate', 'insight_external_cost']) {
      await q.query(`select kunna_enable_tenant_rls('${table}')`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table insight_external_cost`);
    await q.query(`drop table insight_hourly_rate`);
    await q.query(`drop table insight_target`);
    await q.query(`drop table insight_plan_entry`);
  }
}
