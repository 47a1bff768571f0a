import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The job queue moved to pg-boss (schema `pgboss`, installed by `migrate()` as the owner before these
 * migrations run; see api/src/jobs/README.md). Jobs still waiting in the old `job` table move over with
 * their organisation, payload, unique key, due time and remaining attempts; the recurring kinds are left
 * behind (pg-boss's cron schedules them now), finished jobs are history nobody reads. Then the table goes.
 */
export class JobsToPgBoss1763901950000 implements MigrationInterface {
  name = 'JobsToPgBoss1763901950000';

  async up(q: QueryRunner): Promise<void> {
    const waiting = `from job where status = 'pending' and kind not in ('jobs.prune', 'personal-data.retention', 'auth.prune-sign-in-throttle')`;
    const [{ count }] = (await q.query(`select count(*)::int as count ${waiting}`)) as Array<{ count: number }>;
    if (count > 0) await this.moveToPgBoss(q, waiting);
    await q.query(`drop table job`);
  }

  private async moveToPgBoss(q: QueryRunner, waiting: string): Promise<void> {
    const [{ installed }] = (await q.query(`select to_regnamespace('pgboss') is not null as installed`)) as Array<{ installed: boolean }>;
    if (!installed)
      throw new Error(
        'Jobs are waiting in the old job table but pg-boss is not installed: start Kunna, whose migrate() installs pg-boss before the migrations run.',
      );
    await q.query(`select pgboss.create_queue(kind, '{"policy": "standard"}'::jsonb) from (select distinct kind ${waiting}) kinds`);
    await q.query(`
      insert into pgboss.job (name, data, singleton_key, start_after, retry_limit, retry_delay, retry_backoff, policy, keep_until)
      select kind, jsonb_build_object('organisationId', tenant_id, 'payload', payload), unique_key, run_at,
             greatest(max_attempts - attempts - 1, 0), 30, true, 'standard', greatest(run_at, now()) + interval '90 days'
      ${waiting}`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The table as 1763900600000-jobs made it, empty: pg-boss keeps the jobs.
    await q.query(`
      create table job (
        id uuid primary key default gen_random_uuid(),
        kind text not null check (length(kind) between 1 and 100),
        payload jsonb not null default '{}'::jsonb,
        tenant_id uuid references organisation(id) on delete cascade,
        unique_key text check (unique_key is null or length(unique_key) between 1 and 500),
        run_at timestamptz not null default now(),
        status text not null default 'pending' check (status in ('pending', 'done', 'failed', 'cancelled')),
        attempts integer not null default 0 check (attempts >= 0),
        max_attempts integer not null default 5 check (max_attempts >= 1),
        last_error text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        finished_at timestamptz
      )`);
    await q.query(`create unique index job_kind_unique_key_idx on job(kind, unique_key) where unique_key is not null`);
    await q.query(`create index job_due_idx on job(run_at) where status = 'pending'`);
    await q.query(`create index job_tenant_idx on job(tenant_id) where tenant_id is not null`);
    await q.query(`create index job_finished_idx on job(finished_at) where finished_at is not null`);
  }
}
