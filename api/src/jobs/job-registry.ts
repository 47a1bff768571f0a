import { Injectable } from '@nestjs/common';
import { JobHandler, JobKind, JobPayload } from './job-kind';

export interface RegisteredKind {
  kind: JobKind<JobPayload>;
  handler: JobHandler<JobPayload>;
  /** Recurring kinds run every `intervalSeconds`, slots aligned to the epoch (UTC). */
  intervalSeconds: number | null;
}

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
   * Registers a kind that runs on its own every `intervalSeconds` (retention, pruning). Its payload is
   * empty; the worker keeps exactly one future run scheduled, even with several processes.
   */
  registerRecurring(kind: JobKind<Record<string, never>>, intervalSeconds: number, handler: JobHandler<Record<string, never>>): void {
    if (!Number.isInteger(intervalSeconds) || intervalSeconds < 60) throw new Error(`Recurring job ${kind.name}: interval must be whole seconds, at least 60.`);
    this.add(kind, handler, intervalSeconds);
  }

  get(name: string): RegisteredKind | undefined {
    return this.kinds.get(name);
  }

  names(): string[] {
    return [...this.kinds.keys()];
  }

  recurring(): RegisteredKind[] {
    return [...this.kinds.values()].filter((entry) => entry.intervalSeconds !== null);
  }

  private add<P extends JobPayload>(kind: JobKind<P>, handler: JobHandler<P>, intervalSeconds: number | null): void {
    if (this.kinds.has(kind.name)) throw new Error(`Job kind ${kind.name} is registered twice.`);
    // The payload type is the kind's own: the handler only ever receives payloads enqueued with this kind.
    this.kinds.set(kind.name, { kind, handler: handler as unknown as JobHandler<JobPayload>, intervalSeconds });
  }
}
