import { Global, Module, OnModuleInit } from '@nestjs/common';
import { defineJobKind } from './job-kind';
import { JobQueue } from './job-queue';
import { JobRegistry } from './job-registry';
import { JobWorker } from './job-worker';
import { JobsRepository } from './jobs.repository';

/** Finished jobs are deleted after this many days (failed ones after three times as long). */
export const KEEP_FINISHED_JOBS_DAYS = 30;
export const PRUNE_JOBS = defineJobKind<Record<string, never>>('jobs.prune');

/** The PostgreSQL job queue; global so that any feature can inject `JobQueue` and `JobRegistry`. */
@Global()
@Module({
  providers: [JobsRepository, JobQueue, JobRegistry, JobWorker],
  exports: [JobQueue, JobRegistry, JobWorker],
})
export class JobsModule implements OnModuleInit {
  constructor(
    private readonly registry: JobRegistry,
    private readonly repository: JobsRepository,
  ) {}

  onModuleInit(): void {
    this.registry.registerRecurring(PRUNE_JOBS, 24 * 3600, async (_payload, context) => {
      await this.repository.prune(context.manager, KEEP_FINISHED_JOBS_DAYS);
    });
  }
}
