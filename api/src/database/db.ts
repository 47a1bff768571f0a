import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { currentRequest, requestContext } from './request-context';

/**
 * The one way repositories reach the database. Inside a request it is the request's transaction,
 * which carries the tenant settings that row-level security reads; outside a request (jobs, start-up)
 * `transaction()` opens one.
 */
@Injectable()
export class Db {
  constructor(readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return currentRequest()?.manager ?? this.dataSource.manager;
  }

  /** Runs `work` in the current transaction, or in a new one with the given tenant settings. */
  async transaction<T>(
    work: (manager: EntityManager) => Promise<T>,
    tenant?: { organisationId: string | null; personId: string | null },
  ): Promise<T> {
    const context = currentRequest();
    if (context?.manager) return work(context.manager);
    return this.dataSource.transaction(async (manager) => {
      if (tenant) await applyTenant(manager, tenant.organisationId, tenant.personId);
      const inner = { requestId: context?.requestId ?? 'job', ip: context?.ip ?? null, caller: context?.caller, manager };
      return requestContext.run(inner, () => work(manager));
    });
  }
}

/** Transaction-local settings (`set_config(..., true)`): they end with the transaction, never leak through the pool. */
export async function applyTenant(
  manager: EntityManager,
  organisationId: string | null,
  personId: string | null,
): Promise<void> {
  await manager.query(
    `select set_config('kunna.organisation_id', $1, true), set_config('kunna.person_id', $2, true)`,
    [organisationId ?? '', personId ?? ''],
  );
}
