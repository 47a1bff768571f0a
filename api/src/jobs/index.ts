export { defineJobKind, PermanentJobError, type JobContext } from './job-kind';
export { JobRegistry } from './job-registry';
export { JobQueue } from './job-queue';
export { JobWorker } from './job-worker';
export { JobsModule } from './jobs.module';
