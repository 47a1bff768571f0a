import { Injectable } from '@nestjs/common';
import type { Db as PgBossDb, JobWithMetadata } from 'pg-boss';
import { Db } from '../database/db';
import { JobBoss, JobEnvelope, throughManager } from './job-boss';
import { JobKind, JobPayload } from './job-kind';

export interface EnqueueOptions {
  /** When the job becomes due; now when absent. */
  runAt?: Date;
  /**
   * Makes scheduling idempotent: one job per kind and key (for as long as finished jobs are kept, 30 days).
   * Use a key that names what the job is about: `session:<id>`, `check:<id>:follow-up`.
   */
  uniqueKey?: string;
  /** `keep` (default): an existing job with the key stays as it is. `replace`: it is rescheduled with this payload and time. */
  onConflict?: 'keep' | 'replace';
  /** The organisation whose data the job touches (tenant setting while it runs); null for system jobs. */
  organisationId?: string | null;
}

export type JobStatus = 'pending' | 'done' | 'failed' | 'cancelled';

/** A job as features and tests see it (pg-boss's states in Kunna's words). */
export interface JobView {
  id: string;
  kind: string;
  payload: JobPayload;
  organisationId: string | null;
  uniqueKey: string | null;
  runAt: Date;
  status: JobStatus;
  /** Attempts that ran to an end (success or failure). */
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  finishedAt: Date | null;
}

const STATUS: Record<JobWithMetadata['state'], JobStatus> = {
  created: 'pending',
  retry: 'pending',
  // Claimed in a worker's open transaction: to everyone else the job is still waiting.
  active: 'pending',
  completed: 'done',
  failed: 'failed',
  cancelled: 'cancelled',
};

/**
 * Schedules jobs in pg-boss. Every statement goes through `Db.manager`, so inside a request the job is
 * part of the request's transaction: it exists only if the request's other writes commit.
 */
@Injectable()
export class JobQueue {
  constructor(
    private readonly db: Db,
    private readonly jobBoss: JobBoss,
  ) {}

  async enqueue<P extends JobPayload>(kind: JobKind<P>, payload: P, options: EnqueueOptions = {}): Promise<{ id: string; created: boolean }> {
    if (options.onConflict === 'replace' && !options.uniqueKey) throw new Error('onConflict "replace" needs a uniqueKey.');
    if (options.runAt && Number.isNaN(options.runAt.getTime())) throw new Error(`Job ${kind.name}: runAt is not a valid date.`);
    const boss = await this.jobBoss.ensureQueue(kind);
    const envelope: JobEnvelope<P> = { organisationId: options.organisationId ?? null, payload };
    const send = async (db: PgBossDb) => {
      const id = await boss.send(kind.name, envelope, { db, singletonKey: options.uniqueKey, startAfter: options.runAt });
      if (!id) throw new Error(`Job ${kind.name}: pg-boss did not store the job.`);
      return id;
    };
    return this.db.transaction(async (manager) => {
      const db = throughManager(manager);
      if (!options.uniqueKey) return { id: await send(db), created: true };
      // One enqueue per kind and key at a time, until the caller's transaction ends: the check below and the
      // insert are then one step, also across processes.
      await manager.query(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [`kunna.job:${kind.name}:${options.uniqueKey}`]);
      const existing = await boss.findJobs<JobEnvelope>(kind.name, { key: options.uniqueKey, db });
      const latest = existing.at(-1);
      if (latest && options.onConflict !== 'replace') return { id: latest.id, created: false };
      const waiting = existing.filter((job) => job.state === 'created' || job.state === 'retry');
      if (waiting.length > 0) {
        // Still waiting: the same job with the new payload and time (its attempts so far stay counted).
        const updated = await boss.update(kind.name, envelope, { id: waiting[0].id, startAfter: options.runAt ?? new Date(), db });
        if (updated.updated === 1) return { id: waiting[0].id, created: false };
      }
      // It ran, failed or was cancelled (or is running now): due again, as a new job with the same key.
      return { id: await send(db), created: !latest };
    });
  }

  /** Cancels a job that has not run yet (a reminder for a session that was cancelled); true when one was pending. */
  async cancel<P extends JobPayload>(kind: JobKind<P>, uniqueKey: string): Promise<boolean> {
    const boss = await this.jobBoss.ensureQueue(kind);
    const db = throughManager(this.db.manager);
    const waiting = await boss.findJobs(kind.name, { key: uniqueKey, queued: true, db });
    if (waiting.length === 0) return false;
    // pg-boss declares its command responses empty; at run time they carry the count.
    const result = (await boss.cancel(
      kind.name,
      waiting.map((job) => job.id),
      { db },
    )) as { affected?: number };
    return (result.affected ?? 0) > 0;
  }

  /** The latest job with this key, in whatever state (for tests and status pages). */
  async find<P extends JobPayload>(kind: JobKind<P>, uniqueKey: string): Promise<JobView | null> {
    const boss = await this.jobBoss.ensureQueue(kind);
    const jobs = await boss.findJobs<JobEnvelope>(kind.name, { key: uniqueKey, db: throughManager(this.db.manager) });
    const latest = jobs.at(-1);
    return latest ? toView(latest) : null;
  }

  /** The job with this id (tests, status pages). */
  async findById<P extends JobPayload>(kind: JobKind<P>, id: string): Promise<JobView | null> {
    const boss = await this.jobBoss.ensureQueue(kind);
    const [job] = await boss.findJobs<JobEnvelope>(kind.name, { id, db: throughManager(this.db.manager) });
    return job ? toView(job) : null;
  }
}

function toView(job: JobWithMetadata<JobEnvelope>): JobView {
  const output = job.output as { message?: unknown } | null;
  const finished = job.state === 'completed' || job.state === 'failed' || job.state === 'cancelled';
  return {
    id: job.id,
    kind: job.name,
    payload: job.data.payload,
    organisationId: job.data.organisationId,
    uniqueKey: job.singletonKey,
    runAt: new Date(job.startAfter),
    status: STATUS[job.state],
    // pg-boss counts re-claims; an attempt that ended is one more than that once the job has started.
    attempts: job.startedOn && (job.state !== 'created' || job.retryCount > 0) ? job.retryCount + 1 : 0,
    maxAttempts: job.retryLimit + 1,
    lastError: job.state !== 'completed' && typeof output?.message === 'string' ? output.message : null,
    finishedAt: finished && job.completedOn ? new Date(job.completedOn) : null,
  };
}
