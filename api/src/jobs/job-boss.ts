import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { PgBoss } from 'pg-boss';
import type { Db as PgBossDb, Queue } from 'pg-boss';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { JobKind, JobPayload } from './job-kind';

/** pg-boss's schema; made and migrated by `installJobQueueSchema` as the owner, used by the application role. */
export const JOB_SCHEMA = 'pgboss';

/** Finished jobs (done, failed, cancelled) are kept this long, then deleted by pg-boss's maintenance. */
export const KEEP_FINISHED_JOBS_SECONDS = 30 * 24 * 3600;
/** A job that is due but not run within this long (no worker anywhere) is deleted by pg-boss. */
export const KEEP_WAITING_JOBS_SECONDS = 90 * 24 * 3600;

/** What a pg-boss job's `data` holds: the feature's payload and the organisation it acts for. */
export interface JobEnvelope<P extends JobPayload = JobPayload> {
  organisationId: string | null;
  payload: P;
}

/**
 * Installs or upgrades pg-boss's schema as the database owner (pg-boss versions its own schema and
 * runs its own migrations). Called by `migrate()` after Kunna's migrations, so that a fresh database,
 * the test template and every upgrade get it before the API connects as the application role, which
 * may only read and write it (grants in database/app-role.ts).
 */
export async function installJobQueueSchema(ownerUrl: string): Promise<void> {
  const boss = new PgBoss({
    connectionString: ownerUrl,
    schema: JOB_SCHEMA,
    max: 1,
    application_name: 'kunna-migrate',
    migrate: true,
    createSchema: true,
    supervise: false,
    schedule: false,
    registerInstance: false,
    persistWarnings: false,
  });
  boss.on('error', () => undefined); // start() rejects with the same error
  await boss.start();
  await boss.stop({ graceful: false });
}

/**
 * The process's pg-boss instance (its own small pool, as the application role). Kunna code talks to
 * it through `JobQueue` and `JobWorker` only. Maintenance (expiry, deletion of old jobs) and the cron
 * of recurring kinds run only in processes whose worker is on.
 */
@Injectable()
export class JobBoss implements OnApplicationShutdown {
  private readonly logger = new Logger('jobs');
  private readonly queues = new Map<string, Promise<void>>();
  private started: Promise<PgBoss> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The started instance (started on first use). */
  boss(): Promise<PgBoss> {
    this.started ??= this.start();
    return this.started;
  }

  /** Creates the kind's queue once per process (idempotent across processes): its retries, backoff and retention. */
  async ensureQueue(kind: JobKind<JobPayload>): Promise<PgBoss> {
    const boss = await this.boss();
    let created = this.queues.get(kind.name);
    if (!created) {
      created = this.createQueue(boss, kind);
      this.queues.set(kind.name, created);
      created.catch(() => this.queues.delete(kind.name));
    }
    await created;
    return boss;
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.started) return;
    const boss = await this.started.catch(() => null);
    await boss?.stop({ graceful: true, close: true });
  }

  private async start(): Promise<PgBoss> {
    const worker = this.config.jobs.worker;
    const boss = new PgBoss({
      connectionString: (this.dataSource.options as { url: string }).url,
      schema: JOB_SCHEMA,
      max: 2,
      application_name: 'kunna-jobs',
      // The owner installs and migrates the schema (installJobQueueSchema); this role could not.
      migrate: false,
      createSchema: false,
      supervise: worker,
      schedule: worker,
      // REINDEX needs ownership of pg-boss's tables, which the application role does not have.
      reindex: false,
      registerInstance: false,
      persistWarnings: false,
    });
    boss.on('error', (error: Error & { code?: string }) => {
      // 57P01: the database is shutting down (the embedded server stops on Ctrl+C while the app closes).
      if (error.code === '57P01') this.logger.debug(`pg-boss: ${error.message}`);
      else this.logger.error(`pg-boss: ${error.message}`);
    });
    await boss.start();
    return boss;
  }

  private async createQueue(boss: PgBoss, kind: JobKind<JobPayload>): Promise<void> {
    const options: Omit<Queue, 'name'> = {
      retryLimit: kind.maxAttempts - 1,
      retryDelay: kind.backoff.baseSeconds,
      retryBackoff: true,
      retryDelayMax: kind.backoff.maxSeconds,
      deleteAfterSeconds: KEEP_FINISHED_JOBS_SECONDS,
      retentionSeconds: KEEP_WAITING_JOBS_SECONDS,
    };
    if (await boss.getQueue(kind.name)) await boss.updateQueue(kind.name, options);
    else
      await boss.createQueue(kind.name, options).catch(async (error: unknown) => {
        // Another process created it at the same moment.
        if (!(await boss.getQueue(kind.name))) throw error;
      });
  }
}

/**
 * pg-boss statements run through a TypeORM transaction (pg-boss's `db` option), so that an enqueue
 * commits or rolls back with the request, and a job's claim, its handler's writes and its completion
 * commit together.
 */
export function throughManager(manager: EntityManager): PgBossDb {
  return {
    executeSql: async (text: string, values?: unknown[]) => {
      const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
      try {
        const result = await runner.query(text, values, true);
        return { rows: (result.records ?? []) as unknown[] };
      } finally {
        if (!manager.queryRunner) await runner.release();
      }
    },
  };
}
