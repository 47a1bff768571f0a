import { Injectable } from '@nestjs/common';
import type { AuditAction } from '@kunna/contracts';
import { Db } from './db';
import { currentRequest } from './request-context';

export interface AuditEntry {
  /** One of AUDIT_ACTIONS (libs/contracts), which every reader can name in words. */
  action: AuditAction;
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
    // Through a SECURITY DEFINER function: entries such as failed sign-ins are written before any tenant is known.
    await this.db.manager.query(`select kunna_append_audit($1, $2::uuid, $3::uuid, $4, $5, $6::jsonb, $7, $8)`, [
      entry.action,
      entry.organisationId ?? context?.caller?.organisationId ?? null,
      entry.actorPersonId ?? context?.caller?.personId ?? null,
      entry.targetType ?? null,
      entry.targetId ?? null,
      JSON.stringify(entry.details ?? {}),
      context?.ip ?? null,
      context?.requestId ?? null,
    ]);
  }
}
