export { SessionsRepository } from './sessions.repository';
export { hours } from './participation.service';
export { SessionsService } from './sessions.service';
export { SessionsModule } from './sessions.module';
export { loadDemoSessions } from './demo-sessions';
export { AttendanceRecorded, type ProgramCompletion, SessionsStatusChanged } from './session-events';
