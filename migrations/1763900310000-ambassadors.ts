import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Train-the-trainer: ambassador appointments (units, time allocation, period) and qualifications to deliver
 * modules. Who trained whom is derived later from attendance at ambassador-training sessions (the session
 * feature): a qualification with source 'program' names the program whose completion it records.
 */
export class Ambassadors1763900310000 implements MigrationInterface {
  name = 'Ambassadors1763900310000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table ambassador_appointment (
        id uuid primary key default gen_random_uuid(),
        organisation_id uuid not null references organisation(id),
        person_id uuid not null references person(id),
        allocation_kind text not null check (allocation_kind in ('hours_per_month', 'percent')),
        allocation_value numeric(6, 2) not null check (
          allocation_value > 0
          and (allocation_kind <> 'percent' or allocation_value <= 100)
          and (allocation_kind <> 'hours_per_month' or allocation_value <= 200)),
        start_date date not null,
        end_date date,
        note text,
        created_by uuid references person(id),
        created_at timestamptz not null default now(),
        updated_by uuid references person(id),
        updated_at timestamptz not null default now(),
        check (end_date is null or end_date >= start_date)
      )`);
    await q.query(`create index ambassador_appointment_person_idx on ambassador_appointment(person_id)`);
    await q.query(`create index ambassador_appointment_organisation_idx on ambassador_appointment(organisation_id)`);

    // The role grant that gives the ambassador access in the unit: created by the appointment (and ended
    // with it) or an existing grant the appointment found. A grant removed elsewhere leaves null here.
    await q.query(`
      create table ambassador_appointment_unit (
        appointment_id uuid not null references ambassador_appointment(id) on delete cascade,
        unit_id uuid not null references unit(id),
        organisation_id uuid not null references organisation(id),
        role_assignment_id uuid references role_assignment(id) on delete set null,
        grant_created boolean not null default false,
        primary key (appointment_id, unit_id)
      )`);
    await q.query(`create index ambassador_appointment_unit_unit_idx on ambassador_appointment_unit(unit_id)`);

    await q.query(`
      create table ambassador_qualification (
        id uuid primary key default gen_random_uuid(),
        organisation_id uuid not null references organisation(id),
        person_id uuid not null references person(id),
        module_id uuid not null references library_module(id),
        source text not null check (source in ('program', 'explicit')),
        program_id uuid references library_program(id),
        valid_from date not null,
        valid_until date,
        renews_id uuid references ambassador_qualification(id),
        revoked_at timestamptz,
        revoked_by uuid references person(id),
        revoke_reason text,
        note text,
        created_by uuid references person(id),
        created_at timestamptz not null default now(),
        check ((source = 'program') = (program_id is not null)),
        check (valid_until is null or valid_until >= valid_from),
        check ((revoked_at is null) = (revoke_reason is null))
      )`);
    await q.query(`create index ambassador_qualification_person_idx on ambassador_qualification(person_id, module_id)`);
    await q.query(`create index ambassador_qualification_organisation_idx on ambassador_qualification(organisation_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table ambassador_qualification`);
    await q.query(`drop table ambassador_appointment_unit`);
    await q.query(`drop table ambassador_appointment`);
  }
}
