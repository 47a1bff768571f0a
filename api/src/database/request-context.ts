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
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

export function currentRequest(): RequestContext | undefined {
  return requestContext.getStore();
}
