import { MigrationInterface, QueryRunner } from 'typeorm';

/** Organisation structure, people, roles, accounts, sessions, sign-in throttling, audit log, imports. */
export class Foundation1763900000000 implements MigrationInterface {
  name = 'Foundation1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create extension if not exists pgcrypto`);

    await q.query(`
      create table network (
        id uuid primary key default gen_random_uuid(),
        name text not null,
        created_at timestamptz not null default now()
      )`);

    await q.query(`
      create table organisation (
        id uuid primary key default gen_random_uuid(),
        network_id uuid not null references network(id),
        name text not null,
        kind text not null check (kind in ('municipality', 'private_provider')),
        min_group_size integer not null default 5 check (min_group_size >= 3),
        created_at timestamptz not null default now()
      )`);
    await q.query(`create index organisation_network_idx on organisation(network_id)`);

    await q.query(`
      create table area (
        id uuid primary key default gen_random_uuid(),
        organisation_id uuid not null references organisation(id),
        name text not null,
        kind text not null check (kind in ('elderly_care', 'home_care', 'disability_support', 'health_care', 'social_services', 'other')),
        created_at timestamptz not null default now(),
        unique (organisation_id, name)
      )`);

    await q.query(`
      create table unit (
        id uuid primary key default gen_random_uuid(),
        organisation_id uuid not null references organisation(id),
        area_id uuid not null references area(id),
        name text not null,
        code text,
        created_at timestamptz not null default now(),
        closed_at date,
        unique (organisation_id, code)
      )`);
    await q.query(`create index unit_area_idx on unit(area_id)`);

    await q.query(`
      create table person (
        id uuid primary key default gen_random_uuid(),
        organisation_id uuid not null references organisation(id),
        employee_number text not null,
        first_name text not null,
        last_name text not null,
        email text,
        role_title text not null,
        employment_type text not null check (employment_type in ('permanent', 'substitute', 'hourly')),
        start_date date not null,
        end_date date,
        gender text check (gender in ('female', 'male', 'other')),
        preferred_language text not null default 'sv' check (preferred_language in ('sv', 'en')),
        disabled_at timestamptz,
        pseudonymised_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (organisation_id, employee_number)
      )`);
    await q.query(`create unique index person_email_idx on person (organisation_id, lower(email)) where email is not null`);
    await q.query(`create index person_email_lookup_idx on person (lower(email)) where email is not null`);

    await q.query(`
      create table unit_membership (
        id uuid primary key default gen_random_uuid(),
        organisation_id uuid not null references organisation(id),
        person_id uuid not null references person(id),
        unit_id uuid not null references unit(id),
        start_date date not null,
        end_date date,
        check (end_date is null or end_date >= start_date)
      )`);
    await q.query(`create index unit_membership_unit_idx on unit_membership(unit_id, start_date)`);
    await q.query(`create index unit_membership_person_idx on unit_membership(person_id)`);

    await q.query(`
      create table role_assignment (
        id uuid primary key default gen_random_uuid(),
        organisation_id uuid not null references organisation(id),
        person_id uuid not null references person(id),
        role text not null check (role in ('ambassador', 'manager', 'area_manager', 'hr', 'org_admin', 'network_coordinator')),
        scope_type text not null check (scope_type in ('unit', 'area', 'organisation', 'network')),
        scope_id uuid not null,
        start_date date not null default current_date,
        end_date date,
        created_by uuid references person(id),
        created_at timestamptz not null default now()
      )`);
    await q.query(`create index role_assignment_person_idx on role_assignment(person_id)`);
    await q.query(`create index role_assignment_scope_idx on role_assignment(scope_id, role)`);

    await q.query(`
      create table credential (
        person_id uuid primary key references person(id),
        organisation_id uuid not null references organisation(id),
        password_hash text,
        password_changed_at timestamptz,
        created_at timestamptz not null default now()
      )`);

    await q.query(`
      create table one_time_code (
        id uuid primary key default gen_random_uuid(),
        organisation_id uuid not null references organisation(id),
        person_id uuid not null references person(id),
        purpose text not null check (purpose in ('first_sign_in', 'password_reset')),
        code_hash text not null unique,
        expires_at timestamptz not null,
        used_at timestamptz,
        created_by uuid references person(id),
        created_at timestamptz not null default now()
      )`);
    await q.query(`create index one_time_code_person_idx on one_time_code(person_id)`);

    await q.query(`
      create table auth_session (
        id text primary key,
        person_id uuid not null references person(id),
        organisation_id uuid not null references organisation(id),
        csrf_token text not null,
        created_at timestamptz not null default now(),
        last_seen_at timestamptz not null default now(),
        expires_at timestamptz not null,
        revoked_at timestamptz,
        ip text,
        user_agent text
      )`);
    await q.query(`create index auth_session_person_idx on auth_session(person_id) where revoked_at is null`);

    await q.query(`
      create table sign_in_throttle (
        key text primary key,
        failures integer not null default 0,
        window_start timestamptz not null default now(),
        locked_until timestamptz
      )`);

    await q.query(`
      create table audit_log (
        id bigint generated always as identity primary key,
        organisation_id uuid references organisation(id),
        actor_person_id uuid references person(id),
        action text not null,
        target_type text,
        target_id text,
        details jsonb not null default '{}',
        ip text,
        request_id text,
        created_at timestamptz not null default now()
      )`);
    await q.query(`create index audit_log_org_time_idx on audit_log(organisation_id, created_at desc)`);
    // Append-only: rows can be added, never changed. Retention removes old rows through a dedicated function.
    await q.query(`
      create function audit_log_immutable() returns trigger language plpgsql as $$
      begin
        if current_setting('kunna.audit_retention', true) = 'on' and tg_op = 'DELETE' then
          return old;
        end if;
        raise exception 'audit_log is append-only';
      end $$`);
    await q.query(`
      create trigger audit_log_no_change before update or delete on audit_log
      for each row execute function audit_log_immutable()`);

    await q.query(`
      create table import_run (
        id uuid primary key default gen_random_uuid(),
        organisation_id uuid not null references organisation(id),
        created_by uuid references person(id),
        file_name text not null,
        file_sha256 text not null,
        mode text not null check (mode in ('full', 'partial')),
        counts jsonb not null,
        created_at timestamptz not null default now()
      )`);
    await q.query(`create index import_run_org_idx on import_run(organisation_id, created_at desc)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table import_run`);
    await q.query(`drop trigger audit_log_no_change on audit_log`);
    await q.query(`drop table audit_log`);
    await q.query(`drop function audit_log_immutable()`);
    await q.query(`drop table sign_in_throttle`);
    await q.query(`drop table auth_session`);
    await q.query(`drop table one_time_code`);
    await q.query(`drop table credential`);
    await q.query(`drop table role_assignment`);
    await q.query(`drop table unit_membership`);
    await q.query(`drop table person`);
    await q.query(`drop table unit`);
    await q.query(`drop table area`);
    await q.query(`drop table organisation`);
    await q.query(`drop table network`);
  }
}
