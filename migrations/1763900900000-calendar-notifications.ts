import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Calendars and reminders (api/src/calendar, api/src/notifications):
 * - `calendar_feed`: secret iCalendar feed URLs of a person or a unit. Only the SHA-256 of the token is stored; a feed
 *   is revoked (kept for the record), never deleted. At most one live feed per person and per unit.
 * - `notification`: in-app notifications per person; `dedupe_key` makes a retried reminder job write nothing twice.
 * - `mail_outbox`: every e-mail Kunna sends, with what became of it (sent over SMTP or held in the local outbox).
 * The feed look-up happens before the tenant is known, so it goes through one SECURITY DEFINER function.
 */
export class CalendarNotifications1763900900000 implements MigrationInterface {
  name = 'CalendarNotifications1763900900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table calendar_feed (
        id uuid primary key default gen_random_uuid(),
        organisation_id uuid not null references organisation(id),
        person_id uuid references person(id),
        unit_id uuid references unit(id),
        token_hash text not null unique,
        created_by uuid not null references person(id),
        created_at timestamptz not null default now(),
        revoked_at timestamptz,
        check ((person_id is null) <> (unit_id is null))
      )`);
    await q.query(`create unique index calendar_feed_person_live_idx on calendar_feed(person_id) where revoked_at is null and person_id is not null`);
    await q.query(`create unique index calendar_feed_unit_live_idx on calendar_feed(unit_id) where revoked_at is null and unit_id is not null`);
    await q.query(`select kunna_enable_tenant_rls('calendar_feed')`);
    await q.query(`
      create function kunna_calendar_feed_owner(p_token_hash text)
      returns table (feed_id uuid, organisation_id uuid, person_id uuid, unit_id uuid)
      language sql stable security definer set search_path = public, pg_temp set kunna.system = 'on' as $$
        select id, organisation_id, person_id, unit_id from calendar_feed where token_hash = p_token_hash and revoked_at is null
      $$`);
    await q.query(`revoke all on function kunna_calendar_feed_owner(text) from public`);

    await q.query(`
      create table notification (
        id uuid primary key default gen_random_uuid(),
        organisation_id uuid not null references organisation(id),
        person_id uuid not null references person(id),
        kind text not null check (kind in ('session_tomorrow', 'session_cancelled', 'after_check_pending')),
        session_id uuid references sessions(id),
        details jsonb not null default '{}'::jsonb,
        dedupe_key text not null,
        created_at timestamptz not null default now(),
        read_at timestamptz,
        unique (person_id, dedupe_key)
      )`);
    await q.query(`create index notification_person_idx on notification(person_id, created_at desc)`);
    await q.query(`select kunna_enable_tenant_rls('notification')`);

    await q.query(`
      create table mail_outbox (
        id uuid primary key default gen_random_uuid(),
        organisation_id uuid not null references organisation(id),
        person_id uuid references person(id),
        to_address text not null,
        subject text not null,
        body text not null,
        status text not null default 'pending' check (status in ('pending', 'sent', 'held')),
        message_id text,
        created_at timestamptz not null default now(),
        sent_at timestamptz,
        check ((status = 'pending') = (sent_at is null))
      )`);
    await q.query(`create index mail_outbox_organisation_idx on mail_outbox(organisation_id, created_at desc)`);
    await q.query(`select kunna_enable_tenant_rls('mail_outbox')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table mail_outbox`);
    await q.query(`drop table notification`);
    await q.query(`drop function kunna_calendar_feed_owner(text)`);
    await q.query(`drop table calendar_feed`);
  }
}
