import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Participation kept as it happens (issue 15, item 1): `insight_participation_day` holds, per organisation, person (or
 * walk-in by name) and day, the participation minutes of that day: attendance marks of held sessions by the sessions
 * feature's minutes rule plus individual support. Rows with no minutes are not kept.
 *
 * It is maintained by triggers in the same statement as every write that changes it (marks, sessions' status, date,
 * length or organisation, a session's deletion, support entries), so no write path can forget it: the API, imports,
 * the demo data, the large seed, pseudonymisation and retention alike. Statement-level triggers with transition
 * tables apply a whole batch in one upsert. The organisation-wide reads (participation, participants, the funder
 * report) sum these rows instead of joining every session to every mark.
 *
 * The day is the finest grain any read needs: periods are arbitrary dates, and "participants" counts distinct people,
 * which is not additive over coarser buckets. `insight_participation_source` is the same figure recomputed from the raw
 * rows (what `npm run insights:rebuild` writes and what the property test compares with).
 */
export class InsightParticipationDay1763901900000 implements MigrationInterface {
  name = 'InsightParticipationDay1763901900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table insight_participation_day (
        organisation_id uuid not null references organisation(id),
        -- The person's id as text, or 'walk-in:' and the lower-cased name of a walk-in without a record.
        who text not null,
        person_id uuid references person(id),
        date date not null,
        -- Positive; 0 only inside a trigger, which then removes the row. No check constraint: PostgreSQL checks the row an
        -- upsert proposes before it finds the conflict, and a proposed change may be negative (see apply below).
        minutes integer not null,
        primary key (organisation_id, date, who)
      )`);
    await q.query(
      `create index insight_participation_day_person_idx on insight_participation_day (person_id, date) include (minutes) where person_id is not null`,
    );
    await q.query(`select kunna_enable_tenant_rls('insight_participation_day')`);

    // The recomputation from the raw rows: the same rule as PARTICIPATION_MINUTES_SQL (api/src/sessions).
    await q.query(`
      create view insight_participation_source with (security_invoker = true) as
      select organisation_id, who, person_id, date, sum(minutes)::int as minutes from (
        select s.organisation_id, coalesce(m.person_id::text, 'walk-in:' || lower(m.walk_in_name)) as who, m.person_id, s.date,
               case m.status when 'present' then s.duration_minutes when 'partial' then least(m.minutes, s.duration_minutes) else 0 end as minutes
          from attendance_marks m join sessions s on s.id = m.session_id
         where s.status = 'scheduled'
        union all
        select e.organisation_id, e.person_id::text, e.person_id, e.date, e.minutes from support_entries e) x
      group by organisation_id, who, person_id, date
      having sum(minutes) > 0`);

    // A row whose minutes reach 0 is removed at the end of the write that emptied it (found by this small index).
    await q.query(`create index insight_participation_day_empty_idx on insight_participation_day (organisation_id) where minutes <= 0`);

    // Removes the rows a write left at 0, and fails the write if one is negative (the kept rows would disagree with the
    // source rows). One statement through the small partial index.
    await q.query(`
      create function kunna_participation_tidy() returns void language plpgsql as $fn$
      declare
        lowest integer;
      begin
        with gone as (delete from insight_participation_day where minutes <= 0 returning minutes) select min(minutes) into lowest from gone;
        if lowest < 0 then
          raise exception 'insight_participation_day: negative minutes; the kept rows disagree with the marks (npm run insights:rebuild)';
        end if;
      end $fn$`);

    // Marks: the contribution of the rows before (subtracted) and after (added), with their session as it is now.
    // Transition tables need one trigger (and function) per event.
    for (const [event, referencing, parts] of [
      ['insert', 'new table as new_rows', `select 1 as sign, n.* from new_rows n`],
      ['update', 'old table as old_rows new table as new_rows', `select -1 as sign, o.* from old_rows o union all select 1, n.* from new_rows n`],
      ['delete', 'old table as old_rows', `select -1 as sign, o.* from old_rows o`],
    ] as const) {
      await q.query(`
        create function kunna_participation_marks_${event}() returns trigger language plpgsql as $fn$
        begin
          ${apply(`
            with changed as (${parts})
            select s.organisation_id, c.person_id, c.walk_in_name, s.date,
                   c.sign * case c.status when 'present' then s.duration_minutes when 'partial' then least(c.minutes, s.duration_minutes) else 0 end as minutes
              from changed c join sessions s on s.id = c.session_id
             where s.status = 'scheduled'`)}
          return null;
        end $fn$`);
      await q.query(`
        create trigger insight_participation_marks_${event} after ${event} on attendance_marks
        referencing ${referencing} for each statement execute function kunna_participation_marks_${event}()`);
    }

    // Sessions: a change of what the rule reads (held or not, day, length, organisation) moves all its marks' minutes.
    await q.query(`
      create function kunna_participation_sessions_update() returns trigger language plpgsql as $fn$
      begin
        ${apply(`
          with moved as (
            select o.id, o.organisation_id as old_org, o.date as old_date, o.status as old_status, o.duration_minutes as old_duration,
                   n.organisation_id as new_org, n.date as new_date, n.status as new_status, n.duration_minutes as new_duration
              from old_rows o join new_rows n on n.id = o.id
             where (o.organisation_id, o.date, o.status, o.duration_minutes) is distinct from (n.organisation_id, n.date, n.status, n.duration_minutes))
          select mv.old_org as organisation_id, m.person_id, m.walk_in_name, mv.old_date as date,
                 -1 * case m.status when 'present' then mv.old_duration when 'partial' then least(m.minutes, mv.old_duration) else 0 end as minutes
            from moved mv join attendance_marks m on m.session_id = mv.id where mv.old_status = 'scheduled'
          union all
          select mv.new_org, m.person_id, m.walk_in_name, mv.new_date,
                 case m.status when 'present' then mv.new_duration when 'partial' then least(m.minutes, mv.new_duration) else 0 end
            from moved mv join attendance_marks m on m.session_id = mv.id where mv.new_status = 'scheduled'`)}
        return null;
      end $fn$`);
    await q.query(`
      create trigger insight_participation_sessions_update after update on sessions
      referencing old table as old_rows new table as new_rows for each statement execute function kunna_participation_sessions_update()`);
    // A deleted session takes its marks along (on delete cascade): their minutes go before the session does, and the
    // marks' own trigger then finds no session and changes nothing.
    await q.query(`
      create function kunna_participation_session_delete() returns trigger language plpgsql as $fn$
      begin
        if old.status = 'scheduled' then
          ${apply(`
            select old.organisation_id, m.person_id, m.walk_in_name, old.date,
                   -1 * case m.status when 'present' then old.duration_minutes when 'partial' then least(m.minutes, old.duration_minutes) else 0 end as minutes
              from attendance_marks m where m.session_id = old.id`)}
        end if;
        return old;
      end $fn$`);
    await q.query(
      `create trigger insight_participation_session_delete before delete on sessions for each row execute function kunna_participation_session_delete()`,
    );

    // Support entries: their own organisation, person, day and minutes.
    for (const [event, referencing, parts] of [
      ['insert', 'new table as new_rows', `select 1 as sign, n.* from new_rows n`],
      ['update', 'old table as old_rows new table as new_rows', `select -1 as sign, o.* from old_rows o union all select 1, n.* from new_rows n`],
      ['delete', 'old table as old_rows', `select -1 as sign, o.* from old_rows o`],
    ] as const) {
      await q.query(`
        create function kunna_participation_support_${event}() returns trigger language plpgsql as $fn$
        begin
          ${apply(`with changed as (${parts}) select c.organisation_id, c.person_id, null::text as walk_in_name, c.date, c.sign * c.minutes as minutes from changed c`)}
          return null;
        end $fn$`);
      await q.query(`
        create trigger insight_participation_support_${event} after ${event} on support_entries
        referencing ${referencing} for each statement execute function kunna_participation_support_${event}()`);
    }

    // What is there already: every organisation's rows, in this migration's transaction (with hundreds of thousands of
    // rows it outlasts the connection's 30 s statement timeout, which is for requests).
    await q.query(`set local statement_timeout = 0`);
    await q.query(`select set_config('kunna.system', 'on', true)`);
    await q.query(`insert into insight_participation_day (organisation_id, who, person_id, date, minutes)
                   select organisation_id, who, person_id, date, minutes from insight_participation_source`);
    // Statistics now, so that the first reads are planned for the rows there are (not for an empty table).
    await q.query(`analyze insight_participation_day`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const event of ['insert', 'update', 'delete']) {
      await q.query(`drop trigger insight_participation_marks_${event} on attendance_marks`);
      await q.query(`drop function kunna_participation_marks_${event}()`);
      await q.query(`drop trigger insight_participation_support_${event} on support_entries`);
      await q.query(`drop function kunna_participation_support_${event}()`);
    }
    await q.query(`drop trigger insight_participation_sessions_update on sessions`);
    await q.query(`drop function kunna_participation_sessions_update()`);
    await q.query(`drop trigger insight_participation_session_delete on sessions`);
    await q.query(`drop function kunna_participation_session_delete()`);
    await q.query(`drop function kunna_participation_tidy()`);
    await q.query(`drop view insight_participation_source`);
    await q.query(`drop table insight_participation_day`);
  }
}

/**
 * The statements a trigger runs to add signed minutes: `lines` yields (organisation_id, person_id, walk_in_name, date,
 * minutes) with the minutes to add (negative to take away). Rows are locked in one order for every writer, so that
 * two batches touching the same rows wait instead of deadlocking; rows left at 0 are removed, and a negative row (the
 * kept rows disagreeing with the source rows) fails the write.
 */
function apply(lines: string): string {
  return `
    insert into insight_participation_day as d (organisation_id, who, person_id, date, minutes)
    select l.organisation_id, coalesce(l.person_id::text, 'walk-in:' || lower(l.walk_in_name)), l.person_id, l.date, sum(l.minutes)
      from (${lines}) l
     group by 1, 2, 3, 4
    having sum(l.minutes) <> 0
     order by 1, 4, 2
    on conflict (organisation_id, date, who) do update set minutes = d.minutes + excluded.minutes;
    perform kunna_participation_tidy();`;
}
