/** One audit log entry as an organisation admin sees it. */
export interface AuditLogEntry {
  id: string;
  createdAt: string;
  action: string;
  actorPersonId: string | null;
  /** "First Last" of the actor, or null (system, unknown identifier, pseudonymised). */
  actorName: string | null;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  ip: string | null;
}

/** Filters of the audit log search; all optional. Dates are inclusive, `YYYY-MM-DD`. */
export interface AuditLogQuery {
  from?: string;
  to?: string;
  /** Exact action, e.g. `auth.sign_in_failed`. */
  action?: string;
  /** Entries by this person or about them. */
  personId?: string;
  /** Page on: entries older than this entry id. */
  before?: string;
  limit?: number;
}

export interface AuditLogPage {
  entries: AuditLogEntry[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: string | null;
  /** The actions found in the organisation's log, for the filter. */
  actions: string[];
}

/** How long the organisation keeps audit entries; null keeps them until removed under an archive decision. */
export interface AuditRetention {
  retentionDays: number | null;
}

export const AUDIT_RETENTION_MIN_DAYS = 30;
export const AUDIT_RETENTION_MAX_DAYS = 3650;
