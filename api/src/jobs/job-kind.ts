import type { EntityManager } from 'typeorm';

/** What a job payload may hold: it is stored as JSON. */
export type JobPayload = { [key: string]: JsonValue };
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface BackoffPolicy {
  /** Delay after the first failure. */
  baseSeconds: number;
  /** Upper bound for the doubling delay. */
  maxSeconds: number;
}

/**
 * A kind of job and the type of its payload. Define one per feature (`defineJobKind<{ sessionId: string }>(
 * 'sessions.reminder')`), register its handler once with `JobRegistry.register` and enqueue with `JobQueue`:
 * the payload type follows the kind, so an enqueue with the wrong payload does not compile.
 */
export interface JobKind<P extends JobPayload> {
  readonly name: string;
  readonly maxAttempts: number;
  readonly backoff: BackoffPolicy;
  /** Phantom field carrying the payload type; never set. */
  readonly payloadType?: P;
}

export const DEFAULT_MAX_ATTEMPTS = 5;
export const DEFAULT_BACKOFF: BackoffPolicy = { baseSeconds: 30, maxSeconds: 6 * 3600 };

const KIND_NAME = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;

export function defineJobKind<P extends JobPayload>(name: string, options: { maxAttempts?: number; backoff?: BackoffPolicy } = {}): JobKind<P> {
  if (!KIND_NAME.test(name)) throw new Error(`Job kind "${name}" must look like "feature.action" (lower case, dots).`);
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new Error(`Job kind "${name}": maxAttempts must be a positive integer.`);
  return { name, maxAttempts, backoff: options.backoff ?? DEFAULT_BACKOFF };
}

/** What a handler gets besides its payload. */
export interface JobContext {
  jobId: string;
  /** 1 on the first run. */
  attempt: number;
  maxAttempts: number;
  organisationId: string | null;
  /** When the job was due. */
  runAt: Date;
  /** The job's transaction (also what `Db.manager` returns inside the handler). */
  manager: EntityManager;
}

export type JobHandler<P extends JobPayload> = (payload: P, context: JobContext) => Promise<void>;

/** Thrown by a handler when retrying cannot help (the session was deleted): the job fails at once. */
export class PermanentJobError extends Error {
  override readonly name = 'PermanentJobError';
}
