import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications';
import { AttendanceController } from './attendance/attendance.controller';
import { AttendanceRepository } from './attendance/attendance.repository';
import { AttendanceService } from './attendance/attendance.service';
import { CatchUpRepository } from './attendance/catch-up.repository';
import { CatchUpService } from './attendance/catch-up.service';
import { ParticipationController } from './attendance/participation.controller';
import { ParticipationRepository } from './attendance/participation.repository';
import { ParticipationService } from './attendance/participation.service';
import { ConflictsRepository } from './scheduling/conflicts.repository';
import { ConflictsService } from './scheduling/conflicts.service';
import { SchedulingController } from './scheduling/scheduling.controller';
import { SchedulingRepository } from './scheduling/scheduling.repository';
import { SchedulingService } from './scheduling/scheduling.service';
import { SeriesController } from './series/series.controller';
import { SeriesRepository } from './series/series.repository';
import { SeriesService } from './series/series.service';
import { SessionsPermitObjects } from './sessions-permit-objects';
import { SupportController } from './support/support.controller';
import { SupportRepository } from './support/support.repository';
import { SupportService } from './support/support.service';

/**
 * Workplace sessions (tillfällen), one module over four parts (README.md › Layout): scheduling (with conflicts), series,
 * attendance (with catch-up and participation hours) and individual support.
 */
@Module({
  imports: [NotificationsModule],
  controllers: [SchedulingController, AttendanceController, SeriesController, ParticipationController, SupportController],
  providers: [
    SchedulingRepository,
    SchedulingService,
    ConflictsRepository,
    ConflictsService,
    SeriesRepository,
    SeriesService,
    AttendanceRepository,
    AttendanceService,
    CatchUpRepository,
    CatchUpService,
    ParticipationRepository,
    ParticipationService,
    SupportRepository,
    SupportService,
    SessionsPermitObjects,
  ],
  exports: [SchedulingService, SchedulingRepository, CatchUpRepository],
})
export class SessionsModule {}
