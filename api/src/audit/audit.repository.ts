import { Injectable } from '@nestjs/common';
import { AuditLogEntry, AuditLogQuery } from '@kunna/contracts';
import { Db } from '../database/db';

/** A target id that is a UUID: other ids (a role title) are not looked up. */
const TARGET_UUID = `a.target_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'`;

/**
 * The name of an entry's target, looked up only among the objects of the entry's (the reader's) organisation and, for
 * the library, its network's shared modules and programmes; a pseudonymised person by their pseudonym. Anything else
 * (a deleted object, another organisation's) has no name and shows as its type and id.
 */
const TARGET_NAME = `case when ${TARGET_UUID} then case a.target_type
    when 'person' then (select t.first_name || ' ' || t.last_name from person t
                         where t.id = a.target_id::uuid and t.organisation_id = a.organisation_id)
    when 'unit' then (select t.name from unit t where t.id = a.target_id::uuid and t.organisation_id = a.organisation_id)
    when 'area' then (select t.name from area t where t.id = a.target_id::uuid and t.organisation_id = a.organisation_id)
    when 'organisation' then (select t.name from organisation t where t.id = a.target_id::uuid and t.id = a.organisation_id)
    when 'check_instrument' then (select t.title from check_instrument t where t.id = a.target_id::uuid and t.organisation_id = a.organisation_id)
    when 'library_program' then (select t.title from library_program t join organisation o on o.id = a.organisation_id
                                  where t.id = a.target_id::uuid and (t.organisation_id = o.id or (t.organisation_id is null and t.network_id = o.network_id)))
    when 'library_module' then (select v.title from library_module t join organisation o on o.id = a.organisation_id
                                  join library_module_version v on v.module_id = t.id
                                 where t.id = a.target_id::uuid and (t.organisation_id = o.id or (t.organisation_id is null and t.network_id = o.network_id))
                                 order by v.version_number desc limit 1)
    when 'session' then (select v.title || ' ' || to_char(t.date, 'YYYY-MM-DD') from sessions t
                           join library_module_version v on v.id = t.module_version_id
                          where t.id = a.target_id::uuid and t.organisation_id = a.organisation_id)
  end end`;

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
      target_name: string | null;
    }> = await this.db.manager.query(
      `select a.id::text, a.created_at, a.action, a.actor_person_id, a.target_type, a.target_id, a.details, a.ip,
              case when p.pseudonymised_at is null then p.first_name || ' ' || p.last_name end as actor_name,
              ${TARGET_NAME} as target_name
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
      targetName: row.target_name,
    }));
  }

  async actions(organisationId: string): Promise<string[]> {
    const rows: Array<{ action: string }> = await this.db.manager.query(`select distinct action from audit_log where organisation_id = $1 order by action`, [
      organisationId,
    ]);
    return rows.map((row) => row.action);
  }

  async retentionDays(organisationId: string): Promise<number | null> {
    const rows: Array<{ retention_days: number | null }> = await this.db.manager.query(`select retention_days from audit_settings where organisation_id = $1`, [
      organisationId,
    ]);
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
