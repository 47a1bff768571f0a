import { AmbassadorsModule } from '../ambassadors';
import { ChecksModule } from '../checks';
import { InsightsModule } from '../insights';
import { ImportsModule } from '../imports';
import { JobsModule } from '../jobs';
import { KioskModule } from '../kiosk';
import { LibraryModule } from '../library';
import { OrganisationModule } from '../organisation';
import { PeopleModule } from '../people';
import { PersonalDataModule } from '../personal-data';
import { SessionsModule } from '../sessions';
import { CalendarModule } from '../calendar';
import { NotificationsModule } from '../notifications';
import { TodayModule } from '../today';

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
