import { Injectable } from '@nestjs/common';
import { Db } from '../database/db';
import { currentRequest } from '../database/request-context';

export interface AuditEntry {
  action: string;
  organisationId?: string | null;
  actorPersonId?: string | null;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
}

/** Appends to the audit log inside the current transaction, so an entry exists exactly when the change does. */
@Injectable()
export class AuditService {
  constructor(private readonly db: Db) {}

  async record(entry: AuditEntry): Promise<void> {
    const context = currentRequest();
    await this.db.manager.query(
      `insert into audit_log (action, organisation_id, actor_person_id, target_type, target_id, details, ip, request_id)
       values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        entry.action,
        entry.organisationId ?? context?.caller?.organisationId ?? null,
        entry.actorPersonId ?? context?.caller?.personId ?? null,
        entry.targetType ?? null,
        entry.targetId ?? null,
        JSON.stringify(entry.details ?? {}),
        context?.ip ?? null,
        context?.requestId ?? null,
      ],
    );
  }
}
