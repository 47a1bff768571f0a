import { Injectable } from '@nestjs/common';
import { JobHandler, JobKind, JobPayload } from './job-kind';

export interface RegisteredKind {
  kind: JobKind<JobPayload>;
  handler: JobHandler<JobPayload>;
  /** Recurring kinds: a cron expression in UTC (pg-boss schedules them). */
  cron: string | null;
}

const CRON = /^(\S+\s+){4}\S+$/;

/**
 * The job kinds this process can run. A worker only claims registered kinds, so a process that does not
 * know a kind (an older version during a rolling deploy) leaves its jobs to one that does.
 */
@Injectable()
export class JobRegistry {
  private readonly kinds = new Map<string, RegisteredKind>();

  /** Registers the handler of a kind; call once, from the owning feature's `onModuleInit`. */
  register<P extends JobPayload>(kind: JobKind<P>, handler: JobHandler<P>): void {
    this.add(kind, handler, null);
  }

  /**
   * Registers a kind that runs on its own on a cron schedule in UTC (`0 3 * * *`: daily at 03:00). Its
   * payload is empty; pg-boss sends one job per occurrence, even with several processes.
   */
  registerRecurring(kind: JobKind<Record<string, never>>, cron: string, handler: JobHandler<Record<string, never>>): void {
    if (!CRON.test(cron.trim())) throw new Error(`Recurring job ${kind.name}: "${cron}" is not a five-field cron expression.`);
    this.add(kind, handler, cron.trim());
  }

  get(name: string): RegisteredKind | undefined {
    return this.kinds.get(name);
  }

  all(): RegisteredKind[] {
    return [...this.kinds.values()];
  }

  recurring(): Array<RegisteredKind & { cron: string }> {
    return this.all().filter((entry): entry is RegisteredKind & { cron: string } => entry.cron !== null);
  }

  private add<P extends JobPayload>(kind: JobKind<P>, handler: JobHandler<P>, cron: string | null): void {
    if (this.kinds.has(kind.name)) throw new Error(`Job kind ${kind.name} is registered twice.`);
    // The payload type is the kind's own: the handler only ever receives payloads enqueued with this kind.
    this.kinds.set(kind.name, { kind, handler: handler as unknown as JobHandler<JobPayload>, cron });
  }
}
