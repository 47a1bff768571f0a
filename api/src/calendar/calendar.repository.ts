import { Injectable } from '@nestjs/common';
import { Db } from '../database/db';

/** Whose feed a token opens: a person's or a unit's. */
export interface FeedOwner {
  feedId: string;
  organisationId: string;
  personId: string | null;
  unitId: string | null;
}

export type FeedScope = { personId: string } | { unitId: string };

export interface FeedSessionRow {
  id: string;
  title: string;
  unitName: string;
  place: string;
  startsAt: Date;
  endsAt: Date;
  durationMinutes: number;
  status: 'scheduled' | 'cancelled';
  cancelReason: string | null;
  revision: number;
  updatedAt: Date;
  facilitators: string[];
}

@Injectable()
export class CalendarRepository {
  constructor(private readonly db: Db) {}

  /** The anonymous look-up (before any tenant is known) through the SECURITY DEFINER function of the migration. */
  async feedOwner(tokenHash: string): Promise<FeedOwner | null> {
    const rows: Array<{ feed_id: string; organisation_id: string; person_id: string | null; unit_id: string | null }> = await this.db.manager.query(
      `select * from kunna_calendar_feed_owner($1)`,
      [tokenHash],
    );
    const row = rows[0];
    return row ? { feedId: row.feed_id, organisationId: row.organisation_id, personId: row.person_id, unitId: row.unit_id } : null;
  }

  async liveFeed(scope: FeedScope): Promise<{ id: string; createdAt: Date } | null> {
    const [column, value] = 'personId' in scope ? ['person_id', scope.personId] : ['unit_id', scope.unitId];
    const rows: Array<{ id: string; created_at: Date }> = await this.db.manager.query(
      `select id, created_at from calendar_feed where ${column} = $1 and revoked_at is null for update`,
      [value],
    );
    return rows[0] ? { id: rows[0].id, createdAt: rows[0].created_at } : null;
  }

  async revoke(scope: FeedScope): Promise<boolean> {
    const [column, value] = 'personId' in scope ? ['person_id', scope.personId] : ['unit_id', scope.unitId];
    // An UPDATE answers [rows, affected count] through TypeORM's driver.
    const [, affected]: [unknown[], number] = await this.db.manager.query(
      `update calendar_feed set revoked_at = now() where ${column} = $1 and revoked_at is null`,
      [value],
    );
    return affected > 0;
  }

  async insert(feed: { organisationId: string; scope: FeedScope; tokenHash: string; createdBy: string }): Promise<Date> {
    const personId = 'personId' in feed.scope ? feed.scope.personId : null;
    const unitId = 'unitId' in feed.scope ? feed.scope.unitId : null;
    const rows: Array<{ created_at: Date }> = await this.db.manager.query(
      `insert into calendar_feed (organisation_id, person_id, unit_id, token_hash, created_by) values ($1, $2, $3, $4, $5) returning created_at`,
      [feed.organisationId, personId, unitId, feed.tokenHash, feed.createdBy],
    );
    return rows[0].created_at;
  }

  async unitName(unitId: string): Promise<string | null> {
    const rows: Array<{ name: string }> = await this.db.manager.query(`select name from unit where id = $1`, [unitId]);
    return rows[0]?.name ?? null;
  }

  async person(personId: string): Promise<{ name: string; language: 'sv' | 'en' } | null> {
    const rows: Array<{ name: string; language: 'sv' | 'en' }> = await this.db.manager.query(
      // A feed is written in Swedish or English only: the other staff languages get Swedish (uiLanguageFor in contracts).
      `select first_name || ' ' || last_name as name, case preferred_language when 'en' then 'en' else 'sv' end as language
         from person where id = $1 and pseudonymised_at is null`,
      [personId],
    );
    return rows[0] ?? null;
  }

  /**
   * Sessions of the feed between the two instants, cancelled ones included. A person's feed: sessions they are
   * invited to (`session_invitees`, so membership on the date counts) or lead; a unit's feed: the unit's sessions.
   */
  async sessions(scope: FeedScope, from: Date, to: Date): Promise<FeedSessionRow[]> {
    const filter =
      'personId' in scope
        ? `(exists (select 1 from session_invitees i where i.session_id = s.id and i.person_id = $3)
            or exists (select 1 from session_facilitators f where f.session_id = s.id and f.person_id = $3))`
        : `s.unit_id = $3`;
    const value = 'personId' in scope ? scope.personId : scope.unitId;
    const rows: Array<{
      id: string;
      title: string;
      unit_name: string;
      place: string;
      starts_at: Date;
      ends_at: Date;
      duration_minutes: number;
      status: 'scheduled' | 'cancelled';
      cancel_reason: string | null;
      revision: number;
      updated_at: Date;
      facilitators: string[];
    }> = await this.db.manager.query(
      `select s.id, v.title, u.name as unit_name, s.place, s.starts_at, s.ends_at, s.duration_minutes, s.status, s.cancel_reason,
              s.revision, s.updated_at,
              coalesce((select array_agg(p.first_name || ' ' || p.last_name order by p.last_name, p.first_name)
                          from session_facilitators f join person p on p.id = f.person_id where f.session_id = s.id), '{}') as facilitators
         from sessions s
         join library_module_version v on v.id = s.module_version_id
         join unit u on u.id = s.unit_id
        where s.ends_at >= $1 and s.starts_at <= $2 and ${filter}
        order by s.starts_at, s.id`,
      [from, to, value],
    );
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      unitName: row.unit_name,
      place: row.place,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      durationMinutes: row.duration_minutes,
      status: row.status,
      cancelReason: row.cancel_reason,
      revision: row.revision,
      updatedAt: row.updated_at,
      facilitators: row.facilitators,
    }));
  }
}
