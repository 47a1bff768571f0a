export { SessionsModule } from './sessions.module';
export { SessionsService } from './sessions.service';
export { SessionsRepository, ATTENDED_SQL, PARTICIPATION_MINUTES_SQL, SESSION_TIME_ZONE, LOCAL_TODAY } from './sessions.repository';
export { hours } from './participation.service';
