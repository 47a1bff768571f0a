import { AMBASSADOR_ENTITIES } from '../ambassadors/ambassadors.entities';
import { AuditLogEntity, AuditSettingsEntity } from '../audit/audit-log.entity';
import { CHECK_ENTITIES } from '../checks/checks.entities';
import { AuthSessionEntity, CredentialEntity, OneTimeCodeEntity, SignInThrottleEntity } from '../auth/auth.entities';
import { INSIGHT_ENTITIES } from '../insights/insights.entities';
import { SNAPSHOT_ENTITIES } from '../snapshots/snapshots.entities';
import { ImportRunEntity } from '../imports/import-run.entity';
import { LIBRARY_ENTITIES } from '../library/library.entities';
import { AreaEntity, NetworkEntity, OrganisationEntity, UnitEntity } from '../organisation/organisation.entities';
import { PersonEntity, RoleAssignmentEntity, UnitMembershipEntity } from '../people/people.entities';
import { SESSION_ENTITIES } from '../sessions/sessions.entities';
import { CALENDAR_ENTITIES } from '../calendar/calendar.entities';
import { NOTIFICATION_ENTITIES } from '../notifications/notifications.entities';
import { PersonalDataSettingsEntity } from '../personal-data/personal-data.entities';
import { PrivacyReleaseEntity } from '../privacy';

/** Every entity the application maps; a test checks that the migrations create exactly this schema. */
export const ENTITIES = [
  NetworkEntity,
  OrganisationEntity,
  AreaEntity,
  UnitEntity,
  PersonEntity,
  UnitMembershipEntity,
  RoleAssignmentEntity,
  CredentialEntity,
  OneTimeCodeEntity,
  AuthSessionEntity,
  SignInThrottleEntity,
  AuditLogEntity,
  AuditSettingsEntity,
  ImportRunEntity,
  ...LIBRARY_ENTITIES,
  ...AMBASSADOR_ENTITIES,
  ...SESSION_ENTITIES,
  ...CHECK_ENTITIES,
  ...INSIGHT_ENTITIES,
  ...SNAPSHOT_ENTITIES,
  ...CALENDAR_ENTITIES,
  ...NOTIFICATION_ENTITIES,
  PersonalDataSettingsEntity,
  PrivacyReleaseEntity,
];
