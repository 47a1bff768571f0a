import { HttpException, Injectable } from '@nestjs/common';
import { KeptFigures, Role, ScopeType } from '@kunna/contracts';
import type { Caller } from '../auth';
import { defineJobKind, JobQueue } from '../jobs';
import { KeptQuery, SnapshotsRepository } from './snapshots.repository';

export type RefreshPayload = { organisationId: string };
export const REFRESH_KEPT_VIEWS = defineJobKind<RefreshPayload>('insights.refresh', { maxAttempts: 3, backoff: { baseSeconds: 30, maxSeconds: 600 } });

type Compute = (caller: Caller, query: Record<string, unknown>) => Promise<object>;

// Views nobody opened for this long are no longer kept up to date.
const UNREAD_DAYS = 14;

/**
 * Organisation-wide insight views kept between reads (issue 15): the first read of a view and query computes it (as
 * before, through the privacy gate) and keeps the answer; later reads answer what is kept, and when the organisation's
 * data has changed since (triggers mark it, migrations/1763902500000-insight-snapshots.ts) also queue a recomputation
 * of all its kept views, so the next reader gets new figures within about a minute. The answer says when its figures
 * are from. Only views of the whole organisation are kept: they are the same for everyone allowed to open them.
 *
 * Privacy: a kept answer is released once, by the gate, when it is computed; answering it again reveals nothing new
 * (the gate itself lets the same group through again). Kept answers hold aggregates only, never a person's values.
 */
@Injectable()
export class KeptViews {
  private readonly views = new Map<string, Compute>();

  constructor(
    private readonly repository: SnapshotsRepository,
    private readonly jobs: JobQueue,
  ) {}

  /** Names how a view is computed, so that a refresh can recompute it without a reader. */
  define<Q extends object, B extends object>(view: string, compute: (caller: Caller, query: Q) => Promise<B>): void {
    if (this.views.has(view)) throw new Error(`Kept view ${view} is defined twice.`);
    this.views.set(view, compute as unknown as Compute);
  }

  /**
   * A stale view whose last computation took less than this is recomputed in the read itself (and the refresh is
   * queued all the same): a small organisation sees its own change at once, as when nothing was kept. Tests set it
   * to -1 to see what a large organisation's readers see.
   */
  inlineBelowMs = 500;

  /** The kept answer of an organisation-wide view (computed now if there is none yet, or it is stale and cheap). */
  async read<Q extends object, B extends object>(caller: Caller, view: string, query: Q): Promise<B & Required<KeptFigures>> {
    const compute = this.views.get(view);
    if (!compute) throw new Error(`Kept view ${view} is not defined.`);
    const kept = keptQuery(view, query);
    const organisationId = caller.organisationId;
    let found = await this.repository.find(organisationId, view, kept.queryKey);
    if (!found) {
      await this.repository.lock(organisationId, view, kept.queryKey);
      found = await this.repository.find(organisationId, view, kept.queryKey);
    }
    if (found && !found.stale) return { ...(found.body as B), asOf: found.computedAt };
    if (found) {
      await this.queueRefresh(organisationId);
      if (found.computeMs >= this.inlineBelowMs) return { ...(found.body as B), asOf: found.computedAt };
    }
    const started = performance.now();
    const body = (await compute(caller, kept.query)) as B;
    const asOf = await this.repository.store(organisationId, kept, body, performance.now() - started);
    return { ...body, asOf };
  }

  /** Recomputes every kept view of the organisation (the `insights.refresh` job; the caller holds the transaction). */
  async refresh(organisationId: string): Promise<{ views: number }> {
    const kept = await this.repository.beginRefresh(organisationId, UNREAD_DAYS);
    const caller = organisationReader(organisationId, await this.repository.networkOf(organisationId));
    for (const view of kept) {
      const compute = this.views.get(view.view);
      if (!compute) {
        await this.repository.remove(organisationId, view.view, view.queryKey);
        continue;
      }
      try {
        const started = performance.now();
        const body = await compute(caller, view.query);
        await this.repository.store(organisationId, view, body, performance.now() - started);
      } catch (error) {
        // What the view was about is gone (an instrument deleted) or no longer allowed: it is no longer kept.
        if (!(error instanceof HttpException)) throw error;
        await this.repository.remove(organisationId, view.view, view.queryKey);
      }
    }
    return { views: kept.length };
  }

  /** Drops the organisation's kept views: the next read of each computes it from the source rows. */
  async forget(organisationId: string): Promise<void> {
    await this.repository.forget(organisationId);
  }

  /**
   * One refresh per organisation at a time: while one waits or runs (the job is then still pending), reads queue
   * nothing more, so a busy organisation is recomputed back to back at most, never in parallel.
   */
  private async queueRefresh(organisationId: string): Promise<void> {
    const uniqueKey = `organisation:${organisationId}`;
    const latest = await this.jobs.find(REFRESH_KEPT_VIEWS, uniqueKey);
    if (latest?.status === 'pending') return;
    await this.jobs.enqueue(REFRESH_KEPT_VIEWS, { organisationId }, { uniqueKey, onConflict: 'replace', organisationId });
  }
}

/** The view and its query in one canonical form: keys sorted, absent values left out. */
export function keptQuery(view: string, query: object): KeptQuery {
  const entries = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const canonical = Object.fromEntries(entries) as Record<string, unknown>;
  return { view, queryKey: JSON.stringify(canonical), query: canonical };
}

/** Who recomputes a kept view: a reader of the whole organisation (HR), as every reader of a kept view is. */
function organisationReader(organisationId: string, networkId: string | null): Caller {
  return {
    personId: '00000000-0000-0000-0000-000000000000',
    organisationId,
    networkId: networkId ?? '',
    sessionId: 'insights.refresh',
    csrfToken: '',
    grants: [{ id: 'insights.refresh', role: Role.Hr, scopeType: ScopeType.Organisation, scopeId: organisationId }],
  };
}
