import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications';
import { CatchUpService } from './catch-up.service';
import { ParticipationController } from './participation.controller';
import { ParticipationService } from './participation.service';
import { SeriesService } from './series.service';
import { SessionsPermitObjects } from './sessions-permit-objects';
import { SupportService } from './support.service';
import { SessionsController } from './sessions.controller';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';

/** Workplace sessions (tillfällen): scheduling, series, conflicts, attendance, catch-up, individual support, hours. */
@Module({
  imports: [NotificationsModule],
  controllers: [SessionsController, ParticipationController],
  providers: [SessionsRepository, SessionsService, SeriesService, CatchUpService, SupportService, ParticipationService, SessionsPermitObjects],
  exports: [SessionsService, SessionsRepository, ParticipationService],
})
export class SessionsModule {}
