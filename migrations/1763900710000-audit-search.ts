import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit log search and retention: each organisation sets how long its entries are kept; expired
 * entries are removed only through `kunna_purge_audit_log()` (the log stays append-only otherwise).
 */
export class AuditSearch1763900710000 implements MigrationInterface {
  name = 'AuditSearch1763900710000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table audit_settings (
        organisation_id uuid primary key references organisation(id),
        retention_days integer check (retention_days between 30 and 3650),
        updated_by uuid references person(id),
        updated_at timestamptz not null default now()
      )`);
    await q.query(`select kunna_enable_tenant_rls('audit_settings')`);
    await q.query(`create index audit_log_org_action_idx on audit_log(organisation_id, action, id desc)`);
    await q.query(`create index audit_log_org_actor_idx on audit_log(organisation_id, actor_person_id, id desc)`);
    await q.query(`create index audit_log_org_target_idx on audit_log(organisation_id, target_id, id desc)`);
    await q.query(`
      create function kunna_purge_audit_log() returns integer
      language plpgsql volatile security definer set search_path = public, pg_temp set kunna.system = 'on' as $$
      declare
        removed integer;
      begin
        perform set_config('kunna.audit_retention', 'on', true);
        delete from audit_log a using audit_settings s
         where s.organisation_id = a.organisation_id and s.retention_days is not null
           and a.created_at < now() - make_interval(days => s.retention_days);
        get diagnostics removed = row_count;
        perform set_config('kunna.audit_retention', '', true);
        return removed;
      end $$`);
    await q.query(`revoke all on function kunna_purge_audit_log() from public`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop function kunna_purge_audit_log()`);
    await q.query(`drop index audit_log_org_target_idx`);
    await q.query(`drop index audit_log_org_actor_idx`);
    await q.query(`drop index audit_log_org_action_idx`);
    await q.query(`drop table audit_settings`);
  }
}
