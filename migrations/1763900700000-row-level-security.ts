import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tenant isolation's second wall: row-level security, forced (the table owner is subject to it too), on
 * every table with an `organisation_id`.
 *
 * The application sets its tenant per transaction with set_config(..., true) (api/src/database/db.ts):
 * - `kunna.organisation_id`: the caller's organisation: the only one rows may be written for;
 * - `kunna.organisation_ids`: the organisations it may read (its own, plus every organisation of a
 *   network the caller coordinates, for network aggregates);
 * - `kunna.network_id`: the caller's network, for network-owned rows (`organisation_id` null).
 * Without these settings a query sees no rows and can write none.
 *
 * The owner (migrations, demo data, backups) passes only with the explicit system context
 * `kunna.system = 'on'`, and only while acting as the table owner: the application's role is never the
 * owner, so setting the flag does nothing for it. Look-ups that must find a row before the tenant is
 * known (sign-in, session cookie, one-time code) go through the narrow SECURITY DEFINER functions below,
 * which run as the owner with the system context for their one query.
 *
 * Tables created by later migrations call `select kunna_enable_tenant_rls('table_name')` (see
 * api/src/database/README.md); a schema test fails for any organisation-owned table without it.
 */
export class RowLevelSecurity1763900700000 implements MigrationInterface {
  name = 'RowLevelSecurity1763900700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create function kunna_organisation() returns uuid language sql stable as $$
        select nullif(current_setting('kunna.organisation_id', true), '')::uuid
      $$`);
    await q.query(`
      create function kunna_organisations() returns uuid[] language sql stable as $$
        select coalesce(nullif(current_setting('kunna.organisation_ids', true), '')::uuid[], '{}'::uuid[])
      $$`);
    await q.query(`
      create function kunna_network() returns uuid language sql stable as $$
        select nullif(current_setting('kunna.network_id', true), '')::uuid
      $$`);
    await q.query(`
      create function kunna_system_for(target regclass) returns boolean language sql stable as $$
        select coalesce(current_setting('kunna.system', true), '') = 'on'
           and pg_has_role(current_user, (select relowner from pg_class where oid = target), 'MEMBER')
      $$`);

    // shared_rows: which rows without an organisation (network-owned content) a tenant may see and write.
    await q.query(`
      create function kunna_enable_tenant_rls(target regclass, shared_rows text default null) returns void
      language plpgsql as $fn$
      declare
        system_clause text := format('(select kunna_system_for(%L::regclass))', target::text);
        shared_clause text := case when shared_rows is null then '' else format(' or (organisation_id is null and (%s))', shared_rows) end;
      begin
        execute format('alter table %s enable row level security', target);
        execute format('alter table %s force row level security', target);
        execute format('drop policy if exists tenant_isolation on %s', target);
        execute format(
          'create policy tenant_isolation on %s using (%s or organisation_id = any ((select kunna_organisations())::uuid[])%s) '
          'with check (%s or organisation_id = (select kunna_organisation())%s)',
          target, system_clause, shared_clause, system_clause, shared_clause);
      end $fn$`);

    const tables = (await q.query(`
      select c.table_name, exists (
               select 1 from information_schema.columns n
                where n.table_schema = 'public' and n.table_name = c.table_name and n.column_name = 'network_id') as has_network
        from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
       where c.table_schema = 'public' and c.column_name = 'organisation_id' and t.table_type = 'BASE TABLE'
       order by c.table_name`)) as Array<{ table_name: string; has_network: boolean }>;
    for (const { table_name, has_network } of tables) {
      const shared = SHARED_ROWS[table_name] ?? (has_network ? `network_id = (select kunna_network())` : null);
      await q.query(`select kunna_enable_tenant_rls($1::regclass, $2)`, [table_name, shared]);
    }

    // A view reads its tables with its owner's rights unless it is a security invoker: the caller's tenant must apply.
    const views = (await q.query(`select viewname from pg_views where schemaname = 'public' order by 1`)) as Array<{ viewname: string }>;
    for (const { viewname } of views) await q.query(`alter view ${quote(viewname)} set (security_invoker = true)`);

    // --- look-ups before the tenant is known: one query each, run as the owner ---
    await q.query(`
      create function kunna_sign_in_candidates(p_identifier text, p_organisation uuid)
      returns table (person_id uuid, organisation_id uuid, password_hash text, disabled boolean)
      language sql stable security definer set search_path = public, pg_temp set kunna.system = 'on' as $$
        select p.id, p.organisation_id, c.password_hash,
               (p.disabled_at is not null or p.pseudonymised_at is not null
                or (p.end_date is not null and p.end_date < current_date))
          from person p
          left join credential c on c.person_id = p.id
         where (p_organisation is null or p.organisation_id = p_organisation)
           and (lower(p.email) = lower(p_identifier) or (p_organisation is not null and p.employee_number = p_identifier))
      $$`);
    await q.query(`
      create function kunna_live_session(p_id text, p_idle_minutes integer)
      returns table (person_id uuid, organisation_id uuid, csrf_token text)
      language sql stable security definer set search_path = public, pg_temp set kunna.system = 'on' as $$
        select s.person_id, s.organisation_id, s.csrf_token
          from auth_session s
         where s.id = p_id and s.revoked_at is null and s.expires_at > now()
           and s.last_seen_at > now() - make_interval(mins => p_idle_minutes)
      $$`);
    await q.query(`
      create function kunna_consume_one_time_code(p_code_hash text)
      returns table (person_id uuid, organisation_id uuid, purpose text)
      language sql volatile security definer set search_path = public, pg_temp set kunna.system = 'on' as $$
        update one_time_code set used_at = now()
         where code_hash = p_code_hash and used_at is null and expires_at > now()
        returning person_id, organisation_id, purpose
      $$`);
    // Audit entries are written before the tenant is known too (failed sign-ins); the log is append-only.
    await q.query(`
      create function kunna_append_audit(p_action text, p_organisation uuid, p_actor uuid, p_target_type text,
                                         p_target_id text, p_details jsonb, p_ip text, p_request_id text)
      returns void
      language sql volatile security definer set search_path = public, pg_temp set kunna.system = 'on' as $$
        insert into audit_log (action, organisation_id, actor_person_id, target_type, target_id, details, ip, request_id)
        values (p_action, p_organisation, p_actor, p_target_type, p_target_id, p_details, p_ip, p_request_id)
      $$`);
    for (const fn of DEFINER_FUNCTIONS) {
      await q.query(`revoke all on function ${fn} from public`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const fn of DEFINER_FUNCTIONS) await q.query(`drop function ${fn}`);
    const tables = (await q.query(`select tablename from pg_policies where schemaname = 'public' and policyname = 'tenant_isolation' order by 1`)) as Array<{
      tablename: string;
    }>;
    for (const { tablename } of tables) {
      await q.query(`drop policy tenant_isolation on ${quote(tablename)}`);
      await q.query(`alter table ${quote(tablename)} no force row level security`);
      await q.query(`alter table ${quote(tablename)} disable row level security`);
    }
    const views = (await q.query(`select viewname from pg_views where schemaname = 'public' order by 1`)) as Array<{ viewname: string }>;
    for (const { viewname } of views) await q.query(`alter view ${quote(viewname)} reset (security_invoker)`);
    await q.query(`drop function kunna_enable_tenant_rls(regclass, text)`);
    await q.query(`drop function kunna_system_for(regclass)`);
    await q.query(`drop function kunna_network()`);
    await q.query(`drop function kunna_organisations()`);
    await q.query(`drop function kunna_organisation()`);
  }
}

/** Child rows of network-owned library content carry no network: they follow their parent's visibility (RLS applies inside). */
const SHARED_ROWS: Record<string, string> = {
  library_version_attachment: `exists (select 1 from library_module_version v where v.id = version_id)`,
  library_program_step: `exists (select 1 from library_program p where p.id = program_id)`,
  library_program_qualification: `exists (select 1 from library_program p where p.id = program_id)`,
};

const DEFINER_FUNCTIONS = [
  'kunna_sign_in_candidates(text, uuid)',
  'kunna_live_session(text, integer)',
  'kunna_consume_one_time_code(text)',
  'kunna_append_audit(text, uuid, uuid, text, text, jsonb, text, text)',
];

function quote(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe identifier: ${name}`);
  return `"${name}"`;
}
