import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The locked kiosk (api/src/kiosk): a kiosk credential is a session row bound to one check round. It belongs to the
 * person who started it (their tenant, their roles), but the access guard serves it on that round's kiosk routes
 * only. Ending the round ends the credential with it.
 *
 * The session look-up (`kunna_live_session`) now also answers the round, so the guard knows before anything else
 * that the cookie is a kiosk's. Its result changes shape, so it is dropped and created again.
 *
 * `kunna_check_code_preview` answers what an answer code is for before anyone signs in (the QR link opened signed
 * out): the check's title, its unit's name and its organisation, nothing personal. It runs before a tenant is known,
 * hence SECURITY DEFINER like the other look-ups by token.
 */
export class KioskCredential1763901930000 implements MigrationInterface {
  name = 'KioskCredential1763901930000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table auth_session add column kiosk_round_id uuid references check_round(id) on delete cascade`);
    await q.query(`create index auth_session_kiosk_round_idx on auth_session(kiosk_round_id) where kiosk_round_id is not null`);
    await q.query(`drop function kunna_live_session(text, integer)`);
    await q.query(`
      create function kunna_live_session(p_id text, p_idle_minutes integer)
      returns table (person_id uuid, organisation_id uuid, csrf_token text, kiosk_round_id uuid)
      language sql stable security definer set search_path = public, pg_temp set kunna.system = 'on' as $$
        select s.person_id, s.organisation_id, s.csrf_token, s.kiosk_round_id
          from auth_session s
         where s.id = p_id and s.revoked_at is null and s.expires_at > now()
           and s.last_seen_at > now() - make_interval(mins => p_idle_minutes)
      $$`);
    await q.query(`revoke all on function kunna_live_session(text, integer) from public`);
    await q.query(`
      create function kunna_check_code_preview(p_code text)
      returns table (code text, title text, unit_name text, organisation_id uuid, organisation_name text)
      language sql stable security definer set search_path = public, pg_temp set kunna.system = 'on' as $$
        select r.code, a.title, u.name, o.id, o.name
          from check_round r
          join check_assignment a on a.id = r.assignment_id
          join unit u on u.id = a.unit_id
          join organisation o on o.id = r.organisation_id
         where r.code = upper(p_code) and a.cancelled_at is null
      $$`);
    await q.query(`revoke all on function kunna_check_code_preview(text) from public`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop function kunna_check_code_preview(text)`);
    await q.query(`drop function kunna_live_session(text, integer)`);
    await q.query(`
      create function kunna_live_session(p_id text, p_idle_minutes integer)
      returns table (person_id uuid, organisation_id uuid, csrf_token text)
      language sql stable security definer set search_path = public, pg_temp set kunna.system = 'on' as $$
        select s.person_id, s.organisation_id, s.csrf_token
          from auth_session s
         where s.id = p_id and s.revoked_at is null and s.expires_at > now()
           and s.last_seen_at > now() - make_interval(mins => p_idle_minutes)
      $$`);
    await q.query(`revoke all on function kunna_live_session(text, integer) from public`);
    await q.query(`delete from auth_session where kiosk_round_id is not null`);
    await q.query(`alter table auth_session drop column kiosk_round_id`);
  }
}
