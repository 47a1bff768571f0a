export { SchedulingRepository } from './scheduling/scheduling.repository';
export { SchedulingService } from './scheduling/scheduling.service';
export { ConflictsRepository } from './scheduling/conflicts.repository';
export { CatchUpRepository } from './attendance/catch-up.repository';
export { hours } from './attendance/participation.service';
export { SessionsModule } from './sessions.module';
export { loadDemoSessions } from './demo-sessions';
export { AttendanceRecorded, type ProgramCompletion, SessionsStatusChanged } from './session-events';
