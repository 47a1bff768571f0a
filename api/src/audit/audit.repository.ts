import { Injectable } from '@nestjs/common';
import { AuditLogEntry, AuditLogQuery } from '@kunna/contracts';
import { Db } from '../database/db';

@Injectable()
export class AuditRepository {
  constructor(private readonly db: Db) {}

  /** Newest first, `limit + 1` rows so the caller knows whether there is an older page. */
  async search(organisationId: string, query: AuditLogQuery, limit: number): Promise<AuditLogEntry[]> {
    const rows: Array<{
      id: string;
      created_at: Date;
      action: string;
      actor_person_id: string | null;
      actor_name: string | null;
      target_type: string | null;
      target_id: string | null;
      details: Record<string, unknown>;
      ip: string | null;
    }> = await this.db.manager.query(
      `select a.id::text, a.created_at, a.action, a.actor_person_id, a.target_type, a.target_id, a.details, a.ip,
              case when p.pseudonymised_at is null then p.first_name || ' ' || p.last_name end as actor_name
         from audit_log a
         left join person p on p.id = a.actor_person_id
        where a.organisation_id = $1
          and ($2::date is null or a.created_at >= $2::date)
          and ($3::date is null or a.created_at < $3::date + 1)
          and ($4::text is null or a.action = $4)
          and ($5::uuid is null or a.actor_person_id = $5 or a.target_id = $5::text)
          and ($6::bigint is null or a.id < $6::bigint)
        order by a.id desc
        limit $7`,
      [organisationId, query.from ?? null, query.to ?? null, query.action ?? null, query.personId ?? null, query.before ?? null, limit + 1],
    );
    return rows.map((row) => ({
      id: row.id,
      createdAt: row.created_at.toISOString(),
      action: row.action,
      actorPersonId: row.actor_person_id,
      actorName: row.actor_name,
      targetType: row.target_type,
      targetId: row.target_id,
      details: row.details,
      ip: row.ip,
    }));
  }

  async actions(organisationId: string): Promise<string[]> {
    const rows: Array<{ action: string }> = await this.db.manager.query(
      `select distinct action from audit_log where organisation_id = $1 order by action`,
      [organisationId],
    );
    return rows.map((row) => row.action);
  }

  async retentionDays(organisationId: string): Promise<number | null> {
    const rows: Array<{ retention_days: number | null }> = await this.db.manager.query(
      `select retention_days from audit_settings where organisation_id = $1`,
      [organisationId],
    );
    return rows[0]?.retention_days ?? null;
  }

  async setRetentionDays(organisationId: string, days: number | null, personId: string): Promise<void> {
    await this.db.manager.query(
      `insert into audit_settings (organisation_id, retention_days, updated_by) values ($1, $2, $3)
       on conflict (organisation_id) do update set retention_days = excluded.retention_days, updated_by = excluded.updated_by, updated_at = now()`,
      [organisationId, days, personId],
    );
  }

  /** Removes every organisation's entries older than its retention; returns how many. */
  async purgeExpired(): Promise<number> {
    const rows: Array<{ removed: number }> = await this.db.manager.query(`select kunna_purge_audit_log() as removed`);
    return rows[0]?.removed ?? 0;
  }
}
