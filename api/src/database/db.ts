import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { ScopeType } from '@kunna/contracts';
import type { Caller } from '../auth/caller';
import { currentRequest, RequestAbandonedError, RequestContext, requestContext } from './request-context';

/**
 * Whose rows a transaction may touch (read by the row-level security policies, see
 * migrations/1763900700000-row-level-security.ts). Without a tenant a query sees no rows at all.
 */
export interface Tenant {
  organisationId: string | null;
  personId: string | null;
  /** The caller's network: network-owned rows (no organisation) of this network are visible. */
  networkId?: string | null;
  /** Networks the caller coordinates: every organisation in them may be read (aggregates), never written. */
  coordinatedNetworkIds?: string[];
}

/** The tenant of a signed-in caller. */
export function tenantOf(caller: Caller): Tenant {
  return {
    organisationId: caller.organisationId,
    personId: caller.personId,
    networkId: caller.networkId,
    coordinatedNetworkIds: caller.grants.filter((grant) => grant.scopeType === ScopeType.Network).map((grant) => grant.scopeId),
  };
}

/**
 * The one way repositories reach the database. Inside a request it is the request's transaction,
 * which carries the tenant settings that row-level security reads; outside a request (jobs, start-up)
 * `transaction()` opens one.
 */
@Injectable()
export class Db {
  constructor(readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    const context = currentRequest();
    if (context?.abandoned) throw new RequestAbandonedError();
    return context?.manager ?? this.dataSource.manager;
  }

  /**
   * Runs `work` in the current transaction, or in a new one. With `tenant`, the transaction's tenant
   * becomes that one: a job acting for one organisation, or an anonymous request (a one-time code) once
   * it knows whose it is.
   */
  async transaction<T>(work: (manager: EntityManager) => Promise<T>, tenant?: Tenant): Promise<T> {
    const context = currentRequest();
    if (context?.abandoned) throw new RequestAbandonedError();
    if (context?.manager) {
      if (tenant) await applyTenant(context.manager, tenant.organisationId, tenant.personId, tenant);
      return work(context.manager);
    }
    return this.dataSource.transaction(async (manager) => {
      if (tenant) await applyTenant(manager, tenant.organisationId, tenant.personId, tenant);
      const inner = { requestId: context?.requestId ?? 'job', ip: context?.ip ?? null, caller: context?.caller, manager };
      return requestContext.run(inner, () => work(manager));
    });
  }

  /**
   * Runs `work` for every organisation (a table without a tenant column, readable by anyone), each in a transaction of
   * its own as that organisation, so row-level security keeps the others out of reach: a recurring job that goes through
   * them all. The results come in organisation order.
   */
  async perOrganisation<T>(work: (organisation: { id: string; networkId: string | null }) => Promise<T>): Promise<T[]> {
    const organisations: Array<{ id: string; networkId: string | null }> = await this.manager.query(
      `select id, network_id as "networkId" from organisation order by id`,
    );
    const results: T[] = [];
    for (const organisation of organisations) {
      results.push(await this.transaction(() => work(organisation), { organisationId: organisation.id, personId: null, networkId: organisation.networkId }));
    }
    return results;
  }
}

/**
 * Transaction-local settings (`set_config(..., true)`): they end with the transaction, never leak through the pool.
 * The readable organisations are the caller's own plus those of the networks it coordinates.
 */
export async function applyTenant(
  manager: EntityManager,
  organisationId: string | null,
  personId: string | null,
  scope: Pick<Tenant, 'networkId' | 'coordinatedNetworkIds'> = {},
): Promise<void> {
  const coordinated = scope.coordinatedNetworkIds ?? [];
  await manager.query(
    `select set_config('kunna.organisation_id', $1, true), set_config('kunna.person_id', $2, true),
            set_config('kunna.network_id', $3, true),
            set_config('kunna.organisation_ids',
              case when $1 = '' then ''
                   else array(select $1 union select id::text from organisation where network_id = any($4::uuid[]))::text end, true)`,
    [organisationId ?? '', personId ?? '', scope.networkId ?? '', coordinated],
  );
}

/**
 * The request's transaction, opened by the access guard as soon as the request arrives so that every
 * guard, pipe and handler after it works inside the tenant; committed by the transaction interceptor,
 * rolled back when the request ends any other way (a later guard refused it, the client went away).
 */
export class RequestTransaction {
  private finished = false;

  private constructor(private readonly runner: QueryRunner) {}

  static async open(dataSource: DataSource, store: RequestContext): Promise<RequestTransaction> {
    const runner = dataSource.createQueryRunner();
    try {
      await runner.connect();
      await runner.startTransaction();
    } catch (error) {
      await runner.release().catch(() => undefined);
      throw error;
    }
    const transaction = new RequestTransaction(runner);
    store.manager = runner.manager;
    store.transaction = transaction;
    return transaction;
  }

  get manager(): EntityManager {
    return this.runner.manager;
  }

  async commit(store: RequestContext): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    try {
      await this.runner.commitTransaction();
    } finally {
      this.detach(store);
      await this.runner.release();
    }
  }

  /** The client went away before the answer: roll back, and refuse every later query of the request (see RequestAbandonedError). */
  async abandon(store: RequestContext): Promise<void> {
    if (this.finished) return;
    store.abandoned = true;
    await this.rollback(store);
  }

  async rollback(store: RequestContext): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    try {
      if (this.runner.isTransactionActive) await this.runner.rollbackTransaction();
    } catch {
      // The connection broke (database restart): releasing it below discards it from the pool.
    } finally {
      this.detach(store);
      await this.runner.release().catch(() => undefined);
    }
  }

  private detach(store: RequestContext): void {
    if (store.transaction === this) {
      store.transaction = undefined;
      store.manager = undefined;
    }
  }
}
