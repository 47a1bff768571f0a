import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { from, lastValueFrom, Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import type { Caller } from '../auth/caller';
import { applyTenant, RequestTransaction, tenantOf } from './db';
import { currentRequest } from './request-context';

export const NO_TRANSACTION = 'kunna:no-transaction';

/** For handlers whose failure must still leave a trace (a failed sign-in counts towards the lock-out). */
export const WithoutRequestTransaction = () => SetMetadata(NO_TRANSACTION, true);

/**
 * The request's one transaction, carrying the caller's tenant as transaction-local settings: a request's writes
 * land together or not at all, and row-level security sees the tenant. This class alone opens and closes it.
 * Guards run before interceptors, and the access guard already needs the tenant (the session look-up, the objects
 * a route's permission names), so the guard asks `begin` first; the interceptor below ends it after the handler:
 * commit on success, roll back on failure, roll back when the client goes away.
 */
@Injectable()
export class RequestTransactions {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reflector: Reflector,
  ) {}

  /** Opens the transaction for a handler that runs in one (idempotent: a second call keeps the first). */
  async begin(context: ExecutionContext): Promise<void> {
    const store = currentRequest();
    if (!store || store.transaction || this.reflector.get<boolean>(NO_TRANSACTION, context.getHandler())) return;
    const transaction = await RequestTransaction.open(this.dataSource, store);
    context
      .switchToHttp()
      .getResponse<Response>()
      .once('close', () => void transaction.abandon(store));
  }

  /** Sets the caller (or nobody) as the open transaction's tenant. */
  async setTenant(caller: Caller | null | undefined): Promise<void> {
    const transaction = currentRequest()?.transaction;
    if (!transaction) return;
    const tenant = caller ? tenantOf(caller) : { organisationId: null, personId: null };
    await applyTenant(transaction.manager, tenant.organisationId, tenant.personId, tenant);
  }

  /** Runs the handler and ends the transaction with its outcome. */
  async around<T>(context: ExecutionContext, caller: Caller | undefined, handle: () => Promise<T>): Promise<T> {
    const store = currentRequest();
    if (!store || this.reflector.get<boolean>(NO_TRANSACTION, context.getHandler())) return handle();
    if (!store.transaction) {
      // No guard opened it (a route outside the access guard, e.g. a test module): open it here.
      await this.begin(context);
      await this.setTenant(caller);
    }
    const transaction = store.transaction;
    if (!transaction) return handle();
    try {
      const value = await handle();
      await transaction.commit(store);
      return value;
    } catch (error) {
      await transaction.rollback(store);
      throw error;
    }
  }
}

/** Runs each API handler inside the request's transaction (see RequestTransactions). */
@Injectable()
export class TransactionInterceptor implements NestInterceptor {
  constructor(private readonly transactions: RequestTransactions) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const caller = context.switchToHttp().getRequest<{ caller?: Caller }>().caller;
    return from(this.transactions.around(context, caller, () => lastValueFrom(next.handle(), { defaultValue: undefined })));
  }
}
