import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from 'typeorm';
import type { Caller } from '../auth/caller';
import type { RequestTransaction } from './db';

/** Per-request state carried through async calls without threading it through every signature. */
export interface RequestContext {
  requestId: string;
  ip: string | null;
  caller?: Caller;
  /** The request's transaction, once the transaction interceptor has opened it. */
  manager?: EntityManager;
  /** Set while the request's own transaction is open (see RequestTransaction). */
  transaction?: RequestTransaction;
  /** The client went away before the answer and the transaction was rolled back: the request may not query again. */
  abandoned?: boolean;
}

/**
 * Thrown when a request whose client went away queries the database again. Without it, the handler still running
 * would reach the pool outside its (rolled-back) transaction and without its tenant: writes half done and committed
 * on their own, or refused by row-level security and logged as server errors.
 */
export class RequestAbandonedError extends Error {
  constructor() {
    super("The client went away before the answer; the request's transaction was rolled back.");
    this.name = 'RequestAbandonedError';
  }
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

export function currentRequest(): RequestContext | undefined {
  return requestContext.getStore();
}
