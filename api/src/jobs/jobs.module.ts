import { Global, Module } from '@nestjs/common';
import { JobBoss } from './job-boss';
import { JobQueue } from './job-queue';
import { JobRegistry } from './job-registry';
import { JobWorker } from './job-worker';

/** The job queue (pg-boss in PostgreSQL); global so that any feature can inject `JobQueue` and `JobRegistry`. */
@Global()
@Module({
  providers: [JobBoss, JobQueue, JobRegistry, JobWorker],
  exports: [JobQueue, JobRegistry, JobWorker],
})
export class JobsModule {}
