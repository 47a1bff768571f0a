import { Foundation1763900000000 } from './1763900000000-foundation';
import { Library1763900300000 } from './1763900300000-library';
import { Ambassadors1763900310000 } from './1763900310000-ambassadors';
import { AuditLogNoTruncate1763900320000 } from './1763900320000-audit-log-no-truncate';
import { Sessions1763900400000 } from './1763900400000-sessions';
import { Checks1763900500000 } from './1763900500000-checks';
import { ChecksSessions1763900510000 } from './1763900510000-checks-sessions';
import { Jobs1763900600000 } from './1763900600000-jobs';
import { RowLevelSecurity1763900700000 } from './1763900700000-row-level-security';
import { AuditSearch1763900710000 } from './1763900710000-audit-search';
import { Insights1763900800000 } from './1763900800000-insights';
import { CalendarNotifications1763900900000 } from './1763900900000-calendar-notifications';
import { ChecksFollowUp1763900950000 } from './1763900950000-checks-follow-up';
import { PersonalData1763901000000 } from './1763901000000-personal-data';
import { CompetenceProfiles1763901300000 } from './1763901300000-competence-profiles';
import { CheckReleaseDedupe1763901400000 } from './1763901400000-check-release-dedupe';
import { FacilitatorReason1763901500000 } from './1763901500000-facilitator-reason';
import { SignInThrottlePrivacy1763901600000 } from './1763901600000-sign-in-throttle-privacy';
import { PrivacyRelease1763901700000 } from './1763901700000-privacy-release';
import { CalendarFeedActiveOwner1763901800000 } from './1763901800000-calendar-feed-active-owner';
import { AttendanceMarkClearing1763901870000 } from './1763901870000-attendance-mark-clearing';
import { InsightParticipationDay1763901900000 } from './1763901900000-insight-participation-day';
import { KioskCredential1763901930000 } from './1763901930000-kiosk-credential';
import { JobsToPgBoss1763901950000 } from './1763901950000-jobs-to-pg-boss';
import { InsightResponseLevel1763902000000 } from './1763902000000-insight-response-level';
import { ModuleProposals1763902100000 } from './1763902100000-module-proposals';
import { AttendanceMarksSessionIndex1763902150000 } from './1763902150000-attendance-marks-session-index';
import { StaffLanguage1763902418000 } from './1763902418000-staff-language';
import { InsightSnapshots1763902500000 } from './1763902500000-insight-snapshots';
import { ParticipationReportIndexes1763902600000 } from './1763902600000-participation-report-indexes';
import { ParticipationPersonYear1763902700000 } from './1763902700000-participation-person-year';
import { SwedishCollation1763902800000 } from './1763902800000-swedish-collation';
import { CsvField1763902900000 } from './1763902900000-csv-field';
import { CheckItemTranslations1763902420000 } from './1763902420000-check-item-translations';

/** Every migration, in order. Migrations hold raw SQL and never import application code. */
/**
 * A migration that rewrites a table (a stored generated column, a change of type) names it: the new table has no page
 * marked all-visible, and autovacuum does not come for a table without dead rows, so until a vacuum every index-only
 * scan of it reads the table as well. `migrate` (api/src/database/data-source.ts) vacuums these tables once all
 * pending migrations have run.
 */
export interface RewritesTables {
  readonly rewrites: readonly string[];
}

export const MIGRATIONS = [
  Foundation1763900000000,
  Library1763900300000,
  Ambassadors1763900310000,
  AuditLogNoTruncate1763900320000,
  Sessions1763900400000,
  Checks1763900500000,
  ChecksSessions1763900510000,
  Jobs1763900600000,
  // Row-level security covers every table with organisation_id created before it; later tables call kunna_enable_tenant_rls.
  RowLevelSecurity1763900700000,
  AuditSearch1763900710000,
  Insights1763900800000,
  CalendarNotifications1763900900000,
  ChecksFollowUp1763900950000,
  PersonalData1763901000000,
  CompetenceProfiles1763901300000,
  CheckReleaseDedupe1763901400000,
  FacilitatorReason1763901500000,
  SignInThrottlePrivacy1763901600000,
  PrivacyRelease1763901700000,
  CalendarFeedActiveOwner1763901800000,
  AttendanceMarkClearing1763901870000,
  InsightParticipationDay1763901900000,
  KioskCredential1763901930000,
  JobsToPgBoss1763901950000,
  InsightResponseLevel1763902000000,
  ModuleProposals1763902100000,
  AttendanceMarksSessionIndex1763902150000,
  StaffLanguage1763902418000,
  CheckItemTranslations1763902420000,
  InsightSnapshots1763902500000,
  ParticipationReportIndexes1763902600000,
  ParticipationPersonYear1763902700000,
  SwedishCollation1763902800000,
  CsvField1763902900000,
];
