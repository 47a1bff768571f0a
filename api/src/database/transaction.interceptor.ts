import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { from, lastValueFrom, Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import type { AuthenticatedRequest } from '../auth/access.guard';
import { applyTenant } from './db';
import { currentRequest } from './request-context';

const NO_TRANSACTION = 'kunna:no-transaction';

/** For handlers whose failure must still leave a trace (a failed sign-in counts towards the lock-out). */
export const WithoutRequestTransaction = () => SetMetadata(NO_TRANSACTION, true);

/**
 * Runs each API handler in one transaction carrying the caller's organisation as a transaction-local
 * setting: a request's writes land together or not at all, and row-level security sees the tenant.
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
      this.dataSource.transaction(async (manager) => {
        await applyTenant(manager, request.caller?.organisationId ?? null, request.caller?.personId ?? null);
        store.manager = manager;
        try {
          return await lastValueFrom(next.handle(), { defaultValue: undefined });
        } finally {
          store.manager = undefined;
        }
      }),
    );
  }
}
