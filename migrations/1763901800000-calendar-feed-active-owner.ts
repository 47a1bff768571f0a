import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person's calendar feed answered after the person was disabled, pseudonymised or had left: the token was the only
 * check. The look-up now also requires its person to be able to sign in (the same rule as a session's caller,
 * api/src/auth/auth.repository.ts `loadCaller`), so a feed ends the day after the last day of employment even when
 * nobody revokes it; disabling and ending employment also revoke it (api/src/people). A unit's feed belongs to the
 * unit and is unaffected.
 */
export class CalendarFeedActiveOwner1763901800000 implements MigrationInterface {
  name = 'CalendarFeedActiveOwner1763901800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create or replace function kunna_calendar_feed_owner(p_token_hash text)
      returns table (feed_id uuid, organisation_id uuid, person_id uuid, unit_id uuid)
      language sql stable security definer set search_path = public, pg_temp set kunna.system = 'on' as $$
        select f.id, f.organisation_id, f.person_id, f.unit_id
          from calendar_feed f
          left join person p on p.id = f.person_id
         where f.token_hash = p_token_hash and f.revoked_at is null
           and (f.person_id is null
                or (p.disabled_at is null and p.pseudonymised_at is null and (p.end_date is null or p.end_date >= current_date)))
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      create or replace function kunna_calendar_feed_owner(p_token_hash text)
      returns table (feed_id uuid, organisation_id uuid, person_id uuid, unit_id uuid)
      language sql stable security definer set search_path = public, pg_temp set kunna.system = 'on' as $$
        select id, organisation_id, person_id, unit_id from calendar_feed where token_hash = p_token_hash and revoked_at is null
      $$`);
  }
}
