import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Before/after competence checks: the network's common core items, versioned instruments (published versions
 * are immutable), assignments of a check to a unit (and a session or program), rounds (before, after,
 * follow-up) with a short code, responses per person and answers per item, and the aggregate releases the
 * server remembers so that two overlapping aggregates can never be subtracted to reveal a small group.
 *
 * `check_assignment.session_id` gets its foreign key to `sessions` in 1763900510000-checks-sessions.ts (the two
 * features were built in parallel).
 */
export class Checks1763900500000 implements MigrationInterface {
  name = 'Checks1763900500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table check_core_item (
        id uuid primary key default gen_random_uuid(),
        network_id uuid not null references network(id),
        item jsonb not null,
        retired_at timestamptz,
        created_by uuid references person(id),
        created_at timestamptz not null default now()
      )`);
    await q.query(`create index check_core_item_network_idx on check_core_item(network_id)`);

    await q.query(`
      create table check_instrument (
        id uuid primary key default gen_random_uuid(),
        organisation_id uuid not null references organisation(id),
        title text not null,
        draft jsonb,
        created_by uuid references person(id),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await q.query(`create index check_instrument_organisation_idx on check_instrument(organisation_id)`);

    await q.query(`
      create table check_instrument_version (
        id uuid primary key default gen_random_uuid(),
        organisation_id uuid not null references organisation(id),
        instrument_id uuid not null references check_instrument(id),
        version integer not null check (version >= 1),
        title text not null,
        description_sv text,
        support_threshold double precision not null check (support_threshold >= 1 and support_threshold <= 4),
        items jsonb not null,
        published_by uuid references person(id),
        published_at timestamptz not null default now(),
        unique (instrument_id, version)
      )`);
    // A published version is what answers refer to: it never changes.
    await q.query(`
      create function check_instrument_version_immutable() returns trigger language plpgsql as $$
      begin
        raise exception 'check_instrument_version is immutable once published';
      end $$`);
    await q.query(`
      create trigger check_instrument_version_no_change before update or delete on check_instrument_version
      for each row execute function check_instrument_version_immutable()`);

    await q.query(`
      create table check_assignment (
        id uuid primary key,
        organisation_id uuid not null references organisation(id),
        unit_id uuid not null references unit(id),
        instrument_version_id uuid not null references check_instrument_version(id),
        title text not null,
        session_id uuid,
        program_id uuid references library_program(id),
        follow_up_weeks integer not null default 10 check (follow_up_weeks between 1 and 52),
        created_by uuid references person(id),
        created_at timestamptz not null default now()
      )`);
    await q.query(`create index check_assignment_unit_idx on check_assignment(unit_id, created_at desc)`);
    await q.query(`create index check_assignment_session_idx on check_assignment(session_id) where session_id is not null`);

    await q.query(`
      create table check_round (
        id uuid primary key default gen_random_uuid(),
        organisation_id uuid not null references organisation(id),
        assignment_id uuid not null references check_assignment(id),
        kind text not null check (kind in ('before', 'after', 'follow_up')),
        code text not null unique,
        opens_on date not null,
        closes_on date,
        created_by uuid references person(id),
        created_at timestamptz not null default now(),
        unique (assignment_id, kind),
        check (closes_on is null or closes_on >= opens_on)
      )`);

    await q.query(`
      create table check_response (
        id uuid primary key,
        organisation_id uuid not null references organisation(id),
        round_id uuid not null references check_round(id),
        person_id uuid not null references person(id),
        status text not null default 'in_progress' check (status in ('in_progress', 'submitted', 'declined')),
        form text not null check (form in ('A', 'B')),
        via text not null check (via in ('link', 'kiosk')),
        started_at timestamptz not null default now(),
        finished_at timestamptz,
        unique (round_id, person_id),
        check ((status = 'in_progress') = (finished_at is null))
      )`);
    await q.query(`create index check_response_person_idx on check_response(person_id)`);

    await q.query(`
      create table check_answer (
        response_id uuid not null references check_response(id) on delete cascade,
        item_key text not null,
        organisation_id uuid not null references organisation(id),
        declined boolean not null default false,
        value jsonb,
        rated_by uuid references person(id),
        answered_at timestamptz not null default now(),
        primary key (response_id, item_key),
        check (declined = (value is null))
      )`);

    await q.query(`
      create table check_release (
        id uuid primary key default gen_random_uuid(),
        organisation_id uuid not null references organisation(id),
        instrument_id uuid not null references check_instrument(id),
        requested_by uuid references person(id),
        group_key text not null,
        response_ids uuid[] not null,
        created_at timestamptz not null default now()
      )`);
    await q.query(`create index check_release_instrument_idx on check_release(organisation_id, instrument_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table check_release`);
    await q.query(`drop table check_answer`);
    await q.query(`drop table check_response`);
    await q.query(`drop table check_round`);
    await q.query(`drop table check_assignment`);
    await q.query(`drop trigger check_instrument_version_no_change on check_instrument_version`);
    await q.query(`drop table check_instrument_version`);
    await q.query(`drop function check_instrument_version_immutable()`);
    await q.query(`drop table check_instrument`);
    await q.query(`drop table check_core_item`);
  }
}
