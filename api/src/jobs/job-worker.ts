import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { applyTenant } from '../database/db';
import { requestContext } from '../database/request-context';
import { JOB_SCHEMA, JobBoss, JobEnvelope, throughManager } from './job-boss';
import { PermanentJobError } from './job-kind';
import { JobRegistry, RegisteredKind } from './job-registry';

export interface RunOptions {
  /** Treat jobs due up to this time as due (tests: "the next day has come"); they are made due now first. */
  until?: Date;
}

/**
 * Runs due jobs from pg-boss. Each job runs in one TypeORM transaction that claims it with pg-boss's
 * `fetch` (`FOR UPDATE SKIP LOCKED`, through the `db` option), runs the handler inside a savepoint and
 * settles it with pg-boss's `complete` or `fail` in the same transaction:
 * - success: the handler's writes and the completion commit together, so a job's database effects happen once;
 * - failure: the handler's writes roll back and pg-boss schedules the retry with its exponential backoff,
 *   or fails the job after its last attempt (at once for PermanentJobError);
 * - the process dies: PostgreSQL rolls the claim back with the rest; the job is due again at once, and
 *   another process (whose fetch skipped the locked row meanwhile) runs it.
 * pg-boss's own `work()` is not used: its transactional workers hand the handler a pg client of their own,
 * which the features' TypeORM repositories cannot use, and it commits the claim before the handler runs.
 * Effects outside the database (an e-mail) can repeat if the process dies; their handlers record what they did.
 */
@Injectable()
export class JobWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('jobs');
  private readonly loops: Promise<void>[] = [];
  private stopping = false;
  private wake: Array<() => void> = [];
  private nextKind = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: JobRegistry,
    private readonly jobBoss: JobBoss,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const { kind } of this.registry.all()) await this.jobBoss.ensureQueue(kind);
    await this.scheduleRecurring();
    if (!this.config.jobs.worker) return;
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

  /**
   * Hands each recurring kind's cron to pg-boss (idempotent; every process does it). pg-boss's clock
   * sends one job per occurrence whatever the number of processes, and after a downtime one for the
   * missed occurrences, not one each.
   */
  async scheduleRecurring(): Promise<void> {
    for (const { kind, cron } of this.registry.recurring()) {
      const boss = await this.jobBoss.ensureQueue(kind);
      const envelope: JobEnvelope = { organisationId: null, payload: {} };
      await boss.schedule(kind.name, cron, envelope, { tz: 'UTC', missed: 'once' });
    }
  }

  /** Claims and runs one due job of a registered kind; false when none was due. */
  async runOne(options: RunOptions = {}): Promise<boolean> {
    const kinds = this.registry.all();
    if (kinds.length === 0) return false;
    if (options.until)
      await this.bringForward(
        kinds.map(({ kind }) => kind.name),
        options.until,
      );
    // pg-boss fetches per queue: each call starts at the next kind, so a backlog of one kind does not starve the others.
    const first = this.nextKind++ % kinds.length;
    for (let offset = 0; offset < kinds.length; offset++) {
      if (await this.runOneOf(kinds[(first + offset) % kinds.length])) return true;
    }
    return false;
  }

  private async runOneOf(registered: RegisteredKind): Promise<boolean> {
    const boss = await this.jobBoss.ensureQueue(registered.kind);
    const name = registered.kind.name;
    return this.dataSource.transaction(async (manager) => {
      const db = throughManager(manager);
      const [job] = await boss.fetch<JobEnvelope>(name, { db, includeMetadata: true });
      if (!job) return false;
      const { organisationId, payload } = job.data;
      // The job's tenant, so row-level security applies to the handler as to a request of that organisation.
      // A job without one (a system job) sees no organisation's rows until it picks one with Db.transaction(work, tenant).
      const [organisation] = organisationId
        ? await manager.query<Array<{ network_id: string | null }>>(`select network_id from organisation where id = $1`, [organisationId])
        : [];
      await applyTenant(manager, organisationId, null, { networkId: organisation?.network_id ?? null });
      const attempt = job.retryCount + 1;
      const maxAttempts = job.retryLimit + 1;
      await manager.query('savepoint job_handler');
      try {
        await requestContext.run({ requestId: `job:${job.id}`, ip: null, manager }, () =>
          registered.handler(payload, { jobId: job.id, attempt, maxAttempts, organisationId, runAt: new Date(job.startAfter), manager }),
        );
        await manager.query('release savepoint job_handler');
        await boss.complete(name, job, null, { db });
      } catch (error: unknown) {
        await manager.query('rollback to savepoint job_handler');
        const message = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 2000);
        const permanent = error instanceof PermanentJobError;
        // pg-boss has no "fail for good" for a fetched job: with its retries used up, `fail` ends it.
        if (permanent) await manager.query(`update ${JOB_SCHEMA}.job set retry_limit = retry_count where name = $1 and id = $2`, [name, job.id]);
        await boss.fail(name, job, { message }, { db });
        const last = permanent || attempt >= maxAttempts;
        const log = `${name} ${job.id} attempt ${attempt}/${maxAttempts} failed${last ? ' for good' : ''}: ${message}`;
        if (last) this.logger.error(log);
        else this.logger.warn(log);
      }
      return true;
    });
  }

  /** Makes the registered kinds' jobs due by `until` due now (the test hook of `runDue({ until })`). */
  private async bringForward(names: string[], until: Date): Promise<void> {
    await this.dataSource.query(
      `update ${JOB_SCHEMA}.job set start_after = now()
        where name = any($1::text[]) and state in ('created', 'retry') and start_after > now() and start_after <= $2`,
      [names, until],
    );
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
