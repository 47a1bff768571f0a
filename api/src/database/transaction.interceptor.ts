import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { from, lastValueFrom, Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import type { AuthenticatedRequest } from '../auth/access.guard';
import { applyTenant, RequestTransaction, tenantOf } from './db';
import { currentRequest } from './request-context';

export const NO_TRANSACTION = 'kunna:no-transaction';

/** For handlers whose failure must still leave a trace (a failed sign-in counts towards the lock-out). */
export const WithoutRequestTransaction = () => SetMetadata(NO_TRANSACTION, true);

/**
 * Runs each API handler in one transaction carrying the caller's tenant as transaction-local settings:
 * a request's writes land together or not at all, and row-level security sees the tenant. The access
 * guard opens the transaction (so later guards work in it too); this commits it when the handler
 * succeeds and rolls it back when it fails.
 */
@Injectable()
export class TransactionInterceptor implements NestInterceptor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const store = currentRequest();
    if (!store || this.reflector.get<boolean>(NO_TRANSACTION, context.getHandler())) return next.handle();
    return from(
      (async () => {
        const opened = !store.transaction;
        const transaction = store.transaction ?? (await RequestTransaction.open(this.dataSource, store));
        try {
          if (opened) {
            const tenant = request.caller ? tenantOf(request.caller) : { organisationId: null, personId: null };
            await applyTenant(transaction.manager, tenant.organisationId, tenant.personId, tenant);
          }
          const value = await lastValueFrom(next.handle(), { defaultValue: undefined });
          await transaction.commit(store);
          return value;
        } catch (error) {
          await transaction.rollback(store);
          throw error;
        }
      })(),
    );
  }
}
