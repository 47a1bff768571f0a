/**
 * Every action the audit log records (api/src/audit/audit.service.ts takes only these), so that every reader can name
 * it in words (web/src/app/audit/audit-actions.ts).
 */
export const AUDIT_ACTIONS = [
  'ambassador.appointed',
  'ambassador.appointment_updated',
  'ambassador.qualification_renewed',
  'ambassador.qualification_revoked',
  'ambassador.qualified',
  'area.created',
  'area.updated',
  'attendance.cleared',
  'attendance.recorded',
  'audit.retention_changed',
  'auth.code_issued',
  'auth.first_sign_in',
  'auth.password_change_failed',
  'auth.password_changed',
  'auth.password_reset',
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.sign_out',
  'calendar_feed.created',
  'calendar_feed.revoked',
  'calendar_feed.rotated',
  'catch_up.read',
  'checks.assignment.cancel',
  'checks.assignment.create',
  'checks.core_item.create',
  'checks.core_item.retire',
  'checks.instrument.create',
  'checks.instrument.draft',
  'checks.instrument.publish',
  'checks.item_audio.delete',
  'checks.item_audio.upload',
  'checks.kiosk_ended',
  'checks.kiosk_leave_failed',
  'checks.kiosk_started',
  'checks.language_rates.read',
  'checks.language_rates.suppressed',
  'checks.observation.save',
  'checks.results.read',
  'checks.results.read_own',
  'checks.results.suppressed',
  'checks.round.open',
  'checks.support_signals.read',
  'checks.translation.create',
  'checks.translation.delete',
  'checks.translation.review',
  'checks.translation.settings',
  'checks.translation.update',
  'competence_gap.read',
  'import.run',
  'insights.competence_profile.create',
  'insights.competence_profile.delete',
  'insights.competence_profile.update',
  'insights.external_cost.create',
  'insights.external_cost.delete',
  'insights.hourly_rate.set',
  'insights.participant_report.read',
  'insights.plan_entry.create',
  'insights.plan_entry.delete',
  'insights.plan_entry.update',
  'insights.target.create',
  'insights.target.delete',
  'insights.target.update',
  'insights.team.read',
  'library.attachment.added',
  'library.attachment.removed',
  'library.module.adapted',
  'library.module.archived',
  'library.module.created',
  'library.module.draft_discarded',
  'library.module.draft_from_source',
  'library.module.proposed',
  'library.module.published',
  'library.module.restored',
  'library.program.assigned',
  'library.program.assignment_ended',
  'library.program.created',
  'library.program.updated',
  'library.proposal.accepted',
  'library.proposal.declined',
  'library.starter_library.loaded',
  'participation.read',
  'person.created',
  'person.disabled',
  'person.enabled',
  'person.ended',
  'person.moved',
  'person.pseudonymised',
  'person.read',
  'person.updated',
  'personal_data.exported',
  'personal_data.retention_changed',
  'role.assigned',
  'role.revoked',
  'session.cancelled',
  'session.created',
  'session.restored',
  'session.updated',
  'session_series.created',
  'session_series.updated',
  'support.logged',
  'support.read',
  'unit.created',
  'unit.updated',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

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
  /**
   * The target's name where the reader may see it (a person, unit, area, module, programme, check or session of the
   * reader's organisation; a pseudonymised person by their pseudonym); null otherwise.
   */
  targetName: string | null;
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
