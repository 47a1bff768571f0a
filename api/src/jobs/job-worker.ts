import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { applyTenant } from '../database/db';
import { requestContext } from '../database/request-context';
import { nextSlot, retryDelaySeconds } from './backoff';
import { PermanentJobError } from './job-kind';
import { JobQueue } from './job-queue';
import { JobRegistry } from './job-registry';
import { JobsRepository } from './jobs.repository';

export interface RunOptions {
  /** Treat jobs due up to this time as due (tests: "the next day has come"); the database clock otherwise. */
  until?: Date;
}

/**
 * Runs due jobs. Each job runs in its own transaction that first locks the job row (FOR UPDATE SKIP
 * LOCKED), then runs the handler inside a savepoint and records the outcome:
 * - success: the handler's writes and `done` commit together, so a job's database effects happen once;
 * - failure: the handler's writes roll back, the attempt and error are recorded and the job is due
 *   again after a backoff, or `failed` after its last attempt (at once for PermanentJobError);
 * - the process dies: PostgreSQL rolls the transaction back, the lock goes, another worker runs it.
 * Effects outside the database (an e-mail) can repeat in that last case; their handlers record what they did.
 */
@Injectable()
export class JobWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('jobs');
  private readonly loops: Promise<void>[] = [];
  private stopping = false;
  private wake: Array<() => void> = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: JobRegistry,
    private readonly repository: JobsRepository,
    private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.jobs.worker) return;
    await this.scheduleRecurring();
    for (let slot = 0; slot < this.config.jobs.concurrency; slot++) this.loops.push(this.loop());
  }

  /** Clean shutdown: no new claims, the jobs running now finish (their transactions commit) first. */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    for (const wake of this.wake.splice(0)) wake();
    await Promise.all(this.loops.splice(0));
  }

  /** Runs every due job now, one after the other, and answers how many ran (tests, or a worker switched off). */
  async runDue(options: RunOptions = {}): Promise<number> {
    let count = 0;
    while (await this.runOne(options)) count++;
    return count;
  }

  /** Makes sure each recurring kind has its next run scheduled (the unique key is the slot, so processes agree). */
  async scheduleRecurring(now: Date = new Date()): Promise<void> {
    for (const { kind, intervalSeconds } of this.registry.recurring()) {
      const runAt = nextSlot(now, intervalSeconds ?? 0);
      await this.queue.enqueue(kind, {}, { runAt, uniqueKey: `slot:${runAt.toISOString()}` });
    }
  }

  /** Claims and runs one due job; false when none was due. */
  async runOne(options: RunOptions = {}): Promise<boolean> {
    const kinds = this.registry.names();
    if (kinds.length === 0) return false;
    return this.dataSource.transaction(async (manager) => {
      const job = await this.repository.claimNext(manager, kinds, options.until ?? null);
      if (!job) return false;
      const registered = this.registry.get(job.kind);
      if (!registered) return false; // cannot happen: claimed by a registered name
      // The job's tenant, so row-level security applies to the handler as to a request of that organisation.
      // A job without one (a system job) sees no organisation's rows until it picks one with Db.transaction(work, tenant).
      const networkId = job.organisationId ? await this.repository.networkOf(manager, job.organisationId) : null;
      await applyTenant(manager, job.organisationId, null, { networkId });
      const attempt = job.attempts + 1;
      await manager.query('savepoint job_handler');
      try {
        await requestContext.run({ requestId: `job:${job.id}`, ip: null, manager }, () =>
          registered.handler(job.payload, {
            jobId: job.id,
            attempt,
            maxAttempts: job.maxAttempts,
            organisationId: job.organisationId,
            runAt: job.runAt,
            manager,
          }),
        );
        await manager.query('release savepoint job_handler');
        await this.repository.markDone(manager, job.id);
      } catch (error: unknown) {
        await manager.query('rollback to savepoint job_handler');
        const message = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 2000);
        const last = error instanceof PermanentJobError || attempt >= job.maxAttempts;
        await this.repository.markFailed(manager, job.id, message, last ? null : retryDelaySeconds(registered.kind.backoff, attempt));
        const log = `${job.kind} ${job.id} attempt ${attempt}/${job.maxAttempts} failed${last ? ' for good' : ''}: ${message}`;
        if (last) this.logger.error(log);
        else this.logger.warn(log);
      }
      if (registered.intervalSeconds !== null) {
        // The next slot after now (not after runAt): a process that was down for a week runs once, not 7 times.
        const runAt = nextSlot(new Date(Math.max(Date.now(), (options.until ?? new Date(0)).getTime())), registered.intervalSeconds);
        await requestContext.run({ requestId: `job:${job.id}`, ip: null, manager }, () =>
          this.queue.enqueue(registered.kind, {}, { runAt, uniqueKey: `slot:${runAt.toISOString()}` }),
        );
      }
      return true;
    });
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let ran = false;
      try {
        ran = await this.runOne();
      } catch (error: unknown) {
        // The database is unreachable or the transaction failed to commit: the job stays due; try again later.
        this.logger.error(`job worker: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (!ran && !this.stopping) await this.sleep(this.config.jobs.pollMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const wake = this.wake;
      function done() {
        clearTimeout(timer);
        const index = wake.indexOf(done);
        if (index >= 0) wake.splice(index, 1);
        resolve();
      }
      wake.push(done);
    });
  }
}
