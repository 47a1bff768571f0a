import { Injectable } from '@nestjs/common';
import { Db } from '../database/db';

export interface KeptRow {
  body: unknown;
  computedAt: string;
  /** How long computing it took. */
  computeMs: number;
  /** The organisation's source rows changed since, or the figures are from another day. */
  stale: boolean;
}

export interface KeptQuery {
  view: string;
  queryKey: string;
  query: Record<string, unknown>;
}

// The day in Kunna's time zone: "today" decides the default period of every view.
const LOCAL_DAY = (column: string) => `(${column} at time zone 'Europe/Stockholm')::date`;

/** The kept views (`insight_snapshot`) and the organisations whose sources changed since (`insight_stale`). */
@Injectable()
export class SnapshotsRepository {
  constructor(private readonly db: Db) {}

  async find(organisationId: string, view: string, queryKey: string): Promise<KeptRow | null> {
    const [row]: Array<{ body: unknown; computed_at: Date; compute_ms: number; stale: boolean; read_long_ago: boolean }> = await this.db.manager.query(
      `select s.body, s.computed_at, s.compute_ms, s.read_at < now() - interval '1 hour' as read_long_ago,
              exists (select 1 from insight_stale t where t.organisation_id = s.organisation_id)
              or ${LOCAL_DAY('s.computed_at')} <> ${LOCAL_DAY('now()')} as stale
         from insight_snapshot s where s.organisation_id = $1 and s.view = $2 and s.query_key = $3`,
      [organisationId, view, queryKey],
    );
    if (!row) return null;
    // When it was read decides how long it is kept; hourly is exact enough, and readers then never write the row.
    if (row.read_long_ago) {
      await this.db.manager.query(`update insight_snapshot set read_at = now() where organisation_id = $1 and view = $2 and query_key = $3`, [
        organisationId,
        view,
        queryKey,
      ]);
    }
    return { body: row.body, computedAt: row.computed_at.toISOString(), computeMs: row.compute_ms, stale: row.stale };
  }

  /** Serialises the first computation of one view and query: concurrent first readers wait and then find it kept. */
  async lock(organisationId: string, view: string, queryKey: string): Promise<void> {
    await this.db.manager.query(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [`kunna.snapshot:${organisationId}:${view}:${queryKey}`]);
  }

  /** Keeps the answer; answers the time it was computed. */
  async store(organisationId: string, kept: KeptQuery, body: unknown, computeMs: number): Promise<string> {
    const rows: Array<{ computed_at: Date }> = await this.db.manager.query(
      `insert into insight_snapshot (organisation_id, view, query_key, query, body, computed_at, compute_ms, read_at)
       values ($1, $2, $3, $4::jsonb, $5::jsonb, now(), $6, now())
       on conflict (organisation_id, view, query_key) do update set body = excluded.body, computed_at = excluded.computed_at, compute_ms = excluded.compute_ms
       returning computed_at`,
      [organisationId, kept.view, kept.queryKey, JSON.stringify(kept.query), JSON.stringify(body), Math.round(computeMs)],
    );
    return rows[0].computed_at.toISOString();
  }

  async remove(organisationId: string, view: string, queryKey: string): Promise<void> {
    await this.db.manager.query(`delete from insight_snapshot where organisation_id = $1 and view = $2 and query_key = $3`, [organisationId, view, queryKey]);
  }

  /**
   * Starts a refresh: clears the organisation's mark (a write from now on marks it again), forgets views nobody read
   * for `unreadDays`, and lists the rest.
   */
  async beginRefresh(organisationId: string, unreadDays: number): Promise<KeptQuery[]> {
    await this.db.manager.query(`delete from insight_stale where organisation_id = $1`, [organisationId]);
    await this.db.manager.query(`delete from insight_snapshot where organisation_id = $1 and read_at < now() - make_interval(days => $2)`, [
      organisationId,
      unreadDays,
    ]);
    const rows: Array<{ view: string; query_key: string; query: Record<string, unknown> }> = await this.db.manager.query(
      `select view, query_key, query from insight_snapshot where organisation_id = $1 order by view, query_key`,
      [organisationId],
    );
    return rows.map((row) => ({ view: row.view, queryKey: row.query_key, query: row.query }));
  }

  async networkOf(organisationId: string): Promise<string | null> {
    const rows: Array<{ network_id: string | null }> = await this.db.manager.query(`select network_id from organisation where id = $1`, [organisationId]);
    return rows[0]?.network_id ?? null;
  }

  /** Drops every kept view of the organisation (`npm run insights:rebuild` recomputes them on their next read). */
  async forget(organisationId: string): Promise<void> {
    await this.db.manager.query(`delete from insight_snapshot where organisation_id = $1`, [organisationId]);
  }
}
