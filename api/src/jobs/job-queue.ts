import { Injectable } from '@nestjs/common';
import { JobKind, JobPayload } from './job-kind';
import { JobsRepository, JobView } from './jobs.repository';

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

/**
 * Schedules jobs. `enqueue` writes through `Db.manager`, so inside a request the job is part of the
 * request's transaction: it exists only if the request's other writes commit.
 */
@Injectable()
export class JobQueue {
  constructor(private readonly jobs: JobsRepository) {}

  async enqueue<P extends JobPayload>(kind: JobKind<P>, payload: P, options: EnqueueOptions = {}): Promise<{ id: string; created: boolean }> {
    if (options.onConflict === 'replace' && !options.uniqueKey) throw new Error('onConflict "replace" needs a uniqueKey.');
    if (options.runAt && Number.isNaN(options.runAt.getTime())) throw new Error(`Job ${kind.name}: runAt is not a valid date.`);
    const job = {
      kind: kind.name,
      payload,
      organisationId: options.organisationId ?? null,
      uniqueKey: options.uniqueKey ?? null,
      runAt: options.runAt ?? null,
      maxAttempts: kind.maxAttempts,
    };
    return options.onConflict === 'replace' ? this.jobs.insertReplace(job) : this.jobs.insertKeep(job);
  }

  /** Cancels a job that has not run yet (a reminder for a session that was cancelled); true when one was pending. */
  cancel<P extends JobPayload>(kind: JobKind<P>, uniqueKey: string): Promise<boolean> {
    return this.jobs.cancel(kind.name, uniqueKey);
  }

  /** The job with this key, in whatever state (for tests and status pages). */
  find<P extends JobPayload>(kind: JobKind<P>, uniqueKey: string): Promise<JobView | null> {
    return this.jobs.find(kind.name, uniqueKey);
  }
}
