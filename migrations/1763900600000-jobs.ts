import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A job queue in PostgreSQL (no extra server). Workers claim a due row with FOR UPDATE SKIP LOCKED and
 * keep it locked while the handler runs in the same transaction: a crash rolls the transaction back and
 * the job is due again, and two API processes never run one job twice. `unique_key` makes scheduling
 * idempotent per kind (a reminder per session, a follow-up per check). `tenant_id` names the organisation a job
 * acts for; the worker sets it as the transaction's tenant, so row-level security applies to the handler.
 */
export class Jobs1763900600000 implements MigrationInterface {
  name = 'Jobs1763900600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table job (
        id uuid primary key default gen_random_uuid(),
        kind text not null check (length(kind) between 1 and 100),
        payload jsonb not null default '{}'::jsonb,
        -- Not organisation_id on purpose: the queue is infrastructure every worker must see, whatever tenant a job
        -- is about (row-level security would hide it). The worker applies this tenant while the job runs. Payloads
        -- hold ids, never personal data; only JobsRepository reads this table.
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

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table job`);
  }
}
