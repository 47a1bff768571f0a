import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Workplace sessions (tillfällen) and attendance. See api/src/sessions/README.md for the rules the other
 * features rely on (who counts as invited, which mark counts, how hours follow).
 *
 * A session delivers one published module version and keeps it for good (a later version of the module does not
 * change what a past session taught). Times are local Swedish times (date + start_time); starts_at/ends_at are the
 * same instant as timestamps, kept by the repository for overlap checks and calendar feeds.
 */
export class Sessions1763900400000 implements MigrationInterface {
  name = 'Sessions1763900400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table session_series (
        id uuid primary key default gen_random_uuid(),
        organisation_id uuid not null references organisation(id),
        unit_id uuid not null references unit(id),
        program_id uuid references library_program(id),
        interval_weeks integer not null check (interval_weeks between 1 and 52),
        occurrence_count integer not null check (occurrence_count between 1 and 52),
        created_by uuid references person(id),
        created_at timestamptz not null default now()
      )`);
    await q.query(`create index session_series_unit_idx on session_series(unit_id)`);

    await q.query(`
      create table sessions (
        id uuid primary key default gen_random_uuid(),
        organisation_id uuid not null references organisation(id),
        unit_id uuid not null references unit(id),
        module_version_id uuid not null references library_module_version(id),
        series_id uuid references session_series(id),
        series_position integer check (series_position >= 1),
        program_id uuid references library_program(id),
        date date not null,
        start_time time not null,
        duration_minutes integer not null check (duration_minutes between 5 and 600),
        starts_at timestamptz not null,
        ends_at timestamptz not null,
        place text not null,
        capacity integer check (capacity is null or capacity >= 1),
        activity_category text not null check (activity_category in
          ('workplace_learning', 'ambassador_training', 'web_course_follow_up', 'individual_support', 'try_out', 'management_project')),
        shift text check (shift in ('day', 'evening', 'night', 'weekend', 'handover')),
        audience text not null check (audience in ('unit_team', 'selection')),
        status text not null default 'scheduled' check (status in ('scheduled', 'cancelled')),
        cancel_reason text,
        cancelled_at timestamptz,
        note text,
        revision integer not null default 0,
        created_by uuid references person(id),
        created_at timestamptz not null default now(),
        updated_by uuid references person(id),
        updated_at timestamptz not null default now(),
        check (ends_at > starts_at),
        check ((series_id is null) = (series_position is null)),
        check ((status = 'cancelled') = (cancelled_at is not null))
      )`);
    await q.query(`create index sessions_unit_date_idx on sessions(unit_id, date)`);
    await q.query(`create index sessions_organisation_time_idx on sessions(organisation_id, starts_at)`);
    await q.query(`create index sessions_series_idx on sessions(series_id) where series_id is not null`);
    await q.query(`create index sessions_module_version_idx on sessions(module_version_id)`);

    await q.query(`
      create table session_facilitators (
        session_id uuid not null references sessions(id) on delete cascade,
        person_id uuid not null references person(id),
        organisation_id uuid not null references organisation(id),
        primary key (session_id, person_id)
      )`);
    await q.query(`create index session_facilitators_person_idx on session_facilitators(person_id)`);

    // Explicit invitations (audience 'selection'). The unit's team is invited through membership on the session
    // date: see the view session_invitees.
    await q.query(`
      create table session_invitations (
        session_id uuid not null references sessions(id) on delete cascade,
        person_id uuid not null references person(id),
        organisation_id uuid not null references organisation(id),
        created_at timestamptz not null default now(),
        primary key (session_id, person_id)
      )`);
    await q.query(`create index session_invitations_person_idx on session_invitations(person_id)`);

    // The mark in force for each participant of a session: one row per person (or per walk-in name). `id` is the
    // client-generated id of the mark that set it. The receipts table remembers every mark id ever received, so a
    // replay is recognised even after a later mark replaced it.
    await q.query(`
      create table attendance_marks (
        id uuid primary key,
        organisation_id uuid not null references organisation(id),
        session_id uuid not null references sessions(id) on delete cascade,
        person_id uuid references person(id),
        walk_in_name text,
        walk_in boolean not null default false,
        status text not null check (status in ('present', 'absent', 'excused', 'partial')),
        minutes integer check (minutes is null or minutes >= 0),
        recorded_at timestamptz not null,
        recorded_by uuid not null references person(id),
        received_at timestamptz not null default now(),
        check ((person_id is null) <> (walk_in_name is null)),
        check (person_id is not null or walk_in),
        check ((status = 'partial') = (minutes is not null))
      )`);
    await q.query(`create unique index attendance_marks_person_idx on attendance_marks(session_id, person_id) where person_id is not null`);
    await q.query(`create unique index attendance_marks_walk_in_idx on attendance_marks(session_id, lower(walk_in_name)) where person_id is null`);
    await q.query(`create index attendance_marks_person_lookup_idx on attendance_marks(person_id) where person_id is not null`);

    await q.query(`
      create table attendance_mark_receipts (
        mark_id uuid primary key,
        organisation_id uuid not null references organisation(id),
        session_id uuid not null references sessions(id) on delete cascade,
        person_id uuid references person(id),
        walk_in_name text,
        status text not null,
        minutes integer,
        recorded_at timestamptz not null,
        recorded_by uuid not null references person(id),
        outcome text not null check (outcome in ('applied', 'superseded')),
        received_at timestamptz not null default now()
      )`);
    await q.query(`create index attendance_mark_receipts_session_idx on attendance_mark_receipts(session_id)`);

    await q.query(`
      create table support_entries (
        id uuid primary key default gen_random_uuid(),
        organisation_id uuid not null references organisation(id),
        unit_id uuid not null references unit(id),
        person_id uuid not null references person(id),
        ambassador_id uuid not null references person(id),
        date date not null,
        minutes integer not null check (minutes between 1 and 600),
        topic text not null,
        module_id uuid references library_module(id),
        notes text,
        created_at timestamptz not null default now()
      )`);
    await q.query(`create index support_entries_unit_idx on support_entries(unit_id, date)`);
    await q.query(`create index support_entries_person_idx on support_entries(person_id)`);

    // Who is invited to a session: the explicit selection, or everyone with a membership in the session's unit on
    // its date. Someone who joined later or had left is not invited (and so never counted absent).
    await q.query(`
      create view session_invitees as
        select s.id as session_id, i.person_id, s.organisation_id
          from sessions s join session_invitations i on i.session_id = s.id
          join person p on p.id = i.person_id
         where s.audience = 'selection' and (p.end_date is null or p.end_date >= s.date)
        union
        select s.id, m.person_id, s.organisation_id
          from sessions s join unit_membership m on m.unit_id = s.unit_id
          join person p on p.id = m.person_id
         where s.audience = 'unit_team' and m.start_date <= s.date and (m.end_date is null or m.end_date >= s.date)
           and (p.end_date is null or p.end_date >= s.date)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop view session_invitees`);
    await q.query(`drop table support_entries`);
    await q.query(`drop table attendance_mark_receipts`);
    await q.query(`drop table attendance_marks`);
    await q.query(`drop table session_invitations`);
    await q.query(`drop table session_facilitators`);
    await q.query(`drop table sessions`);
    await q.query(`drop table session_series`);
  }
}
