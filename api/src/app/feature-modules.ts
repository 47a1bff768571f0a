import { AmbassadorsModule } from '../ambassadors/ambassadors.module';
import { ChecksModule } from '../checks/checks.module';
import { InsightsModule } from '../insights/insights.module';
import { ImportsModule } from '../imports/imports.module';
import { JobsModule } from '../jobs/jobs.module';
import { KioskModule } from '../kiosk/kiosk.module';
import { LibraryModule } from '../library/library.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { PeopleModule } from '../people/people.module';
import { PersonalDataModule } from '../personal-data/personal-data.module';
import { SessionsModule } from '../sessions/sessions.module';
import { CalendarModule } from '../calendar/calendar.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { TodayModule } from '../today/today.module';

/** Feature modules, one folder each. Add a feature here and its routes to the authorization matrix. */
export const FEATURE_MODULES = [
  OrganisationModule,
  PeopleModule,
  ImportsModule,
  LibraryModule,
  AmbassadorsModule,
  SessionsModule,
  JobsModule,
  ChecksModule,
  KioskModule,
  InsightsModule,
  CalendarModule,
  NotificationsModule,
  PersonalDataModule,
  TodayModule,
];
