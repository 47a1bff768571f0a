import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Db } from '../database/db';
import type { JobPayload } from './job-kind';
import type { JobStatus } from './job.entity';

export interface NewJob {
  kind: string;
  payload: JobPayload;
  organisationId: string | null;
  uniqueKey: string | null;
  runAt: Date | null;
  maxAttempts: number;
}

export interface ClaimedJob {
  id: string;
  kind: string;
  payload: JobPayload;
  organisationId: string | null;
  attempts: number;
  maxAttempts: number;
  runAt: Date;
}

export interface JobView {
  id: string;
  kind: string;
  payload: JobPayload;
  organisationId: string | null;
  uniqueKey: string | null;
  runAt: Date;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  finishedAt: Date | null;
}

interface JobDbRow {
  id: string;
  kind: string;
  payload: JobPayload;
  tenant_id: string | null;
  unique_key: string | null;
  run_at: Date;
  status: JobStatus;
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  finished_at: Date | null;
}

const toView = (row: JobDbRow): JobView => ({
  id: row.id,
  kind: row.kind,
  payload: row.payload,
  organisationId: row.tenant_id,
  uniqueKey: row.unique_key,
  runAt: row.run_at,
  status: row.status,
  attempts: row.attempts,
  maxAttempts: row.max_attempts,
  lastError: row.last_error,
  finishedAt: row.finished_at,
});

/** TypeORM answers an UPDATE or DELETE with `[rows, rowCount]`. */
function affectedRows(result: unknown): number {
  return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
}

/** Every query of the job queue. Writes for enqueue use `Db.manager`: the caller's transaction when there is one. */
@Injectable()
export class JobsRepository {
  constructor(private readonly db: Db) {}

  /** Adds a job; with a unique key already taken, leaves the existing job as it is. */
  async insertKeep(job: NewJob): Promise<{ id: string; created: boolean }> {
    const inserted: Array<{ id: string }> = await this.db.manager.query(
      `insert into job (kind, payload, tenant_id, unique_key, run_at, max_attempts)
       values ($1, $2::jsonb, $3, $4, coalesce($5, now()), $6)
       on conflict (kind, unique_key) where unique_key is not null do nothing
       returning id`,
      [job.kind, JSON.stringify(job.payload), job.organisationId, job.uniqueKey, job.runAt, job.maxAttempts],
    );
    if (inserted.length === 1) return { id: inserted[0].id, created: true };
    const existing: Array<{ id: string }> = await this.db.manager.query(
      `select id from job where kind = $1 and unique_key = $2`,
      [job.kind, job.uniqueKey],
    );
    return { id: existing[0].id, created: false };
  }

  /**
   * Adds a job or makes the one with this unique key due again with the new payload and time, whatever its
   * state (a finished reminder is sent again for a moved session). A job that is running right now holds its
   * row lock: this waits for it to finish, then schedules it once more.
   */
  async insertReplace(job: NewJob): Promise<{ id: string; created: boolean }> {
    const rows: Array<{ id: string; created: boolean }> = await this.db.manager.query(
      `insert into job (kind, payload, tenant_id, unique_key, run_at, max_attempts)
       values ($1, $2::jsonb, $3, $4, coalesce($5, now()), $6)
       on conflict (kind, unique_key) where unique_key is not null do update
         set payload = excluded.payload, tenant_id = excluded.tenant_id, run_at = excluded.run_at,
             max_attempts = excluded.max_attempts, status = 'pending', attempts = 0, last_error = null,
             finished_at = null, updated_at = now()
       returning id, (xmax = 0) as created`,
      [job.kind, JSON.stringify(job.payload), job.organisationId, job.uniqueKey, job.runAt, job.maxAttempts],
    );
    return rows[0];
  }

  /** Cancels the pending job with this key; true when there was one. */
  async cancel(kind: string, uniqueKey: string): Promise<boolean> {
    const result: unknown = await this.db.manager.query(
      `update job set status = 'cancelled', finished_at = now(), updated_at = now()
        where kind = $1 and unique_key = $2 and status = 'pending' returning id`,
      [kind, uniqueKey],
    );
    return affectedRows(result) === 1;
  }

  async find(kind: string, uniqueKey: string): Promise<JobView | null> {
    const rows: JobDbRow[] = await this.db.manager.query(`select * from job where kind = $1 and unique_key = $2`, [kind, uniqueKey]);
    return rows.length ? toView(rows[0]) : null;
  }

  async findById(id: string): Promise<JobView | null> {
    const rows: JobDbRow[] = await this.db.manager.query(`select * from job where id = $1`, [id]);
    return rows.length ? toView(rows[0]) : null;
  }

  /**
   * Locks the next due job of a known kind, skipping rows other workers hold. The lock lasts until the
   * caller's transaction ends; that transaction also runs the handler.
   */
  async claimNext(manager: EntityManager, kinds: string[], until: Date | null): Promise<ClaimedJob | null> {
    const rows: JobDbRow[] = await manager.query(
      `select id, kind, payload, tenant_id, attempts, max_attempts, run_at from job
        where status = 'pending' and run_at <= coalesce($2, now()) and kind = any($1::text[])
        order by run_at, created_at
        limit 1
        for update skip locked`,
      [kinds, until],
    );
    if (rows.length === 0) return null;
    const row = rows[0];
    return {
      id: row.id,
      kind: row.kind,
      payload: row.payload,
      organisationId: row.tenant_id,
      attempts: row.attempts,
      maxAttempts: row.max_attempts,
      runAt: row.run_at,
    };
  }

  /** The network of the job's organisation: network-owned rows (shared modules) are visible to its handler. */
  async networkOf(manager: EntityManager, organisationId: string): Promise<string | null> {
    const rows: Array<{ network_id: string | null }> = await manager.query(`select network_id from organisation where id = $1`, [organisationId]);
    return rows[0]?.network_id ?? null;
  }

  async markDone(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `update job set status = 'done', attempts = attempts + 1, last_error = null, finished_at = now(), updated_at = now() where id = $1`,
      [id],
    );
  }

  async markFailed(manager: EntityManager, id: string, error: string, retryInSeconds: number | null): Promise<void> {
    if (retryInSeconds === null) {
      await manager.query(
        `update job set status = 'failed', attempts = attempts + 1, last_error = $2, finished_at = now(), updated_at = now() where id = $1`,
        [id, error],
      );
    } else {
      await manager.query(
        `update job set attempts = attempts + 1, last_error = $2, run_at = now() + make_interval(secs => $3), updated_at = now() where id = $1`,
        [id, error, retryInSeconds],
      );
    }
  }

  /** Deletes finished jobs: done and cancelled after `keepDays`, failed ones after three times as long. */
  async prune(manager: EntityManager, keepDays: number): Promise<number> {
    const result: unknown = await manager.query(
      `delete from job
        where (status in ('done', 'cancelled') and finished_at < now() - make_interval(days => $1))
           or (status = 'failed' and finished_at < now() - make_interval(days => $1 * 3))
        returning id`,
      [keepDays],
    );
    return affectedRows(result);
  }
}
